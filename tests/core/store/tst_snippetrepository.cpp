#include "store/database.h"
#include "store/snippetrepository.h"

#include <QSignalSpy>
#include <QTest>

using namespace ld;

class TstSnippetRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startsWithUsefulDefaults();
    void saveInsertsAndUpdates();
    void removeSignalsOnlyWhenSomethingWentAway();

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SnippetRepository> m_repo;
};

void TstSnippetRepository::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<SnippetRepository>(m_db.get());
}

void TstSnippetRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

void TstSnippetRepository::startsWithUsefulDefaults()
{
    const QList<Snippet> all = m_repo->all();
    QCOMPARE(all.size(), 3);
    QStringList names;
    for (const Snippet &s : all) {
        QVERIFY(s.id > 0);
        QVERIFY2(s.body.contains(QStringLiteral("{first_name}")), qPrintable(s.body));
        names << s.name;
    }
    QVERIFY(names.contains(QStringLiteral("Thanks for connecting")));
    QStringList sorted = names;
    sorted.sort(Qt::CaseInsensitive);
    QCOMPARE(names, sorted);
}

void TstSnippetRepository::saveInsertsAndUpdates()
{
    QSignalSpy changed(m_repo.get(), &SnippetRepository::changed);
    Snippet s{0, QStringLiteral("a first one 🚀"), QStringLiteral("Hi {first_name} from {company}")};
    s.id = m_repo->save(s);
    QVERIFY(s.id > 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_repo->all().first().name, s.name); // "a…" sorts before the defaults, case aside
    QCOMPARE(m_repo->all().first().body, s.body);

    s.body = QStringLiteral("שלום {first_name}");
    QCOMPARE(m_repo->save(s), s.id);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_repo->all().size(), 4);
    QCOMPARE(m_repo->all().first().body, s.body);

    QVERIFY(m_repo->remove(s.id));
    QCOMPARE(m_repo->save(s), qint64(0)); // updating a removed snippet does not bring it back
    QCOMPARE(m_repo->all().size(), 3);
}

void TstSnippetRepository::removeSignalsOnlyWhenSomethingWentAway()
{
    const qint64 id = m_repo->all().first().id;
    QSignalSpy changed(m_repo.get(), &SnippetRepository::changed);
    QVERIFY(m_repo->remove(id));
    QVERIFY(!m_repo->remove(id));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_repo->all().size(), 2);
}

QTEST_GUILESS_MAIN(TstSnippetRepository)
#include "tst_snippetrepository.moc"
