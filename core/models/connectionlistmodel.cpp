#include "connectionlistmodel.h"

#include "listsync_p.h"

namespace ld {

namespace {

bool sameConnection(const StoredConnection &a, const StoredConnection &b)
{
    const Connection &x = a.connection;
    const Connection &y = b.connection;
    return a.key == b.key && x.name == y.name && x.jobTitle == y.jobTitle
        && x.profileUrl == y.profileUrl && x.pictureUrl == y.pictureUrl
        && a.position == b.position && a.profileId == b.profileId;
}

} // namespace

ConnectionListModel::ConnectionListModel(NetworkRepository *network, QObject *parent)
    : QAbstractListModel(parent)
    , m_network(network)
{
    connect(m_network, &NetworkRepository::connectionsChanged, this,
            &ConnectionListModel::onConnectionsChanged);
}

QString ConnectionListModel::folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    }
    return out.toCaseFolded();
}

void ConnectionListModel::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    // Another account's list is another list: nothing of the old selection applies.
    beginResetModel();
    m_rows.clear();
    m_all.clear();
    m_storedCount = 0;
    endResetModel();
    reload();
}

void ConnectionListModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    m_words = folded(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    reload();
}

void ConnectionListModel::onConnectionsChanged(const QString &accountId)
{
    if (accountId == m_accountId)
        reload();
}

void ConnectionListModel::reload()
{
    const QList<StoredConnection> stored
        = m_accountId.isEmpty() ? QList<StoredConnection>() : m_network->connections(m_accountId);
    m_storedCount = int(stored.size());
    QList<Row> target;
    for (const StoredConnection &c : stored) {
        Row row { c, folded(c.connection.name + QLatin1Char(' ') + c.connection.jobTitle) };
        bool match = true;
        for (const QString &w : std::as_const(m_words))
            match = match && row.haystack.contains(w);
        if (match)
            target << row;
    }
    ListSync<ConnectionListModel>::apply(
        this, m_rows, target, 0, [](const Row &r) { return r.connection.key; },
        [](const Row &a, const Row &b) { return sameConnection(a.connection, b.connection); });
}

StoredConnection ConnectionListModel::connectionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).connection : StoredConnection();
}

int ConnectionListModel::rowOfKey(qint64 key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).connection.key == key)
            return i;
    }
    return -1;
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredConnection &s = m_rows.at(index.row()).connection;
    const Connection &c = s.connection;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return c.name;
    case Qt::ToolTipRole:
        return c.jobTitle.isEmpty() ? c.name : tr("%1 — %2").arg(c.name, c.jobTitle);
    case JobTitleRole:
        return c.jobTitle;
    case ProfileUrlRole:
        return c.profileUrl;
    case ProfileIdRole:
        return s.profileId;
    case PictureUrlRole:
        return c.pictureUrl;
    case KeyRole:
        return s.key;
    case PositionRole:
        return s.position;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConnectionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(JobTitleRole, "jobTitle");
    names.insert(ProfileUrlRole, "profileUrl");
    names.insert(ProfileIdRole, "profileId");
    names.insert(PictureUrlRole, "pictureUrl");
    names.insert(KeyRole, "key");
    names.insert(PositionRole, "position");
    return names;
}

} // namespace ld
