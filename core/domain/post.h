#pragma once
// Posts (contract §6): the text rules LinkUp Desk checks before anything is sent, and the
// decoded answers of content create / create_company / get_comments / get_reactions.
#include "decoded.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace ld {

struct PostText
{
    // LinkedIn's limit for a post's text, counted as LinkedIn counts: in Unicode code points
    // (an emoji outside the BMP is one character, not two UTF-16 units).
    static constexpr int Limit = 3000;

    static int length(const QString &text); // code points
    // Why this text cannot be published, as a translated sentence; empty when it can.
    // Empty or whitespace-only text is refused unless the post has media (LinkedIn publishes
    // an image alone); over Limit is refused with the count ("3,012 characters: 12 over the
    // limit of 3,000").
    static QString problem(const QString &text, bool hasMedia);
};

// data of create / create_company: post_url and post_urn (urn:li:activity:…).
struct PublishedPost
{
    QString postUrl;
    QString postUrn;
    static Decoded<PublishedPost> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

struct PostPerson
{
    QString name;
    QString headline;
    QString profileUrl;
};

struct PostComment
{
    QString commentUrn;
    QString text;
    PostPerson author;
    QDateTime createdAt; // UTC; invalid when absent
    int reactionsCount = 0;
};

struct PostReaction
{
    QString reactionType; // "LIKE", "PRAISE", ... (the server's word, kept as given)
    PostPerson actor;
};

// get_comments / get_reactions: offset-paged (contract §1.7).
struct PostCommentPage
{
    QList<PostComment> items;
    int totalAvailable = -1; // -1 when the server does not say
    bool hasMore = false;
    int nextOffset = 0;
    static Decoded<PostCommentPage> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

struct PostReactionPage
{
    QList<PostReaction> items;
    int totalAvailable = -1;
    bool hasMore = false;
    int nextOffset = 0;
    static Decoded<PostReactionPage> fromJson(const QJsonValue &json, const QString &path = QStringLiteral("data"));
};

} // namespace ld
