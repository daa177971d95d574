#include "mainwindow.h"

#include "accountsidebar.h"
#include "accountspage.h"
#include "activitypanel.h"
#include "callsindicator.h"
#include "commandpalette.h"
#include "connectdialog.h"
#include "creditstodayindicator.h"
#include "icons.h"
#include "inboxpage.h"
#include "invitationspage.h"
#include "invitedialog.h"
#include "livepage.h"
#include "messagebar.h"
#include "migrationpage.h"
#include "peoplepage.h"
#include "postspage.h"
#include "plaintext.h"
#include "settingsdialog.h"
#include "settingspage.h"
#include "webhookspage.h"

#include "api/apiclient.h"
#include "models/accountlistmodel.h"
#include "models/callsmodel.h"
#include "secrets/apikeyvault.h"
#include "store/accountrepository.h"
#include "support/appsettings.h"
#include "sync/accountssync.h"
#include "sync/liveevents.h"
#include "sync/workspace.h"
#include "version.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace ld::ui {

MainWindow::MainWindow(Workspace *workspace, ApiKeyVault *vault, const QString &keychainBackend,
                       bool demo, QWidget *parent)
    : QMainWindow(parent)
    , m_ws(workspace)
    , m_vault(vault)
    , m_backend(keychainBackend)
    , m_demo(demo)
    , m_accountModel(new AccountListModel(workspace->accounts(), this))
    , m_callsModel(new CallsModel(workspace->client(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(demo ? tr("LinkUp Desk — Demo") : tr("LinkUp Desk"));
    setWindowIcon(icons::app());
    setUnifiedTitleAndToolBarOnMac(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    m_sidebar = new AccountSidebar(m_accountModel, this);
    m_inboxPage = new InboxPage(workspace, this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_inboxPage); // the daily job comes first; the Accounts page when asked

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 220, 960 });
    m_sidebar->setMinimumWidth(180);

    m_messages = new MessageBar(this);
    m_banner = createBanner();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (m_banner)
        layout->addWidget(m_banner);
    layout->addWidget(m_messages);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    // The dock (and its toggle action) exists from the start; its panel is built when first shown.
    m_activityDock = new QDockWidget(tr("Activity"), this);
    m_activityDock->setObjectName(QStringLiteral("activityDock"));
    m_activityDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                                | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    resizeDocks({ m_activityDock }, { 170 }, Qt::Vertical);
    // Out of the way until asked for (Ctrl+Shift+A, or a click on the calls count below):
    // the Accounts page has its own per-account log.
    m_activityDock->hide();
    connect(m_activityDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            activityPanel();
    });

    createActions();
    createLiveActions();
    createMigrationActions();
    createPostActions();
    createMenus();
    createToolBar();
    createStatusBar();

    connect(m_sidebar, &AccountSidebar::currentAccountChanged, this, [this](const QString &id) {
        if (m_accountsPage)
            m_accountsPage->setAccountId(id);
        if (m_peoplePage)
            m_peoplePage->setAccountId(id);
        if (m_webhooksPage)
            m_webhooksPage->setAccountId(id);
        if (m_postsPage)
            m_postsPage->setAccountId(id);
    });
    // A click (or Enter) on an account shows its details; J/K in the sidebar only select.
    connect(m_sidebar->view(), &QAbstractItemView::clicked, this, &MainWindow::showAccountsPage);
    connect(m_sidebar->view(), &QAbstractItemView::activated, this, &MainWindow::showAccountsPage);
    connect(m_inboxPage, &InboxPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_ws->accountsSync(), &AccountsSync::failed, this, &MainWindow::showSyncError);
    connect(m_ws->accountsSync(), &AccountsSync::refreshed, this, [this] {
        if (m_syncErrorShown) // a refresh that worked makes an old failure stale
            m_messages->hide();
        m_syncErrorShown = false;
        updateKeyWarning();
    });
    connect(m_vault, &ApiKeyVault::keyChanged, this, &MainWindow::updateKeyWarning);
    connect(m_vault, &ApiKeyVault::saved, this, &MainWindow::updateKeyWarning);
    m_inboxPage->setFocus(); // J/K and the arrows work at once

    const QRect avail = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    resize(QSize(1180, 760).boundedTo(avail.size() * 0.92));
    updateKeyWarning();
}

MainWindow::~MainWindow() = default;

// Built on first use, not before the first frame: most sessions start and stay in the Inbox.
AccountsPage *MainWindow::accountsPage()
{
    if (m_accountsPage)
        return m_accountsPage;
    m_accountsPage = new AccountsPage(m_ws, m_pages);
    m_pages->addWidget(m_accountsPage);
    connect(m_accountsPage, &AccountsPage::reconnectRequested, this, &MainWindow::reconnect);
    connect(m_accountsPage, &AccountsPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 4000); });
    m_accountsPage->setAccountId(m_sidebar->currentAccountId());
    return m_accountsPage;
}

// Built on first use, like the Accounts page: reading two lists from the store is not part of
// the first frame.
InvitationsPage *MainWindow::invitationsPage()
{
    if (m_invitationsPage)
        return m_invitationsPage;
    m_invitationsPage = new InvitationsPage(m_ws, m_pages);
    m_pages->addWidget(m_invitationsPage);
    connect(m_invitationsPage, &InvitationsPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    return m_invitationsPage;
}

ActivityPanel *MainWindow::activityPanel()
{
    if (!m_activity) {
        m_activity = new ActivityPanel(m_callsModel, m_activityDock);
        m_activityDock->setWidget(m_activity);
    }
    return m_activity;
}

CommandPalette *MainWindow::commandPalette()
{
    if (!m_palette)
        m_palette = new CommandPalette(this);
    return m_palette;
}

ConnectDialog *MainWindow::connectDialog() const
{
    return m_connectDialog.data();
}

SettingsDialog *MainWindow::settingsDialog() const
{
    return m_settingsDialog.data();
}

QWidget *MainWindow::createBanner()
{
    if (!m_demo)
        return nullptr;
    auto *banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("demoBanner"));
    banner->setAutoFillBackground(true);
    QPalette pal = banner->palette();
    pal.setColor(QPalette::Window, QColor(0x1b, 0x58, 0xb8));
    pal.setColor(QPalette::WindowText, Qt::white);
    banner->setPalette(pal);
    QLabel *title = plainLabel(tr("Demo workspace — sample data from the built-in sandbox"), banner);
    title->setObjectName(QStringLiteral("demoBannerText"));
    QFont bold = title->font();
    bold.setWeight(QFont::DemiBold);
    title->setFont(bold);
    QLabel *detail = plainLabel(tr("Nothing here reaches LinkedIn, and your keychain is not "
                                   "touched. Everything is removed when you quit."), banner);
    auto *layout = new QHBoxLayout(banner);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(detail, 1);
    return banner;
}

void MainWindow::createActions()
{
    auto make = [this](const QString &objectName, const QString &text, const QString &icon,
                       const QKeySequence &shortcut, const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(objectName);
        if (!icon.isEmpty())
            a->setIcon(icons::action(icon));
        a->setShortcut(shortcut);
        a->setToolTip(shortcut.isEmpty()
                          ? tip
                          : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        addAction(a); // shortcuts work even with the menu bar hidden
        return a;
    };
    m_connectAction = make(QStringLiteral("connectAccount"), tr("&Connect account…"),
                           QStringLiteral("connect"), QKeySequence::New,
                           tr("Connect a LinkedIn account by sign-in or V1 token"));
    m_refreshAction = make(QStringLiteral("refresh"), tr("&Refresh"), QStringLiteral("refresh"),
                           QKeySequence(Qt::Key_F5),
                           tr("Read the accounts and the balance again, and the inbox when it "
                              "is shown (1 credit per 10 conversations)"));
    m_settingsAction = make(QStringLiteral("settings"), tr("&Settings…"),
                            QStringLiteral("settings"), QKeySequence(tr("Ctrl+,")),
                            tr("API key, server, pacing, safety caps and notifications"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_quitAction = make(QStringLiteral("quit"), tr("&Quit"), QStringLiteral("quit"),
                        QKeySequence(tr("Ctrl+Q")), tr("Quit LinkUp Desk"));
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_paletteAction = make(QStringLiteral("commandPalette"), tr("Command &palette…"),
                           QStringLiteral("palette"), QKeySequence(tr("Ctrl+K")),
                           tr("Find and run any command by typing its name"));
    m_findAction = make(QStringLiteral("findAccount"), tr("&Find account"),
                        QStringLiteral("search"), QKeySequence::Find,
                        tr("Filter the account list"));
    m_accountsAction = make(QStringLiteral("focusAccounts"), tr("Go to &accounts list"), {},
                            QKeySequence(tr("Ctrl+1")), tr("Move the focus to the account list"));
    m_copyIdAction = make(QStringLiteral("copyAccountId"), tr("Copy account &ID"),
                          QStringLiteral("copy"), QKeySequence(tr("Ctrl+Shift+C")),
                          tr("Copy the selected account's ID to the clipboard"));
    m_aboutAction = make(QStringLiteral("about"), tr("&About LinkUp Desk"), {}, {},
                         tr("Version and licence"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_inboxAction = make(QStringLiteral("showInbox"), tr("&Inbox"), {},
                         QKeySequence(tr("Ctrl+2")), tr("The conversations of every account"));
    m_accountsPageAction = make(QStringLiteral("showAccountsPage"), tr("Account &details"), {},
                                QKeySequence(tr("Ctrl+3")),
                                tr("Status, logs and credits of the selected account"));
    m_invitationsAction = make(QStringLiteral("showInvitations"), tr("In&vitations"),
                               QStringLiteral("invitations"), QKeySequence(tr("Ctrl+4")),
                               tr("Received and sent invitations: accept, decline, withdraw"));

    m_activityAction = m_activityDock->toggleViewAction();
    m_activityAction->setObjectName(QStringLiteral("toggleActivity"));
    m_activityAction->setText(tr("&Activity"));
    m_activityAction->setIcon(icons::action(QStringLiteral("activity")));
    m_activityAction->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_activityAction->setToolTip(tr("Show or hide the API calls (Ctrl+Shift+A)"));
    addAction(m_activityAction);

    connect(m_connectAction, &QAction::triggered, this, &MainWindow::openConnectDialog);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_paletteAction, &QAction::triggered, this, &MainWindow::openCommandPalette);
    connect(m_findAction, &QAction::triggered, m_sidebar, &AccountSidebar::focusFilter);
    connect(m_accountsAction, &QAction::triggered, m_sidebar, &AccountSidebar::focusList);
    connect(m_copyIdAction, &QAction::triggered, this, [this] {
        const QString id = m_sidebar->currentAccountId();
        if (id.isEmpty())
            return;
        QApplication::clipboard()->setText(id);
        statusBar()->showMessage(tr("Account ID copied to the clipboard."), 4000);
    });
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_inboxAction, &QAction::triggered, this, &MainWindow::showInbox);
    connect(m_accountsPageAction, &QAction::triggered, this, &MainWindow::showAccountsPage);
    connect(m_invitationsAction, &QAction::triggered, this, &MainWindow::showInvitations);

    m_peopleAction = make(QStringLiteral("showPeoplePage"), tr("&People"), {},
                          QKeySequence(tr("Ctrl+5")),
                          tr("Search people and companies, and the account's connections"));
    m_inviteAction = make(QStringLiteral("invite"), tr("In&vite…"), {}, QKeySequence(tr("Ctrl+I")),
                          tr("Invite a person to connect, with an optional note (1 credit)"));
    connect(m_peopleAction, &QAction::triggered, this, &MainWindow::showPeoplePage);
    connect(m_inviteAction, &QAction::triggered, this, &MainWindow::openInviteDialog);
    m_inviteListAction = make(QStringLiteral("inviteList"), tr("Invite a &list…"), {},
        QKeySequence(tr("Ctrl+Shift+I")),
        tr("Invite many people from a list of profile URLs, previewed before anything is sent"));
    connect(m_inviteListAction, &QAction::triggered, this, &MainWindow::openInviteList);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_connectAction);
    file->addAction(m_newPostAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addSeparator();
    view->addAction(m_inboxAction);
    view->addAction(m_accountsPageAction);
    view->addAction(m_peopleAction);
    view->addAction(m_invitationsAction);
    view->addAction(m_liveAction);
    view->addAction(m_webhooksAction);
    view->addAction(m_migrationAction);
    view->addAction(m_postsAction);
    QMenu *inbox = menuBar()->addMenu(tr("I&nbox"));
    inbox->addActions(m_inboxPage->commands());
    // The page (and its commands) is built when the menu is first opened.
    QMenu *invitations = menuBar()->addMenu(tr("Invi&tations"));
    connect(invitations, &QMenu::aboutToShow, this, [this, invitations] {
        if (invitations->isEmpty()) {
            invitations->addAction(m_inviteListAction);
            invitations->addSeparator();
            invitations->addActions(invitationsPage()->commands());
        }
    });
    QMenu *people = menuBar()->addMenu(tr("&People"));
    people->addAction(m_peopleAction);
    people->addAction(m_inviteAction);
    // The page (and its commands) is built when the menu is first opened.
    connect(people, &QMenu::aboutToShow, this, [this, people] {
        if (people->actions().size() == 2) {
            people->addSeparator();
            people->addActions(peoplePage()->commands());
        }
    });
    view->addSeparator();
    view->addAction(m_findAction);
    view->addAction(m_accountsAction);
    view->addAction(m_copyIdAction);
    view->addSeparator();
    view->addAction(m_activityAction);
    view->addAction(m_dndAction);
    view->addAction(m_paletteAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    bar->addAction(m_connectAction);
    bar->addAction(m_refreshAction);
    bar->addAction(m_invitationsAction);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_paletteAction);
    bar->addAction(m_activityAction);
    bar->addAction(m_settingsAction);
}

void MainWindow::createStatusBar()
{
    m_callsIndicator = new CallsIndicator(m_callsModel, this);
    m_creditsIndicator = new CreditsTodayIndicator(m_ws->ledger(), this);
    m_dndIndicator = plainLabel(tr("Do not disturb"), this);
    m_dndIndicator->setObjectName(QStringLiteral("dndIndicator"));
    m_dndIndicator->setToolTip(tr("Desktop notifications are off (Ctrl+Shift+D)"));
    m_dndIndicator->setVisible(m_dndAction->isChecked());
    connect(m_dndAction, &QAction::toggled, m_dndIndicator, &QWidget::setVisible);
    statusBar()->addPermanentWidget(m_dndIndicator);
    statusBar()->addPermanentWidget(m_callsIndicator);
    statusBar()->addPermanentWidget(m_creditsIndicator);
    connect(m_callsIndicator, &CallsIndicator::clicked, this, [this] {
        m_activityDock->show();
        activityPanel()->setFocus();
    });
}

QList<QAction *> MainWindow::commands() const
{
    QList<QAction *> all { m_connectAction, m_refreshAction, m_inboxAction, m_accountsPageAction };
    all += m_inboxPage->commands();
    all += { m_invitationsAction, m_inviteListAction };
    if (m_invitationsPage)
        all += m_invitationsPage->commands();
    all += { m_peopleAction, m_inviteAction };
    if (m_peoplePage)
        all += m_peoplePage->commands();
    all += { m_liveAction, m_webhooksAction, m_dndAction };
    if (m_livePage)
        all += m_livePage->commands();
    if (m_webhooksPage)
        all += m_webhooksPage->commands();
    all += m_migrationAction;
    if (m_migrationPage)
        all += m_migrationPage->commands();
    all += m_postsAction;
    if (m_postsPage)
        all += m_postsPage->commands(); // its New post holds Ctrl+N while it is shown
    else
        all += m_newPostAction;
    all += { m_findAction,     m_accountsAction, m_copyIdAction, m_activityAction,
             m_settingsAction, m_aboutAction,    m_quitAction };
    return all;
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::showInbox()
{
    m_pages->setCurrentWidget(m_inboxPage);
    m_inboxPage->focusList();
}

void MainWindow::showAccountsPage()
{
    m_pages->setCurrentWidget(accountsPage());
}

void MainWindow::showInvitations()
{
    m_pages->setCurrentWidget(invitationsPage());
    m_invitationsPage->focusList();
}

void MainWindow::openInviteList()
{
    invitationsPage()->inviteList(m_sidebar->currentAccountId());
}

void MainWindow::openCommandPalette()
{
    commandPalette()->popup(commands());
}

void MainWindow::refresh()
{
    AccountsSync *sync = m_ws->accountsSync();
    sync->refreshAll();
    sync->refreshBalance();
    if (m_pages->currentWidget() == m_inboxPage) {
        m_inboxPage->refresh(); // costs credits, so only the page in view
        return;
    }
    if (m_peoplePage && m_pages->currentWidget() == m_peoplePage) {
        m_peoplePage->refresh(); // the tab in view: its connections or its search
        return;
    }
    if (m_invitationsPage && m_pages->currentWidget() == m_invitationsPage) {
        m_invitationsPage->refresh(); // costs credits, so only the page in view
        return;
    }
    if (m_webhooksPage && m_pages->currentWidget() == m_webhooksPage) {
        m_webhooksPage->reload(); // free
        return;
    }
    accountsPage()->refresh();
    statusBar()->showMessage(tr("Refreshing accounts…"), 2000);
}

void MainWindow::openConnectDialog()
{
    if (m_connectDialog) {
        m_connectDialog->raise();
        m_connectDialog->activateWindow();
        return;
    }
    auto *dialog = new ConnectDialog(m_ws->accountsService(), m_ws->accounts(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectDialog::accountConnected, this, [this](const QString &id) {
        m_sidebar->selectAccount(id);
        statusBar()->showMessage(tr("Account connected."), 4000);
    });
    m_connectDialog = dialog;
    dialog->open();
}

void MainWindow::reconnect(const QString &accountId)
{
    openConnectDialog();
    const std::optional<Account> account = m_ws->accounts()->find(accountId);
    if (m_connectDialog && account)
        m_connectDialog->setReconnectHint(account->name.isEmpty() ? accountId : account->name);
}

void MainWindow::openSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto *page = new SettingsPage(m_ws->settings(), m_ws->client(), m_vault, m_backend, m_demo);
    page->setAccounts(m_ws->accounts()->all()); // the per-account note limits
    auto *dialog = new SettingsDialog(page, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    dialog->open();
}

void MainWindow::showSyncError(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Aborted)
        return;
    const bool keyProblem = error.httpStatus == 401 || error.httpStatus == 403
        || error.kind == ApiError::Kind::Config;
    m_syncErrorShown = true;
    if (keyProblem && !m_demo)
        m_messages->showMessage(MessageBar::Kind::Error, error.userMessage(), tr("Open Settings"),
                                [this] { openSettings(); });
    else
        m_messages->showMessage(MessageBar::Kind::Error, error.userMessage(), tr("Try again"),
                                [this] { refresh(); });
}

void MainWindow::updateKeyWarning()
{
    if (m_demo)
        return;
    if (!m_vault->hasKey()) {
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("No API key is set, so nothing can be refreshed. Add your "
                                   "LinkUp API key in Settings."),
                                tr("Open Settings"), [this] { openSettings(); });
    } else if (m_vault->sessionOnly()) {
        const QString text = !m_vault->lastProblem().isEmpty()
            ? m_vault->lastProblem()
            : tr("Your API key is kept for this session only: the keychain (%1) is not "
                 "available.").arg(m_backend);
        m_messages->showMessage(MessageBar::Kind::Warning, text);
    } else if (m_messages->isVisible()) {
        m_messages->hide();
    }
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About LinkUp Desk"));
    box.setIconPixmap(icons::app().pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("LinkUp Desk %1").arg(QStringLiteral(LD_VERSION)));
    box.setInformativeText(tr("A desktop client for the LinkUp V2 API: connect LinkedIn accounts "
                              "and work them from one keyboard-first window.\n\nQt %1")
                               .arg(QString::fromLatin1(qVersion())));
    box.exec();
}

// Built on first use, like the Accounts page: the People page reads nothing until asked.
PeoplePage *MainWindow::peoplePage()
{
    if (m_peoplePage)
        return m_peoplePage;
    m_peoplePage = new PeoplePage(m_ws, m_pages);
    m_pages->addWidget(m_peoplePage);
    connect(m_peoplePage, &PeoplePage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_peoplePage->setAccountId(m_sidebar->currentAccountId());
    return m_peoplePage;
}

InviteDialog *MainWindow::inviteDialog() const
{
    if (m_peoplePage && m_peoplePage->inviteDialog())
        return m_peoplePage->inviteDialog();
    return m_inviteDialog.data();
}

void MainWindow::showPeoplePage()
{
    m_pages->setCurrentWidget(peoplePage());
    m_peoplePage->focusFind();
}

// From the People page, the person selected there; elsewhere an empty form for the account
// selected in the sidebar.
void MainWindow::openInviteDialog()
{
    if (m_peoplePage && m_pages->currentWidget() == m_peoplePage) {
        m_peoplePage->invite();
        return;
    }
    if (m_inviteDialog) {
        m_inviteDialog->raise();
        m_inviteDialog->activateWindow();
        return;
    }
    m_inviteDialog = InviteDialog::showFor(m_ws, this, m_sidebar->currentAccountId());
    connect(m_inviteDialog, &InviteDialog::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
}

// Live events (issue 5): the Live page (Ctrl+6), the webhooks of the selected account
// (Ctrl+7) and do-not-disturb (Ctrl+Shift+D), which the settings keep across restarts.
void MainWindow::createLiveActions()
{
    auto make = [this](const QString &objectName, const QString &text, const QKeySequence &key,
                       const QString &tip) {
        auto *a = new QAction(text, this);
        a->setObjectName(objectName);
        a->setShortcut(key);
        a->setToolTip(tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        addAction(a);
        return a;
    };
    m_liveAction = make(QStringLiteral("showLive"), tr("&Live events"), QKeySequence(tr("Ctrl+6")),
                        tr("New messages and accepted invitations as they happen"));
    m_webhooksAction = make(QStringLiteral("showWebhooks"), tr("&Webhooks"),
                            QKeySequence(tr("Ctrl+7")),
                            tr("Live events on or off, and the webhooks of the selected account"));
    m_dndAction = make(QStringLiteral("doNotDisturb"), tr("&Do not disturb"),
                       QKeySequence(tr("Ctrl+Shift+D")),
                       tr("No desktop notifications until turned off again"));
    m_dndAction->setCheckable(true);
    AppSettings *settings = m_ws->settings();
    m_dndAction->setChecked(settings->doNotDisturb());
    connect(m_liveAction, &QAction::triggered, this, &MainWindow::showLivePage);
    connect(m_webhooksAction, &QAction::triggered, this, &MainWindow::showWebhooksPage);
    connect(m_dndAction, &QAction::toggled, settings, &AppSettings::setDoNotDisturb);
    connect(settings, &AppSettings::changed, m_dndAction,
            [this, settings] { m_dndAction->setChecked(settings->doNotDisturb()); });
    connect(m_dndAction, &QAction::toggled, this, [this](bool on) {
        statusBar()->showMessage(on ? tr("Do not disturb: desktop notifications are off.")
                                    : tr("Desktop notifications are on again."),
                                 4000);
    });
    // An outage longer than LinkUp keeps events is found by the first gap fill, usually at start,
    // before anyone opened the Live page (which says it itself once built).
    connect(m_ws->live(), &LiveEvents::retentionExceeded, this, [this](const QString &accountId) {
        if (m_livePage)
            return;
        const std::optional<Account> account = m_ws->accounts()->find(accountId);
        const QString name = account && !account->name.isEmpty() ? account->name : accountId;
        m_messages->showMessage(
            MessageBar::Kind::Warning,
            tr("Events of %1 could not be read for more than 24 hours, longer than LinkUp keeps "
               "them, so some may be missing. Its inbox and invitations are being read again.")
                .arg(name),
            tr("Open Live events"), [this] { showLivePage(); });
    });
}

// Built on first use, like the other pages.
LivePage *MainWindow::livePage()
{
    if (m_livePage)
        return m_livePage;
    m_livePage = new LivePage(m_ws, m_pages);
    m_pages->addWidget(m_livePage);
    connect(m_livePage, &LivePage::openConversationRequested, this, &MainWindow::openConversation);
    connect(m_livePage, &LivePage::reconnectRequested, this, &MainWindow::reconnect);
    connect(m_livePage, &LivePage::manageRequested, this, &MainWindow::showWebhooksPage);
    return m_livePage;
}

WebhooksPage *MainWindow::webhooksPage()
{
    if (m_webhooksPage)
        return m_webhooksPage;
    m_webhooksPage = new WebhooksPage(m_ws, m_pages);
    m_pages->addWidget(m_webhooksPage);
    connect(m_webhooksPage, &WebhooksPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_webhooksPage->setAccountId(m_sidebar->currentAccountId());
    return m_webhooksPage;
}

void MainWindow::showLivePage()
{
    m_pages->setCurrentWidget(livePage());
    m_livePage->focusList();
}

void MainWindow::showWebhooksPage()
{
    m_pages->setCurrentWidget(webhooksPage());
}

void MainWindow::openConversation(const QString &accountId, const QString &conversationId,
                                  const QString &profileUrl)
{
    if (m_inboxPage->openConversation(accountId, conversationId, profileUrl)) {
        m_pages->setCurrentWidget(m_inboxPage);
        return;
    }
    // A message for a conversation not cached yet: LiveEvents is reading the account's newest
    // conversations; an accepted invitation has none until someone writes.
    statusBar()->showMessage(tr("This conversation is not in the inbox yet. It appears once the "
                                "account's inbox has been read (F5)."),
                             8000);
}

void MainWindow::showAndRaise()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    if (!m_painted) {
        m_painted = true;
        // Children paint in the same pass; announce once the whole frame is done.
        QMetaObject::invokeMethod(this, &MainWindow::firstPainted, Qt::QueuedConnection);
    }
}

} // namespace ld::ui
