// linkupctl post and drafts list end to end: the real executable against a SandboxServer in
// this process, which counts the create requests each command made and keeps what it received.
// Exactly one create per command, the text in params.message, an image with its alt text, a
// company post, refusals before any request (3,001 code points, empty, whitespace, bad files),
// a refused and an ambiguous publish, and the drafts list with a scheduled post in local time.
#include "sandbox/sandboxserver.h"
#include "store/draftrepository.h"
#include "support/profile.h"
#include "sync/workspace.h"

#include "linkupctlprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using ld::sandbox::SandboxServer;
using ld::sandbox::Seeds;

namespace {

constexpr int kWait = 60000;
const QByteArray kPng("\x89PNG\r\n\x1a\n"
                      "fake image body",
    23);
// No daylight saving time, and not UTC: a table in UTC would show the wrong hour.
const QByteArray kZone("Asia/Kolkata");

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LINKUP_API_KEY"), Seeds::apiKey());
    env.insert(QStringLiteral("TZ"), QString::fromLatin1(kZone));
    // Numbers in the sentences follow the locale: one that every system has.
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

QString repeated(const QString &unit, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

} // namespace

class TstLinkupCtlPost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void help();
    void usageErrors_data();
    void usageErrors();
    void postMakesOneRequest();
    void postAtTheLimit();
    void imageWithAltText();
    void companyPost();
    void refusedBeforeAnyRequest_data();
    void refusedBeforeAnyRequest();
    void refusedByTheApi();
    void ambiguousPublishIsUnknown();
    void draftsList();

private:
    using Result = LinkupctlResult;
    Result run(const QStringList &args) const
    {
        const QStringList all = QStringList { QStringLiteral("--base-url"),
            m_server->baseUrl().toString(), QStringLiteral("--profile"), m_profile->path() }
            + args;
        return runLinkupctl(all, environment(), {}, kWait);
    }
    QStringList post(const QString &text) const
    {
        return { QStringLiteral("post"), QStringLiteral("--account"), Seeds::primaryAccountId(),
            QStringLiteral("--text"), text };
    }
    int createRequests() const
    {
        return m_server->requestCount(QStringLiteral("/v2/content"), QStringLiteral("create"))
            + m_server->requestCount(
                QStringLiteral("/v2/content"), QStringLiteral("create_company"));
    }
    QJsonObject lastParams() const
    {
        const QList<ld::sandbox::RecordedRequest> all = m_server->requests();
        for (auto it = all.crbegin(); it != all.crend(); ++it)
            if (it->action.startsWith(QLatin1String("create")))
                return QJsonDocument::fromJson(it->body)
                    .object()
                    .value(QStringLiteral("params"))
                    .toObject();
        return {};
    }
    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_files->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<QTemporaryDir> m_files;
};

void TstLinkupCtlPost::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_profile = std::make_unique<QTemporaryDir>();
    QVERIFY(m_profile->isValid());
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
}

void TstLinkupCtlPost::cleanup()
{
    m_server.reset();
    m_profile.reset();
    m_files.reset();
}

void TstLinkupCtlPost::help()
{
    const Result r = run({ QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(
        QStringLiteral("post --account ID --text TEXT [--image FILE [--alt TEXT]]")));
    QVERIFY(r.out.contains(QStringLiteral("drafts list")));
    QVERIFY(r.out.contains(QStringLiteral("a post or a network write")));
}

void TstLinkupCtlPost::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("post without account") << words("post --text hi");
    QTest::newRow("post without text or media") << words("post --account a");
    QTest::newRow("alt without image") << words("post --account a --text hi --alt words");
    QTest::newRow("two alts for one image")
        << words("post --account a --text hi --image x.png --alt a --alt b");
    QTest::newRow("unquoted text") << words("post --account a --text two words");
    QTest::newRow("unknown option") << words("post --account a --text hi --poll yes");
    QTest::newRow("text without value") << words("post --account a --text");
    QTest::newRow("drafts without list") << words("drafts");
    QTest::newRow("drafts list with an argument") << words("drafts list extra");
}

void TstLinkupCtlPost::usageErrors()
{
    QFETCH(QStringList, args);
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("linkupctl: ")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
}

void TstLinkupCtlPost::postMakesOneRequest()
{
    const QString text = s("Shipping LinkUp Desk today 🚀\nשלום, مرحبا — <b>plain</b>");
    const Result r = run(post(text));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(createRequests(), 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v2/content")), 1);
    const QJsonObject params = lastParams();
    QCOMPARE(params.value(QStringLiteral("message")).toString(), text);
    QVERIFY(!params.contains(QStringLiteral("files")) && !params.contains(QStringLiteral("file")));
    const ld::sandbox::SandboxPost onServer = m_server->posts(Seeds::primaryAccountId()).first();
    QCOMPARE(onServer.text, text);
    QVERIFY2(r.out.contains(onServer.urn), qPrintable(r.out));
    QVERIFY2(r.out.startsWith(QStringLiteral("published: https://")), qPrintable(r.out));

    // A second command is a second post: one more request, not a replay of the first.
    const Result json = run(QStringList { QStringLiteral("--json") } + post(s("Second")));
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(createRequests(), 2);
    QCOMPARE(json.json().value(QStringLiteral("state")).toString(), QStringLiteral("published"));
    QCOMPARE(json.json().value(QStringLiteral("post_urn")).toString(),
        m_server->posts(Seeds::primaryAccountId()).first().urn);
    QCOMPARE(json.json().value(QStringLiteral("credits")).toInt(), 1);
}

void TstLinkupCtlPost::postAtTheLimit()
{
    // 3,000 emoji are 6,000 UTF-16 units but 3,000 characters: accepted by both sides.
    const QString text = repeated(s("🎉"), 3000);
    const Result r = run(post(text));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(createRequests(), 1);
    QCOMPARE(lastParams().value(QStringLiteral("message")).toString(), text);
}

void TstLinkupCtlPost::imageWithAltText()
{
    const QString image = writeFile(QStringLiteral("chart.png"), kPng);
    QVERIFY(!image.isEmpty());
    const QString alt = s("A bar chart: replies doubled in March");
    const Result r = run({ QStringLiteral("post"), QStringLiteral("--account"),
        Seeds::primaryAccountId(), QStringLiteral("--text"), QStringLiteral("Our numbers"),
        QStringLiteral("--image"), image, QStringLiteral("--alt"), alt, QStringLiteral("--json") });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(createRequests(), 1);
    const QJsonObject params = lastParams();
    QCOMPARE(params.value(QStringLiteral("message")).toString(), QStringLiteral("Our numbers"));
    const QJsonArray files = params.value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 1);
    const QJsonObject file = files.first().toObject();
    QCOMPARE(file.value(QStringLiteral("filename")).toString(), QStringLiteral("chart.png"));
    QCOMPARE(
        QByteArray::fromBase64(file.value(QStringLiteral("data")).toString().toLatin1()), kPng);
    QCOMPARE(file.value(QStringLiteral("altText")).toString(), alt);
    QCOMPARE(m_server->posts(Seeds::primaryAccountId()).first().altTexts, QStringList { alt });
    QCOMPARE(r.json().value(QStringLiteral("state")).toString(), QStringLiteral("published"));
}

void TstLinkupCtlPost::companyPost()
{
    const QString page = QStringLiteral("https://www.linkedin.com/company/quokka-labs/");
    const Result r = run(
        post(QStringLiteral("We are hiring")) + QStringList { QStringLiteral("--company"), page });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        m_server->requestCount(QStringLiteral("/v2/content"), QStringLiteral("create_company")), 1);
    QCOMPARE(createRequests(), 1);
    QCOMPARE(lastParams().value(QStringLiteral("company_url")).toString(), page);
    QCOMPARE(m_server->posts(Seeds::primaryAccountId()).first().companyUrl, page);
}

void TstLinkupCtlPost::refusedBeforeAnyRequest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("setup"); // the image to attach, if any
    QTest::addColumn<QString>("expected");
    QTest::newRow("3,001 code points")
        << repeated(s("🎉"), 3001) << QString() << s("characters: 1 over the limit of 3");
    QTest::newRow("empty") << QString() << QString() << s("empty");
    QTest::newRow("whitespace only") << s("  \n\t ") << QString() << s("only spaces");
    QTest::newRow("missing image") << s("x") << s("missing") << s("does not exist");
    QTest::newRow("text file named .png") << s("x") << s("text") << s("not a PNG or JPEG");
    QTest::newRow("oversized image") << s("x") << s("huge") << s("at most 8.0 MB");
}

void TstLinkupCtlPost::refusedBeforeAnyRequest()
{
    QFETCH(QString, text);
    QFETCH(QString, setup);
    QFETCH(QString, expected);
    QStringList args = post(text);
    if (!setup.isEmpty()) {
        const QString path = m_files->filePath(QStringLiteral("picture.png"));
        if (setup == QLatin1String("text")) {
            QVERIFY(!writeFile(QStringLiteral("picture.png"), "just words\n").isEmpty());
        } else if (setup == QLatin1String("huge")) {
            QVERIFY(!writeFile(QStringLiteral("picture.png"), kPng).isEmpty());
            QVERIFY(QFile(path).resize(8 * 1024 * 1024 + 1)); // sparse
        }
        args << QStringLiteral("--image") << path;
    }
    const Result r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    if (!setup.isEmpty())
        QVERIFY2(r.err.contains(QStringLiteral("picture.png")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(m_server->requestCount(), 0);
    // Nothing stored either: no draft to publish by surprise later.
    const Result list
        = run({ QStringLiteral("--json"), QStringLiteral("drafts"), QStringLiteral("list") });
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().value(QStringLiteral("total")).toInt(), 0);
}

void TstLinkupCtlPost::refusedByTheApi()
{
    // A page the account does not run: the API refuses (400), so nothing was published.
    const Result r = run(post(QStringLiteral("Hello"))
        + QStringList { QStringLiteral("--company"),
            QStringLiteral("https://www.linkedin.com/company/someone-else/") });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(createRequests(), 1);
    QVERIFY2(r.out.startsWith(QStringLiteral("failed: draft")), qPrintable(r.out));
    QVERIFY2(r.err.startsWith(QStringLiteral("linkupctl: ")), qPrintable(r.err));
}

void TstLinkupCtlPost::ambiguousPublishIsUnknown()
{
    // A 500 after create: the post may be on LinkedIn. Never retried, reported unknown.
    m_server->injectFault(SandboxServer::Fault::InternalError, 3, QStringLiteral("/v2/content"),
        QStringLiteral("create"));
    const Result r = run(post(QStringLiteral("Maybe published")));
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(createRequests(), 1);
    QVERIFY2(r.out.startsWith(QStringLiteral("unknown: draft")), qPrintable(r.out));
    QVERIFY2(r.err.contains(QStringLiteral("on LinkedIn")), qPrintable(r.err));
}

void TstLinkupCtlPost::draftsList()
{
    // A plain draft and a scheduled one, written by the app's own repository.
    const QDateTime when = QDateTime::currentDateTimeUtc().addDays(2);
    qint64 scheduledId = 0;
    {
        ld::Workspace ws(ld::Profile::open(m_profile->path()));
        QVERIFY2(ws.open(), qPrintable(ws.errorString()));
        ld::Draft d;
        d.accountId = Seeds::primaryAccountId();
        d.text = QStringLiteral("Still writing this one");
        QVERIFY(ws.drafts()->create(d) > 0);
        d.text = QStringLiteral("Goes out on Thursday");
        scheduledId = ws.drafts()->create(d);
        QVERIFY(scheduledId > 0);
        ld::Draft next = *ws.drafts()->find(scheduledId);
        next.state = ld::Draft::State::Scheduled;
        next.scheduledAt = when;
        QVERIFY(ws.drafts()->transition(scheduledId, ld::Draft::State::Draft, next));
    }
    // One refused by the API, one unknown, one published (the history, not a draft).
    QCOMPARE(run(post(QStringLiteral("Published"))).exitCode, 0);
    QCOMPARE(run(post(QStringLiteral("Refused"))
                 + QStringList { QStringLiteral("--company"),
                     QStringLiteral("https://www.linkedin.com/company/someone-else/") })
                 .exitCode,
        1);
    m_server->injectFault(SandboxServer::Fault::InternalError, 1, QStringLiteral("/v2/content"),
        QStringLiteral("create"));
    QCOMPARE(run(post(QStringLiteral("Unknown"))).exitCode, 3);
    const int requests = m_server->requestCount();

    const Result json
        = run({ QStringLiteral("drafts"), QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.json().value(QStringLiteral("total")).toInt(), 4);
    QHash<QString, QJsonObject> byText;
    for (const QJsonValue &v : json.json().value(QStringLiteral("drafts")).toArray())
        byText.insert(v.toObject().value(QStringLiteral("text")).toString(), v.toObject());
    QCOMPARE(byText.value(QStringLiteral("Still writing this one"))
                 .value(QStringLiteral("state"))
                 .toString(),
        QStringLiteral("draft"));
    const QJsonObject scheduled = byText.value(QStringLiteral("Goes out on Thursday"));
    QCOMPARE(scheduled.value(QStringLiteral("state")).toString(), QStringLiteral("scheduled"));
    QCOMPARE(QDateTime::fromString(
                 scheduled.value(QStringLiteral("scheduled_at")).toString(), Qt::ISODateWithMs),
        QDateTime::fromMSecsSinceEpoch(when.toMSecsSinceEpoch(), Qt::UTC));
    QCOMPARE(byText.value(QStringLiteral("Refused")).value(QStringLiteral("state")).toString(),
        QStringLiteral("failed"));
    QVERIFY(!byText.value(QStringLiteral("Refused"))
                 .value(QStringLiteral("error"))
                 .toString()
                 .isEmpty());
    QCOMPARE(byText.value(QStringLiteral("Unknown")).value(QStringLiteral("state")).toString(),
        QStringLiteral("unknown"));
    QVERIFY(!byText.contains(QStringLiteral("Published")));

    const Result table = run({ QStringLiteral("drafts"), QStringLiteral("list") });
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.first().startsWith(QStringLiteral("ID")));
    QVERIFY(lines.first().contains(QStringLiteral("SCHEDULED")));
    // The scheduled time in the local zone (the child's TZ), not in UTC.
    const QString local
        = when.toTimeZone(QTimeZone(kZone)).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    QString scheduledLine;
    for (const QString &line : lines)
        if (line.contains(QStringLiteral("Goes out on Thursday")))
            scheduledLine = line;
    QVERIFY2(scheduledLine.contains(QStringLiteral("scheduled")), qPrintable(table.out));
    QVERIFY2(
        scheduledLine.contains(local), qPrintable(table.out + QStringLiteral(" wanted ") + local));
    // Listing drafts reads the profile only.
    QCOMPARE(m_server->requestCount(), requests);
}

QTEST_GUILESS_MAIN(TstLinkupCtlPost)
#include "tst_linkupctlpost.moc"
