#include "desktopsession.h"

#include "bulkrunbar.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "migrationpage.h"
#include "notifier.h"
#include "startupprobe.h"
#include "trayicon.h"
#include "welcomedialog.h"

#include "api/apiclient.h"
#include "migration/migrationrunner.h"
#include "models/callsmodel.h"
#include "secrets/apikeyvault.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/secretstore.h"
#include "support/appsettings.h"
#include "support/logging.h"
#include "inboxpage.h"
#include "sync/accountssync.h"
#include "sync/inboxsync.h"
#include "store/accountrepository.h"
#include "store/liveeventrepository.h"
#include "sync/invitationqueue.h"
#include "sync/liveevents.h"
#include "sync/outbox.h"
#include "sync/postpublisher.h"
#include "sync/workspace.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>

namespace ld::ui {

namespace {

void showCritical(const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Critical, title, text, QMessageBox::Ok);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

// Renames the database (and its WAL/SHM companions) out of the way; returns the new name.
QString moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString target = path + QStringLiteral(".unreadable-") + stamp;
    if (!QFile::rename(path, target))
        return {};
    for (const char *suffix : { "-wal", "-shm" }) {
        const QString companion = path + QLatin1String(suffix);
        if (QFile::exists(companion))
            QFile::rename(companion, target + QLatin1String(suffix));
    }
    return target;
}

} // namespace

DesktopSession::DesktopSession(StartOptions options, DemoServerFactory demoFactory, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_demoFactory(std::move(demoFactory))
{
    if (!m_options.sinceMain.isValid())
        m_options.sinceMain.start();
}

DesktopSession::~DesktopSession()
{
    teardown();
}

void DesktopSession::teardown()
{
    // A migration this process drives is left paused, saying so, for the next start to offer.
    if (m_ws)
        MigrationPage::pauseForQuit(m_ws->migrationRunner(), m_ws->migrations());
    // The window uses the workspace, which uses the server: tear down in that order.
    m_notifier.reset();
    m_tray.reset();
    m_window.reset();
    m_ws.reset();
    m_vault.reset();
    m_secrets.reset();
    m_demo = DemoServer();
    if (m_profile.isThrowAway())
        m_profile.removeThrowAway();
    m_profile = Profile();
}

void DesktopSession::start()
{
    if (m_options.demo)
        startDemo();
    else
        startNormal();
}

void DesktopSession::quit(int exitCode)
{
    // Queued: start() may run before the event loop, where an immediate exit would be lost.
    QMetaObject::invokeMethod(this, [this, exitCode] { Q_EMIT quitRequested(exitCode); },
                              Qt::QueuedConnection);
}

bool DesktopSession::openWorkspace(const Profile &profile)
{
    for (;;) {
        auto ws = std::make_unique<Workspace>(profile);
        if (ws->open()) {
            m_ws = std::move(ws);
            return true;
        }
        const QString dbPath = profile.databasePath();
        if (!QFileInfo::exists(dbPath)) {
            showCritical(tr("LinkUp Desk cannot start"), ws->errorString());
            return false;
        }
        // A database from a newer version or a file that is not one: explain, never replace.
        QMessageBox box(QMessageBox::Critical, tr("The database cannot be opened"),
                        ws->errorString(), QMessageBox::NoButton);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(
            tr("The file %1 has been left untouched.\n\n“Move aside and start fresh” renames it "
               "and creates a new, empty database; your accounts are read again from the "
               "server. Your API key stays in the keychain.")
                .arg(QDir::toNativeSeparators(dbPath)));
        QPushButton *fresh = box.addButton(tr("Move aside and start fresh"),
                                           QMessageBox::AcceptRole);
        QPushButton *quitButton = box.addButton(tr("Quit"), QMessageBox::RejectRole);
        box.setDefaultButton(quitButton);
        box.exec();
        if (box.clickedButton() != fresh)
            return false;
        ws.reset();
        if (moveAside(dbPath).isEmpty()) {
            showCritical(tr("LinkUp Desk cannot start"),
                         tr("The database could not be moved aside. Move or delete %1 yourself, "
                            "then start LinkUp Desk again.")
                             .arg(QDir::toNativeSeparators(dbPath)));
            return false;
        }
    }
}

void DesktopSession::startNormal()
{
    m_isDemo = false;
    m_profile = Profile::open(m_options.profileDir);
    if (!m_profile.isValid()) {
        showCritical(tr("LinkUp Desk cannot start"), m_profile.error());
        quit(1);
        return;
    }
    logging::installFileLog(m_profile.logDir());
    if (!openWorkspace(m_profile)) {
        quit(1);
        return;
    }
    m_secrets = std::make_unique<KeychainSecretStore>(m_profile.keychainService());
    m_vault = std::make_unique<ApiKeyVault>(m_secrets.get());
    connect(m_vault.get(), &ApiKeyVault::loaded, this, &DesktopSession::onKeyLoaded,
            Qt::SingleShotConnection);
    m_vault->load();
}

void DesktopSession::onKeyLoaded(bool found)
{
    if (found)
        openMainWindow();
    else
        askForKey();
}

void DesktopSession::askForKey()
{
    WelcomeDialog dialog(m_secrets->backendName(), m_vault->lastProblem());
    dialog.exec();
    switch (dialog.choice()) {
    case WelcomeDialog::Choice::UseKey:
        m_vault->setKey(dialog.key()); // saved() follows; the main window shows a session-only key
        openMainWindow();
        break;
    case WelcomeDialog::Choice::TryDemo:
        teardown();
        startDemo();
        break;
    case WelcomeDialog::Choice::Quit:
        quit(0);
        break;
    }
}

void DesktopSession::startDemo()
{
    m_isDemo = true;
    m_profile = Profile::throwAway();
    if (!m_profile.isValid() || !openWorkspace(m_profile)) {
        if (!m_profile.isValid())
            showCritical(tr("The demo cannot start"), m_profile.error());
        quit(1);
        return;
    }
    // The demo never touches the keychain: its key lives in memory only.
    m_secrets = std::make_unique<MemorySecretStore>();
    m_vault = std::make_unique<ApiKeyVault>(m_secrets.get());
    openMainWindow();
    // Seeding the sandbox costs more than building the window, and the first frame shows an
    // empty profile either way (its accounts and inbox arrive over HTTP): start the server
    // once the window has painted.
    connect(m_window.get(), &MainWindow::firstPainted, this, &DesktopSession::startDemoServer,
            Qt::SingleShotConnection);
}

void DesktopSession::startDemoServer()
{
    m_demo = m_demoFactory ? m_demoFactory() : DemoServer();
    if (!m_demo.server) {
        showCritical(tr("The demo cannot start"),
                     m_demo.error.isEmpty() ? tr("The built-in sandbox server did not start.")
                                            : m_demo.error);
        quit(1);
        return;
    }
    m_ws->settings()->setBaseUrl(m_demo.baseUrl);
    m_vault->setKey(m_demo.apiKey); // keyChanged hands it to the client
    m_window->setSampleMigrationCsv(m_demo.sampleMigrationCsv);
    readServer();
    // A demo shows live events at work: its accounts are watched (the sandbox bills nothing
    // real) and the server writes now and then.
    connect(m_ws->accountsSync(), &AccountsSync::refreshed, this, &DesktopSession::watchDemoAccounts,
            Qt::SingleShotConnection);
}

void DesktopSession::watchDemoAccounts()
{
    for (const Account &a : m_ws->accounts()->all()) {
        if (a.isActive)
            m_ws->live()->setMonitored(a.id, true);
    }
    if (m_demo.setActivity)
        m_demo.setActivity(DemoActivityMs);
}

void DesktopSession::setUpLiveEvents()
{
    MainWindow *window = m_window.get();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *show = new QAction(tr("&Show LinkUp Desk"), window);
        connect(show, &QAction::triggered, window, &MainWindow::showAndRaise);
        auto *quit = window->findChild<QAction *>(QStringLiteral("quit"));
        m_tray = std::make_unique<TrayIcon>(m_ws->conversations(), show,
                                            window->doNotDisturbAction(), quit);
        connect(m_tray.get(), &TrayIcon::activated, window, &MainWindow::showAndRaise);
    }
    m_notifier = std::make_unique<Notifier>(
        m_ws->settings(), Notifier::platformBackend(m_tray ? m_tray->icon() : nullptr));
    m_notifier->watch(m_ws->live(), m_ws->liveEvents(), m_ws->accounts());
    connect(m_notifier.get(), &Notifier::openConversationRequested, window,
            [window](const QString &account, const QString &conversation, const QString &profile) {
                window->showAndRaise();
                window->openConversation(account, conversation, profile);
            });
    connect(m_notifier.get(), &Notifier::reconnectRequested, window,
            [window](const QString &account) {
                window->showAndRaise();
                window->reconnect(account);
            });
    connect(m_notifier.get(), &Notifier::showLiveRequested, window, [window] {
        window->showAndRaise();
        window->showLivePage();
    });
    // A new key (Settings, or the demo's) restarts the worker with it; none stops it.
    connect(m_vault.get(), &ApiKeyVault::keyChanged, this,
            [this] { m_ws->live()->start(m_vault->key()); });
}

void DesktopSession::openMainWindow()
{
    ApiClient *client = m_ws->client();
    client->setApiKey(m_vault->key());
    connect(m_vault.get(), &ApiKeyVault::keyChanged, client,
            [client, vault = m_vault.get()] { client->setApiKey(vault->key()); });
    if (!m_isDemo)
        m_ws->settings()->setFirstRunDone(true);
    // A migration whose process died is Paused before anything shows it (nothing is called:
    // the person resumes it on the Migration page).
    if (MigrationRunner *runner = m_ws->migrationRunner())
        runner->recoverInterrupted();

    m_window = std::make_unique<MainWindow>(m_ws.get(), m_vault.get(), m_secrets->backendName(),
                                            m_isDemo);
    if (m_options.quitAfterPaint || !m_options.grabFile.isEmpty()) {
        m_probe = new StartupProbe(m_options.sinceMain, this);
        m_probe->setQuitAfterPaint(m_options.quitAfterPaint);
        m_probe->setGrabFile(m_options.grabFile);
        m_probe->watch(m_window.get(), [this] { return isSettled(); });
        connect(m_probe, &StartupProbe::finished, this, &DesktopSession::quit);
    }
    setUpLiveEvents();
    m_window->show();
    m_window->noticeWaitingMigration();
    Q_EMIT mainWindowShown(m_window.get());

    if (m_isDemo) {
        // The demo starts on an empty profile: read its inbox once the accounts are known, so
        // there is something to triage. A real profile opens on its cache; F5 reads more.
        connect(m_ws->accountsSync(), &AccountsSync::refreshed, m_window->inboxPage(),
                &InboxPage::refresh, Qt::SingleShotConnection);
    }
    if (m_vault->hasKey())
        readServer();
}

void DesktopSession::readServer()
{
    m_ws->accountsSync()->refreshAll();
    m_ws->accountsSync()->refreshBalance();
    // What an earlier run left: queued messages are sent (once), interrupted sends verified.
    m_ws->outbox()->resume();
    // The same for bulk invitation runs; a run that a crash interrupted waits, paused, for the
    // person to resume or cancel it on the Invitations page.
    m_ws->invitationQueue()->resume();
    // Posts: an interrupted publish is finished or marked unknown, future scheduled posts are
    // armed, and those whose time passed while the app was closed are asked about (the main
    // window shows them), never published on their own.
    m_ws->postPublisher()->resume();
    // Live events of the watched accounts (none unless the person turned some on).
    m_ws->live()->start(m_vault->key());
    // Its page is built on first use, so the window says so at once.
    const QString interrupted = BulkRunBar::interruptedRunsNotice(m_ws->runs());
    if (!interrupted.isEmpty() && m_window) {
        MainWindow *window = m_window.get();
        window->messageBar()->showMessage(MessageBar::Kind::Warning, interrupted,
                                          tr("Open Invitations"),
                                          [window] { window->showInvitations(); });
    }
}

bool DesktopSession::isSettled() const
{
    return m_ws && m_window && !m_ws->accountsSync()->isBusy() && !m_ws->inboxSync()->isBusy()
        && !m_window->inboxPage()->isRefreshing() && m_ws->client()->activeCalls().isEmpty();
}

} // namespace ld::ui
