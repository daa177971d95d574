// What the CSV step's buttons do to a run: start or resume it, pause it, cancel it, export its
// results, and resume a run an earlier session left paused with the very CSV it started with.
#include "migrationbatchtab.h"

#include "messagebar.h"
#include "migrationpage.h"
#include "migrationprogresspanel.h"

#include "migration/migrationrunner.h"
#include "models/migrationrowsmodel.h"
#include "store/migrationrepository.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>

namespace ld::ui {

namespace {

QString csvFilter()
{
    return QObject::tr("CSV files (*.csv *.txt);;All files (*)");
}

QString documentsDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace

void MigrationBatchTab::chooseCsv()
{
    const QString dir = m_path.isEmpty() ? documentsDir() : QFileInfo(m_path).absolutePath();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open a CSV of V1 tokens"), dir, csvFilter());
    if (!path.isEmpty())
        openCsv(path);
}

void MigrationBatchTab::chooseSampleFile()
{
    if (!m_sampleSource)
        return;
    const QString suggested
        = QDir(documentsDir()).filePath(QStringLiteral("linkup-v1-sample-%1.csv").arg(SampleRows));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save a sample CSV of V1 tokens"), suggested, csvFilter());
    if (path.isEmpty())
        return;
    if (writeSampleCsv(path))
        openCsv(path);
}

bool MigrationBatchTab::writeSampleCsv(const QString &path)
{
    if (!m_sampleSource)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_sampleSource(SampleRows)) < 0
        || !file.commit()) {
        showError(tr("The sample could not be written to %1: %2. Choose another folder.")
                      .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    Q_EMIT statusMessage(tr("A sample of %1 rows was written to %2.")
                             .arg(SampleRows)
                             .arg(QDir::toNativeSeparators(path)));
    return true;
}

void MigrationBatchTab::start()
{
    if (!m_csv.ok || !m_runner)
        return;
    const int minMs = int(m_minDelay->value() * 1000);
    const int maxMs = int(m_maxDelay->value() * 1000);
    if (driving()) {
        // A run this runner paused: the tokens are still in memory.
        if (m_progress->progress().state == MigrationRun::State::Paused) {
            m_runner->setDelays(minMs, maxMs);
            m_runner->resume();
            m_messages->hide();
        }
        updateProgress();
        return;
    }
    QString error;
    qint64 runId = m_runId;
    if (runId == 0) {
        runId = m_runner->prepare(m_csv, m_path, minMs, maxMs, nullptr, &error);
    } else {
        const std::optional<MigrationRun> run = m_journal->findRun(runId);
        if (run && run->state == MigrationRun::State::Paused)
            m_journal->setDelays(runId, minMs, maxMs); // the pacing chosen now, for the rest
    }
    if (runId == 0 || !m_runner->start(runId, m_csv, &error)) {
        showError(error);
        return;
    }
    m_error->hide();
    m_messages->hide();
    if (runId != m_runId)
        showRun(runId);
    else
        updateProgress();
    Q_EMIT statusMessage(
        tr("Migrating %1: one login every %2–%3 s.")
            .arg(QFileInfo(m_path).fileName(), QLocale().toString(minMs / 1000.0, 'f', 1),
                QLocale().toString(maxMs / 1000.0, 'f', 1)));
}

void MigrationBatchTab::togglePause()
{
    if (!runActive())
        return;
    if (m_progress->progress().state == MigrationRun::State::Paused) {
        start();
        return;
    }
    if (!driving()) {
        showError(tr("Another LinkUp Desk window or linkupctl is running this migration: pause "
                     "it there."));
        return;
    }
    m_pausingByHand = true;
    m_runner->pause();
    m_pausingByHand = false;
    updateProgress();
}

void MigrationBatchTab::cancelRun()
{
    if (!runActive())
        return;
    if (m_progress->progress().state == MigrationRun::State::Running && !driving()) {
        showError(tr("Another LinkUp Desk window or linkupctl is running this migration: cancel "
                     "it there."));
        return;
    }
    const MigrationCounts c = m_journal->counts(m_runId);
    QMessageBox box(QMessageBox::Question, tr("Cancel the migration?"),
        tr("Cancel the migration of %1?").arg(QFileInfo(m_path).fileName()), QMessageBox::NoButton,
        this);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(
        tr("The %1 rows already done keep their outcome and are in the export. The %2 rows left "
           "are not called; opening the CSV again later starts a new run, and tokens already "
           "imported come back with the same accounts, free.")
            .arg(c.finished())
            .arg(c.pending));
    QPushButton *cancel = box.addButton(tr("Cancel the run"), QMessageBox::AcceptRole);
    QPushButton *keep = box.addButton(tr("Keep it"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != cancel)
        return;
    if (driving()) {
        m_runner->cancel();
    } else if (const std::optional<MigrationRun> run = m_journal->findRun(m_runId)) {
        // A run nobody drives (left paused by an earlier session): ended in the journal.
        MigrationRun next = *run;
        next.state = MigrationRun::State::Cancelled;
        next.finishedAt = QDateTime::currentDateTimeUtc();
        next.stopReason = tr("Cancelled: the rows already imported keep their outcome; the others "
                             "were not called.");
        m_journal->transitionRun(m_runId, run->state, next);
    }
    updateProgress();
}

void MigrationBatchTab::chooseExportFile()
{
    if (!m_runId)
        return;
    const QFileInfo source(m_path);
    const QString suggested
        = source.absoluteDir().filePath(source.completeBaseName() + QStringLiteral("-results.csv"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the migration results"), suggested, csvFilter());
    if (!path.isEmpty())
        exportTo(path);
}

bool MigrationBatchTab::exportTo(const QString &path)
{
    if (!m_runId)
        return false;
    QList<MigrationResultRow> rows;
    for (const MigrationJournalRow &row : m_journal->rows(m_runId))
        rows << row.toResultRow();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(migrationResultsCsv(rows)) < 0
        || !file.commit()) {
        showError(tr("The results could not be written to %1: %2. Choose another folder.")
                      .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_error->hide();
    const QString where = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
    const QString text
        = tr("The results of %n row(s) were written to %1.", nullptr, int(rows.size())).arg(where);
    m_messages->showMessage(MessageBar::Kind::Info, text);
    Q_EMIT statusMessage(text);
    return true;
}

QString MigrationBatchTab::waitingRunSentence(const MigrationRun &run, int finishedRows)
{
    const QString name
        = run.sourcePath.isEmpty() ? tr("a CSV") : QFileInfo(run.sourcePath).fileName();
    if (run.stopReason == MigrationRunner::interruptedReason()
        || run.stopReason == MigrationPage::closedReason())
        return tr("The migration of %1 stopped at %2 of %3 rows when LinkUp Desk closed.")
            .arg(name)
            .arg(finishedRows)
            .arg(run.totalRows);
    return tr("The migration of %1 is paused at %2 of %3 rows. %4")
        .arg(name)
        .arg(finishedRows)
        .arg(run.totalRows)
        .arg(run.stopReason);
}

bool MigrationBatchTab::offerWaitingRun()
{
    QList<MigrationRun> waiting = m_journal->runsInStates({ MigrationRun::State::Paused });
    // The newest first: the one the person most likely means.
    for (auto it = waiting.crbegin(); it != waiting.crend(); ++it) {
        const MigrationRun &run = *it;
        if (run.id == m_runId || (m_runner && run.id == m_runner->runId()))
            continue; // already on screen, or held by this window
        const qint64 id = run.id;
        m_messages->showMessage(MessageBar::Kind::Warning,
            tr("%1 Resume?").arg(waitingRunSentence(run, m_journal->counts(id).finished())),
            tr("Resume"), [this, id] { resumeJournalledRun(id); });
        return true;
    }
    return false;
}

QString MigrationBatchTab::askForCsv(const QString &why, const QString &where)
{
    QMessageBox box(
        QMessageBox::Warning, tr("Where is the CSV?"), why, QMessageBox::NoButton, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton *choose = box.addButton(tr("Choose the file…"), QMessageBox::AcceptRole);
    box.addButton(tr("Not now"), QMessageBox::RejectRole);
    box.setDefaultButton(choose);
    box.exec();
    if (box.clickedButton() != choose)
        return {};
    return QFileDialog::getOpenFileName(
        this, tr("Open the CSV the migration started with"), where, csvFilter());
}

bool MigrationBatchTab::resumeJournalledRun(qint64 runId)
{
    const std::optional<MigrationRun> run = m_journal->findRun(runId);
    if (!run || run->state == MigrationRun::State::Cancelled
        || run->state == MigrationRun::State::Finished)
        return false;
    if (m_runId == runId && m_csv.ok && m_csv.contentHash == run->contentHash) {
        start();
        return true;
    }
    // The tokens were never stored: the run carries on only with the file it started with.
    QString path = run->sourcePath;
    const QString name = QFileInfo(path).fileName();
    MigrationCsv csv;
    for (;;) {
        csv = MigrationCsv::readFile(path);
        if (csv.ok && csv.contentHash == run->contentHash)
            break;
        const QString shown = QDir::toNativeSeparators(path);
        const QString why = !QFileInfo::exists(path)
            ? tr("%1 is no longer at %2. The migration needs the tokens of that file, which "
                 "were never stored: choose where it is now.")
                  .arg(name, shown)
            : tr("%1 is not the CSV this migration started with: its rows are not the same. "
                 "The run only carries on with the very file it started with: choose it.")
                  .arg(shown);
        path = askForCsv(why, QFileInfo(path).absolutePath());
        if (path.isEmpty()) {
            m_messages->showMessage(MessageBar::Kind::Warning,
                tr("The migration of %1 was not resumed: it waits, paused, until its CSV is "
                   "opened again.")
                    .arg(name),
                tr("Resume"), [this, runId] { resumeJournalledRun(runId); });
            return false;
        }
    }
    showCsv(csv, path);
    showRun(runId);
    start();
    return driving();
}

void MigrationBatchTab::onRunnerPaused(qint64 runId, const QString &reason)
{
    if (runId != m_runId)
        return;
    updateProgress();
    // The person's own pause is said by the button; a pause by the runner says what to fix.
    if (!m_pausingByHand)
        m_messages->showMessage(
            MessageBar::Kind::Warning, reason, tr("Resume"), [this] { start(); });
}

void MigrationBatchTab::onRunnerFinished(qint64 runId)
{
    if (runId != m_runId)
        return;
    updateProgress();
    const MigrationProgress p = m_progress->progress();
    Q_EMIT statusMessage(
        tr("Migration of %1 %2: %3")
            .arg(QFileInfo(m_path).fileName(),
                p.state == MigrationRun::State::Cancelled ? tr("cancelled") : tr("finished"),
                MigrationProgressPanel::countsText(p.counts)));
}

} // namespace ld::ui
