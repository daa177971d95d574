// POST /v2/content: create, create_company, get_comments, get_reactions (contract §6).
// Comments and reactions of any post are generated from the post URL, so they are stable.
#include "sandboxhandlers.h"
#include "sandboxserver_p.h"

namespace ld::sandbox {

namespace {

const char *const CommentLines[] = {
    "Great insight, thanks for sharing!",
    "Congrats to the whole team 🎉",
    "<b>bold</b> <img src=x> <a href=\"http://x\">link</a>",
    "Totally agree — we saw the same thing last quarter.",
    "Could you share the slides?",
};
const char *const Reactions[]
    = { "LIKE", "PRAISE", "EMPATHY", "INTEREST", "APPRECIATION", "ENTERTAINMENT" };

// {filename, data} with a non-empty, well-formed base64 `data`; `problem` says what is wrong.
bool validFile(const QJsonValue &v, QString *problem)
{
    const QJsonObject f = v.toObject();
    if (!v.isObject() || !f.value(QStringLiteral("filename")).isString()
        || !f.value(QStringLiteral("data")).isString()) {
        *problem = QStringLiteral("must be an object {filename, data}");
        return false;
    }
    const QByteArray data = f.value(QStringLiteral("data")).toString().toLatin1();
    const auto decoded
        = QByteArray::fromBase64Encoding(data, QByteArray::AbortOnBase64DecodingErrors);
    if (data.isEmpty() || !decoded || decoded.decoded.isEmpty()) {
        *problem = QStringLiteral("data must be non-empty base64");
        return false;
    }
    if (f.contains(QStringLiteral("altText")) && !f.value(QStringLiteral("altText")).isString()
        && !f.value(QStringLiteral("altText")).isNull()) {
        *problem = QStringLiteral("altText must be a string");
        return false;
    }
    return true;
}

// LinkedIn counts a post's characters in code points: an emoji is one, not two UTF-16 units.
qsizetype codePoints(const QString &text)
{
    return text.toUcs4().size();
}

Reply createPost(ActionContext &ctx, bool asCompany)
{
    Params &p = ctx.params;
    const QString companyUrl = asCompany ? p.string("company_url", true) : QString();
    const bool hasFile = p.has("file"), hasFiles = p.has("files");
    const QString message = p.string("message", !hasFile && !hasFiles);
    QString problem;
    if (hasFile && hasFiles)
        p.invalid(QStringLiteral("file and files cannot be used together"));
    if (hasFile && !validFile(p.raw().value(QStringLiteral("file")), &problem))
        p.invalid(QStringLiteral("file ") + problem);
    const QJsonArray files = p.raw().value(QStringLiteral("files")).toArray();
    if (hasFiles) {
        const QJsonValue value = p.raw().value(QStringLiteral("files"));
        if (!value.isArray() || files.isEmpty())
            p.invalid(
                QStringLiteral("files must be a non-empty array of {filename, data, altText}"));
        for (qsizetype i = 0; i < files.size(); ++i)
            if (!validFile(files.at(i), &problem)) {
                p.invalid(QStringLiteral("files[%1] %2").arg(i).arg(problem));
                break;
            }
    }
    p.string("thumbnail");
    p.string("document_title");
    if (codePoints(message) > 3000)
        p.invalid(
            QStringLiteral("message is longer than 3000 characters (%1)").arg(codePoints(message)));
    if (!p.ok())
        return ctx.paramsError();
    if (asCompany) {
        bool known = false;
        for (const Company &c : ctx.state.companies)
            known = known || companyUrl.contains(QStringLiteral("/company/") + c.slug);
        if (!known)
            return ctx.invalid(QStringLiteral("company page not found or you are not its admin: %1")
                                   .arg(companyUrl));
    }
    if (!ctx.canAfford(1))
        return ctx.noCredits(1);
    Post post;
    post.urn = QStringLiteral("urn:li:activity:") + ctx.state.nextInvitationId();
    post.text = message;
    post.companyUrl = companyUrl;
    post.time = ctx.state.nowMs();
    if (hasFile) {
        post.singleFile = true;
        post.filenames << p.raw()
                              .value(QStringLiteral("file"))
                              .toObject()
                              .value(QStringLiteral("filename"))
                              .toString();
    }
    for (const QJsonValue &f : files) {
        post.filenames << f.toObject().value(QStringLiteral("filename")).toString();
        post.altTexts << f.toObject().value(QStringLiteral("altText")).toString();
    }
    ctx.account.posts.prepend(post);
    return ctx.ok(
        obj({ { "post_url",
                  QStringLiteral("https://www.linkedin.com/feed/update/%1/").arg(post.urn) },
            { "post_urn", post.urn } }),
        1);
}

Reply listForPost(ActionContext &ctx, bool comments)
{
    Params &p = ctx.params;
    const QString postUrl = p.string("post_url", true);
    const qint64 count = p.integer("count", 10, 1, 100);
    const qint64 offset = p.integer("offset", 0, 0, 100000);
    if (!p.ok())
        return ctx.paramsError();
    if (!postUrl.contains(QLatin1String("linkedin.com/"))
        && !postUrl.startsWith(QLatin1String("urn:li:")))
        return ctx.invalid(QStringLiteral("post_url is not a LinkedIn post URL or URN"));
    if (!ctx.canAfford(1))
        return ctx.noCredits(1);
    const uint seed = qHash(postUrl) % 1000;
    const qint64 total = 3 + seed % 25;
    QJsonArray items;
    for (qint64 i = offset; i < total && items.size() < count; ++i) {
        const Person &who = ctx.state.people[size_t((seed + i * 7) % 120)];
        const QJsonObject author = obj({ { "name", who.fullName() }, { "headline", who.headline },
            { "profile_url", who.profileUrl() }, { "profile_picture", who.pictureUrl() } });
        if (comments)
            items.append(
                obj({ { "comment_urn",
                          QStringLiteral("urn:li:comment:(%1,%2)").arg(postUrl).arg(i + 1) },
                    { "text",
                        QString::fromUtf8(CommentLines[(seed + i) % std::size(CommentLines)]) },
                    { "author", author }, { "created_at", ctx.state.nowMs() - (i + 1) * 3600000LL },
                    { "reactions_count", int((seed + i) % 9) } }));
        else
            items.append(obj(
                { { "reaction_type", QLatin1String(Reactions[(seed + i) % std::size(Reactions)]) },
                    { "actor", author } }));
    }
    // Offset paging for both (§1.7 lists content get_comments; get_reactions: decision).
    return ctx.ok(obj({ { comments ? "comments" : "reactions", items },
                      { "total_results", items.size() }, { "total_available_results", total },
                      { "pagination", pagination(offset, items.size(), total, 10) } }),
        1);
}

} // namespace

namespace handlers {

QStringList contentActions()
{
    return { QStringLiteral("create"), QStringLiteral("create_company"),
        QStringLiteral("get_comments"), QStringLiteral("get_reactions") };
}

Reply content(ActionContext &ctx)
{
    if (ctx.action == QLatin1String("create") || ctx.action == QLatin1String("create_company"))
        return createPost(ctx, ctx.action == QLatin1String("create_company"));
    return listForPost(ctx, ctx.action == QLatin1String("get_comments"));
}

} // namespace handlers

QList<SandboxPost> SandboxServer::posts(const QString &accountId) const
{
    QList<SandboxPost> out;
    const Account *a = d->state.account(accountId);
    if (!a)
        return out;
    for (const Post &post : a->posts)
        out << SandboxPost { post.urn, post.text, post.companyUrl, post.filenames, post.altTexts,
            post.singleFile, QDateTime::fromMSecsSinceEpoch(post.time, Qt::UTC) };
    return out;
}

} // namespace ld::sandbox
