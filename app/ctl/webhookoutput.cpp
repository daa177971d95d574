#include "webhookoutput.h"

#include "cli.h"

#include "domain/webhook.h"
#include "sync/liveevents.h"

#include <QJsonArray>

namespace ld::ctl {

namespace {

QString mode(const Webhook &w)
{
    return w.isHosted() ? QStringLiteral("hosted") : QStringLiteral("custom");
}

QString monitoringText(const Webhook &w)
{
    if (!w.monitoringKnown)
        return QStringLiteral("unknown");
    return w.monitoring ? QStringLiteral("on") : QStringLiteral("off");
}

QString yesNo(bool b)
{
    return b ? QStringLiteral("yes") : QStringLiteral("no");
}

} // namespace

QJsonObject webhookJson(const Webhook &w)
{
    return { { QStringLiteral("webhook_id"), w.id }, { QStringLiteral("account_id"), w.accountId },
        { QStringLiteral("mode"), mode(w) },
        { QStringLiteral("url"), w.isHosted() ? QJsonValue() : QJsonValue(w.url) },
        { QStringLiteral("events"), QJsonArray::fromStringList(w.events) },
        { QStringLiteral("is_active"), w.isActive },
        { QStringLiteral("monitoring"),
            w.monitoringKnown ? QJsonValue(w.monitoring) : QJsonValue() },
        { QStringLiteral("signature_enabled"), w.signatureEnabled },
        { QStringLiteral("created_at"), isoTime(w.createdAt) },
        { QStringLiteral("updated_at"), isoTime(w.updatedAt) } };
}

void printWebhookTable(const QList<Webhook> &webhooks)
{
    QList<QStringList> rows { { QStringLiteral("ID"), QStringLiteral("ACCOUNT"),
        QStringLiteral("MODE"), QStringLiteral("EVENTS"), QStringLiteral("ACTIVE"),
        QStringLiteral("MONITORING"), QStringLiteral("SIGNED"), QStringLiteral("URL") } };
    for (const Webhook &w : webhooks) {
        rows.append({ w.id, w.accountId, mode(w), w.events.join(QLatin1Char(',')),
            yesNo(w.isActive), monitoringText(w), yesNo(w.signatureEnabled),
            w.isHosted() ? QStringLiteral("-") : w.url });
    }
    printTable(rows);
}

void printWebhookFields(const Webhook &w)
{
    QList<QStringList> rows { { QStringLiteral("webhook_id:"), w.id },
        { QStringLiteral("account_id:"), w.accountId }, { QStringLiteral("mode:"), mode(w) } };
    if (!w.isHosted())
        rows.append({ QStringLiteral("url:"), w.url });
    rows.append({ QStringLiteral("events:"), w.events.join(QLatin1Char(',')) });
    rows.append({ QStringLiteral("is_active:"), yesNo(w.isActive) });
    rows.append({ QStringLiteral("monitoring:"), monitoringText(w) });
    rows.append({ QStringLiteral("signed:"), yesNo(w.signatureEnabled) });
    if (!w.secret.isEmpty())
        rows.append({ QStringLiteral("secret:"), w.secret });
    printTable(rows);
}

void printMonitoringCost(const QString &accountId, const QString &webhookId)
{
    printInfo(QStringLiteral("monitoring account %1 costs about %2 credits a day while it is on; "
                             "stop it with: linkupctl webhooks stop %3")
                  .arg(accountId.isEmpty() ? QStringLiteral("(unknown)") : accountId)
                  .arg(LiveEvents::CreditsPerAccountPerDay)
                  .arg(webhookId));
}

} // namespace ld::ctl
