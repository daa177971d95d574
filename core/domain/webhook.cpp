#include "webhook.h"

#include "jsonreader.h"
#include "keyaliases_p.h"
#include "timestamps.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ld {

bool Webhook::receives(const QString &eventType) const
{
    if (eventType == QLatin1String("disconnection") || events.isEmpty()
        || events.contains(QLatin1String("all")))
        return true; // disconnection cannot be filtered out (§9.1)
    // The filter names differ from the payload types: message_received <-> "message" (§9.10).
    const QString filter
        = eventType == QLatin1String("message") ? QStringLiteral("message_received") : eventType;
    return events.contains(filter);
}

Decoded<Webhook> Webhook::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    Webhook w;
    w.id = json::firstId(r, { "webhook_id", "id" });
    if (w.id.isEmpty())
        r.fail(QStringLiteral("webhook_id"), QStringLiteral("missing"));
    w.accountId = r.id(QStringLiteral("account_id"));
    w.url = r.string(QStringLiteral("url"));
    const QJsonArray events = r.array(QStringLiteral("events"));
    for (int i = 0; i < events.size(); ++i) {
        if (!events.at(i).isString()) {
            r.fail(QStringLiteral("events"), QStringLiteral("expected strings"));
            break;
        }
        w.events << events.at(i).toString();
    }
    w.isActive = r.boolean(QStringLiteral("is_active"), true);
    w.monitoringKnown = r.has(QStringLiteral("monitoring"));
    w.monitoring = r.boolean(QStringLiteral("monitoring"), false);
    w.signatureEnabled = r.boolean(QStringLiteral("signature_enabled"), false);
    w.secret = r.string(QStringLiteral("secret"));
    w.streamUrl = r.string(QStringLiteral("stream_url"));
    w.eventsUrl = r.string(QStringLiteral("events_url"));
    w.createdAt = r.timestamp(QStringLiteral("created_at"));
    w.updatedAt = r.timestamp(QStringLiteral("updated_at"));
    return json::finish(r, std::move(w));
}

Decoded<QList<Webhook>> decodeWebhookList(const QJsonValue &json, const QString &path)
{
    // Not documented (§9.3): a bare array, or an object holding items[] or webhooks[].
    QJsonArray items;
    QString itemsPath = path;
    if (json.isArray()) {
        items = json.toArray();
    } else {
        json::Reader r(json, path);
        const QString key = r.object().contains(QStringLiteral("webhooks"))
            ? QStringLiteral("webhooks")
            : QStringLiteral("items");
        items = r.array(key);
        if (!r.ok())
            return Decoded<QList<Webhook>>::failure(r.error());
        itemsPath = json::childPath(path, key);
    }
    QList<Webhook> list;
    for (int i = 0; i < items.size(); ++i) {
        Decoded<Webhook> w = Webhook::fromJson(items.at(i), json::indexPath(itemsPath, i));
        if (!w.ok())
            return Decoded<QList<Webhook>>::failure(w.error);
        list << std::move(w.value);
    }
    return Decoded<QList<Webhook>>::success(std::move(list));
}

LiveEvent::Type LiveEvent::typeFromName(const QString &name)
{
    if (name == QLatin1String("message") || name == QLatin1String("message_received"))
        return Type::Message;
    if (name == QLatin1String("accepted_invitation"))
        return Type::AcceptedInvitation;
    if (name == QLatin1String("disconnection") || name == QLatin1String("disconnected"))
        return Type::Disconnection;
    return Type::Other;
}

QByteArray LiveEvent::contentKey() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(accountId.toUtf8());
    hash.addData(QByteArrayView("\n", 1));
    hash.addData(emittedAtText.toUtf8());
    hash.addData(QByteArrayView("\n", 1));
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    hash.addData(QJsonDocument(inner).toJson(QJsonDocument::Compact));
    return hash.result().toHex();
}

QString LiveEvent::personName() const
{
    if (type == Type::AcceptedInvitation)
        return (firstName + QLatin1Char(' ') + lastName).trimmed();
    return senderName;
}

Decoded<LiveEvent> LiveEvent::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    LiveEvent e;
    e.accountId = r.id(QStringLiteral("account_id"), /*required=*/true);
    e.accountName = r.string(QStringLiteral("account_name"));
    const QJsonValue stamp = r.object().value(QStringLiteral("timestamp"));
    e.emittedAtText = stamp.isString() ? stamp.toString()
        : stamp.isDouble()             ? QString::number(stamp.toInteger())
                                       : QString();
    e.emittedAt = r.timestamp(QStringLiteral("timestamp"));
    const QJsonObject inner = r.subObject(QStringLiteral("event"));
    if (!r.ok())
        return Decoded<LiveEvent>::failure(r.error());
    if (!r.has(QStringLiteral("event")))
        return Decoded<LiveEvent>::failure(
            json::childPath(path, QStringLiteral("event")) + QStringLiteral(": missing"));
    e.inner = inner;

    const QString innerPath = json::childPath(path, QStringLiteral("event"));
    json::Reader in(inner, innerPath);
    e.typeName = in.requiredString(QStringLiteral("type"));
    e.type = typeFromName(e.typeName);
    e.happenedAt = in.timestamp(QStringLiteral("timestamp"));
    // Fields may sit flat on the event or under event.data (§9.10): flat first.
    const QJsonObject nested = in.subObject(QStringLiteral("data"));
    if (!in.ok())
        return Decoded<LiveEvent>::failure(in.error());
    json::Reader d(nested, json::childPath(innerPath, QStringLiteral("data")));
    auto pick = [&](std::initializer_list<const char *> keys) {
        const QString flat = json::firstString(in, keys);
        return flat.isEmpty() ? json::firstString(d, keys) : flat;
    };
    auto pickId = [&](std::initializer_list<const char *> keys) {
        const QString flat = json::firstId(in, keys);
        return flat.isEmpty() ? json::firstId(d, keys) : flat;
    };
    e.senderName = pick({ "sender_name" });
    e.senderProfileUrl = pick({ "sender_profile", "sender_profile_url", "sender_linkedin_url" });
    e.text = pick({ "message_text", "text", "message" });
    e.conversationId = pickId({ "conversation_id", "thread_id" });
    e.messageId = pickId({ "message_id", "message_urn", "entity_urn" });
    e.profileUrl = pick({ "profile_url", "linkedin_url" });
    e.firstName = pick({ "first_name" });
    e.lastName = pick({ "last_name" });
    if (!in.ok())
        return Decoded<LiveEvent>::failure(in.error());
    if (!d.ok() && !nested.isEmpty())
        return Decoded<LiveEvent>::failure(d.error());
    return json::finish(r, std::move(e));
}

Decoded<PolledPage> decodePolledEvents(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    const QJsonArray items = r.array(QStringLiteral("items"));
    if (!r.ok())
        return Decoded<PolledPage>::failure(r.error());
    const QString itemsPath = json::childPath(path, QStringLiteral("items"));
    PolledPage page;
    page.itemCount = int(items.size());
    page.events.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        const QString itemPath = json::indexPath(itemsPath, i);
        json::Reader item(items.at(i), itemPath);
        PolledEvent p;
        p.createdAtText = item.string(QStringLiteral("created_at"));
        p.createdAt = item.timestamp(QStringLiteral("created_at"));
        if (p.createdAt.isValid()
            && (!page.newestCreatedAt.isValid() || p.createdAt > page.newestCreatedAt)) {
            page.newestCreatedAt = p.createdAt;
            page.newestCreatedAtText = p.createdAtText;
        }
        p.eventId = item.id(QStringLiteral("event_id"), /*required=*/true);
        const QJsonObject wrapper = item.subObject(QStringLiteral("event"));
        if (!item.ok()) {
            page.problems << item.error();
            continue;
        }
        Decoded<LiveEvent> e
            = LiveEvent::fromJson(wrapper, json::childPath(itemPath, QStringLiteral("event")));
        if (!e.ok()) {
            page.problems << e.error;
            continue;
        }
        p.event = std::move(e.value);
        page.events << std::move(p);
    }
    std::stable_sort(page.events.begin(), page.events.end(),
        [](const PolledEvent &a, const PolledEvent &b) { return a.createdAt < b.createdAt; });
    return Decoded<PolledPage>::success(std::move(page));
}

} // namespace ld
