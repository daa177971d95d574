// POST /v2/messages: send, list_inbox, get_conversation (contract §3).
#include "sandboxhandlers.h"

#include <algorithm>
#include <limits>

namespace ld::sandbox {

namespace {

QJsonObject participantJson(const Person &p)
{
    return obj({ { "name", p.fullName() }, { "headline", p.headline },
        { "profile_url", p.profileUrl() }, { "profile_picture", p.pictureUrl() } });
}

QJsonObject conversationJson(const SandboxState &s, const Account &a, const Conversation &c)
{
    const Person &other = s.people[size_t(c.person)];
    const Person &me = s.people[size_t(a.me)];
    const Message last = c.messages.isEmpty() ? Message() : c.messages.last();
    QJsonObject sender = participantJson(last.fromMe ? me : other);
    sender.insert(QStringLiteral("is_me"), last.fromMe);
    return obj({ { "conversation_id", c.urn(me.fsdId) }, { "participant", participantJson(other) },
        { "last_message",
            obj({ { "text", last.text }, { "time", last.time }, { "sender", sender } }) },
        { "unread", c.unread }, { "type", QStringLiteral("normal") } });
}

QJsonObject messageJson(const Person &sender, const Message &m)
{
    return obj({ { "text", m.text }, { "timestamp", m.time }, { "sender", sender.fullName() },
        { "sender_info",
            obj({ { "first_name", sender.firstName }, { "last_name", sender.lastName },
                { "profile_url", sender.profileUrl() } }) },
        { "message_type", m.type }, { "entity_urn", m.urn } });
}

// list_inbox cursors are opaque ("base64-ish", §1.7): base64url of "inbox:<offset>".
QString inboxCursor(qsizetype offset)
{
    return QString::fromLatin1(
        QByteArray("inbox:" + QByteArray::number(offset))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

qsizetype inboxOffset(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("inbox:"))
        return -1;
    bool ok = false;
    const qsizetype offset = decoded.decoded.mid(6).toLongLong(&ok);
    return ok && offset >= 0 ? offset : -1;
}

Reply listInbox(ActionContext &ctx)
{
    const qint64 count = ctx.params.integer("count", 10, 1, 100);
    const QString category = ctx.params.string("category").toUpper();
    const QString cursor = ctx.params.string("cursor");
    const bool unreadOnly = ctx.params.boolean("unread_only", false);
    ctx.params.boolean("sales_nav", false);
    if (!ctx.params.ok())
        return ctx.paramsError();
    const qsizetype offset = cursor.isEmpty() ? 0 : inboxOffset(cursor);
    if (offset < 0)
        return ctx.invalid(QStringLiteral("cursor is invalid; pass back next_cursor unchanged"));

    std::vector<const Conversation *> order;
    for (const Conversation &c : ctx.account.conversations)
        // Decision: category values are unknown (§3.2); UNREAD filters like unread_only and
        // every other value (INBOX, STARRED, ...) lists the whole inbox.
        if ((!unreadOnly && category != QLatin1String("UNREAD")) || c.unread > 0)
            order.push_back(&c);
    std::stable_sort(order.begin(), order.end(),
        [](const Conversation *a, const Conversation *b) { return a->lastTime() > b->lastTime(); });
    QJsonArray items;
    for (size_t i = size_t(offset); i < order.size() && items.size() < count; ++i)
        items.append(conversationJson(ctx.state, ctx.account, *order[i]));
    const int cost = perResults(items.size(), 10);
    if (!ctx.canAfford(cost))
        return ctx.noCredits(cost);
    QJsonObject data = obj({ { "conversations", items }, { "total_results", items.size() } });
    if (size_t(offset) + size_t(items.size()) < order.size())
        data.insert(QStringLiteral("next_cursor"), inboxCursor(offset + items.size()));
    // At the end next_cursor is absent (§1.7: "absent/empty => end").
    return ctx.ok(data, cost);
}

Reply getConversation(ActionContext &ctx)
{
    const QString id = ctx.params.anyString({ "conversation_id", "profile_url" }, true);
    const qint64 count = ctx.params.integer("count", 20, 1, 100);
    const QString cursor = ctx.params.string("cursor");
    const bool markRead = ctx.params.boolean("mark_as_read", false);
    ctx.params.boolean("sales_nav", false);
    if (!ctx.params.ok())
        return ctx.paramsError();
    bool cursorOk = true;
    const qint64 before
        = cursor.isEmpty() ? std::numeric_limits<qint64>::max() : cursor.toLongLong(&cursorOk);
    if (!cursorOk)
        return ctx.invalid(QStringLiteral("cursor must be a millisecond timestamp, as returned "
                                          "in next_cursor"));
    Conversation *c = ctx.params.has("conversation_id")
        ? ctx.state.conversation(ctx.account, id)
        : ctx.state.conversationWith(
            ctx.account, ctx.state.personBySlug(SandboxState::slugFromUrl(id), false));
    if (!c)
        return ctx.invalid(QStringLiteral("conversation not found: %1").arg(id));
    if (!ctx.canAfford(1))
        return ctx.noCredits(1);
    const int unreadBefore = c->unread;
    if (markRead)
        c->unread = 0;
    const Person &me = ctx.state.people[size_t(ctx.account.me)];
    const Person &other = ctx.state.people[size_t(c->person)];
    QJsonArray messages;
    qsizetype i = c->messages.size() - 1;
    while (i >= 0 && c->messages[i].time >= before)
        --i;
    qint64 oldest = 0;
    for (; i >= 0 && messages.size() < count; --i) { // newest first
        const Message &m = c->messages[i];
        messages.append(messageJson(m.fromMe ? me : other, m));
        oldest = m.time;
    }
    const qsizetype lastSeen = c->messages.size() - 1 - unreadBefore;
    return ctx.ok(obj({ { "total_message_count", c->messages.size() },
                      { "unread_count", c->unread }, { "last_seen_message", c->unread == 0 },
                      { "last_seen_at", lastSeen >= 0 ? c->messages[lastSeen].time : 0 },
                      { "messages", messages },
                      // Decision: an empty string at the end (list_inbox omits the field).
                      { "next_cursor", i >= 0 ? QString::number(oldest) : QString() } }),
        1);
}

Reply send(ActionContext &ctx)
{
    const QString text = ctx.params.string("message_text", true);
    // Decision: a reply into a known thread by conversation_id is accepted as well as the
    // documented profile_url (integration code sends thread references, §3.1).
    const QString target
        = ctx.params.anyString({ "profile_url", "linkedin_url", "conversation_id" }, true);
    const bool media = !ctx.params.string("media_link").isEmpty()
        || !ctx.params.object("media_file").isEmpty() || !ctx.params.string("media_path").isEmpty();
    if (ctx.params.has("media_file")) {
        const QJsonObject file = ctx.params.raw().value(QStringLiteral("media_file")).toObject();
        if (!file.value(QStringLiteral("data")).isString()
            || !file.value(QStringLiteral("filename")).isString())
            ctx.params.invalid(QStringLiteral("media_file must be an object {data, filename}"));
    }
    if (text.size() > 8000)
        ctx.params.invalid(QStringLiteral("message_text is longer than 8000 characters"));
    if (!ctx.params.ok())
        return ctx.paramsError();
    const int cost = media ? 2 : 1;
    if (!ctx.canAfford(cost))
        return ctx.noCredits(cost);
    Conversation *c = nullptr;
    if (ctx.params.has("conversation_id") && !ctx.params.has("profile_url")
        && !ctx.params.has("linkedin_url")) {
        c = ctx.state.conversation(ctx.account, target);
        if (!c)
            return ctx.invalid(QStringLiteral("conversation not found: %1").arg(target));
    } else {
        const QString slug = SandboxState::slugFromUrl(target);
        if (slug.isEmpty())
            return ctx.invalid(QStringLiteral("profile_url is not a LinkedIn profile URL"));
        const int person = ctx.state.personBySlug(slug, true);
        if (!ctx.state.people[size_t(person)].exists)
            return ctx.invalid(QStringLiteral("recipient not found: the profile no longer exists"));
        c = ctx.state.conversationWith(ctx.account, person);
        if (!c)
            c = &ctx.state.startConversation(ctx.account, person);
    }
    Message m;
    m.fromMe = true;
    m.text = text;
    m.time = ctx.state.nowMs();
    m.urn = ctx.state.messageUrn(ctx.account, *c, int(c->messages.size()));
    c->messages << m;
    c->unread = 0;
    const QString entity = QString::fromLatin1(
        m.urn.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
                               .right(16);
    return ctx.ok(
        obj({ { "entityUrn", QStringLiteral("urn:li:messagingMessage:") + entity },
            // As in the contract's example, send answers with the short thread
            // id ("2-…"), while list_inbox shows the full conversation URN.
            { "conversation_id", c->threadKey },
            { "deliveredAt", formatTime(QDateTime::currentDateTimeUtc(), TimeStyle::Zulu) } }),
        cost);
}

} // namespace

namespace handlers {

QStringList messageActions()
{
    return { QStringLiteral("send"), QStringLiteral("list_inbox"),
        QStringLiteral("get_conversation") };
}

Reply messages(ActionContext &ctx)
{
    if (ctx.action == QLatin1String("send"))
        return send(ctx);
    if (ctx.action == QLatin1String("list_inbox"))
        return listInbox(ctx);
    return getConversation(ctx);
}

} // namespace handlers
} // namespace ld::sandbox
