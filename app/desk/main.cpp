// linkup-desk: the GUI's composition root. Parses the command line, makes the demo's sandbox
// server when asked (ui/ stays free of the network layer), and hands over to DesktopSession.
#include "desktopsession.h"
#include "icons.h"
#include "translations.h"
#include "version.h"

#include "sandbox/sandboxserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLoggingCategory>

namespace {

ld::ui::DemoServer startSandbox()
{
    ld::ui::DemoServer demo;
    auto server = std::make_unique<ld::sandbox::SandboxServer>();
    if (!server->listen(0, QHostAddress::LocalHost)) {
        demo.error = QCoreApplication::translate("main", "The built-in sandbox server could not "
                                                         "listen on 127.0.0.1.");
        return demo;
    }
    demo.baseUrl = server->baseUrl();
    demo.apiKey = server->apiKey();
    demo.setActivity = [s = server.get()](int msec) { s->setDemoActivity(msec); };
    demo.sampleMigrationCsv = &ld::sandbox::Seeds::sampleMigrationCsv;
    demo.server = std::move(server);
    return demo;
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("linkup-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("LinkUp"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("linkupapi.com"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LD_VERSION));
}

// --help and --version must work without a display (CI, packaging checks, ssh).
bool wantsInfoOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all"
            || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // Per-call debug lines belong in the profile's log file, not on a user's terminal;
    // QT_LOGGING_RULES (or LD_DEBUG=1) turns them back on.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES") && qEnvironmentVariableIsEmpty("LD_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("ld.*.debug=false"));

    std::unique_ptr<QCoreApplication> app;
    if (wantsInfoOnly(argc, argv)) {
        app = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        app = std::make_unique<QApplication>(argc, argv);
        QApplication::setApplicationDisplayName(QStringLiteral(LD_APP_NAME));
        QGuiApplication::setDesktopFileName(QStringLiteral("linkup-desk"));
        QApplication::setWindowIcon(ld::ui::icons::app());
    }
    ld::ui::installTranslations(app.get());
    setIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "LinkUp Desk: a desktop client for the LinkUp V2 API."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
        QApplication::translate("main", "Open a demo workspace on the built-in sandbox server "
                                        "(throw-away data, no API key, keychain untouched)."));
    const QCommandLineOption profile(QStringLiteral("profile"),
        QApplication::translate("main", "Keep the database, settings and logs under <dir> "
                                        "(created if missing)."),
        QStringLiteral("dir"));
    const QCommandLineOption grab(QStringLiteral("grab"),
        QApplication::translate("main", "Save a screenshot of the main window to <file> once it "
                                        "has painted and loaded, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption quitAfterPaint(QStringLiteral("quit-after-paint"),
        QApplication::translate("main", "Print the time to the first painted frame and the peak "
                                        "memory, then quit (for benchmarks)."));
    parser.addOptions({ demo, profile, grab, quitAfterPaint });
    parser.process(*app); // exits here for --help and --version

    ld::ui::StartOptions options;
    options.demo = parser.isSet(demo);
    options.profileDir = parser.value(profile);
    options.grabFile = parser.value(grab);
    options.quitAfterPaint = parser.isSet(quitAfterPaint);
    options.sinceMain = sinceMain;

    ld::ui::DesktopSession session(options, &startSandbox);
    QObject::connect(&session, &ld::ui::DesktopSession::quitRequested, app.get(),
                     &QCoreApplication::exit);
    session.start();
    return QCoreApplication::exec();
}
