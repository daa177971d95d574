#include "invitationsrefresh.h"

#include "api/apierror.h"
#include "store/accountrepository.h"

namespace ld::ui {

InvitationsRefresh::InvitationsRefresh(
    NetworkSync *sync, AccountRepository *accounts, QObject *parent)
    : QObject(parent)
    , m_sync(sync)
    , m_accounts(accounts)
{
    connect(m_sync, &NetworkSync::refreshed, this, &InvitationsRefresh::onRefreshed);
    connect(m_sync, &NetworkSync::failed, this, &InvitationsRefresh::onFailed);
}

QString InvitationsRefresh::key(NetworkSync::List list, const QString &accountId)
{
    return (list == NetworkSync::List::Received ? QStringLiteral("received|")
                                                : QStringLiteral("sent|"))
        + accountId;
}

bool InvitationsRefresh::start(const QStringList &accountIds)
{
    if (isBusy() || accountIds.isEmpty())
        return false;
    m_received = 0;
    m_sent = 0;
    m_credits = 0;
    m_errors.clear();
    for (const QString &id : accountIds) {
        m_pending.insert(key(NetworkSync::List::Received, id));
        m_pending.insert(key(NetworkSync::List::Sent, id));
    }
    for (const QString &id : accountIds) {
        m_sync->refresh(id, NetworkSync::List::Received);
        m_sync->refresh(id, NetworkSync::List::Sent);
    }
    return true;
}

void InvitationsRefresh::onRefreshed(
    const QString &accountId, NetworkSync::List list, int items, int /*pages*/, int credits)
{
    const QString k = key(list, accountId);
    if (!m_pending.contains(k))
        return;
    (list == NetworkSync::List::Received ? m_received : m_sent) += items;
    m_credits += credits;
    step(k);
}

void InvitationsRefresh::onFailed(
    const QString &accountId, NetworkSync::List list, const ApiError &error, int credits)
{
    const QString k = key(list, accountId);
    if (!m_pending.contains(k))
        return;
    m_credits += credits;
    const std::optional<Account> account = m_accounts->find(accountId);
    const QString name = account && !account->name.isEmpty() ? account->name : accountId;
    const QString message = tr("%1: %2").arg(name, error.userMessage());
    if (!m_errors.contains(message)) // the received and sent lists often fail alike
        m_errors << message;
    step(k);
}

void InvitationsRefresh::step(const QString &key)
{
    if (!m_pending.remove(key) || !m_pending.isEmpty())
        return;
    QString text = tr("Refreshed %1 received and %2 sent invitations for %3.")
                       .arg(m_received)
                       .arg(m_sent)
                       .arg(tr("%n credit(s)", nullptr, m_credits));
    if (!m_errors.isEmpty())
        text = tr("%1 Not read: %2").arg(text, m_errors.join(QLatin1Char(' ')));
    Q_EMIT finished(text);
}

} // namespace ld::ui
