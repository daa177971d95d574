#pragma once
// Step 2 of the Migration page (issue 6 §2, §3, §5): a CSV of V1 tokens is opened (or dropped
// on the page), checked before anything is called — every bad line listed with its line number
// and reason — then migrated one login at a time with a random pause, with progress, pause,
// resume and cancel, and exported as the results CSV. A CSV whose content a run already
// journalled shows that run at once, with Resume instead of Start; a run an earlier session
// left paused is offered again, and is only resumed with the very CSV it was started with
// (the tokens were never stored, so the file is read again).
#include "migration/migrationcsv.h"

#include <QWidget>
#include <functional>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace ld {
class MigrationRowsFilter;
class MigrationRowsModel;
class MigrationRunner;
class MigrationRepository;
struct MigrationRun;
} // namespace ld

namespace ld::ui {

class MessageBar;
class MigrationProgressPanel;

class MigrationBatchTab : public QWidget
{
    Q_OBJECT
public:
    using SampleSource = std::function<QByteArray(int rows)>;
    static constexpr int SampleRows = 500;

    MigrationBatchTab(
        MigrationRepository *journal, MigrationRunner *runner, QWidget *parent = nullptr);

    // The demo's sample export (Seeds::sampleMigrationCsv); none hides "Create a sample CSV…".
    void setSampleSource(SampleSource source);

    // The page's commands: Open CSV…, Create a sample CSV…, Start, Pause/Resume, Cancel run,
    // Export results…
    QList<QAction *> commands() const;
    QAction *openAction() const { return m_openAction; }

    // Reads `path` and shows its rows, or the run that already journalled its content. false
    // (with the reason on the page) when the file cannot be used or a run is under way.
    bool openCsv(const QString &path);
    bool writeSampleCsv(const QString &path);
    bool exportTo(const QString &path);
    // A run an earlier session left paused: re-reads its CSV from where it was (asking for the
    // file when it moved or changed), shows it and starts it. false when it did not start.
    bool resumeJournalledRun(qint64 runId);
    // "The migration of tokens.csv stopped at 213 of 500 rows when LinkUp Desk closed.
    // Resume?" for the newest run left paused, with Resume; false when there is none.
    bool offerWaitingRun();
    // The first sentence of that offer (without "Resume?"), also the main window's notice.
    static QString waitingRunSentence(const MigrationRun &run, int finishedRows);

    qint64 runId() const { return m_runId; }
    QString csvPath() const { return m_path; }
    const MigrationCsv &csv() const { return m_csv; }

    // What a person sees and touches, for tests.
    QLabel *fileLabel() const { return m_file; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *errorLabel() const { return m_error; }
    QTableView *table() const { return m_table; }
    MigrationRowsModel *model() const { return m_model; }
    MigrationRowsFilter *filter() const { return m_filter; }
    QComboBox *filterCombo() const { return m_filterCombo; }
    QDoubleSpinBox *minDelaySpin() const { return m_minDelay; }
    QDoubleSpinBox *maxDelaySpin() const { return m_maxDelay; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *sampleButton() const { return m_sample; }
    MigrationProgressPanel *progressPanel() const { return m_progress; }
    MessageBar *messageBar() const { return m_messages; }

public Q_SLOTS:
    void chooseCsv(); // Ctrl+O
    void chooseSampleFile(); // demo only
    void start(); // Ctrl+Return: starts the CSV shown, or resumes its run
    void togglePause(); // Ctrl+P
    void cancelRun(); // asks first
    void chooseExportFile(); // Ctrl+S

Q_SIGNALS:
    void statusMessage(const QString &text);
    void accountsRequested(); // checkpoint rows are completed from the Accounts page

private:
    void createActions();
    void showCsv(const MigrationCsv &csv, const QString &path);
    void showRun(qint64 runId);
    void updateProgress();
    void updateActions();
    void showError(const QString &text);
    bool driving() const; // the runner drives the run shown
    bool runActive() const; // the run shown is Running or Paused
    void applyDelays();
    QString askForCsv(const QString &why, const QString &where);
    void onRunnerPaused(qint64 runId, const QString &reason);
    void onRunnerFinished(qint64 runId);

    MigrationRepository *m_journal;
    MigrationRunner *m_runner;
    SampleSource m_sampleSource;
    MigrationCsv m_csv; // holds the tokens, in memory only, while the CSV is shown
    QString m_path;
    qint64 m_runId = 0;
    bool m_pausingByHand = false;

    MessageBar *m_messages;
    QPushButton *m_open;
    QPushButton *m_sample;
    QLabel *m_file;
    QLabel *m_summary;
    QLabel *m_error;
    QComboBox *m_filterCombo;
    QTableView *m_table;
    MigrationRowsModel *m_model;
    MigrationRowsFilter *m_filter;
    QWidget *m_pacing;
    QDoubleSpinBox *m_minDelay;
    QDoubleSpinBox *m_maxDelay;
    QPushButton *m_start;
    MigrationProgressPanel *m_progress;
    QTimer *m_tick;

    QAction *m_openAction = nullptr;
    QAction *m_sampleAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_exportAction = nullptr;
};

} // namespace ld::ui
