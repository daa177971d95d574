#include "inboxmodel.h"

#include "store/accountrepository.h"

#include <QSet>
#include <limits>

namespace ld {

namespace {

// The list shows one line; a 50 KB message need not be folded in full to show its start.
constexpr int OneLineChars = 400;

} // namespace

InboxModel::InboxModel(ConversationRepository *conversations, AccountRepository *accounts,
                       QObject *parent)
    : QAbstractListModel(parent)
    , m_repo(conversations)
    , m_accounts(accounts)
{
    connect(m_repo, &ConversationRepository::conversationsInserted, this, &InboxModel::applyKeys);
    connect(m_repo, &ConversationRepository::conversationsChanged, this, &InboxModel::applyKeys);
    if (m_accounts) {
        connect(m_accounts, &AccountRepository::accountsChanged, this,
                &InboxModel::refreshAccountNames);
        connect(m_accounts, &AccountRepository::accountsRemoved, this,
                &InboxModel::refreshAccountNames);
        for (const Account &a : m_accounts->all())
            m_accountNames.insert(a.id, a.name);
    }
    fetchMore();
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationRow &r = m_rows.at(index.row());
    const Conversation &c = r.conversation;
    switch (role) {
    case Qt::DisplayRole:
    case ParticipantNameRole:
        if (role == Qt::DisplayRole && c.participant.name.isEmpty())
            return c.participant.profileUrl.isEmpty() ? c.id : c.participant.profileUrl;
        return c.participant.name;
    case KeyRole:
        return r.key;
    case ConversationIdRole:
        return c.id;
    case AccountIdRole:
        return r.accountId;
    case AccountNameRole:
        return accountName(r.accountId);
    case HeadlineRole:
        return c.participant.headline;
    case ProfileUrlRole:
        return c.participant.profileUrl;
    case LastTextRole:
        return c.lastText.left(OneLineChars).simplified();
    case LastTimeRole:
        return c.lastAt;
    case UnreadRole:
        return r.isUnread();
    case UnreadCountRole:
        return c.unread;
    case DoneRole:
        return r.done;
    case FromMeRole:
        return c.lastSender.isMe;
    default:
        return {};
    }
}

QHash<int, QByteArray> InboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(ConversationIdRole, "conversationId");
    names.insert(AccountIdRole, "accountId");
    names.insert(AccountNameRole, "accountName");
    names.insert(ParticipantNameRole, "participantName");
    names.insert(HeadlineRole, "headline");
    names.insert(ProfileUrlRole, "profileUrl");
    names.insert(LastTextRole, "lastText");
    names.insert(LastTimeRole, "lastTime");
    names.insert(UnreadRole, "unread");
    names.insert(UnreadCountRole, "unreadCount");
    names.insert(DoneRole, "done");
    names.insert(FromMeRole, "fromMe");
    return names;
}

bool InboxModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void InboxModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    std::optional<ConversationRow> after;
    if (!m_rows.isEmpty())
        after = m_rows.constLast();
    const QList<ConversationRow> page = m_repo->page(m_filter, m_pageSize, after);
    if (page.size() < m_pageSize)
        m_atEnd = true;
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
}

void InboxModel::setFilter(const InboxFilter &filter)
{
    if (filter == m_filter)
        return;
    // The first page is read inside the reset: a view repaints once, with the new rows.
    beginResetModel();
    m_filter = filter;
    m_rows = m_repo->page(m_filter, m_pageSize);
    m_atEnd = m_rows.size() < m_pageSize;
    endResetModel();
    Q_EMIT filterChanged(m_filter);
}

std::optional<ConversationRow> InboxModel::rowAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

qint64 InboxModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key : 0;
}

int InboxModel::rowOfKey(qint64 key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

// m_rows stays sorted in the store's order (ConversationRepository::page: last message time,
// then key, both descending) and a prefix of it. Rows are placed by comparing with the rows
// held rather than by asking positionOf(): one upsert emits conversationsInserted and then
// conversationsChanged, and during the first signal the store already holds the changes the
// second one announces, so a store position would count rows this model has not moved yet.
// Comparing with what the model holds keeps it sorted after every signal; once the last one
// is handled the model's values are the store's, and so is its order.
void InboxModel::applyKeys(const QList<qint64> &keys)
{
    QSet<qint64> seen;
    for (qint64 key : keys) {
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const std::optional<ConversationRow> row = m_repo->row(key);
        const int from = rowOfKey(key);
        if (!row || !m_repo->matches(*row, m_filter)) {
            if (from >= 0) {
                beginRemoveRows({}, from, from);
                m_rows.removeAt(from);
                endRemoveRows();
            }
            continue;
        }
        int dest = int(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i) {
            if (i != from && sortsBefore(*row, m_rows.at(i))) {
                dest = i;
                break;
            }
        }
        if (from >= 0 && (dest == from || dest == from + 1)) {
            m_rows[from] = *row;
            Q_EMIT dataChanged(index(from), index(from));
            continue;
        }
        // Behind every row held while the store has more: a later page brings it.
        if (dest == m_rows.size() && !m_atEnd) {
            if (from >= 0) {
                beginRemoveRows({}, from, from);
                m_rows.removeAt(from);
                endRemoveRows();
            }
            continue;
        }
        if (from < 0) {
            beginInsertRows({}, dest, dest);
            m_rows.insert(dest, *row);
            endInsertRows();
            continue;
        }
        beginMoveRows({}, from, from, {}, dest);
        const int at = dest > from ? dest - 1 : dest;
        m_rows.move(from, at);
        endMoveRows();
        m_rows[at] = *row;
        Q_EMIT dataChanged(index(at), index(at));
    }
}

bool InboxModel::sortsBefore(const ConversationRow &a, const ConversationRow &b)
{
    const auto ms = [](const ConversationRow &r) {
        return r.conversation.lastAt.isValid() ? r.conversation.lastAt.toMSecsSinceEpoch()
                                               : std::numeric_limits<qint64>::min();
    };
    const qint64 at = ms(a), bt = ms(b);
    return at != bt ? at > bt : a.key > b.key;
}

void InboxModel::refreshAccountNames()
{
    m_accountNames.clear();
    for (const Account &a : m_accounts->all())
        m_accountNames.insert(a.id, a.name);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), { AccountNameRole });
}

QString InboxModel::accountName(const QString &accountId) const
{
    const QString name = m_accountNames.value(accountId);
    return name.isEmpty() ? accountId : name;
}

} // namespace ld
