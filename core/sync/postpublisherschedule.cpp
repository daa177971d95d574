// PostPublisher, part two: what happens at start (resume) and at a scheduled time.
#include "postpublisher.h"

#include "postpublisher_p.h"

#include "support/logging.h"

#include <QTimer>

namespace ld {

using namespace post;

namespace {

// The timer is re-armed at least this often: a QTimer counts monotonic time, which stops while
// the machine sleeps and ignores changes of the wall clock, so a long wait could wake far too
// late. Re-reading the queue once a minute is one small query.
constexpr qint64 kMaxArmMs = 60 * 1000;

// A Queued post item whose draft does not point at it was left by a crash between the two
// writes of startPublishing(); younger ones may belong to another process in between them.
constexpr qint64 kOrphanAgeMs = 60 * 1000;

} // namespace

bool PostPublisher::schedule(qint64 draftId, const QDateTime &atUtc, QString *refusal)
{
    auto refuse = [refusal](const QString &why) {
        if (refusal)
            *refusal = why;
        return false;
    };
    const std::optional<Draft> draft = m_drafts->find(draftId);
    QString why = stateRefusal(draft, true);
    if (!why.isEmpty())
        return refuse(why);
    if (!atUtc.isValid() || atUtc <= QDateTime::currentDateTimeUtc())
        return refuse(tr("Choose a time in the future to schedule the post."));
    why = contentProblem(*draft);
    if (!why.isEmpty())
        return refuse(why);
    Draft next = *draft;
    next.state = Draft::State::Scheduled;
    next.scheduledAt = atUtc.toUTC();
    next.errorMessage.clear();
    if (!m_drafts->transition(draftId, draft->state, next))
        return refuse(tr("This draft changed while it was being scheduled. Look at it again, "
                         "then schedule it."));
    if (refusal)
        refusal->clear();
    Q_EMIT draftStateChanged(draftId, next.state);
    // Scheduling here is the owner's go-ahead for this process to publish at that time.
    m_started = true;
    armScheduleTimer();
    return true;
}

bool PostPublisher::unschedule(qint64 draftId)
{
    const std::optional<Draft> draft = m_drafts->find(draftId);
    if (!draft || draft->state != Draft::State::Scheduled)
        return false;
    Draft next = *draft;
    next.state = Draft::State::Draft;
    next.scheduledAt = {};
    if (!m_drafts->transition(draftId, Draft::State::Scheduled, next))
        return false;
    m_reportedMissed.remove(draftId);
    Q_EMIT draftStateChanged(draftId, next.state);
    armScheduleTimer();
    return true;
}

void PostPublisher::resumePublishing(const Draft &draft)
{
    std::optional<OutboxItem> item
        = draft.outboxId > 0 ? m_items->find(draft.outboxId) : std::nullopt;
    if (!item)
        return void(moveDraft(draft, Draft::State::Failed,
            tr("LinkUp Desk stopped before this post was sent, so it was not published. You "
               "can publish it again.")));
    switch (item->state) {
    case OutboxItem::State::Queued: // killed before the request left
        return send(draft.id, item->id);
    case OutboxItem::State::Sending: {
        if (m_inFlight.contains(draft.id) || sendingElsewhere(*item))
            return; // still under way, here or in another process
        OutboxItem next = *item;
        next.state = OutboxItem::State::Unknown;
        next.errorCode = QStringLiteral("INTERRUPTED");
        next.errorMessage = tr("LinkUp Desk stopped while this post was being published, so it "
                               "may be on LinkedIn. Check the account's posts, then confirm "
                               "whether it appeared; it is never published again on its own.");
        if (m_items->transition(item->id, OutboxItem::State::Sending, next))
            moveDraft(draft, Draft::State::Unknown, next.errorMessage);
        return;
    }
    case OutboxItem::State::Sent: // killed between the reply and the history
        return finishPublished(draft.id, *item);
    case OutboxItem::State::Unknown:
        return void(moveDraft(draft, Draft::State::Unknown, item->errorMessage));
    case OutboxItem::State::Failed:
    case OutboxItem::State::Cancelled:
    case OutboxItem::State::Refused:
        return void(moveDraft(draft, Draft::State::Failed,
            item->errorMessage.isEmpty()
                ? tr("The post was not published. You can publish it again.")
                : item->errorMessage));
    }
}

void PostPublisher::resume()
{
    m_started = true;
    for (const Draft &draft : m_drafts->list({ Draft::State::Publishing }))
        resumePublishing(draft);

    // Items a crash left between their store and their draft's Publishing: never sent.
    const QDateTime orphanBefore = QDateTime::currentDateTimeUtc().addMSecs(-kOrphanAgeMs);
    for (const OutboxItem &item : m_items->inStates({ OutboxItem::State::Queued }, kPostKind)) {
        const std::optional<Draft> draft = m_drafts->find(item.payload.value(kDraftId).toInteger());
        const bool waitedFor
            = draft && draft->state == Draft::State::Publishing && draft->outboxId == item.id;
        if (waitedFor || item.createdAt > orphanBefore)
            continue;
        OutboxItem cancelled = item;
        cancelled.state = OutboxItem::State::Cancelled;
        m_items->transition(item.id, OutboxItem::State::Queued, cancelled);
    }

    const QList<qint64> late = missedDrafts();
    for (qint64 id : late)
        m_reportedMissed.insert(id);
    if (!late.isEmpty())
        QTimer::singleShot(0, this, [this, late] { Q_EMIT missed(late); });
    armScheduleTimer();
}

QList<qint64> PostPublisher::missedDrafts() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> out;
    for (const Draft &draft : m_drafts->list({ Draft::State::Scheduled })) {
        if (draft.scheduledAt.isValid() && draft.scheduledAt.msecsTo(now) > LateGraceMs)
            out << draft.id;
    }
    return out;
}

void PostPublisher::armScheduleTimer()
{
    if (!m_started)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime soonest;
    QSet<qint64> stillMissed;
    for (const Draft &draft : m_drafts->list({ Draft::State::Scheduled })) {
        if (!draft.scheduledAt.isValid())
            continue;
        QDateTime due = draft.scheduledAt;
        if (due.msecsTo(now) > LateGraceMs) {
            // The person decides; the timer only announces it, once (a draft restored after
            // its time, say, is found here rather than at the next start).
            stillMissed.insert(draft.id);
            if (m_reportedMissed.contains(draft.id))
                continue;
            due = now;
        }
        if (!soonest.isValid() || due < soonest)
            soonest = due;
    }
    // A missed draft rescheduled and missed again is announced again.
    m_reportedMissed.intersect(stillMissed);
    if (!soonest.isValid()) {
        m_scheduleTimer->stop();
        return;
    }
    const qint64 wait = qBound<qint64>(0, now.msecsTo(soonest), kMaxArmMs);
    m_scheduleTimer->start(int(wait));
}

void PostPublisher::onScheduleTimer()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> newlyMissed;
    for (const Draft &draft : m_drafts->list({ Draft::State::Scheduled })) {
        if (!draft.scheduledAt.isValid() || draft.scheduledAt > now)
            continue;
        if (draft.scheduledAt.msecsTo(now) > LateGraceMs) {
            // The timer fired this late: the machine slept, or the clock moved.
            if (!m_reportedMissed.contains(draft.id)) {
                m_reportedMissed.insert(draft.id);
                newlyMissed << draft.id;
            }
            continue;
        }
        // The cap and the files are checked by send(), which makes the draft Failed with
        // the reason; here only the store can refuse.
        QString why;
        if (!startPublishing(draft, &why)) {
            qCWarning(lcSync) << "scheduled post" << draft.id << "not started:" << why;
            moveDraft(draft, Draft::State::Failed, why);
        }
    }
    if (!newlyMissed.isEmpty())
        Q_EMIT missed(newlyMissed);
    armScheduleTimer();
}

} // namespace ld
