#include "activitylogmodel.h"

#include <QLocale>

namespace ld {

ActivityLogModel::ActivityLogModel(ActivityLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    connect(m_log, &ActivityLog::appended, this, &ActivityLogModel::onAppended);
    reload();
}

void ActivityLogModel::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    reload();
}

void ActivityLogModel::setLimit(int limit)
{
    limit = qMax(1, limit);
    if (limit == m_limit)
        return;
    m_limit = limit;
    reload();
}

// Only when the question changes (another account, another limit): new entries are inserted.
void ActivityLogModel::reload()
{
    beginResetModel();
    m_rows
        = m_accountId.isEmpty() ? m_log->recent(m_limit) : m_log->forAccount(m_accountId, m_limit);
    endResetModel();
}

void ActivityLogModel::onAppended(const QString &accountId, qint64 id)
{
    if (!m_accountId.isEmpty() && accountId != m_accountId)
        return;
    const qint64 newestShown = m_rows.isEmpty() ? 0 : m_rows.first().id;
    if (id <= newestShown)
        return;
    // Read a few newest entries rather than one: appends that arrived together are all shown.
    const QList<ActivityEntry> newest
        = m_accountId.isEmpty() ? m_log->recent(50) : m_log->forAccount(m_accountId, 50);
    QList<ActivityEntry> fresh;
    for (const ActivityEntry &e : newest) {
        if (e.id > newestShown)
            fresh.append(e);
    }
    if (fresh.isEmpty())
        return;
    if (fresh.size() > m_limit)
        fresh.resize(m_limit);
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_rows = fresh + m_rows;
    endInsertRows();
    if (m_rows.size() > m_limit) {
        beginRemoveRows({}, m_limit, int(m_rows.size()) - 1);
        m_rows.resize(m_limit);
        endRemoveRows();
    }
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEntry &e = m_rows.at(index.row());
    switch (role) {
    case EntryIdRole:
        return e.id;
    case OkRole:
        return e.ok;
    case AccountIdRole:
        return e.accountId;
    case Qt::ToolTipRole:
        return e.errorCode.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, e.errorCode);
    case Qt::TextAlignmentRole:
        if (index.column() == CreditsColumn || index.column() == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case ActionColumn:
        return e.action;
    case OutcomeColumn:
        return e.message;
    case CreditsColumn:
        return e.credits;
    case DurationColumn:
        return tr("%1 s").arg(QLocale().toString(e.durationMs / 1000.0, 'f', 1));
    default:
        return {};
    }
}

QVariant ActivityLogModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, o, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case CreditsColumn:
        return tr("Credits");
    case DurationColumn:
        return tr("Duration");
    default:
        return {};
    }
}

} // namespace ld
