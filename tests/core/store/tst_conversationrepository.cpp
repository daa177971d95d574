// ConversationRepository's conversations: upserts and their signals, text kept verbatim, the
// local state (done, marked unread), keyset paging, filters and FTS5 search, and the messages
// that live events announce.
#include "conversationstoretest.h"

using namespace conversationstore;

class TstConversationRepository : public ConversationStoreTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { openStore(); }
    void cleanup() { closeStore(); }
    void upsertSignalsExactlyTheTouchedKeys();
    void roundTripsText_data();
    void roundTripsText();
    void newerLastMessageClearsDone();
    void localStateSignalsOnlyRealChanges();
    void pagingIsStableAndComplete_data();
    void pagingIsStableAndComplete();
    void filters_data();
    void filters();
    void hostileSearchIsOnlyText_data();
    void hostileSearchIsOnlyText();
    void positionOfAndMatchesAgreeWithPage();
    void incomingMessageUpdatesTheRowOnce();
    void incomingMessageFindsItsConversation_data();
    void incomingMessageFindsItsConversation();
    void incomingOlderMessageOnlyAddsHistory();
    void incomingMessageAlreadyReadByARefresh();
    void incomingMessageInTheSameSecondComesAfter();
    void incomingMessageThenReadWithItsId();
    void lastActivityPerAccount();

private:
    static Message incoming(const QString &text, int minutes, const QString &profileUrl,
        const QString &name = QStringLiteral("Ann"));
    void seedFilterSet();
};

void TstConversationRepository::upsertSignalsExactlyTheTouchedKeys()
{
    QSignalSpy inserted(m_repo.get(), &ConversationRepository::conversationsInserted);
    QSignalSpy changed(m_repo.get(), &ConversationRepository::conversationsChanged);
    const QString a = QStringLiteral("acc-a");
    QList<Conversation> list{conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1),
                             conv(QStringLiteral("c2"), QStringLiteral("Bob"), 2),
                             conv(QStringLiteral("c3"), QStringLiteral("Cy"), 3)};
    QVERIFY(m_repo->upsert(a, list));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(keysOf(inserted), (QList<qint64>{key(QStringLiteral("c1")), key(QStringLiteral("c2")),
                                              key(QStringLiteral("c3"))}));
    QCOMPARE(changed.count(), 0);

    QVERIFY(m_repo->upsert(a, list)); // the same again: nothing to tell
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 0);

    list[1].unread = 2;
    list << conv(QStringLiteral("c4"), QStringLiteral("Dee"), 4);
    QVERIFY(m_repo->upsert(a, list));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(keysOf(inserted, 1), QList<qint64>{key(QStringLiteral("c4"))});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(keysOf(changed), QList<qint64>{key(QStringLiteral("c2"))});

    // The same conversation id under another account is another conversation.
    QVERIFY(m_repo->upsert(QStringLiteral("acc-b"), {list.at(0)}));
    QCOMPARE(inserted.count(), 3);
    QVERIFY(key(QStringLiteral("c1"), QStringLiteral("acc-b")) != key(QStringLiteral("c1")));
    QCOMPARE(m_repo->count(anyDone()), 5);
}

void TstConversationRepository::roundTripsText_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("Jane Doe") << QStringLiteral("See you Tuesday");
    QTest::newRow("emoji") << QStringLiteral("Zoë 🚀 Müller") << QStringLiteral("Great 👍🏽 talk! 🎉");
    QTest::newRow("right to left") << QStringLiteral("محمد العلي") << QStringLiteral("שלום, מה שלומך? ok");
    QTest::newRow("markup") << QStringLiteral("<b>Eve</b>") << QStringLiteral("<img src=x onerror=1> & 'quotes' \"");
    QTest::newRow("50 KB") << QStringLiteral("Long Writer")
                           << QStringLiteral("lorem ipsum dolor ").repeated(50 * 1024 / 18);
    QTest::newRow("missing fields") << QString() << QString(QLatin1String(""));
}

void TstConversationRepository::roundTripsText()
{
    QFETCH(QString, name);
    QFETCH(QString, text);
    Conversation c = conv(QStringLiteral("c1"), name, 5, text, 3);
    c.participant.pictureUrl = QStringLiteral("https://media.example/p.jpg");
    c.lastSender.isMe = true;
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"), {c}));
    const auto row = m_repo->find(QStringLiteral("acc-a"), QStringLiteral("c1"));
    QVERIFY(row);
    QCOMPARE(row->accountId, QStringLiteral("acc-a"));
    QCOMPARE(row->conversation.participant.name, name.isNull() ? QString(QLatin1String("")) : name);
    QCOMPARE(row->conversation.participant.headline, c.participant.headline);
    QCOMPARE(row->conversation.participant.profileUrl, c.participant.profileUrl);
    QCOMPARE(row->conversation.participant.pictureUrl, c.participant.pictureUrl);
    QCOMPARE(row->conversation.lastText, text);
    QCOMPARE(row->conversation.lastAt, c.lastAt);
    QCOMPARE(row->conversation.lastSender.isMe, true);
    QCOMPARE(row->conversation.unread, 3);
    QCOMPARE(row->conversation.type, QStringLiteral("normal"));
    QVERIFY(row->refreshedAt.isValid());
    QVERIFY(!row->done);

    Message m = msg(QStringLiteral("m1"), text, 5);
    m.senderName = name;
    m.attachments = {Attachment{QStringLiteral("deck 📎.pdf"), QStringLiteral("https://x/y"),
                                QStringLiteral("application/pdf"), 1234}};
    QVERIFY(m_repo->upsertMessages(row->key, {m}));
    const QList<Message> stored = m_repo->messages(row->key, 10);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.at(0).text, text);
    QCOMPARE(stored.at(0).senderName, m.senderName.isNull() ? QString(QLatin1String("")) : m.senderName);
    QCOMPARE(stored.at(0).at, m.at);
    QCOMPARE(stored.at(0).attachments.size(), 1);
    QCOMPARE(stored.at(0).attachments.at(0).name, QStringLiteral("deck 📎.pdf"));
    QCOMPARE(stored.at(0).attachments.at(0).size, qint64(1234));

    if (!name.isEmpty()) // the name is searchable by its first word's start
        QCOMPARE(ids(anyDone(name.left(2))), QStringList{QStringLiteral("c1")});
}

void TstConversationRepository::newerLastMessageClearsDone()
{
    Conversation c = conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1);
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"), {c}));
    const qint64 k = key(QStringLiteral("c1"));
    QVERIFY(m_repo->setDone(k, true));

    c.participant.headline = QStringLiteral("CTO"); // a change, but no new message
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"), {c}));
    QVERIFY(m_repo->row(k)->done);

    QSignalSpy changed(m_repo.get(), &ConversationRepository::conversationsChanged);
    c.lastAt = c.lastAt.addSecs(60);
    c.lastText = QStringLiteral("Any news?");
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"), {c}));
    QVERIFY(!m_repo->row(k)->done);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(keysOf(changed), QList<qint64>{k});
}

void TstConversationRepository::localStateSignalsOnlyRealChanges()
{
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"), {conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1)}));
    const qint64 k = key(QStringLiteral("c1"));
    QSignalSpy changed(m_repo.get(), &ConversationRepository::conversationsChanged);
    QVERIFY(m_repo->setDone(k, true));
    QVERIFY(m_repo->setDone(k, true));
    QVERIFY(m_repo->setMarkedUnread(k, true));
    QVERIFY(m_repo->setMarkedUnread(k, true));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(keysOf(changed, 1), QList<qint64>{k});
    QVERIFY(m_repo->row(k)->done);
    QVERIFY(m_repo->row(k)->markedUnread);
    QVERIFY(m_repo->row(k)->isUnread());
    QVERIFY(!m_repo->setDone(k + 100, true)); // no such conversation
}

void TstConversationRepository::pagingIsStableAndComplete_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("10 (ties across pages)") << 10;
    QTest::newRow("all at once") << 500;
}

void TstConversationRepository::pagingIsStableAndComplete()
{
    QFETCH(int, pageSize);
    // 81 conversations in 3 accounts, many sharing a last message time so the key decides.
    for (int account = 0; account < 3; ++account) {
        QList<Conversation> list;
        for (int i = 0; i < 28 - account; ++i)
            list << conv(QStringLiteral("c%1-%2").arg(account).arg(i), QStringLiteral("P%1").arg(i), i / 4);
        QVERIFY(m_repo->upsert(QStringLiteral("acc-%1").arg(account), list));
    }
    const InboxFilter all = anyDone();
    QCOMPARE(m_repo->count(all), 81);

    QList<ConversationRow> seen;
    std::optional<ConversationRow> after;
    for (int guard = 0; guard < 100; ++guard) {
        const QList<ConversationRow> page = m_repo->page(all, pageSize, after);
        QVERIFY(page.size() <= pageSize);
        if (page.isEmpty())
            break;
        seen += page;
        after = page.last();
    }
    QCOMPARE(seen.size(), 81);
    QSet<qint64> unique;
    for (int i = 0; i < seen.size(); ++i) {
        unique.insert(seen.at(i).key);
        if (i > 0) {
            const auto &a = seen.at(i - 1);
            const auto &b = seen.at(i);
            QVERIFY(a.conversation.lastAt > b.conversation.lastAt
                    || (a.conversation.lastAt == b.conversation.lastAt && a.key > b.key));
        }
    }
    QCOMPARE(unique.size(), 81);
}

// acc-a: ann (unread 2), bob (done), cy (marked unread), dee; acc-b: eve, fay (done, unread 1).
void TstConversationRepository::seedFilterSet()
{
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"),
                           {conv(QStringLiteral("ann"), QStringLiteral("Ann Dupré"), 6, {}, 2),
                            conv(QStringLiteral("bob"), QStringLiteral("Bob Jameson"), 5),
                            conv(QStringLiteral("cy"), QStringLiteral("Cy Andersen"), 4),
                            conv(QStringLiteral("dee"), QStringLiteral("Dee NEAR"), 3,
                                 QStringLiteral("Pricing for Q3 (draft)"))}));
    QVERIFY(m_repo->upsert(QStringLiteral("acc-b"),
                           {conv(QStringLiteral("eve"), QStringLiteral("Eve James"), 2),
                            conv(QStringLiteral("fay"), QStringLiteral("Fay Ng"), 1, {}, 1)}));
    QVERIFY(m_repo->setDone(key(QStringLiteral("bob")), true));
    QVERIFY(m_repo->setDone(key(QStringLiteral("fay"), QStringLiteral("acc-b")), true));
    QVERIFY(m_repo->setMarkedUnread(key(QStringLiteral("cy")), true));
    // Text that only older messages hold, not the last one.
    QVERIFY(m_repo->upsertMessages(key(QStringLiteral("eve"), QStringLiteral("acc-b")),
                                   {msg(QStringLiteral("m1"), QStringLiteral("Budget approved for Zürich"), 0),
                                    msg(QStringLiteral("m2"), QStringLiteral("Hello from Eve James"), 2)}));
}

void TstConversationRepository::filters_data()
{
    QTest::addColumn<QStringList>("accounts");
    QTest::addColumn<bool>("unread");
    QTest::addColumn<int>("done");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    const auto l = [](const char *s) { return QString::fromLatin1(s).split(QLatin1Char(' '), Qt::SkipEmptyParts); };
    const int any = int(InboxFilter::DoneState::Any), notDone = int(InboxFilter::DoneState::NotDone),
              doneOnly = int(InboxFilter::DoneState::DoneOnly);
    QTest::newRow("default: not done") << QStringList() << false << notDone << QString() << l("ann cy dee eve");
    QTest::newRow("everything") << QStringList() << false << any << QString() << l("ann bob cy dee eve fay");
    QTest::newRow("done only") << QStringList() << false << doneOnly << QString() << l("bob fay");
    QTest::newRow("account b") << l("acc-b") << false << any << QString() << l("eve fay");
    QTest::newRow("both accounts") << l("acc-a acc-b") << false << notDone << QString() << l("ann cy dee eve");
    QTest::newRow("unknown account") << l("acc-z") << false << any << QString() << QStringList();
    QTest::newRow("unread: server or marked") << QStringList() << true << any << QString() << l("ann cy fay");
    QTest::newRow("unread, not done, a") << l("acc-a") << true << notDone << QString() << l("ann cy");
    QTest::newRow("name prefix") << QStringList() << false << any << QStringLiteral("jam") << l("bob eve");
    QTest::newRow("two words, any order") << QStringList() << false << any << QStringLiteral("james eve") << l("eve");
    QTest::newRow("case and accents") << QStringList() << false << any << QStringLiteral("DUPRE") << l("ann");
    QTest::newRow("headline") << QStringList() << false << any << QStringLiteral("acme sal") << l("ann bob cy dee eve fay");
    QTest::newRow("older message text") << QStringList() << false << any << QStringLiteral("budget") << l("eve");
    QTest::newRow("name and message") << QStringList() << false << any << QStringLiteral("eve zurich") << l("eve");
    QTest::newRow("last text") << QStringList() << false << any << QStringLiteral("pricing q3") << l("dee");
    QTest::newRow("search with filters") << l("acc-a") << false << notDone << QStringLiteral("and") << l("cy");
    QTest::newRow("no match") << QStringList() << false << any << QStringLiteral("xylophone") << QStringList();
    QTest::newRow("blank search is no search") << QStringList() << false << notDone << QStringLiteral("   ") << l("ann cy dee eve");
}

void TstConversationRepository::filters()
{
    QFETCH(QStringList, accounts);
    QFETCH(bool, unread);
    QFETCH(int, done);
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    seedFilterSet();
    InboxFilter f;
    f.accountIds = accounts;
    f.unreadOnly = unread;
    f.done = InboxFilter::DoneState(done);
    f.search = search;
    QCOMPARE(ids(f), expected); // newest first
    QCOMPARE(m_repo->count(f), expected.size());
}

void TstConversationRepository::hostileSearchIsOnlyText_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    const QStringList none;
    QTest::newRow("AND") << QStringLiteral("AND") << QStringList{QStringLiteral("cy")};
    QTest::newRow("NEAR") << QStringLiteral("NEAR") << QStringList{QStringLiteral("dee")};
    QTest::newRow("NEAR()") << QStringLiteral("NEAR(a b)") << none;
    QTest::newRow("quote") << QStringLiteral("\"") << none;
    QTest::newRow("unbalanced quote") << QStringLiteral("\"ann") << QStringList{QStringLiteral("ann")};
    QTest::newRow("star") << QStringLiteral("*") << none;
    QTest::newRow("parenthesis") << QStringLiteral("(") << none;
    QTest::newRow("parenthesised word") << QStringLiteral("(draft)") << QStringList{QStringLiteral("dee")};
    QTest::newRow("OR NOT") << QStringLiteral("ann OR NOT bob") << none;
    QTest::newRow("column filter") << QStringLiteral("name:ann") << none;
    QTest::newRow("caret and minus") << QStringLiteral("^ann -bob") << none;
    QTest::newRow("braces") << QStringLiteral("{name body}: x") << none;
    QTest::newRow("emoji only") << QStringLiteral("🚀") << none;
    QTest::newRow("sql") << QStringLiteral("'); DROP TABLE conversations; --") << none;
}

void TstConversationRepository::hostileSearchIsOnlyText()
{
    QFETCH(QString, search);
    QFETCH(QStringList, expected);
    seedFilterSet();
    QCOMPARE(ids(anyDone(search)), expected);
    QCOMPARE(m_repo->count(anyDone(search)), expected.size());
    QCOMPARE(m_repo->count(anyDone()), 6);
}

void TstConversationRepository::positionOfAndMatchesAgreeWithPage()
{
    seedFilterSet();
    const QList<InboxFilter> filters{InboxFilter(), anyDone(), anyDone(QStringLiteral("jam"))};
    for (const InboxFilter &f : filters) {
        const QList<ConversationRow> rows = m_repo->page(f, 100);
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(m_repo->positionOf(rows.at(i), f), i);
            QVERIFY(m_repo->matches(rows.at(i), f));
        }
    }
    // Bob is done: not in the default view, but where he would go is still defined.
    const ConversationRow bob = *m_repo->find(QStringLiteral("acc-a"), QStringLiteral("bob"));
    QVERIFY(!m_repo->matches(bob, InboxFilter()));
    QCOMPARE(m_repo->positionOf(bob, InboxFilter()), 1); // after ann, before cy
    QVERIFY(!m_repo->matches(bob, anyDone(QStringLiteral("budget"))));
    QVERIFY(!m_repo->matches(bob, anyDone(QStringLiteral("\""))));
}

Message TstConversationRepository::incoming(
    const QString &text, int minutes, const QString &profileUrl, const QString &name)
{
    Message m;
    m.text = text;
    m.at = t0.addSecs(60 * minutes);
    m.senderName = name;
    m.senderProfileUrl = profileUrl;
    return m;
}

void TstConversationRepository::incomingMessageUpdatesTheRowOnce()
{
    const QString a = QStringLiteral("acc-a");
    Conversation done = conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1, {}, 2);
    QVERIFY(m_repo->upsert(a, { done, conv(QStringLiteral("c2"), QStringLiteral("Bob"), 2) }));
    const qint64 c1 = key(QStringLiteral("c1"));
    QVERIFY(m_repo->setDone(c1, true));
    QSignalSpy changed(m_repo.get(), &ConversationRepository::conversationsChanged);
    QSignalSpy messages(m_repo.get(), &ConversationRepository::messagesChanged);

    const Message m = incoming(QStringLiteral("Pineapple on Friday?"), 10,
        QStringLiteral("https://www.linkedin.com/in/c1"));
    QCOMPARE(m_repo->applyIncoming(a, QStringLiteral("c1"), m), c1);
    const ConversationRow row = *m_repo->row(c1);
    QCOMPARE(row.conversation.lastText, m.text);
    QCOMPARE(row.conversation.lastAt, m.at);
    QCOMPARE(row.conversation.lastSender.name, QStringLiteral("Ann"));
    QVERIFY(!row.conversation.lastSender.isMe);
    QCOMPARE(row.conversation.unread, 3);
    QVERIFY(!row.done); // a new message brings it back into the inbox
    QCOMPARE(ids(InboxFilter()), (QStringList { QStringLiteral("c1"), QStringLiteral("c2") }));
    QCOMPARE(ids(anyDone(QStringLiteral("pineap"))), QStringList { QStringLiteral("c1") });
    QCOMPARE(m_repo->messageCount(c1), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(keysOf(changed), QList<qint64> { c1 });
    QCOMPARE(messages.count(), 1);

    // The same message again (a gap fill, a second delivery): nothing changes, nothing is said.
    QCOMPARE(m_repo->applyIncoming(a, QStringLiteral("c1"), m), c1);
    QCOMPARE(m_repo->row(c1)->conversation.unread, 3);
    QCOMPARE(m_repo->messageCount(c1), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(messages.count(), 1);

    // Another one a minute later counts again.
    QCOMPARE(m_repo->applyIncoming(a, QStringLiteral("c1"),
                 incoming(QStringLiteral("Or Saturday"), 11, m.senderProfileUrl)),
        c1);
    QCOMPARE(m_repo->row(c1)->conversation.unread, 4);
    QCOMPARE(m_repo->messageCount(c1), 2);
    QCOMPARE(m_repo->messages(c1, 1).value(0).text, QStringLiteral("Or Saturday"));
}

void TstConversationRepository::incomingMessageFindsItsConversation_data()
{
    QTest::addColumn<QString>("conversationId");
    QTest::addColumn<QString>("profileUrl");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // conversation id, or empty: none

    QTest::newRow("by id") << "c2"
                           << ""
                           << ""
                           << "c2";
    QTest::newRow("by id, another sender") << "c2"
                                           << "https://www.linkedin.com/in/c1"
                                           << ""
                                           << "c2";
    QTest::newRow("unknown id, by profile") << "urn:x"
                                            << "https://www.linkedin.com/in/c1"
                                            << ""
                                            << "c1";
    QTest::newRow("same URL") << ""
                              << "https://www.linkedin.com/in/c1"
                              << ""
                              << "c1";
    QTest::newRow("another spelling") << ""
                                      << "http://fr.linkedin.com/in/C1/?trk=x"
                                      << ""
                                      << "c1";
    QTest::newRow("a longer id is someone else") << ""
                                                 << "https://www.linkedin.com/in/c10x"
                                                 << ""
                                                 << "";
    QTest::newRow("the longer id itself") << ""
                                          << "linkedin.com/in/c10"
                                          << ""
                                          << "c10";
    QTest::newRow("not a profile URL, stored as such") << ""
                                                       << "urn:li:member:7"
                                                       << ""
                                                       << "c7";
    QTest::newRow("unknown person") << ""
                                    << "https://www.linkedin.com/in/zed"
                                    << "Ann"
                                    << "";
    QTest::newRow("by a unique name") << ""
                                      << ""
                                      << "Bob"
                                      << "c2";
    QTest::newRow("a shared name is nobody") << ""
                                             << ""
                                             << "Ann"
                                             << "";
    QTest::newRow("nothing to go by") << ""
                                      << ""
                                      << ""
                                      << "";
    QTest::newRow("LIKE characters are text") << ""
                                              << "https://www.linkedin.com/in/c_"
                                              << ""
                                              << "";
}

void TstConversationRepository::incomingMessageFindsItsConversation()
{
    QFETCH(QString, conversationId);
    QFETCH(QString, profileUrl);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const QString a = QStringLiteral("acc-a");
    Conversation member = conv(QStringLiteral("c7"), QStringLiteral("Seven"), 4);
    member.participant.profileUrl = QStringLiteral("urn:li:member:7");
    QVERIFY(m_repo->upsert(a,
        { conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1),
            conv(QStringLiteral("c2"), QStringLiteral("Bob"), 2),
            conv(QStringLiteral("c10"), QStringLiteral("Ann"), 3), member }));
    // The same person under another account is never this account's conversation.
    QVERIFY(m_repo->upsert(
        QStringLiteral("acc-b"), { conv(QStringLiteral("zed"), QStringLiteral("Zed"), 9) }));

    const qint64 got = m_repo->applyIncoming(
        a, conversationId, incoming(QStringLiteral("Hi there"), 20, profileUrl, name));
    QCOMPARE(got, expected.isEmpty() ? 0 : key(expected));
    int stored = 0;
    for (const QString &id :
        { QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("c10"), QStringLiteral("c7") })
        stored += m_repo->messageCount(key(id));
    QCOMPARE(stored, expected.isEmpty() ? 0 : 1);
    QCOMPARE(m_repo->messageCount(key(QStringLiteral("zed"), QStringLiteral("acc-b"))), 0);
}

void TstConversationRepository::incomingOlderMessageOnlyAddsHistory()
{
    const QString a = QStringLiteral("acc-a");
    QVERIFY(m_repo->upsert(a, { conv(QStringLiteral("c1"), QStringLiteral("Ann"), 5, {}, 1) }));
    const qint64 c1 = key(QStringLiteral("c1"));
    QSignalSpy changed(m_repo.get(), &ConversationRepository::conversationsChanged);
    QSignalSpy messages(m_repo.get(), &ConversationRepository::messagesChanged);
    // Replayed after an outage, older than what a refresh already showed: history, not news.
    QCOMPARE(m_repo->applyIncoming(a, {},
                 incoming(QStringLiteral("Earlier"), 3,
                     QStringLiteral("https://www.linkedin.com/in/c1"))),
        c1);
    const ConversationRow row = *m_repo->row(c1);
    QCOMPARE(row.conversation.unread, 1);
    QCOMPARE(row.conversation.lastText, QStringLiteral("Hello from Ann"));
    QCOMPARE(m_repo->messageCount(c1), 1);
    QCOMPARE(messages.count(), 1);
    QCOMPARE(changed.count(), 0);
}

void TstConversationRepository::incomingMessageAlreadyReadByARefresh()
{
    const QString a = QStringLiteral("acc-a");
    QVERIFY(m_repo->upsert(a, { conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1) }));
    const qint64 c1 = key(QStringLiteral("c1"));
    Message read
        = incoming(QStringLiteral("Deal"), 10, QStringLiteral("https://linkedin.com/in/c1/"));
    read.id = QStringLiteral("urn:li:msg:1");
    QVERIFY(m_repo->upsertMessages(c1, { read }));
    QSignalSpy changed(m_repo.get(), &ConversationRepository::conversationsChanged);
    QSignalSpy messages(m_repo.get(), &ConversationRepository::messagesChanged);

    // The event's own time is LinkUp's, a little after LinkedIn's.
    Message event
        = incoming(QStringLiteral("Deal"), 10, QStringLiteral("https://www.linkedin.com/in/c1"));
    event.at = event.at.addSecs(40);
    QCOMPARE(m_repo->applyIncoming(a, {}, event), c1);
    QCOMPARE(m_repo->messageCount(c1), 1);
    QCOMPARE(m_repo->row(c1)->conversation.unread, 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(messages.count(), 0);

    // Other text, or the same text much later, is another message.
    event.at = event.at.addSecs(600);
    QCOMPARE(m_repo->applyIncoming(a, {}, event), c1);
    QCOMPARE(m_repo->messageCount(c1), 2);
    QCOMPARE(m_repo->row(c1)->conversation.unread, 1);
}

void TstConversationRepository::incomingMessageInTheSameSecondComesAfter()
{
    const QString a = QStringLiteral("acc-a");
    Conversation c = conv(QStringLiteral("c1"), QStringLiteral("Ann"), 10);
    c.lastAt = c.lastAt.addMSecs(400); // a refresh's time, in milliseconds
    QVERIFY(m_repo->upsert(a, { c }));
    const qint64 c1 = key(QStringLiteral("c1"));
    // The event's time, in whole seconds, is the same second.
    const Message m = incoming(
        QStringLiteral("Right after"), 10, QStringLiteral("https://www.linkedin.com/in/c1"));
    QCOMPARE(m_repo->applyIncoming(a, {}, m), c1);
    ConversationRow row = *m_repo->row(c1);
    QCOMPARE(row.conversation.lastText, QStringLiteral("Right after"));
    QCOMPARE(row.conversation.lastAt, c.lastAt.addMSecs(1));
    QCOMPARE(row.conversation.unread, 1);
    // Again: the same message, not one more a millisecond later.
    QCOMPARE(m_repo->applyIncoming(a, {}, m), c1);
    row = *m_repo->row(c1);
    QCOMPARE(row.conversation.lastAt, c.lastAt.addMSecs(1));
    QCOMPARE(row.conversation.unread, 1);
    QCOMPARE(m_repo->messageCount(c1), 1);

    // A second earlier is history.
    QCOMPARE(
        m_repo->applyIncoming(a, {}, incoming(QStringLiteral("Before"), 9, m.senderProfileUrl)),
        c1);
    QCOMPARE(m_repo->row(c1)->conversation.lastText, QStringLiteral("Right after"));
    QCOMPARE(m_repo->row(c1)->conversation.unread, 1);
}

// Opening the conversation after a live message reads that message again, with its id and
// LinkedIn's time: one message, not two.
void TstConversationRepository::incomingMessageThenReadWithItsId()
{
    const QString a = QStringLiteral("acc-a");
    QVERIFY(m_repo->upsert(a, { conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1) }));
    const qint64 c1 = key(QStringLiteral("c1"));
    const Message live
        = incoming(QStringLiteral("Ping"), 10, QStringLiteral("https://www.linkedin.com/in/c1"));
    QCOMPARE(m_repo->applyIncoming(a, {}, live), c1);

    Message read = live;
    read.id = QStringLiteral("urn:li:msg:9");
    read.at = live.at.addMSecs(-700); // LinkedIn's time, a little before LinkUp emitted it
    read.senderProfileUrl = QStringLiteral("https://linkedin.com/in/c1/"); // another spelling
    read.type = QStringLiteral("TEXT");
    Message older = incoming(QStringLiteral("Ping"), 2, live.senderProfileUrl); // said before too
    older.id = QStringLiteral("urn:li:msg:1");
    QVERIFY(m_repo->upsertMessages(c1, { read, older }));
    QCOMPARE(m_repo->messageCount(c1), 2);
    const QList<Message> stored = m_repo->messages(c1, 10);
    QCOMPARE(stored.at(0).id, read.id);
    QCOMPARE(stored.at(0).at, read.at);
    QCOMPARE(stored.at(1).id, older.id);
    // The conversation still counts it once.
    QCOMPARE(m_repo->row(c1)->conversation.unread, 1);
    QVERIFY(m_repo->upsertMessages(c1, { read }));
    QCOMPARE(m_repo->messageCount(c1), 2);
}

void TstConversationRepository::lastActivityPerAccount()
{
    QVERIFY(m_repo->lastActivity().isEmpty());
    QVERIFY(m_repo->upsert(QStringLiteral("acc-a"),
        { conv(QStringLiteral("c1"), QStringLiteral("Ann"), 1),
            conv(QStringLiteral("c2"), QStringLiteral("Bob"), 7) }));
    QVERIFY(m_repo->upsert(
        QStringLiteral("acc-b"), { conv(QStringLiteral("c3"), QStringLiteral("Cy"), 4) }));
    const QHash<QString, QDateTime> last = m_repo->lastActivity();
    QCOMPARE(last.size(), 2);
    QCOMPARE(last.value(QStringLiteral("acc-a")), t0.addSecs(7 * 60));
    QCOMPARE(last.value(QStringLiteral("acc-b")), t0.addSecs(4 * 60));
    // A live message moves its account's activity on.
    QVERIFY(m_repo->applyIncoming(QStringLiteral("acc-b"), QStringLiteral("c3"),
                incoming(QStringLiteral("New"), 30, {}))
        > 0);
    QCOMPARE(m_repo->lastActivity().value(QStringLiteral("acc-b")), t0.addSecs(30 * 60));
}

QTEST_GUILESS_MAIN(TstConversationRepository)
#include "tst_conversationrepository.moc"
