#include "timestamps.h"


#include <cmath>

namespace ld::timestamps {

namespace {

// True when an ISO date-time string ends with a zone designator ("Z", "+02:00", "-0500").
bool hasZone(const QString &text)
{
    if (text.endsWith(QLatin1Char('Z')) || text.endsWith(QLatin1Char('z')))
        return true;
    const int timeStart = text.indexOf(QLatin1Char('T'));
    if (timeStart < 0)
        return false;
    return text.indexOf(QLatin1Char('+'), timeStart) > 0 || text.indexOf(QLatin1Char('-'), timeStart) > 0;
}

} // namespace

QDateTime parse(const QString &input)
{
    QString text = input.trimmed();
    if (text.size() < 10)
        return {};
    if (text.size() > 10 && text.at(10) == QLatin1Char(' '))
        text[10] = QLatin1Char('T');
    if (text.endsWith(QLatin1Char('z')))
        text[text.size() - 1] = QLatin1Char('Z');
    // No zone means UTC (contract §1.4). Appending "Z" before parsing avoids a detour through
    // local time, where a daylight-saving gap would shift the value.
    if (!hasZone(text))
        text += QLatin1Char('Z');
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QDateTime fromJson(const QJsonValue &value)
{
    if (value.isString())
        return parse(value.toString());
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::fabs(d) > 1e17)
            return {};
        // toInteger() keeps every bit of an integral epoch; a fractional one is truncated.
        return QDateTime::fromMSecsSinceEpoch(value.toInteger(qint64(d)), Qt::UTC);
    }
    return {};
}

QString toIsoUtc(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    const QDateTime utc = t.toUTC();
    return utc.toString(utc.time().msec() != 0 ? QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")
                                               : QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

} // namespace ld::timestamps
