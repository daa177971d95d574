#pragma once
// Makes sure that an account has a hosted webhook that is monitoring, before EventStream
// watches it (main thread; ARCHITECTURE §4): lists the account's webhooks, creates a hosted one
// (all events) when it has none, and calls /start when Webhook::needsStart() says so (monitoring
// off or not stated; never decided from is_active, contract §9.4). Creating or starting turns
// monitoring on, which costs about 10 credits a day per account (§1.9): the caller asks the
// person first.
// A hosted webhook that the person paused (is_active false) is not resumed behind their back:
// ensure() fails with a sentence that says where to resume it.
#include "domain/webhook.h"
#include "services/webhooksservice.h"

#include <QObject>
#include <QSet>

namespace ld {

class WebhookEnsurer : public QObject
{
    Q_OBJECT
public:
    explicit WebhookEnsurer(WebhooksService *service, QObject *parent = nullptr);

    // Asking again for an account already in progress joins that run: one create, not two.
    void ensure(const QString &accountId);
    bool isBusy(const QString &accountId) const { return m_busy.contains(accountId); }

    // The hosted webhook of `accountId` to follow among `webhooks`: an active one receiving
    // messages and accepted invitations first, then any active one, then a paused one; nullptr
    // when the account has no hosted webhook.
    static const Webhook *choose(const QList<Webhook> &webhooks, const QString &accountId);

Q_SIGNALS:
    // `created`: a new hosted webhook; `started`: /start was called (monitoring was off).
    void ready(const QString &accountId, const ld::Webhook &webhook, bool created, bool started);
    void failed(const QString &accountId, const ld::ApiError &error);

private:
    void onListed(const QString &accountId, const QJsonValue &data);
    void create(const QString &accountId);
    void startIfNeeded(const QString &accountId, Webhook webhook, bool created);
    void succeed(const QString &accountId, const Webhook &webhook, bool created, bool started);
    void fail(const QString &accountId, const ApiError &error);

    WebhooksService *m_service;
    QSet<QString> m_busy;
};

} // namespace ld
