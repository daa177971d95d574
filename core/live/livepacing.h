#pragma once
// When the EventStream worker tries again and how often it polls, free of I/O so that the
// rules can be tested without waiting.
#include "livetypes.h"

#include <functional>
#include <utility>

namespace ld::pacing {

// Full jitter: uniform in [0, min(cap, base * 2^(failures-1))] (failures >= 1). `random` gives
// a value in [0, 1); by default QRandomGenerator::global().
int backoffMs(
    const EventStreamSettings &settings, int failures, const std::function<double()> &random = {});

// The range a poll's delay is drawn from when `pollingAccounts` accounts are being polled:
// pollMinMs–pollMaxMs, or, when that would exceed pollBudgetPerMinute together, from the
// budget's floor to twice it (a mean of 1.5 times the floor: under the budget).
std::pair<int, int> pollRangeMs(const EventStreamSettings &settings, int pollingAccounts);

} // namespace ld::pacing
