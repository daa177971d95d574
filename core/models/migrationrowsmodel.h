#pragma once
// The rows of a batch migration as a table for the Migration page (issue 6 §2): Line, Label,
// Country, Token (its fingerprint), Status, Account and Message. Two sources: a CSV just read
// (setCsv: the validation view before any run exists, each row "ready" or its problem), and a
// journalled run (setRun: the rows as MigrationRepository stores them, followed as the run
// goes: a row's change is a dataChanged of that row, never a reset). A V1 login_token is never
// held here: rows keep the token's hash and show its fingerprint.
#include "store/migrationrepository.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace ld {

class MigrationRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        LineColumn,
        LabelColumn,
        CountryColumn,
        TokenColumn,
        StatusColumn,
        AccountColumn,
        MessageColumn,
        ColumnCount
    };

    // What a row is, for the page's filter (MigrationRowsFilter) and its colours.
    enum class Kind {
        Ready, // CSV view: a valid row that a run will call
        Pending, // run view: not called yet (or in flight)
        Connected,
        Checkpoint, // connected but LinkedIn asks for a verification first
        Failed, // the API refused the row
        BadRow, // missing token, bad country, duplicate: found before any call
    };

    enum Roles {
        KindRole = Qt::UserRole + 1, // int(Kind)
        StatusNameRole, // "ready", "pending", "calling", "connected", "checkpoint_required",
                        // "failed", or the CSV problem code ("MISSING_TOKEN", ...)
        RowIndexRole, // the row's 0-based index among the CSV's data records
        LineNumberRole,
        AccountIdRole,
        ErrorCodeRole,
        ProblemRole, // bool: a bad row, a duplicate or a failed one (the "problems" filter)
    };

    explicit MigrationRowsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The rows of a CSV that was read but not started. Resets the model; forgets any run.
    void setCsv(const MigrationCsv &csv);
    // The rows of `runId` in `journal`, then their changes as the run goes. Resets the model.
    void setRun(MigrationRepository *journal, qint64 runId);
    void clear();

    qint64 runId() const { return m_runId; }
    bool isRunView() const { return m_journal != nullptr; }
    MigrationJournalRow rowAt(int row) const; // a default one when out of range
    Kind kindAt(int row) const;
    int rowOfIndex(int index) const; // the model row of a CSV data record, -1 when absent

    // The words of the Status column, for the page's summaries.
    static QString statusText(const MigrationJournalRow &row, bool csvView);

private:
    void onRowChanged(qint64 runId, int index);
    void reloadRow(int index);
    QString messageText(const MigrationJournalRow &row) const;

    MigrationRepository *m_journal = nullptr;
    qint64 m_runId = 0;
    // In the CSV view the rows are built from the input (Pending for a valid row, Failed for a
    // bad one), so that one code path shows both views.
    QList<MigrationJournalRow> m_rows; // input order, so m_rows[i].index == i normally
    QMetaObject::Connection m_rowConnection;
};

// The page's filter over a MigrationRowsModel: every row, the problems (bad rows and failed
// ones), the checkpoints, the connected ones, or those still to call.
class MigrationRowsFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Show { All, Problems, Checkpoint, Connected, Pending };

    explicit MigrationRowsFilter(QObject *parent = nullptr);

    Show show() const { return m_show; }
    void setShow(Show show);

    // A row's place in the filter: its kind, and whether it is a problem (a bad row, a failed
    // one, or a duplicate of another row).
    static bool matches(Show show, MigrationRowsModel::Kind kind, bool problem);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Show m_show = Show::All;
};

} // namespace ld
