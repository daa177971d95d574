#include "sandboxserver.h"

#include "sandboxserver_p.h"
#include "support/logging.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <optional>

namespace ld::sandbox {

QString Seeds::apiKey()
{
    return QStringLiteral("sandbox-key-0001");
}
QString Seeds::codeCheckpointEmail()
{
    return QStringLiteral("code@example.com");
}
QString Seeds::appCheckpointEmail()
{
    return QStringLiteral("app@example.com");
}
QString Seeds::verificationCode()
{
    return QStringLiteral("123456");
}
QString Seeds::expiredToken()
{
    return QStringLiteral("expired-v1-token");
}
QString Seeds::wrongPassword()
{
    return QStringLiteral("wrong-password");
}
QString Seeds::primaryAccountId()
{
    return QStringLiteral("69c127c37cae0494dd827286");
}
QString Seeds::inactiveAccountId()
{
    return QStringLiteral("69c127c37cae0494dd827289");
}
QStringList Seeds::accountIds()
{
    return { primaryAccountId(), QStringLiteral("69c127c37cae0494dd827287"),
        QStringLiteral("69c127c37cae0494dd827288"), inactiveAccountId() };
}

namespace {

// A real deployment sits behind a proxy with a body limit; bigger bodies are refused. The
// limit leaves room for the largest attachment the client accepts (20 MiB, base64-encoded:
// about 27 MiB) so that the two never disagree about a file the client let through.
constexpr qsizetype MaxBody = 32 * 1024 * 1024;

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->keepAlive.setInterval(30000);
    connect(&d->keepAlive, &QTimer::timeout, this, [this] {
        d->pruneStreams();
        for (const QPointer<SseStream> &s : std::as_const(d->streams))
            s->sendComment("keepalive");
    });
    d->keepAlive.start();

    d->http.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            Request req;
            req.method = methodName(request.method());
            req.path = request.url().path();
            req.query = request.query();
            req.body = request.body();
            req.baseUrl = baseUrl().toString();
            req.segments = req.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            const bool v2 = req.segments.value(0) == QLatin1String("v2");
            if (v2)
                req.segments.removeFirst();
            QJsonParseError parseError {};
            const QJsonDocument doc = req.body.size() <= MaxBody
                ? QJsonDocument::fromJson(req.body, &parseError)
                : QJsonDocument();
            req.jsonObject = doc.isObject();
            req.json = doc.object();
            const QString action = req.json.value(QStringLiteral("action")).toString();

            const quint64 serial = ++d->nextSerial;
            d->requests << RecordedRequest { req.method, req.path,
                req.query.toString(QUrl::FullyEncoded), req.body, action, 0,
                QDateTime::currentDateTimeUtc() };
            d->serials << serial;

            const bool stream = v2 && req.method == "GET" && req.segments.size() == 3
                && req.segments[0] == QLatin1String("webhooks")
                && req.segments[2] == QLatin1String("stream");
            const std::optional<FaultRule> fault = d->takeFault(req.path, action, stream);
            if (stream && (!fault || !isPreHandling(fault->fault))) {
                const bool drop = fault && fault->fault == Fault::DropStreams;
                d->openStream(req, std::move(responder), serial, drop);
                return;
            }

            Reply reply;
            if (fault && isPreHandling(fault->fault)) {
                reply = faultReply(*fault, action.isEmpty() ? req.segments.value(0) : action);
            } else if (!v2) {
                reply = err::notFound(QString(), QStringLiteral("NOT_FOUND"),
                    QStringLiteral("No such endpoint: %1").arg(req.path));
            } else if (req.body.size() > MaxBody) {
                reply = err::invalidParams(action, QStringLiteral("request body is too large"));
            } else if (QString::fromLatin1(request.value("x-api-key")) != d->apiKey) {
                reply = err::invalidApiKey(action.isEmpty() ? req.segments.value(0) : action);
            } else {
                reply = d->dispatch(req);
                if (reply.success && reply.credits > 0) {
                    d->state.balance -= reply.credits;
                    d->state.charged += reply.credits;
                }
                d->closeStreamsOfDeletedWebhooks();
                if (req.segments.value(0) != QLatin1String("logs"))
                    d->logRequest(req, reply);
            }

            d->finish(std::move(responder), reply, serial, fault);
        });
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(quint16 port, const QHostAddress &address)
{
    d->port = d->http.listen(address, port);
    if (d->port == 0)
        qCWarning(lcSandbox) << "sandbox could not listen on" << address << port;
    return d->port != 0;
}

quint16 SandboxServer::port() const
{
    return d->port;
}

QUrl SandboxServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->port));
}

QString SandboxServer::apiKey() const
{
    return d->apiKey;
}
void SandboxServer::setApiKey(const QString &key)
{
    d->apiKey = key;
}

void SandboxServer::injectFault(
    Fault fault, int count, const QString &pathPrefix, const QString &action, int param)
{
    if (fault == Fault::DropStreams)
        d->closeStreams(pathPrefix);
    if (count > 0)
        d->faults << FaultRule { fault, count, pathPrefix, action, param };
}

void SandboxServer::clearFaults()
{
    d->faults.clear();
}

QList<RecordedRequest> SandboxServer::requests() const
{
    return d->requests;
}

int SandboxServer::requestCount(const QString &pathPrefix, const QString &action) const
{
    int n = 0;
    for (const RecordedRequest &r : std::as_const(d->requests))
        if (r.path.startsWith(pathPrefix) && (action.isEmpty() || r.action == action))
            ++n;
    return n;
}

void SandboxServer::clearRequests()
{
    d->requests.clear();
    d->serials.clear();
}

qint64 SandboxServer::creditsCharged() const
{
    return d->state.charged;
}
qint64 SandboxServer::creditBalance() const
{
    return d->state.balance;
}
void SandboxServer::setCreditBalance(qint64 credits)
{
    d->state.balance = credits;
}

void SandboxServer::emitEvent(
    const QString &accountId, const QString &type, const QByteArray &innerJson)
{
    const QJsonObject inner = QJsonDocument::fromJson(innerJson).object();
    const auto deliveries = handlers::queueEvent(d->state, accountId, type, inner);
    d->pruneStreams();
    for (const auto &[webhookId, wrapper] : deliveries) {
        const QByteArray data = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
        for (const QPointer<SseStream> &s : std::as_const(d->streams))
            if (s->webhookId() == webhookId)
                s->sendEvent("webhook", data);
    }
}

void SandboxServer::setKeepAliveInterval(int msec)
{
    d->keepAlive.setInterval(msec);
}

void SandboxServer::addSeededAccounts(int count)
{
    static const char *const Countries[] = { "FR", "US", "DE", "UK", "NL", "IT", "ES", "CA" };
    for (int i = 0; i < count; ++i) {
        const int n = int(d->state.accounts.size()) + 1;
        d->state.addAccount(QStringLiteral("6b%1").arg(n, 22, 16, QLatin1Char('0')),
            QStringLiteral("Agency account %1").arg(n, 4, 10, QLatin1Char('0')),
            QLatin1String(Countries[n % 8]), QString(), true, true);
    }
}

void SandboxServer::setCursorEndStyle(CursorEnd style)
{
    d->state.cursorEnd = style;
}

QString SandboxServer::addConversation(
    const QString &accountId, const QString &participantName, int messageCount, int bodyBytes)
{
    Account *a = d->state.account(accountId);
    if (!a)
        return {};
    const Conversation &c
        = d->state.addLongConversation(*a, participantName, messageCount, bodyBytes);
    return c.urn(d->state.people[size_t(a->me)].fsdId);
}

void SandboxServer::clearInbox(const QString &accountId)
{
    if (Account *a = d->state.account(accountId))
        a->conversations.clear();
}

void SandboxServer::setDemoActivity(int msec)
{
    d->demoTimer.stop();
    if (msec <= 0)
        return;
    if (!d->demoConnected) {
        d->demoConnected = true;
        connect(&d->demoTimer, &QTimer::timeout, this, [this] {
            QString accountId;
            QString type;
            const QJsonObject inner
                = handlers::demoEvent(d->state, d->demoTick++, &accountId, &type);
            if (!accountId.isEmpty())
                emitEvent(accountId, type, QJsonDocument(inner).toJson(QJsonDocument::Compact));
        });
    }
    d->demoTimer.start(msec);
}

void SandboxServer::stallStreams(const QString &pathPrefix)
{
    d->pruneStreams();
    for (const QPointer<SseStream> &s : std::as_const(d->streams))
        if (s->path().startsWith(pathPrefix))
            s->stall();
}

int SandboxServer::openStreamCount() const
{
    d->pruneStreams();
    return int(d->streams.size());
}

} // namespace ld::sandbox
