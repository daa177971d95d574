#pragma once
// Reads one JSON object leniently for the domain types' fromJson(): absent or null fields give
// the default, a field of the wrong type records an error naming its path
// ("data.items[3].account_id: expected a string, got a number") and reading goes on, so a
// decoder can read every field and report only the first problem. Never throws, never crashes.
#include "decoded.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>

namespace ld::json {

QString typeName(const QJsonValue &value);                 // "a string", "an object", "null", ...
QString childPath(const QString &path, const QString &key); // "data" + "items" -> "data.items"
QString indexPath(const QString &path, int index);          // "data.items" + 3 -> "data.items[3]"

class Reader
{
public:
    // `value` should be an object; anything else records "<path>: expected an object".
    Reader(const QJsonValue &value, QString path);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // the first problem met, with its path
    const QString &path() const { return m_path; }
    const QJsonObject &object() const { return m_object; }

    bool has(const QString &key) const; // present and not null

    QString string(const QString &key, const QString &fallback = {});
    // Like string(), but a missing value is an error too.
    QString requiredString(const QString &key);
    // An opaque id: a string, or an integral number rendered in full (V1 sometimes sent ids
    // as numbers). Never converted through a double.
    QString id(const QString &key, bool required = false);
    qint64 int64(const QString &key, qint64 fallback = 0); // integral numbers only
    // A count, offset or total for an int field: a hostile huge or negative number is clamped
    // to 0..INT_MAX instead of wrapping.
    int count(const QString &key, qint64 fallback = 0);
    double number(const QString &key, double fallback = 0);
    bool boolean(const QString &key, bool fallback = false);
    QDateTime timestamp(const QString &key); // either ISO format or a ms epoch; invalid if absent
    QJsonArray array(const QString &key);
    QJsonObject subObject(const QString &key);

    // Every member not read through this reader, verbatim (for "extra" fields).
    QJsonObject unreadMembers() const;
    // Marks keys as read without decoding them (documented fields handled elsewhere).
    void markRead(std::initializer_list<const char *> keys);

    // Records an error for a decoder's own checks (first one wins).
    void fail(const QString &key, const QString &problem);

private:
    QJsonValue take(const QString &key);
    void typeError(const QString &key, const char *expected, const QJsonValue &got);

    QJsonObject m_object;
    QString m_path;
    QString m_error;
    QSet<QString> m_read;
};

// The end of a decoder: the value, or the reader's first error with its path.
template <typename T>
Decoded<T> finish(const Reader &r, T value)
{
    if (!r.ok())
        return Decoded<T>::failure(r.error());
    return Decoded<T>::success(std::move(value));
}

} // namespace ld::json
