// Post drafts, the scheduled queue and the published history (issue 7).
#include "draftrepository.h"

#include "database.h"
#include "storeutil_p.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ld {

namespace {

const QString kDraftColumns = QStringLiteral(
    "id, account_id, company_url, text, media, state, scheduled_at, outbox_id, error_message, "
    "created_at, updated_at, deleted_at");

const QString kPublishedColumns = QStringLiteral(
    "id, draft_id, account_id, company_url, text, post_url, post_urn, media_count, credits, "
    "published_at");

QString mediaToSql(const QList<PostMediaRef> &media)
{
    QJsonArray array;
    for (const PostMediaRef &m : media)
        array.append(m.toJson());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<PostMediaRef> mediaFromSql(const QVariant &v)
{
    QList<PostMediaRef> out;
    const QJsonArray array = QJsonDocument::fromJson(v.toString().toUtf8()).array();
    for (const QJsonValue &item : array) {
        const PostMediaRef ref = PostMediaRef::fromJson(item.toObject());
        if (!ref.path.isEmpty())
            out << ref;
    }
    return out;
}

Draft draftFromRow(const QSqlQuery &q)
{
    Draft d;
    d.id = q.value(0).toLongLong();
    d.accountId = q.value(1).toString();
    d.companyUrl = q.value(2).toString();
    d.text = q.value(3).toString();
    d.media = mediaFromSql(q.value(4));
    // A state this version does not know (a newer build wrote it): it may concern a request
    // already made, so it reads as Unknown — never edited, never published again on its own.
    d.state = Draft::stateFromName(q.value(5).toString()).value_or(Draft::State::Unknown);
    d.scheduledAt = store::timeFromSql(q.value(6));
    d.outboxId = q.value(7).toLongLong();
    d.errorMessage = q.value(8).toString();
    d.createdAt = store::timeFromSql(q.value(9));
    d.updatedAt = store::timeFromSql(q.value(10));
    d.deletedAt = store::timeFromSql(q.value(11));
    return d;
}

PublishedPostRecord publishedFromRow(const QSqlQuery &q)
{
    PublishedPostRecord r;
    r.id = q.value(0).toLongLong();
    r.draftId = q.value(1).toLongLong();
    r.accountId = q.value(2).toString();
    r.companyUrl = q.value(3).toString();
    r.text = q.value(4).toString();
    r.postUrl = q.value(5).toString();
    r.postUrn = q.value(6).toString();
    r.mediaCount = q.value(7).toInt();
    r.credits = q.value(8).toInt();
    r.publishedAt = store::timeFromSql(q.value(9));
    return r;
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1Char(','));
}

// The states in which a draft is about to be sent. A deleted draft never enters them, so
// that deleting a scheduled post while its time comes can never publish it.
bool startsSending(Draft::State s)
{
    return s == Draft::State::Scheduled || s == Draft::State::Publishing;
}

} // namespace

QJsonObject PostMediaRef::toJson() const
{
    QJsonObject o { { QStringLiteral("path"), path } };
    if (!altText.isEmpty())
        o.insert(QStringLiteral("altText"), altText);
    if (isVideo)
        o.insert(QStringLiteral("isVideo"), true);
    return o;
}

PostMediaRef PostMediaRef::fromJson(const QJsonObject &o)
{
    PostMediaRef ref;
    ref.path = o.value(QStringLiteral("path")).toString();
    ref.altText = o.value(QStringLiteral("altText")).toString();
    ref.isVideo = o.value(QStringLiteral("isVideo")).toBool();
    return ref;
}

QString Draft::stateName(State s)
{
    switch (s) {
    case State::Draft:
        return QStringLiteral("draft");
    case State::Scheduled:
        return QStringLiteral("scheduled");
    case State::Publishing:
        return QStringLiteral("publishing");
    case State::Published:
        return QStringLiteral("published");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

std::optional<Draft::State> Draft::stateFromName(const QString &name)
{
    for (State s : { State::Draft, State::Scheduled, State::Publishing, State::Published,
             State::Failed, State::Unknown })
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

DraftRepository::DraftRepository(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{ }

qint64 DraftRepository::create(const Draft &draft)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO post_drafts (account_id, company_url, text, media, state, scheduled_at, "
        "outbox_id, error_message, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)"));
    store::bindAll(query,
        { store::orEmpty(draft.accountId), store::orEmpty(draft.companyUrl),
            store::orEmpty(draft.text), mediaToSql(draft.media), Draft::stateName(draft.state),
            store::timeToSql(draft.scheduledAt), draft.outboxId, store::orEmpty(draft.errorMessage),
            store::timeToSql(now), store::timeToSql(now) });
    if (!store::execOrWarn(query, "creating a post draft"))
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    Q_EMIT draftChanged(id);
    return id;
}

// The condition is in the UPDATE itself: a draft that another window scheduled or published a
// moment ago keeps what was scheduled or published, whatever this composer still holds.
bool DraftRepository::saveContent(const Draft &draft)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral(
        "UPDATE post_drafts SET account_id = ?, company_url = ?, text = ?, media = ?, "
        "updated_at = ? WHERE id = ? AND deleted_at IS NULL AND state IN (?, ?)"));
    store::bindAll(query,
        { store::orEmpty(draft.accountId), store::orEmpty(draft.companyUrl),
            store::orEmpty(draft.text), mediaToSql(draft.media),
            store::timeToSql(QDateTime::currentDateTimeUtc()), draft.id,
            Draft::stateName(Draft::State::Draft), Draft::stateName(Draft::State::Failed) });
    if (!store::execOrWarn(query, "saving a post draft") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT draftChanged(draft.id);
    return true;
}

std::optional<Draft> DraftRepository::find(qint64 id) const
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM post_drafts WHERE id = ?").arg(kDraftColumns));
    query.addBindValue(id);
    if (!store::execOrWarn(query, "reading a post draft") || !query.next())
        return std::nullopt;
    return draftFromRow(query);
}

QList<Draft> DraftRepository::list(
    const QList<Draft::State> &states, const QString &accountId) const
{
    QStringList where { QStringLiteral("deleted_at IS NULL") };
    if (!states.isEmpty())
        where << QStringLiteral("state IN (%1)").arg(placeholders(states.size()));
    if (!accountId.isEmpty())
        where << QStringLiteral("account_id = ?");
    const bool queue = states == QList<Draft::State> { Draft::State::Scheduled };
    const QString order
        = queue ? QStringLiteral("scheduled_at, id") : QStringLiteral("updated_at DESC, id DESC");
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT %1 FROM post_drafts WHERE %2 ORDER BY %3")
                      .arg(kDraftColumns, where.join(QStringLiteral(" AND ")), order));
    for (Draft::State s : states)
        query.addBindValue(Draft::stateName(s));
    if (!accountId.isEmpty())
        query.addBindValue(accountId);
    return store::readAll(query, "listing post drafts", draftFromRow);
}

qint64 DraftRepository::duplicate(qint64 id)
{
    const std::optional<Draft> original = find(id);
    if (!original)
        return 0;
    // The content only: the copy is a new Draft, with no schedule and no publish attempt.
    Draft copy;
    copy.accountId = original->accountId;
    copy.companyUrl = original->companyUrl;
    copy.text = original->text;
    copy.media = original->media;
    return create(copy);
}

// A draft being published is not removed: its request is out and its outcome still has to
// reach it (and the history).
bool DraftRepository::remove(qint64 id)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("UPDATE post_drafts SET deleted_at = ? WHERE id = ? AND "
                                 "deleted_at IS NULL AND state <> ?"));
    store::bindAll(query,
        { store::timeToSql(QDateTime::currentDateTimeUtc()), id,
            Draft::stateName(Draft::State::Publishing) });
    if (!store::execOrWarn(query, "removing a post draft") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT draftChanged(id);
    return true;
}

// updated_at is left alone, so a restored draft is back at its place in the list.
bool DraftRepository::restore(qint64 id)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral(
        "UPDATE post_drafts SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL"));
    query.addBindValue(id);
    if (!store::execOrWarn(query, "restoring a post draft") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT draftChanged(id);
    return true;
}

int DraftRepository::purgeDeleted(const QDateTime &deletedBefore)
{
    if (!deletedBefore.isValid())
        return 0;
    QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, false);
    if (!transaction.ok())
        return 0;
    const QVariant before = store::timeToSql(deletedBefore);
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT id FROM post_drafts WHERE deleted_at IS NOT NULL AND deleted_at < ?"));
    query.addBindValue(before);
    if (!store::execOrWarn(query, "finding deleted post drafts"))
        return 0;
    QList<qint64> ids;
    while (query.next())
        ids << query.value(0).toLongLong();
    query.prepare(
        QStringLiteral("DELETE FROM post_drafts WHERE deleted_at IS NOT NULL AND deleted_at < ?"));
    query.addBindValue(before);
    if (!store::execOrWarn(query, "purging deleted post drafts") || !transaction.commit())
        return 0;
    for (qint64 id : std::as_const(ids))
        Q_EMIT draftChanged(id);
    return static_cast<int>(ids.size());
}

// One statement whose WHERE holds the expected state, as RunRepository::transition(): of a
// scheduler and a person who both saw a draft Scheduled (one publishing it, one moving it back
// to Draft), exactly one wins. An outcome (Published, Failed, Unknown) is recorded on a
// deleted draft too; only the states that lead to a request refuse one.
bool DraftRepository::transition(qint64 id, Draft::State from, const Draft &next)
{
    QString sql = QStringLiteral(
        "UPDATE post_drafts SET state = ?, scheduled_at = ?, outbox_id = ?, error_message = ?, "
        "updated_at = ? WHERE id = ? AND state = ?");
    if (startsSending(next.state))
        sql += QStringLiteral(" AND deleted_at IS NULL");
    QSqlQuery query(m_db->connection());
    query.prepare(sql);
    store::bindAll(query,
        { Draft::stateName(next.state), store::timeToSql(next.scheduledAt), next.outboxId,
            store::orEmpty(next.errorMessage), store::timeToSql(QDateTime::currentDateTimeUtc()),
            id, Draft::stateName(from) });
    if (!store::execOrWarn(query, "changing a post draft's state") || query.numRowsAffected() != 1)
        return false;
    Q_EMIT draftChanged(id);
    return true;
}

// A draft is published once: recording it again (a restart that finishes what a killed run
// had recorded, or a person confirming an Unknown post the check then found) returns the
// first record, and only fills in a post URL that was missing. One INSERT … WHERE NOT EXISTS
// keeps two processes from both adding it (the unique index backs it up).
qint64 DraftRepository::recordPublished(const PublishedPostRecord &record)
{
    QSqlDatabase db = m_db->connection();
    store::Transaction transaction(db, false);
    if (!transaction.ok())
        return 0;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO published_posts (draft_id, account_id, company_url, text, post_url, "
        "post_urn, media_count, credits, published_at) SELECT ?,?,?,?,?,?,?,?,? WHERE ? = 0 OR "
        "NOT EXISTS (SELECT 1 FROM published_posts WHERE draft_id = ?)"));
    const QDateTime at
        = record.publishedAt.isValid() ? record.publishedAt : QDateTime::currentDateTimeUtc();
    store::bindAll(query,
        { record.draftId, store::orEmpty(record.accountId), store::orEmpty(record.companyUrl),
            store::orEmpty(record.text), store::orEmpty(record.postUrl),
            store::orEmpty(record.postUrn), record.mediaCount, record.credits, store::timeToSql(at),
            record.draftId, record.draftId });
    if (!store::execOrWarn(query, "recording a published post"))
        return 0;
    qint64 id = 0;
    if (query.numRowsAffected() == 1) {
        id = query.lastInsertId().toLongLong();
    } else {
        if (!record.postUrl.isEmpty()) {
            query.prepare(QStringLiteral("UPDATE published_posts SET post_url = ?, post_urn = ? "
                                         "WHERE draft_id = ? AND post_url = ''"));
            store::bindAll(
                query, { record.postUrl, store::orEmpty(record.postUrn), record.draftId });
            if (!store::execOrWarn(query, "completing a published post"))
                return 0;
        }
        query.prepare(QStringLiteral("SELECT id FROM published_posts WHERE draft_id = ?"));
        query.addBindValue(record.draftId);
        if (!store::execOrWarn(query, "finding a published post") || !query.next())
            return 0;
        id = query.value(0).toLongLong();
    }
    if (!transaction.commit())
        return 0;
    Q_EMIT historyChanged();
    return id;
}

QList<PublishedPostRecord> DraftRepository::history(const QString &accountId, int limit) const
{
    if (limit <= 0)
        return {};
    QSqlQuery query(m_db->connection());
    const QString where = accountId.isEmpty() ? QString() : QStringLiteral("WHERE account_id = ? ");
    query.prepare(QStringLiteral("SELECT %1 FROM published_posts %2ORDER BY published_at DESC, "
                                 "id DESC LIMIT ?")
                      .arg(kPublishedColumns, where));
    if (!accountId.isEmpty())
        query.addBindValue(accountId);
    query.addBindValue(limit);
    return store::readAll(query, "reading the post history", publishedFromRow);
}

std::optional<PublishedPostRecord> DraftRepository::publishedFor(qint64 draftId) const
{
    if (draftId == 0)
        return std::nullopt;
    QSqlQuery query(m_db->connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM published_posts WHERE draft_id = ?").arg(kPublishedColumns));
    query.addBindValue(draftId);
    if (!store::execOrWarn(query, "reading a published post") || !query.next())
        return std::nullopt;
    return publishedFromRow(query);
}

} // namespace ld
