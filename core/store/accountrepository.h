#pragma once
// The accounts the API key owns, as last seen. Emits the ids it touched so models update rows.
#include "domain/account.h"

#include <QObject>
#include <QStringList>
#include <optional>

namespace ld {

class Database;

class AccountRepository : public QObject
{
    Q_OBJECT
public:
    explicit AccountRepository(Database *db, QObject *parent = nullptr);

    bool upsert(const Account &account);
    // Replaces the whole list with what the server returned: rows not in `accounts` are removed.
    bool replaceAll(const QList<Account> &accounts);
    bool remove(const QString &accountId);

    QList<Account> all() const;     // ordered by name, then id
    std::optional<Account> find(const QString &accountId) const;
    int count() const;

Q_SIGNALS:
    void accountsChanged(const QStringList &ids); // inserted or updated
    void accountsRemoved(const QStringList &ids);

private:
    Database *m_db;
};

} // namespace ld
