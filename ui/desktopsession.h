#pragma once
// How linkup-desk starts, for real or as the demo: opens the profile and its database (a refused
// database is explained and never silently replaced), loads the API key from the keychain or
// asks for it (or offers the demo), then opens the main window and refreshes the accounts.
// The demo runs the sandbox server in-process on a throw-away profile with an in-memory key.
#include "support/profile.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

namespace ld {
class ApiKeyVault;
class SecretStore;
class Workspace;
}

namespace ld::ui {

class MainWindow;
class Notifier;
class StartupProbe;
class TrayIcon;

// The demo's server. The app's composition root makes it (a SandboxServer on 127.0.0.1:0), so
// that ui/ stays free of the network layer; `server` owns it for the session.
struct DemoServer
{
    std::unique_ptr<QObject> server;
    QUrl baseUrl;
    QString apiKey;
    QString error; // a sentence when it could not start
    // Makes the server emit a plausible live event every `msec` (0: stop), so that a person
    // trying the demo sees messages arrive.
    std::function<void(int msec)> setActivity;
    // A sample V1 export of `rows` rows (Seeds::sampleMigrationCsv), for the Migration page's
    // "Create a sample CSV…".
    std::function<QByteArray(int rows)> sampleMigrationCsv;
};
using DemoServerFactory = std::function<DemoServer()>;

struct StartOptions
{
    bool demo = false;
    QString profileDir;     // empty: the platform's app data location
    QString grabFile;       // --grab FILE
    bool quitAfterPaint = false;
    QElapsedTimer sinceMain; // started on the first line of main()
};

class DesktopSession : public QObject
{
    Q_OBJECT
public:
    DesktopSession(StartOptions options, DemoServerFactory demoFactory, QObject *parent = nullptr);
    ~DesktopSession() override;

    // Starts asynchronously; quitRequested() says when (and how) the app should end early.
    void start();

    MainWindow *mainWindow() const { return m_window.get(); }
    Workspace *workspace() const { return m_ws.get(); }
    ApiKeyVault *vault() const { return m_vault.get(); }
    QObject *demoServer() const { return m_demo.server.get(); }
    Notifier *notifier() const { return m_notifier.get(); }
    TrayIcon *tray() const { return m_tray.get(); } // null where the desktop has no tray
    static constexpr int DemoActivityMs = 20000;
    bool isDemo() const { return m_isDemo; }
    // True while no API call is in flight and no refresh is running.
    bool isSettled() const;

Q_SIGNALS:
    void quitRequested(int exitCode);
    void mainWindowShown(ld::ui::MainWindow *window);

private:
    void startNormal();
    void startDemo();
    void startDemoServer();
    void readServer();
    bool openWorkspace(const Profile &profile);
    void onKeyLoaded(bool found);
    void askForKey();
    void openMainWindow();
    void setUpLiveEvents(); // tray, notifications, and the worker following the API key
    void watchDemoAccounts();
    void teardown();
    void quit(int exitCode);

    StartOptions m_options;
    DemoServerFactory m_demoFactory;
    bool m_isDemo = false;
    Profile m_profile;
    DemoServer m_demo;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<ApiKeyVault> m_vault;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<Notifier> m_notifier;
    StartupProbe *m_probe = nullptr;
};

} // namespace ld::ui
