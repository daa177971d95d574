#pragma once
// Content (contract §6): POST /v2/content with create (personal post), create_company (as a
// company page), get_comments and get_reactions. create and create_company are Writes
// (1 credit; never retried after an ambiguous failure).
//
// Media (decision, where the contract is loose): images always go in `files` as
// [{filename, data (base64), altText}] — the only shape that carries alt text — even when
// there is one; a video goes alone in `file` {filename, data}. Images and a video are never
// mixed in one post (LinkedIn does not either).
#include "api/apiclient.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace ld {

struct PostMedia
{
    enum class Kind { Image, Video };

    static constexpr qint64 MaxImageBytes = 8 * 1024 * 1024;   // per image
    static constexpr qint64 MaxVideoBytes = 200 * 1024 * 1024; // one video (sent base64 in JSON)
    static constexpr int MaxImages = 9;

    Kind kind = Kind::Image;
    QString filename; // file name only, no folder
    QByteArray data;  // raw bytes (base64-encoded when sent)
    QString altText;  // images; may be empty

    // Reads a local file: PNG or JPEG (by their magic bytes, whatever the extension) as an
    // image, MP4/QuickTime ("ftyp" box) as a video. Refuses (nullopt, *error a translated
    // sentence naming the file) a missing, unreadable, empty or oversized file, or any other
    // type. `altText` is kept for images.
    static std::optional<PostMedia> load(const QString &path, const QString &altText, QString *error);
};

struct PostContent
{
    QString text;
    QList<PostMedia> media; // up to MaxImages images, or one video
    QString companyUrl;     // set: create_company as that page; empty: create as the account

    // Why this content cannot be sent (PostText::problem, too many images, images mixed with a
    // video, more than one video); empty when it can.
    QString problem() const;
};

class ContentService : public QObject
{
    Q_OBJECT
public:
    explicit ContentService(ApiClient *client, QObject *parent = nullptr);

    // create, or create_company when content.companyUrl is set; params.message = text (not
    // sent when empty). Precondition: content.problem() is empty (callers check first; an
    // invalid content is refused with a Config error and nothing is sent).
    ApiCall *create(const QString &accountId, const PostContent &content);
    ApiCall *getComments(const QString &accountId, const QString &postUrl, int count = 10, int offset = 0);
    ApiCall *getReactions(const QString &accountId, const QString &postUrl, int count = 10, int offset = 0);

    ApiClient *client() const { return m_client; }

private:
    ApiClient *m_client;
};

} // namespace ld
