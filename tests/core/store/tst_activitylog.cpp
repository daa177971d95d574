#include "store/activitylog.h"
#include "store/database.h"

#include <QSignalSpy>
#include <QTest>

using namespace ld;

class TstActivityLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appendRoundTripsEveryField();
    void forAccountIsNewestFirstAndLimited();
    void recentSpansAccounts();
    void pruneRemovesOnlyOlderEntries();

private:
    qint64 add(const QString &account, const QString &action, int minutesAfter);
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ActivityLog> m_log;
};

namespace {
const QDateTime t0(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);
}

void TstActivityLog::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_log = std::make_unique<ActivityLog>(m_db.get());
}

void TstActivityLog::cleanup()
{
    m_log.reset();
    m_db.reset();
}

qint64 TstActivityLog::add(const QString &account, const QString &action, int minutesAfter)
{
    ActivityEntry e;
    e.at = t0.addSecs(60 * minutesAfter);
    e.accountId = account;
    e.action = action;
    e.ok = true;
    e.httpStatus = 200;
    return m_log->append(e);
}

void TstActivityLog::appendRoundTripsEveryField()
{
    QSignalSpy appended(m_log.get(), &ActivityLog::appended);
    ActivityEntry e;
    e.at = QDateTime(QDate(2026, 4, 26), QTime(10, 35, 0, 250), Qt::UTC);
    e.accountId = QStringLiteral("acc-1");
    e.action = QStringLiteral("send_message");
    e.ok = false;
    e.httpStatus = 429;
    e.errorCode = QStringLiteral("RATE_LIMITED");
    e.message = QStringLiteral("Too many requests — LinkUp asked to wait 30 s.");
    e.credits = 0;
    e.durationMs = 1234;
    e.attempts = 3;
    const qint64 id = m_log->append(e);
    QVERIFY(id > 0);
    QCOMPARE(appended.count(), 1);
    QCOMPARE(appended.at(0).at(0).toString(), e.accountId);
    QCOMPARE(appended.at(0).at(1).toLongLong(), id);

    const QList<ActivityEntry> back = m_log->forAccount(e.accountId);
    QCOMPARE(back.size(), 1);
    const ActivityEntry &b = back.first();
    QCOMPARE(b.id, id);
    QCOMPARE(b.at, e.at);
    QCOMPARE(b.accountId, e.accountId);
    QCOMPARE(b.action, e.action);
    QCOMPARE(b.ok, e.ok);
    QCOMPARE(b.httpStatus, e.httpStatus);
    QCOMPARE(b.errorCode, e.errorCode);
    QCOMPARE(b.message, e.message);
    QCOMPARE(b.credits, e.credits);
    QCOMPARE(b.durationMs, e.durationMs);
    QCOMPARE(b.attempts, e.attempts);

    ActivityEntry noTime; // time defaults to now, no account is fine
    noTime.action = QStringLiteral("list_accounts");
    QVERIFY(m_log->append(noTime) > id);
    QVERIFY(m_log->forAccount(QString()).first().at.isValid());
}

void TstActivityLog::forAccountIsNewestFirstAndLimited()
{
    add(QStringLiteral("a"), QStringLiteral("first"), 0);
    add(QStringLiteral("a"), QStringLiteral("third"), 20);
    add(QStringLiteral("a"), QStringLiteral("second"), 10);
    add(QStringLiteral("b"), QStringLiteral("other"), 30);

    const QList<ActivityEntry> all = m_log->forAccount(QStringLiteral("a"));
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).action, QStringLiteral("third"));
    QCOMPARE(all.at(1).action, QStringLiteral("second"));
    QCOMPARE(all.at(2).action, QStringLiteral("first"));
    QCOMPARE(m_log->forAccount(QStringLiteral("a"), 1).size(), 1);
    QCOMPARE(m_log->forAccount(QStringLiteral("nobody")).size(), 0);
}

void TstActivityLog::recentSpansAccounts()
{
    add(QStringLiteral("a"), QStringLiteral("one"), 0);
    add(QStringLiteral("b"), QStringLiteral("two"), 5);
    add(QString(), QStringLiteral("three"), 5); // same time: the later insert comes first
    const QList<ActivityEntry> recent = m_log->recent();
    QCOMPARE(recent.size(), 3);
    QCOMPARE(recent.at(0).action, QStringLiteral("three"));
    QCOMPARE(recent.at(1).action, QStringLiteral("two"));
    QCOMPARE(recent.at(2).action, QStringLiteral("one"));
    QCOMPARE(m_log->recent(2).size(), 2);
}

void TstActivityLog::pruneRemovesOnlyOlderEntries()
{
    add(QStringLiteral("a"), QStringLiteral("old"), 0);
    add(QStringLiteral("a"), QStringLiteral("edge"), 10);
    add(QStringLiteral("a"), QStringLiteral("new"), 20);
    QCOMPARE(m_log->pruneOlderThan(t0.addSecs(600)), 1); // the cutoff itself is kept
    QCOMPARE(m_log->recent().size(), 2);
    QCOMPARE(m_log->pruneOlderThan(QDateTime()), 0);
    QCOMPARE(m_log->pruneOlderThan(t0.addDays(1)), 2);
    QCOMPARE(m_log->recent().size(), 0);
}

QTEST_GUILESS_MAIN(TstActivityLog)
#include "tst_activitylog.moc"
