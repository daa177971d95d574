// The Migration page against the real sandbox, as a person uses it. Step 2: a sample V1 export
// is checked before anything is called (summary, bad lines listed with their line numbers), then
// migrated from the keyboard (Ctrl+Return) with 0.5 s pauses, paused and resumed (Ctrl+P), with
// the counts on the page matching the journal and each token called once; the export holds one
// row per input row and no token. The "Done when" of issue 6: a run stopped when the app closes
// is offered again by the next session, re-read from its CSV and finished, never with another
// CSV (a moved file is asked for; a different one is refused). Reopening a migrated CSV shows
// its run. Step 3 converts as you type, notes the verify placeholder and refuses an unknown
// path. The main window opens the page with Ctrl+8 and imports one token in the Connect dialog.
// Screenshots of each step.
#include "connectdialog.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "migrationbatchtab.h"
#include "migrationpage.h"
#include "migrationprogresspanel.h"
#include "modaldialogs.h"
#include "plaintext.h"
#include "sandboxworkspace.h"
#include "screenshots.h"
#include "secretlineedit.h"
#include "translations.h"
#include "v1converterpanel.h"

#include "migration/migrationrunner.h"
#include "migration/v1converter.h"
#include "models/migrationrowsmodel.h"
#include "secrets/apikeyvault.h"
#include "secrets/secretstore.h"
#include "store/migrationrepository.h"

#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;
using namespace ld::ui;

namespace {

constexpr int Rows = 12; // the sample's five kinds of problem, and seven good rows
constexpr int RunTimeoutMs = 60000;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QPushButton *actionButton(MessageBar *bar)
{
    for (QPushButton *b : bar->findChildren<QPushButton *>()) {
        if (!b->text().isEmpty() && !b->isHidden())
            return b;
    }
    return nullptr;
}

} // namespace

class TstMigrationPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(qApp); }
    void init();
    void cleanup();

    void badRowsListedBeforeStart();
    void sampleOfFiveHundredRowsInTheDemo();
    void runPauseResumeFinishAndExport();
    void closedMidRunThenResumedByTheNextSession();
    void interruptedRunResumesFromItsSourcePath();
    void movedCsvIsAskedForAndAnotherRefused();
    void converterConvertsAsYouType();
    void mainWindowOpensThePageAndImportsOneToken();

private:
    void openPage();
    void reopenWorkspace(); // what a new session of the app sees
    QString writeSample(const QString &name, int rows = Rows);
    void setFastPacing();
    int loginCalls() const;
    MigrationRunner *runner() const { return m_sb->ws->migrationRunner(); }
    MigrationRepository *journal() const { return m_sb->ws->migrations(); }
    MigrationBatchTab *batch() const { return m_page->batchTab(); }
    MigrationRun::State runState() const;

    std::unique_ptr<SandboxWorkspace> m_sb;
    std::unique_ptr<MigrationPage> m_page;
    QTemporaryDir m_dir;
};

void TstMigrationPage::init()
{
    QVERIFY(m_dir.isValid());
    m_sb = std::make_unique<SandboxWorkspace>();
    QVERIFY(m_sb->open());
    QVERIFY2(runner(), "the workspace has no migration runner");
}

void TstMigrationPage::cleanup()
{
    m_page.reset();
    m_sb.reset();
}

void TstMigrationPage::openPage()
{
    m_page = std::make_unique<MigrationPage>(m_sb->ws.get());
    m_page->resize(1100, 720);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QApplication::setActiveWindow(m_page.get());
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
}

void TstMigrationPage::reopenWorkspace()
{
    m_page.reset();
    m_sb->ws.reset();
    m_sb->ws = std::make_unique<Workspace>(m_sb->profile);
    QVERIFY(m_sb->ws->open());
    m_sb->ws->client()->setBaseUrl(m_sb->server.baseUrl());
    m_sb->ws->client()->setApiKey(m_sb->server.apiKey());
    QVERIFY(runner());
    runner()->recoverInterrupted(); // as DesktopSession does at start-up
}

QString TstMigrationPage::writeSample(const QString &name, int rows)
{
    const QString path = m_dir.filePath(name);
    if (!writeFile(path, sandbox::Seeds::sampleMigrationCsv(rows)))
        return {};
    return path;
}

void TstMigrationPage::setFastPacing()
{
    // The spin boxes' floor is the documented minimum, 0.5 s.
    batch()->maxDelaySpin()->setValue(0.5);
    batch()->minDelaySpin()->setValue(0.5);
    QCOMPARE(batch()->minDelaySpin()->minimum(), 0.5);
    QCOMPARE(batch()->maxDelaySpin()->maximum(), 2.0);
}

int TstMigrationPage::loginCalls() const
{
    int n = 0;
    for (const sandbox::RecordedRequest &r : m_sb->server.requests())
        n += r.path == QLatin1String("/v2/login") ? 1 : 0;
    return n;
}

MigrationRun::State TstMigrationPage::runState() const
{
    const std::optional<MigrationRun> run = journal()->findRun(batch()->runId());
    return run ? run->state : MigrationRun::State::Cancelled;
}

void TstMigrationPage::badRowsListedBeforeStart()
{
    openPage();
    const QString path = writeSample(QStringLiteral("tokens.csv"));
    QVERIFY(m_page->openCsv(path));
    QCOMPARE(m_page->tabs()->currentWidget(), batch());
    const MigrationCsv &csv = batch()->csv();
    QCOMPARE(csv.rows.size(), Rows);
    QCOMPARE(batch()->fileLabel()->text(), QStringLiteral("tokens.csv"));
    QCOMPARE(batch()->summaryLabel()->text(),
        QStringLiteral("12 rows · %1 to migrate · %2 with problems: see below")
            .arg(csv.validCount())
            .arg(csv.problemCount()));
    QCOMPARE(csv.problemCount(), 3); // a duplicate, a bad country, an empty token
    QVERIFY(batch()->startButton()->isVisible());
    QVERIFY(batch()->startButton()->isEnabled());
    QVERIFY(!batch()->progressPanel()->isVisible());
    QCOMPARE(loginCalls(), 0); // checking calls nothing

    // The problems filter lists each bad line with its number and reason.
    QComboBox *filter = batch()->filterCombo();
    filter->setCurrentIndex(filter->findText(QStringLiteral("Problems")));
    QAbstractItemModel *shown = batch()->table()->model();
    QCOMPARE(shown->rowCount(), 3);
    QList<int> expected;
    for (const MigrationInputRow &row : csv.rows) {
        if (!row.isValid())
            expected << row.lineNumber;
    }
    for (int r = 0; r < shown->rowCount(); ++r) {
        QCOMPARE(shown->index(r, MigrationRowsModel::LineColumn).data().toInt(), expected.at(r));
        QVERIFY(!shown->index(r, MigrationRowsModel::MessageColumn).data().toString().isEmpty());
    }
    saveScreenshot(m_page.get(), QStringLiteral("migration-2-csv-problems"));
    filter->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), Rows);

    // A file that is not a token CSV says why, and offers nothing to start.
    const QString bad = m_dir.filePath(QStringLiteral("contacts.csv"));
    QVERIFY(writeFile(bad, "name,email\nAda,ada@example.com\n"));
    QVERIFY(!m_page->openCsv(bad));
    QVERIFY(batch()->errorLabel()->isVisible());
    QVERIFY(batch()->errorLabel()->text().contains(QStringLiteral("login_token")));
    QVERIFY(!batch()->startButton()->isVisible());
}

void TstMigrationPage::sampleOfFiveHundredRowsInTheDemo()
{
    openPage();
    m_page->showStep(MigrationPage::CsvStep);
    QVERIFY(!batch()->sampleButton()->isVisible()); // not outside the demo
    m_page->setSampleSource(&sandbox::Seeds::sampleMigrationCsv);
    QVERIFY(batch()->sampleButton()->isVisible());
    bool listed = false;
    for (QAction *a : m_page->commands())
        listed |= a->objectName() == QLatin1String("migrationSampleCsvAction");
    QVERIFY(listed);
    const QString path = m_dir.filePath(QStringLiteral("sample.csv"));
    QVERIFY(batch()->writeSampleCsv(path));
    QVERIFY(m_page->openCsv(path));
    const MigrationCsv &csv = batch()->csv();
    QCOMPARE(csv.rows.size(), MigrationBatchTab::SampleRows);
    QCOMPARE(batch()->table()->model()->rowCount(), MigrationBatchTab::SampleRows);
    QVERIFY(csv.problemCount() > 0);
    QCOMPARE(batch()->summaryLabel()->text(),
        QStringLiteral("500 rows · %1 to migrate · %2 with problems: see below")
            .arg(csv.validCount())
            .arg(csv.problemCount()));
    saveScreenshot(m_page.get(), QStringLiteral("migration-2-sample-500"));
}

void TstMigrationPage::runPauseResumeFinishAndExport()
{
    openPage();
    const QString path = writeSample(QStringLiteral("tokens.csv"));
    QVERIFY(m_page->openCsv(path));
    setFastPacing();
    const MigrationCsv csv = batch()->csv();

    batch()->table()->setFocus();
    QTest::keyClick(batch()->table(), Qt::Key_Return, Qt::ControlModifier); // Start
    QTRY_VERIFY(batch()->runId() != 0);
    MigrationProgressPanel *panel = batch()->progressPanel();
    QVERIFY(panel->isVisible());
    QVERIFY(!batch()->startButton()->isVisible());
    QCOMPARE(panel->progressBar()->maximum(), Rows);
    QTRY_VERIFY_WITH_TIMEOUT(panel->progressBar()->value() >= 5, RunTimeoutMs);
    QTRY_VERIFY(panel->timingLabel()->text().contains(QStringLiteral("next login in"))
        || panel->timingLabel()->text().contains(QStringLiteral("logging in")));
    QVERIFY(panel->timingLabel()->text().contains(QStringLiteral("left")));
    saveScreenshot(m_page.get(), QStringLiteral("migration-2-running"));

    // Ctrl+P pauses: the login in flight ends, nothing further leaves.
    QTest::keyClick(batch()->table(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(runState(), MigrationRun::State::Paused);
    QCOMPARE(panel->pauseButton()->text(), QStringLiteral("&Resume"));
    QTRY_VERIFY(!runner()->progress(batch()->runId()).callInFlight);
    QVERIFY(!runner()->progress(batch()->runId()).nextCallAt.isValid());
    QVERIFY(batch()->messageBar()->isHidden()); // the person's own pause needs no warning
    const int finishedWhenPaused = journal()->counts(batch()->runId()).finished();
    QVERIFY(finishedWhenPaused < Rows);
    QCOMPARE(panel->progressBar()->value(), finishedWhenPaused);
    saveScreenshot(m_page.get(), QStringLiteral("migration-2-paused"));

    QTest::keyClick(batch()->table(), Qt::Key_P, Qt::ControlModifier); // Resume
    QCOMPARE(runState(), MigrationRun::State::Running);
    QTRY_COMPARE_WITH_TIMEOUT(runState(), MigrationRun::State::Finished, RunTimeoutMs);

    // The counts on the page are the journal's; each token was called exactly once.
    const MigrationCounts c = journal()->counts(batch()->runId());
    QCOMPARE(c.total, Rows);
    QCOMPARE(c.pending, 0);
    QCOMPARE(c.checkpoint, 1); // Seeds::checkpointToken()
    QCOMPARE(c.failed, 1 + 2); // the expired token, the bad country, no token
    QCOMPARE(c.connected, Rows - 1 - 3); // the duplicate shares its original's account
    QCOMPARE(loginCalls(), csv.validCount());
    QCOMPARE(panel->countsLabel()->text(),
        QStringLiteral("Finished: %1").arg(MigrationProgressPanel::countsText(c)));
    QVERIFY(panel->countsLabel()->text().contains(
        QStringLiteral("%1 connected · 1 checkpoint · 3 failed").arg(c.connected)));
    QCOMPARE(panel->progressBar()->value(), Rows);
    QVERIFY(!panel->pauseButton()->isVisible());
    QVERIFY(panel->checkpointLabel()->isVisible()); // where a checkpoint is completed
    QVERIFY(panel->checkpointLabel()->text().contains(QStringLiteral("Accounts")));
    saveScreenshot(m_page.get(), QStringLiteral("migration-2-finished"));

    // Export: one row per input row, in input order, and no token anywhere.
    const QString out = m_dir.filePath(QStringLiteral("results.csv"));
    QVERIFY(batch()->exportTo(out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QList<QByteArray> lines = bytes.trimmed().split('\n');
    QCOMPARE(lines.size(), Rows + 1);
    QCOMPARE(lines.first().trimmed(),
        QByteArray("label,country,token_fingerprint,account_id,status,error_code,error_message,"
                   "migrated_at"));
    for (const MigrationInputRow &row : csv.rows) {
        if (!row.loginToken.isEmpty())
            QVERIFY2(!bytes.contains(row.loginToken.toUtf8()), "a token reached the export");
    }
    QCOMPARE(bytes.count("connected"), qsizetype(c.connected));
    QVERIFY(batch()->messageBar()->text().contains(QDir::toNativeSeparators(out)));

    // The same CSV opened again shows its run at once: its results, nothing to start.
    QVERIFY(m_page->openCsv(path));
    QVERIFY(batch()->model()->isRunView());
    QVERIFY(panel->isVisible());
    QVERIFY(!batch()->startButton()->isVisible());
    QVERIFY(batch()->messageBar()->text().contains(QStringLiteral("migrated")));
    QCOMPARE(loginCalls(), csv.validCount());
}

void TstMigrationPage::closedMidRunThenResumedByTheNextSession()
{
    openPage();
    const QString path = writeSample(QStringLiteral("clients.csv"));
    QVERIFY(m_page->openCsv(path));
    setFastPacing();
    const MigrationCsv csv = batch()->csv();
    batch()->startButton()->click();
    const qint64 runId = batch()->runId();
    QVERIFY(runId != 0);
    QTRY_VERIFY_WITH_TIMEOUT(journal()->counts(runId).finished() >= 6, RunTimeoutMs);

    // The app closes mid-run (DesktopSession's teardown).
    MigrationPage::pauseForQuit(runner(), journal());
    QVERIFY(!runner()->isDriving());
    std::optional<MigrationRun> run = journal()->findRun(runId);
    QCOMPARE(run->state, MigrationRun::State::Paused);
    QCOMPARE(run->stopReason, MigrationPage::closedReason());
    const int done = journal()->counts(runId).finished();

    // The next session: the main window names it, the page offers it.
    reopenWorkspace();
    const QString notice = MigrationPage::waitingRunNotice(journal());
    QVERIFY2(notice.contains(QStringLiteral("clients.csv stopped at %1 of 12 rows when LinkUp "
                                            "Desk closed")
                                 .arg(done)),
        qPrintable(notice));
    QVERIFY(notice.contains(QStringLiteral("Ctrl+8")));
    openPage();
    QCOMPARE(m_page->tabs()->currentWidget(), batch());
    MessageBar *bar = batch()->messageBar();
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->text(),
        QStringLiteral("The migration of clients.csv stopped at %1 of 12 rows when LinkUp Desk "
                       "closed. Resume?")
            .arg(done));
    saveScreenshot(m_page.get(), QStringLiteral("migration-2-offer"));
    QPushButton *resume = actionButton(bar);
    QVERIFY(resume);
    resume->click();
    QCOMPARE(batch()->runId(), runId);
    QCOMPARE(batch()->csvPath(), path);
    QTRY_COMPARE_WITH_TIMEOUT(runState(), MigrationRun::State::Finished, RunTimeoutMs);
    // At most the login in flight when the app closed was made twice.
    QVERIFY(loginCalls() >= csv.validCount());
    QVERIFY(loginCalls() <= csv.validCount() + 1);
    const QString out = m_dir.filePath(QStringLiteral("clients-results.csv"));
    QVERIFY(batch()->exportTo(out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().trimmed().split('\n').size(), Rows + 1);
    QCOMPARE(journal()->counts(runId).pending, 0);
}

void TstMigrationPage::interruptedRunResumesFromItsSourcePath()
{
    const QString path = writeSample(QStringLiteral("crm-export.csv"));
    const MigrationCsv csv = MigrationCsv::readFile(path);
    QVERIFY(csv.ok);
    // A process that died with the run Running and one login in flight.
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());
    MigrationRun run;
    run.contentHash = csv.contentHash;
    run.sourcePath = path;
    run.state = MigrationRun::State::Running;
    run.minDelayMs = run.maxDelayMs = 500;
    run.totalRows = int(csv.rows.size());
    run.ownerPid = deadPid;
    run.ownerHost = QSysInfo::machineHostName();
    run.createdAt = QDateTime::currentDateTimeUtc();
    const qint64 runId = journal()->createRun(run, csv.rows);
    QVERIFY(runId != 0);
    QVERIFY(journal()->markCalling(runId, 0));
    QCOMPARE(runner()->recoverInterrupted(), QList<qint64> { runId });

    openPage();
    MessageBar *bar = batch()->messageBar();
    QVERIFY(bar->isVisible());
    const int done = journal()->counts(runId).finished();
    QCOMPARE(bar->text(),
        QStringLiteral("The migration of crm-export.csv stopped at %1 of 12 rows when LinkUp "
                       "Desk closed. Resume?")
            .arg(done));
    actionButton(bar)->click();
    QCOMPARE(batch()->runId(), runId);
    QCOMPARE(runState(), MigrationRun::State::Running);
    QTRY_COMPARE_WITH_TIMEOUT(runState(), MigrationRun::State::Finished, RunTimeoutMs);
    QCOMPARE(loginCalls(), csv.validCount()); // row 0, left in flight, called once here
    QCOMPARE(journal()->counts(runId).pending, 0);
}

void TstMigrationPage::movedCsvIsAskedForAndAnotherRefused()
{
    const QString original = writeSample(QStringLiteral("tokens.csv"));
    const MigrationCsv csv = MigrationCsv::readFile(original);
    QVERIFY(runner()->prepare(csv, original, 500, 500) != 0);
    const QString moved = m_dir.filePath(QStringLiteral("moved-tokens.csv"));
    QVERIFY(QFile::rename(original, moved));
    const QString other = writeSample(QStringLiteral("other.csv"), Rows + 1);

    openPage();
    MessageBar *bar = batch()->messageBar();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->text().contains(QStringLiteral("tokens.csv")));
    const qint64 runId = journal()->findRunByContent(csv.contentHash)->id;

    // Missing → asked for; another CSV chosen → refused and asked again; the moved file → runs.
    QStringList asked;
    auto choose = [](const QString &file) {
        onNextModal([file](QWidget *modal) {
            auto *dialog = qobject_cast<QFileDialog *>(modal);
            QVERIFY(dialog);
            // What a person types: selectFile() alone is lost when the dialog's folder is
            // still being read.
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            name->setText(file);
            QMetaObject::invokeMethod(dialog, "accept"); // a slot, protected in C++
        });
    };
    onNextModal([&](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        QVERIFY(box);
        asked << box->text();
        choose(other);
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click(); // Choose the file…
        }
    });
    QTimer chain; // the second question comes after the first dialog closed
    chain.setInterval(10);
    connect(&chain, &QTimer::timeout, this, [&] {
        if (asked.size() != 1)
            return;
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        chain.stop();
        asked << box->text();
        choose(moved);
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        }
    });
    chain.start();
    actionButton(bar)->click();
    QCOMPARE(asked.size(), 2);
    QVERIFY2(asked.at(0).contains(QStringLiteral("no longer at")), qPrintable(asked.at(0)));
    QVERIFY2(asked.at(1).contains(QStringLiteral("not the CSV this migration started with")),
        qPrintable(asked.at(1)));
    QCOMPARE(batch()->runId(), runId);
    QCOMPARE(batch()->csvPath(), moved);
    QCOMPARE(runState(), MigrationRun::State::Running);
    MigrationPage::pauseForQuit(runner(), journal()); // no need to wait for the whole run

    // "Not now" leaves it paused and says so.
    QFile::remove(moved);
    reopenWorkspace();
    openPage();
    answerNextBox(false);
    actionButton(batch()->messageBar())->click();
    QCOMPARE(journal()->findRun(runId)->state, MigrationRun::State::Paused);
    QCOMPARE(batch()->runId(), 0); // nothing shown, nothing started
    QVERIFY(!runner()->isDriving());
    QVERIFY(batch()->messageBar()->text().contains(QStringLiteral("was not resumed")));
}

void TstMigrationPage::converterConvertsAsYouType()
{
    openPage();
    m_page->showStep(MigrationPage::ConverterStep);
    V1ConverterPanel *c = m_page->converter();
    QVERIFY(c->isVisible());
    QVERIFY(c->input()->placeholderText().contains(QStringLiteral("/v1/")));
    c->input()->setFocus();
    QTest::keyClicks(c->input(), QStringLiteral("POST /v1/messages/send-message"));
    QTest::keyClick(c->input(), Qt::Key_Return);
    QTest::keyClicks(c->input(),
        QStringLiteral("{\"login_token\": \"AQEDARfake\", \"country\": \"FR\", "
                       "\"linkedin_url\": \"https://www.linkedin.com/in/ada\", "
                       "\"message\": \"Hello\"}"));
    QTRY_VERIFY(!c->output()->toPlainText().isEmpty()); // after the debounce, not per key
    const QString out = c->output()->toPlainText();
    QVERIFY2(out.startsWith(QStringLiteral("POST /v2/messages")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("\"action\": \"send\"")));
    QVERIFY(out.contains(QStringLiteral("\"message_text\": \"Hello\"")));
    QVERIFY(out.contains(QStringLiteral("\"profile_url\"")));
    QVERIFY(!out.contains(QStringLiteral("AQEDARfake")));
    QVERIFY(c->output()->isReadOnly());
    QVERIFY(c->errorLabel()->isHidden());
    QVERIFY(c->copyButton()->isEnabled());
    c->copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), out);
    saveScreenshot(m_page.get(), QStringLiteral("migration-3-converter"));

    // The example for /v1/auth/verify: a placeholder, and a note saying so.
    QComboBox *examples = c->exampleCombo();
    QCOMPARE(examples->count(), 1 + int(knownV1Endpoints().size()) + 2); // + GET and DELETE
    const int verify = examples->findText(QStringLiteral("POST /v1/auth/verify"));
    QVERIFY(verify > 0);
    examples->setCurrentIndex(verify);
    Q_EMIT examples->activated(verify);
    QVERIFY(c->output()->toPlainText().startsWith(QStringLiteral("POST /v2/checkpoint")));
    QVERIFY(c->output()->toPlainText().contains(QLatin1String(AccountIdPlaceholder)));
    QVERIFY(!c->notes().isEmpty());
    QVERIFY(c->notesLabel()->isVisible());
    QVERIFY(c->notesLabel()->text().contains(QLatin1String(AccountIdPlaceholder)));
    saveScreenshot(m_page.get(), QStringLiteral("migration-3-verify"));

    // Every example converts.
    for (int i = 1; i < examples->count(); ++i) {
        c->showExample(i);
        QVERIFY2(c->errorLabel()->isHidden(), qPrintable(examples->itemText(i)));
        QVERIFY2(!c->output()->toPlainText().isEmpty(), qPrintable(examples->itemText(i)));
    }

    // An unknown V1 path is an error in the problem colour, nothing guessed.
    c->input()->setPlainText(QStringLiteral("POST /v1/foo/bar\n{\"login_token\": \"x\"}"));
    c->convertNow();
    QVERIFY(c->errorLabel()->isVisible());
    QVERIFY(c->errorLabel()->text().contains(QStringLiteral("/v1/foo/bar")));
    QCOMPARE(c->errorLabel()->palette().color(QPalette::WindowText), problemColor());
    QVERIFY(c->output()->toPlainText().isEmpty());
    QVERIFY(!c->copyButton()->isEnabled());
    saveScreenshot(m_page.get(), QStringLiteral("migration-3-unknown"));
}

void TstMigrationPage::mainWindowOpensThePageAndImportsOneToken()
{
    // A run waiting from an earlier session, for the start-up notice.
    const QString path = writeSample(QStringLiteral("waiting.csv"));
    QVERIFY(runner()->prepare(MigrationCsv::readFile(path), path, 500, 500) != 0);

    MemorySecretStore secrets;
    ApiKeyVault vault(&secrets);
    MainWindow window(m_sb->ws.get(), &vault, QStringLiteral("memory"), true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.noticeWaitingMigration();
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("waiting.csv")));
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("Ctrl+8")));

    QTest::keyClick(&window, Qt::Key_8, Qt::ControlModifier);
    MigrationPage *page = window.migrationPage();
    QCOMPARE(window.currentPage(), page);
    QStringList names;
    for (QAction *a : window.commands())
        names << a->objectName();
    for (const char *name :
        { "showMigration", "migrationImportToken", "migrationOpenCsvAction", "migrationStartAction",
            "migrationPauseAction", "migrationExportAction", "copyV2RequestAction" })
        QVERIFY2(names.contains(QLatin1String(name)), name);

    page->showStep(MigrationPage::OneTokenStep);
    saveScreenshot(&window, QStringLiteral("migration-1-one-token"));
    page->importTokenButton()->click();
    ConnectDialog *dialog = window.connectDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->tabs()->currentWidget()->isAncestorOf(dialog->tokenEdit()));
    dialog->reject();
    QTRY_VERIFY(!window.connectDialog());
}

QTEST_MAIN(TstMigrationPage)
#include "tst_migrationpage.moc"
