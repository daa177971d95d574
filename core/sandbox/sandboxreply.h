#pragma once
// The sandbox's replies: the V2 envelope of contract §1.4 built by hand, the error codes of
// §1.5, and a small reader for request parameters that collects every problem into one
// INVALID_PARAMS message (as the real API names what is missing or invalid).
#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <initializer_list>
#include <utility>

namespace ld::sandbox {

// The contract shows two server timestamp formats; the sandbox uses both (§1.4).
enum class TimeStyle {
    Zulu, // "2026-04-26T10:35:00Z"
    Micro, // "2025-01-15T10:32:00.000000" (no zone designator, UTC)
};
QString formatTime(const QDateTime &utc, TimeStyle style);
QString isoMillis(const QDateTime &utc); // "2025-01-15T10:31:00.123Z" (events' created_at)
// Accepts "…Z", "…+hh:mm", and zone-less forms (read as UTC) with any fraction length.
QDateTime parseTime(const QString &text);

// Builds a QJsonObject from C-string keys; QT_NO_CAST_FROM_ASCII makes the plain
// initializer-list form verbose.
QJsonObject obj(std::initializer_list<std::pair<const char *, QJsonValue>> fields);
inline QString str(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

struct Reply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    bool success = false;
    int credits = 0; // charged by the server when the reply is a success
    QJsonObject envelope; // the body as JSON, kept so faults can rewrite it
};

Reply okReply(const QString &action, const QJsonValue &data, int credits = 0,
    const QString &accountId = {}, TimeStyle style = TimeStyle::Zulu);
Reply errorReply(int status, const QString &code, const QString &message, const QString &action,
    TimeStyle style = TimeStyle::Zulu);
// Re-serialises reply.envelope into reply.body (after a fault or handler edited it).
void rebuildBody(Reply &reply);

namespace err {
Reply invalidApiKey(const QString &action);
Reply invalidAccount(const QString &action, const QString &accountId);
Reply accountInactive(const QString &action, const QString &accountId);
Reply invalidAction(const QString &action, const QString &category);
Reply invalidParams(const QString &action, const QString &message);
Reply insufficientCredits(const QString &action, qint64 needed, qint64 balance);
Reply notFound(const QString &action, const QString &code, const QString &message);
} // namespace err

// Reads action params; every failed read is remembered and reported together.
class Params
{
public:
    explicit Params(const QJsonObject &object)
        : m_o(object)
    { }
    bool has(const char *key) const;
    QString string(const char *key, bool required = false);
    // The first present key of `keys` (aliases such as profile_url / linkedin_url).
    QString anyString(std::initializer_list<const char *> keys, bool required);
    qint64 integer(const char *key, qint64 fallback, qint64 min, qint64 max);
    bool boolean(const char *key, bool fallback);
    QStringList stringList(const char *key); // must be an array of strings when present
    QJsonObject object(const char *key); // must be an object when present
    void invalid(const QString &problem) { m_invalid << problem; }
    bool ok() const { return m_missing.isEmpty() && m_invalid.isEmpty(); }
    QString message() const;
    const QJsonObject &raw() const { return m_o; }

private:
    QJsonObject m_o;
    QStringList m_missing;
    QStringList m_invalid;
};

} // namespace ld::sandbox
