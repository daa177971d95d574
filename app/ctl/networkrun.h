#pragma once
// A network write command (accept, decline, withdraw, invite) seen through to its end: inputs
// refused before the queue, then one InvitationQueue run with its pacing, then one outcome per
// input — "done", "refused", "failed", "unknown" or "cancelled" — as each settles. SIGINT
// cancels the queued rest (the request in flight completes); a second one stops waiting.
// Exit status: 0 when every input is done, 3 when any outcome is unknown (the write may or may
// not have taken effect: a list command shows which), else 1.
#include "session.h"

#include "sync/invitationqueue.h"

namespace ld::ctl {

class NetworkRun
{
public:
    NetworkRun(Session &session, NetworkAction action, const QString &accountId);

    // An input refused before anything was stored or sent (an unknown URN, a bad profile URL):
    // it gets its outcome line like the others.
    void refuse(const QString &subject, const QString &name, const QString &reason);
    // An input an earlier run already wrote (its item is Sent, Unknown or still Sending after a
    // kill): reported with that item's outcome, never sent again.
    void adopt(const QString &subject, const OutboxItem &item);

    // An input for the queue. Outcomes are reported in the order inputs were added.
    void add(const NetworkTask &task);
    int taskCount() const { return int(m_tasks.size()); }

    // Settles what an earlier, killed linkupctl left (InvitationQueue::resume()), starts one
    // run of the tasks added (none: only the other lines are reported), waits until every
    // input has its outcome, prints them and the summary, and returns the exit status.
    int run(const QString &title, int minDelayMs = -1, int maxDelayMs = -1);

private:
    struct Line
    {
        QString subject; // entity URN, or the profile URL of an invite
        QString name;
        QString profileUrl;
        QString resultUrn; // invite: the invitation it created
        QString outcome; // empty while the item waits or its request is on its way
        QString reason;
        qint64 itemId = 0;
        int task = -1; // index in m_tasks until the run stored it
        bool earlier = false; // adopted from an earlier run
        bool printed = false;
    };

    bool settled(const Line &line) const;
    void update(Line *line) const; // from the stored item
    void print(Line *line);
    bool itemMatches(const OutboxItem &item, const NetworkTask &task) const;
    int finish(qint64 runId);
    QString verifyHint() const;

    Session &m_session;
    NetworkAction m_action;
    QString m_accountId;
    QList<Line> m_lines;
    QList<NetworkTask> m_tasks;
    QSet<qint64> m_verifying; // Unknown items whose check_invitation has not answered yet
    QHash<qint64, QString> m_checkProblems; // why a check_invitation failed, per item
    QDateTime m_startedAt; // credits spent since then are this command's
    bool m_stoppedWaiting = false; // a second SIGINT: an item still Sending is reported unknown
};

} // namespace ld::ctl
