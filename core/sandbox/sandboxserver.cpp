#include "sandboxserver.h"

#include "sandboxhandlers.h"
#include "ssestream.h"
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

QString Seeds::apiKey() { return QStringLiteral("sandbox-key-0001"); }
QString Seeds::codeCheckpointEmail() { return QStringLiteral("code@example.com"); }
QString Seeds::appCheckpointEmail() { return QStringLiteral("app@example.com"); }
QString Seeds::verificationCode() { return QStringLiteral("123456"); }
QString Seeds::expiredToken() { return QStringLiteral("expired-v1-token"); }
QString Seeds::wrongPassword() { return QStringLiteral("wrong-password"); }
QString Seeds::primaryAccountId() { return QStringLiteral("69c127c37cae0494dd827286"); }
QString Seeds::inactiveAccountId() { return QStringLiteral("69c127c37cae0494dd827289"); }
QStringList Seeds::accountIds()
{
    return { primaryAccountId(), QStringLiteral("69c127c37cae0494dd827287"),
             QStringLiteral("69c127c37cae0494dd827288"), inactiveAccountId() };
}

namespace {

// A real deployment sits behind a proxy with a body limit; bigger bodies are refused.
constexpr qsizetype MaxBody = 8 * 1024 * 1024;

struct FaultRule
{
    SandboxServer::Fault fault;
    int count;
    QString pathPrefix;
    QString action;
    int param;
};

bool isPreHandling(SandboxServer::Fault f)
{
    using F = SandboxServer::Fault;
    // These answer instead of the server: the request has no effect and costs nothing.
    return f == F::RateLimited || f == F::RateLimitedRetryAfter || f == F::InternalError
            || f == F::HtmlBody || f == F::SuccessFalse;
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}

void writeReply(QHttpServerResponder &responder, const Reply &reply)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader("Content-Type", reply.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    for (const auto &[key, value] : reply.headers)
        responder.writeHeader(key, value);
    responder.writeBody(reply.body);
}

} // namespace

struct SandboxServer::Private
{
    QHttpServer http;
    SandboxState state;
    QString apiKey = Seeds::apiKey();
    quint16 port = 0;
    QList<FaultRule> faults;
    QList<RecordedRequest> requests;
    QList<quint64> serials;  // parallel to requests, to set a held reply's status later
    quint64 nextSerial = 0;
    QList<QPointer<SseStream>> streams;
    QTimer keepAlive;

    std::optional<FaultRule> takeFault(const QString &path, const QString &action, bool stream);
    void setStatus(quint64 serial, int status);
    Reply dispatch(const Request &req);
    Reply actionEndpoint(const QString &category, const Request &req);
    void openStream(const Request &req, QHttpServerResponder &&responder, quint64 serial,
                    bool drop);
    void closeStreams(const QString &pathPrefix);
    void closeStreamsOfDeletedWebhooks();
    void pruneStreams();
};

std::optional<FaultRule> SandboxServer::Private::takeFault(const QString &path,
                                                           const QString &action, bool stream)
{
    for (int i = 0; i < faults.size(); ++i) {
        FaultRule &rule = faults[i];
        if (rule.fault == Fault::DropStreams && !stream)
            continue;
        if (!path.startsWith(rule.pathPrefix) || (!rule.action.isEmpty() && rule.action != action))
            continue;
        const FaultRule taken = rule;
        if (--rule.count <= 0)
            faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

void SandboxServer::Private::setStatus(quint64 serial, int status)
{
    const qsizetype i = serials.indexOf(serial);
    if (i >= 0)
        requests[i].status = status;
}

Reply SandboxServer::Private::dispatch(const Request &req)
{
    const QString first = req.segments.value(0);
    const QString second = req.segments.value(1);
    const qsizetype n = req.segments.size();
    const bool get = req.method == "GET";
    const bool post = req.method == "POST";
    if (first == QLatin1String("login") && n == 1 && post)
        return handlers::login(state, req);
    if (first == QLatin1String("checkpoint") && n == 1 && post)
        return handlers::checkpoint(state, req);
    if (first == QLatin1String("accounts") && n <= 2 && get)
        return handlers::accounts(state, req);
    if (first == QLatin1String("credits") && n == 1 && get)
        return handlers::credits(state, req);
    if (first == QLatin1String("webhooks"))
        return handlers::webhooks(state, req);
    static const QStringList categories = { QStringLiteral("messages"), QStringLiteral("network"),
                                            QStringLiteral("profiles"), QStringLiteral("content") };
    if (categories.contains(first) && n == 1 && post)
        return actionEndpoint(first, req);
    const bool known = categories.contains(first)
            || QStringList{ QStringLiteral("login"), QStringLiteral("checkpoint"),
                            QStringLiteral("accounts"), QStringLiteral("credits") }
                       .contains(first);
    // Decision (the contract is silent): a wrong method on a known path is a 405, anything
    // else a 404, both in the V2 envelope with codes of their own.
    if (known && (n == 1 || first == QLatin1String("accounts")))
        return errorReply(405, QStringLiteral("METHOD_NOT_ALLOWED"),
                          QStringLiteral("%1 is not allowed on %2")
                                  .arg(QString::fromLatin1(req.method), req.path),
                          first);
    return err::notFound(first, QStringLiteral("NOT_FOUND"),
                         QStringLiteral("No such endpoint: %1 %2")
                                 .arg(QString::fromLatin1(req.method), req.path));
}

Reply SandboxServer::Private::actionEndpoint(const QString &category, const Request &req)
{
    if (!req.jsonObject)
        return err::invalidParams(category,
                                  QStringLiteral("request body must be a JSON object"));
    const QJsonValue actionValue = req.json.value(QStringLiteral("action"));
    const QString action = actionValue.toString();
    if (!actionValue.isString() || action.isEmpty())
        return err::invalidParams(category, QStringLiteral("missing required field(s): action"));
    QStringList actions;
    Reply (*handler)(ActionContext &) = nullptr;
    if (category == QLatin1String("messages")) {
        actions = handlers::messageActions();
        handler = handlers::messages;
    } else if (category == QLatin1String("network")) {
        actions = handlers::networkActions();
        handler = handlers::network;
    } else if (category == QLatin1String("profiles")) {
        actions = handlers::profileActions();
        handler = handlers::profiles;
    } else {
        actions = handlers::contentActions();
        handler = handlers::content;
    }
    if (!actions.contains(action))
        return err::invalidAction(action, category);
    const QJsonValue idValue = req.json.value(QStringLiteral("account_id"));
    if (!idValue.isString() || idValue.toString().isEmpty())
        return err::invalidParams(action,
                                  QStringLiteral("missing required field(s): account_id"));
    const QJsonValue params = req.json.value(QStringLiteral("params"));
    if (!params.isUndefined() && !params.isNull() && !params.isObject())
        return err::invalidParams(action, QStringLiteral("params must be a JSON object"));
    Account *account = state.account(idValue.toString());
    if (!account)
        return err::invalidAccount(action, idValue.toString());
    if (!account->active)
        return err::accountInactive(action, account->id);
    ActionContext ctx{ state, *account, action, Params(params.toObject()) };
    return handler(ctx);
}

void SandboxServer::Private::openStream(const Request &req, QHttpServerResponder &&responder,
                                        quint64 serial, bool drop)
{
    const QString action = QStringLiteral("stream_webhook");
    const QString webhookId = req.segments.value(1);
    Reply refusal;
    const Webhook *hook = state.webhook(webhookId);
    // The stream authenticates with the api_key query only (§1.2, §9.8).
    if (req.query.queryItemValue(QStringLiteral("api_key"), QUrl::FullyDecoded) != apiKey)
        refusal = err::invalidApiKey(action);
    else if (!hook)
        refusal = err::notFound(action, QStringLiteral("WEBHOOK_NOT_FOUND"),
                                QStringLiteral("Webhook '%1' not found").arg(webhookId));
    else if (!hook->hosted())
        refusal = err::invalidParams(action,
                                     QStringLiteral("the stream is only available for hosted "
                                                    "webhooks (created without url)"));
    if (refusal.status != 200) {
        writeReply(responder, refusal);
        setStatus(serial, refusal.status);
        return;
    }
    auto *stream = new SseStream(std::move(responder), webhookId);
    stream->setPath(req.path);
    setStatus(serial, 200);
    if (drop) { // DropStreams: accepted, then closed at once
        stream->close();
        return;
    }
    stream->sendEvent("connected",
                      QJsonDocument(obj({ { "webhook_id", hook->id },
                                          { "account_id", hook->accountId } }))
                              .toJson(QJsonDocument::Compact));
    streams << stream;
}

void SandboxServer::Private::closeStreams(const QString &pathPrefix)
{
    pruneStreams();
    for (const QPointer<SseStream> &s : std::as_const(streams))
        if (s->path().startsWith(pathPrefix))
            s->close();
    pruneStreams();
}

void SandboxServer::Private::closeStreamsOfDeletedWebhooks()
{
    for (const QPointer<SseStream> &s : std::as_const(streams))
        if (!s.isNull() && !state.webhook(s->webhookId()))
            s->close();
    pruneStreams();
}

void SandboxServer::Private::pruneStreams()
{
    streams.removeIf([](const QPointer<SseStream> &s) { return s.isNull() || !s->isOpen(); });
}

SandboxServer::SandboxServer(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    d->keepAlive.setInterval(30000);
    connect(&d->keepAlive, &QTimer::timeout, this, [this] {
        d->pruneStreams();
        for (const QPointer<SseStream> &s : std::as_const(d->streams))
            s->sendComment("keepalive");
    });
    d->keepAlive.start();

    d->http.setMissingHandler([this](const QHttpServerRequest &request,
                                     QHttpServerResponder &&responder) {
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
        QJsonParseError parseError{};
        const QJsonDocument doc = req.body.size() <= MaxBody
                ? QJsonDocument::fromJson(req.body, &parseError)
                : QJsonDocument();
        req.jsonObject = doc.isObject();
        req.json = doc.object();
        const QString action = req.json.value(QStringLiteral("action")).toString();

        const quint64 serial = ++d->nextSerial;
        d->requests << RecordedRequest{ req.method, req.path, req.query.toString(QUrl::FullyEncoded),
                                        req.body, action, 0 };
        d->serials << serial;

        const bool stream = v2 && req.method == "GET" && req.segments.size() == 3
                && req.segments[0] == QLatin1String("webhooks")
                && req.segments[2] == QLatin1String("stream");
        const std::optional<FaultRule> fault = d->takeFault(req.path, action, stream);
        if (stream && (!fault || !isPreHandling(fault->fault))) {
            // Faults that corrupt a finished answer do not apply to an endless stream.
            const bool drop = fault && fault->fault == Fault::DropStreams;
            d->openStream(req, std::move(responder), serial, drop);
            return;
        }

        Reply reply;
        if (fault && isPreHandling(fault->fault)) {
            const QString name = action.isEmpty() ? req.segments.value(0) : action;
            switch (fault->fault) {
            case Fault::RateLimited:
            case Fault::RateLimitedRetryAfter:
                reply = errorReply(429, QStringLiteral("RATE_LIMITED"),
                                   QStringLiteral("Too many requests; slow down and retry"), name);
                if (fault->fault == Fault::RateLimitedRetryAfter)
                    reply.headers << qMakePair(QByteArray("Retry-After"),
                                               QByteArray::number(fault->param > 0 ? fault->param : 1));
                break;
            case Fault::InternalError:
                reply = errorReply(500, QStringLiteral("INTERNAL_ERROR"),
                                   QStringLiteral("Internal server error; retry later"), name);
                break;
            case Fault::HtmlBody:
                reply.status = 502;
                reply.contentType = "text/html; charset=utf-8";
                reply.body = "<html><head><title>502 Bad Gateway</title></head><body>\n"
                             "<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n"
                             "</body></html>\n";
                break;
            default: // SuccessFalse: LinkedIn refused, modelled as 200 + success:false
                reply = errorReply(200, QStringLiteral("CHANNEL_ERROR"),
                                   QStringLiteral("LinkedIn refused the request (restricted "
                                                  "profile or missing seat)"),
                                   name);
                break;
            }
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
        }

        // Faults that corrupt an answer the server did produce (its effects stand).
        if (fault) {
            switch (fault->fault) {
            case Fault::MalformedJson:
                reply.status = 200;
                reply.body.truncate(qMax<qsizetype>(1, reply.body.size() / 2));
                break;
            case Fault::EmptyBody:
                reply.status = 200;
                reply.body.clear();
                break;
            case Fault::WrongType:
                reply.status = 200;
                reply.envelope.insert(QStringLiteral("data"),
                                      QStringLiteral("unexpected string instead of an object"));
                rebuildBody(reply);
                break;
            case Fault::DropAfterSend: {
                // The effect and the credits stand; the answer is cut after its headers.
                // Closing before any byte would not do: QNetworkAccessManager 6.4 silently
                // re-sends a request (even a POST) whose connection closed before the first
                // response byte, which would turn the fault into a duplicate action.
                d->setStatus(serial, 0);
                QPointer<QTcpSocket> socket = responder.socket();
                responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
                responder.writeHeader("Content-Type", reply.contentType);
                responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
                responder.writeBody(QByteArray());
                // Closed on the next turn of the event loop: the server code that called us
                // still uses the socket.
                QTimer::singleShot(0, this, [socket] {
                    if (socket)
                        socket->disconnectFromHost();
                });
                return;
            }
            case Fault::Slow: {
                d->setStatus(serial, reply.status);
                auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
                QPointer<QTcpSocket> socket = held->socket();
                QTimer::singleShot(fault->param > 0 ? fault->param : 3000, this,
                                   [held, socket, reply] {
                                       if (socket && socket->state() == QAbstractSocket::ConnectedState)
                                           writeReply(*held, reply);
                                   });
                return;
            }
            default:
                break;
            }
        }
        d->setStatus(serial, reply.status);
        writeReply(responder, reply);
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

quint16 SandboxServer::port() const { return d->port; }

QUrl SandboxServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(d->port));
}

QString SandboxServer::apiKey() const { return d->apiKey; }
void SandboxServer::setApiKey(const QString &key) { d->apiKey = key; }

void SandboxServer::injectFault(Fault fault, int count, const QString &pathPrefix,
                                const QString &action, int param)
{
    if (fault == Fault::DropStreams)
        d->closeStreams(pathPrefix);
    if (count > 0)
        d->faults << FaultRule{ fault, count, pathPrefix, action, param };
}

void SandboxServer::clearFaults() { d->faults.clear(); }

QList<RecordedRequest> SandboxServer::requests() const { return d->requests; }

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

qint64 SandboxServer::creditsCharged() const { return d->state.charged; }
qint64 SandboxServer::creditBalance() const { return d->state.balance; }
void SandboxServer::setCreditBalance(qint64 credits) { d->state.balance = credits; }

void SandboxServer::emitEvent(const QString &accountId, const QString &type,
                              const QByteArray &innerJson)
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

void SandboxServer::setKeepAliveInterval(int msec) { d->keepAlive.setInterval(msec); }

int SandboxServer::openStreamCount() const
{
    d->pruneStreams();
    return int(d->streams.size());
}

} // namespace ld::sandbox
