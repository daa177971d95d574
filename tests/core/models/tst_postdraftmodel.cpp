// PostDraftModel under QAbstractItemModelTester: each section lists the drafts in its states in
// the repository's order (newest change first; scheduled ones soonest first), and follows the
// store without a reset: a saved draft moves to the top (a move, so a view keeps its selection),
// a scheduled draft leaves the drafts and enters the queue at its time's place, a deleted draft
// leaves and comes back on restore; the title of a draft without text, and account names.
#include "models/postdraftmodel.h"
#include "store/accountrepository.h"
#include "store/database.h"
#include "store/draftrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;

namespace {

const QString AccountA = QStringLiteral("acc_a");

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromUtf8(s);
    return out;
}

Draft draft(const QString &text)
{
    Draft d;
    d.accountId = AccountA;
    d.text = text;
    return d;
}

} // namespace

class TstPostDraftModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listsNewestChangeFirst();
    void savedDraftMovesToTheTopWithoutAReset();
    void schedulingMovesBetweenSections();
    void deleteAndRestore();
    void titles();
    void accountNames();

private:
    qint64 create(const QString &text);
    // The store keeps milliseconds: the next change must be later than the last one.
    void nextMillisecond();
    QStringList texts(const PostDraftModel &model) const;

    std::unique_ptr<Database> m_db;
    std::unique_ptr<DraftRepository> m_drafts;
    std::unique_ptr<AccountRepository> m_accounts;
};

void TstPostDraftModel::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_drafts = std::make_unique<DraftRepository>(m_db.get());
    m_accounts = std::make_unique<AccountRepository>(m_db.get());
}

void TstPostDraftModel::cleanup()
{
    m_accounts.reset();
    m_drafts.reset();
    m_db.reset();
}

qint64 TstPostDraftModel::create(const QString &text)
{
    nextMillisecond();
    const qint64 id = m_drafts->create(draft(text));
    if (id == 0)
        qFatal("draft not created");
    return id;
}

void TstPostDraftModel::nextMillisecond()
{
    const QDateTime start = QDateTime::currentDateTimeUtc();
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > start, 1000);
}

QStringList TstPostDraftModel::texts(const PostDraftModel &model) const
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r).data(PostDraftModel::TextRole).toString();
    return out;
}

void TstPostDraftModel::listsNewestChangeFirst()
{
    create(QStringLiteral("first"));
    create(QStringLiteral("second"));
    create(QStringLiteral("third"));
    PostDraftModel model(m_drafts.get(), nullptr, { Draft::State::Draft });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(texts(model), strings({ "third", "second", "first" }));

    // A new draft is inserted at the top, not by a reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    create(QStringLiteral("fourth"));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(texts(model), strings({ "fourth", "third", "second", "first" }));
}

void TstPostDraftModel::savedDraftMovesToTheTopWithoutAReset()
{
    const qint64 first = create(QStringLiteral("first"));
    create(QStringLiteral("second"));
    create(QStringLiteral("third"));
    PostDraftModel model(m_drafts.get(), nullptr, { Draft::State::Draft });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QPersistentModelIndex selected = model.index(2); // a view's selection on "first"
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    nextMillisecond();
    Draft edited = *m_drafts->find(first);
    edited.text = QStringLiteral("first, edited");
    QVERIFY(m_drafts->saveContent(edited));

    QCOMPARE(texts(model), strings({ "first, edited", "third", "second" }));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(moved.size(), 1);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(selected.row(), 0); // the selection followed the draft
    QCOMPARE(selected.data(PostDraftModel::IdRole).toLongLong(), first);

    // Saved again while already on top: the row changes in place.
    moved.clear();
    nextMillisecond();
    edited.text = QStringLiteral("first, edited twice");
    QVERIFY(m_drafts->saveContent(edited));
    QCOMPARE(moved.size(), 0);
    QCOMPARE(model.index(0).data(PostDraftModel::TextRole).toString(),
        QStringLiteral("first, edited twice"));
}

void TstPostDraftModel::schedulingMovesBetweenSections()
{
    const qint64 a = create(QStringLiteral("a"));
    const qint64 b = create(QStringLiteral("b"));
    const qint64 c = create(QStringLiteral("c"));
    PostDraftModel drafts(m_drafts.get(), nullptr, { Draft::State::Draft });
    PostDraftModel queue(m_drafts.get(), nullptr, { Draft::State::Scheduled });
    QAbstractItemModelTester t1(&drafts, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(queue.rowCount(), 0);
    QSignalSpy reset(&queue, &QAbstractItemModel::modelReset);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto scheduleAt = [this](qint64 id, const QDateTime &at) {
        Draft next = *m_drafts->find(id);
        next.state = Draft::State::Scheduled;
        next.scheduledAt = at;
        return m_drafts->transition(id, Draft::State::Draft, next);
    };
    QVERIFY(scheduleAt(a, now.addSecs(3 * 3600)));
    QVERIFY(scheduleAt(b, now.addSecs(1 * 3600)));
    QVERIFY(scheduleAt(c, now.addSecs(2 * 3600)));
    QCOMPARE(drafts.rowCount(), 0);
    // Soonest first, whatever the order they were scheduled in.
    QCOMPARE(texts(queue), strings({ "b", "c", "a" }));
    QCOMPARE(queue.index(0).data(PostDraftModel::ScheduledAtRole).toDateTime(), now.addSecs(3600));
    QCOMPARE(reset.size(), 0);

    // Rescheduled later: it moves down the queue.
    Draft later = *m_drafts->find(b);
    later.scheduledAt = now.addSecs(4 * 3600);
    QVERIFY(m_drafts->transition(b, Draft::State::Scheduled, later));
    QCOMPARE(texts(queue), strings({ "c", "a", "b" }));

    // Unscheduled: back in the drafts.
    Draft back = *m_drafts->find(a);
    back.state = Draft::State::Draft;
    back.scheduledAt = {};
    QVERIFY(m_drafts->transition(a, Draft::State::Scheduled, back));
    QCOMPARE(texts(queue), strings({ "c", "b" }));
    QCOMPARE(texts(drafts), strings({ "a" }));
    QCOMPARE(reset.size(), 0);

    // A failed post is in the "needs attention" section with its reason.
    PostDraftModel attention(
        m_drafts.get(), nullptr, { Draft::State::Failed, Draft::State::Unknown });
    Draft failed = *m_drafts->find(a);
    failed.state = Draft::State::Failed;
    failed.errorMessage = QStringLiteral("LinkedIn refused the image.");
    QVERIFY(m_drafts->transition(a, Draft::State::Draft, failed));
    QCOMPARE(attention.rowCount(), 1);
    QCOMPARE(attention.index(0).data(PostDraftModel::ErrorRole).toString(),
        QStringLiteral("LinkedIn refused the image."));
    QCOMPARE(attention.index(0).data(PostDraftModel::StateRole).toInt(), int(Draft::State::Failed));
    QCOMPARE(drafts.rowCount(), 0);
}

void TstPostDraftModel::deleteAndRestore()
{
    create(QStringLiteral("keep"));
    const qint64 gone = create(QStringLiteral("gone"));
    PostDraftModel model(m_drafts.get(), nullptr, { Draft::State::Draft });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_drafts->remove(gone));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(texts(model), strings({ "keep" }));
    QCOMPARE(model.rowOfId(gone), -1);
    QVERIFY(m_drafts->restore(gone));
    QCOMPARE(texts(model), strings({ "gone", "keep" })); // back at its place
    QCOMPARE(model.rowOfId(gone), 0);
}

void TstPostDraftModel::titles()
{
    Draft d = draft(QStringLiteral("\n\n   Hello   world  \nsecond line"));
    QCOMPARE(PostDraftModel::title(d), QStringLiteral("Hello world"));
    d.text.clear();
    QCOMPARE(PostDraftModel::title(d), QStringLiteral("Empty draft"));
    PostMediaRef image;
    image.path = QStringLiteral("/tmp/a.png");
    d.media = { image, image };
    QVERIFY(PostDraftModel::title(d).contains(QLatin1String("2")));
    // Remote-looking markup stays text.
    d.text = QStringLiteral("<b>bold</b>");
    QCOMPARE(PostDraftModel::title(d), QStringLiteral("<b>bold</b>"));
}

void TstPostDraftModel::accountNames()
{
    Account a;
    a.id = AccountA;
    a.name = QStringLiteral("Camille Laurent");
    a.isActive = true;
    create(QStringLiteral("post"));
    PostDraftModel model(m_drafts.get(), m_accounts.get(), { Draft::State::Draft });
    QCOMPARE(model.index(0).data(PostDraftModel::AccountNameRole).toString(), AccountA);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_accounts->upsert(a));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0).data(PostDraftModel::AccountNameRole).toString(),
        QStringLiteral("Camille Laurent"));
}

QTEST_GUILESS_MAIN(TstPostDraftModel)
#include "tst_postdraftmodel.moc"
