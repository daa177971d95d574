#pragma once
// How linkupctl shows webhooks: one JSON object per webhook for --json, a table for lists,
// "field: value" lines for one, and the monitoring cost notice (stderr) that create, start and
// events tail print.
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ld {
struct Webhook;
}

namespace ld::ctl {

// {webhook_id, account_id, mode, url (null when hosted), events, is_active, monitoring (null
// when the server did not say), signature_enabled, created_at, updated_at}. Never the secret.
QJsonObject webhookJson(const Webhook &webhook);
void printWebhookTable(const QList<Webhook> &webhooks);
// With the secret when it has one (only create's answer with signing).
void printWebhookFields(const Webhook &webhook);
// stderr: monitoring the account costs about 10 credits a day, and the command that stops it.
void printMonitoringCost(const QString &accountId, const QString &webhookId);

} // namespace ld::ctl
