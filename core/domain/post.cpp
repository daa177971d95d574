#include "post.h"

#include "invitation.h" // OffsetPagination
#include "jsonreader.h"
#include "keyaliases_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace ld {

namespace {

// Characters that show nothing: a text made only of these and spaces is an empty post to a
// reader, whatever its length (zero-width space and joiners, word joiner, BOM).
bool isInvisible(char32_t c)
{
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

bool isBlank(const QString &text)
{
    for (const char32_t c : text.toUcs4())
        if (!QChar::isSpace(c) && !isInvisible(c))
            return false;
    return true;
}

PostPerson personFrom(json::Reader &r)
{
    PostPerson p;
    p.name = r.string(QStringLiteral("name"));
    const QString first = r.string(QStringLiteral("first_name"));
    const QString last = r.string(QStringLiteral("last_name"));
    if (p.name.isEmpty())
        p.name = (first + QLatin1Char(' ') + last).trimmed();
    p.headline = r.string(QStringLiteral("headline"));
    p.profileUrl = json::firstString(r, { "profile_url", "linkedin_url" });
    return p;
}

// `key` as a PostPerson when present; absent or null gives an empty person.
Decoded<PostPerson> personAt(json::Reader &r, const QString &key)
{
    const QJsonObject o = r.subObject(key);
    if (!r.ok())
        return Decoded<PostPerson>::failure(r.error());
    json::Reader person(o, json::childPath(r.path(), key));
    PostPerson p = personFrom(person);
    return json::finish(person, std::move(p));
}

Decoded<PostComment> commentFromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    PostComment c;
    c.commentUrn = json::firstId(r, { "comment_urn", "urn", "id" });
    c.text = json::firstString(r, { "text", "comment_text", "comment" });
    Decoded<PostPerson> author = personAt(r, QStringLiteral("author"));
    if (!author.ok())
        return Decoded<PostComment>::failure(author.error);
    c.author = std::move(author.value);
    c.createdAt = r.timestamp(QStringLiteral("created_at"));
    c.reactionsCount = r.count(QStringLiteral("reactions_count"));
    return json::finish(r, std::move(c));
}

Decoded<PostReaction> reactionFromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    PostReaction re;
    re.reactionType = r.string(QStringLiteral("reaction_type"));
    Decoded<PostPerson> actor = personAt(r, QStringLiteral("actor"));
    if (!actor.ok())
        return Decoded<PostReaction>::failure(actor.error);
    re.actor = std::move(actor.value);
    return json::finish(r, std::move(re));
}

// get_comments and get_reactions differ only in their array's key and item decoder.
template <typename Page, typename Decode>
Decoded<Page> decodePage(
    const QJsonValue &json, const QString &path, const QString &key, Decode decodeItem)
{
    json::Reader r(json, path);
    Page page;
    QString itemsKey = key;
    if (!r.has(key) && r.has(QStringLiteral("items")))
        itemsKey = QStringLiteral("items");
    const QJsonArray items = r.array(itemsKey);
    const QString totalKey = QStringLiteral("total_available_results");
    if (r.has(totalKey))
        page.totalAvailable = r.count(totalKey);
    r.markRead({ "total_results" });
    const QString paginationKey = QStringLiteral("pagination");
    const QJsonObject pagination = r.subObject(paginationKey);
    if (!r.ok())
        return Decoded<Page>::failure(r.error());
    if (r.has(paginationKey)) {
        Decoded<OffsetPagination> p
            = OffsetPagination::fromJson(pagination, json::childPath(path, paginationKey));
        if (!p.ok())
            return Decoded<Page>::failure(p.error);
        page.hasMore = p.value.hasMore;
        page.nextOffset = p.value.nextOffset;
    } else {
        // No pagination block: the whole list in one page.
        page.nextOffset = int(items.size());
    }
    const QString itemsPath = json::childPath(path, itemsKey);
    page.items.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        auto item = decodeItem(items.at(i), json::indexPath(itemsPath, i));
        if (!item.ok())
            return Decoded<Page>::failure(item.error);
        page.items.append(std::move(item.value));
    }
    return Decoded<Page>::success(std::move(page));
}

} // namespace

int PostText::length(const QString &text)
{
    // Surrogate pairs count once; a lone surrogate (broken text) counts as one character,
    // as toUcs4() would turn it into U+FFFD.
    int n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

QString PostText::problem(const QString &text, bool hasMedia)
{
    const int n = length(text);
    if (n > Limit) {
        const QLocale locale;
        return QCoreApplication::translate("ld::PostText",
            "%1 characters: %2 over the limit of %3. Shorten the text to publish it.")
            .arg(locale.toString(n), locale.toString(n - Limit), locale.toString(Limit));
    }
    if (hasMedia)
        return {};
    if (text.isEmpty())
        return QCoreApplication::translate(
            "ld::PostText", "The post is empty. Write some text, or attach an image or a video.");
    if (isBlank(text))
        return QCoreApplication::translate("ld::PostText",
            "The post is only spaces and line breaks. Write some text, or attach an "
            "image or a video.");
    return {};
}

Decoded<PublishedPost> PublishedPost::fromJson(const QJsonValue &json, const QString &path)
{
    json::Reader r(json, path);
    PublishedPost p;
    p.postUrl = r.string(QStringLiteral("post_url"));
    p.postUrn = r.id(QStringLiteral("post_urn"));
    // The URL carries the URN (".../feed/update/urn:li:activity:123/"): recover it when the
    // server left post_urn out, so the history can still name the post.
    const QLatin1String activity("urn:li:activity:");
    if (p.postUrn.isEmpty() && p.postUrl.contains(activity)) {
        const qsizetype from = p.postUrl.indexOf(activity);
        qsizetype end = from + activity.size();
        while (end < p.postUrl.size() && p.postUrl.at(end).isDigit())
            ++end;
        if (end > from + activity.size())
            p.postUrn = p.postUrl.mid(from, end - from);
    }
    return json::finish(r, std::move(p));
}

Decoded<PostCommentPage> PostCommentPage::fromJson(const QJsonValue &json, const QString &path)
{
    return decodePage<PostCommentPage>(json, path, QStringLiteral("comments"), &commentFromJson);
}

Decoded<PostReactionPage> PostReactionPage::fromJson(const QJsonValue &json, const QString &path)
{
    return decodePage<PostReactionPage>(json, path, QStringLiteral("reactions"), &reactionFromJson);
}

} // namespace ld
