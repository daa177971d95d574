#pragma once
// Refreshes what the store knows of the accounts: the whole list (GET /v2/accounts, paged by
// limit/offset until all are read), one account's details (GET /v2/accounts/{id}) and the
// credit balance (GET /v2/credits, inferred: a failure there is quiet).
#include "api/apierror.h"
#include "domain/account.h"

#include <QList>
#include <QObject>
#include <optional>

namespace ld {

class AccountsService;
class AccountRepository;

class AccountsSync : public QObject
{
    Q_OBJECT
public:
    AccountsSync(AccountsService *service, AccountRepository *accounts, QObject *parent = nullptr);

    void refreshAll();
    void refreshAccount(const QString &accountId);
    void refreshBalance();

    // Page size of refreshAll() (contract §2.3: 1–500, default here 500); tests make it small.
    void setPageLimit(int limit);
    int pageLimit() const { return m_pageLimit; }

    bool isBusy() const { return m_busy > 0; }
    std::optional<qint64> balance() const { return m_balance; }

Q_SIGNALS:
    void busyChanged(bool busy);                  // false after the result signal below
    void refreshed();                             // the list was replaced
    void accountRefreshed(const QString &accountId);
    void balanceChanged(std::optional<qint64> credits);
    void failed(const ld::ApiError &error);

private:
    void fetchPage(int offset);
    void begin();
    void end();

    AccountsService *m_service;
    AccountRepository *m_accounts;
    int m_busy = 0;
    int m_pageLimit = 500;
    bool m_listing = false;
    QList<Account> m_collected; // pages read so far by the refreshAll() in progress
    std::optional<qint64> m_balance;
};

} // namespace ld
