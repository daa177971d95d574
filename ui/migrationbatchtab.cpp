// The CSV step of the Migration page: its widgets, the CSV shown and the run's progress. What
// the buttons do to a run (start, pause, cancel, export, resume) is in migrationbatchrun.cpp.
#include "migrationbatchtab.h"

#include "messagebar.h"
#include "migrationprogresspanel.h"
#include "plaintext.h"

#include "migration/migrationrunner.h"
#include "models/migrationrowsmodel.h"
#include "store/migrationrepository.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

// The Status column in colour: what went wrong stands out, what worked is calm.
class StatusDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != MigrationRowsModel::StatusColumn)
            return;
        using Kind = MigrationRowsModel::Kind;
        QColor color;
        switch (Kind(index.data(MigrationRowsModel::KindRole).toInt())) {
        case Kind::BadRow:
        case Kind::Failed:
            color = problemColor();
            break;
        case Kind::Connected:
            color = QColor(0x2e, 0x8b, 0x4a);
            break;
        case Kind::Checkpoint:
            color = QColor(0xb3, 0x6b, 0x00);
            break;
        default:
            return;
        }
        option->palette.setColor(QPalette::Text, color);
        option->palette.setColor(QPalette::HighlightedText, color.lighter(170));
    }
};

QString emptySummary()
{
    return MigrationBatchTab::tr("No CSV open yet: Open CSV… (Ctrl+O), or drop a .csv file on "
                                 "this page.");
}

QDoubleSpinBox *delaySpin(const QString &objectName, double value, QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(MigrationRunner::MinDelayMs / 1000.0, MigrationRunner::MaxDelayMs / 1000.0);
    spin->setSingleStep(0.1);
    spin->setDecimals(1);
    spin->setValue(value);
    spin->setSuffix(QObject::tr(" s"));
    return spin;
}

} // namespace

MigrationBatchTab::MigrationBatchTab(
    MigrationRepository *journal, MigrationRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_journal(journal)
    , m_runner(runner)
    , m_messages(new MessageBar(this))
    , m_open(new QPushButton(tr("&Open CSV…"), this))
    , m_sample(new QPushButton(tr("Create a sa&mple CSV…"), this))
    , m_file(plainLabel({}, this))
    , m_summary(wrappedLabel(QStringLiteral("migrationSummary"), this))
    , m_error(wrappedLabel(QStringLiteral("migrationError"), this))
    , m_filterCombo(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_model(new MigrationRowsModel(this))
    , m_filter(new MigrationRowsFilter(this))
    , m_pacing(new QWidget(this))
    , m_minDelay(delaySpin(QStringLiteral("migrationMinDelay"), 0.5, m_pacing))
    , m_maxDelay(delaySpin(QStringLiteral("migrationMaxDelay"), 2.0, m_pacing))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_progress(new MigrationProgressPanel(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("migrationBatchTab"));
    m_open->setObjectName(QStringLiteral("migrationOpenCsv"));
    m_sample->setObjectName(QStringLiteral("migrationSampleCsv"));
    m_sample->setToolTip(
        tr("Write a sample V1 export of %1 rows (demo only) and open it").arg(SampleRows));
    m_sample->hide();
    m_file->setObjectName(QStringLiteral("migrationFile"));
    QFont bold = m_file->font();
    bold.setWeight(QFont::DemiBold);
    m_file->setFont(bold);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QLabel *format = wrappedLabel({}, this);
    format->setText(tr("A CSV with a header naming login_token and country (two letters, such "
                       "as FR), and optionally label; other columns are ignored, commas or "
                       "semicolons both work. Each row is checked before anything is called. "
                       "The tokens stay in memory: only a SHA-256 of each is stored."));
    mute(format);
    setTextColor(m_error, problemColor());
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_filterCombo->setObjectName(QStringLiteral("migrationFilter"));
    m_filterCombo->setAccessibleName(tr("Rows to show"));
    m_filterCombo->addItem(tr("All rows"), int(MigrationRowsFilter::Show::All));
    m_filterCombo->addItem(tr("Problems"), int(MigrationRowsFilter::Show::Problems));
    m_filterCombo->addItem(tr("Checkpoint"), int(MigrationRowsFilter::Show::Checkpoint));
    m_filterCombo->addItem(tr("Connected"), int(MigrationRowsFilter::Show::Connected));
    m_filterCombo->addItem(tr("Pending"), int(MigrationRowsFilter::Show::Pending));
    auto *filterLabel = plainLabel(tr("Sho&w:"), this);
    filterLabel->setBuddy(m_filterCombo);

    m_filter->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("migrationRows"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new StatusDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as on the other pages
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setAccessibleName(tr("Rows of the CSV"));
    const QList<QPair<int, int>> widths = { { MigrationRowsModel::LineColumn, 52 },
        { MigrationRowsModel::LabelColumn, 250 }, { MigrationRowsModel::CountryColumn, 64 },
        { MigrationRowsModel::TokenColumn, 112 }, { MigrationRowsModel::StatusColumn, 104 },
        { MigrationRowsModel::AccountColumn, 200 } };
    for (const auto &[column, width] : widths)
        m_table->setColumnWidth(column, width);

    auto *pacingLabel = plainLabel(tr("Pause between &logins:"), m_pacing);
    pacingLabel->setBuddy(m_minDelay);
    auto *pacingHint
        = plainLabel(tr("LinkUp asks for a random pause of 0.5–2 s between logins."), m_pacing);
    mute(pacingHint);
    m_minDelay->setAccessibleName(tr("Shortest pause between logins"));
    m_maxDelay->setAccessibleName(tr("Longest pause between logins"));
    auto *pacingLayout = new QHBoxLayout(m_pacing);
    pacingLayout->setContentsMargins(0, 0, 0, 0);
    pacingLayout->addWidget(pacingLabel);
    pacingLayout->addWidget(m_minDelay);
    pacingLayout->addWidget(plainLabel(tr("to"), m_pacing));
    pacingLayout->addWidget(m_maxDelay);
    pacingLayout->addSpacing(8);
    pacingLayout->addWidget(pacingHint, 1);

    m_start->setObjectName(QStringLiteral("migrationStart"));
    m_start->setAutoDefault(false);
    m_start->setDefault(true);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_open);
    fileRow->addWidget(m_sample);
    fileRow->addSpacing(8);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(filterLabel);
    fileRow->addWidget(m_filterCombo);
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_pacing, 1);
    startRow->addWidget(m_start);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(m_messages);
    layout->addLayout(fileRow);
    layout->addWidget(format);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(startRow);
    layout->addWidget(m_progress);

    m_tick->setInterval(250); // the "next login in 1.3 s" countdown
    connect(m_tick, &QTimer::timeout, this, &MigrationBatchTab::updateProgress);
    connect(m_open, &QPushButton::clicked, this, &MigrationBatchTab::chooseCsv);
    connect(m_sample, &QPushButton::clicked, this, &MigrationBatchTab::chooseSampleFile);
    connect(m_start, &QPushButton::clicked, this, &MigrationBatchTab::start);
    connect(
        m_progress->pauseButton(), &QPushButton::clicked, this, &MigrationBatchTab::togglePause);
    connect(m_progress->cancelButton(), &QPushButton::clicked, this, &MigrationBatchTab::cancelRun);
    connect(m_progress->exportButton(), &QPushButton::clicked, this,
        &MigrationBatchTab::chooseExportFile);
    connect(m_progress->accountsButton(), &QPushButton::clicked, this,
        &MigrationBatchTab::accountsRequested);
    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setShow(MigrationRowsFilter::Show(m_filterCombo->currentData().toInt()));
    });
    // The shortest pause never exceeds the longest: moving one past the other moves both.
    connect(m_minDelay, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_maxDelay->value() < v)
            m_maxDelay->setValue(v);
        applyDelays();
    });
    connect(m_maxDelay, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_minDelay->value() > v)
            m_minDelay->setValue(v);
        applyDelays();
    });
    if (m_runner) {
        connect(m_runner, &MigrationRunner::progressChanged, this, [this](qint64 runId) {
            if (runId == m_runId)
                updateProgress();
        });
        connect(m_runner, &MigrationRunner::paused, this, &MigrationBatchTab::onRunnerPaused);
        connect(m_runner, &MigrationRunner::finished, this, &MigrationBatchTab::onRunnerFinished);
    }
    connect(m_journal, &MigrationRepository::runChanged, this, [this](qint64 runId) {
        if (runId == m_runId)
            updateProgress();
    });

    m_summary->setText(emptySummary());
    createActions();
    setTabOrder(m_open, m_sample);
    setTabOrder(m_sample, m_filterCombo);
    setTabOrder(m_filterCombo, m_table);
    setTabOrder(m_table, m_minDelay);
    setTabOrder(m_minDelay, m_maxDelay);
    setTabOrder(m_maxDelay, m_start);
    setFocusProxy(m_open);
    updateActions();
}

void MigrationBatchTab::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &key,
                    const QString &tip, void (MigrationBatchTab::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(
            key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    // Open CSV… works from every tab of the page (the page adds it to itself); the others
    // belong to this tab, where their buttons are.
    m_openAction = make(QStringLiteral("migrationOpenCsvAction"), tr("Open CSV of V1 tokens…"),
        QKeySequence::Open, tr("Read a CSV of login_token, country and label, and check it"),
        &MigrationBatchTab::chooseCsv);
    m_sampleAction = make(QStringLiteral("migrationSampleCsvAction"), tr("Create a sample CSV…"),
        {}, tr("Write a sample V1 export of %1 rows and open it (demo)").arg(SampleRows),
        &MigrationBatchTab::chooseSampleFile);
    m_startAction = make(QStringLiteral("migrationStartAction"), tr("Start the migration"),
        QKeySequence(tr("Ctrl+Return")),
        tr("Import each token of the CSV with POST /v2/login, one at a time"),
        &MigrationBatchTab::start);
    m_startAction->setShortcuts(
        { QKeySequence(tr("Ctrl+Return")), QKeySequence(tr("Ctrl+Enter")) });
    // Ctrl+P: the main window has no Ctrl+P, and the Webhooks page's is only live on that page.
    m_pauseAction = make(QStringLiteral("migrationPauseAction"),
        tr("Pause or resume the migration"), QKeySequence(tr("Ctrl+P")),
        tr("Stop after the login in flight, or carry on"), &MigrationBatchTab::togglePause);
    m_cancelAction = make(QStringLiteral("migrationCancelAction"), tr("Cancel the migration…"), {},
        tr("End the run: rows already imported keep their outcome"), &MigrationBatchTab::cancelRun);
    m_exportAction = make(QStringLiteral("migrationExportAction"), tr("Export migration results…"),
        QKeySequence::Save, tr("Save each row's outcome as CSV"),
        &MigrationBatchTab::chooseExportFile);
    addActions({ m_startAction, m_pauseAction, m_cancelAction, m_exportAction });
    m_start->setToolTip(m_startAction->toolTip());
}

QList<QAction *> MigrationBatchTab::commands() const
{
    QList<QAction *> all { m_openAction };
    if (m_sampleSource)
        all << m_sampleAction;
    all << m_startAction << m_pauseAction << m_cancelAction << m_exportAction;
    return all;
}

void MigrationBatchTab::setSampleSource(SampleSource source)
{
    m_sampleSource = std::move(source);
    m_sample->setVisible(bool(m_sampleSource));
    m_sampleAction->setVisible(bool(m_sampleSource));
}

bool MigrationBatchTab::openCsv(const QString &path)
{
    if (driving() && m_progress->progress().state == MigrationRun::State::Running) {
        showError(tr("A migration is running: pause or cancel it before opening another CSV."));
        return false;
    }
    const MigrationCsv csv = MigrationCsv::readFile(path);
    if (!csv.ok) {
        m_csv = MigrationCsv();
        m_path.clear();
        m_runId = 0;
        m_model->clear();
        m_file->setText(QFileInfo(path).fileName());
        m_summary->setText(emptySummary());
        m_progress->hide();
        showError(csv.error);
        updateActions();
        return false;
    }
    showCsv(csv, path);
    if (const std::optional<MigrationRun> run = m_journal->findRunByContent(csv.contentHash)) {
        showRun(run->id);
        const QString when = QLocale().toString(run->createdAt.toLocalTime(), QLocale::ShortFormat);
        m_messages->showMessage(MessageBar::Kind::Info,
            run->state == MigrationRun::State::Finished
                ? tr("This CSV was migrated on %1: its results are below. Export them with "
                     "Ctrl+S.")
                      .arg(when)
                : tr("This CSV was started on %1: its run is below. Resume carries on where it "
                     "stopped; rows already done are not called again.")
                      .arg(when));
    }
    return true;
}

void MigrationBatchTab::showCsv(const MigrationCsv &csv, const QString &path)
{
    m_csv = csv;
    m_path = path;
    m_runId = 0;
    m_error->hide();
    m_messages->hide();
    m_model->setCsv(csv);
    m_file->setText(QFileInfo(path).fileName());
    m_file->setToolTip(plainToolTip(path));
    const int total = int(csv.rows.size());
    const int problems = csv.problemCount();
    m_summary->setText(problems > 0
            ? tr("%n row(s) · %1 to migrate · %2 with problems: see below", nullptr, total)
                  .arg(csv.validCount())
                  .arg(problems)
            : tr("%n row(s) · %1 to migrate · no problems", nullptr, total).arg(csv.validCount()));
    m_progress->hide();
    m_tick->stop();
    m_filterCombo->setCurrentIndex(0); // every row, in file order: bad ones among them
    m_table->scrollToTop();
    updateActions();
}

void MigrationBatchTab::showRun(qint64 runId)
{
    m_runId = runId;
    m_model->setRun(m_journal, runId);
    if (const std::optional<MigrationRun> run = m_journal->findRun(runId)) {
        const QSignalBlocker a(m_minDelay);
        const QSignalBlocker b(m_maxDelay);
        m_minDelay->setValue(run->minDelayMs / 1000.0);
        m_maxDelay->setValue(run->maxDelayMs / 1000.0);
    }
    updateProgress();
}

void MigrationBatchTab::updateProgress()
{
    if (!m_runId) {
        m_progress->hide();
        m_tick->stop();
        updateActions();
        return;
    }
    MigrationProgress p;
    if (m_runner) {
        p = m_runner->progress(m_runId);
    } else if (const std::optional<MigrationRun> run = m_journal->findRun(m_runId)) {
        p.runId = m_runId;
        p.state = run->state;
        p.stopReason = run->stopReason;
        p.counts = m_journal->counts(m_runId);
    }
    m_progress->showProgress(QFileInfo(m_path).fileName(), p);
    if (p.state == MigrationRun::State::Running)
        m_tick->start();
    else
        m_tick->stop();
    updateActions();
}

void MigrationBatchTab::updateActions()
{
    const bool hasCsv = m_csv.ok;
    const MigrationRun::State state = m_progress->progress().state;
    const bool hasRun = m_runId != 0;
    const bool paused = hasRun && state == MigrationRun::State::Paused;
    const bool active = runActive();
    m_start->setVisible(hasCsv && !hasRun);
    m_start->setEnabled(hasCsv && m_csv.validCount() > 0);
    m_startAction->setEnabled(hasCsv && (hasRun ? paused : m_csv.validCount() > 0));
    m_startAction->setText(hasRun ? tr("Resume the migration") : tr("Start the migration"));
    m_pauseAction->setEnabled(active);
    m_cancelAction->setEnabled(active);
    m_exportAction->setEnabled(hasRun);
    m_pacing->setVisible(hasCsv && (!hasRun || active));
    m_filterCombo->setEnabled(m_model->rowCount() > 0);
}

void MigrationBatchTab::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

bool MigrationBatchTab::driving() const
{
    return m_runner && m_runId != 0 && m_runner->runId() == m_runId;
}

bool MigrationBatchTab::runActive() const
{
    if (!m_runId)
        return false;
    const MigrationRun::State s = m_progress->progress().state;
    return s == MigrationRun::State::Running || s == MigrationRun::State::Paused;
}

void MigrationBatchTab::applyDelays()
{
    if (driving())
        m_runner->setDelays(int(m_minDelay->value() * 1000), int(m_maxDelay->value() * 1000));
}

} // namespace ld::ui
