#include "apiclient.h"

#include "envelope.h"
#include "oneshotbody_p.h"
#include "ratelimiter.h"
#include "support/logging.h"
#include "version.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QSysInfo>
#include <QTimer>

namespace ld {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ld::ApiClient", text);
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QByteArray userAgent()
{
    return QByteArrayLiteral("LinkUpDesk/" LD_VERSION " (Qt ") + qVersion() + "; "
        + QSysInfo::productType().toLatin1() + ')';
}

// A reply that carries no HTTP status: name what happened and whether the request left.
ApiError networkError(QNetworkReply::NetworkError code, const QString &text)
{
    ApiError e;
    e.kind = ApiError::Kind::Transport;
    e.message = text;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        e.code = QStringLiteral("CONNECTION_REFUSED");
        break;
    case QNetworkReply::HostNotFoundError:
        e.code = QStringLiteral("HOST_NOT_FOUND");
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
        e.code = QStringLiteral("PROXY_CONNECTION_REFUSED");
        break;
    case QNetworkReply::ProxyNotFoundError:
        e.code = QStringLiteral("PROXY_NOT_FOUND");
        break;
    case QNetworkReply::RemoteHostClosedError:
        e.code = QStringLiteral("CONNECTION_CLOSED");
        break;
    case QNetworkReply::ContentReSendError:
        // Qt wanted to send a write a second time after the connection closed; we refused.
        e.code = QStringLiteral("CONNECTION_CLOSED");
        e.message = QStringLiteral("connection closed before a reply (the request was not re-sent)");
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
        e.kind = ApiError::Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        e.kind = ApiError::Kind::Tls;
        break;
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::ProtocolUnknownError:
        e.kind = ApiError::Kind::Config;
        e.message = tr("The server address cannot be used (%1). Check it in Settings.").arg(text);
        break;
    default:
        e.code = QStringLiteral("NETWORK_ERROR");
        break;
    }
    return e;
}

} // namespace

ApiClient::ApiClient(QObject *parent, QNetworkAccessManager *nam)
    : QObject(parent)
    , m_nam(nam ? nam : new QNetworkAccessManager(this))
    , m_baseUrl(defaultBaseUrl())
{
    // A redirect to another host would carry the x-api-key header with it.
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

ApiClient::~ApiClient()
{
    // Calls still running die quietly with the client: nobody is left to hear their signals.
    const QList<ApiCall *> calls = m_active;
    m_active.clear();
    for (ApiCall *call : calls) {
        call->dropReply();
        call->m_client = nullptr;
        delete call;
    }
    if (!m_apiKey.isEmpty())
        logging::forgetSecret(m_apiKey);
}

QUrl ApiClient::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://api.linkupapi.com"));
}

ApiError ApiClient::setBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return ApiError::config(tr("The server address \"%1\" is not a valid URL.")
                                    .arg(url.toDisplayString()));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http")) {
        if (!isLoopbackHost(url.host()))
            return ApiError::config(tr("The server address must start with https:// (plain http:// is "
                                       "only allowed to this computer): %1").arg(url.toDisplayString()));
    } else if (scheme != QLatin1String("https")) {
        return ApiError::config(tr("The server address must start with https://: %1")
                                    .arg(url.toDisplayString()));
    }
    m_baseUrl = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    return {};
}

void ApiClient::setApiKey(const QString &key)
{
    const QString newKey = key.trimmed();
    if (newKey == m_apiKey)
        return;
    if (!m_apiKey.isEmpty())
        logging::forgetSecret(m_apiKey);
    m_apiKey = newKey;
    if (!m_apiKey.isEmpty())
        logging::registerSecret(m_apiKey);
    m_limiter = m_apiKey.isEmpty() ? nullptr : RateLimiter::forKey(m_apiKey);
}

void ApiClient::setTimeoutMs(int ms)
{
    m_timeoutMs = ms > 0 ? ms : 30000;
}

ApiCall *ApiClient::send(const ApiRequest &request)
{
    auto *call = new ApiCall(this, request, m_nextId++);
    m_active.append(call);
    connect(call->m_retryTimer, &QTimer::timeout, this, [this, call] { acquireAndStart(call); });
    connect(call->m_timeoutTimer, &QTimer::timeout, this, [call] {
        call->m_timedOut = true;
        if (call->m_reply)
            call->m_reply->abort(); // finished() follows, synchronously
    });
    QTimer::singleShot(0, call, [this, call] { begin(call); });
    return call;
}

ApiCall *ApiClient::refuse(const ApiRequest &request, const ApiError &error)
{
    auto *call = new ApiCall(this, request, m_nextId++);
    m_active.append(call);
    QTimer::singleShot(0, call, [this, call, error] { finishCall(call, error); });
    return call;
}

ApiCall *ApiClient::get(const QString &path, const QUrlQuery &query, const QString &action,
                        const QString &accountId)
{
    ApiRequest r;
    r.method = "GET";
    r.path = path;
    r.query = query;
    r.kind = CallKind::Read;
    r.action = action;
    r.accountId = accountId;
    return send(r);
}

ApiCall *ApiClient::post(const QString &path, const QJsonObject &body, CallKind kind,
                         const QString &action, const QString &accountId)
{
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = body;
    r.kind = kind;
    r.action = action;
    r.accountId = accountId;
    return send(r);
}

ApiCall *ApiClient::action(const QString &category, const QString &accountId, const QString &action,
                           const QJsonObject &params, CallKind kind)
{
    QJsonObject body { { QStringLiteral("action"), action }, { QStringLiteral("params"), params } };
    if (!accountId.isEmpty()) // enrich bodies carry no account_id (contract §1.3)
        body.insert(QStringLiteral("account_id"), accountId);
    const QString path = category.startsWith(QLatin1Char('/')) ? category
                                                               : QStringLiteral("/v2/") + category;
    return post(path, body, kind, action, accountId);
}

QList<ApiCall *> ApiClient::activeCalls() const
{
    return m_active;
}

void ApiClient::abortAll()
{
    const QList<ApiCall *> calls = m_active;
    for (ApiCall *call : calls)
        call->abort();
}

void ApiClient::announce(ApiCall *call)
{
    if (call->m_announced)
        return;
    call->m_announced = true;
    call->m_startedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT callStarted(call);
}

void ApiClient::begin(ApiCall *call)
{
    if (call->isDone())
        return;
    announce(call);
    if (m_apiKey.isEmpty()) {
        finishCall(call, ApiError::config(tr("No API key is set. Enter your LinkUp API key in "
                                             "Settings → API key.")));
        return;
    }
    acquireAndStart(call);
}

void ApiClient::acquireAndStart(ApiCall *call)
{
    if (call->isDone())
        return;
    const qint64 wait = m_limiter ? m_limiter->reserve() : 0;
    if (wait <= 0) {
        startAttempt(call);
        return;
    }
    qCDebug(lcApi) << "call" << call->id() << "waits" << wait << "ms for the rate limiter";
    call->setState(ApiCall::State::Waiting);
    // The timer's timeout comes back here; the token is already reserved, so go straight on.
    QTimer::singleShot(int(wait), call, [this, call] {
        if (!call->isDone() && call->m_state == ApiCall::State::Waiting)
            startAttempt(call);
    });
}

QNetworkRequest ApiClient::buildRequest(const ApiRequest &r) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    if (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + r.path, QUrl::TolerantMode);
    if (!r.query.isEmpty())
        url.setQuery(r.query);

    QNetworkRequest request(url);
    request.setRawHeader("x-api-key", m_apiKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    return request;
}

void ApiClient::startAttempt(ApiCall *call)
{
    if (call->isDone())
        return;
    const ApiRequest &r = call->m_request;
    ++call->m_attempts;
    call->m_timedOut = false;
    call->m_tlsErrors.clear();
    call->m_attemptStartMs = RateLimiter::monotonicMs();
    call->setState(ApiCall::State::Running);

    const QNetworkRequest request = buildRequest(r);
    const bool hasBody = r.method == "POST" || r.method == "PUT" || r.method == "PATCH"
        || (r.method == "DELETE" && !r.body.isEmpty());
    QNetworkReply *reply = nullptr;
    if (r.method == "GET") {
        reply = m_nam->get(request);
    } else if (hasBody && r.kind == CallKind::Write) {
        // Sent at most once, even by Qt's own reconnect logic (see oneshotbody_p.h).
        const QByteArray json = QJsonDocument(r.body).toJson(QJsonDocument::Compact);
        QNetworkRequest once = request;
        once.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        once.setHeader(QNetworkRequest::ContentLengthHeader, json.size());
        auto *body = new OneShotBody(json, nullptr);
        reply = m_nam->sendCustomRequest(once, r.method, body);
        body->setParent(reply);
    } else if (hasBody) {
        reply = m_nam->sendCustomRequest(request, r.method, QJsonDocument(r.body).toJson(QJsonDocument::Compact));
    } else {
        reply = m_nam->sendCustomRequest(request, r.method);
    }
    call->m_reply = reply;

    connect(reply, &QNetworkReply::sslErrors, call, [call](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and the call reports Kind::Tls with these words.
        QStringList words;
        for (const QSslError &e : errors)
            words << e.errorString();
        call->m_tlsErrors = words.join(QStringLiteral("; "));
    });
    connect(reply, &QNetworkReply::finished, call, [this, call] { onReplyFinished(call); });
    call->m_timeoutTimer->start(m_timeoutMs);
}

void ApiClient::onReplyFinished(ApiCall *call)
{
    QNetworkReply *reply = call->m_reply;
    if (!reply)
        return;
    call->m_reply = nullptr;
    call->m_timeoutTimer->stop();
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    const QByteArray retryAfter = reply->rawHeader("Retry-After");
    call->m_httpStatus = status;

    Envelope env;
    if (call->m_timedOut) {
        env.error.kind = ApiError::Kind::Timeout;
        env.error.httpStatus = status;
        env.error.message = tr("no complete reply within %1 s").arg(m_timeoutMs / 1000.0);
    } else if (status > 0) {
        env = Envelope::decode(status, reply->readAll());
        // The connection broke after the headers: whatever the body says, it is incomplete.
        if (env.ok() && netError > QNetworkReply::NoError && netError < QNetworkReply::ProxyConnectionRefusedError)
            env.error = networkError(netError, reply->errorString());
    } else {
        env.error = networkError(netError, reply->errorString());
        if (env.error.kind == ApiError::Kind::Tls && !call->m_tlsErrors.isEmpty())
            env.error.message = call->m_tlsErrors;
    }

    const ApiRequest &r = call->m_request;
    qCDebug(lcApi).noquote() << r.method << r.path << r.action << "attempt" << call->m_attempts
                             << "->" << (status ? QString::number(status) : env.error.technicalSummary())
                             << (RateLimiter::monotonicMs() - call->m_attemptStartMs) << "ms";

    call->m_metadata = env.metadata;
    if (env.ok()) {
        call->m_data = env.data;
        finishCall(call, {});
        return;
    }

    const RetryDecision decision = RetryPolicy(m_retry).decide(r.kind, env.error, call->m_attempts, retryAfter);
    if (decision.retry) {
        qCInfo(lcApi).noquote() << r.method << r.path << r.action << env.error.technicalSummary()
                                << "- retry" << call->m_attempts + 1 << "in" << decision.delayMs << "ms";
        call->m_error = env.error; // the latest failure, visible while waiting
        call->setState(ApiCall::State::Waiting);
        Q_EMIT call->retrying(call->m_attempts + 1, decision.delayMs);
        if (!call->isDone()) // a retrying() handler may have aborted the call
            call->m_retryTimer->start(decision.delayMs);
        return;
    }
    finishCall(call, env.error);
}

void ApiClient::finishCall(ApiCall *call, const ApiError &error)
{
    if (call->isDone())
        return;
    announce(call);
    call->m_retryTimer->stop();
    call->m_timeoutTimer->stop();
    call->m_error = error;
    if (error.isError())
        call->m_data = QJsonValue();
    call->m_finishedAt = QDateTime::currentDateTimeUtc();
    m_active.removeOne(call);

    const ApiRequest &r = call->m_request;
    const qint64 ms = call->m_startedAt.msecsTo(call->m_finishedAt);
    if (error.isError())
        qCInfo(lcApi).noquote() << r.method << r.path << r.action << "failed after" << call->m_attempts
                                << "tries," << ms << "ms:" << error.technicalSummary();
    else
        qCInfo(lcApi).noquote() << r.method << r.path << r.action << call->m_httpStatus << ms << "ms";

    const ApiCall::State state = !error.isError() ? ApiCall::State::Succeeded
        : error.kind == ApiError::Kind::Aborted   ? ApiCall::State::Aborted
                                                  : ApiCall::State::Failed;
    call->setState(state);
    if (error.isError())
        Q_EMIT call->failed(error);
    else
        Q_EMIT call->finished();
    Q_EMIT call->done();
    Q_EMIT callDone(call);
    call->deleteLater();
}

} // namespace ld
