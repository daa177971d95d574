#include "liveeventmodel.h"

#include "store/accountrepository.h"

#include <algorithm>

namespace ld {

namespace {

// The list shows one line; a 50 KB message need not be folded in full to show its start.
constexpr int OneLineChars = 400;

QString oneLine(const QString &text)
{
    return text.left(OneLineChars).simplified();
}

} // namespace

LiveEventModel::LiveEventModel(
    LiveEventRepository *events, AccountRepository *accounts, QObject *parent)
    : QAbstractListModel(parent)
    , m_events(events)
    , m_accounts(accounts)
{
    connect(m_events, &LiveEventRepository::recorded, this, &LiveEventModel::onRecorded);
    if (m_accounts) {
        connect(m_accounts, &AccountRepository::accountsChanged, this,
            &LiveEventModel::refreshAccountNames);
        connect(m_accounts, &AccountRepository::accountsRemoved, this,
            &LiveEventModel::refreshAccountNames);
        for (const Account &a : m_accounts->all())
            m_accountNames.insert(a.id, a.name);
    }
    fetchMore();
}

int LiveEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant LiveEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LiveEventRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return summary(r, accountName(r.accountId));
    case IdRole:
        return r.id;
    case TypeRole:
        return int(r.type);
    case TypeNameRole:
        return r.typeName;
    case PersonNameRole:
        return r.personName;
    case ProfileUrlRole:
        return r.profileUrl;
    case TextRole:
        return oneLine(r.text);
    case AccountIdRole:
        return r.accountId;
    case AccountNameRole:
        return accountName(r.accountId);
    case ConversationIdRole:
        return r.conversationId;
    case TimeRole:
        return r.emittedAt.isValid() ? r.emittedAt : r.receivedAt;
    default:
        return {};
    }
}

QHash<int, QByteArray> LiveEventModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "eventId");
    names.insert(TypeRole, "type");
    names.insert(TypeNameRole, "typeName");
    names.insert(PersonNameRole, "personName");
    names.insert(ProfileUrlRole, "profileUrl");
    names.insert(TextRole, "text");
    names.insert(AccountIdRole, "accountId");
    names.insert(AccountNameRole, "accountName");
    names.insert(ConversationIdRole, "conversationId");
    names.insert(TimeRole, "time");
    return names;
}

bool LiveEventModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void LiveEventModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    const qint64 before = m_rows.isEmpty() ? 0 : m_rows.last().id;
    const QList<LiveEventRow> page = m_events->recent(m_pageSize, before, m_accountIds);
    m_atEnd = page.size() < m_pageSize;
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows += page;
    endInsertRows();
}

void LiveEventModel::setAccountIds(const QStringList &accountIds)
{
    if (accountIds == m_accountIds)
        return;
    m_accountIds = accountIds;
    reload();
}

void LiveEventModel::setPageSize(int rows)
{
    rows = qMax(1, rows);
    if (rows == m_pageSize)
        return;
    m_pageSize = rows;
    reload();
}

// The first page is read inside the reset: a view repaints once, with the new rows.
void LiveEventModel::reload()
{
    beginResetModel();
    m_rows = m_events->recent(m_pageSize, 0, m_accountIds);
    m_atEnd = m_rows.size() < m_pageSize;
    endResetModel();
}

// Ids only grow, so a new event goes on top; the search keeps an out-of-order id (an event
// recorded while an older page was being read) in its place among the rows already fetched.
void LiveEventModel::onRecorded(qint64 id)
{
    if (rowOfId(id) >= 0)
        return;
    const std::optional<LiveEventRow> row = m_events->row(id);
    if (!row || (!m_accountIds.isEmpty() && !m_accountIds.contains(row->accountId)))
        return;
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
        [](const LiveEventRow &r, qint64 v) { return r.id > v; });
    const int position = int(at - m_rows.cbegin());
    if (position == m_rows.size() && !m_atEnd)
        return; // older than every fetched row: fetchMore() reads it in its turn
    beginInsertRows({}, position, position);
    m_rows.insert(position, *row);
    endInsertRows();
}

std::optional<LiveEventRow> LiveEventModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int LiveEventModel::rowOfId(qint64 id) const
{
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
        [](const LiveEventRow &r, qint64 v) { return r.id > v; });
    return at != m_rows.cend() && at->id == id ? int(at - m_rows.cbegin()) : -1;
}

void LiveEventModel::refreshAccountNames()
{
    QHash<QString, QString> names;
    for (const Account &a : m_accounts->all())
        names.insert(a.id, a.name);
    if (names == m_accountNames)
        return;
    m_accountNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(
            index(0), index(int(m_rows.size()) - 1), { Qt::DisplayRole, AccountNameRole });
}

QString LiveEventModel::accountName(const QString &accountId) const
{
    const QString name = m_accountNames.value(accountId);
    return name.isEmpty() ? accountId : name;
}

QString LiveEventModel::summary(const LiveEventRow &row, const QString &accountName)
{
    const QString person = row.personName.isEmpty()
        ? (row.profileUrl.isEmpty() ? tr("Someone") : row.profileUrl)
        : row.personName;
    switch (row.type) {
    case LiveEvent::Type::Message:
        return row.text.isEmpty() ? tr("%1 sent a message").arg(person)
                                  : tr("%1: %2").arg(person, oneLine(row.text));
    case LiveEvent::Type::AcceptedInvitation:
        return tr("%1 accepted your invitation").arg(person);
    case LiveEvent::Type::Disconnection:
        return tr("LinkedIn signed %1 out: reconnect the account to receive its messages again")
            .arg(accountName);
    case LiveEvent::Type::Other:
        break;
    }
    return tr("An event this version does not know (“%1”)").arg(row.typeName);
}

} // namespace ld
