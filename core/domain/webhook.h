#pragma once
// Hosted webhooks and their events (contract §9): the webhook as create/list/get describe it,
// the event wrapper shared by the SSE stream, the polling endpoint and custom deliveries
// (§9.10), and the items of GET /v2/webhooks/{id}/events (§9.9). Decoded leniently: the
// documented shapes vary (flat and data-nested payloads; list as items[] or webhooks[] or a bare
// array), unknown event types are kept as "other", and a wrong type is refused with its path.
#include "decoded.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ld {

struct Webhook
{
    QString id; // webhook_id
    QString accountId;
    QString url; // empty: hosted
    QStringList events; // "all", "message_received", "accepted_invitation"
    bool isActive = true; // delivery on/off (PUT); does not stop monitoring or billing (§9.4)
    bool monitoring = true; // the live LinkedIn connection (/start, /stop); what costs credits
    bool monitoringKnown = false; // false when the server did not say (then ask /start)
    bool signatureEnabled = false;
    QString secret; // only in create's answer with enable_signature, and rotate-secret's
    QString streamUrl; // hosted only, when given
    QString eventsUrl;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isHosted() const { return url.isEmpty(); }
    // Whether `/start` is needed to receive anything: decided from monitoring, never from
    // is_active (contract §9.4, ARCHITECTURE §4). Unknown monitoring counts as off (start is
    // harmless: it never opens a duplicate connection, §9.1).
    bool needsStart() const { return !monitoringKnown || !monitoring; }
    bool receives(const QString &eventType) const; // by the events filter (payload type names)

    static Decoded<Webhook> fromJson(
        const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

Decoded<QList<Webhook>> decodeWebhookList(
    const QJsonValue &json, const QString &path = QStringLiteral("data"));

struct LiveEvent
{
    enum class Type { Message, AcceptedInvitation, Disconnection, Other };

    Type type = Type::Other;
    QString typeName; // event.type as sent
    QString accountId;
    QString accountName;
    QDateTime emittedAt; // wrapper timestamp: when LinkUp emitted it
    QDateTime happenedAt; // event.timestamp: when it happened on LinkedIn (optional)
    QString emittedAtText; // the wrapper timestamp verbatim (part of the content key)

    // message (flat or under event.data)
    QString senderName;
    QString senderProfileUrl;
    QString text;
    QString conversationId;
    QString messageId;
    // accepted_invitation
    QString profileUrl;
    QString firstName;
    QString lastName;

    QJsonObject inner; // event{...} verbatim

    // The same event from the stream and from a poll gives the same key: SHA-256 over the
    // account, the wrapper timestamp and the inner payload in canonical (sorted, compact) JSON.
    QByteArray contentKey() const;
    QString personName() const; // sender or the person who accepted

    // `json` is the wrapper {account_id, account_name, event{type,…}, timestamp}.
    static Decoded<LiveEvent> fromJson(
        const QJsonValue &json, const QString &path = QStringLiteral("data"));
    static Type typeFromName(const QString &name);
};

// One item of GET /v2/webhooks/{id}/events.
struct PolledEvent
{
    QString eventId;
    QDateTime createdAt; // storage time: the newest is the next `since`
    QString createdAtText;
    LiveEvent event;
};

// One page of GET /v2/webhooks/{id}/events. An item that cannot be decoded is skipped with its
// problem noted, so one bad event never blocks the gap fill; its created_at still counts for
// the next `since`.
struct PolledPage
{
    QList<PolledEvent> events; // oldest first (the order is not documented, §9.9: sorted here)
    QStringList problems; // one sentence with the JSON path per skipped item
    int itemCount = 0; // items on the page, skipped ones included (a full page: poll again)
    QDateTime newestCreatedAt; // invalid when no item had a readable created_at
    QString newestCreatedAtText;
};

// Fails only when the page itself is unreadable (no items array).
Decoded<PolledPage> decodePolledEvents(
    const QJsonValue &json, const QString &path = QStringLiteral("data"));

} // namespace ld
