#include "accountlistmodel.h"

#include "listsync_p.h"
#include "store/accountrepository.h"

namespace ld {

namespace {

bool sameAccount(const Account &a, const Account &b)
{
    return a.id == b.id && a.name == b.name && a.platform == b.platform && a.country == b.country
        && a.status == b.status && a.rawStatus == b.rawStatus && a.isActive == b.isActive
        && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt && a.extra == b.extra;
}

} // namespace

AccountListModel::AccountListModel(AccountRepository *accounts, QObject *parent)
    : QAbstractListModel(parent)
    , m_repo(accounts)
    , m_rows(accounts->all())
{
    connect(m_repo, &AccountRepository::accountsChanged, this, &AccountListModel::onChanged);
    connect(m_repo, &AccountRepository::accountsRemoved, this, &AccountListModel::onRemoved);
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Account &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        if (role == Qt::DisplayRole && a.name.isEmpty())
            return a.id;
        return a.name;
    case Qt::ToolTipRole:
        return tr("%1 — %2").arg(a.name.isEmpty() ? a.id : a.name, Account::statusText(a.status));
    case AccountIdRole:
        return a.id;
    case StatusRole:
        return int(a.status);
    case StatusTextRole:
        return a.status == Account::Status::Unknown && !a.rawStatus.isEmpty()
            ? a.rawStatus
            : Account::statusText(a.status);
    case CountryRole:
        return a.country;
    case IsActiveRole:
        return a.isActive;
    case UnreadCountRole:
        return 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(AccountIdRole, "accountId");
    names.insert(NameRole, "name");
    names.insert(StatusRole, "status");
    names.insert(StatusTextRole, "statusText");
    names.insert(CountryRole, "country");
    names.insert(IsActiveRole, "isActive");
    names.insert(UnreadCountRole, "unreadCount");
    return names;
}

QString AccountListModel::accountIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int AccountListModel::rowOf(const QString &accountId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == accountId)
            return i;
    }
    return -1;
}

Account AccountListModel::accountAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : Account();
}

void AccountListModel::onChanged(const QStringList &)
{
    syncTo(m_repo->all());
}

void AccountListModel::onRemoved(const QStringList &)
{
    syncTo(m_repo->all());
}

void AccountListModel::syncTo(const QList<Account> &target)
{
    ListSync<AccountListModel>::apply(
        this, m_rows, target, 0, [](const Account &a) { return a.id; }, sameAccount);
}

} // namespace ld
