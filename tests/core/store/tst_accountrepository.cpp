#include "store/accountrepository.h"
#include "store/database.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace ld;

class TstAccountRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void upsertSignalsOnlyRealChanges();
    void roundTripsEveryField();
    void replaceAllSignalsExactlyTheTouchedIds();
    void replaceAllWithNothingRemovesEverything();
    void removeSignalsOnlyWhenSomethingWentAway();
    void allIsOrderedByNameThenId();
    void storesAnAccountWhoseOptionalFieldsWereOmitted();

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountRepository> m_repo;
};

namespace {

Account account(const QString &id, const QString &name)
{
    Account a;
    a.id = id;
    a.name = name;
    a.platform = QStringLiteral("linkedin");
    a.country = QStringLiteral("FR");
    a.status = Account::Status::Active;
    a.rawStatus = QStringLiteral("active");
    a.isActive = true;
    a.createdAt = QDateTime(QDate(2025, 1, 15), QTime(10, 32, 0, 123), Qt::UTC);
    return a;
}

QStringList firstArg(const QSignalSpy &spy, int index = 0)
{
    return spy.at(index).at(0).toStringList();
}

} // namespace

void TstAccountRepository::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<AccountRepository>(m_db.get());
}

void TstAccountRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

void TstAccountRepository::upsertSignalsOnlyRealChanges()
{
    QSignalSpy changed(m_repo.get(), &AccountRepository::accountsChanged);
    QSignalSpy removed(m_repo.get(), &AccountRepository::accountsRemoved);

    Account a = account(QStringLiteral("a"), QStringLiteral("Ada"));
    QVERIFY(m_repo->upsert(a));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(firstArg(changed), QStringList{QStringLiteral("a")});

    QVERIFY(m_repo->upsert(a)); // the same data again: nothing to repaint
    QCOMPARE(changed.count(), 1);

    a.status = Account::Status::CheckpointRequired;
    a.rawStatus = QStringLiteral("checkpoint_required");
    QVERIFY(m_repo->upsert(a));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(firstArg(changed, 1), QStringList{QStringLiteral("a")});
    QCOMPARE(m_repo->count(), 1);
    QCOMPARE(m_repo->find(QStringLiteral("a"))->status, Account::Status::CheckpointRequired);
    QCOMPARE(removed.count(), 0);

    QVERIFY(!m_repo->upsert(Account())); // no id, no row
    QCOMPARE(m_repo->count(), 1);
}

void TstAccountRepository::roundTripsEveryField()
{
    Account a = account(QStringLiteral("acc-ü"), QStringLiteral("Zoë «quoted» 'name'"));
    a.status = Account::Status::Unknown;
    a.rawStatus = QStringLiteral("suspended_by_linkedin");
    a.isActive = false;
    a.updatedAt = QDateTime(QDate(2026, 4, 26), QTime(10, 35), Qt::UTC);
    a.extra = QJsonObject{
        {QStringLiteral("logs"), QJsonArray{QStringLiteral("one"), 2, true}},
        {QStringLiteral("health"), QJsonObject{{QStringLiteral("score"), 0.75},
                                               {QStringLiteral("note"), QStringLiteral("ünïcödé")}}},
        {QStringLiteral("nothing"), QJsonValue::Null},
    };
    QVERIFY(m_repo->upsert(a));

    const std::optional<Account> back = m_repo->find(a.id);
    QVERIFY(back);
    QCOMPARE(back->id, a.id);
    QCOMPARE(back->name, a.name);
    QCOMPARE(back->platform, a.platform);
    QCOMPARE(back->country, a.country);
    QCOMPARE(back->status, a.status);
    QCOMPARE(back->rawStatus, a.rawStatus);
    QCOMPARE(back->isActive, a.isActive);
    QCOMPARE(back->createdAt, a.createdAt);
    QCOMPARE(back->createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(back->updatedAt, a.updatedAt);
    QCOMPARE(back->extra, a.extra);

    Account noDates = account(QStringLiteral("b"), QStringLiteral("B"));
    noDates.createdAt = {};
    QVERIFY(m_repo->upsert(noDates));
    QVERIFY(!m_repo->find(QStringLiteral("b"))->createdAt.isValid());
    QVERIFY(!m_repo->find(QStringLiteral("missing")));
}

void TstAccountRepository::replaceAllSignalsExactlyTheTouchedIds()
{
    QVERIFY(m_repo->replaceAll({account(QStringLiteral("a"), QStringLiteral("A")),
                                account(QStringLiteral("b"), QStringLiteral("B")),
                                account(QStringLiteral("c"), QStringLiteral("C"))}));
    QSignalSpy changed(m_repo.get(), &AccountRepository::accountsChanged);
    QSignalSpy removed(m_repo.get(), &AccountRepository::accountsRemoved);

    Account b = account(QStringLiteral("b"), QStringLiteral("B renamed"));
    QVERIFY(m_repo->replaceAll({account(QStringLiteral("a"), QStringLiteral("A")), // unchanged
                                b,                                                  // changed
                                account(QStringLiteral("d"), QStringLiteral("D"))})); // new
    QCOMPARE(removed.count(), 1);
    QCOMPARE(firstArg(removed), QStringList{QStringLiteral("c")});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(firstArg(changed), (QStringList{QStringLiteral("b"), QStringLiteral("d")}));
    QCOMPARE(m_repo->count(), 3);
    QVERIFY(!m_repo->find(QStringLiteral("c")));
    QCOMPARE(m_repo->find(QStringLiteral("b"))->name, QStringLiteral("B renamed"));

    // The same list again touches nothing.
    QVERIFY(m_repo->replaceAll({account(QStringLiteral("a"), QStringLiteral("A")), b,
                                account(QStringLiteral("d"), QStringLiteral("D"))}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(removed.count(), 1);
}

void TstAccountRepository::replaceAllWithNothingRemovesEverything()
{
    QVERIFY(m_repo->upsert(account(QStringLiteral("x"), QStringLiteral("X"))));
    QVERIFY(m_repo->upsert(account(QStringLiteral("y"), QStringLiteral("Y"))));
    QSignalSpy changed(m_repo.get(), &AccountRepository::accountsChanged);
    QSignalSpy removed(m_repo.get(), &AccountRepository::accountsRemoved);

    QVERIFY(m_repo->replaceAll({}));
    QCOMPARE(m_repo->count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(firstArg(removed), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    QCOMPARE(changed.count(), 0);
}

void TstAccountRepository::removeSignalsOnlyWhenSomethingWentAway()
{
    QVERIFY(m_repo->upsert(account(QStringLiteral("a"), QStringLiteral("A"))));
    QSignalSpy removed(m_repo.get(), &AccountRepository::accountsRemoved);

    QVERIFY(m_repo->remove(QStringLiteral("nope")));
    QCOMPARE(removed.count(), 0);
    QVERIFY(m_repo->remove(QStringLiteral("a")));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(firstArg(removed), QStringList{QStringLiteral("a")});
    QCOMPARE(m_repo->count(), 0);
}

void TstAccountRepository::allIsOrderedByNameThenId()
{
    QVERIFY(m_repo->upsert(account(QStringLiteral("3"), QStringLiteral("bob"))));
    QVERIFY(m_repo->upsert(account(QStringLiteral("2"), QStringLiteral("Alice"))));
    QVERIFY(m_repo->upsert(account(QStringLiteral("1"), QStringLiteral("bob"))));
    QStringList ids;
    for (const Account &a : m_repo->all())
        ids << a.id;
    QCOMPARE(ids, (QStringList{QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("3")}));
}


// The lenient decoder leaves a field the server omitted as a null QString; the store must still
// save the account (its text columns are NOT NULL) and read it back with empty text.
void TstAccountRepository::storesAnAccountWhoseOptionalFieldsWereOmitted()
{
    Account sparse;
    sparse.id = QStringLiteral("acc_sparse");
    QVERIFY(sparse.name.isNull() && sparse.country.isNull() && sparse.platform.isNull());
    QVERIFY(m_repo->upsert(sparse));
    QVERIFY(m_repo->replaceAll({ sparse, account(QStringLiteral("acc_2"), QStringLiteral("B")) }));
    const auto stored = m_repo->find(QStringLiteral("acc_sparse"));
    QVERIFY(stored.has_value());
    QVERIFY(stored->name.isEmpty());
    QVERIFY(stored->country.isEmpty());
    QCOMPARE(m_repo->count(), 2);
}

QTEST_GUILESS_MAIN(TstAccountRepository)
#include "tst_accountrepository.moc"
