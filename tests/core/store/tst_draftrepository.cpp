// Post drafts, the scheduled queue and the published history: drafts stored and read back
// exactly, the list orders, the autosave refused where the content may no longer change, soft
// delete with Undo and purge, and the compare-and-set transitions the publisher relies on.
#include "store/database.h"
#include "store/draftrepository.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;
using State = Draft::State;

class TstDraftRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void names();
    void mediaJson();
    void createAndFind();
    void saveContentOnlyWhileEditable_data();
    void saveContentOnlyWhileEditable();
    void saveContentRefusesDeletedAndMissing();
    void listNewestFirst();
    void listScheduledSoonestFirst();
    void listFiltersStatesAndAccount();
    void removeRestorePurge();
    void publishingDraftIsNotRemoved();
    void duplicateCopiesContentOnly();
    void transitionsAreCompareAndSet();
    void onlyOneOfTwoRepositoriesWins();
    void deletedDraftIsNeverSent();
    void unknownStateNameReadsAsUnknown();
    void historyNewestFirstAndPerAccount();
    void draftIsPublishedOnce();
    void textKeptExactly_data();
    void textKeptExactly();

private:
    qint64 createDraft(const QString &text, const QString &account = QStringLiteral("acc-1"),
        State state = State::Draft);
    void setColumn(qint64 id, const QString &column, const QString &value);
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DraftRepository> m_repo;
};

namespace {

const QDateTime t0(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);

QList<PostMediaRef> sampleMedia()
{
    PostMediaRef image;
    image.path = QStringLiteral("/home/ada/Pictures/launch «day».png");
    image.altText = QStringLiteral("The team on stage — 12 people");
    PostMediaRef second;
    second.path = QStringLiteral("/home/ada/Pictures/b.jpg");
    return { image, second };
}

QList<qint64> idsOf(const QList<Draft> &drafts)
{
    QList<qint64> out;
    for (const Draft &d : drafts)
        out << d.id;
    return out;
}

QList<qint64> idsOf(const QList<PublishedPostRecord> &records)
{
    QList<qint64> out;
    for (const PublishedPostRecord &r : records)
        out << r.id;
    return out;
}

Draft next(
    State state, const QDateTime &scheduledAt = {}, qint64 outboxId = 0, const QString &error = {})
{
    Draft d;
    d.state = state;
    d.scheduledAt = scheduledAt;
    d.outboxId = outboxId;
    d.errorMessage = error;
    return d;
}

PublishedPostRecord published(qint64 draftId, const QString &account, const QDateTime &at,
    const QString &url = QStringLiteral("https://www.linkedin.com/feed/update/urn:li:activity:1/"))
{
    PublishedPostRecord r;
    r.draftId = draftId;
    r.accountId = account;
    r.text = QStringLiteral("Posted ✓");
    r.postUrl = url;
    r.postUrn = url.isEmpty() ? QString() : QStringLiteral("urn:li:activity:1");
    r.mediaCount = 2;
    r.credits = 1;
    r.publishedAt = at;
    return r;
}

} // namespace

void TstDraftRepository::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
    m_repo = std::make_unique<DraftRepository>(m_db.get());
}

void TstDraftRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
}

qint64 TstDraftRepository::createDraft(const QString &text, const QString &account, State state)
{
    Draft d;
    d.accountId = account;
    d.text = text;
    d.state = state;
    if (state == State::Scheduled)
        d.scheduledAt = t0;
    return m_repo->create(d);
}

// Times are set by hand where the order is what is tested: two writes within the same
// millisecond would otherwise tie.
void TstDraftRepository::setColumn(qint64 id, const QString &column, const QString &value)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("UPDATE post_drafts SET %1 = ? WHERE id = ?").arg(column));
    q.addBindValue(value);
    q.addBindValue(id);
    QVERIFY(q.exec());
    QCOMPARE(q.numRowsAffected(), 1);
}

void TstDraftRepository::names()
{
    for (State s : { State::Draft, State::Scheduled, State::Publishing, State::Published,
             State::Failed, State::Unknown })
        QCOMPARE(Draft::stateFromName(Draft::stateName(s)), s);
    QCOMPARE(Draft::stateName(State::Publishing), QStringLiteral("publishing"));
    QVERIFY(!Draft::stateFromName(QStringLiteral("Draft")));
    QVERIFY(!Draft::stateFromName(QStringLiteral("archived")));

    Draft d;
    for (State s : { State::Draft, State::Failed })
        QVERIFY((d.state = s, d.isEditable()));
    for (State s : { State::Scheduled, State::Publishing, State::Published, State::Unknown })
        QVERIFY((d.state = s, !d.isEditable()));
}

void TstDraftRepository::mediaJson()
{
    PostMediaRef video;
    video.path = QStringLiteral("/tmp/clip.mp4");
    video.isVideo = true;
    const QJsonObject o = video.toJson();
    QCOMPARE(o.value(QStringLiteral("path")).toString(), video.path);
    QCOMPARE(o.value(QStringLiteral("isVideo")).toBool(), true);
    QCOMPARE(PostMediaRef::fromJson(o), video);
    for (const PostMediaRef &m : sampleMedia())
        QCOMPARE(PostMediaRef::fromJson(m.toJson()), m);
    QVERIFY(!(PostMediaRef::fromJson(sampleMedia().at(0).toJson()) == sampleMedia().at(1)));
}

void TstDraftRepository::createAndFind()
{
    QSignalSpy changed(m_repo.get(), &DraftRepository::draftChanged);
    Draft d;
    d.accountId = QStringLiteral("acc-1");
    d.companyUrl = QStringLiteral("https://www.linkedin.com/company/acme/");
    d.text = QStringLiteral("Launch day!\nSee the pictures.");
    d.media = sampleMedia();
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const qint64 id = m_repo->create(d);
    QVERIFY(id > 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), id);

    const auto found = m_repo->find(id);
    QVERIFY(found);
    QCOMPARE(found->id, id);
    QCOMPARE(found->accountId, d.accountId);
    QCOMPARE(found->companyUrl, d.companyUrl);
    QCOMPARE(found->text, d.text);
    QCOMPARE(found->media, d.media);
    QCOMPARE(found->state, State::Draft);
    QVERIFY(!found->scheduledAt.isValid());
    QCOMPARE(found->outboxId, qint64(0));
    QVERIFY(found->errorMessage.isEmpty());
    QVERIFY(found->createdAt >= before);
    QCOMPARE(found->updatedAt, found->createdAt);
    QVERIFY(!found->deletedAt.isValid());
    QVERIFY(!m_repo->find(id + 1));

    const qint64 other = createDraft(QStringLiteral("second"));
    QVERIFY(other > id);
}

void TstDraftRepository::saveContentOnlyWhileEditable_data()
{
    QTest::addColumn<State>("state");
    QTest::addColumn<bool>("saved");
    QTest::newRow("draft") << State::Draft << true;
    QTest::newRow("failed") << State::Failed << true;
    QTest::newRow("scheduled") << State::Scheduled << false;
    QTest::newRow("publishing") << State::Publishing << false;
    QTest::newRow("published") << State::Published << false;
    QTest::newRow("unknown") << State::Unknown << false;
}

void TstDraftRepository::saveContentOnlyWhileEditable()
{
    QFETCH(State, state);
    QFETCH(bool, saved);
    const qint64 id = createDraft(QStringLiteral("first words"), QStringLiteral("acc-1"), state);
    QVERIFY(id > 0);
    setColumn(id, QStringLiteral("updated_at"), QStringLiteral("2020-01-01T00:00:00.000Z"));
    QSignalSpy changed(m_repo.get(), &DraftRepository::draftChanged);

    Draft edit;
    edit.id = id;
    edit.accountId = QStringLiteral("acc-2");
    edit.companyUrl = QStringLiteral("https://www.linkedin.com/company/acme/");
    edit.text = QStringLiteral("first words, then more");
    edit.media = sampleMedia();
    edit.state = State::Draft; // ignored: the autosave never changes the state
    edit.scheduledAt = t0.addDays(1); // ignored too
    QCOMPARE(m_repo->saveContent(edit), saved);
    QCOMPARE(changed.count(), saved ? 1 : 0);

    const auto found = m_repo->find(id);
    QVERIFY(found);
    QCOMPARE(found->state, state);
    QCOMPARE(found->scheduledAt, state == State::Scheduled ? t0 : QDateTime());
    if (saved) {
        QCOMPARE(found->text, edit.text);
        QCOMPARE(found->accountId, edit.accountId);
        QCOMPARE(found->companyUrl, edit.companyUrl);
        QCOMPARE(found->media, edit.media);
        QVERIFY(found->updatedAt > QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
    } else {
        QCOMPARE(found->text, QStringLiteral("first words"));
        QCOMPARE(found->accountId, QStringLiteral("acc-1"));
        QVERIFY(found->media.isEmpty());
        QCOMPARE(found->updatedAt, QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
    }
}

void TstDraftRepository::saveContentRefusesDeletedAndMissing()
{
    const qint64 id = createDraft(QStringLiteral("to delete"));
    QVERIFY(m_repo->remove(id));
    Draft edit;
    edit.id = id;
    edit.text = QStringLiteral("typed after the delete");
    QVERIFY(!m_repo->saveContent(edit));
    QCOMPARE(m_repo->find(id)->text, QStringLiteral("to delete"));
    edit.id = id + 100;
    QVERIFY(!m_repo->saveContent(edit));
    QVERIFY(!m_repo->find(id + 100));
}

void TstDraftRepository::listNewestFirst()
{
    const qint64 a = createDraft(QStringLiteral("a"));
    const qint64 b = createDraft(QStringLiteral("b"));
    const qint64 c = createDraft(QStringLiteral("c"));
    setColumn(a, QStringLiteral("updated_at"), QStringLiteral("2020-04-01T09:00:00.000Z"));
    setColumn(b, QStringLiteral("updated_at"), QStringLiteral("2020-04-01T08:00:00.000Z"));
    setColumn(c, QStringLiteral("updated_at"), QStringLiteral("2020-04-01T10:00:00.000Z"));
    QCOMPARE(idsOf(m_repo->list()), (QList<qint64> { c, a, b }));

    // Saving b makes it the newest.
    Draft edit = *m_repo->find(b);
    edit.text = QStringLiteral("b, edited");
    QVERIFY(m_repo->saveContent(edit));
    QCOMPARE(idsOf(m_repo->list()), (QList<qint64> { b, c, a }));

    // Equal times: the later draft first, so the order is stable.
    setColumn(a, QStringLiteral("updated_at"), QStringLiteral("2020-04-01T10:00:00.000Z"));
    QCOMPARE(idsOf(m_repo->list({ State::Draft })), (QList<qint64> { b, c, a }));
}

void TstDraftRepository::listScheduledSoonestFirst()
{
    const qint64 late = createDraft(QStringLiteral("late"));
    const qint64 soon = createDraft(QStringLiteral("soon"));
    const qint64 middle = createDraft(QStringLiteral("middle"));
    const qint64 plain = createDraft(QStringLiteral("plain"));
    QVERIFY(m_repo->transition(late, State::Draft, next(State::Scheduled, t0.addDays(3))));
    QVERIFY(m_repo->transition(soon, State::Draft, next(State::Scheduled, t0.addSecs(60))));
    QVERIFY(m_repo->transition(middle, State::Draft, next(State::Scheduled, t0.addDays(1))));
    // The most recently changed is the latest: updatedAt order would differ.
    setColumn(late, QStringLiteral("updated_at"), QStringLiteral("2020-04-01T08:00:00.000Z"));
    setColumn(soon, QStringLiteral("updated_at"), QStringLiteral("2020-04-01T09:00:00.000Z"));
    setColumn(middle, QStringLiteral("updated_at"), QStringLiteral("2020-04-01T10:00:00.000Z"));
    setColumn(plain, QStringLiteral("updated_at"), QStringLiteral("2020-04-01T11:00:00.000Z"));

    const QList<Draft> queue = m_repo->list({ State::Scheduled });
    QCOMPARE(idsOf(queue), (QList<qint64> { soon, middle, late }));
    QCOMPARE(queue.at(0).scheduledAt, t0.addSecs(60));
    QCOMPARE(queue.at(2).scheduledAt, t0.addDays(3));
    // Any other selection is by updatedAt.
    QCOMPARE(idsOf(m_repo->list({ State::Scheduled, State::Draft })),
        (QList<qint64> { plain, middle, soon, late }));
}

void TstDraftRepository::listFiltersStatesAndAccount()
{
    const qint64 d1 = createDraft(QStringLiteral("d1"), QStringLiteral("acc-1"));
    const qint64 d2 = createDraft(QStringLiteral("d2"), QStringLiteral("acc-2"));
    const qint64 f1 = createDraft(QStringLiteral("f1"), QStringLiteral("acc-1"), State::Failed);
    const qint64 p1 = createDraft(QStringLiteral("p1"), QStringLiteral("acc-1"), State::Published);
    const qint64 gone = createDraft(QStringLiteral("gone"), QStringLiteral("acc-1"));
    QVERIFY(m_repo->remove(gone));

    auto sorted = [](QList<qint64> ids) {
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    QCOMPARE(sorted(idsOf(m_repo->list())), (QList<qint64> { d1, d2, f1, p1 }));
    QCOMPARE(sorted(idsOf(m_repo->list({ State::Draft, State::Failed }))),
        (QList<qint64> { d1, d2, f1 }));
    QCOMPARE(sorted(idsOf(m_repo->list({ State::Draft }, QStringLiteral("acc-1")))),
        (QList<qint64> { d1 }));
    QCOMPARE(
        sorted(idsOf(m_repo->list({}, QStringLiteral("acc-1")))), (QList<qint64> { d1, f1, p1 }));
    QVERIFY(m_repo->list({ State::Unknown }).isEmpty());
    QVERIFY(m_repo->list({}, QStringLiteral("acc-9")).isEmpty());
}

void TstDraftRepository::removeRestorePurge()
{
    const qint64 keep = createDraft(QStringLiteral("keep"));
    const qint64 old = createDraft(QStringLiteral("old"));
    const qint64 recent = createDraft(QStringLiteral("recent"));
    QSignalSpy changed(m_repo.get(), &DraftRepository::draftChanged);

    QVERIFY(m_repo->remove(old));
    QVERIFY(m_repo->remove(recent));
    QVERIFY(!m_repo->remove(recent)); // already deleted
    QVERIFY(!m_repo->remove(recent + 100));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(idsOf(m_repo->list()), (QList<qint64> { keep }));
    QVERIFY(m_repo->find(recent)->deletedAt.isValid()); // find() sees deleted ones

    // Undo.
    QVERIFY(m_repo->restore(recent));
    QVERIFY(!m_repo->restore(recent));
    QVERIFY(!m_repo->restore(keep)); // not deleted
    QVERIFY(!m_repo->find(recent)->deletedAt.isValid());
    QCOMPARE(m_repo->list().size(), 2);
    QCOMPARE(changed.count(), 3);

    QVERIFY(m_repo->remove(recent));
    setColumn(old, QStringLiteral("deleted_at"), QStringLiteral("2020-01-01T00:00:00.000Z"));
    changed.clear();
    QCOMPARE(m_repo->purgeDeleted(QDateTime(QDate(2020, 2, 1), QTime(0, 0), Qt::UTC)), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), old);
    QVERIFY(!m_repo->find(old));
    QVERIFY(m_repo->find(recent)); // deleted after the cut-off: kept for now
    QVERIFY(!m_repo->restore(old));
    QCOMPARE(m_repo->purgeDeleted(QDateTime::currentDateTimeUtc().addSecs(1)), 1);
    QVERIFY(!m_repo->find(recent));
    QVERIFY(m_repo->find(keep)); // never deleted: never purged
    QCOMPARE(m_repo->purgeDeleted(QDateTime::currentDateTimeUtc().addSecs(1)), 0);
}

void TstDraftRepository::publishingDraftIsNotRemoved()
{
    const qint64 id = createDraft(QStringLiteral("in flight"));
    QVERIFY(m_repo->transition(id, State::Draft, next(State::Publishing, {}, 7)));
    QVERIFY(!m_repo->remove(id));
    QCOMPARE(m_repo->list().size(), 1);
    QVERIFY(m_repo->transition(id, State::Publishing,
        next(State::Unknown, {}, 7, QStringLiteral("No answer came back."))));
    QVERIFY(m_repo->remove(id)); // the person may put an Unknown one away
}

void TstDraftRepository::duplicateCopiesContentOnly()
{
    Draft d;
    d.accountId = QStringLiteral("acc-1");
    d.companyUrl = QStringLiteral("https://www.linkedin.com/company/acme/");
    d.text = QStringLiteral("Once more 🎉");
    d.media = sampleMedia();
    const qint64 id = m_repo->create(d);
    QVERIFY(m_repo->transition(id, State::Draft, next(State::Publishing, {}, 12)));
    QVERIFY(m_repo->transition(id, State::Publishing,
        next(State::Failed, {}, 12, QStringLiteral("LinkedIn refused the image."))));

    QSignalSpy changed(m_repo.get(), &DraftRepository::draftChanged);
    const qint64 copyId = m_repo->duplicate(id);
    QVERIFY(copyId > id);
    QCOMPARE(changed.count(), 1);
    const auto copy = m_repo->find(copyId);
    QVERIFY(copy);
    QCOMPARE(copy->accountId, d.accountId);
    QCOMPARE(copy->companyUrl, d.companyUrl);
    QCOMPARE(copy->text, d.text);
    QCOMPARE(copy->media, d.media);
    QCOMPARE(copy->state, State::Draft);
    QCOMPARE(copy->outboxId, qint64(0));
    QVERIFY(copy->errorMessage.isEmpty());
    QVERIFY(!copy->scheduledAt.isValid());
    QCOMPARE(m_repo->find(id)->state, State::Failed); // the original is untouched
    QCOMPARE(m_repo->duplicate(id + 100), qint64(0));
}

void TstDraftRepository::transitionsAreCompareAndSet()
{
    const qint64 id = createDraft(QStringLiteral("scheduled post"));
    QSignalSpy changed(m_repo.get(), &DraftRepository::draftChanged);
    QVERIFY(m_repo->transition(id, State::Draft, next(State::Scheduled, t0)));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!m_repo->transition(id, State::Draft, next(State::Scheduled, t0.addDays(1))));
    QCOMPARE(m_repo->find(id)->scheduledAt, t0); // the stale attempt changed nothing
    QCOMPARE(changed.count(), 1);

    // Rescheduling is a transition to the same state.
    QVERIFY(m_repo->transition(id, State::Scheduled, next(State::Scheduled, t0.addDays(2))));
    QCOMPARE(m_repo->find(id)->scheduledAt, t0.addDays(2));

    QVERIFY(m_repo->transition(id, State::Scheduled, next(State::Publishing, t0.addDays(2), 41)));
    auto d = m_repo->find(id);
    QCOMPARE(d->state, State::Publishing);
    QCOMPARE(d->outboxId, qint64(41));
    QCOMPARE(d->scheduledAt, t0.addDays(2)); // kept for the history

    QVERIFY(!m_repo->transition(id, State::Scheduled, next(State::Draft)));
    QVERIFY(m_repo->transition(id, State::Publishing,
        next(State::Unknown, t0.addDays(2), 41, QStringLiteral("The request timed out."))));
    d = m_repo->find(id);
    QCOMPARE(d->state, State::Unknown);
    QCOMPARE(d->errorMessage, QStringLiteral("The request timed out."));
    QVERIFY(!m_repo->transition(id, State::Publishing, next(State::Failed)));
    QVERIFY(m_repo->transition(id, State::Unknown, next(State::Published, t0.addDays(2), 41)));
    d = m_repo->find(id);
    QCOMPARE(d->state, State::Published);
    QVERIFY(d->errorMessage.isEmpty());
    QVERIFY(!m_repo->transition(id + 100, State::Draft, next(State::Scheduled, t0)));
}

void TstDraftRepository::onlyOneOfTwoRepositoriesWins()
{
    // The scheduler and a person (or two processes on the profile) who both saw it Scheduled.
    const qint64 id
        = createDraft(QStringLiteral("due now"), QStringLiteral("acc-1"), State::Scheduled);
    DraftRepository other(m_db.get());
    const bool first = m_repo->transition(id, State::Scheduled, next(State::Publishing, t0, 5));
    const bool second = other.transition(id, State::Scheduled, next(State::Draft));
    QVERIFY(first);
    QVERIFY(!second);
    QCOMPARE(other.find(id)->state, State::Publishing);
    QCOMPARE(other.find(id)->outboxId, qint64(5));
}

void TstDraftRepository::deletedDraftIsNeverSent()
{
    const qint64 id = createDraft(
        QStringLiteral("deleted while due"), QStringLiteral("acc-1"), State::Scheduled);
    QVERIFY(m_repo->remove(id));
    QVERIFY(!m_repo->transition(id, State::Scheduled, next(State::Publishing, t0, 5)));
    QVERIFY(!m_repo->transition(id, State::Scheduled, next(State::Scheduled, t0.addDays(1))));
    QCOMPARE(m_repo->find(id)->state, State::Scheduled);
    // Moving it out of the queue is not sending: allowed.
    QVERIFY(m_repo->transition(id, State::Scheduled, next(State::Draft)));

    // An outcome still reaches a deleted draft: the request was already made.
    const qint64 sent = createDraft(QStringLiteral("sent"));
    QVERIFY(m_repo->transition(sent, State::Draft, next(State::Publishing, {}, 6)));
    QVERIFY(m_repo->transition(sent, State::Publishing,
        next(State::Unknown, {}, 6, QStringLiteral("No answer came back."))));
    QVERIFY(m_repo->remove(sent));
    QVERIFY(m_repo->transition(sent, State::Unknown, next(State::Published, {}, 6)));
    QCOMPARE(m_repo->find(sent)->state, State::Published);
}

void TstDraftRepository::unknownStateNameReadsAsUnknown()
{
    const qint64 id = createDraft(QStringLiteral("from a newer build"));
    setColumn(id, QStringLiteral("state"), QStringLiteral("awaiting_review"));
    const auto d = m_repo->find(id);
    QVERIFY(d);
    QCOMPARE(d->state, State::Unknown);
    QVERIFY(!d->isEditable());
    Draft edit = *d;
    edit.text = QStringLiteral("overwritten?");
    QVERIFY(!m_repo->saveContent(edit));
    QCOMPARE(m_repo->list().size(), 1);
    QVERIFY(m_repo->list({ State::Unknown }).isEmpty()); // stored as another name
}

void TstDraftRepository::historyNewestFirstAndPerAccount()
{
    QSignalSpy changed(m_repo.get(), &DraftRepository::historyChanged);
    const qint64 a = m_repo->recordPublished(published(1, QStringLiteral("acc-1"), t0));
    const qint64 b
        = m_repo->recordPublished(published(2, QStringLiteral("acc-2"), t0.addSecs(120)));
    const qint64 c = m_repo->recordPublished(published(3, QStringLiteral("acc-1"), t0.addSecs(60)));
    QVERIFY(a > 0 && b > 0 && c > 0);
    QCOMPARE(changed.count(), 3);

    QCOMPARE(idsOf(m_repo->history()), (QList<qint64> { b, c, a }));
    QCOMPARE(idsOf(m_repo->history(QStringLiteral("acc-1"))), (QList<qint64> { c, a }));
    QCOMPARE(idsOf(m_repo->history({}, 2)), (QList<qint64> { b, c }));
    QVERIFY(m_repo->history(QStringLiteral("acc-9")).isEmpty());
    QVERIFY(m_repo->history({}, 0).isEmpty());

    const PublishedPostRecord r = m_repo->history(QStringLiteral("acc-2")).constFirst();
    QCOMPARE(r.draftId, qint64(2));
    QCOMPARE(r.accountId, QStringLiteral("acc-2"));
    QCOMPARE(r.text, QStringLiteral("Posted ✓"));
    QCOMPARE(r.postUrl, QStringLiteral("https://www.linkedin.com/feed/update/urn:li:activity:1/"));
    QCOMPARE(r.postUrn, QStringLiteral("urn:li:activity:1"));
    QCOMPARE(r.mediaCount, 2);
    QCOMPARE(r.credits, 1);
    QCOMPARE(r.publishedAt, t0.addSecs(120));

    QCOMPARE(m_repo->publishedFor(3)->id, c);
    QVERIFY(!m_repo->publishedFor(4));
    QVERIFY(!m_repo->publishedFor(0));
}

void TstDraftRepository::draftIsPublishedOnce()
{
    // Confirmed by hand first (no URL), then found by a check: one record, the URL filled in.
    const qint64 first = m_repo->recordPublished(published(9, QStringLiteral("acc-1"), t0, {}));
    QVERIFY(first > 0);
    QVERIFY(m_repo->publishedFor(9)->postUrl.isEmpty());
    const qint64 again
        = m_repo->recordPublished(published(9, QStringLiteral("acc-1"), t0.addSecs(5)));
    QCOMPARE(again, first);
    QCOMPARE(m_repo->history().size(), 1);
    QCOMPARE(m_repo->publishedFor(9)->postUrn, QStringLiteral("urn:li:activity:1"));
    QCOMPARE(m_repo->publishedFor(9)->publishedAt, t0);
    // A known URL is never replaced.
    PublishedPostRecord other = published(9, QStringLiteral("acc-1"), t0,
        QStringLiteral("https://www.linkedin.com/feed/update/urn:li:activity:2/"));
    QCOMPARE(m_repo->recordPublished(other), first);
    QCOMPARE(m_repo->publishedFor(9)->postUrl,
        QStringLiteral("https://www.linkedin.com/feed/update/urn:li:activity:1/"));

    // Posts made without a draft (linkupctl post) are each their own record.
    QVERIFY(m_repo->recordPublished(published(0, QStringLiteral("acc-1"), t0)) > 0);
    QVERIFY(m_repo->recordPublished(published(0, QStringLiteral("acc-1"), t0)) > 0);
    QCOMPARE(m_repo->history().size(), 3);
}

void TstDraftRepository::textKeptExactly_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("emoji") << QStringLiteral(
        "Launch 🚀 with the 👩‍👩‍👧‍👦 team 🇫🇷 ✔️");
    QTest::newRow("rtl") << QStringLiteral("مرحبا بالعالم — שלום עולם \u200fand back\u200e (123)");
    QTest::newRow("combining") << QStringLiteral("Zoe\u0308 cafe\u0301 n\u0303");
    QTest::newRow("whitespace") << QStringLiteral("  line one\r\n\tline two  \n\n");
    QTest::newRow("quotes") << QStringLiteral("it's \"quoted\" ; DROP TABLE post_drafts; --");
    QString big;
    const QString chunk = QStringLiteral("Fünfzig KB 😀 שלום. ");
    while (big.toUtf8().size() < 50 * 1024)
        big += chunk;
    QTest::newRow("50 KB") << big;
}

void TstDraftRepository::textKeptExactly()
{
    QFETCH(QString, text);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("linkup-desk.sqlite"));
    qint64 created = 0;
    qint64 saved = 0;
    {
        Database db;
        QVERIFY(db.open(path));
        DraftRepository repo(&db);
        Draft d;
        d.accountId = QStringLiteral("acc-1");
        d.text = text;
        created = repo.create(d);
        QVERIFY(created > 0);
        Draft edit;
        edit.text = QStringLiteral("x");
        saved = repo.create(edit);
        edit.id = saved;
        edit.text = text;
        QVERIFY(repo.saveContent(edit));
        PublishedPostRecord r = published(created, QStringLiteral("acc-1"), t0);
        r.text = text;
        QVERIFY(repo.recordPublished(r) > 0);
    }
    // Read back by another connection, as after a restart.
    Database db;
    QVERIFY(db.open(path));
    DraftRepository repo(&db);
    QCOMPARE(repo.find(created)->text, text);
    QCOMPARE(repo.find(saved)->text, text);
    QCOMPARE(repo.publishedFor(created)->text, text);
}

QTEST_GUILESS_MAIN(TstDraftRepository)
#include "tst_draftrepository.moc"
