#include "store/creditledger.h"
#include "store/database.h"

#include <QSignalSpy>
#include <QTest>

using namespace ld;

class TstCreditLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void errorsRecordZero();
    void totals_data();
    void totals();
    void summaryGroupsByAccountAndAction();
    void recentIsNewestFirst();

private:
    void seed();
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CreditLedger> m_ledger;
};

namespace {

const QDateTime t0(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);

CreditCharge charge(const QString &account, const QString &action, int credits, int minutesAfter)
{
    return CreditCharge{account, action, credits, t0.addSecs(60 * minutesAfter)};
}

} // namespace

void TstCreditLedger::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_ledger = std::make_unique<CreditLedger>(m_db.get());
}

void TstCreditLedger::cleanup()
{
    m_ledger.reset();
    m_db.reset();
}

void TstCreditLedger::seed()
{
    QVERIFY(m_ledger->record(charge(QStringLiteral("a"), QStringLiteral("list_inbox"), 1, 0)));
    QVERIFY(m_ledger->record(charge(QStringLiteral("a"), QStringLiteral("list_inbox"), 1, 10)));
    QVERIFY(m_ledger->record(charge(QStringLiteral("a"), QStringLiteral("send_message"), 2, 20)));
    QVERIFY(m_ledger->record(charge(QStringLiteral("b"), QStringLiteral("send_message"), 2, 30)));
    QVERIFY(m_ledger->record(charge(QString(), QStringLiteral("list_accounts"), 0, 40)));
}

void TstCreditLedger::errorsRecordZero()
{
    QSignalSpy recorded(m_ledger.get(), &CreditLedger::recorded);
    QVERIFY(m_ledger->record(charge(QStringLiteral("a"), QStringLiteral("send_message"), 0, 0)));
    QVERIFY(m_ledger->record(charge(QStringLiteral("a"), QStringLiteral("send_message"), -3, 1)));
    QCOMPARE(recorded.count(), 2);
    QCOMPARE(recorded.at(0).at(0).toString(), QStringLiteral("a"));
    QCOMPARE(m_ledger->total(QStringLiteral("a")), 0);
    const QList<CreditSummaryRow> rows = m_ledger->summary();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).calls, 2); // the failed calls are still counted
    QCOMPARE(rows.at(0).credits, 0);
}

void TstCreditLedger::totals_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("everything") << QString() << QDateTime() << qint64(6);
    QTest::newRow("account a") << QStringLiteral("a") << QDateTime() << qint64(4);
    QTest::newRow("account b") << QStringLiteral("b") << QDateTime() << qint64(2);
    QTest::newRow("unknown account") << QStringLiteral("zz") << QDateTime() << qint64(0);
    QTest::newRow("a since minute 10 (inclusive)") << QStringLiteral("a") << t0.addSecs(600) << qint64(3);
    QTest::newRow("all since minute 25") << QString() << t0.addSecs(1500) << qint64(2);
    QTest::newRow("since a local time") << QString() << t0.addSecs(1500).toLocalTime() << qint64(2);
    QTest::newRow("after everything") << QString() << t0.addDays(1) << qint64(0);
}

void TstCreditLedger::totals()
{
    QFETCH(QString, account);
    QFETCH(QDateTime, since);
    QFETCH(qint64, expected);
    seed();
    QCOMPARE(m_ledger->total(account, since), expected);
}

void TstCreditLedger::summaryGroupsByAccountAndAction()
{
    seed();
    const QList<CreditSummaryRow> rows = m_ledger->summary();
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).accountId, QString()); // calls without an account come first
    QCOMPARE(rows.at(0).action, QStringLiteral("list_accounts"));
    QCOMPARE(rows.at(1).accountId, QStringLiteral("a"));
    QCOMPARE(rows.at(1).action, QStringLiteral("list_inbox"));
    QCOMPARE(rows.at(1).calls, 2);
    QCOMPARE(rows.at(1).credits, 2);
    QCOMPARE(rows.at(2).action, QStringLiteral("send_message"));
    QCOMPARE(rows.at(2).credits, 2);
    QCOMPARE(rows.at(3).accountId, QStringLiteral("b"));

    const QList<CreditSummaryRow> later = m_ledger->summary(t0.addSecs(600));
    QCOMPARE(later.size(), 4);
    QCOMPARE(later.at(1).calls, 1);
}

void TstCreditLedger::recentIsNewestFirst()
{
    seed();
    const QList<CreditCharge> a = m_ledger->recent(QStringLiteral("a"), 2);
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.at(0).action, QStringLiteral("send_message"));
    QCOMPARE(a.at(0).at, t0.addSecs(1200));
    QCOMPARE(a.at(1).at, t0.addSecs(600));
    QCOMPARE(m_ledger->recent(QString(), 100).size(), 5);
    QCOMPARE(m_ledger->recent(QString(), 100).first().action, QStringLiteral("list_accounts"));
}

QTEST_GUILESS_MAIN(TstCreditLedger)
#include "tst_creditledger.moc"
