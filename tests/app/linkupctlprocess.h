#pragma once
// Shared by the linkupctl end-to-end tests: one run of the real executable (LINKUPCTL_PATH)
// with its exit code and output. The run is awaited through the event loop, never a blocking
// wait, so a SandboxServer inside the test process keeps serving the child.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>

struct LinkupctlResult
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QString out;
    QString err;
    QStringList arguments;

    QStringList errLines() const { return err.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

// "accounts list --json" -> {"accounts", "list", "--json"}
inline QStringList words(const char *line)
{
    return QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

inline void startLinkupctl(QProcess *p, const QStringList &arguments, const QProcessEnvironment &env)
{
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(LINKUPCTL_PATH), arguments);
}

// Runs linkupctl with `input` on its stdin; a run that outlasts `timeoutMs` is killed.
inline LinkupctlResult runLinkupctl(const QStringList &arguments, const QProcessEnvironment &env,
    const QByteArray &input = {}, int timeoutMs = 60000)
{
    LinkupctlResult r;
    r.arguments = arguments;
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    startLinkupctl(&p, arguments, env);
    if (!p.waitForStarted(30000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    if (!finished.wait(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}
