#pragma once
// When to try an API call again (ARCHITECTURE.md §3), decided in one place and free of I/O:
// - 429: the server did nothing, so reads and writes alike wait (Retry-After when given, else
//   exponential back-off with full jitter) and try again, up to max429Tries tries in all;
// - 5xx (500/502/503/504), timeouts, transport errors and unreadable 2xx bodies: reads only,
//   up to maxReadTries;
// - a write after an ambiguous failure: never (LinkedIn may already have acted on it);
// - Config, Tls, Aborted, other 4xx: never.
#include "apicall.h"
#include "apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <functional>
#include <optional>

namespace ld {

struct RetryTiming
{
    int baseMs = 1000;     // first back-off step (full jitter)
    int capMs = 60000;     // no single wait longer than this
    int max429Tries = 5;   // total tries for a 429 (reads and writes)
    int maxReadTries = 3;  // total tries for a read after 500 or a transport error
};

struct RetryDecision
{
    bool retry = false;
    int delayMs = 0;
};

class RetryPolicy
{
public:
    // A Retry-After longer than this is not waited for: the call fails and says why.
    static constexpr int kMaxRetryAfterMs = 5 * 60 * 1000;

    explicit RetryPolicy(const RetryTiming &timing = {});

    // `triesSoFar` counts the tries already made (1 after the first); `retryAfter` is the raw
    // header of the failed reply (may be empty).
    RetryDecision decide(CallKind kind, const ApiError &error, int triesSoFar,
                         const QByteArray &retryAfter = {},
                         const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // Full jitter: uniform in [0, min(cap, base * 2^(triesSoFar-1))].
    int backoffMs(int triesSoFar) const;

    // "120" (seconds) or an HTTP-date; nullopt when absent or unreadable. Dates in the past give 0.
    static std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now);

    static bool isRateLimited(const ApiError &error);
    static bool isRetryableForReads(const ApiError &error);

    // Tests replace the random source (a value in [0, 1)) to pin the jitter.
    void setRandom(std::function<double()> random) { m_random = std::move(random); }

private:
    RetryTiming m_timing;
    std::function<double()> m_random;
};

} // namespace ld
