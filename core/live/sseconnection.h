#pragma once
// One hosted webhook's event stream (contract §9.8) on a given network manager: a GET with
// Accept: text/event-stream; the status and the content type are checked before a byte is
// parsed; the bytes go through an SseParser; a watchdog drops the connection after a silence;
// and ended() says, in a sentence, why it is over. It never retries on its own: EventStream
// decides when to try again. The URL carries the API key (api_key query, §1.2): only the path
// is ever logged, and no reason sentence quotes the URL.
#include "domain/webhook.h"
#include "sseparser.h"

#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace ld {

class SseConnection : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int watchdogMs = 75000; // no byte for this long: the connection is dead
        qsizetype maxLineBytes = 1024 * 1024; // a longer line: dropped (bounded memory)
    };

    // `baseUrl` as ApiClient takes it (scheme, host, port, maybe a path prefix).
    SseConnection(QNetworkAccessManager *nam, const QUrl &baseUrl, const QString &apiKey,
        const QString &webhookId, const Options &options, QObject *parent = nullptr);
    ~SseConnection() override; // closes quietly

    void open();
    // Ends it now without ended(): the caller is done with it.
    void close();
    bool isOpen() const { return m_phase != Phase::Idle && m_phase != Phase::Done; }
    QString path() const { return m_path; } // safe to log: no query, no key

Q_SIGNALS:
    // A good connect: the first bytes of a 2xx text/event-stream answer (the `connected` frame
    // or a comment before it).
    void established();
    void eventReceived(const ld::LiveEvent &event); // a `webhook` frame that decoded
    void keepAlive(); // a comment (": keepalive") arrived
    // Over, for any reason but close(): refused, wrong content type, dropped, silent, overflowed.
    // `retryAfterMs` is the server's Retry-After (a 429), or -1; `httpStatus` the status of a
    // refusal (non-2xx), else 0.
    void ended(const QString &reason, int retryAfterMs, int httpStatus);

private:
    enum class Phase {
        Idle,
        Waiting, // request sent, no status yet
        Streaming, // 2xx with the right content type
        Refused, // non-2xx: reading the (small) error body for its sentence
        Done,
    };

    void checkHeaders();
    void onReadyRead();
    void onFinished();
    void onFrame(const SseEvent &frame);
    void fail(const QString &reason, int retryAfterMs = -1); // drops the connection
    void finish(const QString &reason, int retryAfterMs);
    void dropReply();
    QString transportReason() const;

    QNetworkAccessManager *m_nam;
    QNetworkRequest m_request;
    QString m_path;
    Options m_options;
    QPointer<QNetworkReply> m_reply;
    SseParser m_parser;
    QList<SseEvent> m_frames; // dispatched by the current chunk, handled after feed() returns
    bool m_sawComment = false;
    QTimer m_watchdog;
    Phase m_phase = Phase::Idle;
    bool m_established = false;
    int m_status = 0;
    QByteArray m_errorBody;
};

} // namespace ld
