#include "migrationpage.h"

#include "messagebar.h"
#include "migrationbatchtab.h"
#include "plaintext.h"
#include "v1converterpanel.h"

#include "migration/migrationrunner.h"
#include "store/migrationrepository.h"
#include "sync/workspace.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ld::ui {

MigrationPage::MigrationPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_tabs(new QTabWidget(this))
    , m_batch(new MigrationBatchTab(workspace->migrations(), workspace->migrationRunner(), this))
    , m_converter(new V1ConverterPanel(workspace->migrations(), this))
    , m_importAction(new QAction(tr("Import a V1 token…"), this))
{
    setObjectName(QStringLiteral("migrationPage"));
    setAcceptDrops(true);
    auto *title = plainLabel(tr("Migration from LinkUp V1"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setWeight(QFont::DemiBold);
    title->setFont(big);

    m_tabs->setObjectName(QStringLiteral("migrationSteps"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildOneTokenStep(), tr("&1 · One token"));
    m_tabs->addTab(m_batch, tr("&2 · Many tokens (CSV)"));
    m_tabs->addTab(m_converter, tr("&3 · Convert V1 code"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 14, 18, 12);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 1);

    m_importAction->setObjectName(QStringLiteral("migrationImportToken"));
    m_importAction->setToolTip(tr("Import one V1 login_token in the Connect dialog"));
    m_importAction->setStatusTip(m_importAction->toolTip());
    connect(m_importAction, &QAction::triggered, this, &MigrationPage::importTokenRequested);
    // Open CSV… (Ctrl+O) works from every step: it shows the CSV step.
    addAction(m_batch->openAction());
    const QStringList stepNames = { tr("Migration: one token"), tr("Migration: many tokens (CSV)"),
        tr("Migration: convert V1 code") };
    for (int i = 0; i < stepNames.size(); ++i) {
        auto *a = new QAction(stepNames.at(i), this);
        a->setObjectName(QStringLiteral("migrationStep%1").arg(i + 1));
        connect(a, &QAction::triggered, this, [this, i] { showStep(Step(i)); });
        m_stepActions << a;
    }

    connect(m_batch, &MigrationBatchTab::statusMessage, this, &MigrationPage::statusMessage);
    connect(
        m_batch, &MigrationBatchTab::accountsRequested, this, &MigrationPage::accountsRequested);
    connect(m_converter, &V1ConverterPanel::statusMessage, this, &MigrationPage::statusMessage);
    connect(m_batch->openAction(), &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_batch); // the file dialog opens over the step it fills
    });
    setFocusProxy(m_tabs);

    // A run an earlier session left paused (or a crash interrupted) is offered at once.
    if (m_batch->offerWaitingRun())
        m_tabs->setCurrentWidget(m_batch);
}

QWidget *MigrationPage::buildOneTokenStep()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("migrationOneToken"));
    QLabel *what = wrappedLabel(QStringLiteral("migrationExplanation"), page);
    what->setText(
        tr("LinkUp V1 named a LinkedIn account by its login_token and country in every request. "
           "V2 names it by an account_id, which you get once by importing the token "
           "(POST /v2/login); every request after that sends the account_id instead. Importing "
           "a token again returns the same account_id, free of charge, so trying twice loses "
           "nothing. A token that has expired cannot be imported: the person signs in to "
           "LinkedIn again instead (e-mail and password, in the same dialog)."));
    QLabel *more = wrappedLabel({}, page);
    more->setText(tr("Many tokens, for instance an export of your customers' accounts? Use "
                     "step 2 with a CSV. V1 code to rewrite? Step 3 converts its requests."));
    mute(more);
    m_importToken = new QPushButton(tr("&Import a V1 token…"), page);
    m_importToken->setObjectName(QStringLiteral("migrationImportTokenButton"));
    m_importToken->setAutoDefault(false);
    m_importToken->setToolTip(m_importAction->toolTip());
    connect(m_importToken, &QPushButton::clicked, this, &MigrationPage::importTokenRequested);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_importToken);
    buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 16, 12, 12);
    layout->setSpacing(12);
    layout->addWidget(what);
    layout->addLayout(buttonRow);
    layout->addWidget(more);
    layout->addStretch(1);
    page->setFocusProxy(m_importToken);
    what->setMaximumWidth(720);
    more->setMaximumWidth(720);
    return page;
}

QList<QAction *> MigrationPage::commands() const
{
    QList<QAction *> all { m_importAction };
    all += m_batch->commands();
    all += m_converter->commands();
    all += m_stepActions;
    return all;
}

void MigrationPage::setSampleSource(std::function<QByteArray(int)> source)
{
    m_batch->setSampleSource(std::move(source));
}

QString MigrationPage::closedReason()
{
    return tr("Paused when LinkUp Desk closed: resume it to carry on.");
}

void MigrationPage::pauseForQuit(MigrationRunner *runner, MigrationRepository *journal)
{
    if (!runner || !journal || !runner->isDriving())
        return;
    const qint64 runId = runner->runId();
    // release() stops calling and forgets the tokens but leaves the journal alone (a login in
    // flight goes back to pending); the run is then marked paused by the app, not the person.
    runner->release();
    const std::optional<MigrationRun> run = journal->findRun(runId);
    if (!run || run->state != MigrationRun::State::Running)
        return;
    MigrationRun next = *run;
    next.state = MigrationRun::State::Paused;
    next.stopReason = closedReason();
    journal->transitionRun(runId, MigrationRun::State::Running, next);
}

QString MigrationPage::waitingRunNotice(MigrationRepository *journal)
{
    if (!journal)
        return {};
    const QList<MigrationRun> waiting = journal->runsInStates({ MigrationRun::State::Paused });
    if (waiting.isEmpty())
        return {};
    const MigrationRun &run = waiting.constLast();
    return tr("%1 Open the Migration page (Ctrl+8) to resume it.")
        .arg(MigrationBatchTab::waitingRunSentence(run, journal->counts(run.id).finished()));
}

void MigrationPage::showStep(Step step)
{
    m_tabs->setCurrentIndex(int(step));
    m_tabs->currentWidget()->setFocus();
}

bool MigrationPage::openCsv(const QString &path)
{
    m_tabs->setCurrentWidget(m_batch);
    return m_batch->openCsv(path);
}

QString MigrationPage::droppedCsv(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1)
        return {};
    const QUrl url = mime->urls().constFirst();
    if (!url.isLocalFile())
        return {};
    const QString path = url.toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("txt") ? path : QString();
}

void MigrationPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedCsv(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MigrationPage::dropEvent(QDropEvent *event)
{
    const QString path = droppedCsv(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openCsv(path);
}

} // namespace ld::ui
