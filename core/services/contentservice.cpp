#include "contentservice.h"

#include "domain/post.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace ld {

namespace {

const QString kCategory = QStringLiteral("content");

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

// The type by its first bytes, whatever the file's name says: a .png that is really a text
// file is refused here rather than by LinkedIn after the credit is spent.
std::optional<PostMedia::Kind> sniff(const QByteArray &head)
{
    if (head.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n")))
        return PostMedia::Kind::Image;
    if (head.startsWith(QByteArrayLiteral("\xFF\xD8\xFF")))
        return PostMedia::Kind::Image;
    // MP4 and QuickTime files open with a box whose type, at bytes 4-7, is "ftyp".
    if (head.size() >= 8 && head.mid(4, 4) == QByteArrayLiteral("ftyp"))
        return PostMedia::Kind::Video;
    return std::nullopt;
}

std::optional<PostMedia> refuse(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

std::optional<PostMedia> PostMedia::load(
    const QString &path, const QString &altText, QString *error)
{
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    if (!info.exists())
        return refuse(error,
            QCoreApplication::translate("ld::ContentService",
                "The file “%1” does not exist. Choose the image or video again.")
                .arg(path));
    if (!info.isFile())
        return refuse(error,
            QCoreApplication::translate(
                "ld::ContentService", "“%1” is not a file. Choose an image or a video to attach.")
                .arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(error,
            QCoreApplication::translate("ld::ContentService",
                "The file “%1” could not be read (%2). Check that the file is readable.")
                .arg(path, file.errorString()));
    if (info.size() == 0)
        return refuse(error,
            QCoreApplication::translate("ld::ContentService",
                "The file “%1” is empty. Choose an image or a video with "
                "content.")
                .arg(name));
    const std::optional<Kind> kind = sniff(file.peek(12));
    if (!kind)
        return refuse(error,
            QCoreApplication::translate("ld::ContentService",
                "“%1” is not a PNG or JPEG image nor an MP4 or QuickTime video. Posts take "
                "those: convert it or choose another file.")
                .arg(name));
    const qint64 limit = *kind == Kind::Image ? MaxImageBytes : MaxVideoBytes;
    // Checked before reading, so a huge file is refused without loading it.
    if (info.size() > limit)
        return refuse(error,
            (*kind == Kind::Image
                    ? QCoreApplication::translate("ld::ContentService",
                        "The image “%1” is %2 MB; an image can be at most %3 MB. Choose a "
                        "smaller image or shrink this one.")
                    : QCoreApplication::translate("ld::ContentService",
                        "The video “%1” is %2 MB; a video can be at most %3 MB. Choose a "
                        "shorter video or compress this one."))
                .arg(name, megabytes(info.size()), megabytes(limit)));
    // One byte more than the limit tells a file that grew since it was measured.
    const QByteArray data = file.read(limit + 1);
    if (file.error() != QFileDevice::NoError)
        return refuse(error,
            QCoreApplication::translate("ld::ContentService",
                "The file “%1” could not be read (%2). Check that the file is readable.")
                .arg(path, file.errorString()));
    if (data.isEmpty())
        return refuse(error,
            QCoreApplication::translate("ld::ContentService",
                "The file “%1” is empty. Choose an image or a video with "
                "content.")
                .arg(name));
    if (data.size() > limit)
        return refuse(error,
            QCoreApplication::translate("ld::ContentService",
                "The file “%1” is larger than %2 MB, the most a post can carry. Choose a smaller "
                "file.")
                .arg(name, megabytes(limit)));
    PostMedia media;
    media.kind = *kind;
    media.filename = info.fileName();
    media.data = data;
    if (media.kind == Kind::Image)
        media.altText = altText;
    if (error)
        error->clear();
    return media;
}

QString PostContent::problem() const
{
    int images = 0;
    int videos = 0;
    for (const PostMedia &m : media) {
        if (m.data.isEmpty())
            return QCoreApplication::translate(
                "ld::ContentService", "The file “%1” is empty. Remove it, or attach it again.")
                .arg(m.filename);
        (m.kind == PostMedia::Kind::Image ? images : videos) += 1;
    }
    if (images > 0 && videos > 0)
        return QCoreApplication::translate("ld::ContentService",
            "A post carries images or one video, not both. Remove the video or the "
            "images.");
    if (videos > 1)
        return QCoreApplication::translate("ld::ContentService",
            "A post can carry one video; this one has %1. Remove all but one.")
            .arg(QLocale().toString(videos));
    if (images > PostMedia::MaxImages)
        return QCoreApplication::translate("ld::ContentService",
            "A post can carry at most %1 images; this one has %2. Remove %3 of them.")
            .arg(QLocale().toString(PostMedia::MaxImages), QLocale().toString(images),
                QLocale().toString(images - PostMedia::MaxImages));
    return PostText::problem(text, !media.isEmpty());
}

ContentService::ContentService(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ApiCall *ContentService::create(const QString &accountId, const PostContent &content)
{
    const bool asCompany = !content.companyUrl.isEmpty();
    const QString action = asCompany ? QStringLiteral("create_company") : QStringLiteral("create");
    const QString problem = content.problem();
    if (!problem.isEmpty()) {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/v2/") + kCategory;
        request.kind = CallKind::Write;
        request.action = action;
        request.accountId = accountId;
        return m_client->refuse(request, ApiError::config(problem));
    }

    QJsonObject params;
    if (asCompany)
        params.insert(QStringLiteral("company_url"), content.companyUrl);
    if (!content.text.isEmpty())
        params.insert(QStringLiteral("message"), content.text);
    QJsonArray files;
    for (const PostMedia &m : content.media) {
        const QString data = QString::fromLatin1(m.data.toBase64());
        if (m.kind == PostMedia::Kind::Video) {
            params.insert(QStringLiteral("file"),
                QJsonObject {
                    { QStringLiteral("filename"), m.filename }, { QStringLiteral("data"), data } });
        } else {
            // Even a single image goes in `files`: `file` has no place for its alt text.
            files.append(QJsonObject { { QStringLiteral("filename"), m.filename },
                { QStringLiteral("data"), data }, { QStringLiteral("altText"), m.altText } });
        }
    }
    if (!files.isEmpty())
        params.insert(QStringLiteral("files"), files);
    // A Write: after an ambiguous failure the post may be on LinkedIn; the publisher verifies.
    return m_client->action(kCategory, accountId, action, params, CallKind::Write);
}

ApiCall *ContentService::getComments(
    const QString &accountId, const QString &postUrl, int count, int offset)
{
    const QJsonObject params { { QStringLiteral("post_url"), postUrl },
        { QStringLiteral("count"), qMax(1, count) },
        { QStringLiteral("offset"), qMax(0, offset) } };
    return m_client->action(
        kCategory, accountId, QStringLiteral("get_comments"), params, CallKind::Read);
}

ApiCall *ContentService::getReactions(
    const QString &accountId, const QString &postUrl, int count, int offset)
{
    const QJsonObject params { { QStringLiteral("post_url"), postUrl },
        { QStringLiteral("count"), qMax(1, count) },
        { QStringLiteral("offset"), qMax(0, offset) } };
    return m_client->action(
        kCategory, accountId, QStringLiteral("get_reactions"), params, CallKind::Read);
}

} // namespace ld
