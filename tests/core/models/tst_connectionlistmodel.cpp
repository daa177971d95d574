// ConnectionListModel over a real NetworkRepository, under QAbstractItemModelTester: the
// account's connections in list order, a filter on name and title (any case, with or without
// accents, every word), rows kept in place across a re-listing (no reset), and another account's
// changes ignored.
#include "models/connectionlistmodel.h"
#include "store/database.h"
#include "store/networkrepository.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;

namespace {

const QString Account = QStringLiteral("acc_a");
const QString Other = QStringLiteral("acc_b");

Connection person(const QString &name, const QString &title, const QString &slug)
{
    Connection c;
    c.name = name;
    c.jobTitle = title;
    c.profileUrl = QStringLiteral("https://www.linkedin.com/in/%1/").arg(slug);
    return c;
}

} // namespace

class TstConnectionListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<NetworkRepository> m_repo;
    std::unique_ptr<ConnectionListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QList<Connection> m_list;

    QStringList names() const
    {
        QStringList out;
        for (int r = 0; r < m_model->rowCount(); ++r)
            out << m_model->index(r).data().toString();
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<Database>();
        QVERIFY(m_db->open(QStringLiteral(":memory:")));
        m_repo = std::make_unique<NetworkRepository>(m_db.get());
        m_list = { person(QStringLiteral("Amélie Dubois"), QStringLiteral("Head of Sales at Acme"),
                          QStringLiteral("amelie-dubois")),
                   person(QStringLiteral("Lucas Schmidt"), QStringLiteral("Software Engineer"),
                          QStringLiteral("lucas-schmidt")),
                   person(QStringLiteral("Chloé García"), QStringLiteral("Product Manager at Acme"),
                          QStringLiteral("chloe-garcia")),
                   person(QStringLiteral("<b>Noah</b> Rossi"), QStringLiteral("CTO"),
                          QStringLiteral("noah-rossi")) };
        QVERIFY(m_repo->replaceConnections(Account, m_list, QDateTime::currentDateTimeUtc()));
        QVERIFY(m_repo->replaceConnections(
            Other, { person(QStringLiteral("Someone Else"), QStringLiteral("Recruiter"),
                            QStringLiteral("someone-else")) },
            QDateTime::currentDateTimeUtc()));
        m_model = std::make_unique<ConnectionListModel>(m_repo.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_repo.reset();
        m_db.reset();
    }

    void listsTheAccountsConnectionsInOrder()
    {
        QCOMPARE(m_model->rowCount(), 0); // no account yet
        m_model->setAccountId(Account);
        QCOMPARE(names(), QStringList({ QStringLiteral("Amélie Dubois"), QStringLiteral("Lucas Schmidt"),
                                        QStringLiteral("Chloé García"), QStringLiteral("<b>Noah</b> Rossi") }));
        QCOMPARE(m_model->storedCount(), 4);
        const QModelIndex first = m_model->index(0);
        QCOMPARE(first.data(ConnectionListModel::JobTitleRole).toString(),
                 QStringLiteral("Head of Sales at Acme"));
        QCOMPARE(first.data(ConnectionListModel::ProfileIdRole).toString(), QStringLiteral("amelie-dubois"));
        QCOMPARE(first.data(ConnectionListModel::ProfileUrlRole).toString(),
                 QStringLiteral("https://www.linkedin.com/in/amelie-dubois/"));
        QCOMPARE(first.data(ConnectionListModel::PositionRole).toInt(), 0);
        QVERIFY(first.data(ConnectionListModel::KeyRole).toLongLong() > 0);
        QCOMPARE(m_model->rowOfKey(first.data(ConnectionListModel::KeyRole).toLongLong()), 0);
        QCOMPARE(m_model->connectionAt(1).connection.name, QStringLiteral("Lucas Schmidt"));

        m_model->setAccountId(Other);
        QCOMPARE(names(), QStringList({ QStringLiteral("Someone Else") }));
    }

    void filter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << QString() << QStringList({ QStringLiteral("Amélie Dubois"),
            QStringLiteral("Lucas Schmidt"), QStringLiteral("Chloé García"), QStringLiteral("<b>Noah</b> Rossi") });
        QTest::newRow("accent-free") << QStringLiteral("amelie") << QStringList({ QStringLiteral("Amélie Dubois") });
        QTest::newRow("accented") << QStringLiteral("GARCÍA") << QStringList({ QStringLiteral("Chloé García") });
        QTest::newRow("title") << QStringLiteral("acme") << QStringList({ QStringLiteral("Amélie Dubois"),
            QStringLiteral("Chloé García") });
        QTest::newRow("every word") << QStringLiteral("acme product") << QStringList({ QStringLiteral("Chloé García") });
        QTest::newRow("markup is text") << QStringLiteral("<b>") << QStringList({ QStringLiteral("<b>Noah</b> Rossi") });
        QTest::newRow("nothing") << QStringLiteral("zebra") << QStringList();
        QTest::newRow("blank") << QStringLiteral("   ") << QStringList({ QStringLiteral("Amélie Dubois"),
            QStringLiteral("Lucas Schmidt"), QStringLiteral("Chloé García"), QStringLiteral("<b>Noah</b> Rossi") });
    }

    void filter()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, expected);
        m_model->setAccountId(Account);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setFilter(filter);
        QCOMPARE(names(), expected);
        QCOMPARE(m_model->storedCount(), 4);
        QCOMPARE(reset.count(), 0); // narrowed by removals: the selection survives
        m_model->setFilter(QString());
        QCOMPARE(m_model->rowCount(), 4);
    }

    void aNewListingKeepsRowsInPlace()
    {
        m_model->setAccountId(Account);
        const QPersistentModelIndex lucas = m_model->index(1);
        const qint64 lucasKey = lucas.data(ConnectionListModel::KeyRole).toLongLong();
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

        // A new connection first (list_connections is newest first), Chloé gone, Lucas promoted.
        QList<Connection> next = m_list;
        next.removeAt(2);
        next[1].jobTitle = QStringLiteral("Staff Engineer");
        next.prepend(person(QStringLiteral("Mei Tanaka"), QStringLiteral("UX Designer"),
                            QStringLiteral("mei-tanaka")));
        QVERIFY(m_repo->replaceConnections(Account, next, QDateTime::currentDateTimeUtc()));

        QCOMPARE(names(), QStringList({ QStringLiteral("Mei Tanaka"), QStringLiteral("Amélie Dubois"),
                                        QStringLiteral("Lucas Schmidt"), QStringLiteral("<b>Noah</b> Rossi") }));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(changed.count() >= 1);
        QVERIFY(lucas.isValid());
        QCOMPARE(lucas.row(), 2);
        QCOMPARE(lucas.data(ConnectionListModel::KeyRole).toLongLong(), lucasKey);
        QCOMPARE(lucas.data(ConnectionListModel::JobTitleRole).toString(), QStringLiteral("Staff Engineer"));
    }

    void theFilterHoldsAcrossAListing()
    {
        m_model->setAccountId(Account);
        m_model->setFilter(QStringLiteral("acme"));
        QCOMPARE(m_model->rowCount(), 2);
        QList<Connection> next = m_list;
        next << person(QStringLiteral("Oskar Nowak"), QStringLiteral("Recruiter at Acme"),
                       QStringLiteral("oskar-nowak"));
        next << person(QStringLiteral("Freya Jensen"), QStringLiteral("Data Scientist"),
                       QStringLiteral("freya-jensen"));
        QVERIFY(m_repo->replaceConnections(Account, next, QDateTime::currentDateTimeUtc()));
        QCOMPARE(names(), QStringList({ QStringLiteral("Amélie Dubois"), QStringLiteral("Chloé García"),
                                        QStringLiteral("Oskar Nowak") }));
        QCOMPARE(m_model->storedCount(), 6);
    }

    void anotherAccountsChangeIsIgnored()
    {
        m_model->setAccountId(Account);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QVERIFY(m_repo->replaceConnections(Other, {}, QDateTime::currentDateTimeUtc()));
        QVERIFY(m_repo->addConnection(Other, person(QStringLiteral("New One"), {}, QStringLiteral("new-one")),
                                      QDateTime::currentDateTimeUtc()));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(m_model->rowCount(), 4);

        // An accept on this account puts the new connection first.
        QVERIFY(m_repo->addConnection(Account, person(QStringLiteral("New One"), {}, QStringLiteral("new-one")),
                                      QDateTime::currentDateTimeUtc()));
        QCOMPARE(m_model->rowCount(), 5);
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("New One"));
    }

    void folding()
    {
        QCOMPARE(ConnectionListModel::folded(QStringLiteral("Chloé GARCÍA")), QStringLiteral("chloe garcia"));
        QCOMPARE(ConnectionListModel::folded(QStringLiteral("Zoë")), QStringLiteral("zoe"));
        QCOMPARE(ConnectionListModel::folded(QStringLiteral("ÉMILE Zoë")), QStringLiteral("emile zoe"));
    }
};

QTEST_MAIN(TstConnectionListModel)
#include "tst_connectionlistmodel.moc"
