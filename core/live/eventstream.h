#pragma once
// The live-events worker (ARCHITECTURE §3 "Live"; contract §9.8–9.10): follows the hosted
// webhooks of the watched accounts and delivers each of their events once.
//  - Streams: one SSE stream per streamed account (the first maxStreamedAccounts, in the
//    caller's order), on network managers of their own holding at most streamsPerManager streams
//    each, so that streams never queue behind each other or behind REST calls (a manager opens at
//    most 6 HTTP/1.1 connections per host). A watchdog drops a stream that is silent for
//    watchdogMs; reconnects back off exponentially with full jitter (honouring a 429's
//    Retry-After); a good connect resets the back-off.
//  - Gap fill: after every good connect, the webhook's stored events since the cursor minus an
//    overlap, paged (GapFill), since the stream carries no ids to resume from.
//  - Polling: the other accounts, and streamed ones while their stream is down, are polled every
//    pollMinMs–pollMaxMs (jittered; the first poll spread over the interval), slower when needed
//    so that all polls together stay within pollBudgetPerMinute.
//  - De-duplication (EventDeduper) by content key and event id; both keys go out with each event
//    so that the store can de-duplicate again across runs.
//  - Cursor: per webhook, the server time up to which every event has been delivered. It moves
//    when a gap fill or poll ends (to the server's time of the answer), and while a stream is
//    live and caught up (to each event's timestamp, and on keep-alives to the server's clock as
//    last seen). cursorAdvanced() reports it; the app keeps it and gives it back in
//    WatchedAccount. When it is older than the server's retention, retentionExceeded().
// The stream URL carries the API key: logs name the path only.
//
// Threading contract:
//  - Construct it without a parent on any thread, moveToThread() a QThread, connect
//    QThread::finished to deleteLater, then start the thread. The owner starts and stops the
//    thread; the worker never does.
//  - Call its public slots only through queued calls (QMetaObject::invokeMethod(stream, ...,
//    Qt::QueuedConnection) or a signal connected across threads), never directly from another
//    thread. Its network managers and its ApiClient are created on the worker's thread at the
//    first call and die with it.
//  - Its signals are emitted on the worker's thread; connect them with the default connection
//    (queued across threads): the argument types are registered by the constructor.
//  - To shut down: invoke stop() (Qt::BlockingQueuedConnection to have it done before going on),
//    then quit() and wait() the thread; finished() → deleteLater() deletes it on its thread.
#include "eventdeduper.h"
#include "livetypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <map>
#include <memory>

namespace ld {

class ApiClient;
struct ApiError;
class GapFill;
class SseConnection;
class StreamGroups;
class WebhooksService;
struct LiveEvent;
struct PolledEvent;

class EventStream : public QObject
{
    Q_OBJECT
public:
    EventStream(const QUrl &baseUrl, const QString &apiKey,
        const EventStreamSettings &settings = EventStreamSettings());
    ~EventStream() override;

public Q_SLOTS:
    // The accounts to watch, most recently active first: the first maxStreamedAccounts are
    // streamed, the others polled. An account missing from the list is dropped (Stopped); an
    // account whose webhook changed starts over with the new webhook and the given cursor.
    void setAccounts(const QList<ld::WatchedAccount> &accounts);
    // Closes every stream, aborts every call and forgets the accounts (each reported Stopped).
    void stop();

Q_SIGNALS:
    // A new event. `eventId` is empty when it came from the stream; `contentKey` is
    // LiveEvent::contentKey(), the same from the stream and from a poll.
    void eventReceived(const ld::LiveEvent &event, const QString &eventId,
        const QByteArray &contentKey, const QString &webhookId);
    void statusChanged(const QString &accountId, const ld::LiveStatus &status);
    // Every event stored up to `cursor` (server time) has been delivered: keep it for the next
    // start (WatchedAccount::cursor).
    void cursorAdvanced(
        const QString &accountId, const QString &webhookId, const QDateTime &cursor);
    // The cursor was older than the server keeps events (24 h): some may be lost. Show it and
    // run a full refresh of the account.
    void retentionExceeded(const QString &accountId);
    // A gap fill or poll of the account ended: what the server held then has been delivered.
    void caughtUp(const QString &accountId);

private:
    struct Watch;

    void ensureNetwork();
    Watch *find(const QString &accountId) const;
    void rebalance();
    void removeWatch(const QString &accountId, bool report);

    void startStreaming(Watch &w);
    void startPolling(Watch &w, bool firstTime);
    void openStream(Watch &w);
    void closeStream(Watch &w);
    void onEstablished(Watch &w);
    void onStreamEvent(Watch &w, const LiveEvent &event);
    void onKeepAlive(Watch &w);
    void onStreamEnded(Watch &w, const QString &reason, int retryAfterMs, int httpStatus);

    void startFill(Watch &w);
    void onFillPage(Watch &w, const QList<PolledEvent> &events, const QDateTime &serverNow);
    void onFillFinished(Watch &w, const QDateTime &newest, const QDateTime &serverNow);
    void onFillFailed(Watch &w, const ApiError &error);
    void disposeFill(Watch &w);
    void schedulePoll(Watch &w, int delayMs = -1);

    void advanceCursor(Watch &w, const QDateTime &to);
    void setStatus(
        Watch &w, LiveStatus::State state, int retryInMs = -1, const QString &reason = {});
    int backoffMs(int failures) const;
    // The next poll's delay, and the mean of the range it is drawn from (livepacing.h).
    int pollIntervalMs() const;
    int meanPollIntervalMs() const;
    std::pair<int, int> pollRangeMs() const;
    QDateTime serverNow() const; // the server's clock as last seen, moved on by the local one

    const QUrl m_baseUrl;
    const QString m_apiKey;
    const EventStreamSettings m_settings;
    ApiClient *m_client = nullptr; // REST (gap fills, polls): its own network manager
    WebhooksService *m_service = nullptr;
    QString m_configError; // a base URL the client refused: nothing can be watched
    std::unique_ptr<StreamGroups> m_groups; // the streams' network managers
    std::map<QString, std::unique_ptr<Watch>> m_watches;
    QStringList m_order; // most recently active first
    EventDeduper m_dedup;
    QDateTime m_serverTime; // metadata.timestamp of the last events answer
    QElapsedTimer m_sinceServerTime;
};

} // namespace ld
