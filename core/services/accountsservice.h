#pragma once
// Accounts and authentication (contract §2): login (fresh or V1 token import), checkpoint,
// list and get accounts, credit balance. Builds requests; decoding is in the domain types.
#include "api/apiclient.h"
#include "domain/account.h"
#include "domain/loginresult.h"

#include <optional>

namespace ld {

struct CreditBalance
{
    std::optional<qint64> credits; // absent when the server's shape is unknown
    QJsonObject raw;
    static Decoded<CreditBalance> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

class AccountsService : public QObject
{
    Q_OBJECT
public:
    explicit AccountsService(ApiClient *client, QObject *parent = nullptr);

    // Option B: import a V1 login_token. Idempotent on the server (same account_id, free),
    // so it is a Read for the retry policy. The token is a secret: it is never logged.
    ApiCall *importToken(const QString &loginToken, const QString &country);
    // Option A: fresh login; a Write (it may trigger a new 2FA challenge).
    ApiCall *login(const QString &email, const QString &password, const QString &country = {},
                   const QString &accountName = {});
    // code empty for app_challenge (the user approved in the LinkedIn app).
    ApiCall *checkpoint(const QString &accountId, const QString &code = {});

    ApiCall *listAccounts(int limit = 500, int offset = 0);
    ApiCall *getAccount(const QString &accountId);
    ApiCall *credits(); // inferred endpoint (contract §2.5): callers degrade quietly on failure

    ApiClient *client() const { return m_client; }

private:
    ApiClient *m_client;
};

} // namespace ld
