// Posts (contract §6): the text rules checked before anything is sent — lengths counted in code
// points as LinkedIn counts them (emoji, right-to-left scripts, combining marks), the 3,000 limit
// with the numbers in the person's locale, empty and whitespace-only posts — and the decoding of
// create's answer and of the offset-paged get_comments / get_reactions lists, with both
// timestamp forms, defaults for what is missing and wrong types named by their JSON path.
#include "domain/post.h"

#include <QJsonObject> // before testjson.h, which uses it

#include "testjson.h"

#include <QLocale>
#include <QTest>

using namespace ld;

class TestPost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void length_data();
    void length();
    void limitCountsCodePoints();
    void overLimitSentence();
    void numbersFollowLocale();
    void emptyAndBlank_data();
    void emptyAndBlank();
    void publishedPost();
    void publishedPostUrnFromUrl();
    void comments();
    void commentTimestamps_data();
    void commentTimestamps();
    void reactions();
    void missingFieldsDefault();
    void lastPageWithoutPagination();
    void wrongTypesNamePath_data();
    void wrongTypesNamePath();
};

void TestPost::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPost::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestPost::length_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("codePoints");
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii") << s("Hello") << 5;
    QTest::newRow("emoji outside the BMP") << s("🎉") << 1;
    QTest::newRow("emoji with skin tone") << s("👋🏽") << 2;
    QTest::newRow("family, joined by ZWJ") << s("👨‍👩‍👧") << 5;
    QTest::newRow("flag") << s("🇫🇷") << 2;
    QTest::newRow("arabic") << s("مرحبا بالعالم") << 13;
    QTest::newRow("hebrew with latin") << s("שלום LinkUp") << 11;
    QTest::newRow("combining acute") << s("e\u0301te\u0301") << 5;
    QTest::newRow("precomposed") << s("été") << 3;
    QTest::newRow("cjk") << s("漢字かな") << 4;
    QTest::newRow("mathematical bold") << s("𝐁𝐨𝐥𝐝") << 4;
    QTest::newRow("lone high surrogate") << QString(QChar(0xD83C)) << 1;
    QTest::newRow("reversed pair") << (QString(QChar(0xDF89)) + QChar(0xD83C)) << 2;
}

void TestPost::length()
{
    QFETCH(QString, text);
    QFETCH(int, codePoints);
    QCOMPARE(PostText::length(text), codePoints);
    QCOMPARE(PostText::length(text), int(text.toUcs4().size()));
}

void TestPost::limitCountsCodePoints()
{
    // 3,000 emoji are 6,000 UTF-16 units but 3,000 characters for LinkedIn: allowed.
    QString emoji;
    for (int i = 0; i < PostText::Limit; ++i)
        emoji += s("🚀");
    QCOMPARE(emoji.size(), 6000);
    QCOMPARE(PostText::length(emoji), 3000);
    QCOMPARE(PostText::problem(emoji, false), QString());
    QVERIFY(!PostText::problem(emoji + s("🚀"), false).isEmpty());

    const QString arabic = QString(PostText::Limit, QChar(0x0628));
    QCOMPARE(PostText::problem(arabic, false), QString());
    QVERIFY(!PostText::problem(arabic + QChar(0x0628), false).isEmpty());

    // Combining marks are code points of their own, as LinkedIn counts them.
    QString combining;
    for (int i = 0; i < 1500; ++i)
        combining += s("e\u0301");
    QCOMPARE(PostText::problem(combining, false), QString());
    QVERIFY(!PostText::problem(combining + s("\u0301"), false).isEmpty());
}

void TestPost::overLimitSentence()
{
    const QString text(3012, QLatin1Char('a'));
    const QString problem = PostText::problem(text, false);
    QVERIFY2(
        problem.contains(s("3,012 characters: 12 over the limit of 3,000")), qPrintable(problem));
    // Media do not lift the limit.
    QCOMPARE(PostText::problem(text, true), problem);
    QVERIFY(PostText::problem(QString(3001, QLatin1Char('a')), false)
                .contains(s("1 over the limit of 3,000")));
    QCOMPARE(PostText::problem(QString(3000, QLatin1Char('a')), false), QString());
}

void TestPost::numbersFollowLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString problem = PostText::problem(QString(4500, QLatin1Char('x')), false);
    QVERIFY2(problem.contains(s("4.500")) && problem.contains(s("1.500"))
            && problem.contains(s("3.000")),
        qPrintable(problem));
}

void TestPost::emptyAndBlank_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("hasMedia");
    QTest::addColumn<bool>("refused");
    QTest::newRow("empty") << QString() << false << true;
    QTest::newRow("spaces") << s("   ") << false << true;
    QTest::newRow("line breaks and tabs") << s("\n\t\r\n ") << false << true;
    QTest::newRow("no-break and ideographic spaces") << s("\u00a0\u3000\u2003") << false << true;
    QTest::newRow("zero-width space and joiners") << s(" \u200b\u200d\ufeff ") << false << true;
    QTest::newRow("image alone") << QString() << true << false;
    QTest::newRow("spaces with an image") << s("  \n") << true << false;
    QTest::newRow("one letter") << s("a") << false << false;
    QTest::newRow("one emoji") << s("🎉") << false << false;
    QTest::newRow("right-to-left") << s("שלום") << false << false;
    QTest::newRow("text in spaces") << s("  hi  ") << false << false;
}

void TestPost::emptyAndBlank()
{
    QFETCH(QString, text);
    QFETCH(bool, hasMedia);
    QFETCH(bool, refused);
    const QString problem = PostText::problem(text, hasMedia);
    QCOMPARE(!problem.isEmpty(), refused);
    if (refused)
        QVERIFY2(problem.contains(s("image or a video")), qPrintable(problem));
}

void TestPost::publishedPost()
{
    const Decoded<PublishedPost> p = PublishedPost::fromJson(parse(R"({
        "post_url": "https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001/",
        "post_urn": "urn:li:activity:7300000000000000001", "extra": 1 })"));
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.postUrl,
        s("https://www.linkedin.com/feed/update/urn:li:activity:7300000000000000001/"));
    QCOMPARE(p.value.postUrn, s("urn:li:activity:7300000000000000001"));
}

void TestPost::publishedPostUrnFromUrl()
{
    Decoded<PublishedPost> p = PublishedPost::fromJson(
        parse(R"({"post_url": "https://www.linkedin.com/feed/update/urn:li:activity:42/"})"));
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.value.postUrn, s("urn:li:activity:42"));

    p = PublishedPost::fromJson(parse(R"({})"));
    QVERIFY(p.ok());
    QVERIFY(p.value.postUrl.isEmpty() && p.value.postUrn.isEmpty());
}

void TestPost::comments()
{
    // The shape the sandbox sends (sandboxcontent.cpp), with a stranger's markup kept verbatim.
    const Decoded<PostCommentPage> page = PostCommentPage::fromJson(parse(R"j({
        "comments": [
          { "comment_urn": "urn:li:comment:(urn:li:activity:1,1)",
            "text": "<b>bold</b> <img src=x>",
            "author": { "name": "Léa Martin", "headline": "CTO",
                        "profile_url": "https://www.linkedin.com/in/lea-martin",
                        "profile_picture": "https://media.example/lea.jpg" },
            "created_at": 1777147641366, "reactions_count": 4 },
          { "comment_urn": "urn:li:comment:(urn:li:activity:1,2)", "text": "مرحبا 🎉",
            "author": { "first_name": "Omar", "last_name": "Haddad",
                        "linkedin_url": "https://www.linkedin.com/in/omar" } } ],
        "total_results": 2, "total_available_results": 17,
        "pagination": { "offset": 0, "count": 2, "next_offset": 2, "has_more": true,
                        "results_per_page": 10, "pages_fetched": 1 } })j"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.items.size(), 2);
    const PostComment &c = page.value.items.at(0);
    QCOMPARE(c.commentUrn, s("urn:li:comment:(urn:li:activity:1,1)"));
    QCOMPARE(c.text, s("<b>bold</b> <img src=x>"));
    QCOMPARE(c.author.name, s("Léa Martin"));
    QCOMPARE(c.author.headline, s("CTO"));
    QCOMPARE(c.author.profileUrl, s("https://www.linkedin.com/in/lea-martin"));
    QCOMPARE(c.createdAt, QDateTime::fromMSecsSinceEpoch(1777147641366LL, Qt::UTC));
    QCOMPARE(c.reactionsCount, 4);
    const PostComment &c2 = page.value.items.at(1);
    QCOMPARE(c2.text, s("مرحبا 🎉"));
    QCOMPARE(c2.author.name, s("Omar Haddad"));
    QCOMPARE(c2.author.profileUrl, s("https://www.linkedin.com/in/omar"));
    QVERIFY(!c2.createdAt.isValid());
    QCOMPARE(c2.reactionsCount, 0);
    QCOMPARE(page.value.totalAvailable, 17);
    QVERIFY(page.value.hasMore);
    QCOMPARE(page.value.nextOffset, 2);
}

void TestPost::commentTimestamps_data()
{
    QTest::addColumn<QByteArray>("createdAt");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t(QDate(2026, 4, 26), QTime(10, 35), Qt::UTC);
    QTest::newRow("ms epoch") << QByteArray::number(t.toMSecsSinceEpoch()) << t;
    QTest::newRow("zulu") << QByteArray(R"("2026-04-26T10:35:00Z")") << t;
    QTest::newRow("micro, no zone") << QByteArray(R"("2026-04-26T10:35:00.000000")") << t;
    QTest::newRow("unparseable text") << QByteArray(R"("yesterday")") << QDateTime();
}

void TestPost::commentTimestamps()
{
    QFETCH(QByteArray, createdAt);
    QFETCH(QDateTime, expected);
    const Decoded<PostCommentPage> page = PostCommentPage::fromJson(
        parse(R"({"comments":[{"text":"hi","created_at":)" + createdAt + "}]}"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.items.at(0).createdAt, expected);
}

void TestPost::reactions()
{
    const Decoded<PostReactionPage> page = PostReactionPage::fromJson(parse(R"({
        "reactions": [
          { "reaction_type": "PRAISE",
            "actor": { "name": "Ana Souza", "headline": "Founder",
                       "profile_url": "https://www.linkedin.com/in/ana" } },
          { "reaction_type": "SOMETHING_NEW", "actor": { "name": "Ben" } } ],
        "total_results": 2, "total_available_results": 5,
        "pagination": { "offset": 3, "count": 2, "next_offset": 5, "has_more": false } })"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.items.size(), 2);
    QCOMPARE(page.value.items.at(0).reactionType, s("PRAISE"));
    QCOMPARE(page.value.items.at(0).actor.name, s("Ana Souza"));
    QCOMPARE(page.value.items.at(0).actor.headline, s("Founder"));
    QCOMPARE(page.value.items.at(0).actor.profileUrl, s("https://www.linkedin.com/in/ana"));
    // An unknown reaction word is kept as the server gave it.
    QCOMPARE(page.value.items.at(1).reactionType, s("SOMETHING_NEW"));
    QCOMPARE(page.value.totalAvailable, 5);
    QVERIFY(!page.value.hasMore);
}

void TestPost::missingFieldsDefault()
{
    const Decoded<PostCommentPage> page
        = PostCommentPage::fromJson(parse(R"({"comments":[{}], "pagination": null})"));
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.items.size(), 1);
    const PostComment &c = page.value.items.at(0);
    QVERIFY(c.commentUrn.isEmpty() && c.text.isEmpty() && c.author.name.isEmpty());
    QVERIFY(!c.createdAt.isValid());
    QCOMPARE(page.value.totalAvailable, -1);
    QVERIFY(!page.value.hasMore);

    const Decoded<PostReactionPage> empty = PostReactionPage::fromJson(parse(R"({})"));
    QVERIFY2(empty.ok(), qPrintable(empty.error));
    QVERIFY(empty.value.items.isEmpty());
    QCOMPARE(empty.value.totalAvailable, -1);
    QVERIFY(!empty.value.hasMore);
}

void TestPost::lastPageWithoutPagination()
{
    // A has_more whose next_offset does not move on would page for ever: it is the end.
    const Decoded<PostCommentPage> stuck = PostCommentPage::fromJson(parse(R"({
        "comments": [{"text":"a"}],
        "pagination": { "offset": 10, "count": 1, "next_offset": 10, "has_more": true } })"));
    QVERIFY2(stuck.ok(), qPrintable(stuck.error));
    QVERIFY(!stuck.value.hasMore);

    const Decoded<PostCommentPage> whole
        = PostCommentPage::fromJson(parse(R"({"comments":[{"text":"a"},{"text":"b"}]})"));
    QVERIFY2(whole.ok(), qPrintable(whole.error));
    QVERIFY(!whole.value.hasMore);
    QCOMPARE(whole.value.items.size(), 2);
}

void TestPost::wrongTypesNamePath_data()
{
    QTest::addColumn<int>("kind"); // 0 published, 1 comments, 2 reactions
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::newRow("data not object") << 0 << QByteArray(R"([1])") << s("data");
    QTest::newRow("post_url number") << 0 << QByteArray(R"({"post_url":3})") << s("data.post_url");
    QTest::newRow("post_urn object") << 0 << QByteArray(R"({"post_urn":{}})") << s("data.post_urn");
    QTest::newRow("comments object") << 1 << QByteArray(R"({"comments":{}})") << s("data.comments");
    QTest::newRow("comment not object")
        << 1 << QByteArray(R"({"comments":[{"text":"a"},"b"]})") << s("data.comments[1]");
    QTest::newRow("author string")
        << 1 << QByteArray(R"({"comments":[{"author":"Léa"}]})") << s("data.comments[0].author");
    QTest::newRow("author name number")
        << 1 << QByteArray(R"({"comments":[{"author":{"name":7}}]})")
        << s("data.comments[0].author.name");
    QTest::newRow("text array") << 1 << QByteArray(R"({"comments":[{"text":["a"]}]})")
                                << s("data.comments[0].text");
    QTest::newRow("created_at bool") << 1 << QByteArray(R"({"comments":[{"created_at":true}]})")
                                     << s("data.comments[0].created_at");
    QTest::newRow("reactions_count string")
        << 1 << QByteArray(R"({"comments":[{"reactions_count":"4"}]})")
        << s("data.comments[0].reactions_count");
    QTest::newRow("has_more string")
        << 1 << QByteArray(R"({"comments":[],"pagination":{"has_more":"yes"}})")
        << s("data.pagination.has_more");
    QTest::newRow("total string") << 1
                                  << QByteArray(R"({"comments":[],"total_available_results":"9"})")
                                  << s("data.total_available_results");
    QTest::newRow("reaction_type number")
        << 2 << QByteArray(R"({"reactions":[{"reaction_type":1}]})")
        << s("data.reactions[0].reaction_type");
    QTest::newRow("actor profile_url array")
        << 2 << QByteArray(R"({"reactions":[{"actor":{"profile_url":[]}}]})")
        << s("data.reactions[0].actor.profile_url");
    QTest::newRow("pagination array")
        << 2 << QByteArray(R"({"reactions":[],"pagination":[]})") << s("data.pagination");
}

void TestPost::wrongTypesNamePath()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QString error;
    if (kind == 0)
        error = PublishedPost::fromJson(parse(json)).error;
    else if (kind == 1)
        error = PostCommentPage::fromJson(parse(json)).error;
    else
        error = PostReactionPage::fromJson(parse(json)).error;
    QVERIFY2(error.startsWith(path + QLatin1Char(':')), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPost)
#include "tst_post.moc"
