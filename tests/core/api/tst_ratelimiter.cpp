#include "api/ratelimiter.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace ld;

class TestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void burstThenSteadyRate()
    {
        RateLimiter limiter(300, 10); // 5 per second, bursts of 10
        const qint64 t0 = 1000;
        for (int i = 0; i < 10; ++i)
            QCOMPARE(limiter.reserve(t0), qint64(0));
        // The bucket is empty: the 11th waits one refill step (200 ms), the 12th two.
        QCOMPARE(limiter.reserve(t0), qint64(200));
        QCOMPARE(limiter.reserve(t0), qint64(400));
        // Time passes: the debt is paid back before new tokens appear.
        QCOMPARE(limiter.reserve(t0 + 400), qint64(200));
        QCOMPARE(limiter.reserve(t0 + 10000), qint64(0));
    }

    void neverMoreThanTheBudgetPerMinute()
    {
        RateLimiter limiter(300, 20);
        // Everyone sends as soon as allowed; count the sends in the first minute.
        qint64 now = 0;
        int sentInFirstMinute = 0;
        for (int i = 0; i < 1000; ++i) {
            const qint64 sendAt = now + limiter.reserve(now);
            if (sendAt < 60000)
                ++sentInFirstMinute;
            now = sendAt;
        }
        QVERIFY2(sentInFirstMinute <= 320, qPrintable(QString::number(sentInFirstMinute))); // 300 + burst
        QVERIFY(sentInFirstMinute >= 300);
    }

    void refillStopsAtCapacity()
    {
        RateLimiter limiter(60, 3);
        QCOMPARE(limiter.availableTokens(0), 3.0);
        limiter.reserve(0);
        QCOMPARE(limiter.availableTokens(0), 2.0);
        QCOMPARE(limiter.availableTokens(1000000), 3.0);
    }

    void clockGoingBackwardsIsHarmless()
    {
        RateLimiter limiter(60, 1);
        QCOMPARE(limiter.reserve(5000), qint64(0));
        QVERIFY(limiter.reserve(1000) > 0);
    }

    void sharedPerKey()
    {
        std::shared_ptr<RateLimiter> a = RateLimiter::forKey(QStringLiteral("key-a"));
        std::shared_ptr<RateLimiter> a2 = RateLimiter::forKey(QStringLiteral("key-a"));
        std::shared_ptr<RateLimiter> b = RateLimiter::forKey(QStringLiteral("key-b"));
        QVERIFY(a);
        QCOMPARE(a.get(), a2.get());
        QVERIFY(a.get() != b.get());
        // Weak entries: once nobody holds it, the next user gets a fresh bucket.
        for (int i = 0; i < 50; ++i)
            a->reserve();
        QVERIFY(a->availableTokens(RateLimiter::monotonicMs()) < 0);
        a.reset();
        a2.reset();
        std::shared_ptr<RateLimiter> fresh = RateLimiter::forKey(QStringLiteral("key-a"));
        QVERIFY(fresh->availableTokens(RateLimiter::monotonicMs()) > 0);
    }

    void threadSafe()
    {
        auto limiter = std::make_shared<RateLimiter>(300, 1000);
        std::atomic<int> immediate { 0 };
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back(QThread::create([&] {
                for (int i = 0; i < 500; ++i) {
                    if (limiter->reserve(0) == 0)
                        ++immediate;
                    std::shared_ptr<RateLimiter> shared = RateLimiter::forKey(QStringLiteral("threaded"));
                    Q_UNUSED(shared);
                }
            }));
            threads.back()->start();
        }
        for (auto &t : threads)
            QVERIFY(t->wait(60000));
        QCOMPARE(immediate.load(), 1000); // exactly the burst, no token handed out twice
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
