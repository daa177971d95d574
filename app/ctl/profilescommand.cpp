// profiles search --account ID [--keyword K] [--location L ...] [--title T] [--company C]
// [--network F|S|O ...] [--count N]: search_people with the V2 array filters (contract §4.1).
#include "commands.h"
#include "profilesoutput.h"
#include "session.h"

#include "services/profilesservice.h"

namespace ld::ctl {

int profilesSearch(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args,
            { QStringLiteral("--account"), QStringLiteral("--keyword"),
                QStringLiteral("--location"), QStringLiteral("--title"),
                QStringLiteral("--company"), QStringLiteral("--network"),
                QStringLiteral("--count") },
            {}, &parsed, &error))
        return usageError(error);
    const QString accountId = parsed.value(QStringLiteral("--account"));
    if (accountId.isEmpty())
        return usageError(QStringLiteral("profiles search needs --account ID"));
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    PeopleQuery query;
    query.keyword = parsed.value(QStringLiteral("--keyword"));
    query.location = parsed.all(QStringLiteral("--location"));
    query.title = parsed.value(QStringLiteral("--title"));
    query.companyName = parsed.value(QStringLiteral("--company"));
    query.network = parsed.all(QStringLiteral("--network"));
    for (const QString &n : std::as_const(query.network))
        if (n != QLatin1String("F") && n != QLatin1String("S") && n != QLatin1String("O"))
            return usageError(QStringLiteral("--network takes F (1st), S (2nd) or O (3rd+)"));
    if (parsed.has(QStringLiteral("--count"))) {
        bool ok = false;
        query.count = parsed.value(QStringLiteral("--count")).toInt(&ok);
        if (!ok || query.count < 1 || query.count > 100)
            return usageError(QStringLiteral("--count takes a number from 1 to 100"));
    }

    Session session(options);
    if (const int rc = session.open())
        return rc;
    ApiCall *call = session.workspace()->profilesService()->searchPeople(accountId, query);
    bool done = false;
    ApiError failure;
    QJsonValue data;
    int credits = 0;
    QObject::connect(call, &ApiCall::done, call, [&] {
        done = true;
        failure = call->error();
        data = call->data();
        credits = call->creditsConsumed();
    });
    if (!waitUntil(call, &ApiCall::done, [&] { return done; }))
        return fail(QStringLiteral("interrupted"));
    if (failure.isError())
        return session.apiFailure(failure);
    return printPeopleSearch(options, data, credits);
}

} // namespace ld::ctl
