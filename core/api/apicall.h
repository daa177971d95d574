#pragma once
// One API request and its life: queued, running, waiting to retry, then succeeded, failed or
// aborted. Like a task in Trojitá or a job in libQuotient: the UI can list it and abort it.
#include "apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class QNetworkReply;
class QTimer;

namespace ld {

class ApiClient;

// Whether a request may be repeated without a second effect on LinkedIn.
enum class CallKind {
    Read,  // list/get/poll: retried on 429, 5xx and transport errors
    Write, // send/invite/accept/withdraw/post/login/checkpoint: retried only on 429
           // (the server refused it before doing anything), never after an ambiguous failure
};

struct ApiRequest
{
    QByteArray method = "GET";
    QString path;         // "/v2/accounts", "/v2/messages", ...
    QUrlQuery query;
    QJsonObject body;     // sent when method is POST/PUT (and non-empty for DELETE)
    CallKind kind = CallKind::Read;
    QString accountId;    // for the activity log and the credit ledger; may be empty
    QString action;       // "list_inbox", "login", "list_accounts", ...
};

// Owned by its ApiClient, and deleted (deleteLater) once done() has been emitted: read what
// you need in handlers of finished()/failed()/done(), and hold it in a QPointer otherwise.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    enum class State { Queued, Running, Waiting, Succeeded, Failed, Aborted };
    Q_ENUM(State)

    ~ApiCall() override;

    qint64 id() const { return m_id; }
    const ApiRequest &request() const { return m_request; }
    State state() const { return m_state; }
    bool isDone() const;

    QJsonValue data() const { return m_data; }          // envelope "data" on success
    QJsonObject metadata() const { return m_metadata; } // envelope "metadata" (also on errors)
    int creditsConsumed() const;                         // metadata.credits_consumed, 0 if absent
    ApiError error() const { return m_error; }
    int attempts() const { return m_attempts; }
    int httpStatus() const { return m_httpStatus; }
    QDateTime startedAt() const { return m_startedAt; }
    QDateTime finishedAt() const { return m_finishedAt; }

    // Cancels the call: an in-flight reply is aborted, a pending retry is dropped. Emits failed()
    // with Kind::Aborted and done(). An aborted write is reported as Aborted, not retried.
    void abort();

Q_SIGNALS:
    void stateChanged(ld::ApiCall::State state);
    void retrying(int attempt, int delayMs); // attempt: the number of the try that will follow
    void finished();                     // success
    void failed(const ld::ApiError &error);
    void done();                         // after finished() or failed(), exactly once

private:
    friend class ApiClient;
    ApiCall(ApiClient *client, ApiRequest request, qint64 id);
    void setState(State s);
    void dropReply(); // stops the timers and aborts an in-flight reply without a signal

    ApiClient *m_client;
    ApiRequest m_request;
    qint64 m_id;
    State m_state = State::Queued;
    QJsonValue m_data;
    QJsonObject m_metadata;
    ApiError m_error;
    int m_attempts = 0;
    int m_httpStatus = 0;
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer = nullptr;   // back-off and rate-limit waits
    QTimer *m_timeoutTimer = nullptr; // per attempt
    bool m_timedOut = false;
    bool m_announced = false;         // callStarted() emitted
    QString m_tlsErrors;              // sslErrors() of the current attempt, never ignored
    qint64 m_attemptStartMs = 0;
};

} // namespace ld
