#include "accountsservice.h"

#include "support/logging.h"

#include <QUrl>

namespace ld {

namespace {

const QString kPlatform = QStringLiteral("linkedin");

} // namespace

Decoded<CreditBalance> CreditBalance::fromJson(const QJsonValue &json, const QString &path)
{
    // The shape of GET /v2/credits is unknown (contract §2.5): look for the likely names and
    // stay quiet when none fits, so the caller simply shows no balance.
    CreditBalance balance;
    if (json.isDouble()) {
        balance.credits = json.toInteger(qint64(json.toDouble()));
        return Decoded<CreditBalance>::success(balance);
    }
    if (!json.isObject())
        return Decoded<CreditBalance>::failure(path + QStringLiteral(": expected an object"));
    balance.raw = json.toObject();
    for (const char *key : { "credits", "balance", "remaining", "credits_remaining" }) {
        const QJsonValue v = balance.raw.value(QLatin1String(key));
        if (v.isDouble()) {
            balance.credits = v.toInteger(qint64(v.toDouble()));
            break;
        }
    }
    return Decoded<CreditBalance>::success(balance);
}

AccountsService::AccountsService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

ApiCall *AccountsService::importToken(const QString &loginToken, const QString &country)
{
    // The token is a secret: make sure no log line can ever show it.
    logging::registerSecret(loginToken);
    const QJsonObject body { { QStringLiteral("platform"), kPlatform },
                             { QStringLiteral("login_token"), loginToken },
                             { QStringLiteral("country"), country } };
    // Idempotent on the server (same token, same account_id, no charge): safe to retry.
    ApiCall *call = m_client->post(QStringLiteral("/v2/login"), body, CallKind::Read, QStringLiteral("login"));
    connect(call, &ApiCall::done, this, [loginToken] { logging::forgetSecret(loginToken); });
    return call;
}

ApiCall *AccountsService::login(const QString &email, const QString &password, const QString &country,
                                const QString &accountName)
{
    QJsonObject body { { QStringLiteral("platform"), kPlatform },
                       { QStringLiteral("email"), email },
                       { QStringLiteral("password"), password } };
    if (!country.isEmpty())
        body.insert(QStringLiteral("country"), country);
    if (!accountName.isEmpty())
        body.insert(QStringLiteral("account_name"), accountName);
    return m_client->post(QStringLiteral("/v2/login"), body, CallKind::Write, QStringLiteral("login"));
}

ApiCall *AccountsService::checkpoint(const QString &accountId, const QString &code)
{
    QJsonObject body { { QStringLiteral("account_id"), accountId } };
    if (!code.isEmpty())
        body.insert(QStringLiteral("code"), code);
    return m_client->post(QStringLiteral("/v2/checkpoint"), body, CallKind::Write,
                          QStringLiteral("checkpoint"), accountId);
}

ApiCall *AccountsService::listAccounts(int limit, int offset)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 500)));
    query.addQueryItem(QStringLiteral("offset"), QString::number(qMax(0, offset)));
    return m_client->get(QStringLiteral("/v2/accounts"), query, QStringLiteral("list_accounts"));
}

ApiCall *AccountsService::getAccount(const QString &accountId)
{
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(accountId));
    return m_client->get(QStringLiteral("/v2/accounts/") + encoded, {}, QStringLiteral("get_account"),
                         accountId);
}

ApiCall *AccountsService::credits()
{
    return m_client->get(QStringLiteral("/v2/credits"), {}, QStringLiteral("get_credits"));
}

} // namespace ld
