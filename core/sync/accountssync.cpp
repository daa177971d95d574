#include "accountssync.h"

#include "services/accountsservice.h"
#include "store/accountrepository.h"
#include "support/logging.h"

namespace ld {

AccountsSync::AccountsSync(AccountsService *service, AccountRepository *accounts, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_accounts(accounts)
{ }

void AccountsSync::setPageLimit(int limit)
{
    m_pageLimit = qBound(1, limit, 500);
}

void AccountsSync::begin()
{
    if (m_busy++ == 0)
        Q_EMIT busyChanged(true);
}

void AccountsSync::end()
{
    if (--m_busy == 0)
        Q_EMIT busyChanged(false);
}

void AccountsSync::refreshAll()
{
    // One listing at a time: a second request while one runs is answered by the first.
    if (m_listing)
        return;
    m_listing = true;
    m_collected.clear();
    begin();
    fetchPage(0);
}

void AccountsSync::fetchPage(int offset)
{
    ApiCall *call = m_service->listAccounts(m_pageLimit, offset);
    connect(call, &ApiCall::done, this, [this, call, offset] {
        auto finish = [this](const ApiError &error) {
            m_listing = false;
            m_collected.clear();
            Q_EMIT failed(error);
            end();
        };
        if (call->state() != ApiCall::State::Succeeded)
            return finish(call->error());
        const Decoded<AccountPage> page = AccountPage::fromJson(call->data());
        if (!page.ok())
            return finish(ApiError::badBody(page.error));

        for (const Account &a : page.value.items)
            m_collected.append(a);
        const int next = offset + int(page.value.items.size());
        // An empty page ends the loop even if `total` promises more: never spin on a server
        // whose total and items disagree.
        if (!page.value.items.isEmpty() && next < page.value.total)
            return fetchPage(next);

        const QList<Account> all = std::exchange(m_collected, {});
        m_listing = false;
        if (!m_accounts->replaceAll(all))
            qCWarning(lcSync) << "could not store the account list";
        Q_EMIT refreshed();
        end();
    });
}

void AccountsSync::refreshAccount(const QString &accountId)
{
    begin();
    ApiCall *call = m_service->getAccount(accountId);
    connect(call, &ApiCall::done, this, [this, call, accountId] {
        if (call->state() != ApiCall::State::Succeeded) {
            const ApiError error = call->error();
            // The key no longer owns it (contract §1.5): the store must stop showing it.
            if (error.code == QLatin1String("INVALID_ACCOUNT"))
                m_accounts->remove(accountId);
            Q_EMIT failed(error);
            end();
            return;
        }
        const Decoded<Account> account = Account::fromJson(call->data());
        if (!account.ok()) {
            Q_EMIT failed(ApiError::badBody(account.error));
            end();
            return;
        }
        Account value = account.value;
        if (value.id.isEmpty())
            value.id = accountId;
        if (!m_accounts->upsert(value))
            qCWarning(lcSync) << "could not store account" << accountId;
        Q_EMIT accountRefreshed(accountId);
        end();
    });
}

void AccountsSync::refreshBalance()
{
    begin();
    ApiCall *call = m_service->credits();
    connect(call, &ApiCall::done, this, [this, call] {
        std::optional<qint64> balance;
        if (call->state() == ApiCall::State::Succeeded) {
            const Decoded<CreditBalance> decoded = CreditBalance::fromJson(call->data());
            if (decoded.ok())
                balance = decoded.value.credits;
        } else {
            // GET /v2/credits is inferred (contract §2.5): a server without it is not an error
            // worth a person's attention, the balance is simply not shown.
            qCDebug(lcSync) << "no credit balance:" << call->error().technicalSummary();
        }
        const bool changed = balance != m_balance;
        m_balance = balance;
        if (changed)
            Q_EMIT balanceChanged(m_balance);
        end();
    });
}

} // namespace ld
