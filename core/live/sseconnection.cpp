#include "sseconnection.h"

#include "api/envelope.h"
#include "api/retrypolicy.h"
#include "livetypes.h"
#include "services/webhooksservice.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace ld {

namespace {

constexpr qsizetype MaxErrorBody = 64 * 1024; // an error envelope is small; a page is not read

} // namespace

SseConnection::SseConnection(QNetworkAccessManager *nam, const QUrl &baseUrl, const QString &apiKey,
    const QString &webhookId, const Options &options, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_path(WebhooksService::streamPath(webhookId))
    , m_options(options)
{
    QUrl url = baseUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + m_path, QUrl::TolerantMode);
    // Encoded by hand: QUrlQuery would leave a '+' in the key, which servers read as a space.
    url.setQuery(QStringLiteral("api_key=") + QString::fromLatin1(QUrl::toPercentEncoding(apiKey)),
        QUrl::StrictMode);
    m_request = QNetworkRequest(url);
    m_request.setRawHeader("Accept", "text/event-stream");
    m_request.setRawHeader("Cache-Control", "no-cache");
    // The stream page lists only the query parameter; the header as well is harmless (§1.2).
    m_request.setRawHeader("x-api-key", apiKey.toUtf8());
    // One HTTP/1.1 connection per stream, never a shared HTTP/2 one: the grouping of streams per
    // network manager counts connections (ARCHITECTURE §3 "Live").
    m_request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    m_request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_request.setTransferTimeout(0); // the watchdog below is the only timeout
    m_parser.setLimits(options.maxLineBytes, qMax(options.maxLineBytes, 4 * options.maxLineBytes));
    m_parser.onEvent = [this](const SseEvent &e) { m_frames.append(e); };
    m_parser.onComment = [this](QByteArrayView) { m_sawComment = true; };

    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        const int seconds = qMax(1, m_options.watchdogMs / 1000);
        fail(tr("No data for %n second(s): the connection seems dead.", nullptr, seconds));
    });
}

SseConnection::~SseConnection()
{
    close();
}

void SseConnection::open()
{
    if (isOpen())
        return;
    m_phase = Phase::Waiting;
    m_established = false;
    m_status = 0;
    m_errorBody.clear();
    m_frames.clear();
    m_parser.reset();
    qCDebug(lcLive).noquote() << "stream" << m_path << "connecting";
    m_reply = m_nam->get(m_request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &SseConnection::checkHeaders);
    connect(m_reply, &QNetworkReply::readyRead, this, &SseConnection::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &SseConnection::onFinished);
    // Also a connect timeout: a server that takes the connection and never answers.
    m_watchdog.start(m_options.watchdogMs);
}

void SseConnection::close()
{
    if (m_phase == Phase::Idle || m_phase == Phase::Done) {
        m_phase = Phase::Done;
        return;
    }
    m_phase = Phase::Done;
    m_watchdog.stop();
    dropReply();
}

void SseConnection::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void SseConnection::checkHeaders()
{
    if (m_phase != Phase::Waiting || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_status = status.toInt();
    if (m_status >= 300 && m_status < 400)
        return; // a redirect being followed (same origin only)
    if (m_status < 200 || m_status >= 300) {
        m_phase = Phase::Refused;
        return;
    }
    const QByteArray contentType = m_reply->rawHeader("Content-Type").trimmed();
    const QByteArray mime = contentType.split(';').constFirst().trimmed().toLower();
    if (mime != "text/event-stream") {
        const QString shown = contentType.isEmpty() ? tr("no content type")
                                                    : QString::fromLatin1(contentType.left(80));
        fail(tr("The server answered the event stream with “%1” instead of an event stream; a "
                "proxy may be in the way.")
                 .arg(shown));
        return;
    }
    m_phase = Phase::Streaming;
    qCDebug(lcLive).noquote() << "stream" << m_path << "open, HTTP" << m_status;
}

void SseConnection::onReadyRead()
{
    if (!m_reply)
        return;
    m_watchdog.start(m_options.watchdogMs);
    checkHeaders();
    if (!m_reply)
        return; // refused by its content type
    if (m_phase == Phase::Refused) {
        m_errorBody += m_reply->read(qMax<qsizetype>(0, MaxErrorBody - m_errorBody.size()));
        m_reply->readAll(); // the rest is not needed
        return;
    }
    const QByteArray bytes = m_reply->readAll();
    if (m_phase != Phase::Streaming || bytes.isEmpty())
        return;

    const QPointer<SseConnection> alive(this);
    if (!m_established) {
        m_established = true;
        Q_EMIT established();
        if (!alive || m_phase != Phase::Streaming)
            return;
    }
    m_frames.clear();
    m_sawComment = false;
    m_parser.feed(bytes);
    if (m_parser.overflowed()) {
        fail(tr("The event stream sent a line longer than %1 KB; it was dropped.")
                 .arg(m_options.maxLineBytes / 1024));
        return;
    }
    // Frames are handled once the parser is done with the chunk: a receiver may close us.
    const QList<SseEvent> frames = std::exchange(m_frames, {});
    for (const SseEvent &frame : frames) {
        onFrame(frame);
        if (!alive || m_phase != Phase::Streaming)
            return;
    }
    if (m_sawComment)
        Q_EMIT keepAlive();
}

void SseConnection::onFrame(const SseEvent &frame)
{
    if (frame.type == QLatin1String("connected"))
        return; // the good connect was the first byte already
    // "webhook" as documented; a frame without an event field is typed "message" by the rules.
    if (frame.type != QLatin1String("webhook") && frame.type != QLatin1String("message")) {
        qCDebug(lcLive).noquote() << "stream" << m_path << "ignored a frame of type" << frame.type;
        return;
    }
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(frame.data, &error);
    if (!doc.isObject()) {
        qCWarning(lcLive).noquote()
            << "stream" << m_path << "skipped a frame that is not a JSON"
            << "object:" << (doc.isNull() ? error.errorString() : QStringLiteral("not an object"));
        return;
    }
    Decoded<LiveEvent> event = LiveEvent::fromJson(doc.object(), QStringLiteral("stream"));
    if (!event.ok()) {
        qCWarning(lcLive).noquote() << "stream" << m_path << "skipped a frame:" << event.error;
        return;
    }
    Q_EMIT eventReceived(event.value);
}

void SseConnection::onFinished()
{
    if (!m_reply || m_phase == Phase::Done)
        return;
    checkHeaders(); // a short answer may finish before metaDataChanged was handled
    if (!m_reply)
        return;
    if (m_phase == Phase::Refused) {
        m_errorBody += m_reply->read(qMax<qsizetype>(0, MaxErrorBody - m_errorBody.size()));
        const ApiError error = Envelope::decode(m_status, m_errorBody).error;
        int retryAfterMs = -1;
        if (const auto ms = RetryPolicy::parseRetryAfter(
                m_reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc()))
            retryAfterMs = qMin(*ms, RetryPolicy::kMaxRetryAfterMs);
        // The general sentences for 5xx warn that a write may have happened: not for a stream.
        const QString reason = m_status >= 500 || !error.isError()
            ? tr("The LinkUp server could not open the event stream (HTTP %1).").arg(m_status)
            : error.userMessage();
        finish(reason, retryAfterMs);
        return;
    }
    if (m_reply->error() != QNetworkReply::NoError) {
        finish(transportReason(), -1);
        return;
    }
    if (m_phase == Phase::Streaming) {
        m_parser.finish(); // an incomplete last event is discarded, as the rules say
        finish(tr("The server closed the event stream."), -1);
        return;
    }
    finish(tr("The server closed the connection before answering."), -1);
}

QString SseConnection::transportReason() const
{
    // Never errorString(): Qt puts the whole URL in it, and the URL carries the key.
    switch (m_reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("Could not connect to the LinkUp server: the connection was refused.");
    case QNetworkReply::HostNotFoundError:
        return tr("The LinkUp server's name could not be found. Check your internet connection.");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("The secure connection to the LinkUp server could not be established.");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("The connection to the event stream timed out.");
    default:
        return tr("The connection to the event stream was lost.");
    }
}

void SseConnection::fail(const QString &reason, int retryAfterMs)
{
    if (m_phase == Phase::Done || m_phase == Phase::Idle)
        return;
    dropReply();
    finish(reason, retryAfterMs);
}

void SseConnection::finish(const QString &reason, int retryAfterMs)
{
    const int refusedStatus = m_phase == Phase::Refused ? m_status : 0;
    m_phase = Phase::Done;
    m_watchdog.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->deleteLater();
    }
    qCInfo(lcLive).noquote() << "stream" << m_path << "ended:" << reason;
    Q_EMIT ended(reason, retryAfterMs, refusedStatus);
}

} // namespace ld
