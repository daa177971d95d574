#pragma once
// What every network command of linkupctl shares: the profile's Workspace (so each call lands
// in the profile's credit ledger and activity log), the API key, --base-url, and waiting for
// the event loop while SIGINT/SIGTERM can still interrupt.
#include "cli.h"
#include "terminal.h"

#include "sync/workspace.h"

#include <QEventLoop>
#include <functional>
#include <memory>

namespace ld {
struct ApiError;
}

namespace ld::ctl {

class Session
{
public:
    enum class KeyNeed { Required, Optional, None };

    explicit Session(const GlobalOptions &options);
    ~Session();

    // Opens the profile and its workspace, applies --base-url and the API key. ExitOk, or the
    // exit code after the error line was printed.
    int open(KeyNeed key = KeyNeed::Required);

    Workspace *workspace() const { return m_workspace.get(); }
    bool hasKey() const { return m_hasKey; }
    // For a worker with a client of its own (events tail's EventStream); never print it.
    QString apiKey() const { return m_apiKey; }
    const GlobalOptions &options() const { return m_options; }

    // One line for a failed call: a refused key names where the key is set.
    int apiFailure(const ApiError &error) const;

private:
    QString resolveKey(KeyNeed need, int *exitCode);

    GlobalOptions m_options;
    std::unique_ptr<Workspace> m_workspace;
    bool m_hasKey = false;
    QString m_apiKey;
};

// Runs the event loop until isDone() holds, checking again after each emission of any of
// `watched` signals of `sender`. false when SIGINT or SIGTERM arrived first.
template <typename Sender, typename... Signals>
bool waitUntilAny(Sender *sender, const std::function<bool()> &isDone, Signals... watched)
{
    if (SignalWatcher::wasSignalled())
        return false;
    if (isDone())
        return true;
    QEventLoop loop;
    auto check = [&] {
        if (isDone())
            loop.exit(0);
    };
    (QObject::connect(sender, watched, &loop, check), ...);
    if (SignalWatcher *w = SignalWatcher::instance())
        QObject::connect(w, &SignalWatcher::signalled, &loop, [&] { loop.exit(1); });
    return loop.exec() == 0;
}

template <typename Sender, typename Signal>
bool waitUntil(Sender *sender, Signal signal, const std::function<bool()> &isDone)
{
    return waitUntilAny(sender, isDone, signal);
}

} // namespace ld::ctl
