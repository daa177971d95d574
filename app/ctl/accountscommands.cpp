// accounts list, accounts show ID
#include "commands.h"
#include "session.h"

#include "store/accountrepository.h"
#include "sync/accountssync.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ld::ctl {

namespace {

QString text(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

// Starts one AccountsSync refresh and waits for `finished` or its failure: ExitOk, or the exit
// code after the error line.
template <typename FinishedSignal>
int refresh(const Session &session, FinishedSignal finished, const std::function<void()> &start)
{
    AccountsSync *sync = session.workspace()->accountsSync();
    bool done = false;
    ApiError failure;
    QObject guard; // the connections end with this call
    QObject::connect(sync, finished, &guard, [&] { done = true; });
    QObject::connect(sync, &AccountsSync::failed, &guard, [&](const ApiError &e) {
        failure = e;
        done = true;
    });
    start();
    if (!waitUntil(sync, &AccountsSync::busyChanged, [&] { return done; }))
        return fail(QStringLiteral("interrupted"));
    if (failure.isError())
        return session.apiFailure(failure);
    return ExitOk;
}

} // namespace

int accountsList(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, {}, {}, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("accounts list takes no arguments"));

    Session session(options);
    if (const int rc = session.open())
        return rc;
    AccountsSync *sync = session.workspace()->accountsSync();
    if (const int rc = refresh(session, &AccountsSync::refreshed, [sync] { sync->refreshAll(); }))
        return rc;

    const QList<Account> accounts = session.workspace()->accounts()->all();
    if (options.json) {
        QJsonArray items;
        for (const Account &a : accounts)
            items.append(a.toJson());
        printJson({ { QStringLiteral("items"), items },
            { QStringLiteral("total"), int(accounts.size()) } });
        return ExitOk;
    }
    QList<QStringList> rows { { QStringLiteral("ID"), QStringLiteral("NAME"),
        QStringLiteral("STATUS"), QStringLiteral("COUNTRY") } };
    for (const Account &a : accounts) {
        const QString status = a.rawStatus.isEmpty() ? Account::statusText(a.status) : a.rawStatus;
        rows.append({ a.id, a.name, status, a.country });
    }
    printTable(rows);
    return ExitOk;
}

int accountsShow(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, {}, {}, &parsed, &error))
        return usageError(error);
    if (parsed.positional.size() != 1)
        return usageError(QStringLiteral("accounts show needs exactly one account ID"));
    const QString id = parsed.positional.first();

    Session session(options);
    if (const int rc = session.open())
        return rc;
    AccountsSync *sync = session.workspace()->accountsSync();
    if (const int rc = refresh(
            session, &AccountsSync::accountRefreshed, [&] { sync->refreshAccount(id); }))
        return rc;

    const std::optional<Account> account = session.workspace()->accounts()->find(id);
    if (!account)
        return fail(QStringLiteral("account %1 was read but could not be stored").arg(id));
    const QJsonObject json = account->toJson();
    if (options.json) {
        printJson(json);
        return ExitOk;
    }
    // The documented fields first, in the contract's order, then whatever else the server sent.
    const QStringList documented = { QStringLiteral("account_id"), QStringLiteral("account_name"),
        QStringLiteral("platform"), QStringLiteral("status"), QStringLiteral("is_active"),
        QStringLiteral("country"), QStringLiteral("created_at"), QStringLiteral("updated_at") };
    QList<QStringList> rows;
    for (const QString &key : documented) {
        if (json.contains(key))
            rows.append({ key + QLatin1Char(':'), text(json.value(key)) });
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!documented.contains(it.key()))
            rows.append({ it.key() + QLatin1Char(':'), text(it.value()) });
    }
    printTable(rows);
    return ExitOk;
}

} // namespace ld::ctl
