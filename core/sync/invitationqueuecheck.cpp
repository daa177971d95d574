// What the invitation queue refuses before anything is sent: bad input, duplicates (from the
// network cache and the items stored before), and the safety caps.
#include "invitationqueue.h"

#include "invitationqueue_p.h"
#include "processalive_p.h"

#include "domain/profileurl.h"
#include "support/appsettings.h"

#include <QLocale>

namespace ld {

using namespace invitations;

namespace {

QString dayOf(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace

CapUsage InvitationQueue::usage(const QString &accountId, NetworkAction action) const
{
    const PacingLimits limits = m_settings ? m_settings->pacing() : PacingLimits();
    CapUsage usage;
    switch (action) {
    case NetworkAction::Invite:
        usage.perDay = limits.invitesPerDay;
        usage.perWeek = limits.invitesPerWeek;
        break;
    case NetworkAction::Accept:
    case NetworkAction::Decline:
        usage.perDay = limits.acceptsPerDay;
        usage.perWeek = limits.acceptsPerWeek;
        break;
    case NetworkAction::Withdraw:
        usage.perDay = limits.withdrawalsPerDay;
        usage.perWeek = limits.withdrawalsPerWeek;
        break;
    }
    const QDateTime weekStart = QDateTime::currentDateTimeUtc().addDays(-7);
    for (const QString &kind : kindsSharingCap(action)) {
        usage.usedToday += m_items->countSentSince(accountId, kind, sync::localMidnight());
        usage.usedThisWeek += m_items->countSentSince(accountId, kind, weekStart);
    }
    return usage;
}

QString InvitationQueue::capRefusal(const QString &accountId, NetworkAction action) const
{
    const CapUsage u = usage(accountId, action);
    if (u.remaining() > 0)
        return {};
    const bool daily = u.usedToday >= u.perDay;
    const int used = daily ? u.usedToday : u.usedThisWeek;
    const int cap = daily ? u.perDay : u.perWeek;
    switch (action) {
    case NetworkAction::Invite:
        return daily ? tr("Daily cap reached for this account: %1 of %2 invitations today. It "
                          "resets at midnight; change it in Settings.")
                           .arg(used)
                           .arg(cap)
                     : tr("Weekly cap reached for this account: %1 of %2 invitations in the last "
                          "7 days. Room frees up as they pass 7 days; change it in Settings.")
                           .arg(used)
                           .arg(cap);
    case NetworkAction::Accept:
    case NetworkAction::Decline:
        return daily ? tr("Daily cap reached for this account: %1 of %2 invitations accepted or "
                          "declined today. It resets at midnight; change it in Settings.")
                           .arg(used)
                           .arg(cap)
                     : tr("Weekly cap reached for this account: %1 of %2 invitations accepted or "
                          "declined in the last 7 days. Room frees up as they pass 7 days; "
                          "change it in Settings.")
                           .arg(used)
                           .arg(cap);
    case NetworkAction::Withdraw:
        return daily ? tr("Daily cap reached for this account: %1 of %2 withdrawals today. It "
                          "resets at midnight; change it in Settings.")
                           .arg(used)
                           .arg(cap)
                     : tr("Weekly cap reached for this account: %1 of %2 withdrawals in the last "
                          "7 days. Room frees up as they pass 7 days; change it in Settings.")
                           .arg(used)
                           .arg(cap);
    }
    return {};
}

// An invitation LinkUp Desk sent that a complete listing of the sent invitations, begun well
// after it left, no longer shows (and the person is not connected: checked before) was
// withdrawn or declined since: inviting again is the person's call. LinkedIn enforces its own
// wait after a withdrawal and refuses with a reason, which the run reports.
bool InvitationQueue::goneSinceSent(const QString &accountId, const OutboxItem &sent) const
{
    const QDateTime listed
        = m_cache->invitationsFetchedAt(accountId, StoredInvitation::Direction::Sent);
    const QDateTime at = sent.sentAt.isValid() ? sent.sentAt : sent.updatedAt;
    // A minute's margin: a listing begun just after the invite may not show it yet.
    return listed.isValid() && at.isValid() && listed > at.addSecs(60);
}

QString InvitationQueue::duplicateRefusal(const NetworkTask &task, const QString &target) const
{
    using State = OutboxItem::State;
    const QString kind = networkActionKind(task.action);
    const std::optional<StoredInvitation> none;
    if (task.action == NetworkAction::Invite) {
        const QString who = personOf(task, none);
        if (m_cache->isConnected(task.accountId, task.profileUrl))
            return tr("You are already connected with %1: no invitation was sent.").arg(who);
        if (const auto sent = m_cache->findByPerson(
                task.accountId, StoredInvitation::Direction::Sent, task.profileUrl))
            return tr("An invitation to %1 is already pending (sent %2): no second one was sent.")
                .arg(personOf(task, sent),
                    sent->sentTimeText.isEmpty() ? dayOf(sent->sentAt()) : sent->sentTimeText);
        if (const auto received = m_cache->findByPerson(
                task.accountId, StoredInvitation::Direction::Received, task.profileUrl))
            return tr("%1 already invited you: accept their invitation instead.")
                .arg(personOf(task, received));
    }
    // The same write stored before: answered, waiting, in flight or not yet known. Accept and
    // decline answer the same invitation, so either one counts for both.
    const QStringList kinds
        = answersInvitation(task.action) ? kindsSharingCap(task.action) : QStringList { kind };
    for (const QString &k : kinds) {
        const QList<OutboxItem> earlier = m_items->forTarget(task.accountId, k, target,
            { State::Sent, State::Unknown, State::Sending, State::Queued });
        if (earlier.isEmpty())
            continue;
        const OutboxItem &last = earlier.constFirst();
        if (last.state == State::Sent && task.action == NetworkAction::Invite
            && goneSinceSent(task.accountId, last))
            continue;
        switch (last.state) {
        case State::Sent:
            if (k == kind)
                return tr("Already done on %1: nothing was sent again.")
                    .arg(dayOf(last.sentAt.isValid() ? last.sentAt : last.updatedAt));
            return k == networkActionKind(NetworkAction::Accept)
                ? tr("This invitation was already accepted on %1.").arg(dayOf(last.sentAt))
                : tr("This invitation was already declined on %1.").arg(dayOf(last.sentAt));
        case State::Unknown:
            return tr("The same request for %1 may already have been carried out; LinkUp Desk "
                      "is checking it. Nothing else is sent until that is known.")
                .arg(personOf(last));
        case State::Sending:
            return tr("The same request for %1 is being sent right now.").arg(personOf(last));
        default:
            return tr("The same request for %1 is already waiting in another run: resume or "
                      "cancel that run.")
                .arg(personOf(last));
        }
    }
    return {};
}

QString InvitationQueue::refusal(const NetworkTask &task, QString *code) const
{
    auto refuse = [code](const QString &c, const QString &why) {
        if (code)
            *code = c;
        return why;
    };
    if (task.accountId.isEmpty())
        return refuse(kBadInputCode, tr("Choose the account to act from."));

    if (task.action == NetworkAction::Invite) {
        const QString id = linkedInProfileId(task.profileUrl);
        if (id.isEmpty())
            return refuse(kBadInputCode,
                task.profileUrl.trimmed().isEmpty()
                    ? tr("Enter the profile URL of the person to invite.")
                    : tr("“%1” is not a LinkedIn profile URL "
                         "(https://www.linkedin.com/in/…): nothing was sent. Company and school "
                         "pages cannot be invited.")
                          .arg(task.profileUrl.trimmed()));
        const int limit
            = m_settings ? m_settings->noteLimit(task.accountId) : AppSettings::FreeNoteLimit;
        // LinkedIn counts characters as people see them: an emoji is one, not two UTF-16 units.
        const int length = int(task.note.toUcs4().size());
        if (length > limit)
            return refuse(kBadInputCode,
                tr("The note has %1 characters and this account allows %2: shorten it, or raise "
                   "the account's limit in Settings if it has LinkedIn Premium.")
                    .arg(length)
                    .arg(limit));
        const QString duplicate = duplicateRefusal(task, id);
        if (!duplicate.isEmpty())
            return refuse(kDuplicateCode, duplicate);
    } else {
        if (task.entityUrn.trimmed().isEmpty())
            return refuse(kBadInputCode, tr("No invitation was given: choose one from the list."));
        const bool sent = task.action == NetworkAction::Withdraw;
        const auto stored = m_cache->findByUrn(task.accountId,
            sent ? StoredInvitation::Direction::Sent : StoredInvitation::Direction::Received,
            task.entityUrn.trimmed());
        // What was done before says more than "unknown": the cache forgets answered ones.
        const QString duplicate
            = duplicateRefusal(task, stored ? stored->entityUrn : task.entityUrn.trimmed());
        if (!duplicate.isEmpty())
            return refuse(kDuplicateCode, duplicate);
        if (!stored)
            return refuse(kNotFoundCode,
                sent ? tr("LinkUp Desk knows no pending invitation sent as %1. Refresh the sent "
                          "invitations: it may have been accepted or withdrawn meanwhile.")
                           .arg(task.entityUrn.trimmed())
                     : tr("LinkUp Desk knows no pending invitation received as %1. Refresh the "
                          "received invitations: it may have been answered or withdrawn "
                          "meanwhile.")
                           .arg(task.entityUrn.trimmed()));
        if (!sent && stored->sharedSecret.isEmpty())
            return refuse(kNotFoundCode,
                tr("The invitation from %1 has no shared secret stored, and LinkedIn needs it to "
                   "answer. Refresh the received invitations, then try again.")
                    .arg(personOf(task, stored)));
    }
    const QString capped = capRefusal(task.accountId, task.action);
    if (!capped.isEmpty())
        return refuse(kCapCode, capped);
    if (code)
        code->clear();
    return {};
}

QString InvitationQueue::check(const NetworkTask &task) const
{
    return refusal(task, nullptr);
}

} // namespace ld
