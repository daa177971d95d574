// ContentService against the sandbox over loopback: one create request per call carrying the
// text in params.message, images base64-encoded in `files` with filename and altText, a video
// alone in `file`, create_company with company_url, the 3,000-code-point limit on both sides
// (the client refuses before sending, the sandbox counts as LinkedIn does), content refused
// with nothing sent, PostMedia::load's refusals by content and size, and get_comments /
// get_reactions paged to the end.
#include "domain/post.h"
#include "sandbox/sandboxserver.h"
#include "servicecall.h"
#include "services/contentservice.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

const QString Primary = Seeds::primaryAccountId();
const QByteArray PngMagic("\x89PNG\r\n\x1a\n", 8);
const QByteArray JpegMagic("\xFF\xD8\xFF\xE0", 4);
const QByteArray Mp4Head("\x00\x00\x00\x18"
                         "ftypmp42",
    12);

QString repeated(const QString &unit, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

} // namespace

#define RUN(o, expr)                                                                               \
    auto o = run(expr);                                                                            \
    QCOMPARE(o->done, 1)

#define RUN_OK(o, expr)                                                                            \
    RUN(o, expr);                                                                                  \
    QVERIFY2(!o->error.isError(), qPrintable(o->error.technicalSummary()))

class TestContentService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> m_sandbox;
    ApiClient *m_client = nullptr;
    ContentService *m_service = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;

    QList<QJsonObject> bodies(const QString &action) const
    {
        QList<QJsonObject> list;
        const QList<sandbox::RecordedRequest> all = m_sandbox->requests();
        for (const sandbox::RecordedRequest &r : all)
            if (r.action == action)
                list << QJsonDocument::fromJson(r.body).object();
        return list;
    }
    QJsonObject onlyParams(const QString &action) const
    {
        const QList<QJsonObject> all = bodies(action);
        return all.size() == 1 ? all.first().value(s("params")).toObject() : QJsonObject();
    }
    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    PostMedia media(const QString &name, const QByteArray &bytes, const QString &alt = {}) const
    {
        QString error;
        const std::optional<PostMedia> m = PostMedia::load(writeFile(name, bytes), alt, &error);
        if (!m)
            qFatal("test media refused: %s", qPrintable(error));
        return *m;
    }

private Q_SLOTS:
    void init()
    {
        // The sentences' numbers follow the locale: pin one.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY(m_sandbox->listen());
        m_client = sandboxClient(*m_sandbox, this);
        QCOMPARE(m_client->baseUrl(), m_sandbox->baseUrl());
        m_service = new ContentService(m_client, m_client);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        delete m_client;
        m_client = nullptr;
        m_sandbox.reset();
        m_dir.reset();
    }

    void createText();
    void createWithImages();
    void createWithVideo();
    void createCompany();
    void limitBothSides();
    void refusedBeforeSending_data();
    void refusedBeforeSending();
    void createIsNeverRetried();
    void sandboxRefusesBadMedia_data();
    void sandboxRefusesBadMedia();
    void loadSniffsContent();
    void loadRefuses_data();
    void loadRefuses();
    void commentsPagedToTheEnd();
    void reactionsPagedToTheEnd();
};

void TestContentService::createText()
{
    const QString text = s("Shipping LinkUp Desk today 🚀\nשלום — مرحبا <b>not bold</b>");
    PostContent content;
    content.text = text;
    RUN_OK(o, m_service->create(Primary, content));
    QCOMPARE(m_sandbox->requestCount(s("/v2/content")), 1);
    const QList<QJsonObject> sent = bodies(s("create"));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().value(s("account_id")).toString(), Primary);
    const QJsonObject params = sent.first().value(s("params")).toObject();
    QCOMPARE(params.value(s("message")).toString(), text);
    QVERIFY(!params.contains(s("file")) && !params.contains(s("files")));
    QVERIFY(!params.contains(s("company_url")));
    QCOMPARE(o->credits, 1);

    const Decoded<PublishedPost> post = PublishedPost::fromJson(o->data);
    QVERIFY2(post.ok(), qPrintable(post.error));
    QVERIFY(post.value.postUrn.startsWith(s("urn:li:activity:")));
    QVERIFY(post.value.postUrl.contains(post.value.postUrn));
    const QList<sandbox::SandboxPost> posts = m_sandbox->posts(Primary);
    QCOMPARE(posts.first().urn, post.value.postUrn);
    QCOMPARE(posts.first().text, text);
    QVERIFY(posts.first().filenames.isEmpty());
}

void TestContentService::createWithImages()
{
    const QByteArray png = PngMagic + QByteArray(3000, '\x01');
    const QByteArray jpeg = JpegMagic + QByteArray(5000, '\x7f');
    PostContent content;
    content.text = s("Two pictures from the offsite");
    content.media << media(s("team.png"), png, s("The team on a rooftop, laughing"))
                  << media(s("photo.jpg"), jpeg); // no alt text
    RUN_OK(o, m_service->create(Primary, content));
    QCOMPARE(m_sandbox->requestCount(s("/v2/content"), s("create")), 1);

    const QJsonObject params = onlyParams(s("create"));
    QCOMPARE(params.value(s("message")).toString(), content.text);
    QVERIFY(!params.contains(s("file")));
    const QJsonArray files = params.value(s("files")).toArray();
    QCOMPARE(files.size(), 2);
    const QJsonObject first = files.at(0).toObject();
    QCOMPARE(first.value(s("filename")).toString(), s("team.png"));
    QCOMPARE(QByteArray::fromBase64(first.value(s("data")).toString().toLatin1()), png);
    QCOMPARE(first.value(s("altText")).toString(), s("The team on a rooftop, laughing"));
    const QJsonObject second = files.at(1).toObject();
    QCOMPARE(second.value(s("filename")).toString(), s("photo.jpg"));
    QCOMPARE(QByteArray::fromBase64(second.value(s("data")).toString().toLatin1()), jpeg);
    QCOMPARE(second.value(s("altText")).toString(), QString());

    const sandbox::SandboxPost post = m_sandbox->posts(Primary).first();
    QCOMPARE(post.filenames, QStringList({ s("team.png"), s("photo.jpg") }));
    QCOMPARE(post.altTexts, QStringList({ s("The team on a rooftop, laughing"), QString() }));
    QVERIFY(!post.singleFile);
}

void TestContentService::createWithVideo()
{
    const QByteArray mp4 = Mp4Head + QByteArray(20000, '\x02');
    PostContent content;
    content.media << media(s("demo.mp4"), mp4, s("ignored for a video"));
    QVERIFY(content.media.first().altText.isEmpty());
    RUN_OK(o, m_service->create(Primary, content));
    const QJsonObject params = onlyParams(s("create"));
    // No text: no message key at all (a video alone is a post).
    QVERIFY(!params.contains(s("message")));
    QVERIFY(!params.contains(s("files")));
    const QJsonObject file = params.value(s("file")).toObject();
    QCOMPARE(file.value(s("filename")).toString(), s("demo.mp4"));
    QCOMPARE(QByteArray::fromBase64(file.value(s("data")).toString().toLatin1()), mp4);
    const sandbox::SandboxPost post = m_sandbox->posts(Primary).first();
    QVERIFY(post.singleFile);
    QCOMPARE(post.filenames, QStringList { s("demo.mp4") });
}

void TestContentService::createCompany()
{
    PostContent content;
    content.text = s("We are hiring in Amsterdam");
    content.companyUrl = s("https://www.linkedin.com/company/quokka-labs/");
    RUN_OK(o, m_service->create(Primary, content));
    QCOMPARE(m_sandbox->requestCount(s("/v2/content")), 1);
    QCOMPARE(m_sandbox->requestCount(s("/v2/content"), s("create_company")), 1);
    const QJsonObject params = onlyParams(s("create_company"));
    QCOMPARE(params.value(s("company_url")).toString(), content.companyUrl);
    QCOMPARE(params.value(s("message")).toString(), content.text);
    QCOMPARE(m_sandbox->posts(Primary).first().companyUrl, content.companyUrl);

    // A page the account does not run: the API's refusal arrives as an error, once.
    content.companyUrl = s("https://www.linkedin.com/company/not-ours/");
    RUN(refused, m_service->create(Primary, content));
    QCOMPARE(refused->error.httpStatus, 400);
    QCOMPARE(m_sandbox->requestCount(s("/v2/content"), s("create_company")), 2);
}

void TestContentService::limitBothSides()
{
    // 3,000 emoji: 6,000 UTF-16 units, 3,000 characters. Both sides accept it.
    const QString atLimit = repeated(s("🚀"), PostText::Limit);
    PostContent content;
    content.text = atLimit;
    RUN_OK(ok, m_service->create(Primary, content));
    QCOMPARE(m_sandbox->posts(Primary).first().text, atLimit);

    // One more: the client refuses it without a request.
    m_sandbox->clearRequests();
    content.text = atLimit + s("🚀");
    RUN(refused, m_service->create(Primary, content));
    QCOMPARE(refused->error.kind, ApiError::Kind::Config);
    QVERIFY2(refused->error.userMessage().contains(s("1 over the limit")),
        qPrintable(refused->error.userMessage()));
    QCOMPARE(m_sandbox->requestCount(), 0);

    // The sandbox itself counts code points: 3,001 are refused, whatever the client says.
    RUN(server,
        m_client->action(s("content"), Primary, s("create"),
            QJsonObject { { s("message"), content.text } }, CallKind::Write));
    QCOMPARE(server->error.httpStatus, 400);
    QCOMPARE(server->error.code, s("INVALID_PARAMS"));
    QVERIFY2(server->error.message.contains(s("3000")), qPrintable(server->error.message));
}

void TestContentService::refusedBeforeSending_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("images");
    QTest::addColumn<int>("videos");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << 0 << 0 << s("empty");
    QTest::newRow("whitespace only") << s(" \n\t\u00a0 ") << 0 << 0 << s("only spaces");
    QTest::newRow("too many images") << s("x") << 10 << 0 << s("at most 9 images");
    QTest::newRow("images and a video") << s("x") << 1 << 1 << s("not both");
    QTest::newRow("two videos") << s("x") << 0 << 2 << s("one video");
    QTest::newRow("too long with an image")
        << QString(3001, QLatin1Char('a')) << 1 << 0 << s("over the limit");
}

void TestContentService::refusedBeforeSending()
{
    QFETCH(QString, text);
    QFETCH(int, images);
    QFETCH(int, videos);
    QFETCH(QString, expected);
    PostContent content;
    content.text = text;
    for (int i = 0; i < images; ++i)
        content.media << media(QStringLiteral("i%1.png").arg(i), PngMagic + "x");
    for (int i = 0; i < videos; ++i)
        content.media << media(QStringLiteral("v%1.mp4").arg(i), Mp4Head + "x");
    QVERIFY2(content.problem().contains(expected), qPrintable(content.problem()));

    QList<ApiError> seen;
    connect(
        m_client, &ApiClient::callDone, this, [&seen](ApiCall *call) { seen << call->error(); });
    RUN(o, m_service->create(Primary, content));
    QCOMPARE(o->error.kind, ApiError::Kind::Config);
    QCOMPARE(o->error.userMessage(), content.problem());
    QCOMPARE(seen.size(), 1); // it still goes through the client's signals, like any call
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestContentService::createIsNeverRetried()
{
    // A 500 after create is ambiguous: the post may be on LinkedIn. A Write is not repeated.
    m_sandbox->injectFault(SandboxServer::Fault::InternalError, 3, s("/v2/content"), s("create"));
    PostContent content;
    content.text = s("Only once");
    RUN(o, m_service->create(Primary, content));
    QVERIFY(o->error.isError());
    QVERIFY(o->error.isAmbiguous());
    QCOMPARE(m_sandbox->requestCount(s("/v2/content"), s("create")), 1);
}

void TestContentService::sandboxRefusesBadMedia_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("expected");
    QTest::newRow("data not base64")
        << QByteArray(R"({"files":[{"filename":"a.png","data":"not base64!","altText":""}]})")
        << s("files[0] data must be non-empty base64");
    QTest::newRow("empty data") << QByteArray(R"({"file":{"filename":"a.mp4","data":""}})")
                                << s("file data must be non-empty base64");
    QTest::newRow("file with files") << QByteArray(
        R"({"file":{"filename":"a.mp4","data":"aGk="},"files":[{"filename":"b.png","data":"aGk="}]})")
                                     << s("file and files cannot be used together");
    QTest::newRow("altText number")
        << QByteArray(R"({"files":[{"filename":"a.png","data":"aGk=","altText":3}]})")
        << s("altText must be a string");
}

void TestContentService::sandboxRefusesBadMedia()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, expected);
    const int before = m_sandbox->posts(Primary).size();
    RUN(o,
        m_client->action(s("content"), Primary, s("create"),
            QJsonDocument::fromJson(params).object(), CallKind::Write));
    QCOMPARE(o->error.httpStatus, 400);
    QVERIFY2(o->error.message.contains(expected), qPrintable(o->error.message));
    QCOMPARE(m_sandbox->posts(Primary).size(), before);
    QCOMPARE(m_sandbox->creditsCharged(), 0);
}

void TestContentService::loadSniffsContent()
{
    QString error = s("stale");
    // A JPEG named .txt is an image: the bytes decide, not the name.
    std::optional<PostMedia> m
        = PostMedia::load(writeFile(s("really.txt"), JpegMagic + "abc"), s("Alt"), &error);
    QVERIFY2(m, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(m->kind, PostMedia::Kind::Image);
    QCOMPARE(m->filename, s("really.txt"));
    QCOMPARE(m->data, JpegMagic + "abc");
    QCOMPARE(m->altText, s("Alt"));

    m = PostMedia::load(writeFile(s("clip.mov"), Mp4Head + "moov"), s("Alt"), &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->kind, PostMedia::Kind::Video);
    QVERIFY(m->altText.isEmpty());

    // Exactly at the image limit: accepted.
    const QString path = writeFile(s("big.png"), PngMagic);
    QFile file(path);
    QVERIFY(file.resize(PostMedia::MaxImageBytes));
    m = PostMedia::load(path, {}, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->data.size(), PostMedia::MaxImageBytes);
}

void TestContentService::loadRefuses_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("expected"); // words the sentence must hold
    QTest::newRow("missing") << s("missing") << s("does not exist");
    QTest::newRow("directory") << s("directory") << s("not a file");
    QTest::newRow("empty") << s("empty") << s("is empty");
    QTest::newRow("text named .png") << s("text") << s("not a PNG or JPEG image");
    QTest::newRow("gif") << s("gif") << s("not a PNG or JPEG image");
    QTest::newRow("image over the limit") << s("huge image") << s("at most 8.0 MB");
    QTest::newRow("video over the limit") << s("huge video") << s("at most 200.0 MB");
    QTest::newRow("unreadable") << s("unreadable") << s("could not be read");
}

void TestContentService::loadRefuses()
{
    QFETCH(QString, setup);
    QFETCH(QString, expected);
    const QString name = setup == s("huge video") ? s("post image.mp4") : s("post image.png");
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (setup == s("directory")) {
        QVERIFY(QDir(m_dir->path()).mkdir(name));
    } else if (setup == s("empty")) {
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
    } else if (setup == s("text")) {
        QVERIFY(!writeFile(name, "Hello, this is not a picture\n").isEmpty());
    } else if (setup == s("gif")) {
        QVERIFY(!writeFile(name, "GIF89a\x01\x00\x01\x00").isEmpty());
    } else if (setup == s("huge image") || setup == s("huge video")) {
        // Sparse: the size is there without writing the bytes.
        const bool video = setup == s("huge video");
        QVERIFY(!writeFile(name, video ? Mp4Head : PngMagic).isEmpty());
        QVERIFY(file.resize((video ? PostMedia::MaxVideoBytes : PostMedia::MaxImageBytes) + 1));
    } else if (setup == s("unreadable")) {
        QVERIFY(!writeFile(name, PngMagic).isEmpty());
        QVERIFY(file.setPermissions(QFileDevice::Permissions()));
        if (QFile(path).open(QIODevice::ReadOnly))
            QSKIP("this user can read any file (root): no unreadable file to test with");
    }
    QString error;
    QVERIFY(!PostMedia::load(path, s("alt"), &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(name), qPrintable(error));
    QCOMPARE(m_sandbox->requestCount(), 0);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestContentService::commentsPagedToTheEnd()
{
    const QString postUrl
        = s("https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001/");
    QSet<QString> urns;
    int offset = 0, pages = 0, total = -1, credits = 0;
    for (bool more = true; more && pages < 20; ++pages) {
        RUN_OK(o, m_service->getComments(Primary, postUrl, 4, offset));
        const Decoded<PostCommentPage> page = PostCommentPage::fromJson(o->data);
        QVERIFY2(page.ok(), qPrintable(page.error));
        QVERIFY(page.value.items.size() <= 4);
        for (const PostComment &c : page.value.items) {
            QVERIFY(!urns.contains(c.commentUrn));
            urns << c.commentUrn;
            QVERIFY(!c.text.isEmpty());
            QVERIFY(!c.author.name.isEmpty());
            QVERIFY(c.createdAt.isValid());
        }
        const QJsonObject params = bodies(s("get_comments")).last().value(s("params")).toObject();
        QCOMPARE(params.value(s("post_url")).toString(), postUrl);
        QCOMPARE(params.value(s("count")).toInt(), 4);
        QCOMPARE(params.value(s("offset")).toInt(), offset);
        total = page.value.totalAvailable;
        more = page.value.hasMore;
        offset = page.value.nextOffset;
        credits += o->credits;
    }
    QVERIFY(total >= 3);
    QCOMPARE(urns.size(), total);
    QCOMPARE(pages, (total + 3) / 4);
    QCOMPARE(m_sandbox->requestCount(s("/v2/content"), s("get_comments")), pages);
    QCOMPARE(credits, pages);
}

void TestContentService::reactionsPagedToTheEnd()
{
    const QString postUrl = s("urn:li:activity:7100000000000000002");
    int offset = 0, pages = 0, seen = 0, total = -1;
    for (bool more = true; more && pages < 20; ++pages) {
        RUN_OK(o, m_service->getReactions(Primary, postUrl, 5, offset));
        const Decoded<PostReactionPage> page = PostReactionPage::fromJson(o->data);
        QVERIFY2(page.ok(), qPrintable(page.error));
        for (const PostReaction &r : page.value.items) {
            QVERIFY(!r.reactionType.isEmpty());
            QVERIFY(!r.actor.profileUrl.isEmpty());
        }
        seen += int(page.value.items.size());
        total = page.value.totalAvailable;
        more = page.value.hasMore;
        offset = page.value.nextOffset;
    }
    QCOMPARE(seen, total);
    QCOMPARE(m_sandbox->requestCount(s("/v2/content"), s("get_reactions")), pages);
    const QJsonObject params = bodies(s("get_reactions")).first().value(s("params")).toObject();
    QCOMPARE(params.value(s("post_url")).toString(), postUrl);
    QCOMPARE(params.value(s("offset")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestContentService)
#include "tst_contentservice.moc"
