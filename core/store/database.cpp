#include "database.h"

#include "schema.h"
#include "support/logging.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtEndian>

namespace ld {

namespace {

QAtomicInt g_instances;

const QString kMemory = QStringLiteral(":memory:");

QString threadKey()
{
    return QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
}

// What the first 100 bytes of a file say, read without SQLite so that nothing, not even a
// -wal or -shm file, is created next to a file we are going to refuse.
struct FileHeader
{
    enum class Kind { Fresh, Sqlite, NotSqlite, Truncated, Unreadable };
    Kind kind = Kind::Fresh;
    int userVersion = 0;
};

FileHeader inspect(const QString &path)
{
    FileHeader h;
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return h; // SQLite treats an empty file as a new database
    if (!file.open(QIODevice::ReadOnly)) {
        h.kind = FileHeader::Kind::Unreadable;
        return h;
    }
    const qint64 size = file.size();
    const QByteArray head = file.read(100);
    static const QByteArray magic("SQLite format 3\0", 16);
    if (!head.startsWith(magic)) {
        h.kind = FileHeader::Kind::NotSqlite;
        return h;
    }
    if (head.size() < 100) {
        h.kind = FileHeader::Kind::Truncated;
        return h;
    }
    const auto u16 = [&](int at) { return qFromBigEndian<quint16>(head.constData() + at); };
    const auto u32 = [&](int at) { return qFromBigEndian<quint32>(head.constData() + at); };
    const qint64 pageSize = u16(16) == 1 ? 65536 : u16(16);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        h.kind = FileHeader::Kind::NotSqlite;
        return h;
    }
    // The page count in the header is trustworthy when its "valid for" counter matches.
    const qint64 pages = u32(24) == u32(92) ? qint64(u32(28)) : 0;
    if (size % pageSize != 0 || size < pages * pageSize) {
        h.kind = FileHeader::Kind::Truncated;
        return h;
    }
    h.kind = FileHeader::Kind::Sqlite;
    h.userVersion = qint32(u32(60));
    return h;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// Reads user_version and the schema; fails on a file SQLite cannot read.
bool probe(QSqlDatabase &db, int *userVersion, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    *userVersion = query.value(0).toInt();
    return true;
}

} // namespace

Database::Database(QObject *parent)
    : QObject(parent),
      m_connectionPrefix(QStringLiteral("ld-db-%1-").arg(g_instances.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    close();
}

bool Database::open(const QString &path)
{
    return openImpl(path, SchemaVersion);
}

bool Database::openAtVersion(const QString &path, int version)
{
    return openImpl(path, qBound(0, version, int(SchemaVersion)));
}

bool Database::openImpl(const QString &path, int targetVersion)
{
    close();
    m_openError = OpenError::None;
    m_errorString.clear();
    const bool memory = path == kMemory;
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    const QString file = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());

    const auto fail = [this](OpenError error, const QString &message) {
        m_openError = error;
        m_errorString = message;
        qCWarning(lcStore).noquote() << message;
        close();
        return false;
    };
    const auto newer = [&](int version) {
        return fail(OpenError::NewerVersion,
                    tr("This database was written by a newer version of LinkUp Desk (schema %1); "
                       "this version understands up to %2. Install the newer version, or move %3 "
                       "aside to start fresh.")
                        .arg(version)
                        .arg(SchemaVersion)
                        .arg(folder));
    };
    const auto notADatabase = [&](const QString &detail) {
        return fail(OpenError::NotADatabase,
                    tr("The file %1 is not a LinkUp Desk database, or it is damaged (%2). Nothing "
                       "was changed. Move it aside (rename it) and start LinkUp Desk again to "
                       "begin with a fresh database.")
                        .arg(file, detail));
    };

    if (!memory) {
        const FileHeader header = inspect(path);
        switch (header.kind) {
        case FileHeader::Kind::NotSqlite:
            return notADatabase(tr("it does not start like an SQLite database"));
        case FileHeader::Kind::Truncated:
            return notADatabase(tr("the file is shorter than its header says; it was probably "
                                   "cut off while being copied"));
        case FileHeader::Kind::Unreadable:
            return fail(OpenError::CannotOpen,
                        tr("The database %1 could not be read. Check that you may read and write "
                           "it, or move %2 aside to start fresh.")
                            .arg(file, folder));
        case FileHeader::Kind::Sqlite:
            if (header.userVersion > SchemaVersion)
                return newer(header.userVersion);
            break;
        case FileHeader::Kind::Fresh:
            break;
        }
        m_databaseName = path;
    } else {
        // A named shared-cache memory database, so every thread's connection sees the same
        // data; it lives as long as this object's own connection stays open.
        m_databaseName =
            QStringLiteral("file:%1memory?mode=memory&cache=shared").arg(m_connectionPrefix);
    }
    m_path = path;

    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        return fail(OpenError::CannotOpen,
                    tr("The database %1 could not be opened (%2). Check that the folder exists "
                       "and that you may write there.")
                        .arg(file, db.lastError().text()));
    }
    int onDisk = 0;
    QString error;
    if (!probe(db, &onDisk, &error))
        return notADatabase(error);
    // The header check cannot see a version bump still sitting in a -wal file.
    if (onDisk > SchemaVersion)
        return newer(onDisk);
    if (!memory && !exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), &error))
        qCWarning(lcStore) << "WAL mode could not be enabled:" << error;

    if (onDisk < targetVersion && !migrate(onDisk, targetVersion)) {
        return fail(OpenError::MigrationFailed,
                    tr("The database %1 could not be upgraded from schema %2 to %3 (%4). It was "
                       "left as it was. Make a copy of %5 and report the problem.")
                        .arg(file)
                        .arg(onDisk)
                        .arg(targetVersion)
                        .arg(m_errorString, folder));
    }
    return true;
}

bool Database::migrate(int from, int to)
{
    QSqlDatabase db = connection();
    for (int version = from + 1; version <= to; ++version) {
        if (!db.transaction()) {
            m_errorString = db.lastError().text();
            return false;
        }
        QString error;
        bool ok = false;
        switch (version) {
        case 1: ok = schema::migrateTo1(db, &error); break;
        case 2: ok = schema::migrateTo2(db, &error); break;
        case 3: ok = schema::migrateTo3(db, &error); break;
        case 4: ok = schema::migrateTo4(db, &error); break;
        case 5: ok = schema::migrateTo5(db, &error); break;
        case 6: ok = schema::migrateTo6(db, &error); break;
        case 7: ok = schema::migrateTo7(db, &error); break;
        case 8: ok = schema::migrateTo8(db, &error); break;
        default: error = QStringLiteral("no migration step to version %1").arg(version); break;
        }
        // user_version lives in the file header and is part of the transaction.
        if (ok)
            ok = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version), &error);
        if (ok && !db.commit()) {
            ok = false;
            error = db.lastError().text();
        }
        if (!ok) {
            db.rollback();
            m_errorString = error;
            qCWarning(lcStore) << "migration to schema" << version << "failed:" << error;
            return false;
        }
        qCInfo(lcStore) << "database migrated to schema" << version;
    }
    return true;
}

void Database::close()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix))
            QSqlDatabase::removeDatabase(name);
    }
    m_databaseName.clear();
}

bool Database::isOpen() const
{
    return !m_databaseName.isEmpty() && connection().isOpen();
}

int Database::userVersion() const
{
    if (m_databaseName.isEmpty())
        return -1;
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QSqlDatabase Database::connection() const
{
    if (m_databaseName.isEmpty())
        return {};
    const QString name = m_connectionPrefix + threadKey();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_databaseName);
    if (m_databaseName.startsWith(QLatin1String("file:")))
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI"));
    if (!db.open()) {
        qCWarning(lcStore) << "cannot open" << m_path << db.lastError().text();
        return db;
    }
    // Per-connection settings; journal_mode=WAL is persistent and set once by open().
    exec(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    exec(db, QStringLiteral("PRAGMA busy_timeout = 5000"));

    // Connections belong to their thread: drop this one when its thread ends.
    QThread *thread = QThread::currentThread();
    if (thread != QObject::thread()) {
        QObject::connect(thread, &QThread::finished, [name] {
            {
                QSqlDatabase db = QSqlDatabase::database(name, false);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        });
    }
    return db;
}

} // namespace ld
