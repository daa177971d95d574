// LiveEventModel under QAbstractItemModelTester: newest first across accounts, the roles and
// one-line sentences of each event type (remote text kept verbatim, never interpreted), a new
// event inserted at the top without a reset, a duplicate not shown twice, older events read a
// page at a time, the account filter, and account renames reaching the rows.
#include "models/liveeventmodel.h"
#include "store/accountrepository.h"
#include "store/database.h"
#include "store/liveeventrepository.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;

namespace {

const QString AccountA = QStringLiteral("acc_a");
const QString AccountB = QStringLiteral("acc_b");

Account account(const QString &id, const QString &name)
{
    Account a;
    a.id = id;
    a.name = name;
    a.status = Account::Status::Active;
    a.isActive = true;
    return a;
}

// The wrapper as the stream and the polling endpoint send it (contract §9.10).
LiveEvent event(const QString &accountId, int second, const QJsonObject &inner)
{
    QJsonObject wrapper;
    wrapper.insert(QStringLiteral("account_id"), accountId);
    wrapper.insert(QStringLiteral("timestamp"),
        QStringLiteral("2025-03-10T09:00:%1.000Z").arg(second, 2, 10, QLatin1Char('0')));
    wrapper.insert(QStringLiteral("event"), inner);
    const Decoded<LiveEvent> decoded = LiveEvent::fromJson(wrapper);
    if (!decoded.ok())
        qFatal("test event does not decode");
    return decoded.value;
}

LiveEvent message(const QString &accountId, int second, const QString &sender, const QString &text)
{
    return event(accountId, second,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("message") },
            { QStringLiteral("sender_name"), sender },
            { QStringLiteral("sender_profile"),
                QStringLiteral("https://www.linkedin.com/in/") + sender.toLower() },
            { QStringLiteral("message_text"), text } });
}

LiveEvent accepted(const QString &accountId, int second)
{
    const QJsonObject data { { QStringLiteral("profile_url"),
                                 QStringLiteral("https://www.linkedin.com/in/ada") },
        { QStringLiteral("first_name"), QStringLiteral("Ada") },
        { QStringLiteral("last_name"), QStringLiteral("Lovelace") } };
    return event(accountId, second,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("accepted_invitation") },
            { QStringLiteral("data"), data } });
}

LiveEvent disconnection(const QString &accountId, int second)
{
    return event(accountId, second,
        QJsonObject { { QStringLiteral("type"), QStringLiteral("disconnection") } });
}

} // namespace

class TstLiveEventModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void newestFirstWithRoles();
    void sentencesPerType_data();
    void sentencesPerType();
    void remoteTextStaysPlain();
    void newEventInsertedAtTopWithoutReset();
    void duplicateIsNotShownTwice();
    void olderPagesOnRequest();
    void accountFilter();
    void accountRenameReachesRows();

private:
    qint64 record(const LiveEvent &e, const QString &eventId = {});
    QList<qint64> ids() const;

    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountRepository> m_accounts;
    std::unique_ptr<LiveEventRepository> m_events;
    std::unique_ptr<LiveEventModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstLiveEventModel::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_accounts = std::make_unique<AccountRepository>(m_db.get());
    QVERIFY(m_accounts->upsert(account(AccountA, QStringLiteral("Camille Laurent"))));
    QVERIFY(m_accounts->upsert(account(AccountB, QStringLiteral("Jonas Berg"))));
    m_events = std::make_unique<LiveEventRepository>(m_db.get());
}

void TstLiveEventModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_events.reset();
    m_accounts.reset();
    m_db.reset();
}

qint64 TstLiveEventModel::record(const LiveEvent &e, const QString &eventId)
{
    return m_events->record(e, eventId, e.contentKey(), QStringLiteral("wh_1"), !eventId.isEmpty());
}

QList<qint64> TstLiveEventModel::ids() const
{
    QList<qint64> out;
    for (int r = 0; r < m_model->rowCount(); ++r)
        out << m_model->index(r).data(LiveEventModel::IdRole).toLongLong();
    return out;
}

void TstLiveEventModel::newestFirstWithRoles()
{
    const qint64 first = record(message(AccountA, 1, QStringLiteral("Zoe"), QStringLiteral("Hi")));
    const qint64 second = record(accepted(AccountB, 2));
    const qint64 third = record(disconnection(AccountA, 3));
    QVERIFY(first > 0 && second > first && third > second);

    m_model = std::make_unique<LiveEventModel>(m_events.get(), m_accounts.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(ids(), (QList<qint64> { third, second, first }));
    QVERIFY(!m_model->canFetchMore());

    const QModelIndex msg = m_model->index(2);
    QCOMPARE(msg.data(LiveEventModel::TypeRole).toInt(), int(LiveEvent::Type::Message));
    QCOMPARE(msg.data(LiveEventModel::TypeNameRole).toString(), QStringLiteral("message"));
    QCOMPARE(msg.data(LiveEventModel::PersonNameRole).toString(), QStringLiteral("Zoe"));
    QCOMPARE(msg.data(LiveEventModel::ProfileUrlRole).toString(),
        QStringLiteral("https://www.linkedin.com/in/zoe"));
    QCOMPARE(msg.data(LiveEventModel::TextRole).toString(), QStringLiteral("Hi"));
    QCOMPARE(msg.data(LiveEventModel::AccountIdRole).toString(), AccountA);
    QCOMPARE(
        msg.data(LiveEventModel::AccountNameRole).toString(), QStringLiteral("Camille Laurent"));
    QCOMPARE(msg.data(LiveEventModel::TimeRole).toDateTime(),
        QDateTime(QDate(2025, 3, 10), QTime(9, 0, 1), Qt::UTC));
    QCOMPARE(msg.data(Qt::DisplayRole).toString(), QStringLiteral("Zoe: Hi"));
    QCOMPARE(m_model->rowOfId(first), 2);
    QCOMPARE(m_model->rowAt(0)->id, third);
    QCOMPARE(m_model->rowOfId(first + 1000), -1);
    QVERIFY(m_model->roleNames().contains(LiveEventModel::PersonNameRole));

    const QModelIndex inv = m_model->index(1);
    QCOMPARE(inv.data(LiveEventModel::PersonNameRole).toString(), QStringLiteral("Ada Lovelace"));
    QCOMPARE(inv.data(LiveEventModel::AccountNameRole).toString(), QStringLiteral("Jonas Berg"));
}

void TstLiveEventModel::sentencesPerType_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("message") << int(LiveEvent::Type::Message) << QStringLiteral("Zoe: Lunch?");
    QTest::newRow("accepted") << int(LiveEvent::Type::AcceptedInvitation)
                              << QStringLiteral("Ada Lovelace accepted your invitation");
    QTest::newRow("disconnection")
        << int(LiveEvent::Type::Disconnection)
        << QStringLiteral("LinkedIn signed Camille Laurent out: reconnect the account to receive "
                          "its messages again");
}

void TstLiveEventModel::sentencesPerType()
{
    QFETCH(int, type);
    QFETCH(QString, sentence);
    switch (LiveEvent::Type(type)) {
    case LiveEvent::Type::Message:
        record(message(AccountA, 1, QStringLiteral("Zoe"), QStringLiteral("Lunch?")));
        break;
    case LiveEvent::Type::AcceptedInvitation:
        record(accepted(AccountA, 1));
        break;
    default:
        record(disconnection(AccountA, 1));
        break;
    }
    m_model = std::make_unique<LiveEventModel>(m_events.get(), m_accounts.get());
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0).data().toString(), sentence);
}

void TstLiveEventModel::remoteTextStaysPlain()
{
    // A stranger's message: markup stays text, lines fold into one, "%2" is not a placeholder.
    record(message(
        AccountA, 1, QStringLiteral("<b>Eve</b> %2"), QStringLiteral("<i>Quick</i>\nquestion %1")));
    m_model = std::make_unique<LiveEventModel>(m_events.get(), m_accounts.get());
    const QModelIndex i = m_model->index(0);
    QCOMPARE(
        i.data(LiveEventModel::TextRole).toString(), QStringLiteral("<i>Quick</i> question %1"));
    QCOMPARE(i.data().toString(), QStringLiteral("<b>Eve</b> %2: <i>Quick</i> question %1"));
}

void TstLiveEventModel::newEventInsertedAtTopWithoutReset()
{
    const qint64 old = record(message(AccountA, 1, QStringLiteral("Zoe"), QStringLiteral("one")));
    m_model = std::make_unique<LiveEventModel>(m_events.get(), m_accounts.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QPersistentModelIndex kept(m_model->index(0));
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);

    const qint64 fresh = record(message(AccountB, 2, QStringLiteral("Max"), QStringLiteral("two")));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);
    QCOMPARE(ids(), (QList<qint64> { fresh, old }));
    QCOMPARE(kept.row(), 1); // the row a view had selected stays selected
    QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("Max: two"));
}

void TstLiveEventModel::duplicateIsNotShownTwice()
{
    m_model = std::make_unique<LiveEventModel>(m_events.get(), m_accounts.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(m_model->rowCount(), 0);
    const LiveEvent e = message(AccountA, 1, QStringLiteral("Zoe"), QStringLiteral("once"));
    QVERIFY(record(e) > 0); // from the stream
    QCOMPARE(record(e, QStringLiteral("evt_1")), 0); // the same, from a gap fill
    QCOMPARE(m_model->rowCount(), 1);
}

void TstLiveEventModel::olderPagesOnRequest()
{
    QList<qint64> all;
    for (int i = 0; i < 7; ++i)
        all.prepend(record(message(AccountA, i, QStringLiteral("Zoe"), QString::number(i))));
    m_model = std::make_unique<LiveEventModel>(m_events.get(), m_accounts.get());
    m_model->setPageSize(3);
    QCOMPARE(ids(), all.mid(0, 3));
    QVERIFY(m_model->canFetchMore());
    m_model->fetchMore();
    QCOMPARE(ids(), all.mid(0, 6));
    QVERIFY(m_model->canFetchMore());
    m_model->fetchMore();
    QCOMPARE(ids(), all);
    QVERIFY(!m_model->canFetchMore());
    // Attached only now: Qt 6.4's tester calls fetchMore() from its modelReset handler before
    // it has noted the end of the reset, and reports the rows that arrive as a nested change.
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    // A new event still goes on top once everything is read.
    const qint64 fresh
        = record(message(AccountA, 30, QStringLiteral("Zoe"), QStringLiteral("new")));
    QCOMPARE(ids().first(), fresh);
    QCOMPARE(m_model->rowCount(), 8);
}

void TstLiveEventModel::accountFilter()
{
    const qint64 a1 = record(message(AccountA, 1, QStringLiteral("Zoe"), QStringLiteral("a")));
    const qint64 b1 = record(message(AccountB, 2, QStringLiteral("Max"), QStringLiteral("b")));
    m_model = std::make_unique<LiveEventModel>(m_events.get(), m_accounts.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setAccountIds({ AccountB });
    QCOMPARE(resets.size(), 1);
    QCOMPARE(ids(), QList<qint64> { b1 });
    m_model->setAccountIds({ AccountB }); // the same filter: nothing happens
    QCOMPARE(resets.size(), 1);

    record(message(AccountA, 3, QStringLiteral("Zoe"), QStringLiteral("not here")));
    QCOMPARE(ids(), QList<qint64> { b1 });
    const qint64 b2 = record(accepted(AccountB, 4));
    QCOMPARE(ids(), (QList<qint64> { b2, b1 }));

    m_model->setAccountIds({});
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(ids().last(), a1);
}

void TstLiveEventModel::accountRenameReachesRows()
{
    record(disconnection(AccountA, 1));
    m_model = std::make_unique<LiveEventModel>(m_events.get(), m_accounts.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_accounts->upsert(account(AccountA, QStringLiteral("Camille L."))));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(0).data(LiveEventModel::AccountNameRole).toString(),
        QStringLiteral("Camille L."));
    QVERIFY(m_model->index(0).data().toString().contains(QStringLiteral("Camille L.")));
}

QTEST_GUILESS_MAIN(TstLiveEventModel)
#include "tst_liveeventmodel.moc"
