#include "messagesservice.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace ld {

namespace {

const QString kCategory = QStringLiteral("messages");

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

MessagesService::MessagesService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ApiCall *MessagesService::listInbox(const QString &accountId, const InboxQuery &query)
{
    // Unused keys are omitted, as integration code does (§1.3): the server's defaults apply.
    QJsonObject params { { QStringLiteral("count"), qMax(1, query.count) } };
    if (!query.cursor.isEmpty())
        params.insert(QStringLiteral("cursor"), query.cursor);
    if (!query.category.isEmpty())
        params.insert(QStringLiteral("category"), query.category);
    if (query.unreadOnly)
        params.insert(QStringLiteral("unread_only"), true);
    return m_client->action(
        kCategory, accountId, QStringLiteral("list_inbox"), params, CallKind::Read);
}

ApiCall *MessagesService::getConversation(const QString &accountId, const QString &conversationId,
    const QString &profileUrl, int count, const QString &cursor)
{
    QJsonObject params { { QStringLiteral("count"), qMax(1, count) } };
    if (!conversationId.isEmpty())
        params.insert(QStringLiteral("conversation_id"), conversationId);
    else
        params.insert(QStringLiteral("profile_url"), profileUrl);
    if (!cursor.isEmpty())
        params.insert(QStringLiteral("cursor"), cursor);
    return m_client->action(
        kCategory, accountId, QStringLiteral("get_conversation"), params, CallKind::Read);
}

ApiCall *MessagesService::send(const QString &accountId, const QString &profileUrl,
    const QString &text, const std::optional<MediaFile> &media)
{
    QJsonObject params { { QStringLiteral("profile_url"), profileUrl },
        { QStringLiteral("message_text"), text } };
    if (media) {
        const QJsonObject file { { QStringLiteral("data"),
                                     QString::fromLatin1(media->data.toBase64()) },
            { QStringLiteral("filename"), media->filename } };
        params.insert(QStringLiteral("media_file"), file);
    }
    // A Write: after an ambiguous failure LinkedIn may have delivered it; the Outbox verifies.
    return m_client->action(kCategory, accountId, QStringLiteral("send"), params, CallKind::Write);
}

ApiError MessagesService::readAttachment(const QString &path, MediaFile *out)
{
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    if (!info.exists())
        return ApiError::config(
            tr("The attachment “%1” does not exist. Choose the file again.").arg(path));
    if (!info.isFile())
        return ApiError::config(
            tr("The attachment “%1” is not a file. Choose a file to attach.").arg(path));
    // Checked before reading, so a huge file is refused without loading it.
    if (info.size() > MaxAttachmentBytes)
        return ApiError::config(
            tr("The attachment “%1” is %2 MB; attachments can be at most %3 MB. "
               "Send a smaller file or share a link to it.")
                .arg(name, megabytes(info.size()), megabytes(MaxAttachmentBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiError::config(tr("The attachment “%1” could not be read (%2). Check that "
                                   "the file is readable.")
                                    .arg(path, file.errorString()));
    // One byte more than the limit tells a file that grew since it was measured.
    const QByteArray data = file.read(MaxAttachmentBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return ApiError::config(tr("The attachment “%1” could not be read (%2). Check that "
                                   "the file is readable.")
                                    .arg(path, file.errorString()));
    if (data.isEmpty())
        return ApiError::config(
            tr("The attachment “%1” is empty. Choose a file with content.").arg(name));
    if (data.size() > MaxAttachmentBytes)
        return ApiError::config(
            tr("The attachment “%1” is larger than %2 MB, the most that can be attached. "
               "Send a smaller file or share a link to it.")
                .arg(name, megabytes(MaxAttachmentBytes)));
    if (out) {
        out->filename = info.fileName();
        out->data = data;
    }
    return {};
}

} // namespace ld
