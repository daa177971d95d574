#include "bulkrunbar.h"

#include "bulkplan.h"
#include "bulkrundetailsdialog.h"
#include "icons.h"
#include "plaintext.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ld::ui {

BulkRunBar::BulkRunBar(
    InvitationQueue *queue, RunRepository *runs, OutboxRepository *items, QWidget *parent)
    : QFrame(parent)
    , m_queue(queue)
    , m_runs(runs)
    , m_items(items)
    , m_title(plainLabel({}, this))
    , m_detail(plainLabel({}, this))
    , m_reasonIcon(new QLabel(this))
    , m_reason(plainLabel({}, this))
    , m_progress(new QProgressBar(this))
    , m_pause(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel run"), this))
    , m_details(new QPushButton(tr("Details…"), this))
    , m_verify(new QPushButton(this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("bulkRunBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    setFocusPolicy(Qt::StrongFocus); // Esc cancels while the bar has the focus

    m_title->setObjectName(QStringLiteral("bulkRunTitle"));
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    m_title->setMinimumWidth(120);
    m_detail->setObjectName(QStringLiteral("bulkRunDetail"));
    m_detail->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("bulkRunReason"));
    m_reason->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("bulkRunProgress"));
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%v of %m"));
    m_pause->setObjectName(QStringLiteral("bulkRunPause"));
    m_cancel->setObjectName(QStringLiteral("bulkRunCancel"));
    m_cancel->setToolTip(tr("Stop the run: what is waiting is not sent (Esc)"));
    m_details->setObjectName(QStringLiteral("bulkRunDetails"));
    m_details->setToolTip(tr("Each invitation's outcome and reason"));
    m_verify->setObjectName(QStringLiteral("bulkRunVerify"));
    m_verify->setToolTip(tr("Ask LinkedIn whether the unanswered requests took effect "
                            "(check_invitation, 1 credit each)"));
    m_close->setObjectName(QStringLiteral("bulkRunClose"));
    for (QPushButton *b : { m_pause, m_cancel, m_details, m_verify, m_close })
        b->setAutoDefault(false);

    auto *top = new QHBoxLayout;
    top->setSpacing(6);
    top->addWidget(m_title, 1);
    top->addWidget(m_pause);
    top->addWidget(m_cancel);
    top->addWidget(m_details);
    top->addWidget(m_verify);
    top->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_progress);
    layout->addWidget(m_detail);
    m_reasonIcon->setPixmap(icons::action(QStringLiteral("warning")).pixmap(16, 16));
    auto *reason = new QHBoxLayout;
    reason->setSpacing(6);
    reason->addWidget(m_reasonIcon, 0, Qt::AlignTop);
    reason->addWidget(m_reason, 1);
    layout->addLayout(reason);

    auto *escape = new QAction(tr("Cancel the bulk run"), this);
    escape->setObjectName(QStringLiteral("cancelBulkRun"));
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(escape);
    connect(escape, &QAction::triggered, this, [this] {
        if (isRunActive())
            cancelRun();
        else
            dismiss();
    });

    m_tick->setInterval(1000); // the "next in 4 s" countdown
    connect(m_tick, &QTimer::timeout, this, &BulkRunBar::update);
    connect(m_pause, &QPushButton::clicked, this, &BulkRunBar::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, &BulkRunBar::cancelRun);
    connect(m_details, &QPushButton::clicked, this, &BulkRunBar::showDetails);
    connect(m_verify, &QPushButton::clicked, this, &BulkRunBar::verifyUnknown);
    connect(m_close, &QPushButton::clicked, this, &BulkRunBar::dismiss);
    connect(m_queue, &InvitationQueue::runChanged, this, &BulkRunBar::onRunChanged);
    connect(m_queue, &InvitationQueue::runFinished, this, &BulkRunBar::onRunChanged);
    connect(m_queue, &InvitationQueue::itemChanged, this,
        [this](qint64, qint64 runId) { onRunChanged(runId); });
    connect(m_runs, &RunRepository::runChanged, this, &BulkRunBar::onRunChanged);
    connect(m_queue, &InvitationQueue::verificationFailed, this,
        [this](qint64 itemId, const QString &reason) {
            const std::optional<OutboxItem> item = m_items->find(itemId);
            if (!item || item->runId != m_runId || m_runId == 0)
                return;
            Q_EMIT statusMessage(tr("LinkedIn could not be asked whether a request took effect: "
                                    "%1 Press Verify to ask again.")
                                     .arg(reason));
            update();
        });
    hide();
}

QString BulkRunBar::interruptedRunsNotice(RunRepository *runs)
{
    QStringList titles;
    for (const BulkRun &run : runs->inStates({ BulkRun::State::Paused })) {
        if (run.stopReason == InvitationQueue::interruptedReason())
            titles << run.title;
    }
    if (titles.isEmpty())
        return {};
    if (titles.size() == 1)
        return tr("“%1” was interrupted when LinkUp Desk stopped. Nothing more is sent until "
                  "you resume or cancel it on the Invitations page.")
            .arg(titles.constFirst());
    return tr("%1 bulk runs were interrupted when LinkUp Desk stopped. Nothing more is sent "
              "until you resume or cancel them on the Invitations page.")
        .arg(titles.size());
}

QString BulkRunBar::doneWord(const QString &kind)
{
    switch (networkActionFromKind(kind).value_or(NetworkAction::Invite)) {
    case NetworkAction::Invite:
        return tr("sent");
    case NetworkAction::Accept:
        return tr("accepted");
    case NetworkAction::Decline:
        return tr("declined");
    case NetworkAction::Withdraw:
        return tr("withdrawn");
    }
    return {};
}

void BulkRunBar::showRun(qint64 runId)
{
    m_runId = runId;
    m_ended = false;
    update();
    show();
}

BulkRunDetailsDialog *BulkRunBar::detailsDialog() const
{
    return m_detailsDialog.data();
}

// The newest run still to finish: one this process drives, or one an earlier session left
// paused or interrupted (shown with Resume and Cancel; nothing is sent until chosen).
bool BulkRunBar::showActiveRun()
{
    const QList<BulkRun> active
        = m_runs->inStates({ BulkRun::State::Running, BulkRun::State::Paused });
    if (active.isEmpty())
        return false;
    if (active.constLast().id != m_runId)
        showRun(active.constLast().id);
    return true;
}

RunProgress BulkRunBar::progress() const
{
    return m_runId ? m_queue->progress(m_runId) : RunProgress();
}

bool BulkRunBar::isRunActive() const
{
    if (!m_runId)
        return false;
    const BulkRun::State s = progress().state;
    return s == BulkRun::State::Running || s == BulkRun::State::Paused;
}

void BulkRunBar::onRunChanged(qint64 runId)
{
    if (runId == m_runId && m_runId != 0)
        update();
}

void BulkRunBar::update()
{
    if (!m_runId)
        return;
    const std::optional<BulkRun> run = m_runs->find(m_runId);
    const RunProgress p = m_queue->progress(m_runId);
    const QString kind = run ? run->kind : QString();
    m_title->setText(run ? run->title : QString());
    m_progress->setRange(0, qMax(1, p.total));
    m_progress->setValue(p.finished());

    const bool running = p.state == BulkRun::State::Running;
    const bool paused = p.state == BulkRun::State::Paused;
    const bool ended = !running && !paused;
    const QString done = tr("%1 of %2 done").arg(p.finished()).arg(p.total);
    const QString counts = tr("%1 %2 · %3 refused · %4 failed · %5 unknown")
                               .arg(p.done)
                               .arg(doneWord(kind))
                               .arg(p.refused)
                               .arg(p.failed)
                               .arg(p.unknown);
    QString detail;
    if (running) {
        QStringList parts; // the bar itself shows how many are done
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (p.nextAt.isValid() && p.nextAt > now)
            parts << tr("next in %1 s").arg((now.msecsTo(p.nextAt) + 999) / 1000); // a countdown
        else if (p.pending > 0)
            parts << tr("sending…");
        if (p.etaMs > 0)
            parts << tr("about %1 left").arg(BulkPlanner::durationText(p.etaMs));
        detail = parts.join(QStringLiteral(" · "));
    } else if (paused) {
        detail = tr("%1 · %2 waiting").arg(done).arg(p.pending);
    } else {
        detail = p.state == BulkRun::State::Cancelled
            ? tr("Cancelled: %1 · %2 not sent").arg(counts).arg(p.cancelled)
            : counts;
    }
    m_detail->setText(detail);
    QStringList reasons;
    if (!p.stopReason.isEmpty())
        reasons << p.stopReason;
    if (p.unknown > 0 && ended)
        reasons << tr("The answer to %n request(s) was lost: it may have been carried out. "
                      "Verify asks LinkedIn (1 credit each); nothing is sent again on its own.",
            nullptr, p.unknown);
    m_reason->setText(reasons.join(QLatin1Char('\n')));
    m_reason->setVisible(!reasons.isEmpty());
    // A warning when the run stopped by itself (a cap, a crash) or left doubts, not when the
    // person paused or cancelled it.
    const bool interrupted = p.stopReason == InvitationQueue::interruptedReason();
    m_reasonIcon->setVisible(!reasons.isEmpty()
        && (interrupted || p.state == BulkRun::State::Finished || p.unknown > 0));

    m_pause->setVisible(!ended);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setToolTip(paused ? tr("Send the rest of the run (P)")
                               : tr("Stop after the request in flight; resume later (P)"));
    m_cancel->setVisible(!ended);
    m_close->setVisible(ended);
    m_verify->setVisible(p.unknown > 0);
    m_verify->setText(tr("Verify %1").arg(p.unknown));
    if (running)
        m_tick->start();
    else
        m_tick->stop();

    if (ended && !m_ended) {
        m_ended = true;
        Q_EMIT statusMessage(tr("%1: %2").arg(m_title->text(), counts));
        Q_EMIT runEnded(m_runId);
    }
}

void BulkRunBar::togglePause()
{
    if (!m_runId)
        return;
    const BulkRun::State s = progress().state;
    if (s == BulkRun::State::Running)
        m_queue->pause(m_runId);
    else if (s == BulkRun::State::Paused)
        m_queue->resumeRun(m_runId);
    update();
}

void BulkRunBar::cancelRun()
{
    if (!isRunActive())
        return;
    m_queue->cancel(m_runId);
    update();
}

void BulkRunBar::showDetails()
{
    if (!m_runId)
        return;
    if (m_detailsDialog) {
        m_detailsDialog->raise();
        m_detailsDialog->activateWindow();
        return;
    }
    auto *dialog = new BulkRunDetailsDialog(m_queue, m_runs, m_items, m_runId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_detailsDialog = dialog;
    dialog->open();
}

QList<qint64> BulkRunBar::unknownItems() const
{
    QList<qint64> ids;
    for (const OutboxItem &item : m_items->itemsOfRun(m_runId)) {
        if (item.state == OutboxItem::State::Unknown)
            ids << item.id;
    }
    return ids;
}

void BulkRunBar::verifyUnknown()
{
    const QList<qint64> ids = unknownItems();
    for (qint64 id : ids)
        m_queue->verify(id);
    if (!ids.isEmpty())
        Q_EMIT statusMessage(
            tr("Verifying %n request(s) whose answer was lost…", nullptr, int(ids.size())));
}

void BulkRunBar::dismiss()
{
    if (isRunActive())
        return;
    hide();
}

} // namespace ld::ui
