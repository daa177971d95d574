#pragma once
// Peak resident set size of this process (VmHWM, in kB) for the startup probe and the
// benchmarks; -1 where /proc is not there. Header-only and QtCore-only on purpose: the bare
// baseline window of the benchmark includes it without linking the core library.
#include <QByteArray>
#include <QFile>
#include <QString>

namespace ld {

inline qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace ld
