// linkupctl: scripting and batch work on the LinkUp Desk core (issue 2, item 10).
#include "cli.h"
#include "terminal.h"
#include "version.h"

#include "support/logging.h"

#include <QCoreApplication>

#include <cstdio>

// The core logs to its categories; a command's stderr is kept for the one error line people
// and scripts read. LINKUPCTL_VERBOSE=1 shows the (redacted) log there as well.
static void logHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    static const bool verbose = qEnvironmentVariableIntValue("LINKUPCTL_VERBOSE") > 0;
    if (!verbose && type != QtFatalMsg)
        return;
    std::fprintf(stderr, "%s\n", ld::logging::redact(message).toLocal8Bit().constData());
    std::fflush(stderr);
}

int main(int argc, char *argv[])
{
    qInstallMessageHandler(logHandler);
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LinkUp Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("linkupctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LD_VERSION));
    ld::ctl::SignalWatcher::install(&app);
    return ld::ctl::run(QCoreApplication::arguments());
}
