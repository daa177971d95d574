#pragma once
// Publishing posts (issue 7 §2, §4) with the message outbox's exactly-once rules:
//  - publishing a draft first stores an outbox item of kind "post" (payload {"draft_id"}; no
//    file bytes) and moves the draft to Publishing, both before the request leaves; the item's
//    Queued → Sending is a compare-and-set owned by this process;
//  - a failure that proves nothing was published (connection refused, a 4xx, the API's refusal,
//    an unreadable file found at send time) makes the draft Failed with the reason; the person
//    may publish it again;
//  - an ambiguous failure (timeout, reset after sending, 5xx, unreadable 2xx, a process killed
//    while Sending) makes it Unknown: never published again automatically. The contract has no
//    documented way to list an account's own posts, so the person verifies: confirmPublished()
//    (seen on LinkedIn; recorded in the history without a URL) or confirmNotPublished() (then
//    Failed, and publishAgain() is allowed);
//  - success records the post in the history (post_url, time, credits) and the draft becomes
//    Published.
// Scheduling: a Scheduled draft is published at scheduledAt while the app runs (one timer for
// the soonest, re-armed on every change). A scheduled time that passed while the app was
// closed (or asleep for more than LateGraceMs) is NOT published silently: resume() and the
// timer report it through missed(), and the person decides (publishNow or unschedule).
// A daily cap per account (AppSettings::pacing().postsPerDay, default 5) refuses with a sentence.
#include "store/draftrepository.h"
#include "store/outboxrepository.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QTimer;

namespace ld {

class AppSettings;
class ApiCall;
class ContentService;

class PostPublisher : public QObject
{
    Q_OBJECT
public:
    // A scheduled post up to 5 min late still goes.
    static constexpr qint64 LateGraceMs = 5 * 60 * 1000;

    PostPublisher(ContentService *content, DraftRepository *drafts, OutboxRepository *items,
        AppSettings *settings, QObject *parent = nullptr);
    ~PostPublisher() override;

    // Why this draft cannot be published now, as a sentence (empty: it can): no account, the
    // text (PostText::problem), media that cannot be read or are over the limits (each file is
    // opened), the daily cap. Sends nothing.
    QString check(const Draft &draft) const;

    // Draft or Failed → Publishing, and the request leaves. false with *refusal otherwise.
    bool publishNow(qint64 draftId, QString *refusal = nullptr);
    // Draft or Failed (or Scheduled: a new time) → Scheduled at `atUtc` (must be in the future);
    // checks like publishNow except the cap (checked at publishing time). false with *refusal.
    bool schedule(qint64 draftId, const QDateTime &atUtc, QString *refusal = nullptr);
    bool unschedule(qint64 draftId); // Scheduled → Draft

    // The person's verification of an Unknown draft.
    bool confirmPublished(qint64 draftId); // → Published, recorded in the history
    bool confirmNotPublished(qint64 draftId); // → Failed ("not found on LinkedIn")
    bool publishAgain(qint64 draftId, QString *refusal = nullptr); // Failed only (= publishNow)

    // At start: Publishing drafts whose outbox item was Sending in a dead process → Unknown;
    // Publishing ones still Queued (killed before the request left) → published now; future
    // Scheduled ones armed; past ones reported by missed() (emitted after resume returns, on
    // the next event-loop turn) and left Scheduled.
    void resume();
    // Scheduled drafts whose time passed more than LateGraceMs ago, soonest first.
    QList<qint64> missedDrafts() const;

    int postsToday(const QString &accountId) const; // left (Sending or later) since local midnight
    int dailyCap() const;

Q_SIGNALS:
    void draftStateChanged(qint64 draftId, ld::Draft::State state);
    void published(qint64 draftId, const QString &postUrl);
    void failed(qint64 draftId, const QString &reason); // Failed or Unknown, with the sentence
    void missed(const QList<qint64> &draftIds);

private:
    void armScheduleTimer();
    void onScheduleTimer();
    void send(qint64 draftId, qint64 itemId);
    void onCreateDone(qint64 draftId, qint64 itemId, ApiCall *call);
    // Stores the "post" item and moves the draft (in its current state) to Publishing, then sends.
    bool startPublishing(const Draft &draft, QString *refusal);
    QString contentProblem(const Draft &draft) const; // check() without the cap
    QString capRefusal(const QString &accountId, bool countQueued) const;
    // A draft state change from `draft.state`, announced by the signals; false when it lost the
    // race.
    bool moveDraft(const Draft &draft, Draft::State to, const QString &errorMessage = {});
    void failUnsent(const Draft &draft, const OutboxItem &item, const QString &why);
    void finishPublished(qint64 draftId, const OutboxItem &item);
    void resumePublishing(const Draft &draft);

    ContentService *m_content;
    DraftRepository *m_drafts;
    OutboxRepository *m_items;
    AppSettings *m_settings;
    QTimer *m_scheduleTimer;
    QHash<qint64, QPointer<ApiCall>> m_inFlight; // draft id → its create call
    bool m_started = false; // resume() or schedule() called: the timer may publish
    QSet<qint64> m_reportedMissed; // already announced by missed(), not again by the timer
};

} // namespace ld
