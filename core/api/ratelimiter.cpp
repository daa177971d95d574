#include "ratelimiter.h"

#include <QCryptographicHash>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <map>

namespace ld {

RateLimiter::RateLimiter(int perMinute, int burst)
    : m_perMs(std::max(perMinute, 1) / 60000.0)
    , m_capacity(std::max(burst, 1))
    , m_tokens(m_capacity)
{
}

std::shared_ptr<RateLimiter> RateLimiter::forKey(const QString &apiKey)
{
    static QMutex registryMutex;
    static std::map<QByteArray, std::weak_ptr<RateLimiter>> registry;

    const QByteArray digest = QCryptographicHash::hash(apiKey.toUtf8(), QCryptographicHash::Sha256);
    QMutexLocker lock(&registryMutex);
    for (auto it = registry.begin(); it != registry.end();) {
        if (it->second.expired())
            it = registry.erase(it);
        else
            ++it;
    }
    std::shared_ptr<RateLimiter> limiter = registry[digest].lock();
    if (!limiter) {
        limiter = std::make_shared<RateLimiter>();
        registry[digest] = limiter;
    }
    return limiter;
}

qint64 RateLimiter::monotonicMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

void RateLimiter::refill(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_capacity, m_tokens + double(nowMs - m_lastMs) * m_perMs);
    if (nowMs > m_lastMs)
        m_lastMs = nowMs;
}

qint64 RateLimiter::reserve(qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    refill(nowMs);
    m_tokens -= 1.0;
    if (m_tokens >= 0.0)
        return 0;
    return qint64(std::ceil(-m_tokens / m_perMs));
}

qint64 RateLimiter::reserve()
{
    return reserve(monotonicMs());
}

double RateLimiter::availableTokens(qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    refill(nowMs);
    return m_tokens;
}

} // namespace ld
