#include "invitationlistmodel.h"

#include "store/accountrepository.h"

#include <QSet>

namespace ld {

namespace {

// One line for a table cell: a note's line breaks would make the row as tall as the note.
QString oneLine(const QString &text)
{
    return text.simplified();
}

} // namespace

InvitationListModel::InvitationListModel(
    NetworkRepository *network, AccountRepository *accounts, Direction direction, QObject *parent)
    : QAbstractTableModel(parent)
    , m_network(network)
    , m_accounts(accounts)
    , m_direction(direction)
{
    connect(m_network, &NetworkRepository::invitationsChanged, this,
        &InvitationListModel::onInvitationsChanged);
    if (m_accounts) {
        connect(m_accounts, &AccountRepository::accountsChanged, this,
            &InvitationListModel::refreshAccountNames);
        connect(m_accounts, &AccountRepository::accountsRemoved, this,
            &InvitationListModel::refreshAccountNames);
    }
    refreshAccountNames();
    m_rows = m_network->invitations(m_direction, m_accountIds);
}

int InvitationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InvitationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InvitationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredInvitation &inv = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn: {
            const QString name = inv.person.fullName().trimmed();
            return name.isEmpty() ? inv.person.profileUrl : name;
        }
        case HeadlineColumn:
            return oneLine(inv.person.headline);
        case AccountColumn:
            return accountName(inv.accountId);
        case AgeColumn:
            if (role == SortRole)
                return inv.ageDays(now());
            return ageText(inv.ageDays(now()));
        case NoteColumn:
            return oneLine(inv.note);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AgeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KeyRole:
        return inv.key;
    case EntityUrnRole:
        return inv.entityUrn;
    case ProfileUrlRole:
        return inv.person.profileUrl;
    case AccountIdRole:
        return inv.accountId;
    case AgeDaysRole:
        return inv.ageDays(now());
    }
    return {};
}

QVariant InvitationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case HeadlineColumn:
        return tr("Headline");
    case AccountColumn:
        return tr("Account");
    case AgeColumn:
        return tr("Age");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

QHash<int, QByteArray> InvitationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(EntityUrnRole, "entityUrn");
    names.insert(ProfileUrlRole, "profileUrl");
    names.insert(AccountIdRole, "accountId");
    names.insert(AgeDaysRole, "ageDays");
    names.insert(SortRole, "sortKey");
    return names;
}

void InvitationListModel::setAccountFilter(const QStringList &accountIds)
{
    if (accountIds == m_accountIds)
        return;
    beginResetModel();
    m_accountIds = accountIds;
    m_rows = m_network->invitations(m_direction, m_accountIds);
    endResetModel();
}

void InvitationListModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AgeColumn), index(rowCount() - 1, AgeColumn));
}

QDateTime InvitationListModel::now() const
{
    return m_now ? m_now() : QDateTime::currentDateTimeUtc();
}

StoredInvitation InvitationListModel::invitationAt(int row) const
{
    return m_rows.value(row);
}

qint64 InvitationListModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key : 0;
}

int InvitationListModel::rowOfKey(qint64 key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

QString InvitationListModel::accountName(const QString &accountId) const
{
    return m_accountNames.value(accountId, accountId);
}

QString InvitationListModel::ageText(int days)
{
    if (days <= 0)
        return tr("today");
    return tr("%1 d").arg(days);
}

void InvitationListModel::onInvitationsChanged(const QString &accountId, Direction direction)
{
    if (direction != m_direction)
        return;
    if (!accountId.isEmpty() && !m_accountIds.isEmpty() && !m_accountIds.contains(accountId))
        return;
    reload();
}

void InvitationListModel::reload()
{
    applyDiff(m_network->invitations(m_direction, m_accountIds));
}

// Removals first, then position by position: the row already there (dataChanged when it
// differs), a row moved up from further down, or an insertion. The store's order is stable
// (sentAt, then key), so a refresh that changes nothing emits nothing.
void InvitationListModel::applyDiff(const QList<StoredInvitation> &target)
{
    QSet<qint64> wanted;
    for (const StoredInvitation &t : target)
        wanted.insert(t.key);

    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (wanted.contains(m_rows.at(i).key))
            continue;
        int first = i;
        while (first > 0 && !wanted.contains(m_rows.at(first - 1).key))
            --first;
        beginRemoveRows({}, first, i);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + i + 1);
        endRemoveRows();
        i = first;
    }

    for (int i = 0; i < target.size(); ++i) {
        const StoredInvitation &want = target.at(i);
        if (i < m_rows.size() && m_rows.at(i).key == want.key) {
            if (!same(m_rows.at(i), want)) {
                m_rows[i] = want;
                emitRowChanged(i);
            }
            continue;
        }
        int from = -1;
        for (int j = i + 1; j < m_rows.size(); ++j) {
            if (m_rows.at(j).key == want.key) {
                from = j;
                break;
            }
        }
        if (from >= 0) {
            beginMoveRows({}, from, from, {}, i);
            m_rows.move(from, i);
            endMoveRows();
            if (!same(m_rows.at(i), want)) {
                m_rows[i] = want;
                emitRowChanged(i);
            }
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(i, want);
            endInsertRows();
        }
    }
}

void InvitationListModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool InvitationListModel::same(const StoredInvitation &a, const StoredInvitation &b)
{
    return a.key == b.key && a.accountId == b.accountId && a.entityUrn == b.entityUrn
        && a.sharedSecret == b.sharedSecret && a.invitationId == b.invitationId
        && a.person.firstName == b.person.firstName && a.person.lastName == b.person.lastName
        && a.person.headline == b.person.headline && a.person.profileUrl == b.person.profileUrl
        && a.person.pictureUrl == b.person.pictureUrl && a.profileId == b.profileId
        && a.invitationType == b.invitationType && a.note == b.note
        && a.sentTimeText == b.sentTimeText && a.sentDaysAtFetch == b.sentDaysAtFetch
        && a.fetchedAt == b.fetchedAt;
}

void InvitationListModel::refreshAccountNames()
{
    QHash<QString, QString> names;
    if (m_accounts) {
        for (const Account &a : m_accounts->all())
            names.insert(a.id, a.name.isEmpty() ? a.id : a.name);
    }
    if (names == m_accountNames)
        return;
    m_accountNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AccountColumn), index(rowCount() - 1, AccountColumn));
}

} // namespace ld
