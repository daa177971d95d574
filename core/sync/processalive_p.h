#pragma once
// Who still holds a write in progress, for the outbox and the invitation queue: an item in
// Sending (or a Running bulk run) names the process that took it, and a later process tells a
// send still under way from one whose process died. Not part of the library's interface.
#include <QDateTime>
#include <QString>

namespace ld::sync {

// Local midnight today, in UTC: where the daily caps start counting.
QDateTime localMidnight();

// Whether a process with that id runs on this machine (false for pid <= 0).
bool processIsRunning(qint64 pid);

// Whether another process than this one, on this machine, still runs as `pid`. A process on
// another host cannot be asked, so it counts as gone (the profile is a local database).
bool otherProcessAlive(qint64 pid, const QString &host);

} // namespace ld::sync
