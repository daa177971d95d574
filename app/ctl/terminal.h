#pragma once
// What linkupctl needs from the terminal: lines from stdin (with echo off for secrets on a
// TTY) and SIGINT/SIGTERM turned into a Qt signal through a self-pipe, so the event loop can
// abort calls in flight and the process can end cleanly.
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace ld::ctl {

namespace terminal {

enum class ReadStatus { Ok, EndOfInput, Interrupted };

bool stdinIsTty();
// Reads one line from stdin, without its line ending. With echo false on a TTY, typing is
// not shown (passwords, tokens).
ReadStatus readLine(QString *line, bool echo = true);

} // namespace terminal

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    // Installs the SIGINT/SIGTERM handlers; call once, early in main().
    static SignalWatcher *install(QObject *parent);
    static SignalWatcher *instance();
    static bool wasSignalled();

Q_SIGNALS:
    void signalled(int signal);

private:
    explicit SignalWatcher(QObject *parent);
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ld::ctl
