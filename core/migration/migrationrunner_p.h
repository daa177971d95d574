#pragma once
// Shared by the two files of MigrationRunner; not part of the library's interface.
#include "store/migrationrepository.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace ld::migration {

// Until a call has been timed: a typical round trip of a login through LinkUp.
constexpr qint64 kAssumedCallMs = 1500;

struct Delays
{
    int min = 0;
    int max = 0;
};

// Within the documented 0.5–2 s; a minimum above the maximum is brought down to it.
inline Delays clampDelays(int minDelayMs, int maxDelayMs)
{
    Delays d;
    d.max = qBound(500, maxDelayMs, 2000);
    d.min = qMin(qBound(500, minDelayMs, 2000), d.max);
    return d;
}

inline bool ownedHere(const MigrationRun &run)
{
    return run.ownerPid == QCoreApplication::applicationPid()
        && run.ownerHost == QSysInfo::machineHostName();
}

} // namespace ld::migration
