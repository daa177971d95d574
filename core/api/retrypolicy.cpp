#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ld {

RetryPolicy::RetryPolicy(const RetryTiming &timing)
    : m_timing(timing)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
}

bool RetryPolicy::isRateLimited(const ApiError &error)
{
    return (error.kind == ApiError::Kind::Api || error.kind == ApiError::Kind::Http)
        && (error.httpStatus == 429 || error.code == QLatin1String("RATE_LIMITED"));
}

bool RetryPolicy::isRetryableForReads(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Transport:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::BadBody: // a cut or garbled transfer; reading again is harmless
        return true;
    case ApiError::Kind::Api:
    case ApiError::Kind::Http:
        return error.httpStatus == 500 || error.httpStatus == 502 || error.httpStatus == 503
            || error.httpStatus == 504;
    default:
        return false;
    }
}

int RetryPolicy::backoffMs(int triesSoFar) const
{
    const int exponent = std::clamp(triesSoFar - 1, 0, 30);
    const qint64 ceiling = std::min<qint64>(m_timing.capMs, qint64(m_timing.baseMs) << exponent);
    const double r = std::clamp(m_random(), 0.0, 1.0);
    return int(std::llround(r * double(std::max<qint64>(ceiling, 0))));
}

std::optional<int> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = v.toLongLong(&isNumber);
    if (isNumber) {
        if (seconds < 0)
            return std::nullopt;
        return int(std::min<qint64>(seconds * 1000, std::numeric_limits<int>::max()));
    }
    // HTTP-date (RFC 9110 IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(v), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    const qint64 ms = now.msecsTo(when);
    return int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max()));
}

RetryDecision RetryPolicy::decide(CallKind kind, const ApiError &error, int triesSoFar,
                                  const QByteArray &retryAfter, const QDateTime &now) const
{
    if (!error.isError())
        return {};

    if (isRateLimited(error)) {
        // The server refused before doing anything, so even a write may go again.
        if (triesSoFar >= m_timing.max429Tries)
            return {};
        if (const std::optional<int> wait = parseRetryAfter(retryAfter, now)) {
            if (*wait > kMaxRetryAfterMs)
                return {};
            return { true, *wait };
        }
        return { true, backoffMs(triesSoFar) };
    }

    // Everything below may have reached LinkedIn: a write is never repeated automatically.
    if (kind != CallKind::Read)
        return {};
    if (!isRetryableForReads(error) || triesSoFar >= m_timing.maxReadTries)
        return {};
    return { true, backoffMs(triesSoFar) };
}

} // namespace ld
