// MessagesService against the sandbox over loopback: list_inbox paged to the end under each
// form of the last page, a 10,000-message conversation paged through, send with and without
// an attachment (the body as recorded by the sandbox), attachments refused before anything
// is sent, credits, and the hostile texts of the seed arriving verbatim.
#include "domain/conversation.h"
#include "sandbox/sandboxserver.h"
#include "services/messagesservice.h"
#include "servicecall.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <limits>
#include <memory>

using namespace ld;
using sandbox::CursorEnd;
using sandbox::SandboxServer;
using sandbox::Seeds;

Q_DECLARE_METATYPE(ld::sandbox::CursorEnd)

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

const QString Primary = Seeds::primaryAccountId();

} // namespace

#define RUN(o, expr)                                                                               \
    auto o = run(expr);                                                                            \
    QCOMPARE(o->done, 1)

#define RUN_OK(o, expr)                                                                            \
    RUN(o, expr);                                                                                  \
    QVERIFY2(!o->error.isError(), qPrintable(o->error.technicalSummary()))

class TestMessagesService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<SandboxServer> m_sandbox;
    ApiClient *m_client = nullptr;
    MessagesService *m_service = nullptr;

    QJsonObject lastBody(const QString &action) const
    {
        const QList<sandbox::RecordedRequest> all = m_sandbox->requests();
        for (auto it = all.crbegin(); it != all.crend(); ++it)
            if (it->action == action)
                return QJsonDocument::fromJson(it->body).object();
        return {};
    }
    QJsonObject lastParams(const QString &action) const
    {
        return lastBody(action).value(s("params")).toObject();
    }

private Q_SLOTS:
    void init()
    {
        // A fresh world per test: some tests empty an inbox or add a huge conversation.
        m_sandbox = std::make_unique<SandboxServer>();
        QVERIFY(m_sandbox->listen());
        m_client = sandboxClient(*m_sandbox, this);
        QCOMPARE(m_client->baseUrl(), m_sandbox->baseUrl());
        m_service = new MessagesService(m_client, m_client);
    }
    void cleanup()
    {
        delete m_client;
        m_client = nullptr;
        m_sandbox.reset();
    }

    void listInboxPagesToTheEnd_data();
    void listInboxPagesToTheEnd();
    void listInboxSendsOnlyWhatIsUsed();
    void emptyInbox();
    void hostileNamesArriveVerbatim();
    void getConversationPagesThrough_data();
    void getConversationPagesThrough();
    void getConversationByProfileUrl();
    void hugeMessageBody();
    void sendText();
    void sendWithAttachment();
    void sendIsNeverRetried();
    void attachmentRefusedBeforeSending_data();
    void attachmentRefusedBeforeSending();
};

void TestMessagesService::listInboxPagesToTheEnd_data()
{
    QTest::addColumn<CursorEnd>("style");
    QTest::addColumn<QJsonValue>("wireEnd"); // the last page's next_cursor as sent
    QTest::newRow("missing") << CursorEnd::Missing << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("empty") << CursorEnd::Empty << QJsonValue(QString());
    QTest::newRow("null") << CursorEnd::Null << QJsonValue(QJsonValue::Null);
}

void TestMessagesService::listInboxPagesToTheEnd()
{
    QFETCH(CursorEnd, style);
    QFETCH(QJsonValue, wireEnd);
    m_sandbox->setCursorEndStyle(style);
    QSet<QString> ids;
    QString cursor;
    QDateTime previous;
    int pages = 0, credits = 0;
    QJsonObject lastData;
    do {
        InboxQuery q;
        q.count = 10;
        q.cursor = cursor;
        RUN_OK(o, m_service->listInbox(Primary, q));
        lastData = o->data.toObject();
        const Decoded<InboxPage> page = InboxPage::fromJson(o->data);
        QVERIFY2(page.ok(), qPrintable(page.error));
        for (const Conversation &c : page.value.conversations) {
            QVERIFY(!ids.contains(c.id));
            ids << c.id;
            QVERIFY(!previous.isValid() || c.lastAt <= previous); // newest first
            previous = c.lastAt;
        }
        cursor = page.value.nextCursor;
        credits += o->credits;
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(ids.size(), 30);
    QCOMPARE(m_sandbox->requestCount(s("/v2/messages"), s("list_inbox")), 3);
    QCOMPARE(lastData.value(s("next_cursor")), wireEnd);
    QCOMPARE(credits, 3); // 1 per 10 results
    QCOMPARE(m_sandbox->creditsCharged(), 3);
}

void TestMessagesService::listInboxSendsOnlyWhatIsUsed()
{
    RUN_OK(plain, m_service->listInbox(Primary));
    const QJsonObject params = lastParams(s("list_inbox"));
    QCOMPARE(params.keys(), QStringList { s("count") });
    QCOMPARE(params.value(s("count")).toInt(), 25);
    QCOMPARE(lastBody(s("list_inbox")).value(s("account_id")).toString(), Primary);

    InboxQuery q;
    q.count = 5;
    q.category = s("INBOX");
    q.unreadOnly = true;
    RUN_OK(unread, m_service->listInbox(Primary, q));
    const QJsonObject p2 = lastParams(s("list_inbox"));
    QCOMPARE(p2.value(s("category")).toString(), s("INBOX"));
    QCOMPARE(p2.value(s("unread_only")).toBool(), true);
    QVERIFY(!p2.contains(s("cursor")));
    const Decoded<InboxPage> page = InboxPage::fromJson(unread->data);
    QVERIFY(page.ok());
    QVERIFY(!page.value.conversations.isEmpty());
    for (const Conversation &c : page.value.conversations)
        QVERIFY(c.unread > 0);
}

void TestMessagesService::emptyInbox()
{
    m_sandbox->clearInbox(Primary);
    RUN_OK(o, m_service->listInbox(Primary));
    const Decoded<InboxPage> page = InboxPage::fromJson(o->data);
    QVERIFY2(page.ok(), qPrintable(page.error));
    QVERIFY(page.value.conversations.isEmpty());
    QVERIFY(!page.value.hasMore());
    QCOMPARE(o->credits, 0);
}

void TestMessagesService::hostileNamesArriveVerbatim()
{
    InboxQuery q;
    q.count = 30;
    RUN_OK(o, m_service->listInbox(Primary, q));
    const Decoded<InboxPage> page = InboxPage::fromJson(o->data);
    QVERIFY(page.ok());
    QStringList names, texts;
    for (const Conversation &c : page.value.conversations) {
        names << c.participant.name;
        texts << c.lastText;
    }
    QVERIFY(names.contains(s("Maya 👩‍💻 Okafor 🚀")));
    QVERIFY(names.contains(s("ليلى حداد")));
    QVERIFY(names.contains(s("נועה כהן (Noa Cohen)")));
    QVERIFY(texts.contains(s("<b>bold</b> <img src=x> <a href=\"http://x\">link</a>")));
}

void TestMessagesService::getConversationPagesThrough_data()
{
    QTest::addColumn<CursorEnd>("style");
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("perPage");
    QTest::newRow("10,000 messages, missing at the end") << CursorEnd::Missing << 10000 << 100;
    QTest::newRow("250 messages, empty at the end") << CursorEnd::Empty << 250 << 100;
    QTest::newRow("250 messages, null at the end") << CursorEnd::Null << 250 << 50;
    QTest::newRow("exactly one page") << CursorEnd::Null << 40 << 40;
}

void TestMessagesService::getConversationPagesThrough()
{
    QFETCH(CursorEnd, style);
    QFETCH(int, messages);
    QFETCH(int, perPage);
    m_sandbox->setCursorEndStyle(style);
    const QString id = m_sandbox->addConversation(Primary, s("Maya 👩‍💻 Okafor"), messages);
    QVERIFY(!id.isEmpty());

    QSet<QString> urns;
    QString cursor;
    qint64 previous = std::numeric_limits<qint64>::max();
    int calls = 0;
    const int expectedCalls = (messages + perPage - 1) / perPage;
    do {
        RUN_OK(o, m_service->getConversation(Primary, id, {}, perPage, cursor));
        const Decoded<ConversationPage> page = ConversationPage::fromJson(o->data);
        QVERIFY2(page.ok(), qPrintable(page.error));
        QCOMPARE(page.value.totalMessageCount, messages);
        for (const Message &m : page.value.messages) {
            const qint64 t = m.at.toMSecsSinceEpoch();
            QVERIFY(t < previous); // newest first, no overlap between pages
            previous = t;
            urns << m.id;
        }
        cursor = page.value.nextCursor;
        ++calls;
    } while (!cursor.isEmpty() && calls <= expectedCalls);
    QCOMPARE(calls, expectedCalls);
    QCOMPARE(urns.size(), messages);
    QCOMPARE(m_sandbox->creditsCharged(), expectedCalls); // 1 per call
    const QJsonObject params = lastParams(s("get_conversation"));
    QCOMPARE(params.value(s("conversation_id")).toString(), id);
    QVERIFY(!params.contains(s("profile_url")));
}

void TestMessagesService::getConversationByProfileUrl()
{
    RUN_OK(inbox, m_service->listInbox(Primary));
    const Decoded<InboxPage> page = InboxPage::fromJson(inbox->data);
    QVERIFY(page.ok());
    const Conversation &top = page.value.conversations.first();
    RUN_OK(o, m_service->getConversation(Primary, {}, top.participant.profileUrl, 10));
    const QJsonObject params = lastParams(s("get_conversation"));
    QCOMPARE(params.value(s("profile_url")).toString(), top.participant.profileUrl);
    QVERIFY(!params.contains(s("conversation_id")));
    QVERIFY(!params.contains(s("cursor")));
    QCOMPARE(params.value(s("count")).toInt(), 10);
    const Decoded<ConversationPage> conv = ConversationPage::fromJson(o->data);
    QVERIFY(conv.ok());
    QCOMPARE(conv.value.messages.first().text, top.lastText);
}

void TestMessagesService::hugeMessageBody()
{
    const QString id = m_sandbox->addConversation(Primary, s("ليلى حداد"), 3, 50 * 1024);
    RUN_OK(o, m_service->getConversation(Primary, id));
    const Decoded<ConversationPage> page = ConversationPage::fromJson(o->data);
    QVERIFY2(page.ok(), qPrintable(page.error));
    QCOMPARE(page.value.messages.size(), 3);
    for (const Message &m : page.value.messages)
        QCOMPARE(m.text.size(), 50 * 1024);
    QVERIFY(page.value.messages.last().senderName == s("ليلى حداد")
        || page.value.messages.first().senderName == s("ليلى حداد"));
}

void TestMessagesService::sendText()
{
    const QString to = s("https://www.linkedin.com/in/new-prospect-42");
    const QString text = s("Hello 👋 — مرحبا <b>not bold</b>");
    ApiCall *call = m_service->send(Primary, to, text);
    QCOMPARE(call->request().kind, CallKind::Write);
    QCOMPARE(call->request().action, s("send"));
    RUN_OK(o, call);
    const QJsonObject params = lastParams(s("send"));
    QCOMPARE(params.value(s("profile_url")).toString(), to);
    QCOMPARE(params.value(s("message_text")).toString(), text);
    QVERIFY(!params.contains(s("media_file")));
    QCOMPARE(o->credits, 1);

    const Decoded<SentMessage> sent = SentMessage::fromJson(o->data);
    QVERIFY2(sent.ok(), qPrintable(sent.error));
    QVERIFY(!sent.value.entityUrn.isEmpty());
    QVERIFY(sent.value.deliveredAt.isValid());
    // What the outbox does to verify: the message just sent is the newest of its thread.
    RUN_OK(check, m_service->getConversation(Primary, sent.value.conversationId, {}, 5));
    const Decoded<ConversationPage> page = ConversationPage::fromJson(check->data);
    QVERIFY(page.ok());
    QCOMPARE(page.value.messages.first().text, text);
    RUN_OK(byUrl, m_service->getConversation(Primary, {}, to, 5));
    QCOMPARE(ConversationPage::fromJson(byUrl->data).value.messages.first().text, text);
}

void TestMessagesService::sendWithAttachment()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(s("deck – v2.pdf"));
    QByteArray bytes("%PDF-1.4\n");
    bytes.append('\0');
    bytes.append(QByteArray(3000, '\xff'));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    MediaFile media;
    const ApiError error = MessagesService::readAttachment(path, &media);
    QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
    QCOMPARE(media.filename, s("deck – v2.pdf"));
    QCOMPARE(media.data, bytes);

    const qint64 before = m_sandbox->creditsCharged();
    RUN_OK(o,
        m_service->send(Primary, s("https://www.linkedin.com/in/amelie-dubois-1000/"),
            s("Here is the deck"), media));
    const QJsonObject file64 = lastParams(s("send")).value(s("media_file")).toObject();
    QCOMPARE(file64.value(s("filename")).toString(), s("deck – v2.pdf"));
    QCOMPARE(QByteArray::fromBase64(file64.value(s("data")).toString().toLatin1()), bytes);
    QCOMPARE(file64.value(s("data")).toString(), QString::fromLatin1(bytes.toBase64()));
    QCOMPARE(o->credits, 2); // with media (§1.9)
    QCOMPARE(m_sandbox->creditsCharged() - before, 2);

    const Decoded<SentMessage> sent = SentMessage::fromJson(o->data);
    QVERIFY(sent.ok());
    RUN_OK(check, m_service->getConversation(Primary, sent.value.conversationId, {}, 1));
    const Decoded<ConversationPage> page = ConversationPage::fromJson(check->data);
    QVERIFY2(page.ok(), qPrintable(page.error));
    const Message &m = page.value.messages.first();
    QCOMPARE(m.text, s("Here is the deck"));
    QCOMPARE(m.attachments.size(), 1);
    QCOMPARE(m.attachments.first().name, s("deck – v2.pdf"));
    QCOMPARE(m.attachments.first().size, qint64(bytes.size()));
    QCOMPARE(m.attachments.first().mimeType, s("application/pdf"));
}

void TestMessagesService::sendIsNeverRetried()
{
    // A 500 after a send is ambiguous: it may have gone out. A Write is not repeated.
    m_sandbox->injectFault(SandboxServer::Fault::InternalError, 3, s("/v2/messages"), s("send"));
    RUN(o, m_service->send(Primary, s("https://www.linkedin.com/in/amelie-dubois-1000/"), s("Hi")));
    QVERIFY(o->error.isError());
    QVERIFY(o->error.isAmbiguous());
    QCOMPARE(m_sandbox->requestCount(s("/v2/messages"), s("send")), 1);
}

void TestMessagesService::attachmentRefusedBeforeSending_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("expected"); // words the sentence must hold
    QTest::newRow("missing") << s("missing") << s("does not exist");
    QTest::newRow("directory") << s("directory") << s("not a file");
    QTest::newRow("empty") << s("empty") << s("is empty");
    QTest::newRow("over the limit") << s("huge") << s("at most 20.0 MB");
    QTest::newRow("unreadable") << s("unreadable") << s("could not be read");
}

void TestMessagesService::attachmentRefusedBeforeSending()
{
    QFETCH(QString, setup);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.filePath(s("report.pdf"));
    QFile file(path);
    if (setup == s("directory")) {
        QVERIFY(QDir(dir.path()).mkdir(s("report.pdf")));
    } else if (setup == s("empty")) {
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
    } else if (setup == s("huge")) {
        // A sparse file: its size is measured, its bytes never read.
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(MessagesService::MaxAttachmentBytes + 1));
        file.close();
    } else if (setup == s("unreadable")) {
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("secret");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::Permissions()));
        if (QFile(path).open(QIODevice::ReadOnly))
            QSKIP("this user can read any file (root): no unreadable file to test with");
    }

    MediaFile media;
    media.filename = s("untouched");
    const ApiError error = MessagesService::readAttachment(path, &media);
    QCOMPARE(error.kind, ApiError::Kind::Config);
    QVERIFY2(error.userMessage().contains(expected), qPrintable(error.userMessage()));
    QVERIFY2(error.userMessage().contains(s("report.pdf")), qPrintable(error.userMessage()));
    QCOMPARE(media.filename, s("untouched"));
    QCOMPARE(m_sandbox->requestCount(), 0); // nothing left the machine
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QTEST_GUILESS_MAIN(TestMessagesService)
#include "tst_messagesservice.moc"
