// AccountListModel under QAbstractItemModelTester: rows follow the repository's changes in
// place (insert, update, move, remove), never by a reset.
#include "models/accountlistmodel.h"
#include "store/accountrepository.h"
#include "store/database.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;

class TstAccountListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsWithTheStoredAccounts();
    void insertUpdateRemove();
    void renameMovesTheRow();
    void replaceAllUpdatesInPlace_data();
    void replaceAllUpdatesInPlace();

private:
    static Account account(
        const QString &id, const QString &name, Account::Status status = Account::Status::Active);
    QStringList modelIds() const;
    QStringList repoIds() const;
    void store(const QStringList &names);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountRepository> m_repo;
    std::unique_ptr<AccountListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

Account TstAccountListModel::account(const QString &id, const QString &name, Account::Status status)
{
    Account a;
    a.id = id;
    a.name = name;
    a.platform = QStringLiteral("linkedin");
    a.country = QStringLiteral("FR");
    a.status = status;
    a.rawStatus
        = status == Account::Status::Active ? QStringLiteral("active") : QStringLiteral("inactive");
    a.isActive = status == Account::Status::Active;
    return a;
}

void TstAccountListModel::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_repo = std::make_unique<AccountRepository>(m_db.get());
    QVERIFY(m_repo->upsert(account(QStringLiteral("acc_b"), QStringLiteral("Bea"))));
    QVERIFY(m_repo->upsert(account(QStringLiteral("acc_d"), QStringLiteral("Dan"))));
    m_model = std::make_unique<AccountListModel>(m_repo.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TstAccountListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_repo.reset();
    m_db.reset();
}

QStringList TstAccountListModel::modelIds() const
{
    QStringList ids;
    for (int r = 0; r < m_model->rowCount(); ++r)
        ids << m_model->index(r).data(AccountListModel::AccountIdRole).toString();
    return ids;
}

QStringList TstAccountListModel::repoIds() const
{
    QStringList ids;
    for (const Account &a : m_repo->all())
        ids << a.id;
    return ids;
}

// Names become ids "id_<name>", so a list of names is the whole server answer.
void TstAccountListModel::store(const QStringList &names)
{
    QList<Account> accounts;
    for (const QString &n : names)
        accounts << account(QStringLiteral("id_") + n, n);
    QVERIFY(m_repo->replaceAll(accounts));
}

void TstAccountListModel::startsWithTheStoredAccounts()
{
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(modelIds(), repoIds());
    const QModelIndex first = m_model->index(0);
    QCOMPARE(first.data().toString(), QStringLiteral("Bea"));
    QCOMPARE(first.data(AccountListModel::NameRole).toString(), QStringLiteral("Bea"));
    QCOMPARE(first.data(AccountListModel::StatusRole).toInt(), int(Account::Status::Active));
    QVERIFY(!first.data(AccountListModel::StatusTextRole).toString().isEmpty());
    QCOMPARE(first.data(AccountListModel::CountryRole).toString(), QStringLiteral("FR"));
    QCOMPARE(first.data(AccountListModel::IsActiveRole).toBool(), true);
    QCOMPARE(first.data(AccountListModel::UnreadCountRole).toInt(), 0);
    QCOMPARE(m_model->rowOf(QStringLiteral("acc_d")), 1);
    QCOMPARE(m_model->rowOf(QStringLiteral("nope")), -1);
    QCOMPARE(m_model->accountIdAt(1), QStringLiteral("acc_d"));
    QCOMPARE(m_model->accountAt(0).name, QStringLiteral("Bea"));
    QVERIFY(m_model->roleNames().values().contains("accountId"));
}

void TstAccountListModel::insertUpdateRemove()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    QVERIFY(m_repo->upsert(account(QStringLiteral("acc_c"), QStringLiteral("Cleo"))));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1); // between Bea and Dan
    QCOMPARE(modelIds(), repoIds());

    QVERIFY(m_repo->upsert(
        account(QStringLiteral("acc_c"), QStringLiteral("Cleo"), Account::Status::Inactive)));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(m_model->index(1).data(AccountListModel::IsActiveRole).toBool(), false);

    QVERIFY(m_repo->remove(QStringLiteral("acc_b")));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(modelIds(), repoIds());
    QCOMPARE(reset.count(), 0);
}

void TstAccountListModel::renameMovesTheRow()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_repo->upsert(account(QStringLiteral("acc_b"), QStringLiteral("Zoe"))));
    QCOMPARE(modelIds(), repoIds());
    QCOMPARE(modelIds(), (QStringList { QStringLiteral("acc_d"), QStringLiteral("acc_b") }));
    QCOMPARE(moved.count(), 1);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(m_model->index(1).data().toString(), QStringLiteral("Zoe"));
    QCOMPARE(reset.count(), 0);
}

void TstAccountListModel::replaceAllUpdatesInPlace_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    const auto names = [](const char *csv) {
        return QString::fromLatin1(csv).split(QLatin1Char(','), Qt::SkipEmptyParts);
    };
    QTest::newRow("same list") << names("Ann,Bob,Cid") << names("Ann,Bob,Cid");
    QTest::newRow("one added in the middle") << names("Ann,Cid") << names("Ann,Bob,Cid");
    QTest::newRow("one removed") << names("Ann,Bob,Cid") << names("Ann,Cid");
    QTest::newRow("first and last removed") << names("Ann,Bob,Cid,Dee") << names("Bob,Cid");
    QTest::newRow("all replaced") << names("Ann,Bob") << names("Eve,Fay,Gus");
    QTest::newRow("emptied") << names("Ann,Bob") << names("");
    QTest::newRow("from empty") << names("") << names("Ann,Bob");
    QTest::newRow("mixed") << names("Ann,Bob,Dee,Fay") << names("Bob,Cid,Fay,Hal");
}

void TstAccountListModel::replaceAllUpdatesInPlace()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    store(before);
    QCOMPARE(modelIds(), repoIds());

    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    store(after);
    QCOMPARE(modelIds(), repoIds());
    QCOMPARE(m_model->rowCount(), after.size());
    QCOMPARE(reset.count(), 0);
    if (before == after) {
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
    }
    for (int r = 0; r < after.size(); ++r)
        QCOMPARE(m_model->index(r).data().toString(), after.at(r));
}

QTEST_GUILESS_MAIN(TstAccountListModel)
#include "tst_accountlistmodel.moc"
