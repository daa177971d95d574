#include "livepacing.h"

#include <QRandomGenerator>

#include <algorithm>
#include <limits>

namespace ld::pacing {

int backoffMs(
    const EventStreamSettings &settings, int failures, const std::function<double()> &random)
{
    const int exponent = std::clamp(failures - 1, 0, 30);
    const qint64 ceiling = std::min<qint64>(
        qMax(0, settings.backoffCapMs), qint64(qMax(0, settings.backoffBaseMs)) << exponent);
    const double r
        = random ? std::clamp(random(), 0.0, 1.0) : QRandomGenerator::global()->generateDouble();
    return int(std::llround(r * double(ceiling)));
}

std::pair<int, int> pollRangeMs(const EventStreamSettings &settings, int pollingAccounts)
{
    int lo = qMax(1, settings.pollMinMs);
    int hi = qMax(lo, settings.pollMaxMs);
    if (settings.pollBudgetPerMinute > 0) {
        const qint64 floorMs
            = qint64(qMax(0, pollingAccounts)) * 60000 / settings.pollBudgetPerMinute;
        if (floorMs > lo) {
            lo = int(std::min<qint64>(floorMs, std::numeric_limits<int>::max() / 2));
            hi = 2 * lo;
        }
    }
    return { lo, hi };
}

} // namespace ld::pacing
