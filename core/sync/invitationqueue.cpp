// The start of a run: every input becomes one stored item, Queued or Refused with its reason,
// before anything is sent; the waiting items of a run whose process died are adopted.
#include "invitationqueue.h"

#include "invitationqueue_p.h"
#include "processalive_p.h"

#include "api/apierror.h"
#include "domain/profileurl.h"
#include "support/appsettings.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QTimer>

namespace ld {

namespace invitations {

const QString kProfileUrl = QStringLiteral("profile_url");
const QString kPersonName = QStringLiteral("person_name");
const QString kEntityUrn = QStringLiteral("entity_urn");
const QString kSharedSecret = QStringLiteral("shared_secret");
const QString kInvitationId = QStringLiteral("invitation_id");
const QString kNote = QStringLiteral("note");
const QString kSendingPid = QStringLiteral("sending_pid");
const QString kSendingHost = QStringLiteral("sending_host");
const QString kRefusedId = QStringLiteral("refused_invitation_id");
const QString kRefusal = QStringLiteral("refusal");
const QString kLookedUp = QStringLiteral("id_looked_up");

const QString kCapCode = QStringLiteral("CAP");
const QString kDuplicateCode = QStringLiteral("DUPLICATE");
const QString kBadInputCode = QStringLiteral("BAD_INPUT");
const QString kNotFoundCode = QStringLiteral("NOT_FOUND");

bool answersInvitation(NetworkAction action)
{
    return action == NetworkAction::Accept || action == NetworkAction::Decline;
}

QStringList kindsSharingCap(NetworkAction action)
{
    if (answersInvitation(action))
        return { networkActionKind(NetworkAction::Accept),
            networkActionKind(NetworkAction::Decline) };
    return { networkActionKind(action) };
}

bool isRefusal(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Api && error.kind != ApiError::Kind::Http)
        return false;
    if (error.code == QLatin1String("CHANNEL_ERROR"))
        return true;
    static const QStringList notTheItem
        = { QStringLiteral("INVALID_API_KEY"), QStringLiteral("INVALID_ACCOUNT"),
              QStringLiteral("ACCOUNT_INACTIVE"), QStringLiteral("INVALID_ACTION"),
              QStringLiteral("RATE_LIMITED"), QStringLiteral("INSUFFICIENT_CREDITS") };
    if (notTheItem.contains(error.code))
        return false;
    const int s = error.httpStatus;
    return s >= 400 && s < 500 && s != 401 && s != 402 && s != 403 && s != 407 && s != 408
        && s != 429;
}

QString personOf(const OutboxItem &item)
{
    const QString name = item.payload.value(kPersonName).toString().trimmed();
    if (!name.isEmpty())
        return name;
    const QString url = item.payload.value(kProfileUrl).toString();
    return url.isEmpty() ? QCoreApplication::translate("ld::InvitationQueue", "this person") : url;
}

QString personOf(const NetworkTask &task, const std::optional<StoredInvitation> &stored)
{
    if (!task.personName.trimmed().isEmpty())
        return task.personName.trimmed();
    if (stored && !stored->person.fullName().isEmpty())
        return stored->person.fullName();
    return QCoreApplication::translate("ld::InvitationQueue", "this person");
}

} // namespace invitations

using namespace invitations;

QString networkActionKind(NetworkAction action)
{
    switch (action) {
    case NetworkAction::Invite:
        return QStringLiteral("invite");
    case NetworkAction::Accept:
        return QStringLiteral("accept");
    case NetworkAction::Decline:
        return QStringLiteral("decline");
    case NetworkAction::Withdraw:
        return QStringLiteral("withdraw");
    }
    return {};
}

std::optional<NetworkAction> networkActionFromKind(const QString &kind)
{
    for (NetworkAction a : { NetworkAction::Invite, NetworkAction::Accept, NetworkAction::Decline,
             NetworkAction::Withdraw })
        if (networkActionKind(a) == kind)
            return a;
    return std::nullopt;
}

NetworkTask NetworkTask::forInvitation(NetworkAction action, const StoredInvitation &invitation)
{
    NetworkTask task;
    task.action = action;
    task.accountId = invitation.accountId;
    task.profileUrl = invitation.person.profileUrl;
    task.personName = invitation.person.fullName();
    task.entityUrn = invitation.entityUrn;
    return task;
}

int CapUsage::remaining() const
{
    return qMax(0, qMin(perDay - usedToday, perWeek - usedThisWeek));
}

InvitationQueue::InvitationQueue(NetworkService *network, NetworkRepository *cache,
    OutboxRepository *items, RunRepository *runs, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_cache(cache)
    , m_items(items)
    , m_runs(runs)
    , m_settings(settings)
{ }

QString InvitationQueue::interruptedReason()
{
    return tr("Interrupted: LinkUp Desk stopped while this run was sending. Resume it to send "
              "the rest; what was in flight is checked first.");
}

OutboxItem InvitationQueue::itemFor(const NetworkTask &task) const
{
    OutboxItem item;
    item.kind = networkActionKind(task.action);
    item.accountId = task.accountId;
    item.createdAt = QDateTime::currentDateTimeUtc();
    item.updatedAt = item.createdAt;
    QJsonObject payload;
    if (task.action == NetworkAction::Invite) {
        const QString id = linkedInProfileId(task.profileUrl);
        item.target = id.isEmpty() ? task.profileUrl.trimmed() : id;
        const QString canonical = canonicalProfileUrl(task.profileUrl);
        payload.insert(kProfileUrl, canonical.isEmpty() ? task.profileUrl.trimmed() : canonical);
        if (!task.personName.trimmed().isEmpty())
            payload.insert(kPersonName, task.personName.trimmed());
        if (!task.note.isEmpty())
            payload.insert(kNote, task.note);
    } else {
        const bool sent = task.action == NetworkAction::Withdraw;
        const auto stored = m_cache->findByUrn(task.accountId,
            sent ? StoredInvitation::Direction::Sent : StoredInvitation::Direction::Received,
            task.entityUrn.trimmed());
        item.target = stored ? stored->entityUrn : task.entityUrn.trimmed();
        payload.insert(kEntityUrn, item.target);
        const QString url = !task.profileUrl.isEmpty() ? task.profileUrl
            : stored                                   ? stored->person.profileUrl
                                                       : QString();
        if (!url.isEmpty())
            payload.insert(kProfileUrl, url);
        const QString name = personOf(task, stored);
        if (!task.personName.trimmed().isEmpty() || stored)
            payload.insert(kPersonName, name);
        if (stored && !sent && !stored->sharedSecret.isEmpty())
            payload.insert(kSharedSecret, stored->sharedSecret);
        if (sent) {
            // The URN's tail is free; an id check_invitation gave earlier is kept in the cache.
            const QString id = stored && !stored->invitationId.isEmpty()
                ? stored->invitationId
                : invitationIdFromUrn(item.target);
            if (!id.isEmpty())
                payload.insert(kInvitationId, id);
        }
    }
    item.payload = payload;
    return item;
}

bool InvitationQueue::ownedHere(const BulkRun &run) const
{
    return run.ownerPid == QCoreApplication::applicationPid()
        && run.ownerHost == QSysInfo::machineHostName();
}

bool InvitationQueue::ownerAlive(const BulkRun &run) const
{
    return sync::otherProcessAlive(run.ownerPid, run.ownerHost);
}

QSet<qint64> InvitationQueue::adoptableRuns() const
{
    QSet<qint64> runs;
    const QList<BulkRun> open
        = m_runs->inStates({ BulkRun::State::Running, BulkRun::State::Paused });
    for (const BulkRun &run : open) {
        const bool orphaned
            = run.state == BulkRun::State::Running && !ownedHere(run) && !ownerAlive(run);
        if (orphaned
            || (run.state == BulkRun::State::Paused && run.stopReason == interruptedReason()))
            runs.insert(run.id);
    }
    return runs;
}

void InvitationQueue::closeIfEmpty(qint64 runId)
{
    const std::optional<BulkRun> run = m_runs->find(runId);
    if (!run || (run->state != BulkRun::State::Running && run->state != BulkRun::State::Paused))
        return;
    const QList<OutboxItem> items = m_items->itemsOfRun(runId);
    for (const OutboxItem &item : items)
        if (item.state == OutboxItem::State::Queued || item.state == OutboxItem::State::Sending)
            return;
    BulkRun next = *run;
    next.state = BulkRun::State::Finished;
    next.finishedAt = QDateTime::currentDateTimeUtc();
    next.updatedAt = next.finishedAt;
    next.stopReason = tr("The rest of this run was taken over by a later run.");
    if (m_runs->transition(runId, run->state, next)) {
        Q_EMIT runChanged(runId);
        Q_EMIT runFinished(runId);
    }
}

qint64 InvitationQueue::start(const QList<NetworkTask> &tasks, const QString &title, QString *error,
    int minDelayMs, int maxDelayMs)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return qint64(0);
    };
    if (tasks.isEmpty())
        return fail(tr("Nothing to do: choose at least one invitation or person."));
    // Every item is stored under its account; without one there is nothing to store it under.
    for (const NetworkTask &task : tasks)
        if (task.accountId.isEmpty())
            return fail(tr("Choose the account to act from."));
    const PacingLimits pacing = m_settings ? m_settings->pacing() : PacingLimits();
    BulkRun run;
    run.kind = networkActionKind(tasks.constFirst().action);
    run.title = title;
    run.state = BulkRun::State::Running;
    run.minDelayMs = qMax(0, minDelayMs >= 0 ? minDelayMs : pacing.minDelayMs);
    run.maxDelayMs = qMax(run.minDelayMs, maxDelayMs >= 0 ? maxDelayMs : pacing.maxDelayMs);
    run.createdAt = QDateTime::currentDateTimeUtc();
    run.updatedAt = run.createdAt;
    run.ownerPid = QCoreApplication::applicationPid();
    run.ownerHost = QSysInfo::machineHostName();
    // The run is stored first and Running in our name: if we die before the items are in,
    // resume() pauses it and whatever was stored is adopted or resumed, never lost.
    run.id = m_runs->create(run);
    if (run.id == 0)
        return fail(tr("The run could not be saved, so nothing was sent. Check that the disk is "
                       "not full, then try again."));

    // First pass: an item per task, or the waiting item of a dead run to adopt instead.
    const QSet<qint64> adoptable = adoptableRuns();
    QList<OutboxItem> fresh;
    QList<std::pair<qsizetype, OutboxItem>> toAdopt; // task index, the waiting item
    QSet<QString> seen;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const NetworkTask &task = tasks.at(i);
        OutboxItem item = itemFor(task);
        item.runId = run.id;
        const QString group = answersInvitation(task.action) ? QStringLiteral("answer") : item.kind;
        const QString key
            = task.accountId + QLatin1Char('\n') + group + QLatin1Char('\n') + item.target;
        if (seen.contains(key)) {
            item.state = OutboxItem::State::Refused;
            item.errorCode = kDuplicateCode;
            item.errorMessage
                = tr("%1 appears twice in this run: it is done once.").arg(personOf(item));
            fresh << item;
            continue;
        }
        seen.insert(key);
        bool adopting = false;
        if (!task.accountId.isEmpty() && !item.target.isEmpty()) {
            const QList<OutboxItem> waiting = m_items->forTarget(
                task.accountId, item.kind, item.target, { OutboxItem::State::Queued });
            for (const OutboxItem &w : waiting) {
                if (adoptable.contains(w.runId)) {
                    toAdopt.append({ i, w });
                    adopting = true;
                    break;
                }
            }
        }
        if (adopting)
            continue;
        QString code;
        const QString why = refusal(task, &code);
        if (!why.isEmpty()) {
            item.state = OutboxItem::State::Refused;
            item.errorCode = code;
            item.errorMessage = why;
        }
        fresh << item;
    }

    QList<qint64> ids;
    if (!fresh.isEmpty()) {
        ids = m_items->enqueueMany(fresh);
        if (ids.size() != fresh.size()) {
            BulkRun next = run;
            next.state = BulkRun::State::Cancelled;
            next.finishedAt = QDateTime::currentDateTimeUtc();
            next.stopReason = tr("The items could not be saved, so nothing was sent.");
            m_runs->transition(run.id, BulkRun::State::Running, next);
            return fail(tr("The run's items could not be saved, so nothing was sent. Check that "
                           "the disk is not full, then try again."));
        }
    }
    for (qsizetype i = 0; i < ids.size(); ++i)
        Q_EMIT itemChanged(ids.at(i), run.id, fresh.at(i).state);

    // Second pass: adopt. Another process may adopt the same item first; then this task gets
    // its own item, checked now (most likely refused as already waiting or done).
    QSet<qint64> sources;
    for (const auto &[index, waiting] : std::as_const(toAdopt)) {
        if (m_items->moveToRun(waiting.id, waiting.runId, run.id)) {
            sources.insert(waiting.runId);
            Q_EMIT itemChanged(waiting.id, run.id, OutboxItem::State::Queued);
            continue;
        }
        OutboxItem item = itemFor(tasks.at(index));
        item.runId = run.id;
        QString code;
        const QString why = refusal(tasks.at(index), &code);
        if (!why.isEmpty()) {
            item.state = OutboxItem::State::Refused;
            item.errorCode = code;
            item.errorMessage = why;
        }
        const QList<qint64> one = m_items->enqueueMany({ item });
        if (!one.isEmpty())
            Q_EMIT itemChanged(one.constFirst(), run.id, item.state);
    }
    for (qint64 source : std::as_const(sources))
        closeIfEmpty(source);

    if (error)
        error->clear();
    drive(run.id);
    Q_EMIT runChanged(run.id);
    return run.id;
}

} // namespace ld
