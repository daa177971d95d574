#include "eventstream.h"

#include "api/apiclient.h"
#include "gapfill.h"
#include "livepacing.h"
#include "services/webhooksservice.h"
#include "sseconnection.h"
#include "streamgroups.h"

#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace ld {

namespace {

// Keep-alives move a caught-up cursor on only this often: the app persists each move.
constexpr qint64 KeepAliveCursorStepMs = 60 * 1000;

int seconds(int ms)
{
    return ms < 0 ? -1 : (ms + 999) / 1000;
}

} // namespace

struct EventStream::Watch
{
    QString accountId;
    QString webhookId;
    bool started = false;
    bool streamed = false;
    SseConnection *connection = nullptr; // streamed only; a child of the EventStream
    int group = -1; // its network manager in m_groups
    bool live = false; // the stream is delivering
    bool caughtUp = false; // live, and the gap fill since the connect is done
    int connectFailures = 0; // since the last good connect: the back-off exponent
    int fillFailures = 0;
    QTimer reconnectTimer;
    QTimer pollTimer; // polls, the fallback while a stream is down, gap fill retries
    GapFill *fill = nullptr;
    bool fillAgain = false; // a connect came while a fill ran: another one follows it
    bool retentionChecked = false; // for the fill running now
    QDateTime cursor;
    QDateTime liveNewest; // the newest streamed timestamp while not caught up
    LiveStatus status;
};

EventStream::EventStream(
    const QUrl &baseUrl, const QString &apiKey, const EventStreamSettings &settings)
    : m_baseUrl(baseUrl)
    , m_apiKey(apiKey.trimmed())
    , m_settings(settings)
    , m_dedup(settings.dedupCapacity)
{
    registerLiveMetaTypes();
}

EventStream::~EventStream()
{
    const QStringList ids = m_order;
    for (const QString &id : ids)
        removeWatch(id, false);
    m_watches.clear();
    m_groups.reset(); // after the streams: their replies are the managers' children
}

void EventStream::ensureNetwork()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_client)
        return;
    m_client = new ApiClient(this);
    const ApiError error = m_client->setBaseUrl(m_baseUrl);
    if (error.isError())
        m_configError = error.userMessage();
    m_client->setApiKey(m_apiKey);
    m_client->setRetryTiming(m_settings.apiRetry);
    m_service = new WebhooksService(m_client, this);
    m_groups = std::make_unique<StreamGroups>(m_settings.streamsPerManager, this);
}

EventStream::Watch *EventStream::find(const QString &accountId) const
{
    const auto it = m_watches.find(accountId);
    return it == m_watches.end() ? nullptr : it->second.get();
}

void EventStream::setAccounts(const QList<WatchedAccount> &accounts)
{
    ensureNetwork();
    QStringList order;
    for (const WatchedAccount &a : accounts) {
        if (a.accountId.isEmpty() || a.webhookId.isEmpty() || order.contains(a.accountId))
            continue;
        Watch *w = find(a.accountId);
        if (w && w->webhookId != a.webhookId) {
            removeWatch(a.accountId, false);
            w = nullptr;
        }
        if (!w) {
            auto watch = std::make_unique<Watch>();
            watch->accountId = a.accountId;
            watch->webhookId = a.webhookId;
            watch->cursor = a.cursor;
            const QString id = a.accountId;
            watch->reconnectTimer.setSingleShot(true);
            connect(&watch->reconnectTimer, &QTimer::timeout, this, [this, id] {
                if (Watch *x = find(id); x && x->streamed)
                    openStream(*x);
            });
            watch->pollTimer.setSingleShot(true);
            connect(&watch->pollTimer, &QTimer::timeout, this, [this, id] {
                if (Watch *x = find(id))
                    startFill(*x);
            });
            m_watches.emplace(a.accountId, std::move(watch));
        } else if (a.cursor.isValid() && (!w->cursor.isValid() || a.cursor > w->cursor)) {
            w->cursor = a.cursor;
        }
        order << a.accountId;
    }
    const QStringList previous = m_order;
    m_order = order;
    for (const QString &id : previous)
        if (!order.contains(id))
            removeWatch(id, true);
    rebalance();
}

void EventStream::stop()
{
    const QStringList ids = m_order;
    m_order.clear();
    for (const QString &id : ids)
        removeWatch(id, true);
    if (m_client)
        m_client->abortAll();
}

void EventStream::removeWatch(const QString &accountId, bool report)
{
    const auto it = m_watches.find(accountId);
    if (it == m_watches.end())
        return;
    Watch &w = *it->second;
    w.reconnectTimer.stop();
    w.pollTimer.stop();
    closeStream(w);
    disposeFill(w);
    if (report && w.status.state != LiveStatus::State::Stopped)
        Q_EMIT statusChanged(accountId, LiveStatus());
    m_watches.erase(it);
}

void EventStream::rebalance()
{
    int streamed = 0;
    for (int i = 0; i < m_order.size(); ++i) {
        Watch &w = *find(m_order.at(i));
        const bool stream = i < m_settings.maxStreamedAccounts;
        streamed += stream ? 1 : 0;
        if (!m_configError.isEmpty()) {
            w.started = true;
            setStatus(w, LiveStatus::State::Error, -1, m_configError);
        } else if (stream && (!w.streamed || !w.started)) {
            startStreaming(w);
        } else if (!stream && (w.streamed || !w.started)) {
            startPolling(w, !w.started);
        }
        w.started = true;
    }
    qCInfo(lcLive) << "watching" << m_order.size() << "accounts:" << streamed << "streamed on"
                   << m_groups->managerCount() << "network managers," << (m_order.size() - streamed)
                   << "polled";
}

void EventStream::startStreaming(Watch &w)
{
    w.streamed = true;
    w.connectFailures = 0;
    w.pollTimer.stop();
    openStream(w);
}

void EventStream::startPolling(Watch &w, bool firstTime)
{
    w.streamed = false;
    w.reconnectTimer.stop();
    closeStream(w);
    setStatus(w, LiveStatus::State::Polling, meanPollIntervalMs());
    if (w.fill)
        return; // its end schedules the next poll
    // The first polls of many accounts are spread over one interval, not fired at once.
    schedulePoll(
        w, firstTime ? int(QRandomGenerator::global()->bounded(pollIntervalMs() + 1)) : -1);
}

void EventStream::openStream(Watch &w)
{
    if (!w.connection) {
        w.group = m_groups->acquire();
        SseConnection::Options options;
        options.watchdogMs = m_settings.watchdogMs;
        options.maxLineBytes = m_settings.maxLineBytes;
        w.connection = new SseConnection(
            m_groups->manager(w.group), m_baseUrl, m_apiKey, w.webhookId, options, this);
        const QString id = w.accountId;
        connect(w.connection, &SseConnection::established, this, [this, id] {
            if (Watch *x = find(id))
                onEstablished(*x);
        });
        connect(w.connection, &SseConnection::eventReceived, this, [this, id](const LiveEvent &e) {
            if (Watch *x = find(id))
                onStreamEvent(*x, e);
        });
        connect(w.connection, &SseConnection::keepAlive, this, [this, id] {
            if (Watch *x = find(id))
                onKeepAlive(*x);
        });
        connect(w.connection, &SseConnection::ended, this,
            [this, id](const QString &reason, int retryAfterMs, int httpStatus) {
                if (Watch *x = find(id))
                    onStreamEnded(*x, reason, retryAfterMs, httpStatus);
            });
    }
    if (w.status.state != LiveStatus::State::Error) // the refusal stays shown until mended
        setStatus(w, LiveStatus::State::Connecting);
    w.connection->open();
}

void EventStream::closeStream(Watch &w)
{
    w.live = false;
    w.caughtUp = false;
    if (!w.connection)
        return;
    SseConnection *connection = std::exchange(w.connection, nullptr);
    connection->disconnect(this);
    connection->close();
    connection->deleteLater();
    m_groups->release(std::exchange(w.group, -1));
}

void EventStream::onEstablished(Watch &w)
{
    w.live = true;
    w.caughtUp = false;
    w.connectFailures = 0;
    w.reconnectTimer.stop();
    w.pollTimer.stop();
    setStatus(w, LiveStatus::State::Live);
    startFill(w);
}

void EventStream::onStreamEvent(Watch &w, const LiveEvent &event)
{
    const QByteArray key = event.contentKey();
    if (m_dedup.acceptStreamed(key))
        Q_EMIT eventReceived(event, QString(), key, w.webhookId);
    if (w.caughtUp)
        advanceCursor(w, event.emittedAt);
    else if (event.emittedAt.isValid()
        && (!w.liveNewest.isValid() || event.emittedAt > w.liveNewest))
        w.liveNewest = event.emittedAt;
}

void EventStream::onKeepAlive(Watch &w)
{
    // Nothing was missed up to now: let a quiet account's cursor follow the clock, so that a
    // later outage is not mistaken for one longer than the server keeps events.
    const QDateTime now = serverNow();
    if (w.caughtUp && now.isValid()
        && (!w.cursor.isValid() || w.cursor.msecsTo(now) >= KeepAliveCursorStepMs))
        advanceCursor(w, now);
}

void EventStream::onStreamEnded(Watch &w, const QString &reason, int retryAfterMs, int httpStatus)
{
    w.live = false;
    w.caughtUp = false;
    ++w.connectFailures;
    const int delay = qMax(backoffMs(w.connectFailures), retryAfterMs);
    w.reconnectTimer.start(delay);
    // A refusal that waiting will not mend (the key, the webhook) is an error to show; the
    // stream is still tried again, at the back-off's pace.
    const bool refused = httpStatus >= 400 && httpStatus < 500 && httpStatus != 429;
    setStatus(
        w, refused ? LiveStatus::State::Error : LiveStatus::State::Reconnecting, delay, reason);
    if (!w.fill && !w.pollTimer.isActive())
        schedulePoll(w); // events still arrive while the stream is down
}

void EventStream::startFill(Watch &w)
{
    if (w.fill) {
        w.fillAgain = true;
        return;
    }
    w.fillAgain = false;
    w.retentionChecked = false;
    w.pollTimer.stop();
    const QDateTime since
        = w.cursor.isValid() ? w.cursor.addMSecs(-qMax(0, m_settings.overlapMs)) : QDateTime();
    w.fill = new GapFill(m_service, w.accountId, w.webhookId, since, m_settings.pollLimit, this);
    const QString id = w.accountId;
    connect(w.fill, &GapFill::pageReceived, this,
        [this, id](const QList<PolledEvent> &events, const QDateTime &serverNow) {
            if (Watch *x = find(id))
                onFillPage(*x, events, serverNow);
        });
    connect(w.fill, &GapFill::finished, this,
        [this, id](const QDateTime &newest, const QDateTime &serverNow) {
            if (Watch *x = find(id))
                onFillFinished(*x, newest, serverNow);
        });
    connect(w.fill, &GapFill::failed, this, [this, id](const ApiError &error) {
        if (Watch *x = find(id))
            onFillFailed(*x, error);
    });
    w.fill->start();
}

void EventStream::onFillPage(Watch &w, const QList<PolledEvent> &events, const QDateTime &serverNow)
{
    if (serverNow.isValid()) {
        m_serverTime = serverNow;
        m_sinceServerTime.start();
    }
    if (!w.retentionChecked) {
        w.retentionChecked = true;
        const QDateTime now = serverNow.isValid() ? serverNow : QDateTime::currentDateTimeUtc();
        if (w.cursor.isValid() && w.cursor.secsTo(now) > m_settings.retentionSecs) {
            qCWarning(lcLive).noquote()
                << "account" << w.accountId << "was last caught up at"
                << w.cursor.toString(Qt::ISODate) << ": longer ago than the server keeps events";
            Q_EMIT retentionExceeded(w.accountId);
        }
    }
    for (const PolledEvent &p : events) {
        const QByteArray key = p.event.contentKey();
        if (m_dedup.acceptPolled(p.eventId, key))
            Q_EMIT eventReceived(p.event, p.eventId, key, w.webhookId);
    }
}

void EventStream::onFillFinished(Watch &w, const QDateTime &newest, const QDateTime &serverNow)
{
    disposeFill(w);
    w.fillFailures = 0;
    // Everything stored until the answer has been delivered, and so has what the stream
    // brought meanwhile.
    QDateTime mark = newest;
    for (const QDateTime &t : { serverNow, w.liveNewest })
        if (t.isValid() && (!mark.isValid() || t > mark))
            mark = t;
    advanceCursor(w, mark);
    w.liveNewest = QDateTime();
    Q_EMIT caughtUp(w.accountId);
    if (w.fillAgain) {
        startFill(w);
        return;
    }
    if (w.live) {
        w.caughtUp = true;
        return;
    }
    if (!w.streamed)
        setStatus(w, LiveStatus::State::Polling, meanPollIntervalMs());
    schedulePoll(w);
}

void EventStream::onFillFailed(Watch &w, const ApiError &error)
{
    disposeFill(w);
    w.fillAgain = false;
    ++w.fillFailures;
    int delay = backoffMs(w.fillFailures);
    if (!w.live)
        delay = qMax(delay, pollIntervalMs()); // many polled accounts must not retry together
    if (!w.streamed)
        setStatus(w, LiveStatus::State::Error, delay, error.userMessage());
    schedulePoll(w, delay);
}

void EventStream::disposeFill(Watch &w)
{
    if (!w.fill)
        return;
    GapFill *fill = std::exchange(w.fill, nullptr);
    fill->disconnect(this);
    fill->abort();
    fill->deleteLater(); // it may be emitting the signal that brought us here
}

void EventStream::schedulePoll(Watch &w, int delayMs)
{
    w.pollTimer.start(delayMs >= 0 ? delayMs : pollIntervalMs());
}

void EventStream::advanceCursor(Watch &w, const QDateTime &to)
{
    if (!to.isValid() || (w.cursor.isValid() && to <= w.cursor))
        return;
    w.cursor = to.toUTC();
    Q_EMIT cursorAdvanced(w.accountId, w.webhookId, w.cursor);
}

void EventStream::setStatus(Watch &w, LiveStatus::State state, int retryInMs, const QString &reason)
{
    LiveStatus status;
    status.state = state;
    status.retryInSeconds = seconds(retryInMs);
    status.reason = reason;
    if (status == w.status)
        return;
    w.status = status;
    Q_EMIT statusChanged(w.accountId, status);
}

int EventStream::backoffMs(int failures) const
{
    return pacing::backoffMs(m_settings, failures);
}

std::pair<int, int> EventStream::pollRangeMs() const
{
    // Accounts checked by polling right now: the polled ones and streams that are down.
    const auto polling = std::count_if(m_watches.cbegin(), m_watches.cend(),
        [](const auto &entry) { return !entry.second->live; });
    return pacing::pollRangeMs(m_settings, int(polling));
}

int EventStream::pollIntervalMs() const
{
    const auto [lo, hi] = pollRangeMs();
    return lo + int(QRandomGenerator::global()->bounded(qint64(hi - lo) + 1));
}

int EventStream::meanPollIntervalMs() const
{
    const auto [lo, hi] = pollRangeMs();
    return lo + (hi - lo) / 2;
}

QDateTime EventStream::serverNow() const
{
    if (!m_serverTime.isValid() || !m_sinceServerTime.isValid())
        return {};
    return m_serverTime.addMSecs(m_sinceServerTime.elapsed());
}

} // namespace ld
