#include "apicall.h"

#include "apiclient.h"

#include <QNetworkReply>
#include <QTimer>

namespace ld {

ApiCall::ApiCall(ApiClient *client, ApiRequest request, qint64 id)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_id(id)
    , m_retryTimer(new QTimer(this))
    , m_timeoutTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    m_timeoutTimer->setSingleShot(true);
}

ApiCall::~ApiCall()
{
    // Deleted while in flight (by its owner, or with the client): drop the reply quietly.
    dropReply();
    if (m_client && !isDone())
        m_client->m_active.removeOne(this);
}

bool ApiCall::isDone() const
{
    return m_state == State::Succeeded || m_state == State::Failed || m_state == State::Aborted;
}

int ApiCall::creditsConsumed() const
{
    if (m_state != State::Succeeded)
        return 0; // V2 errors never consume credits (contract §1.5)
    const QJsonValue v = m_metadata.value(QStringLiteral("credits_consumed"));
    return v.isDouble() ? int(v.toInteger(qint64(v.toDouble()))) : 0;
}

void ApiCall::abort()
{
    if (isDone() || !m_client)
        return;
    dropReply();
    ApiError e;
    e.kind = ApiError::Kind::Aborted;
    e.message = QStringLiteral("cancelled");
    m_client->finishCall(this, e);
}

void ApiCall::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

void ApiCall::dropReply()
{
    m_retryTimer->stop();
    m_timeoutTimer->stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        QObject::disconnect(reply, nullptr, this, nullptr); // every reply connection has the call as context
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace ld
