#include "sandboxreply.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

namespace ld::sandbox {

QString formatTime(const QDateTime &utc, TimeStyle style)
{
    const QDateTime t = utc.toUTC();
    if (style == TimeStyle::Micro)
        return t.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) + QStringLiteral("000");
    return t.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QString isoMillis(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QDateTime parseTime(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?$)"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QString fraction = (m.captured(7) + QStringLiteral("000")).left(3);
    const QTime time(
        m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), fraction.toInt());
    if (!date.isValid() || !time.isValid())
        return {};
    QDateTime result(date, time, QTimeZone::utc());
    const QString zone = m.captured(8);
    if (!zone.isEmpty() && zone != QLatin1String("Z")) {
        const QString digits = QString(zone).remove(QLatin1Char(':'));
        const int minutes = digits.mid(1, 2).toInt() * 60 + digits.mid(3, 2).toInt();
        result = result.addSecs(-(zone.startsWith(QLatin1Char('-')) ? -minutes : minutes) * 60);
    }
    return result;
}

QJsonObject obj(std::initializer_list<std::pair<const char *, QJsonValue>> fields)
{
    QJsonObject o;
    for (const auto &[key, value] : fields)
        o.insert(QLatin1String(key), value);
    return o;
}

void rebuildBody(Reply &reply)
{
    reply.body = QJsonDocument(reply.envelope).toJson(QJsonDocument::Compact);
}

Reply okReply(const QString &action, const QJsonValue &data, int credits, const QString &accountId,
    TimeStyle style)
{
    QJsonObject metadata = obj({ { "action", action } });
    if (!accountId.isEmpty())
        metadata.insert(QStringLiteral("account_id"), accountId);
    metadata.insert(QStringLiteral("credits_consumed"), credits);
    metadata.insert(
        QStringLiteral("timestamp"), formatTime(QDateTime::currentDateTimeUtc(), style));
    Reply r;
    r.success = true;
    r.credits = credits;
    r.envelope = obj({ { "success", true }, { "data", data }, { "metadata", metadata } });
    rebuildBody(r);
    return r;
}

Reply errorReply(
    int status, const QString &code, const QString &message, const QString &action, TimeStyle style)
{
    Reply r;
    r.status = status;
    r.envelope = obj({
        { "success", false },
        { "error", obj({ { "code", code }, { "message", message } }) },
        { "metadata",
            obj({ { "action", action },
                { "credits_consumed", 0 }, // V2 errors never consume credits (§1.5)
                { "timestamp", formatTime(QDateTime::currentDateTimeUtc(), style) } }) },
    });
    rebuildBody(r);
    return r;
}

namespace err {
Reply invalidApiKey(const QString &action)
{
    return errorReply(403, QStringLiteral("INVALID_API_KEY"),
        QStringLiteral("Invalid or missing API key (send it in the x-api-key header)"), action);
}
Reply invalidAccount(const QString &action, const QString &accountId)
{
    return errorReply(404, QStringLiteral("INVALID_ACCOUNT"),
        QStringLiteral("Account '%1' not found or not owned by this API key").arg(accountId),
        action);
}
Reply accountInactive(const QString &action, const QString &accountId)
{
    return errorReply(403, QStringLiteral("ACCOUNT_INACTIVE"),
        QStringLiteral("Account '%1' is inactive: its LinkedIn session expired or it "
                       "is awaiting a checkpoint. Log in again with /v2/login.")
            .arg(accountId),
        action);
}
Reply invalidAction(const QString &action, const QString &category)
{
    return errorReply(400, QStringLiteral("INVALID_ACTION"),
        QStringLiteral("Action '%1' is not supported by /v2/%2").arg(action, category), action);
}
Reply invalidParams(const QString &action, const QString &message)
{
    return errorReply(400, QStringLiteral("INVALID_PARAMS"), message, action);
}
Reply insufficientCredits(const QString &action, qint64 needed, qint64 balance)
{
    return errorReply(402, QStringLiteral("INSUFFICIENT_CREDITS"),
        QStringLiteral("Not enough credits: this action needs %1, balance is %2")
            .arg(needed)
            .arg(balance),
        action);
}
Reply notFound(const QString &action, const QString &code, const QString &message)
{
    return errorReply(404, code, message, action);
}
} // namespace err

bool Params::has(const char *key) const
{
    const QJsonValue v = m_o.value(QLatin1String(key));
    return !v.isUndefined() && !v.isNull();
}

QString Params::string(const char *key, bool required)
{
    const QJsonValue v = m_o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())) {
        if (required)
            m_missing << QLatin1String(key);
        return {};
    }
    if (!v.isString()) {
        m_invalid << QStringLiteral("%1 must be a string").arg(QLatin1String(key));
        return {};
    }
    return v.toString();
}

QString Params::anyString(std::initializer_list<const char *> keys, bool required)
{
    QStringList names;
    for (const char *key : keys) {
        names << QLatin1String(key);
        if (has(key))
            return string(key);
    }
    if (required)
        m_missing << names.join(QStringLiteral(" or "));
    return {};
}

qint64 Params::integer(const char *key, qint64 fallback, qint64 min, qint64 max)
{
    const QJsonValue v = m_o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(-1e300);
    const bool integral = v.isDouble() && d == static_cast<double>(static_cast<qint64>(d));
    if (!integral || d < static_cast<double>(min) || d > static_cast<double>(max)) {
        m_invalid << QStringLiteral("%1 must be an integer between %2 and %3")
                         .arg(QLatin1String(key))
                         .arg(min)
                         .arg(max);
        return fallback;
    }
    return static_cast<qint64>(d);
}

bool Params::boolean(const char *key, bool fallback)
{
    const QJsonValue v = m_o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        m_invalid << QStringLiteral("%1 must be a boolean").arg(QLatin1String(key));
        return fallback;
    }
    return v.toBool();
}

QStringList Params::stringList(const char *key)
{
    const QJsonValue v = m_o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    QStringList out;
    bool good = v.isArray();
    const QJsonArray array = v.toArray();
    for (const QJsonValue &item : array) {
        good = good && item.isString();
        out << item.toString();
    }
    if (!good) {
        // The V1 style ("a;b" strings) is refused: V2 wants JSON arrays (§10).
        m_invalid << QStringLiteral("%1 must be an array of strings").arg(QLatin1String(key));
        return {};
    }
    return out;
}

QJsonObject Params::object(const char *key)
{
    const QJsonValue v = m_o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isObject()) {
        m_invalid << QStringLiteral("%1 must be an object").arg(QLatin1String(key));
        return {};
    }
    return v.toObject();
}

QString Params::message() const
{
    QStringList parts;
    if (!m_missing.isEmpty())
        parts << QStringLiteral("missing required parameter(s): %1")
                     .arg(m_missing.join(QStringLiteral(", ")));
    parts << m_invalid;
    return parts.join(QStringLiteral("; "));
}

} // namespace ld::sandbox
