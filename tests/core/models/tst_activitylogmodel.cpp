// ActivityLogModel under QAbstractItemModelTester: newest first, new entries inserted at the
// top as they are appended, filtered by account, trimmed to the limit, never reset by appends.
#include "models/activitylogmodel.h"
#include "store/database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;

class TstActivityLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsNewestFirst();
    void appendPrependsWithoutReset_data();
    void appendPrependsWithoutReset();
    void limitTrimsTheOldest();
    void columnsAndRoles();

private:
    qint64 append(const QString &accountId, const QString &action, bool ok = true, int credits = 1);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<ActivityLog> m_log;
    std::unique_ptr<ActivityLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstActivityLogModel::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_log = std::make_unique<ActivityLog>(m_db.get());
    append(QStringLiteral("acc_a"), QStringLiteral("list_inbox"));
    append(QStringLiteral("acc_b"), QStringLiteral("send"));
    append(QStringLiteral("acc_a"), QStringLiteral("invite"), false, 0);
    m_model = std::make_unique<ActivityLogModel>(m_log.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TstActivityLogModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_log.reset();
    m_db.reset();
}

qint64 TstActivityLogModel::append(
    const QString &accountId, const QString &action, bool ok, int credits)
{
    ActivityEntry e;
    e.at = QDateTime::currentDateTimeUtc();
    e.accountId = accountId;
    e.action = action;
    e.ok = ok;
    e.httpStatus = ok ? 200 : 403;
    e.errorCode = ok ? QString() : QStringLiteral("ACCOUNT_INACTIVE");
    e.message
        = ok ? QStringLiteral("Done.") : QStringLiteral("The account is inactive: reconnect it.");
    e.credits = credits;
    e.durationMs = 1250;
    const qint64 id = m_log->append(e);
    if (id == 0)
        qWarning("append failed");
    return id;
}

void TstActivityLogModel::showsNewestFirst()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0, ActivityLogModel::ActionColumn).data().toString(),
        QStringLiteral("invite"));
    QCOMPARE(m_model->index(2, ActivityLogModel::ActionColumn).data().toString(),
        QStringLiteral("list_inbox"));
}

void TstActivityLogModel::appendPrependsWithoutReset_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("appendTo");
    QTest::addColumn<int>("rowsBefore");
    QTest::addColumn<bool>("shown");
    QTest::newRow("all accounts") << QString() << QStringLiteral("acc_b") << 3 << true;
    QTest::newRow("this account") << QStringLiteral("acc_a") << QStringLiteral("acc_a") << 2
                                  << true;
    QTest::newRow("another account")
        << QStringLiteral("acc_a") << QStringLiteral("acc_b") << 2 << false;
}

void TstActivityLogModel::appendPrependsWithoutReset()
{
    QFETCH(QString, filter);
    QFETCH(QString, appendTo);
    QFETCH(int, rowsBefore);
    QFETCH(bool, shown);
    m_model->setAccountId(filter);
    QCOMPARE(m_model->accountId(), filter);
    QCOMPARE(m_model->rowCount(), rowsBefore);

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const qint64 id = append(appendTo, QStringLiteral("accept"));
    QCOMPARE(reset.count(), 0);
    if (!shown) {
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(m_model->rowCount(), rowsBefore);
        return;
    }
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(m_model->rowCount(), rowsBefore + 1);
    QCOMPARE(m_model->index(0, 0).data(ActivityLogModel::EntryIdRole).toLongLong(), id);
    QCOMPARE(m_model->index(0, 0).data(ActivityLogModel::AccountIdRole).toString(), appendTo);
}

void TstActivityLogModel::limitTrimsTheOldest()
{
    m_model->setLimit(3);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    append(QStringLiteral("acc_a"), QStringLiteral("withdraw"));
    append(QStringLiteral("acc_a"), QStringLiteral("create"));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->index(0, ActivityLogModel::ActionColumn).data().toString(),
        QStringLiteral("create"));
    QCOMPARE(m_model->index(2, ActivityLogModel::ActionColumn).data().toString(),
        QStringLiteral("invite"));
}

void TstActivityLogModel::columnsAndRoles()
{
    QCOMPARE(m_model->columnCount(), int(ActivityLogModel::ColumnCount));
    for (int c = 0; c < ActivityLogModel::ColumnCount; ++c)
        QVERIFY(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty());
    const QModelIndex failed = m_model->index(0, ActivityLogModel::OutcomeColumn);
    QCOMPARE(failed.data(ActivityLogModel::OkRole).toBool(), false);
    QCOMPARE(failed.data().toString(), QStringLiteral("The account is inactive: reconnect it."));
    QVERIFY(failed.data(Qt::ToolTipRole).toString().contains(QStringLiteral("ACCOUNT_INACTIVE")));
    QCOMPARE(m_model->index(1, ActivityLogModel::CreditsColumn).data().toInt(), 1);
    QVERIFY(!m_model->index(0, ActivityLogModel::TimeColumn).data().toString().isEmpty());
    QVERIFY(m_model->index(0, ActivityLogModel::DurationColumn)
                .data()
                .toString()
                .contains(QStringLiteral("1")));
}

QTEST_GUILESS_MAIN(TstActivityLogModel)
#include "tst_activitylogmodel.moc"
