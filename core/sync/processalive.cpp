#include "processalive_p.h"

#include <QCoreApplication>
#include <QSysInfo>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace ld::sync {

QDateTime localMidnight()
{
    return QDateTime(QDate::currentDate(), QTime(0, 0)).toUTC();
}

bool processIsRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
#if defined(Q_OS_UNIX)
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#elif defined(Q_OS_WIN)
    HANDLE h = OpenProcess(SYNCHRONIZE, FALSE, DWORD(pid));
    if (!h)
        return false;
    const bool running = WaitForSingleObject(h, 0) == WAIT_TIMEOUT;
    CloseHandle(h);
    return running;
#else
    return false;
#endif
}

bool otherProcessAlive(qint64 pid, const QString &host)
{
    if (pid == QCoreApplication::applicationPid())
        return false;
    return host == QSysInfo::machineHostName() && processIsRunning(pid);
}

} // namespace ld::sync
