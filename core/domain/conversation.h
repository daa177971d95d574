#pragma once
// Messages (contract §3): inbox conversations, a conversation's messages, and the answer of
// send. Decoded leniently (contract §1.8): ms epochs as 64-bit, ids as opaque strings (a
// number id is kept in full), the end of a cursor list shown by a missing, empty or null
// next_cursor.
#include "decoded.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ld {

struct Person
{
    QString name;
    QString headline;
    QString profileUrl;
    QString pictureUrl; // profile_picture or profile_picture_url
    bool isMe = false;

    static Decoded<Person> fromJson(const QJsonValue &json, const QString &path);
};

struct Conversation
{
    QString id;          // conversation_id: an opaque URN
    Person participant;  // the other party
    QString lastText;
    QDateTime lastAt;    // UTC
    Person lastSender;
    int unread = 0;
    QString type;        // "normal", ...

    static Decoded<Conversation> fromJson(const QJsonValue &json, const QString &path);
};

struct InboxPage
{
    QList<Conversation> conversations;
    int totalResults = 0;
    QString nextCursor; // empty at the end (absent, "" or null on the wire)

    bool hasMore() const { return !nextCursor.isEmpty(); }
    static Decoded<InboxPage> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

struct Attachment
{
    QString name;
    QString url;
    QString mimeType;
    qint64 size = -1;
};

struct Message
{
    QString id;          // entity_urn; may be empty for system items
    QString text;        // may be "" (system items)
    QDateTime at;        // UTC
    QString senderName;
    QString senderFirstName;
    QString senderLastName;
    QString senderProfileUrl;
    QString type;        // "TEXT", "SYSTEM", ...
    bool isMe = false;   // set by the client when the sender is the account itself
    QList<Attachment> attachments;

    static Decoded<Message> fromJson(const QJsonValue &json, const QString &path);
};

struct ConversationPage
{
    int totalMessageCount = 0;
    int unreadCount = 0;
    QList<Message> messages; // newest first, as the API sends them
    QString nextCursor;      // older messages; empty at the end

    bool hasMore() const { return !nextCursor.isEmpty(); }
    static Decoded<ConversationPage> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

struct SentMessage
{
    QString entityUrn;
    QString conversationId;
    QDateTime deliveredAt; // ISO string or ms epoch

    static Decoded<SentMessage> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

} // namespace ld
