// invitations list, connections list: every page refreshed through NetworkSync into the
// profile's store, then printed from the store, as the app's pages show them.
#include "commands.h"
#include "networkoutput.h"

#include <QJsonArray>

namespace ld::ctl {

namespace {

// `invitations list`, `connections list`: the account, or the usage error.
int parseListArgs(const QStringList &args, const QString &command, const QStringList &flags,
    CommandArgs *parsed, QString *accountId)
{
    QString error;
    if (!parseCommandArgs(args, { QStringLiteral("--account") }, flags, parsed, &error))
        return usageError(error);
    *accountId = parsed->value(QStringLiteral("--account"));
    if (accountId->isEmpty())
        return usageError(QStringLiteral("%1 needs --account ID").arg(command));
    if (!parsed->positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed->positional.first()));
    return ExitOk;
}

} // namespace

int invitationsList(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString accountId;
    if (const int rc = parseListArgs(args, QStringLiteral("invitations list"),
            { QStringLiteral("--sent") }, &parsed, &accountId))
        return rc;
    const bool sent = parsed.has(QStringLiteral("--sent"));
    const auto direction
        = sent ? StoredInvitation::Direction::Sent : StoredInvitation::Direction::Received;

    Session session(options);
    if (const int rc = session.open())
        return rc;
    int credits = 0;
    if (const int rc = refreshList(session, accountId,
            sent ? NetworkSync::List::Sent : NetworkSync::List::Received, &credits))
        return rc;

    const QList<StoredInvitation> invitations
        = session.workspace()->network()->invitations(direction, { accountId });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (options.json) {
        QJsonArray items;
        for (const StoredInvitation &invitation : invitations)
            items.append(invitationJson(invitation, now));
        printJson({ { QStringLiteral("items"), items },
            { QStringLiteral("total"), int(invitations.size()) },
            { QStringLiteral("direction"),
                sent ? QStringLiteral("sent") : QStringLiteral("received") },
            { QStringLiteral("credits_consumed"), credits } });
        return ExitOk;
    }
    printInfo(QStringLiteral("%1 pending invitation(s) %2; the refresh cost %3 credit(s)")
                  .arg(invitations.size())
                  .arg(sent ? QStringLiteral("sent") : QStringLiteral("received"))
                  .arg(credits));
    QList<QStringList> table { invitationHeader(direction) };
    for (const StoredInvitation &invitation : invitations)
        table.append(invitationRow(invitation, now));
    printTable(table);
    return ExitOk;
}

int connectionsList(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString accountId;
    if (const int rc
        = parseListArgs(args, QStringLiteral("connections list"), {}, &parsed, &accountId))
        return rc;

    Session session(options);
    if (const int rc = session.open())
        return rc;
    int credits = 0;
    if (const int rc = refreshList(session, accountId, NetworkSync::List::Connections, &credits))
        return rc;

    const QList<StoredConnection> connections
        = session.workspace()->network()->connections(accountId);
    if (options.json) {
        QJsonArray items;
        for (const StoredConnection &stored : connections) {
            const Connection &c = stored.connection;
            items.append(QJsonObject { { QStringLiteral("account_id"), stored.accountId },
                { QStringLiteral("name"), c.name }, { QStringLiteral("job_title"), c.jobTitle },
                { QStringLiteral("profile_url"), c.profileUrl },
                { QStringLiteral("picture_url"), c.pictureUrl },
                { QStringLiteral("position"), stored.position } });
        }
        printJson({ { QStringLiteral("items"), items },
            { QStringLiteral("total"), int(connections.size()) },
            { QStringLiteral("credits_consumed"), credits } });
        return ExitOk;
    }
    printInfo(QStringLiteral("%1 connection(s); the refresh cost %2 credit(s)")
                  .arg(connections.size())
                  .arg(credits));
    QList<QStringList> table { { QStringLiteral("NAME"), QStringLiteral("JOB TITLE"),
        QStringLiteral("PROFILE URL") } };
    for (const StoredConnection &stored : connections)
        table.append({ shortened(stored.connection.name, 30),
            shortened(stored.connection.jobTitle, 50), stored.connection.profileUrl });
    printTable(table);
    return ExitOk;
}

} // namespace ld::ctl
