#pragma once
// The values the EventStream worker takes and reports. They cross threads in queued calls and
// signals, so they are plain copyable values with registered metatypes (registerMetaTypes()).
#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QMetaType>
#include <QString>

#include "api/retrypolicy.h" // RetryTiming

Q_DECLARE_LOGGING_CATEGORY(lcLive)

namespace ld {

// One account to watch, with the hosted webhook that delivers its events (the main thread has
// made sure it exists and is monitoring: WebhookEnsurer).
struct WatchedAccount
{
    QString accountId;
    QString webhookId;
    // The webhook's cursor kept from an earlier run (EventStream::cursorAdvanced): every event
    // stored up to this server time has been delivered. Invalid: none kept, and the first gap
    // fill asks for everything the server still holds (24 h).
    QDateTime cursor;

    bool operator==(const WatchedAccount &o) const
    {
        return accountId == o.accountId && webhookId == o.webhookId && cursor == o.cursor;
    }
};

// How an account's events reach the app right now, for the sidebar and the Live page.
struct LiveStatus
{
    enum class State {
        Stopped, // not watched
        Connecting, // opening its stream
        Live, // the stream is open and delivering
        Reconnecting, // the stream failed or went silent: the next try in retryInSeconds
        Polling, // beyond the streamed accounts: its events endpoint is checked periodically
        Error, // the events endpoint refused us: `reason` says why; the next try in retryInSeconds
    };

    State state = State::Stopped;
    int retryInSeconds = -1; // Reconnecting, Error: the next try; Polling: the usual interval
    QString reason; // a sentence for the person (Reconnecting, Error); empty otherwise

    // One translated line: "Live", "Reconnecting in 5 s: <reason>", ...
    QString text() const;
    bool operator==(const LiveStatus &o) const
    {
        return state == o.state && retryInSeconds == o.retryInSeconds && reason == o.reason;
    }
    bool operator!=(const LiveStatus &o) const { return !(*this == o); }
};

// Timings and limits of the worker. The defaults follow the contract (§9.8, §9.9) and
// ARCHITECTURE §3 "Live"; tests shorten them.
struct EventStreamSettings
{
    // Accounts beyond this many (in the caller's order: most recently active first) are polled.
    int maxStreamedAccounts = 20;
    // Streams per network manager, 1–6: QNetworkAccessManager opens at most 6 HTTP/1.1
    // connections per host and a stream holds one for ever (StreamGroups clamps it).
    int streamsPerManager = 6;
    // The server sends ": keepalive" every 30 s; this long without a byte means a dead stream.
    int watchdogMs = 75000;
    // Reconnects: exponential back-off with full jitter, reset by a good connect.
    int backoffBaseMs = 1000;
    int backoffCapMs = 60000;
    // Polled accounts (and streamed ones whose stream is down) are checked every
    // pollMinMs–pollMaxMs (uniformly jittered)...
    int pollMinMs = 30000;
    int pollMaxMs = 60000;
    // ...but together at most this many polls a minute, so that polling hundreds of accounts
    // never eats the API key's budget that the REST calls share (300 requests/minute, §1.6):
    // with many polled accounts the interval grows. 0: no limit.
    int pollBudgetPerMinute = 100;
    int pollLimit = 200; // items per events page (1–200, §9.9)
    // Gap fills ask from this much before the cursor, so that an event stored around the
    // cursor (server clocks, created_at against the stream's timestamp) is never skipped; the
    // de-duplication makes the overlap harmless.
    int overlapMs = 5000;
    int dedupCapacity = 10000; // recent content keys and event ids remembered
    qsizetype maxLineBytes = 1024 * 1024; // a longer SSE line drops the connection
    qint64 retentionSecs = 24 * 3600; // how long the server keeps events (§9.9)
    RetryTiming apiRetry; // the polling client's retries (ApiClient)
};

// Registers the metatypes above (and ld::LiveEvent) for queued signals; EventStream's
// constructor calls it.
void registerLiveMetaTypes();

} // namespace ld

Q_DECLARE_METATYPE(ld::WatchedAccount)
Q_DECLARE_METATYPE(ld::LiveStatus)
