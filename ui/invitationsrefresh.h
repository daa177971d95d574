#pragma once
// F5 on the Invitations page: both lists (received and sent) of each account in view through
// NetworkSync, then one sentence on what was read and what it cost ("Refreshed 12 received and
// 25 sent invitations for 2 credits."), with the accounts that could not be read and why.
#include "sync/networksync.h"

#include <QObject>
#include <QSet>

namespace ld {
class AccountRepository;
}

namespace ld::ui {

class InvitationsRefresh : public QObject
{
    Q_OBJECT
public:
    InvitationsRefresh(NetworkSync *sync, AccountRepository *accounts, QObject *parent = nullptr);

    // false (and nothing read) while a refresh runs or without accounts.
    bool start(const QStringList &accountIds);
    bool isBusy() const { return !m_pending.isEmpty(); }

Q_SIGNALS:
    void finished(const QString &summary);

private:
    void onRefreshed(
        const QString &accountId, ld::NetworkSync::List list, int items, int pages, int credits);
    void onFailed(const QString &accountId, ld::NetworkSync::List list, const ld::ApiError &error,
        int credits);
    void step(const QString &key);
    static QString key(NetworkSync::List list, const QString &accountId);

    NetworkSync *m_sync;
    AccountRepository *m_accounts;
    QSet<QString> m_pending; // "received|<account>", "sent|<account>"
    int m_received = 0;
    int m_sent = 0;
    int m_credits = 0;
    QStringList m_errors;
};

} // namespace ld::ui
