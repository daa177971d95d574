#include "webhookensurer.h"

#include "livetypes.h"

namespace ld {

WebhookEnsurer::WebhookEnsurer(WebhooksService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{ }

const Webhook *WebhookEnsurer::choose(const QList<Webhook> &webhooks, const QString &accountId)
{
    const Webhook *best = nullptr;
    int bestScore = -1;
    for (const Webhook &w : webhooks) {
        // The list may not honour the account_id filter (§9.3 documents none): check here.
        if (w.accountId != accountId || !w.isHosted())
            continue;
        const bool everything = w.receives(QStringLiteral("message"))
            && w.receives(QStringLiteral("accepted_invitation"));
        const int score = (w.isActive ? 4 : 0) + (everything ? 2 : 0) + (w.needsStart() ? 0 : 1);
        if (score > bestScore) {
            best = &w;
            bestScore = score;
        }
    }
    return best;
}

void WebhookEnsurer::ensure(const QString &accountId)
{
    if (m_busy.contains(accountId))
        return;
    m_busy.insert(accountId);
    ApiCall *call = m_service->list(accountId);
    connect(call, &ApiCall::finished, this,
        [this, accountId, call] { onListed(accountId, call->data()); });
    connect(call, &ApiCall::failed, this,
        [this, accountId](const ApiError &error) { fail(accountId, error); });
}

void WebhookEnsurer::onListed(const QString &accountId, const QJsonValue &data)
{
    const Decoded<QList<Webhook>> list = decodeWebhookList(data);
    if (!list.ok()) {
        fail(accountId, ApiError::badBody(list.error));
        return;
    }
    const Webhook *chosen = choose(list.value, accountId);
    if (!chosen) {
        create(accountId);
        return;
    }
    if (!chosen->isActive) {
        fail(accountId,
            ApiError::config(tr("Live events of this account are paused on the Webhooks page: "
                                "resume them there to see new messages arrive.")));
        return;
    }
    startIfNeeded(accountId, *chosen, false);
}

void WebhookEnsurer::create(const QString &accountId)
{
    qCInfo(lcLive).noquote() << "account" << accountId << "has no hosted webhook: creating one";
    ApiCall *call = m_service->create(accountId, WebhookSettings());
    connect(call, &ApiCall::finished, this, [this, accountId, call] {
        Decoded<Webhook> w = Webhook::fromJson(call->data());
        if (!w.ok()) {
            fail(accountId, ApiError::badBody(w.error));
            return;
        }
        if (w.value.accountId.isEmpty())
            w.value.accountId = accountId; // the create answer may not repeat it (§9.2)
        startIfNeeded(accountId, w.value, true);
    });
    connect(call, &ApiCall::failed, this,
        [this, accountId](const ApiError &error) { fail(accountId, error); });
}

void WebhookEnsurer::startIfNeeded(const QString &accountId, Webhook webhook, bool created)
{
    if (!webhook.needsStart()) {
        succeed(accountId, webhook, created, false);
        return;
    }
    // Harmless when it already monitors: /start never opens a second connection (§9.1).
    ApiCall *call = m_service->start(webhook.id);
    connect(call, &ApiCall::finished, this, [this, accountId, webhook, created, call]() mutable {
        const QJsonValue monitoring = call->data().toObject().value(QStringLiteral("monitoring"));
        webhook.monitoring = monitoring.isBool() ? monitoring.toBool() : true;
        webhook.monitoringKnown = true;
        succeed(accountId, webhook, created, true);
    });
    connect(call, &ApiCall::failed, this,
        [this, accountId](const ApiError &error) { fail(accountId, error); });
}

void WebhookEnsurer::succeed(
    const QString &accountId, const Webhook &webhook, bool created, bool started)
{
    m_busy.remove(accountId);
    Q_EMIT ready(accountId, webhook, created, started);
}

void WebhookEnsurer::fail(const QString &accountId, const ApiError &error)
{
    m_busy.remove(accountId);
    qCInfo(lcLive).noquote() << "account" << accountId
                             << "webhook not ready:" << error.technicalSummary();
    Q_EMIT failed(accountId, error);
}

} // namespace ld
