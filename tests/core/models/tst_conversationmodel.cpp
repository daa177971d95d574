// ConversationModel under QAbstractItemModelTester: a chat (oldest at the top), older pages
// prepended at row 0, new messages appended in place, and the conversation's outbox items at the
// bottom with their state until the message itself shows up.
#include "models/conversationmodel.h"
#include "store/conversationrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;

namespace {

const QDateTime Base = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
const QString Acc = QStringLiteral("acc_1");
const QString ConvId = QStringLiteral("urn:li:msg_conversation:(x,2-abc)");

Message message(int n, const QString &text = {})
{
    Message m;
    m.id = QStringLiteral("urn:li:msg_message:(x,%1)").arg(n);
    m.text = text.isEmpty() ? QStringLiteral("message %1").arg(n) : text;
    m.at = Base.addSecs(n * 60);
    m.senderName = n % 2 ? QStringLiteral("Ada") : QStringLiteral("Bob");
    m.type = QStringLiteral("TEXT");
    m.isMe = n % 2 == 0;
    return m;
}

} // namespace

class TstConversationModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsTheNewestPageOldestFirst();
    void olderPagesArePrependedInPlace();
    void newMessageIsAppended();
    void hostileTextIsKeptVerbatim();
    void outboxItemsFollowTheirState();
    void switchingConversationResets();

private:
    void storeMessages(int from, int to);
    QList<int> shownNumbers() const;

    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationRepository> m_repo;
    std::unique_ptr<OutboxRepository> m_outbox;
    std::unique_ptr<ConversationModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_key = 0;
};

void TstConversationModel::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_repo = std::make_unique<ConversationRepository>(m_db.get());
    m_outbox = std::make_unique<OutboxRepository>(m_db.get());
    Conversation c;
    c.id = ConvId;
    c.participant.name = QStringLiteral("Ada");
    c.lastAt = Base;
    QVERIFY(m_repo->upsert(Acc, { c }));
    m_key = m_repo->find(Acc, ConvId)->key;
    m_model = std::make_unique<ConversationModel>(m_repo.get(), m_outbox.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TstConversationModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_outbox.reset();
    m_repo.reset();
    m_db.reset();
}

void TstConversationModel::storeMessages(int from, int to)
{
    QList<Message> list;
    for (int n = to; n >= from; --n) // newest first, as the API sends them
        list << message(n);
    QVERIFY(m_repo->upsertMessages(m_key, list));
}

QList<int> TstConversationModel::shownNumbers() const
{
    QList<int> numbers;
    for (int r = 0; r < m_model->messageCount(); ++r)
        numbers << int(Base.secsTo(m_model->index(r).data(ConversationModel::TimeRole).toDateTime()) / 60);
    return numbers;
}

void TstConversationModel::showsTheNewestPageOldestFirst()
{
    storeMessages(1, 120);
    m_model->setConversation(m_key, Acc, ConvId);
    QCOMPARE(m_model->rowCount(), ConversationModel::DefaultPageSize);
    const QList<int> shown = shownNumbers();
    QCOMPARE(shown.first(), 71);
    QCOMPARE(shown.last(), 120);
    QVERIFY(std::is_sorted(shown.begin(), shown.end()));
    const QModelIndex last = m_model->index(m_model->rowCount() - 1);
    QCOMPARE(last.data(ConversationModel::TextRole).toString(), QStringLiteral("message 120"));
    QCOMPARE(last.data(ConversationModel::SenderRole).toString(), QStringLiteral("Bob"));
    QCOMPARE(last.data(ConversationModel::FromMeRole).toBool(), true);
    QCOMPARE(last.data(ConversationModel::IsOutboxRole).toBool(), false);
}

void TstConversationModel::olderPagesArePrependedInPlace()
{
    storeMessages(1, 120);
    m_model->setConversation(m_key, Acc, ConvId);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QCOMPARE(m_model->fetchOlder(), 50);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 49);
    QCOMPARE(m_model->fetchOlder(), 20);
    QCOMPARE(m_model->fetchOlder(), 0);
    QList<int> all;
    for (int n = 1; n <= 120; ++n)
        all << n;
    QCOMPARE(shownNumbers(), all);

    // History the sync loads later (older than anything stored) arrives through fetchOlder too.
    QList<Message> older { message(0) };
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(m_repo->upsertMessages(m_key, older));
    QCOMPARE(m_model->messageCount(), 120); // the window stays where it was
    QCOMPARE(m_model->fetchOlder(), 1);
    QCOMPARE(shownNumbers().first(), 0);
    QCOMPARE(reset.count(), 0);
}

void TstConversationModel::newMessageIsAppended()
{
    storeMessages(1, 10);
    m_model->setConversation(m_key, Acc, ConvId);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    storeMessages(11, 12);
    QCOMPARE(reset.count(), 0);
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(m_model->messageCount(), 12);
    QCOMPARE(shownNumbers().last(), 12);
}

void TstConversationModel::hostileTextIsKeptVerbatim()
{
    const QString hostile = QStringLiteral("<b>bold</b> <img src=x> <a href=\"http://x\">link</a>");
    QVERIFY(m_repo->upsertMessages(m_key, { message(1, hostile) }));
    m_model->setConversation(m_key, Acc, ConvId);
    QCOMPARE(m_model->index(0).data(ConversationModel::TextRole).toString(), hostile);
}

void TstConversationModel::outboxItemsFollowTheirState()
{
    storeMessages(1, 5);
    m_model->setConversation(m_key, Acc, ConvId);
    OutboxItem item;
    item.kind = QStringLiteral("message");
    item.accountId = Acc;
    item.target = QStringLiteral("https://www.linkedin.com/in/ada");
    item.conversationId = ConvId;
    item.payload.insert(QStringLiteral("text"), QStringLiteral("Thanks Ada"));
    item.createdAt = QDateTime::currentDateTimeUtc();
    item.sendAfter = item.createdAt;
    const qint64 id = m_outbox->enqueue(item);
    QVERIFY(id > 0);
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->outboxCount(), 1);
    const QModelIndex pending = m_model->index(5);
    QCOMPARE(pending.data(ConversationModel::IsOutboxRole).toBool(), true);
    QCOMPARE(pending.data(ConversationModel::OutboxIdRole).toLongLong(), id);
    QCOMPARE(pending.data(ConversationModel::OutboxStateRole).toInt(), int(OutboxItem::State::Queued));
    QCOMPARE(pending.data(ConversationModel::TextRole).toString(), QStringLiteral("Thanks Ada"));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    OutboxItem next = *m_outbox->find(id);
    next.state = OutboxItem::State::Sending;
    next.updatedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(m_outbox->transition(id, OutboxItem::State::Queued, next));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(m_model->index(5).data(ConversationModel::OutboxStateRole).toInt(),
             int(OutboxItem::State::Sending));

    next.state = OutboxItem::State::Sent;
    next.resultId = QStringLiteral("urn:li:msg_message:(x,sent)");
    QVERIFY(m_outbox->transition(id, OutboxItem::State::Sending, next));
    QCOMPARE(m_model->outboxCount(), 1); // sent, not in the conversation yet

    Message arrived = message(6, QStringLiteral("Thanks Ada"));
    arrived.id = next.resultId;
    arrived.at = QDateTime::currentDateTimeUtc();
    QVERIFY(m_repo->upsertMessages(m_key, { arrived }));
    QCOMPARE(m_model->outboxCount(), 0);
    QCOMPARE(m_model->messageCount(), 6);
    QCOMPARE(m_model->index(5).data(ConversationModel::TextRole).toString(),
             QStringLiteral("Thanks Ada"));
}

void TstConversationModel::switchingConversationResets()
{
    storeMessages(1, 5);
    m_model->setConversation(m_key, Acc, ConvId);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setConversation(0, {}, {});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    storeMessages(6, 7); // another conversation's signal is not for the cleared model
    QCOMPARE(m_model->rowCount(), 0);
}

QTEST_GUILESS_MAIN(TstConversationModel)
#include "tst_conversationmodel.moc"
