#include "migrationrowsmodel.h"

namespace ld {

namespace {

using Status = MigrationJournalRow::Status;

// The problem codes MigrationRepository stores for rows refused before any call.
bool isBadRowCode(const QString &code)
{
    return code == QLatin1String("MISSING_TOKEN") || code == QLatin1String("BAD_COUNTRY");
}

// The CSV view shows the input through the same row type as the journal: what createRun()
// would store for it (a bad row Failed with its problem, a duplicate Pending with its note).
MigrationJournalRow fromInput(const MigrationInputRow &in)
{
    MigrationJournalRow row;
    row.index = in.index;
    row.lineNumber = in.lineNumber;
    row.tokenHash = in.tokenHash;
    row.country = in.country;
    row.label = in.label;
    row.duplicateOfIndex = in.duplicateOfIndex;
    if (in.isDuplicate()) {
        row.note = in.problemText();
        row.errorCode = in.problemCode();
    } else if (!in.isValid()) {
        row.status = Status::Failed;
        row.errorCode = in.problemCode();
        row.errorMessage = in.problemText();
    }
    return row;
}

MigrationRowsModel::Kind kindOf(const MigrationJournalRow &row, bool csvView)
{
    using Kind = MigrationRowsModel::Kind;
    switch (row.status) {
    case Status::Pending:
    case Status::Calling:
        if (csvView)
            return row.duplicateOfIndex >= 0 ? Kind::BadRow : Kind::Ready;
        return Kind::Pending;
    case Status::Connected:
        return Kind::Connected;
    case Status::CheckpointRequired:
        return Kind::Checkpoint;
    case Status::Failed:
        return isBadRowCode(row.errorCode) ? Kind::BadRow : Kind::Failed;
    }
    return Kind::Pending;
}

bool isProblem(const MigrationJournalRow &row, bool csvView)
{
    const MigrationRowsModel::Kind kind = kindOf(row, csvView);
    return kind == MigrationRowsModel::Kind::BadRow || kind == MigrationRowsModel::Kind::Failed
        || row.duplicateOfIndex >= 0;
}

} // namespace

MigrationRowsModel::MigrationRowsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int MigrationRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MigrationRowsModel::statusText(const MigrationJournalRow &row, bool csvView)
{
    if (csvView) {
        if (row.duplicateOfIndex >= 0)
            return tr("duplicate");
        if (row.errorCode == QLatin1String("MISSING_TOKEN"))
            return tr("no token");
        if (row.errorCode == QLatin1String("BAD_COUNTRY"))
            return tr("bad country");
        return row.status == Status::Failed ? tr("problem") : tr("ready");
    }
    switch (row.status) {
    case Status::Pending:
        return tr("pending");
    case Status::Calling:
        return tr("calling…");
    case Status::Connected:
        return tr("connected");
    case Status::CheckpointRequired:
        return tr("checkpoint");
    case Status::Failed:
        return isBadRowCode(row.errorCode) ? tr("bad row") : tr("failed");
    }
    return {};
}

QString MigrationRowsModel::messageText(const MigrationJournalRow &row) const
{
    QStringList parts;
    switch (row.status) {
    case Status::Failed:
        if (!row.errorMessage.isEmpty())
            parts << row.errorMessage;
        if (!row.errorCode.isEmpty() && !isBadRowCode(row.errorCode)
            && row.errorCode != QLatin1String("DUPLICATE_TOKEN"))
            parts << tr("(%1)").arg(row.errorCode);
        break;
    case Status::CheckpointRequired:
        parts << (row.challenge == QLatin1String("app_challenge")
                ? tr("LinkedIn asks for an approval in its mobile app: complete it from the "
                     "Accounts page.")
                : tr("LinkedIn asks for a verification code: complete it from the Accounts "
                     "page."));
        break;
    default:
        break;
    }
    // A duplicate says which row it follows, whatever its outcome.
    if (!row.note.isEmpty())
        parts.prepend(row.note);
    return parts.join(QLatin1Char(' '));
}

QVariant MigrationRowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const MigrationJournalRow &row = m_rows.at(index.row());
    const bool csvView = !isRunView();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case LineColumn:
            return row.lineNumber;
        case LabelColumn:
            return row.label;
        case CountryColumn:
            return row.country;
        case TokenColumn:
            return row.tokenHash.isEmpty() ? QString() : tokenFingerprint(row.tokenHash);
        case StatusColumn:
            return statusText(row, csvView);
        case AccountColumn:
            return row.accountId;
        case MessageColumn:
            return messageText(row);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case KindRole:
        return int(kindOf(row, csvView));
    case StatusNameRole:
        if (csvView && !row.errorCode.isEmpty())
            return row.errorCode;
        if (csvView)
            return QStringLiteral("ready");
        return MigrationJournalRow::statusName(row.status);
    case RowIndexRole:
        return row.index;
    case LineNumberRole:
        return row.lineNumber;
    case AccountIdRole:
        return row.accountId;
    case ErrorCodeRole:
        return row.errorCode;
    case ProblemRole:
        return isProblem(row, csvView);
    default:
        break;
    }
    return {};
}

QVariant MigrationRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case LabelColumn:
        return tr("Label");
    case CountryColumn:
        return tr("Country");
    case TokenColumn:
        return tr("Token");
    case StatusColumn:
        return tr("Status");
    case AccountColumn:
        return tr("Account");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

void MigrationRowsModel::setCsv(const MigrationCsv &csv)
{
    beginResetModel();
    disconnect(m_rowConnection);
    m_journal = nullptr;
    m_runId = 0;
    m_rows.clear();
    m_rows.reserve(csv.rows.size());
    for (const MigrationInputRow &in : csv.rows)
        m_rows << fromInput(in);
    endResetModel();
}

void MigrationRowsModel::setRun(MigrationRepository *journal, qint64 runId)
{
    beginResetModel();
    disconnect(m_rowConnection);
    m_journal = journal;
    m_runId = runId;
    m_rows = journal ? journal->rows(runId) : QList<MigrationJournalRow>();
    if (journal)
        m_rowConnection = connect(
            journal, &MigrationRepository::rowChanged, this, &MigrationRowsModel::onRowChanged);
    endResetModel();
}

void MigrationRowsModel::clear()
{
    beginResetModel();
    disconnect(m_rowConnection);
    m_journal = nullptr;
    m_runId = 0;
    m_rows.clear();
    endResetModel();
}

MigrationJournalRow MigrationRowsModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : MigrationJournalRow();
}

MigrationRowsModel::Kind MigrationRowsModel::kindAt(int row) const
{
    return kindOf(rowAt(row), !isRunView());
}

int MigrationRowsModel::rowOfIndex(int index) const
{
    // Rows are in input order and indexes count from 0, so the index is usually the row.
    if (index >= 0 && index < m_rows.size() && m_rows.at(index).index == index)
        return index;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).index == index)
            return i;
    }
    return -1;
}

void MigrationRowsModel::onRowChanged(qint64 runId, int index)
{
    if (runId != m_runId || !m_journal)
        return;
    reloadRow(index);
    // A duplicate takes its original's outcome in the same transaction; refresh it too, in
    // case the journal announced only the original.
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).duplicateOfIndex == index)
            reloadRow(m_rows.at(i).index);
    }
}

void MigrationRowsModel::reloadRow(int index)
{
    const int r = rowOfIndex(index);
    if (r < 0)
        return;
    const std::optional<MigrationJournalRow> fresh = m_journal->row(m_runId, index);
    if (!fresh)
        return;
    m_rows[r] = *fresh;
    Q_EMIT dataChanged(this->index(r, 0), this->index(r, ColumnCount - 1));
}

MigrationRowsFilter::MigrationRowsFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void MigrationRowsFilter::setShow(Show show)
{
    if (show == m_show)
        return;
    // Qt 6.4 has no begin/endFilterChange: invalidateFilter() re-runs filterAcceptsRow.
    m_show = show;
    invalidateFilter();
}

bool MigrationRowsFilter::matches(Show show, MigrationRowsModel::Kind kind, bool problem)
{
    using Kind = MigrationRowsModel::Kind;
    switch (show) {
    case Show::All:
        return true;
    case Show::Problems:
        return problem;
    case Show::Checkpoint:
        return kind == Kind::Checkpoint;
    case Show::Connected:
        return kind == Kind::Connected;
    case Show::Pending:
        return kind == Kind::Pending || kind == Kind::Ready;
    }
    return true;
}

bool MigrationRowsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = MigrationRowsModel::Kind(idx.data(MigrationRowsModel::KindRole).toInt());
    return matches(m_show, kind, idx.data(MigrationRowsModel::ProblemRole).toBool());
}

} // namespace ld
