#include "networkrun.h"

#include "domain/profileurl.h"
#include "store/creditledger.h"
#include "store/outboxrepository.h"
#include "store/runrepository.h"

#include <QJsonArray>

#include <algorithm>

namespace ld::ctl {

namespace {

using State = OutboxItem::State;

QString outcomeOf(State state)
{
    switch (state) {
    case State::Sent:
        return QStringLiteral("done");
    case State::Refused:
        return QStringLiteral("refused");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    case State::Unknown:
    case State::Sending: // only when we stopped waiting: its request may have arrived
        return QStringLiteral("unknown");
    case State::Queued:
        break;
    }
    return QString();
}

bool isNetworkKind(const QString &kind)
{
    return networkActionFromKind(kind).has_value();
}

// "accepted", "declined", ... for the line of an item that is done.
QString pastTense(NetworkAction action)
{
    switch (action) {
    case NetworkAction::Invite:
        return QStringLiteral("invited");
    case NetworkAction::Accept:
        return QStringLiteral("accepted the invitation of");
    case NetworkAction::Decline:
        return QStringLiteral("declined the invitation of");
    case NetworkAction::Withdraw:
        return QStringLiteral("withdrew the invitation to");
    }
    return QString();
}

} // namespace

NetworkRun::NetworkRun(Session &session, NetworkAction action, const QString &accountId)
    : m_session(session)
    , m_action(action)
    , m_accountId(accountId)
    , m_startedAt(QDateTime::currentDateTimeUtc())
{ }

void NetworkRun::refuse(const QString &subject, const QString &name, const QString &reason)
{
    Line line;
    line.subject = subject;
    line.name = name;
    line.outcome = QStringLiteral("refused");
    line.reason = reason;
    m_lines.append(line);
}

void NetworkRun::adopt(const QString &subject, const OutboxItem &item)
{
    Line line;
    line.subject = subject;
    line.name = item.payload.value(QStringLiteral("person_name")).toString();
    line.itemId = item.id;
    line.earlier = true;
    m_lines.append(line);
}

void NetworkRun::add(const NetworkTask &task)
{
    Line line;
    line.subject = m_action == NetworkAction::Invite ? task.profileUrl : task.entityUrn;
    line.name = task.personName;
    line.profileUrl = task.profileUrl;
    line.task = int(m_tasks.size());
    m_tasks.append(task);
    m_lines.append(line);
}

QString NetworkRun::verifyHint() const
{
    switch (m_action) {
    case NetworkAction::Accept:
        return QStringLiteral("linkupctl connections list --account %1 shows whether you are "
                              "connected now")
            .arg(m_accountId);
    case NetworkAction::Decline:
        return QStringLiteral("linkupctl invitations list --account %1 shows whether it is still "
                              "pending")
            .arg(m_accountId);
    case NetworkAction::Withdraw:
    case NetworkAction::Invite:
        return QStringLiteral("linkupctl invitations list --account %1 --sent shows whether it "
                              "is pending")
            .arg(m_accountId);
    }
    return QString();
}

bool NetworkRun::settled(const Line &line) const
{
    return !line.outcome.isEmpty()
        && !(line.outcome == QLatin1String("unknown") && m_verifying.contains(line.itemId));
}

void NetworkRun::update(Line *line) const
{
    if (line->itemId == 0)
        return;
    const std::optional<OutboxItem> item = m_session.workspace()->outboxItems()->find(line->itemId);
    if (!item)
        return;
    if (line->name.isEmpty())
        line->name = item->payload.value(QStringLiteral("person_name")).toString();
    if (line->profileUrl.isEmpty())
        line->profileUrl = item->payload.value(QStringLiteral("profile_url")).toString();
    if (!m_stoppedWaiting && (item->state == State::Queued || item->state == State::Sending)) {
        line->outcome.clear();
        return;
    }
    line->outcome = outcomeOf(item->state);
    line->reason = item->errorMessage;
    if (item->state == State::Queued) {
        line->outcome = QStringLiteral("cancelled");
        line->reason = QStringLiteral("not sent: its run waits, paused or queued; LinkUp Desk "
                                      "shows it");
    }
    if (m_action == NetworkAction::Invite && item->state == State::Sent) {
        line->resultUrn = item->resultId;
        // The name LinkedIn answered with, stored with the new sent invitation.
        const std::optional<StoredInvitation> sent = m_session.workspace()->network()->findByPerson(
            m_accountId, StoredInvitation::Direction::Sent, line->subject);
        if (sent) {
            line->name = sent->person.fullName();
            line->resultUrn = sent->entityUrn;
        }
    }
    if (item->state == State::Sending)
        line->reason = QStringLiteral("Interrupted while its request was on its way, so it may "
                                      "have been carried out; the next network command checks it "
                                      "with LinkedIn and never sends it again on its own.");
    if (line->earlier && item->state == State::Sent)
        line->reason = QStringLiteral("done by an earlier run (item %1)").arg(item->id);
}

void NetworkRun::print(Line *line)
{
    line->printed = true;
    if (m_session.options().json)
        return;
    const QString who = line->name.isEmpty()
        ? line->subject
        : QStringLiteral("%1 (%2)").arg(oneLine(line->name), line->subject);
    if (line->outcome == QLatin1String("done")) {
        const QString also
            = line->reason.isEmpty() ? QString() : QStringLiteral(": ") + line->reason;
        printLine(QStringLiteral("done: %1 %2%3").arg(pastTense(m_action), who, also));
        return;
    }
    QString reason = line->reason;
    if (line->outcome == QLatin1String("unknown")) {
        const QString problem = m_checkProblems.value(line->itemId);
        if (!problem.isEmpty())
            reason += QStringLiteral(" The check with LinkedIn failed: %1").arg(problem);
        reason += QStringLiteral(" To see the result: %1.").arg(verifyHint());
    }
    printLine(QStringLiteral("%1: %2: %3").arg(line->outcome, who, oneLine(reason)));
}

int NetworkRun::run(const QString &title, int minDelayMs, int maxDelayMs)
{
    const QList<NetworkTask> &tasks = m_tasks;
    Workspace *ws = m_session.workspace();
    InvitationQueue *queue = ws->invitationQueue();
    OutboxRepository *items = ws->outboxItems();
    for (Line &line : m_lines)
        if (line.itemId == 0 && line.task < 0 && !line.printed)
            print(&line);

    // The queue verifies every Unknown item with check_invitation: a line in that state waits
    // for the answer. A verification that fails at once is over before we could wait for it.
    QObject guard;
    QSet<qint64> checked;
    auto verificationEnded = [this, &checked](qint64 itemId) {
        m_verifying.remove(itemId);
        checked.insert(itemId);
    };
    QObject::connect(queue, &InvitationQueue::verified, &guard,
        [verificationEnded](qint64 id, bool) { verificationEnded(id); });
    QObject::connect(queue, &InvitationQueue::verificationFailed, &guard,
        [this, verificationEnded](qint64 id, const QString &reason) {
            m_checkProblems.insert(id, reason);
            verificationEnded(id);
        });

    qint64 runId = 0;
    if (!tasks.isEmpty() || std::any_of(m_lines.cbegin(), m_lines.cend(), [](const Line &l) {
            return l.itemId != 0;
        })) {
        // A linkupctl killed in the middle of a request left it Sending: resume() turns it
        // Unknown and verifies it (and every other Unknown one); the Queued rest of its run is
        // adopted by start() below. We wait for the verifications of earlier requests too, so
        // the check_invitation credits they cost are not wasted by exiting.
        QList<qint64> watched;
        for (const OutboxItem &item : items->inStates({ State::Sending, State::Unknown }))
            if (isNetworkKind(item.kind))
                watched.append(item.id);
        queue->resume();
        for (const qint64 id : std::as_const(watched)) {
            const std::optional<OutboxItem> item = items->find(id);
            if (item && item->state == State::Unknown && !checked.contains(id))
                m_verifying.insert(id);
        }
    }
    if (!tasks.isEmpty()) {
        QString error;
        runId = queue->start(tasks, title, &error, minDelayMs, maxDelayMs);
        if (runId == 0)
            return fail(QStringLiteral("the run could not be stored: %1").arg(error));
        // One line per task, in the order given, matched to the items the run stored (an
        // adopted item of a killed run keeps its older id).
        QList<OutboxItem> runItems = items->itemsOfRun(runId);
        for (Line &line : m_lines) {
            if (line.task < 0)
                continue;
            for (qsizetype i = 0; i < runItems.size(); ++i) {
                if (itemMatches(runItems.at(i), tasks.at(line.task))) {
                    line.itemId = runItems.takeAt(i).id;
                    break;
                }
            }
            line.task = -1;
            if (line.itemId == 0) {
                line.outcome = QStringLiteral("failed");
                line.reason = QStringLiteral("the queue did not store it, so nothing was sent");
            }
        }
        if (!m_session.options().json && tasks.size() > 1) {
            const RunProgress progress = queue->progress(runId);
            if (progress.etaMs > 0)
                printInfo(QStringLiteral("%1: %2 item(s), about %3 s with the pacing; Ctrl+C "
                                         "cancels the ones not sent yet")
                              .arg(title)
                              .arg(progress.total)
                              .arg((progress.etaMs + 999) / 1000));
        }
    }
    QObject::connect(queue, &InvitationQueue::itemChanged, &guard,
        [this, items](qint64 itemId, qint64, State state) {
            if (state != State::Unknown)
                return;
            // An ambiguous write is verified with check_invitation: its line waits for that.
            for (const Line &line : std::as_const(m_lines))
                if (line.itemId == itemId && items->find(itemId))
                    m_verifying.insert(itemId);
        });

    // A run paused from LinkUp Desk meanwhile is waited for: resumed there it goes on, and
    // Ctrl+C here cancels it.
    bool pauseAnnounced = false;
    auto runOver = [&] {
        if (runId == 0)
            return true;
        const std::optional<BulkRun> run = ws->runs()->find(runId);
        if (run && run->state == BulkRun::State::Paused && !pauseAnnounced) {
            pauseAnnounced = true;
            printInfo(QStringLiteral("the run was paused elsewhere: waiting until it is resumed "
                                     "or cancelled (Ctrl+C cancels it)"));
        }
        return !run || run->state == BulkRun::State::Finished
            || run->state == BulkRun::State::Cancelled;
    };
    auto allSettled = [&] {
        bool all = true;
        for (Line &line : m_lines) {
            update(&line);
            if (!settled(line)) {
                all = false;
                continue;
            }
            if (!line.printed)
                print(&line);
        }
        return all && runOver() && m_verifying.isEmpty();
    };

    if (!allSettled()) {
        QEventLoop loop;
        auto check = [&] {
            if (allSettled())
                loop.exit(0);
        };
        // Queued: the queue updates the cache (an invite's name, an accepted connection) right
        // after the signal, and a line is printed once, complete.
        for (const auto signal : { &InvitationQueue::runChanged, &InvitationQueue::runFinished })
            QObject::connect(queue, signal, &loop, check, Qt::QueuedConnection);
        QObject::connect(queue, &InvitationQueue::itemChanged, &loop, check, Qt::QueuedConnection);
        QObject::connect(queue, &InvitationQueue::verified, &loop, check, Qt::QueuedConnection);
        QObject::connect(
            queue, &InvitationQueue::verificationFailed, &loop, check, Qt::QueuedConnection);
        // The first SIGINT cancels what has not left; the request on its way completes and
        // settles. A second one stops waiting: that request's outcome is then unknown.
        int interrupts = 0;
        auto interrupt = [&] {
            if (++interrupts > 1 || runId == 0) {
                loop.exit(1);
                return;
            }
            queue->cancel(runId);
            const bool inFlight = std::any_of(m_lines.cbegin(), m_lines.cend(), [&](const Line &l) {
                const std::optional<OutboxItem> item = items->find(l.itemId);
                return item && item->state == State::Sending;
            });
            printInfo(inFlight ? QStringLiteral("cancelled: what was not sent yet stays unsent; "
                                                "waiting for the request on its way (Ctrl+C "
                                                "again to stop waiting)")
                               : QStringLiteral("cancelled: what was not sent yet stays unsent"));
            check();
        };
        if (SignalWatcher *w = SignalWatcher::instance())
            QObject::connect(w, &SignalWatcher::signalled, &loop, interrupt);
        if (SignalWatcher::wasSignalled())
            QMetaObject::invokeMethod(&loop, interrupt, Qt::QueuedConnection);
        if (loop.exec() != 0) {
            m_stoppedWaiting = true;
            allSettled();
        }
    }
    return finish(runId);
}

bool NetworkRun::itemMatches(const OutboxItem &item, const NetworkTask &task) const
{
    if (item.kind != networkActionKind(task.action))
        return false;
    if (task.action == NetworkAction::Invite)
        return item.target == linkedInProfileId(task.profileUrl) || item.target == task.profileUrl;
    return item.target == task.entityUrn
        || item.payload.value(QStringLiteral("entity_urn")).toString() == task.entityUrn;
}

int NetworkRun::finish(qint64 runId)
{
    Workspace *ws = m_session.workspace();
    QHash<QString, int> counts;
    for (const Line &line : std::as_const(m_lines))
        ++counts[line.outcome];
    const std::optional<BulkRun> run = runId ? ws->runs()->find(runId) : std::nullopt;
    const QString stopReason = run ? run->stopReason : QString();
    const qint64 credits = ws->ledger()->total(m_accountId, m_startedAt);
    const QStringList outcomes = { QStringLiteral("done"), QStringLiteral("refused"),
        QStringLiteral("failed"), QStringLiteral("unknown"), QStringLiteral("cancelled") };

    if (m_session.options().json) {
        QJsonArray array;
        for (const Line &line : std::as_const(m_lines)) {
            const bool invite = m_action == NetworkAction::Invite;
            array.append(QJsonObject {
                { QStringLiteral("entity_urn"), invite ? line.resultUrn : line.subject },
                { QStringLiteral("profile_url"), invite ? line.subject : line.profileUrl },
                { QStringLiteral("name"), line.name }, { QStringLiteral("outcome"), line.outcome },
                { QStringLiteral("reason"), line.reason },
                { QStringLiteral("item_id"), line.itemId } });
        }
        QJsonObject json { { QStringLiteral("action"), networkActionKind(m_action) },
            { QStringLiteral("account_id"), m_accountId }, { QStringLiteral("run_id"), runId },
            { QStringLiteral("items"), array }, { QStringLiteral("total"), int(m_lines.size()) },
            { QStringLiteral("stop_reason"), stopReason },
            { QStringLiteral("credits_consumed"), credits } };
        for (const QString &outcome : outcomes)
            json.insert(outcome, counts.value(outcome));
        printJson(json);
    }

    QStringList summary;
    for (const QString &outcome : outcomes)
        if (counts.value(outcome) > 0)
            summary << QStringLiteral("%1 %2").arg(counts.value(outcome)).arg(outcome);
    if (!m_session.options().json) {
        if (!stopReason.isEmpty())
            printInfo(QStringLiteral("the run stopped: %1").arg(stopReason));
        printInfo(QStringLiteral("%1; %2 credit(s) spent")
                      .arg(summary.isEmpty() ? QStringLiteral("nothing to do")
                                             : summary.join(QStringLiteral(", ")))
                      .arg(credits));
    }
    const int notDone = int(m_lines.size()) - counts.value(QStringLiteral("done"));
    if (notDone == 0)
        return ExitOk;
    if (counts.value(QStringLiteral("unknown")) > 0) {
        fail(QStringLiteral("%1 of %2 may or may not have taken effect: %3")
                 .arg(counts.value(QStringLiteral("unknown")))
                 .arg(m_lines.size())
                 .arg(verifyHint()));
        return ExitUnknown;
    }
    if (m_lines.size() == 1)
        return fail(
            m_lines.first().reason.isEmpty() ? m_lines.first().outcome : m_lines.first().reason);
    return fail(QStringLiteral("%1 of %2 not done (%3)")
                    .arg(notDone)
                    .arg(m_lines.size())
                    .arg(summary.join(QStringLiteral(", "))));
}

} // namespace ld::ctl
