#include "migrationprogresspanel.h"

#include "bulkplan.h"
#include "plaintext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ld::ui {

MigrationProgressPanel::MigrationProgressPanel(QWidget *parent)
    : QFrame(parent)
    , m_title(plainLabel({}, this))
    , m_state(plainLabel({}, this))
    , m_bar(new QProgressBar(this))
    , m_timing(plainLabel({}, this))
    , m_counts(plainLabel({}, this))
    , m_reason(wrappedLabel(QStringLiteral("migrationReason"), this))
    , m_checkpoint(wrappedLabel(QStringLiteral("migrationCheckpointHint"), this))
    , m_pause(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel run…"), this))
    , m_export(new QPushButton(tr("E&xport results…"), this))
    , m_accounts(new QPushButton(tr("Open &Accounts"), this))
{
    setObjectName(QStringLiteral("migrationProgress"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);

    m_title->setObjectName(QStringLiteral("migrationRunTitle"));
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    m_state->setObjectName(QStringLiteral("migrationRunState"));
    mute(m_state);
    m_bar->setObjectName(QStringLiteral("migrationProgressBar"));
    m_bar->setTextVisible(true);
    m_bar->setFormat(tr("%v of %m rows"));
    m_bar->setAccessibleName(tr("Rows migrated"));
    m_timing->setObjectName(QStringLiteral("migrationTiming"));
    m_counts->setObjectName(QStringLiteral("migrationCounts"));
    m_pause->setObjectName(QStringLiteral("migrationPause"));
    m_cancel->setObjectName(QStringLiteral("migrationCancel"));
    m_cancel->setToolTip(tr("Stop the run: rows already imported keep their outcome, the others "
                            "are not called"));
    m_export->setObjectName(QStringLiteral("migrationExport"));
    m_accounts->setObjectName(QStringLiteral("migrationOpenAccounts"));
    m_accounts->setToolTip(tr("Complete a verification for the selected account (Ctrl+3)"));
    for (QPushButton *b : { m_pause, m_cancel, m_export, m_accounts })
        b->setAutoDefault(false);

    auto *top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(m_title);
    top->addWidget(m_state, 1);
    top->addWidget(m_pause);
    top->addWidget(m_cancel);
    top->addWidget(m_export);
    auto *checkpoint = new QHBoxLayout;
    checkpoint->addWidget(m_checkpoint, 1);
    checkpoint->addWidget(m_accounts, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_bar);
    layout->addWidget(m_timing);
    layout->addWidget(m_counts);
    layout->addWidget(m_reason);
    layout->addLayout(checkpoint);
    hide();
}

QString MigrationProgressPanel::countsText(const MigrationCounts &c)
{
    return tr("%1 connected · %2 checkpoint · %3 failed · %n credit(s)", nullptr, c.credits)
        .arg(c.connected)
        .arg(c.checkpoint)
        .arg(c.failed);
}

QString MigrationProgressPanel::timingText(const MigrationProgress &p)
{
    if (p.state != MigrationRun::State::Running)
        return {};
    QStringList parts;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (p.callInFlight) {
        parts << tr("logging in…");
    } else if (p.nextCallAt.isValid()) {
        const qint64 ms = qMax<qint64>(0, now.msecsTo(p.nextCallAt));
        parts << tr("next login in %1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    }
    if (p.etaMs > 0)
        parts << tr("about %1 left").arg(BulkPlanner::durationText(p.etaMs));
    return parts.join(QStringLiteral(" · "));
}

void MigrationProgressPanel::showProgress(const QString &title, const MigrationProgress &p)
{
    m_progress = p;
    const MigrationCounts &c = p.counts;
    const bool running = p.state == MigrationRun::State::Running;
    const bool paused = p.state == MigrationRun::State::Paused;
    const bool ended = !running && !paused;

    m_title->setText(title);
    switch (p.state) {
    case MigrationRun::State::Running:
        m_state->setText(tr("running"));
        break;
    case MigrationRun::State::Paused:
        m_state->setText(tr("paused"));
        break;
    case MigrationRun::State::Cancelled:
        m_state->setText(tr("cancelled"));
        break;
    case MigrationRun::State::Finished:
        m_state->setText(tr("finished"));
        break;
    }
    m_bar->setRange(0, qMax(1, c.total));
    m_bar->setValue(c.finished());
    const QString timing = timingText(p);
    m_timing->setText(timing);
    m_timing->setVisible(!timing.isEmpty());
    const QString counts = countsText(c);
    if (p.state == MigrationRun::State::Finished)
        m_counts->setText(tr("Finished: %1").arg(counts));
    else if (p.state == MigrationRun::State::Cancelled)
        m_counts->setText(
            tr("Cancelled: %1 · %n row(s) not called", nullptr, c.pending).arg(counts));
    else
        m_counts->setText(counts);

    // The reason a run stopped by itself matters (it says what to fix); "not started" or the
    // person's own pause is already said by the state.
    m_reason->setText(p.stopReason);
    m_reason->setVisible(!p.stopReason.isEmpty() && !running);

    m_checkpoint->setText(tr("%n account(s) stopped at a LinkedIn verification (a code, or an "
                             "approval in the LinkedIn app). Complete it from the Accounts page "
                             "(Ctrl+3): the account is connected once it is done.",
        nullptr, c.checkpoint));
    m_checkpoint->setVisible(c.checkpoint > 0);
    m_accounts->setVisible(c.checkpoint > 0);

    m_pause->setVisible(!ended);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pause->setToolTip(paused ? tr("Carry on with the rows left (Ctrl+P)")
                               : tr("Stop after the login in flight; resume later (Ctrl+P)"));
    m_cancel->setVisible(!ended);
    m_export->setToolTip(ended ? tr("Save each row's outcome as CSV (Ctrl+S)")
                               : tr("Save each row's outcome so far as CSV; rows not called yet "
                                    "are \"pending\" (Ctrl+S)"));
    m_export->setDefault(ended);
    show();
}

} // namespace ld::ui
