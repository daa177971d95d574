#pragma once
// The app's own per-account log: every API call, its outcome and cost. Never holds secrets:
// no API key, no V1 token, no password, no request bodies.
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace ld {

class Database;

struct ActivityEntry
{
    qint64 id = 0;
    QDateTime at;        // UTC, when the call ended
    QString accountId;   // may be empty
    QString action;      // "list_inbox", "login", ...
    bool ok = false;
    int httpStatus = 0;
    QString errorCode;   // API code or ApiError kind name
    QString message;     // a sentence for a person ("Connected", or ApiError::userMessage())
    int credits = 0;
    int durationMs = 0;
    int attempts = 1;
};

class ActivityLog : public QObject
{
    Q_OBJECT
public:
    explicit ActivityLog(Database *db, QObject *parent = nullptr);

    qint64 append(const ActivityEntry &entry); // returns the new id, 0 on failure
    QList<ActivityEntry> forAccount(const QString &accountId, int limit = 200) const; // newest first
    QList<ActivityEntry> recent(int limit = 200) const;                              // all accounts
    int pruneOlderThan(const QDateTime &cutoff);

Q_SIGNALS:
    void appended(const QString &accountId, qint64 id);

private:
    Database *m_db;
};

} // namespace ld
