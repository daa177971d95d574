// invitations accept|decline URN..., invitations withdraw --older-than DAYS, invite --to URL:
// every write goes through the profile's InvitationQueue, so the GUI and linkupctl share one
// exactly-once record, one set of safety caps, and a killed run is continued by the next one.
#include "commands.h"
#include "networkoutput.h"
#include "networkrun.h"

#include "domain/profileurl.h"
#include "store/outboxrepository.h"
#include "support/appsettings.h"

#include <QJsonArray>

#include <algorithm>

namespace ld::ctl {

namespace {

// A pace longer than this is a typo, not a choice (the settings' own pacing is seconds).
constexpr int kMaxDelayMs = 10 * 60 * 1000;
// The duplicate check of `invite` reads the store; a list older than this is read again first.
// A script that invites many people pays for the lists once an hour, and LinkedIn itself still
// refuses a duplicate that a cache this fresh missed (that refusal costs no credit).
constexpr qint64 kListFreshSecs = 60 * 60;

const QString kUrnPrefix = QStringLiteral("urn:li:invitation:");

// --delay MIN-MAX in milliseconds, or --delay MS for a fixed pause; -1/-1 when absent (the
// pacing of the settings). ExitOk, or the usage error.
int parseDelay(const CommandArgs &parsed, int *minMs, int *maxMs)
{
    *minMs = *maxMs = -1;
    if (!parsed.has(QStringLiteral("--delay")))
        return ExitOk;
    const QString text = parsed.value(QStringLiteral("--delay"));
    const QStringList parts = text.split(QLatin1Char('-'));
    bool okMin = false;
    bool okMax = false;
    const int low = parts.value(0).toInt(&okMin);
    const int high = parts.size() == 2 ? parts.value(1).toInt(&okMax) : low;
    okMax = parts.size() == 1 ? okMin : okMax;
    if (parts.size() > 2 || !okMin || !okMax || low < 0 || high < low || high > kMaxDelayMs)
        return usageError(QStringLiteral("--delay takes MIN-MAX in milliseconds, e.g. 2000-6000 "
                                         "(at most %1)")
                              .arg(kMaxDelayMs));
    *minMs = low;
    *maxMs = high;
    return ExitOk;
}

QString fullUrn(const QString &urnOrId)
{
    return urnOrId.startsWith(kUrnPrefix) ? urnOrId : kUrnPrefix + urnOrId;
}

// The same write, already done or left ambiguous by an earlier command (Sent, Unknown, or
// Sending in a process that was killed): never queued again, its outcome is reported.
// `states` narrows it for invite, where a Sent one may have been withdrawn since.
std::optional<OutboxItem> earlierWrite(OutboxRepository *items, const QString &accountId,
    const QString &kind, const QString &target,
    const QList<OutboxItem::State> &states
    = { OutboxItem::State::Sent, OutboxItem::State::Unknown, OutboxItem::State::Sending })
{
    const QList<OutboxItem> found = items->forTarget(accountId, kind, target, states);
    return found.isEmpty() ? std::nullopt : std::optional<OutboxItem>(found.first());
}

// accept and decline: the stored invitations behind the URNs, each with its shared secret.
int answerInvitations(const GlobalOptions &options, const QStringList &args, NetworkAction action)
{
    const QString command = action == NetworkAction::Accept ? QStringLiteral("invitations accept")
                                                            : QStringLiteral("invitations decline");
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(
            args, { QStringLiteral("--account"), QStringLiteral("--delay") }, {}, &parsed, &error))
        return usageError(error);
    const QString accountId = parsed.value(QStringLiteral("--account"));
    if (accountId.isEmpty() || parsed.positional.isEmpty())
        return usageError(
            QStringLiteral("%1 needs --account ID and one or more INVITATION_URNs").arg(command));
    int minDelay = -1;
    int maxDelay = -1;
    if (const int rc = parseDelay(parsed, &minDelay, &maxDelay))
        return rc;

    Session session(options);
    if (const int rc = session.open())
        return rc;
    NetworkRun run(session, action, accountId);
    NetworkRepository *store = session.workspace()->network();
    OutboxRepository *items = session.workspace()->outboxItems();
    const QString kind = networkActionKind(action);
    const auto received = StoredInvitation::Direction::Received;
    // A URN the store does not know may have arrived since the last listing: read it again,
    // once, before calling it unknown.
    const bool anyMissing
        = std::any_of(parsed.positional.cbegin(), parsed.positional.cend(), [&](const QString &u) {
              return !store->findByUrn(accountId, received, u)
                  && !earlierWrite(items, accountId, kind, fullUrn(u));
          });
    if (anyMissing) {
        int credits = 0;
        if (const int rc = refreshList(session, accountId, NetworkSync::List::Received, &credits))
            return rc;
        if (!options.json)
            printInfo(
                QStringLiteral("read the pending invitations again: %1 credit(s)").arg(credits));
    }

    QSet<QString> seen;
    for (const QString &given : std::as_const(parsed.positional)) {
        const std::optional<StoredInvitation> invitation
            = store->findByUrn(accountId, received, given);
        const QString urn = invitation ? invitation->entityUrn : fullUrn(given);
        if (seen.contains(urn)) {
            run.refuse(given, {}, QStringLiteral("given twice: it is answered once"));
            continue;
        }
        seen.insert(urn);
        // Written already, perhaps by a run of this command that was killed: its outcome.
        if (const std::optional<OutboxItem> earlier = earlierWrite(items, accountId, kind, urn)) {
            run.adopt(urn, *earlier);
            continue;
        }
        if (invitation) {
            run.add(NetworkTask::forInvitation(action, *invitation));
            continue;
        }
        run.refuse(given, {},
            QStringLiteral("account %1 has no pending invitation %2: it was withdrawn, answered "
                           "already, or the URN is mistyped (linkupctl invitations list "
                           "--account %1 shows the pending ones); nothing was sent")
                .arg(accountId, given));
    }
    const QString verb
        = action == NetworkAction::Accept ? QStringLiteral("Accept") : QStringLiteral("Decline");
    return run.run(
        QStringLiteral("%1 %2 invitation(s)").arg(verb).arg(run.taskCount()), minDelay, maxDelay);
}

QJsonObject capJson(const CapUsage &usage)
{
    return { { QStringLiteral("remaining"), usage.remaining() },
        { QStringLiteral("used_today"), usage.usedToday },
        { QStringLiteral("per_day"), usage.perDay },
        { QStringLiteral("used_this_week"), usage.usedThisWeek },
        { QStringLiteral("per_week"), usage.perWeek } };
}

// Refreshes `list` unless the store read it completely within kListFreshSecs.
int refreshIfStale(Session &session, const QString &accountId, NetworkSync::List list,
    const QDateTime &fetchedAt, int *credits)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (fetchedAt.isValid() && fetchedAt.secsTo(now) < kListFreshSecs)
        return ExitOk;
    int spent = 0;
    const int rc = refreshList(session, accountId, list, &spent);
    *credits += spent;
    return rc;
}

} // namespace

int invitationsAccept(const GlobalOptions &options, const QStringList &args)
{
    return answerInvitations(options, args, NetworkAction::Accept);
}

int invitationsDecline(const GlobalOptions &options, const QStringList &args)
{
    return answerInvitations(options, args, NetworkAction::Decline);
}

int invitationsWithdraw(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args,
            { QStringLiteral("--account"), QStringLiteral("--older-than"),
                QStringLiteral("--delay") },
            { QStringLiteral("--dry-run") }, &parsed, &error))
        return usageError(error);
    const QString accountId = parsed.value(QStringLiteral("--account"));
    if (accountId.isEmpty() || !parsed.has(QStringLiteral("--older-than")))
        return usageError(
            QStringLiteral("invitations withdraw needs --account ID --older-than DAYS"));
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    bool ok = false;
    const int days = parsed.value(QStringLiteral("--older-than")).toInt(&ok);
    if (!ok || days < 0 || days > 10000)
        return usageError(QStringLiteral("--older-than takes a number of days from 0 to 10000"));
    int minDelay = -1;
    int maxDelay = -1;
    if (const int rc = parseDelay(parsed, &minDelay, &maxDelay))
        return rc;
    const bool dryRun = parsed.has(QStringLiteral("--dry-run"));

    Session session(options);
    if (const int rc = session.open())
        return rc;
    NetworkRun run(session, NetworkAction::Withdraw, accountId);
    int credits = 0;
    if (const int rc = refreshList(session, accountId, NetworkSync::List::Sent, &credits))
        return rc;

    // The stalest first: when the cap cuts the run short, the oldest are gone.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<StoredInvitation> stale;
    const QList<StoredInvitation> sent = session.workspace()->network()->invitations(
        StoredInvitation::Direction::Sent, { accountId });
    for (const StoredInvitation &invitation : sent)
        if (invitation.ageDays(now) > days) // "older than": as the app's dialog, strictly
            stale.append(invitation);
    std::stable_sort(
        stale.begin(), stale.end(), [&](const StoredInvitation &a, const StoredInvitation &b) {
            return a.ageDays(now) > b.ageDays(now);
        });

    InvitationQueue *queue = session.workspace()->invitationQueue();
    const CapUsage cap = queue->usage(accountId, NetworkAction::Withdraw);
    const int cost = int(stale.size()); // withdraw: 1 credit per request (§1.9)
    const QString preview
        = QStringLiteral("%1 of %2 pending invitation(s) were sent %3 or more days ago; "
                         "withdrawing them costs %4 credit(s). Withdrawal cap: %5 more allowed "
                         "now (%6 of %7 today, %8 of %9 in the last 7 days)")
              .arg(stale.size())
              .arg(sent.size())
              .arg(days)
              .arg(cost)
              .arg(cap.remaining())
              .arg(cap.usedToday)
              .arg(cap.perDay)
              .arg(cap.usedThisWeek)
              .arg(cap.perWeek);
    const QString capWarning = cap.remaining() < stale.size()
        ? QStringLiteral("only the first %1 fit under the cap: the rest would be refused "
                         "(raise the caps in LinkUp Desk's Settings, or wait)")
              .arg(cap.remaining())
        : QString();

    if (dryRun) {
        if (options.json) {
            QJsonArray items;
            for (const StoredInvitation &invitation : std::as_const(stale))
                items.append(invitationJson(invitation, now));
            printJson({ { QStringLiteral("items"), items },
                { QStringLiteral("total"), int(stale.size()) },
                { QStringLiteral("older_than_days"), days },
                { QStringLiteral("credits_needed"), cost }, { QStringLiteral("cap"), capJson(cap) },
                { QStringLiteral("dry_run"), true },
                { QStringLiteral("credits_consumed"), credits } });
            return ExitOk;
        }
        printInfo(preview);
        if (!capWarning.isEmpty())
            printInfo(capWarning);
        printInfo(QStringLiteral("dry run: nothing was withdrawn; the refresh cost %1 credit(s)")
                      .arg(credits));
        QList<QStringList> table { invitationHeader(StoredInvitation::Direction::Sent) };
        for (const StoredInvitation &invitation : std::as_const(stale))
            table.append(invitationRow(invitation, now));
        printTable(table);
        return ExitOk;
    }

    if (!options.json) {
        printInfo(preview);
        if (!capWarning.isEmpty())
            printInfo(capWarning);
    }
    OutboxRepository *items = session.workspace()->outboxItems();
    const QString kind = networkActionKind(NetworkAction::Withdraw);
    for (const StoredInvitation &invitation : std::as_const(stale)) {
        if (const std::optional<OutboxItem> earlier
            = earlierWrite(items, accountId, kind, invitation.entityUrn))
            run.adopt(invitation.entityUrn, *earlier);
        else
            run.add(NetworkTask::forInvitation(NetworkAction::Withdraw, invitation));
    }
    return run.run(QStringLiteral("Withdraw %1 invitation(s) older than %2 days")
                       .arg(run.taskCount())
                       .arg(days),
        minDelay, maxDelay);
}

int invite(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args,
            { QStringLiteral("--account"), QStringLiteral("--to"), QStringLiteral("--note") }, {},
            &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1 (quote the --note)")
                              .arg(parsed.positional.first()));
    NetworkTask task;
    task.action = NetworkAction::Invite;
    task.accountId = parsed.value(QStringLiteral("--account"));
    task.profileUrl = parsed.value(QStringLiteral("--to"));
    task.note = parsed.value(QStringLiteral("--note"));
    if (task.accountId.isEmpty() || task.profileUrl.isEmpty())
        return usageError(QStringLiteral("invite needs --account ID --to PROFILE_URL"));

    Session session(options);
    if (const int rc = session.open())
        return rc;
    InvitationQueue *queue = session.workspace()->invitationQueue();
    NetworkRun run(session, NetworkAction::Invite, task.accountId);
    // An invite whose outcome a killed or interrupted command left open is verified, not sent
    // again.
    const QString profileId = linkedInProfileId(task.profileUrl);
    if (!profileId.isEmpty()) {
        if (const std::optional<OutboxItem> earlier
            = earlierWrite(session.workspace()->outboxItems(), task.accountId,
                networkActionKind(NetworkAction::Invite), profileId,
                { OutboxItem::State::Unknown, OutboxItem::State::Sending })) {
            run.adopt(task.profileUrl, *earlier);
            return run.run({});
        }
    }
    // What the store already knows is refused before any request, even a listing: a company
    // page, a note too long, a duplicate, a cap with no room.
    QString refusal = queue->check(task);
    if (refusal.isEmpty()) {
        // The duplicate check is only as good as the stored lists: read the stale ones.
        NetworkRepository *store = session.workspace()->network();
        int credits = 0;
        const struct
        {
            NetworkSync::List list;
            QDateTime fetchedAt;
        } lists[] = {
            { NetworkSync::List::Connections, store->connectionsFetchedAt(task.accountId) },
            { NetworkSync::List::Sent,
                store->invitationsFetchedAt(task.accountId, StoredInvitation::Direction::Sent) },
            { NetworkSync::List::Received,
                store->invitationsFetchedAt(
                    task.accountId, StoredInvitation::Direction::Received) },
        };
        for (const auto &l : lists)
            if (const int rc
                = refreshIfStale(session, task.accountId, l.list, l.fetchedAt, &credits))
                return rc;
        if (credits > 0 && !options.json)
            printInfo(QStringLiteral("read the connections and invitations for the duplicate "
                                     "check: %1 credit(s)")
                          .arg(credits));
        refusal = queue->check(task);
    }
    if (!refusal.isEmpty()) {
        run.refuse(task.profileUrl, {}, refusal);
        return run.run({});
    }
    run.add(task);
    return run.run(QStringLiteral("Invite %1").arg(task.profileUrl));
}

} // namespace ld::ctl
