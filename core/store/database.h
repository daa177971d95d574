#pragma once
// The local SQLite store (ARCHITECTURE.md §3 "Store"): WAL mode, one connection per thread,
// schema migrations by PRAGMA user_version (one migrateToN step each, in one transaction).
// A database written by a newer LinkUp Desk is refused and left untouched; a file that is not
// a readable SQLite database is refused with a way out (move it aside), never replaced.
#include <QObject>
#include <QSqlDatabase>
#include <QString>

namespace ld {

class Database : public QObject
{
    Q_OBJECT
public:
    static constexpr int SchemaVersion = 8; // raise by one with each new migrateToN()

    enum class OpenError { None, CannotOpen, NewerVersion, NotADatabase, MigrationFailed };

    explicit Database(QObject *parent = nullptr);
    ~Database() override;

    // path may be ":memory:" for tests. Migrates to SchemaVersion. Returns false with
    // openError()/errorString() set; a refused file is never modified.
    bool open(const QString &path);
    // Opens without migrating further than `version` (tests build every older schema this way).
    bool openAtVersion(const QString &path, int version);
    void close();
    bool isOpen() const;

    OpenError openError() const { return m_openError; }
    QString errorString() const { return m_errorString; } // a sentence for a person
    QString path() const { return m_path; }
    int userVersion() const;

    // This thread's connection to the same file (created on first use per thread).
    QSqlDatabase connection() const;

private:
    bool openImpl(const QString &path, int targetVersion);
    bool migrate(int from, int to);
    QString m_path;         // as given to open(), ":memory:" included
    QString m_databaseName; // what SQLite opens; empty when closed
    QString m_connectionPrefix;
    OpenError m_openError = OpenError::None;
    QString m_errorString;
};

} // namespace ld
