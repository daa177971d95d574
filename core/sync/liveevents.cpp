#include "liveevents.h"

#include "workspace.h"

#include "api/apiclient.h"
#include "domain/webhook.h"
#include "live/eventstream.h"
#include "live/webhookensurer.h"
#include "services/webhooksservice.h"
#include "store/conversationrepository.h"
#include "store/liveeventrepository.h"
#include "support/appsettings.h"
#include "support/logging.h"

#include <QThread>
#include <QTimer>

#include <algorithm>

namespace ld {

LiveEvents::LiveEvents(Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_ws(workspace)
    , m_service(new WebhooksService(workspace->client(), this))
    , m_ensurer(new WebhookEnsurer(m_service, this))
{
    registerLiveMetaTypes();
    connect(m_ensurer, &WebhookEnsurer::ready, this,
        [this](const QString &accountId, const Webhook &webhook) {
            onWebhookReady(accountId, webhook);
        });
    connect(m_ensurer, &WebhookEnsurer::failed, this, &LiveEvents::onEnsureFailed);
}

LiveEvents::~LiveEvents()
{
    stop();
}

void LiveEvents::setStreamSettings(const EventStreamSettings &settings)
{
    m_settings = settings;
    if (!isRunning())
        return;
    // The worker takes its settings when it is made.
    const QString key = m_apiKey;
    stop();
    start(key);
}

bool LiveEvents::isMonitored(const QString &accountId) const
{
    return m_ws->settings()->liveMonitoring(accountId);
}

QStringList LiveEvents::monitoredAccounts() const
{
    QStringList ids = m_ws->settings()->liveMonitoredAccounts(); // id order: ties stay stable
    const QHash<QString, QDateTime> last = m_ws->conversations()->lastActivity();
    std::stable_sort(ids.begin(), ids.end(), [&last](const QString &a, const QString &b) {
        const QDateTime ta = last.value(a), tb = last.value(b);
        if (ta.isValid() != tb.isValid())
            return ta.isValid(); // an account without conversations goes after the others
        return ta > tb;
    });
    return ids;
}

void LiveEvents::setMonitored(const QString &accountId, bool on)
{
    if (accountId.isEmpty() || isMonitored(accountId) == on)
        return;
    m_ws->settings()->setLiveMonitoring(accountId, on);
    Q_EMIT monitoringChanged(accountId, on);
    if (on) {
        m_toStop.remove(accountId);
        if (isRunning()) {
            setStatus(accountId, LiveStatus { LiveStatus::State::Connecting, -1, {} });
            m_ensurer->ensure(accountId);
        }
        return;
    }
    setStatus(accountId, LiveStatus());
    if (isRunning())
        schedulePush(); // drops it from the worker: its stream closes
    stopWebhook(accountId);
}

void LiveEvents::start(const QString &apiKey)
{
    const QString key = apiKey.trimmed();
    if (isRunning() && key == m_apiKey)
        return;
    stop();
    if (key.isEmpty())
        return;
    m_apiKey = key;
    const quint64 run = ++m_run;
    m_webhooks.clear(); // known again from the listing below: one may have been stopped elsewhere

    QUrl baseUrl = m_ws->client()->baseUrl();
    if (baseUrl.isEmpty())
        baseUrl = m_ws->settings()->baseUrl();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("ld-live"));
    auto *stream = new EventStream(baseUrl, key, m_settings);
    m_stream = stream;
    stream->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, stream, &QObject::deleteLater);
    connect(stream, &EventStream::eventReceived, this, &LiveEvents::onEvent);
    connect(stream, &EventStream::statusChanged, this,
        [this](const QString &accountId, const LiveStatus &status) {
            // A late report for an account turned off meanwhile says nothing new.
            if (isMonitored(accountId))
                setStatus(accountId, status);
        });
    connect(stream, &EventStream::cursorAdvanced, this,
        [this](const QString &accountId, const QString &webhookId, const QDateTime &cursor) {
            m_ws->liveEvents()->advanceCursor(webhookId, accountId, cursor);
        });
    connect(stream, &EventStream::retentionExceeded, this, &LiveEvents::onRetentionExceeded);
    connect(stream, &EventStream::caughtUp, this, &LiveEvents::caughtUp);
    m_thread->start();

    const QStringList monitored = monitoredAccounts();
    for (const QString &id : monitored)
        setStatus(id, LiveStatus { LiveStatus::State::Connecting, -1, {} });
    if (monitored.isEmpty() && m_toStop.isEmpty())
        return;
    // One listing for every account instead of one per account (WebhookEnsurer): an agency's
    // hundreds of accounts would otherwise spend minutes of the key's rate limit at each start.
    ApiCall *call = m_service->list();
    connect(call, &ApiCall::finished, this, [this, run, call] {
        const Decoded<QList<Webhook>> list = decodeWebhookList(call->data());
        if (!list.ok())
            qCWarning(lcSync) << "webhook list unreadable, asking per account:" << list.error;
        onListed(run, list.ok() ? list.value : QList<Webhook>());
    });
    connect(call, &ApiCall::failed, this, [this, run](const ApiError &error) {
        qCInfo(lcSync) << "webhook list failed, asking per account:" << error.technicalSummary();
        onListed(run, {});
    });
}

void LiveEvents::onListed(quint64 run, const QList<Webhook> &webhooks)
{
    if (run != m_run || !isRunning())
        return;
    for (const QString &id : monitoredAccounts()) {
        const Webhook *w = WebhookEnsurer::choose(webhooks, id);
        if (w && w->isActive && !w->needsStart())
            onWebhookReady(id, *w);
        else
            m_ensurer->ensure(id); // creates, starts, or says why not
    }
    const QSet<QString> toStop = std::exchange(m_toStop, {});
    for (const QString &id : toStop) {
        if (isMonitored(id))
            continue;
        const Webhook *w = WebhookEnsurer::choose(webhooks, id);
        if (w && (w->monitoring || !w->monitoringKnown))
            sendStop(id, w->id);
    }
}

void LiveEvents::stop()
{
    ++m_run;
    if (!m_thread)
        return;
    if (m_stream)
        QMetaObject::invokeMethod(m_stream, "stop", Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset(); // finished() has deleted the worker on its thread
    m_apiKey.clear();
    m_pushQueued = false;
    for (const QString &id : m_ws->settings()->liveMonitoredAccounts())
        setStatus(id, LiveStatus());
}

bool LiveEvents::isRunning() const
{
    return m_thread != nullptr;
}

LiveStatus LiveEvents::status(const QString &accountId) const
{
    return isMonitored(accountId) ? m_status.value(accountId) : LiveStatus();
}

void LiveEvents::setStatus(const QString &accountId, const LiveStatus &status)
{
    if (m_status.value(accountId) == status)
        return;
    if (status.state == LiveStatus::State::Stopped && status.reason.isEmpty())
        m_status.remove(accountId);
    else
        m_status.insert(accountId, status);
    Q_EMIT statusChanged(accountId, status);
}

void LiveEvents::onWebhookReady(const QString &accountId, const Webhook &webhook)
{
    if (!isMonitored(accountId)) {
        // Turned off while it was being made sure of: it monitors now, and costs.
        if (isRunning())
            sendStop(accountId, webhook.id);
        else
            m_toStop.insert(accountId);
        return;
    }
    m_webhooks.insert(accountId, webhook.id);
    schedulePush();
}

void LiveEvents::onEnsureFailed(const QString &accountId, const ApiError &error)
{
    if (!isMonitored(accountId))
        return;
    setStatus(accountId, LiveStatus { LiveStatus::State::Error, -1, error.userMessage() });
    Q_EMIT failed(accountId, error);
}

void LiveEvents::schedulePush()
{
    // Webhooks come ready one by one (hundreds at a start): the worker gets the set once.
    if (m_pushQueued)
        return;
    m_pushQueued = true;
    QTimer::singleShot(0, this, [this, run = m_run] {
        if (run == m_run)
            pushAccounts();
    });
}

void LiveEvents::pushAccounts()
{
    m_pushQueued = false;
    if (!m_stream)
        return;
    QList<WatchedAccount> watched;
    for (const QString &id : monitoredAccounts()) {
        const QString webhookId = m_webhooks.value(id);
        if (!webhookId.isEmpty())
            watched.append({ id, webhookId, m_ws->liveEvents()->cursor(webhookId) });
    }
    EventStream *stream = m_stream;
    QMetaObject::invokeMethod(
        stream, [stream, watched] { stream->setAccounts(watched); }, Qt::QueuedConnection);
}

void LiveEvents::stopWebhook(const QString &accountId)
{
    const QString known = m_webhooks.take(accountId);
    if (!isRunning()) {
        m_toStop.insert(accountId); // nothing is sent before start()
        return;
    }
    if (!known.isEmpty()) {
        sendStop(accountId, known);
        return;
    }
    if (m_ensurer->isBusy(accountId))
        return; // onWebhookReady() stops it when it is ready
    ApiCall *call = m_service->list(accountId);
    connect(call, &ApiCall::finished, this, [this, accountId, call] {
        const Decoded<QList<Webhook>> list = decodeWebhookList(call->data());
        const Webhook *w = list.ok() ? WebhookEnsurer::choose(list.value, accountId) : nullptr;
        if (w && (w->monitoring || !w->monitoringKnown) && !isMonitored(accountId))
            sendStop(accountId, w->id);
    });
    connect(call, &ApiCall::failed, this, [this, accountId](const ApiError &error) {
        m_toStop.insert(accountId); // tried again at the next start
        Q_EMIT failed(accountId, error);
    });
}

void LiveEvents::sendStop(const QString &accountId, const QString &webhookId)
{
    qCInfo(lcSync).noquote() << "stopping webhook" << webhookId << "of account" << accountId;
    ApiCall *call = m_service->stop(webhookId);
    connect(call, &ApiCall::failed, this, [this, accountId](const ApiError &error) {
        if (isMonitored(accountId))
            return; // turned on again meanwhile
        m_toStop.insert(accountId); // tried again at the next start
        Q_EMIT failed(accountId, error);
    });
}

} // namespace ld
