#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstdio>

Q_LOGGING_CATEGORY(lcApi, "ld.api")
Q_LOGGING_CATEGORY(lcStore, "ld.store")
Q_LOGGING_CATEGORY(lcSecrets, "ld.secrets")
Q_LOGGING_CATEGORY(lcSync, "ld.sync")
Q_LOGGING_CATEGORY(lcSandbox, "ld.sandbox")
Q_LOGGING_CATEGORY(lcUi, "ld.ui")

namespace ld::logging {

namespace {

constexpr qint64 kMaxLogBytes = 5 * 1024 * 1024;
constexpr int kLogFilesKept = 3; // linkup-desk.log, .log.1, .log.2
// Shorter values would mask ordinary words all over the log.
constexpr int kMinSecretLength = 4;

const QString kMask = QStringLiteral("***");

struct SecretRegistry
{
    QMutex mutex;
    QHash<QString, int> counts; // registered twice -> forgotten twice
};

SecretRegistry &secrets()
{
    static SecretRegistry registry;
    return registry;
}

struct FileLog
{
    QMutex mutex;
    QFile file;
    QString path;
};

FileLog &fileLog()
{
    static FileLog log;
    return log;
}

QString filePathFor(const QString &base, int index)
{
    return index == 0 ? base : base + QLatin1Char('.') + QString::number(index);
}

void rotateLocked(FileLog &log)
{
    log.file.close();
    QFile::remove(filePathFor(log.path, kLogFilesKept - 1));
    for (int i = kLogFilesKept - 2; i >= 0; --i)
        QFile::rename(filePathFor(log.path, i), filePathFor(log.path, i + 1));
    log.file.setFileName(log.path);
    log.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "?";
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
                   + QLatin1String(levelName(type)) + QLatin1Char(' ');
    if (context.category && qstrcmp(context.category, "default") != 0)
        line += QLatin1String(context.category) + QStringLiteral(": ");
    line += redact(message);

    const QByteArray bytes = line.toUtf8() + '\n';
    {
        FileLog &log = fileLog();
        QMutexLocker locker(&log.mutex);
        if (log.file.isOpen()) {
            if (log.file.size() > 0 && log.file.size() + bytes.size() > kMaxLogBytes)
                rotateLocked(log);
            log.file.write(bytes);
            log.file.flush(); // a crash must not lose the lines that explain it
        }
    }
    if (type != QtDebugMsg && type != QtInfoMsg) {
        std::fputs(bytes.constData(), stderr);
        std::fflush(stderr);
    }
}

} // namespace

QString redact(const QString &line)
{
    // Query items and form fields that carry credentials: api_key=..., login_token=...
    static const QRegularExpression queryItem(
        QStringLiteral(R"re(\b(api[_-]?key|login_token|access_token|password)=[^&\s#"',;]+)re"),
        QRegularExpression::CaseInsensitiveOption);
    // Header lines: "x-api-key: ...", "Authorization: Bearer ..."; also JSON-ish "x-api-key":"..."
    static const QRegularExpression apiKeyHeader(
        QStringLiteral(R"re(\b(x-api-key"?\s*[:=]\s*"?)[^\s",;]+)re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression authorization(
        QStringLiteral(R"re(\b(authorization"?\s*[:=]\s*"?)((?:bearer|basic|token)\s+)?[^\s",;]+)re"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression jsonField(
        QStringLiteral(R"re("(api_key|login_token|password)"\s*:\s*"[^"]*")re"),
        QRegularExpression::CaseInsensitiveOption);

    QString out = line;
    out.replace(queryItem, QStringLiteral("\\1=***"));
    out.replace(apiKeyHeader, QStringLiteral("\\1***"));
    out.replace(authorization, QStringLiteral("\\1\\2***"));
    out.replace(jsonField, QStringLiteral("\"\\1\":\"***\""));

    QStringList values;
    {
        SecretRegistry &reg = secrets();
        QMutexLocker locker(&reg.mutex);
        values = reg.counts.keys();
    }
    // Longest first, so a secret containing another one is masked whole.
    std::sort(values.begin(), values.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &value : std::as_const(values))
        out.replace(value, kMask);
    return out;
}

void registerSecret(const QString &secret)
{
    if (secret.size() < kMinSecretLength)
        return;
    SecretRegistry &reg = secrets();
    QMutexLocker locker(&reg.mutex);
    ++reg.counts[secret];
}

void forgetSecret(const QString &secret)
{
    SecretRegistry &reg = secrets();
    QMutexLocker locker(&reg.mutex);
    auto it = reg.counts.find(secret);
    if (it != reg.counts.end() && --it.value() <= 0)
        reg.counts.erase(it);
}

void installFileLog(const QString &logDir)
{
    QDir().mkpath(logDir);
    {
        FileLog &log = fileLog();
        QMutexLocker locker(&log.mutex);
        log.file.close();
        log.path = QDir(logDir).filePath(QStringLiteral("linkup-desk.log"));
        log.file.setFileName(log.path);
        if (!log.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            std::fprintf(stderr, "LinkUp Desk: cannot write the log file %s: %s\n",
                         qPrintable(log.path), qPrintable(log.file.errorString()));
        }
    }
    qInstallMessageHandler(messageHandler);
}

} // namespace ld::logging
