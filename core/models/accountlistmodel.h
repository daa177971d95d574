#pragma once
// The accounts of the store as a list for the sidebar and the Accounts page. Rows update in
// place from AccountRepository's change signals (no reset on refresh).
#include "domain/account.h"

#include <QAbstractListModel>

namespace ld {

class AccountRepository;

class AccountListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        AccountIdRole = Qt::UserRole + 1,
        NameRole,
        StatusRole,      // int(Account::Status)
        StatusTextRole,  // translated status word
        CountryRole,
        IsActiveRole,
        UnreadCountRole, // placeholder until the inbox lands (issue 3): 0
    };

    explicit AccountListModel(AccountRepository *accounts, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString accountIdAt(int row) const;
    int rowOf(const QString &accountId) const; // -1 when absent
    Account accountAt(int row) const;

private:
    template <typename>
    friend struct ListSync;

    void onChanged(const QStringList &ids);
    void onRemoved(const QStringList &ids);
    void syncTo(const QList<Account> &target);

    AccountRepository *m_repo;
    QList<Account> m_rows; // same order as AccountRepository::all()
};

} // namespace ld
