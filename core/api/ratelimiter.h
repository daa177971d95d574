#pragma once
// A token bucket shared by every ApiClient that uses the same API key, so that many accounts
// and threads together stay under the key's budget (contract §1.6: 300 requests/minute).
// Callers reserve a token and wait the returned delay on a timer; nothing here blocks.
#include <QByteArray>
#include <QMutex>
#include <QString>
#include <memory>

namespace ld {

class RateLimiter
{
public:
    static constexpr int kDefaultPerMinute = 300;
    static constexpr int kDefaultBurst = 20;

    explicit RateLimiter(int perMinute = kDefaultPerMinute, int burst = kDefaultBurst);

    // The limiter shared by everyone holding `apiKey` (registry keyed by a SHA-256 of the key,
    // so the key itself is not kept; entries die with their last user). Thread-safe.
    static std::shared_ptr<RateLimiter> forKey(const QString &apiKey);

    // Takes one token and returns how long to wait before using it: 0 when one was available,
    // else the time until the bucket refills enough. Reservations queue up fairly (the bucket
    // goes into debt), so a caller never needs to ask twice. `nowMs` is a monotonic clock.
    qint64 reserve(qint64 nowMs);
    qint64 reserve(); // with the process's monotonic clock

    double availableTokens(qint64 nowMs); // for tests and the activity view
    static qint64 monotonicMs();

private:
    void refill(qint64 nowMs);

    QMutex m_mutex;
    const double m_perMs;
    const double m_capacity;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace ld
