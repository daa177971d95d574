#pragma once
// Messages (contract §3): POST /v2/messages with actions list_inbox, get_conversation, send.
// send is a Write: never retried after an ambiguous failure (the Outbox decides what next).
#include "api/apiclient.h"

#include <optional>

namespace ld {

struct InboxQuery
{
    int count = 25;
    QString cursor;
    QString category;     // "INBOX", "STARRED", ...; empty: the server's default
    bool unreadOnly = false;
};

struct MediaFile
{
    QString filename;
    QByteArray data;      // raw bytes; base64-encoded on the wire as media_file.data
};

class MessagesService : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxAttachmentBytes = 20 * 1024 * 1024; // refused before sending

    explicit MessagesService(ApiClient *client, QObject *parent = nullptr);

    ApiCall *listInbox(const QString &accountId, const InboxQuery &query = {});
    // One of conversationId / profileUrl identifies the thread.
    ApiCall *getConversation(const QString &accountId, const QString &conversationId,
                             const QString &profileUrl = {}, int count = 50,
                             const QString &cursor = {});
    ApiCall *send(const QString &accountId, const QString &profileUrl, const QString &text,
                  const std::optional<MediaFile> &media = std::nullopt);

    // Reads a local file for send(): a Config ApiError with a sentence when it is missing,
    // unreadable, empty or over MaxAttachmentBytes. Nothing is sent in that case.
    static ApiError readAttachment(const QString &path, MediaFile *out);

private:
    ApiClient *m_client;
};

} // namespace ld
