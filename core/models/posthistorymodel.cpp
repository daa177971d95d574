#include "posthistorymodel.h"

#include "store/accountrepository.h"

#include <QLocale>

namespace ld {

namespace {

QString textStart(const QString &text)
{
    return text.left(200).simplified();
}

} // namespace

PostHistoryModel::PostHistoryModel(
    DraftRepository *drafts, AccountRepository *accounts, QObject *parent)
    : QAbstractTableModel(parent)
    , m_drafts(drafts)
    , m_accounts(accounts)
{
    connect(m_drafts, &DraftRepository::historyChanged, this, &PostHistoryModel::onHistoryChanged);
    if (m_accounts) {
        connect(m_accounts, &AccountRepository::accountsChanged, this,
            &PostHistoryModel::refreshAccountNames);
        connect(m_accounts, &AccountRepository::accountsRemoved, this,
            &PostHistoryModel::refreshAccountNames);
        for (const Account &a : m_accounts->all())
            m_accountNames.insert(a.id, a.name);
    }
    m_rows = m_drafts->history(m_accountId, DefaultLimit);
}

int PostHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PostHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PostHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PublishedPostRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return localTime(r.publishedAt);
        case AccountColumn:
            return accountName(r);
        case TextColumn: {
            const QString start = textStart(r.text);
            if (!start.isEmpty())
                return start;
            return r.mediaCount > 0 ? tr("%n image(s)", nullptr, r.mediaCount) : QString();
        }
        case UrlColumn:
            return r.postUrl.isEmpty() ? tr("Confirmed by you (no link)") : r.postUrl;
        case CreditsColumn:
            return r.credits;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == UrlColumn && !r.postUrl.isEmpty())
            return tr("Open the post on LinkedIn");
        if (index.column() == TimeColumn)
            return QLocale().toString(r.publishedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CreditsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return r.id;
    case DraftIdRole:
        return r.draftId;
    case PostUrlRole:
        return r.postUrl;
    case PublishedAtRole:
        return r.publishedAt;
    case AccountIdRole:
        return r.accountId;
    default:
        return {};
    }
}

QVariant PostHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Published");
    case AccountColumn:
        return tr("Posted as");
    case TextColumn:
        return tr("Post");
    case UrlColumn:
        return tr("Link");
    case CreditsColumn:
        return tr("Credits");
    }
    return {};
}

void PostHistoryModel::setAccountId(const QString &accountId)
{
    if (accountId == m_accountId)
        return;
    m_accountId = accountId;
    reload();
}

void PostHistoryModel::reload()
{
    beginResetModel();
    m_rows = m_drafts->history(m_accountId, DefaultLimit);
    endResetModel();
}

// Posts are published one at a time, so the new history is usually the old one with new
// records on top: those are inserted, anything else (a record gone) reads it again.
void PostHistoryModel::onHistoryChanged()
{
    const QList<PublishedPostRecord> now = m_drafts->history(m_accountId, DefaultLimit);
    qsizetype added = now.size() - m_rows.size();
    bool onTop = added > 0;
    for (qsizetype i = 0; onTop && i < m_rows.size(); ++i)
        onTop = now.at(i + added).id == m_rows.at(i).id;
    if (!onTop) {
        if (added == 0 && now.size() == m_rows.size()) {
            bool same = true;
            for (qsizetype i = 0; same && i < now.size(); ++i)
                same = now.at(i).id == m_rows.at(i).id;
            if (same) {
                m_rows = now;
                if (!m_rows.isEmpty())
                    Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
                return;
            }
        }
        beginResetModel();
        m_rows = now;
        endResetModel();
        return;
    }
    beginInsertRows({}, 0, int(added) - 1);
    m_rows = now;
    endInsertRows();
}

std::optional<PublishedPostRecord> PostHistoryModel::recordAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

int PostHistoryModel::rowOfDraft(qint64 draftId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).draftId == draftId)
            return i;
    }
    return -1;
}

QString PostHistoryModel::localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = utc.toLocalTime();
    const bool thisYear = local.date().year() == QDate::currentDate().year();
    const QString date = locale.toString(
        local.date(), thisYear ? QStringLiteral("ddd d MMM") : QStringLiteral("d MMM yyyy"));
    return date + QLatin1Char(' ') + locale.toString(local.time(), QStringLiteral("HH:mm"));
}

void PostHistoryModel::refreshAccountNames()
{
    QHash<QString, QString> names;
    for (const Account &a : m_accounts->all())
        names.insert(a.id, a.name);
    if (names == m_accountNames)
        return;
    m_accountNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, AccountColumn), index(int(m_rows.size()) - 1, AccountColumn));
}

QString PostHistoryModel::accountName(const PublishedPostRecord &record) const
{
    if (!record.companyUrl.isEmpty())
        return record.companyUrl;
    const QString name = m_accountNames.value(record.accountId);
    return name.isEmpty() ? record.accountId : name;
}

} // namespace ld
