// inbox list, conversation show: refreshed through InboxSync into the profile's store, then
// printed from the store, as the app shows them.
#include "commands.h"
#include "session.h"

#include "store/conversationrepository.h"
#include "sync/inboxsync.h"

#include <QJsonArray>

namespace ld::ctl {

namespace {

constexpr int kHistoryPage = 100; // the most get_conversation returns at once

QJsonObject personJson(const Person &p)
{
    return { { QStringLiteral("name"), p.name }, { QStringLiteral("headline"), p.headline },
        { QStringLiteral("profile_url"), p.profileUrl } };
}

QJsonObject rowJson(const ConversationRow &row)
{
    const Conversation &c = row.conversation;
    QJsonObject sender = personJson(c.lastSender);
    sender.insert(QStringLiteral("is_me"), c.lastSender.isMe);
    return { { QStringLiteral("conversation_id"), c.id },
        { QStringLiteral("account_id"), row.accountId },
        { QStringLiteral("participant"), personJson(c.participant) },
        { QStringLiteral("last_message"),
            QJsonObject { { QStringLiteral("text"), c.lastText },
                { QStringLiteral("time"), isoTime(c.lastAt) },
                { QStringLiteral("sender"), sender } } },
        { QStringLiteral("unread"), c.unread },
        { QStringLiteral("marked_unread"), row.markedUnread },
        { QStringLiteral("done"), row.done } };
}

QJsonObject messageJson(const Message &m)
{
    QJsonArray attachments;
    for (const Attachment &a : m.attachments)
        attachments.append(
            QJsonObject { { QStringLiteral("name"), a.name }, { QStringLiteral("url"), a.url },
                { QStringLiteral("mime_type"), a.mimeType }, { QStringLiteral("size"), a.size } });
    return { { QStringLiteral("id"), m.id }, { QStringLiteral("time"), isoTime(m.at) },
        { QStringLiteral("sender"), m.senderName },
        { QStringLiteral("sender_profile_url"), m.senderProfileUrl },
        { QStringLiteral("is_me"), m.isMe }, { QStringLiteral("type"), m.type },
        { QStringLiteral("text"), m.text }, { QStringLiteral("attachments"), attachments } };
}

// Refreshes the newest `count` conversations of the account. ExitOk, or the exit code after
// the error line; *credits gets what the refresh cost.
int refresh(Session &session, const QString &accountId, int count, int *credits)
{
    InboxSync *sync = session.workspace()->inboxSync();
    bool done = false;
    ApiError failure;
    QObject guard;
    QObject::connect(
        sync, &InboxSync::inboxRefreshed, &guard, [&](const QString &id, int, int spent) {
            if (id == accountId) {
                *credits = spent;
                done = true;
            }
        });
    QObject::connect(sync, &InboxSync::failed, &guard, [&](const QString &id, const ApiError &e) {
        if (id == accountId) {
            failure = e;
            done = true;
        }
    });
    sync->refreshInbox(accountId, count);
    if (!waitUntil(sync, &InboxSync::busyChanged, [&] { return done; }))
        return fail(QStringLiteral("interrupted"));
    return failure.isError() ? session.apiFailure(failure) : int(ExitOk);
}

} // namespace

int inboxList(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, { QStringLiteral("--account"), QStringLiteral("--limit") },
            { QStringLiteral("--unread") }, &parsed, &error))
        return usageError(error);
    const QString accountId = parsed.value(QStringLiteral("--account"));
    if (accountId.isEmpty())
        return usageError(QStringLiteral("inbox list needs --account ID"));
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    bool ok = true;
    const QString limitText = parsed.value(QStringLiteral("--limit"));
    const int limit = limitText.isEmpty() ? 25 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 10000)
        return usageError(QStringLiteral("--limit takes a number from 1 to 10000"));

    Session session(options);
    if (const int rc = session.open())
        return rc;
    int credits = 0;
    if (const int rc = refresh(session, accountId, limit, &credits))
        return rc;

    InboxFilter filter;
    filter.accountIds = { accountId };
    filter.unreadOnly = parsed.has(QStringLiteral("--unread"));
    filter.done = InboxFilter::DoneState::Any;
    const QList<ConversationRow> rows = session.workspace()->conversations()->page(filter, limit);
    if (options.json) {
        QJsonArray items;
        for (const ConversationRow &row : rows)
            items.append(rowJson(row));
        printJson(
            { { QStringLiteral("items"), items }, { QStringLiteral("total"), int(rows.size()) },
                { QStringLiteral("credits_consumed"), credits } });
        return ExitOk;
    }
    printInfo(QStringLiteral("refresh cost %1 credit(s)").arg(credits));
    QList<QStringList> table { { QStringLiteral("CONVERSATION"), QStringLiteral("FROM"),
        QStringLiteral("UNREAD"), QStringLiteral("TIME"), QStringLiteral("LAST MESSAGE") } };
    for (const ConversationRow &row : rows) {
        const Conversation &c = row.conversation;
        const QString who = c.lastSender.isMe ? QStringLiteral("you: ") : QString();
        table.append({ c.id, oneLine(c.participant.name),
            row.isUnread() ? QString::number(qMax(1, c.unread)) : QString(), localTime(c.lastAt),
            who + shortened(c.lastText, 60) });
    }
    printTable(table);
    return ExitOk;
}

int conversationShow(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(args, { QStringLiteral("--account") }, {}, &parsed, &error))
        return usageError(error);
    const QString accountId = parsed.value(QStringLiteral("--account"));
    if (accountId.isEmpty())
        return usageError(QStringLiteral("conversation show needs --account ID"));
    if (parsed.positional.size() != 1)
        return usageError(QStringLiteral("conversation show needs exactly one CONVERSATION_ID"));
    const QString conversationId = parsed.positional.first();

    Session session(options);
    if (const int rc = session.open())
        return rc;
    ConversationRepository *store = session.workspace()->conversations();
    int credits = 0;
    std::optional<ConversationRow> row = store->find(accountId, conversationId);
    if (!row) {
        // Not cached yet: the ids `inbox list` prints are among the newest conversations.
        if (const int rc = refresh(session, accountId, 100, &credits))
            return rc;
        row = store->find(accountId, conversationId);
        if (!row)
            return fail(QStringLiteral("conversation %1 is not among the newest 100 of account %2; "
                                       "run inbox list --limit N to read further back")
                            .arg(conversationId, accountId));
    }

    InboxSync *sync = session.workspace()->inboxSync();
    bool loaded = false;
    int received = 0;
    ApiError failure;
    QObject guard;
    QObject::connect(
        sync, &InboxSync::conversationLoaded, &guard, [&](qint64 key, int messages, int spent) {
            if (key == row->key) {
                credits += spent;
                received = messages;
                loaded = true;
            }
        });
    QObject::connect(sync, &InboxSync::failed, &guard, [&](const QString &id, const ApiError &e) {
        if (id == accountId || id.isEmpty()) {
            failure = e;
            loaded = true;
        }
    });
    // The newest page first, then older pages until the stored history is complete; an empty
    // page ends it too, so a server that never stops handing out cursors cannot hold us.
    bool first = true;
    while (first || (!store->historyComplete(row->key) && received > 0)) {
        loaded = false;
        if (first)
            sync->loadConversation(row->key, kHistoryPage);
        else
            sync->loadOlder(row->key, kHistoryPage);
        first = false;
        if (!waitUntil(sync, &InboxSync::conversationLoaded, [&] { return loaded; }))
            return fail(QStringLiteral("interrupted"));
        if (failure.isError())
            return session.apiFailure(failure);
    }

    const QList<Message> newestFirst = store->messages(row->key, store->messageCount(row->key));
    if (options.json) {
        QJsonArray messages;
        for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
            messages.append(messageJson(*it));
        printJson({ { QStringLiteral("conversation_id"), row->conversation.id },
            { QStringLiteral("account_id"), accountId },
            { QStringLiteral("participant"), personJson(row->conversation.participant) },
            { QStringLiteral("messages"), messages },
            { QStringLiteral("total"), int(newestFirst.size()) },
            { QStringLiteral("credits_consumed"), credits } });
        return ExitOk;
    }
    printInfo(QStringLiteral("%1 message(s); reading them cost %2 credit(s)")
                  .arg(newestFirst.size())
                  .arg(credits));
    printLine(
        QStringLiteral("Conversation with %1").arg(oneLine(row->conversation.participant.name)));
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it) {
        const Message &m = *it;
        const QString sender = m.isMe ? QStringLiteral("you") : oneLine(m.senderName);
        // Continuation lines are indented so a message cannot pass for another sender's line.
        QString text = m.text;
        text.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
        if (text.isEmpty() && !m.type.isEmpty())
            text = QStringLiteral("[%1]").arg(m.type.toLower());
        printLine(QStringLiteral("%1  %2: %3").arg(localTime(m.at), sender, text));
        for (const Attachment &a : m.attachments)
            printLine(QStringLiteral("    attachment: %1 %2").arg(oneLine(a.name), a.url));
    }
    return ExitOk;
}

} // namespace ld::ctl
