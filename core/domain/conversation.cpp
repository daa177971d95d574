#include "conversation.h"

#include "jsonreader.h"
#include "keyaliases_p.h"

#include <QJsonArray>


namespace ld {

namespace {

// The end of a cursor list is a missing, empty or null next_cursor (§1.7); get_conversation's
// cursor is a ms epoch that may come as a number: Reader::id keeps it in full, as a string.
QString readCursor(json::Reader &r)
{
    return r.id(QStringLiteral("next_cursor"));
}

// Decodes `key` as a Person when present; absent or null gives the default. A wrong type
// is left in r's error.
Decoded<Person> personAt(json::Reader &r, const QString &key)
{
    const QJsonObject o = r.subObject(key);
    if (!r.ok() || !r.has(key))
        return Decoded<Person>::success({});
    return Person::fromJson(o, json::childPath(r.path(), key));
}

// Attachments are not in the contract (inferred from V1 and integration code): a surprise in
// their shape drops that detail, never the message that carries it.
QList<Attachment> attachmentsOf(const QJsonValue &value)
{
    QList<Attachment> list;
    const QJsonArray items = value.toArray();
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            continue;
        json::Reader r(item, QString());
        Attachment a;
        a.name = json::firstString(r, { "name", "filename", "file_name" });
        a.url = json::firstString(r, { "url", "link", "media_url" });
        a.mimeType = json::firstString(r, { "mime_type", "type", "content_type" });
        a.size = r.int64(QStringLiteral("size"), -1);
        if (a.size < -1)
            a.size = -1;
        if (!a.name.isEmpty() || !a.url.isEmpty())
            list.append(a);
    }
    return list;
}

} // namespace

Decoded<Person> Person::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    Person p;
    p.name = r.string(QStringLiteral("name"));
    if (p.name.isEmpty()) {
        const QString first = r.string(QStringLiteral("first_name"));
        const QString last = r.string(QStringLiteral("last_name"));
        p.name = (first + QLatin1Char(' ') + last).trimmed();
    }
    p.headline = r.string(QStringLiteral("headline"));
    p.profileUrl = json::firstString(r, { "profile_url", "linkedin_url" });
    p.pictureUrl = json::firstString(r, { "profile_picture", "profile_picture_url" });
    p.isMe = r.boolean(QStringLiteral("is_me"));
    return json::finish(r, std::move(p));
}

Decoded<Conversation> Conversation::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    Conversation c;
    c.id = r.id(QStringLiteral("conversation_id"), /*required=*/true);
    Decoded<Person> participant = personAt(r, QStringLiteral("participant"));
    if (!participant.ok())
        return Decoded<Conversation>::failure(participant.error);
    c.participant = std::move(participant.value);

    const QString lastKey = QStringLiteral("last_message");
    json::Reader last(r.subObject(lastKey), json::childPath(path, lastKey));
    if (r.ok() && r.has(lastKey)) {
        c.lastText = last.string(QStringLiteral("text"));
        c.lastAt = last.timestamp(QStringLiteral("time"));
        Decoded<Person> sender = personAt(last, QStringLiteral("sender"));
        if (!last.ok())
            return Decoded<Conversation>::failure(last.error());
        if (!sender.ok())
            return Decoded<Conversation>::failure(sender.error);
        c.lastSender = std::move(sender.value);
    }

    // unread is a count; a boolean is read as 0/1 rather than refused.
    if (r.object().value(QStringLiteral("unread")).isBool())
        c.unread = r.boolean(QStringLiteral("unread")) ? 1 : 0;
    else
        c.unread = r.count(QStringLiteral("unread"));
    c.type = r.string(QStringLiteral("type"));
    return json::finish(r, std::move(c));
}

Decoded<InboxPage> InboxPage::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    InboxPage page;
    const QJsonArray items = r.array(QStringLiteral("conversations"));
    page.totalResults = r.count(QStringLiteral("total_results"), items.size());
    page.nextCursor = readCursor(r);
    if (!r.ok())
        return Decoded<InboxPage>::failure(r.error());
    const QString itemsPath = json::childPath(path, QStringLiteral("conversations"));
    page.conversations.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        Decoded<Conversation> c
            = Conversation::fromJson(items.at(i), json::indexPath(itemsPath, i));
        if (!c.ok())
            return Decoded<InboxPage>::failure(c.error);
        page.conversations.append(std::move(c.value));
    }
    return Decoded<InboxPage>::success(std::move(page));
}

Decoded<Message> Message::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    Message m;
    m.id = json::firstId(r, { "entity_urn", "entityUrn" });
    m.text = r.string(QStringLiteral("text"));
    m.at = r.timestamp(QStringLiteral("timestamp"));
    m.type = r.string(QStringLiteral("message_type"));
    m.isMe = r.boolean(QStringLiteral("is_me"));

    // sender is a display name (§3.3); the object form of last_message.sender is accepted too.
    const QString senderKey = QStringLiteral("sender");
    if (r.object().value(senderKey).isObject()) {
        const Decoded<Person> sender = personAt(r, senderKey);
        if (!sender.ok())
            return Decoded<Message>::failure(sender.error);
        m.senderName = sender.value.name;
        m.senderProfileUrl = sender.value.profileUrl;
        m.isMe = m.isMe || sender.value.isMe;
    } else {
        m.senderName = r.string(senderKey);
    }

    const QString infoKey = QStringLiteral("sender_info");
    json::Reader info(r.subObject(infoKey), json::childPath(path, infoKey));
    if (r.ok() && r.has(infoKey)) {
        m.senderFirstName = info.string(QStringLiteral("first_name"));
        m.senderLastName = info.string(QStringLiteral("last_name"));
        const QString url = json::firstString(info, { "profile_url", "linkedin_url" });
        if (!url.isEmpty())
            m.senderProfileUrl = url;
        if (!info.ok())
            return Decoded<Message>::failure(info.error());
    }
    if (m.senderName.isEmpty())
        m.senderName = (m.senderFirstName + QLatin1Char(' ') + m.senderLastName).trimmed();

    const QString attachmentsKey = QStringLiteral("attachments");
    r.markRead({ "attachments" });
    m.attachments = attachmentsOf(r.object().value(attachmentsKey));
    return json::finish(r, std::move(m));
}

Decoded<ConversationPage> ConversationPage::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    ConversationPage page;
    const QJsonArray items = r.array(QStringLiteral("messages"));
    page.totalMessageCount = r.count(QStringLiteral("total_message_count"), items.size());
    page.unreadCount = r.count(QStringLiteral("unread_count"));
    page.nextCursor = readCursor(r);
    if (!r.ok())
        return Decoded<ConversationPage>::failure(r.error());
    const QString itemsPath = json::childPath(path, QStringLiteral("messages"));
    page.messages.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        Decoded<Message> m = Message::fromJson(items.at(i), json::indexPath(itemsPath, i));
        if (!m.ok())
            return Decoded<ConversationPage>::failure(m.error);
        page.messages.append(std::move(m.value));
    }
    return Decoded<ConversationPage>::success(std::move(page));
}

Decoded<SentMessage> SentMessage::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    SentMessage s;
    s.entityUrn = json::firstId(r, { "entityUrn", "entity_urn" });
    s.conversationId = json::firstId(r, { "conversation_id", "conversationId" });
    s.deliveredAt = r.timestamp(QStringLiteral("deliveredAt")); // ISO in V2, ms in V1
    return json::finish(r, std::move(s));
}

} // namespace ld
