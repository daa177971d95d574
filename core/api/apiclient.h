#pragma once
// The single HTTP layer for LinkUp V2 (ARCHITECTURE.md §3): adds x-api-key and JSON headers,
// decodes the envelope, applies the retry policy and the shared per-key rate limiter, and
// refuses plain http:// except to loopback. One instance per thread (it owns its own
// QNetworkAccessManager unless one is given).
#include "apicall.h"
#include "retrypolicy.h" // RetryTiming

#include <QList>
#include <memory>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkRequest;

namespace ld {

class RateLimiter;

class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr, QNetworkAccessManager *nam = nullptr);
    ~ApiClient() override;

    // https:// anywhere; http:// only to 127.0.0.0/8, ::1 or "localhost". Returns a Config
    // error (and keeps the old URL) otherwise.
    ApiError setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    static QUrl defaultBaseUrl(); // https://api.linkupapi.com

    void setApiKey(const QString &key);
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }

    void setTimeoutMs(int ms);           // per attempt; default 30 s
    int timeoutMs() const { return m_timeoutMs; }
    void setRetryTiming(const RetryTiming &timing) { m_retry = timing; } // tests shorten it
    RetryTiming retryTiming() const { return m_retry; }

    // The call starts on the next event-loop turn, so connect to its signals first.
    ApiCall *send(const ApiRequest &request);
    ApiCall *get(const QString &path, const QUrlQuery &query = {}, const QString &action = {},
                 const QString &accountId = {});
    ApiCall *post(const QString &path, const QJsonObject &body, CallKind kind,
                  const QString &action = {}, const QString &accountId = {});
    // An action endpoint (contract §1.3 A): POST /v2/<category> {account_id, action, params}.
    ApiCall *action(const QString &category, const QString &accountId, const QString &action,
                    const QJsonObject &params, CallKind kind);
    // A call that is never sent: it fails with `error` on the next event-loop turn, like any
    // other call, so a service can refuse what its own checks reject (a post over LinkedIn's
    // limit) through the same signals. Additive (issue 7).
    ApiCall *refuse(const ApiRequest &request, const ApiError &error);

    QList<ApiCall *> activeCalls() const;
    void abortAll();

Q_SIGNALS:
    void callStarted(ld::ApiCall *call);
    void callDone(ld::ApiCall *call); // every call, success or not: feeds the ledger and the activity log

private:
    friend class ApiCall;
    void announce(ApiCall *call); // emits callStarted() once
    void begin(ApiCall *call);
    void acquireAndStart(ApiCall *call);
    QNetworkRequest buildRequest(const ApiRequest &request) const;
    void startAttempt(ApiCall *call);
    void onReplyFinished(ApiCall *call);
    void finishCall(ApiCall *call, const ApiError &error);

    QNetworkAccessManager *m_nam;
    QUrl m_baseUrl;
    QString m_apiKey;
    int m_timeoutMs = 30000;
    RetryTiming m_retry;
    qint64 m_nextId = 1;
    QList<ApiCall *> m_active;
    std::shared_ptr<RateLimiter> m_limiter;
};

} // namespace ld
