#include "jsonreader.h"

#include "timestamps.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace ld::json {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString childPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexPath(const QString &path, int index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

Reader::Reader(const QJsonValue &value, QString path)
    : m_path(std::move(path))
{
    if (value.isObject())
        m_object = value.toObject();
    else
        m_error = m_path + QStringLiteral(": expected an object, got ") + typeName(value);
}

bool Reader::has(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    return !v.isUndefined() && !v.isNull();
}

QJsonValue Reader::take(const QString &key)
{
    m_read.insert(key);
    return m_object.value(key);
}

void Reader::fail(const QString &key, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = childPath(m_path, key) + QStringLiteral(": ") + problem;
}

void Reader::typeError(const QString &key, const char *expected, const QJsonValue &got)
{
    fail(key, QStringLiteral("expected %1, got %2").arg(QLatin1String(expected), typeName(got)));
}

QString Reader::string(const QString &key, const QString &fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isString()) {
        typeError(key, "a string", v);
        return fallback;
    }
    return v.toString();
}

QString Reader::requiredString(const QString &key)
{
    if (!has(key)) {
        m_read.insert(key);
        fail(key, QStringLiteral("missing"));
        return {};
    }
    return string(key);
}

QString Reader::id(const QString &key, bool required)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(key, QStringLiteral("missing"));
        return {};
    }
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        // toInteger() keeps all 64 bits of an integer literal; a fraction means it is no id.
        const double d = v.toDouble();
        if (std::isfinite(d) && std::floor(d) == d)
            return QString::number(v.toInteger());
    }
    typeError(key, "a string", v);
    return {};
}

qint64 Reader::int64(const QString &key, qint64 fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isDouble()) {
        typeError(key, "a number", v);
        return fallback;
    }
    const double d = v.toDouble();
    if (!std::isfinite(d) || std::floor(d) != d) {
        fail(key, QStringLiteral("expected an integer"));
        return fallback;
    }
    return v.toInteger();
}

int Reader::count(const QString &key, qint64 fallback)
{
    return int(std::clamp<qint64>(int64(key, fallback), 0, INT_MAX));
}

double Reader::number(const QString &key, double fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isDouble()) {
        typeError(key, "a number", v);
        return fallback;
    }
    return v.toDouble();
}

bool Reader::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        typeError(key, "a boolean", v);
        return fallback;
    }
    return v.toBool();
}

QDateTime Reader::timestamp(const QString &key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString() && !v.isDouble()) {
        typeError(key, "a timestamp", v);
        return {};
    }
    // An unparseable date is left invalid rather than failing the whole value: a list of
    // accounts stays usable when one of them carries an odd date.
    return timestamps::fromJson(v);
}

QJsonArray Reader::array(const QString &key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        typeError(key, "an array", v);
        return {};
    }
    return v.toArray();
}

QJsonObject Reader::subObject(const QString &key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        typeError(key, "an object", v);
        return {};
    }
    return v.toObject();
}

QJsonObject Reader::unreadMembers() const
{
    QJsonObject rest;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_read.contains(it.key()))
            rest.insert(it.key(), it.value());
    }
    return rest;
}

void Reader::markRead(std::initializer_list<const char *> keys)
{
    for (const char *k : keys)
        m_read.insert(QString::fromLatin1(k));
}

} // namespace ld::json
