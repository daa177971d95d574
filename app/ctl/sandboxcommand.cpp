// sandbox --port N [--api-key K]: the local LinkUp V2 sandbox, in this process, until SIGINT
// or SIGTERM. The first two lines are exact, for scripts and tests to read.
#include "commands.h"
#include "terminal.h"

#include "sandbox/sandboxserver.h"

#include <QEventLoop>

namespace ld::ctl {

int sandbox(const GlobalOptions &, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(
            args, { QStringLiteral("--port"), QStringLiteral("--api-key") }, {}, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    bool ok = true;
    const QString portText = parsed.value(QStringLiteral("--port"));
    const uint port = portText.isEmpty() ? 0 : portText.toUInt(&ok);
    if (!ok || port > 65535)
        return usageError(QStringLiteral("--port takes a number from 0 to 65535"));

    sandbox::SandboxServer server;
    if (parsed.has(QStringLiteral("--api-key"))) {
        const QString key = parsed.value(QStringLiteral("--api-key")).trimmed();
        if (key.isEmpty())
            return usageError(QStringLiteral("--api-key needs a non-empty key"));
        server.setApiKey(key);
    }
    if (!server.listen(quint16(port)))
        return fail(
            QStringLiteral("cannot listen on 127.0.0.1:%1 (is the port in use?)").arg(port));

    printLine(QStringLiteral("listening on %1").arg(server.port()));
    printLine(QStringLiteral("api key: %1").arg(server.apiKey()));

    if (SignalWatcher::wasSignalled())
        return ExitOk;
    QEventLoop loop;
    QObject::connect(
        SignalWatcher::instance(), &SignalWatcher::signalled, &loop, [&] { loop.quit(); });
    loop.exec();
    return ExitOk;
}

} // namespace ld::ctl
