#include "profile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>

namespace ld {

namespace {

QString defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString canonical(const QString &dir)
{
    const QString c = QFileInfo(dir).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(QDir(dir).absolutePath()) : c;
}

// QFileInfo::isWritable() says yes to root for any directory and no on some network
// shares that accept writes, so try the real thing.
bool canWriteIn(const QString &dir)
{
    QTemporaryFile probe(dir + QStringLiteral("/.write-test-XXXXXX"));
    return probe.open();
}

} // namespace

Profile Profile::open(const QString &dir)
{
    Profile p;
    const QString wanted = dir.isEmpty() ? defaultDir() : dir;
    if (wanted.isEmpty()) {
        p.m_error = QObject::tr("No folder for the profile could be determined on this system. "
                                "Start LinkUp Desk with --profile DIR to choose one.");
        return p;
    }
    if (!QDir().mkpath(wanted)) {
        p.m_error = QObject::tr("The profile folder %1 could not be created. Check that its parent "
                                "folder exists and that you may write there, or choose another "
                                "folder with --profile DIR.")
                        .arg(QDir::toNativeSeparators(wanted));
        return p;
    }
    const QString dirPath = canonical(wanted);
    if (!canWriteIn(dirPath)) {
        p.m_error = QObject::tr("The profile folder %1 is not writable. Check its permissions, or "
                                "choose another folder with --profile DIR.")
                        .arg(QDir::toNativeSeparators(dirPath));
        return p;
    }
    p.m_dir = dirPath;
    QDir(dirPath).mkpath(QStringLiteral("logs"));
    return p;
}

Profile Profile::throwAway()
{
    QTemporaryDir tmp(QDir::tempPath() + QStringLiteral("/linkup-desk-XXXXXX"));
    if (!tmp.isValid()) {
        Profile p;
        p.m_error = QObject::tr("A temporary profile could not be created: %1").arg(tmp.errorString());
        return p;
    }
    tmp.setAutoRemove(false); // the caller removes it with removeThrowAway()
    Profile p = open(tmp.path());
    p.m_throwAway = true;
    return p;
}

QString Profile::databasePath() const
{
    return m_dir.isEmpty() ? QString() : m_dir + QStringLiteral("/linkup-desk.sqlite");
}

QString Profile::settingsPath() const
{
    return m_dir.isEmpty() ? QString() : m_dir + QStringLiteral("/settings.ini");
}

QString Profile::logDir() const
{
    return m_dir.isEmpty() ? QString() : m_dir + QStringLiteral("/logs");
}

QString Profile::id() const
{
    if (m_dir.isEmpty())
        return {};
    const QByteArray hash = QCryptographicHash::hash(m_dir.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toHex().left(10));
}

QString Profile::keychainService() const
{
    const QString base = QStringLiteral("LinkUp Desk");
    const QString def = defaultDir();
    if (!m_throwAway && !def.isEmpty() && canonical(def) == m_dir)
        return base;
    return base + QStringLiteral(" (") + id() + QLatin1Char(')');
}

void Profile::removeThrowAway() const
{
    if (m_throwAway && !m_dir.isEmpty())
        QDir(m_dir).removeRecursively();
}

} // namespace ld
