#include "terminal.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace ld::ctl {

namespace {

int signalPipe[2] = { -1, -1 };
volatile std::sig_atomic_t signalSeen = 0;
SignalWatcher *watcher = nullptr;

void onSignal(int sig)
{
    signalSeen = sig;
    const char byte = char(sig);
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &byte, 1);
}

// Bytes read from stdin past the last line handed out.
QByteArray &pending()
{
    static QByteArray bytes;
    return bytes;
}

// Turns terminal echo off for its lifetime (when stdin is a TTY).
class EchoOff
{
public:
    explicit EchoOff(bool active)
    {
        if (!active || ::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved {};
    bool m_active = false;
};

} // namespace

bool terminal::stdinIsTty()
{
    return ::isatty(STDIN_FILENO) == 1;
}

terminal::ReadStatus terminal::readLine(QString *line, bool echo)
{
    const bool hideTyping = !echo && stdinIsTty();
    EchoOff echoOff(hideTyping);
    QByteArray &buffer = pending();
    for (;;) {
        const qsizetype newline = buffer.indexOf('\n');
        if (newline >= 0) {
            QByteArray bytes = buffer.left(newline);
            buffer.remove(0, newline + 1);
            if (bytes.endsWith('\r'))
                bytes.chop(1);
            *line = QString::fromUtf8(bytes);
            bytes.fill('\0');
            if (hideTyping) [[maybe_unused]]
                const ssize_t n = ::write(STDERR_FILENO, "\n", 1);
            return ReadStatus::Ok;
        }
        if (signalSeen)
            return ReadStatus::Interrupted;
        char chunk[256];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n > 0) {
            buffer.append(chunk, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue; // the loop checks signalSeen
        // End of input: a last line without a newline still counts.
        if (buffer.isEmpty())
            return ReadStatus::EndOfInput;
        *line = QString::fromUtf8(buffer);
        buffer.fill('\0');
        buffer.clear();
        return ReadStatus::Ok;
    }
}

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{ }

SignalWatcher *SignalWatcher::install(QObject *parent)
{
    if (watcher)
        return watcher;
    watcher = new SignalWatcher(parent);
    if (::pipe(signalPipe) != 0)
        return watcher;
    ::fcntl(signalPipe[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(signalPipe[1], F_SETFD, FD_CLOEXEC);
    ::fcntl(signalPipe[1], F_SETFL, O_NONBLOCK);
    watcher->m_notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, watcher);
    connect(watcher->m_notifier, &QSocketNotifier::activated, watcher, &SignalWatcher::onReadable);

    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking read of stdin returns EINTR
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    return watcher;
}

SignalWatcher *SignalWatcher::instance()
{
    return watcher;
}

bool SignalWatcher::wasSignalled()
{
    return signalSeen != 0;
}

void SignalWatcher::onReadable()
{
    char byte = 0;
    if (::read(signalPipe[0], &byte, 1) == 1)
        Q_EMIT signalled(int(byte));
}

} // namespace ld::ctl
