// POST /v2/messages: send, list_inbox, get_conversation (contract §3).
#include "sandboxhandlers.h"
#include "sandboxserver.h" // CursorEnd

#include <QUrl>

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
    QJsonObject json
        = obj({ { "text", m.text }, { "timestamp", m.time }, { "sender", sender.fullName() },
            { "sender_info",
                obj({ { "first_name", sender.firstName }, { "last_name", sender.lastName },
                    { "profile_url", sender.profileUrl() } }) },
            { "message_type", m.type }, { "entity_urn", m.urn } });
    // Decision (inferred shape, not in the contract): attachments[] of {name, url, mime_type,
    // size}, present only on messages that carry one.
    if (!m.attachmentName.isEmpty())
        json.insert(QStringLiteral("attachments"),
            QJsonArray { obj({ { "name", m.attachmentName }, { "url", m.attachmentUrl },
                { "mime_type", m.attachmentMime }, { "size", m.attachmentSize } }) });
    return json;
}

// The last page's next_cursor, in the form the tests chose (§1.7: "absent/empty => end").
void putEndOfList(QJsonObject &data, CursorEnd style, CursorEnd actionDefault)
{
    switch (style == CursorEnd::Default ? actionDefault : style) {
    case CursorEnd::Empty:
        data.insert(QStringLiteral("next_cursor"), QString());
        break;
    case CursorEnd::Null:
        data.insert(QStringLiteral("next_cursor"), QJsonValue::Null);
        break;
    case CursorEnd::Default:
    case CursorEnd::Missing:
        data.remove(QStringLiteral("next_cursor"));
        break;
    }
}

QString mimeFor(const QString &filename)
{
    static const char *const Types[][2] = { { "png", "image/png" }, { "jpg", "image/jpeg" },
        { "jpeg", "image/jpeg" }, { "gif", "image/gif" }, { "pdf", "application/pdf" },
        { "mp4", "video/mp4" }, { "txt", "text/plain" } };
    const QString ext = filename.section(QLatin1Char('.'), -1).toLower();
    for (const auto &t : Types)
        if (ext == QLatin1String(t[0]))
            return QLatin1String(t[1]);
    return QStringLiteral("application/octet-stream");
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
    else // by default absent at the end (§1.7: "absent/empty => end")
        putEndOfList(data, ctx.state.cursorEnd, CursorEnd::Missing);
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
    // Messages are oldest first with increasing times: start below the cursor's time.
    const auto below = std::lower_bound(c->messages.cbegin(), c->messages.cend(), before,
        [](const Message &m, qint64 t) { return m.time < t; });
    qsizetype i = (below - c->messages.cbegin()) - 1;
    qint64 oldest = 0;
    for (; i >= 0 && messages.size() < count; --i) { // newest first
        const Message &m = c->messages[i];
        messages.append(messageJson(m.fromMe ? me : other, m));
        oldest = m.time;
    }
    const qsizetype lastSeen = c->messages.size() - 1 - unreadBefore;
    QJsonObject data = obj({ { "total_message_count", c->messages.size() },
        { "unread_count", c->unread }, { "last_seen_message", c->unread == 0 },
        { "last_seen_at", lastSeen >= 0 ? c->messages[lastSeen].time : 0 },
        { "messages", messages } });
    if (i >= 0)
        data.insert(QStringLiteral("next_cursor"), QString::number(oldest));
    else // Decision: by default an empty string at the end (list_inbox omits the field).
        putEndOfList(data, ctx.state.cursorEnd, CursorEnd::Empty);
    return ctx.ok(data, 1);
}

Reply send(ActionContext &ctx)
{
    const QString text = ctx.params.string("message_text", true);
    // Decision: a reply into a known thread by conversation_id is accepted as well as the
    // documented profile_url (integration code sends thread references, §3.1).
    const QString target
        = ctx.params.anyString({ "profile_url", "linkedin_url", "conversation_id" }, true);
    const QString mediaLink = ctx.params.string("media_link");
    const QString mediaPath = ctx.params.string("media_path");
    const bool media = !mediaLink.isEmpty() || !ctx.params.object("media_file").isEmpty()
        || !mediaPath.isEmpty();
    QByteArray fileData;
    QString fileName;
    const QJsonValue fileValue = ctx.params.raw().value(QStringLiteral("media_file"));
    if (fileValue.isObject()) { // a wrong type is already reported by object() above
        const QJsonObject file = fileValue.toObject();
        fileName = file.value(QStringLiteral("filename")).toString();
        const QJsonValue data = file.value(QStringLiteral("data"));
        const auto decoded = QByteArray::fromBase64Encoding(
            data.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!data.isString() || fileName.isEmpty())
            ctx.params.invalid(QStringLiteral("media_file must be an object {data, filename}"));
        else if (!decoded || decoded.decoded.isEmpty())
            ctx.params.invalid(QStringLiteral("media_file.data must be non-empty base64"));
        fileData = decoded.decoded;
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
    m.time = ctx.state.nextMessageTime(*c);
    m.urn = ctx.state.messageUrn(ctx.account, *c, int(c->messages.size()));
    // One attachment, with the contract's precedence media_link > media_file > media_path.
    if (!mediaLink.isEmpty()) {
        m.attachmentName = QUrl(mediaLink).fileName();
        m.attachmentUrl = mediaLink;
    } else if (!fileName.isEmpty()) {
        m.attachmentName = fileName;
        m.attachmentSize = fileData.size();
        m.attachmentUrl
            = QStringLiteral("https://media.licdn.com/dms/sandbox/%1/%2")
                  .arg(c->threadKey, QString::fromLatin1(QUrl::toPercentEncoding(fileName)));
    } else if (!mediaPath.isEmpty()) {
        m.attachmentName = mediaPath.section(QLatin1Char('/'), -1);
        m.attachmentUrl = mediaPath;
    }
    if (!m.attachmentName.isEmpty())
        m.attachmentMime = mimeFor(m.attachmentName);
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
