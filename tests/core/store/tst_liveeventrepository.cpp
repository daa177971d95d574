// LiveEventRepository: an event recorded once whether it comes by stream (content key only),
// by poll (content key and event id), or both in either order, also after a reopen; the id a
// stream frame lacked filled in by a later poll; paging newest first; the gap-fill cursor only
// moving forward.
#include "store/liveeventrepository.h"

#include "store/database.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;

namespace {

LiveEvent makeEvent(const QString &account, const QString &stamp, const QString &text)
{
    const QJsonObject wrapper
        = QJsonDocument::fromJson(QStringLiteral(R"({"account_id": "%1", "timestamp": "%2",
            "event": {"type": "message", "sender_name": "Zoë", "message_text": "%3",
                      "sender_profile": "https://www.linkedin.com/in/zoe"}})")
                                      .arg(account, stamp, text)
                                      .toUtf8())
              .object();
    return LiveEvent::fromJson(wrapper).value;
}

} // namespace

class TstLiveEventRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void streamThenPollIsOneEvent();
    void pollThenStreamIsOneEvent();
    void samePolledIdTwice();
    void survivesReopen();
    void recentPagesNewestFirst();
    void cursorOnlyMovesForward();
    void pruneDropsOldEvents();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LiveEventRepository> m_repo;
};

void TstLiveEventRepository::init()
{
    m_repo.reset();
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(m_dir.filePath(
        QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())))));
    m_repo = std::make_unique<LiveEventRepository>(m_db.get());
}

void TstLiveEventRepository::streamThenPollIsOneEvent()
{
    QSignalSpy recorded(m_repo.get(), &LiveEventRepository::recorded);
    const LiveEvent e = makeEvent(
        QStringLiteral("a1"), QStringLiteral("2026-11-25T10:00:00Z"), QStringLiteral("hi"));
    const qint64 id = m_repo->record(e, {}, e.contentKey(), QStringLiteral("w1"), false);
    QVERIFY(id > 0);
    QCOMPARE(
        m_repo->record(e, QStringLiteral("ev-1"), e.contentKey(), QStringLiteral("w1"), true), 0);
    QCOMPARE(m_repo->count(), 1);
    QCOMPARE(recorded.count(), 1);
    const auto row = m_repo->row(id);
    QVERIFY(row);
    QCOMPARE(row->eventId, QStringLiteral("ev-1")); // the poll named it
    QVERIFY(!row->fromPoll);
    QCOMPARE(row->personName, QStringLiteral("Zoë"));
    QCOMPARE(row->text, QStringLiteral("hi"));
    QCOMPARE(row->profileUrl, QStringLiteral("https://www.linkedin.com/in/zoe"));
    QCOMPARE(row->type, LiveEvent::Type::Message);
    QCOMPARE(row->payload.value(QStringLiteral("message_text")).toString(), QStringLiteral("hi"));
}

void TstLiveEventRepository::pollThenStreamIsOneEvent()
{
    const LiveEvent e = makeEvent(
        QStringLiteral("a1"), QStringLiteral("2026-11-25T10:00:00Z"), QStringLiteral("hi"));
    QVERIFY(
        m_repo->record(e, QStringLiteral("ev-1"), e.contentKey(), QStringLiteral("w1"), true) > 0);
    QCOMPARE(m_repo->record(e, {}, e.contentKey(), QStringLiteral("w1"), false), 0);
    QCOMPARE(m_repo->count(), 1);
    // A second, different message in the same second is its own event.
    const LiveEvent other = makeEvent(QStringLiteral("a1"), QStringLiteral("2026-11-25T10:00:00Z"),
        QStringLiteral("and another"));
    QVERIFY(m_repo->record(other, {}, other.contentKey(), QStringLiteral("w1"), false) > 0);
    QCOMPARE(m_repo->count(), 2);
}

void TstLiveEventRepository::samePolledIdTwice()
{
    // An events page that repeats an item, even with a changed body, records it once.
    const LiveEvent e = makeEvent(QStringLiteral("a1"), QStringLiteral("T1"), QStringLiteral("hi"));
    const LiveEvent changed
        = makeEvent(QStringLiteral("a1"), QStringLiteral("T1"), QStringLiteral("hi!"));
    QVERIFY(m_repo->record(e, QStringLiteral("ev-1"), e.contentKey(), {}, true) > 0);
    QCOMPARE(m_repo->record(changed, QStringLiteral("ev-1"), changed.contentKey(), {}, true), 0);
    QCOMPARE(m_repo->count(), 1);
}

void TstLiveEventRepository::survivesReopen()
{
    const LiveEvent e = makeEvent(QStringLiteral("a1"), QStringLiteral("T1"), QStringLiteral("hi"));
    QVERIFY(m_repo->record(e, {}, e.contentKey(), {}, false) > 0);
    const QString path = m_db->path();
    m_repo.reset();
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(path));
    m_repo = std::make_unique<LiveEventRepository>(m_db.get());
    QCOMPARE(m_repo->record(e, QStringLiteral("ev-9"), e.contentKey(), {}, true), 0);
    QCOMPARE(m_repo->count(), 1);
}

void TstLiveEventRepository::recentPagesNewestFirst()
{
    for (int i = 0; i < 5; ++i) {
        const LiveEvent e = makeEvent(i % 2 ? QStringLiteral("a2") : QStringLiteral("a1"),
            QStringLiteral("T%1").arg(i), QStringLiteral("m%1").arg(i));
        QVERIFY(m_repo->record(e, {}, e.contentKey(), {}, false) > 0);
    }
    QList<LiveEventRow> page = m_repo->recent(2);
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).text, QStringLiteral("m4"));
    QCOMPARE(page.at(1).text, QStringLiteral("m3"));
    page = m_repo->recent(10, page.last().id);
    QCOMPARE(page.size(), 3);
    QCOMPARE(page.last().text, QStringLiteral("m0"));
    page = m_repo->recent(10, 0, { QStringLiteral("a2") });
    QCOMPARE(page.size(), 2);
}

void TstLiveEventRepository::cursorOnlyMovesForward()
{
    const QDateTime t(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    QVERIFY(!m_repo->cursor(QStringLiteral("w1")).isValid());
    QVERIFY(m_repo->advanceCursor(QStringLiteral("w1"), QStringLiteral("a1"), t));
    QVERIFY(m_repo->advanceCursor(QStringLiteral("w1"), QStringLiteral("a1"), t.addSecs(-60)));
    QCOMPARE(m_repo->cursor(QStringLiteral("w1")), t);
    QVERIFY(m_repo->advanceCursor(QStringLiteral("w1"), QStringLiteral("a1"), t.addMSecs(5)));
    QCOMPARE(m_repo->cursor(QStringLiteral("w1")), t.addMSecs(5));
    QVERIFY(!m_repo->cursor(QStringLiteral("w2")).isValid());
}

void TstLiveEventRepository::pruneDropsOldEvents()
{
    const LiveEvent e = makeEvent(QStringLiteral("a1"), QStringLiteral("T1"), QStringLiteral("hi"));
    QVERIFY(m_repo->record(e, {}, e.contentKey(), {}, false) > 0);
    QCOMPARE(m_repo->prune(QDateTime::currentDateTimeUtc().addDays(-7)), 0);
    QCOMPARE(m_repo->prune(QDateTime::currentDateTimeUtc().addSecs(5)), 1);
    QCOMPARE(m_repo->count(), 0);
}

QTEST_GUILESS_MAIN(TstLiveEventRepository)
#include "tst_liveeventrepository.moc"
