#include "startupprobe.h"

#include "support/peakrss.h"

#include "mainwindow.h"

#include <QFile>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

namespace ld::ui {

namespace {
constexpr int PollMs = 50;
constexpr int QuietPollsNeeded = 3; // settled for 150 ms: no refresh is about to start
constexpr int MaxPolls = 300;       // grab anyway after 15 s, so CI never hangs
} // namespace

StartupProbe::StartupProbe(const QElapsedTimer &sinceMain, QObject *parent)
    : QObject(parent)
    , m_clock(sinceMain)
{
}

void StartupProbe::watch(MainWindow *window, std::function<bool()> settled)
{
    m_window = window;
    m_settled = std::move(settled);
    if (!isActive())
        return;
    if (window->hasPainted())
        QMetaObject::invokeMethod(this, &StartupProbe::onFirstPaint, Qt::QueuedConnection);
    else
        connect(window, &MainWindow::firstPainted, this, &StartupProbe::onFirstPaint,
                Qt::SingleShotConnection);
}

void StartupProbe::onFirstPaint()
{
    if (m_quitAfterPaint) {
        const double ms = double(m_clock.nsecsElapsed()) / 1e6;
        std::printf("first-paint-ms: %.1f\npeak-rss-kb: %lld\n", ms, ld::peakRssKb());
        std::fflush(stdout);
        if (m_grabFile.isEmpty()) {
            Q_EMIT finished(0);
            return;
        }
    }
    m_poll = new QTimer(this);
    m_poll->setInterval(PollMs);
    connect(m_poll, &QTimer::timeout, this, &StartupProbe::tryGrab);
    m_poll->start();
}

void StartupProbe::tryGrab()
{
    if (!m_window) {
        Q_EMIT finished(1);
        return;
    }
    ++m_polls;
    m_quietPolls = (m_settled && !m_settled()) ? 0 : m_quietPolls + 1;
    if (m_quietPolls < QuietPollsNeeded && m_polls < MaxPolls)
        return;
    m_poll->stop();
    const QPixmap shot = m_window->grab();
    const bool saved = !shot.isNull() && shot.save(m_grabFile);
    if (!saved)
        std::fprintf(stderr, "linkup-desk: could not save the screenshot to %s\n",
                     qPrintable(m_grabFile));
    Q_EMIT finished(saved ? 0 : 2);
}

} // namespace ld::ui
