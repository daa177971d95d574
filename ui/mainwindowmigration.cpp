// MainWindow's part of the V1 → V2 migration (issue 6): the Migration page (Ctrl+8), built on
// first use like the other pages, the single-token import through the Connect dialog, and the
// start-up notice of a migration that waits to be resumed.
#include "mainwindow.h"

#include "accountsidebar.h"
#include "connectdialog.h"
#include "messagebar.h"
#include "migrationpage.h"
#include "secretlineedit.h"

#include "sync/workspace.h"

#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

namespace ld::ui {

void MainWindow::createMigrationActions()
{
    const QKeySequence key(tr("Ctrl+8"));
    const QString tip = tr("Move V1 tokens to V2 accounts, one or a CSV of many, and convert V1 "
                           "requests");
    m_migrationAction = new QAction(tr("&Migration"), this);
    m_migrationAction->setObjectName(QStringLiteral("showMigration"));
    m_migrationAction->setShortcut(key);
    m_migrationAction->setToolTip(tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    m_migrationAction->setStatusTip(tip);
    addAction(m_migrationAction);
    connect(m_migrationAction, &QAction::triggered, this, &MainWindow::showMigrationPage);
}

MigrationPage *MainWindow::migrationPage()
{
    if (m_migrationPage)
        return m_migrationPage;
    m_migrationPage = new MigrationPage(m_ws, m_pages);
    m_pages->addWidget(m_migrationPage);
    if (m_sampleMigrationCsv)
        m_migrationPage->setSampleSource(m_sampleMigrationCsv);
    connect(m_migrationPage, &MigrationPage::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(
        m_migrationPage, &MigrationPage::importTokenRequested, this, &MainWindow::importV1Token);
    connect(
        m_migrationPage, &MigrationPage::accountsRequested, this, &MainWindow::showAccountsPage);
    return m_migrationPage;
}

void MainWindow::showMigrationPage()
{
    m_pages->setCurrentWidget(migrationPage());
    m_migrationPage->tabs()->currentWidget()->setFocus();
}

void MainWindow::setSampleMigrationCsv(std::function<QByteArray(int)> source)
{
    m_sampleMigrationCsv = std::move(source);
    if (m_migrationPage)
        m_migrationPage->setSampleSource(m_sampleMigrationCsv);
}

void MainWindow::importV1Token()
{
    openConnectDialog();
    ConnectDialog *dialog = m_connectDialog.data();
    if (!dialog)
        return;
    QTabWidget *tabs = dialog->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->isAncestorOf(dialog->tokenEdit())) {
            tabs->setCurrentIndex(i);
            dialog->tokenEdit()->setFocus();
            break;
        }
    }
}

void MainWindow::noticeWaitingMigration()
{
    const QString notice = MigrationPage::waitingRunNotice(m_ws->migrations());
    if (notice.isEmpty())
        return;
    // The bar may already say something more urgent (no API key): the status bar then.
    if (!m_messages->isHidden()) {
        statusBar()->showMessage(notice, 30000);
        return;
    }
    m_messages->showMessage(
        MessageBar::Kind::Info, notice, tr("Open Migration"), [this] { showMigrationPage(); });
}

} // namespace ld::ui
