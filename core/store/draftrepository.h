#pragma once
// Post drafts, the scheduled queue and the published history (issue 7 §3, §4, §5).
//
// A draft is everything the composer shows: account, company page, text and the media by file
// path (never the file bytes; they are read when the post is sent). Its state follows the post:
// Draft → (Scheduled →) Publishing → Published | Failed | Unknown, each change a
// compare-and-set. The publishing itself is an outbox item of kind "post" (OutboxRepository),
// stored before the request leaves: Draft::outboxId links them. Deleting a draft is soft
// (deletedAt) so that Undo is cheap; purgeDeleted() forgets old ones.
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <optional>

namespace ld {

class Database;

struct PostMediaRef
{
    QString path;    // local file, absolute
    QString altText; // images
    bool isVideo = false;

    QJsonObject toJson() const;
    static PostMediaRef fromJson(const QJsonObject &o);
    bool operator==(const PostMediaRef &o) const
    {
        return path == o.path && altText == o.altText && isVideo == o.isVideo;
    }
};

struct Draft
{
    // Draft: being written. Scheduled: waits for scheduledAt. Publishing: its create request
    // is stored or in flight. Published: done (see the history). Failed: the request surely
    // did not publish it (errorMessage says why); it may be published again. Unknown: the
    // request may or may not have published it (timeout, 5xx, killed while in flight): never
    // published again without the person, who checks on LinkedIn first.
    enum class State { Draft, Scheduled, Publishing, Published, Failed, Unknown };

    qint64 id = 0;
    QString accountId;
    QString companyUrl;   // empty: a personal post
    QString text;
    QList<PostMediaRef> media;
    State state = State::Draft;
    QDateTime scheduledAt; // UTC; Scheduled (kept after publishing, for the history)
    qint64 outboxId = 0;   // the "post" outbox item of the last publish attempt; 0: none
    QString errorMessage;  // Failed, Unknown: a sentence
    QDateTime createdAt;   // UTC
    QDateTime updatedAt;   // last content or state change
    QDateTime deletedAt;   // soft delete; invalid when not deleted

    static QString stateName(State s); // "draft", "scheduled", "publishing", "published", "failed", "unknown"
    static std::optional<State> stateFromName(const QString &name);
    // Whether the composer may still change the content: Draft, Failed.
    bool isEditable() const { return state == State::Draft || state == State::Failed; }
};

// One published post (issue 7 §5): what the history shows.
struct PublishedPostRecord
{
    qint64 id = 0;
    qint64 draftId = 0;
    QString accountId;
    QString companyUrl;
    QString text;
    QString postUrl;  // may be empty when the person confirmed an Unknown post by hand
    QString postUrn;
    int mediaCount = 0;
    int credits = 0;
    QDateTime publishedAt; // UTC
};

class DraftRepository : public QObject
{
    Q_OBJECT
public:
    explicit DraftRepository(Database *db, QObject *parent = nullptr);

    qint64 create(const Draft &draft); // returns the id (createdAt/updatedAt set here), 0 on failure
    // The autosave: account, company, text and media of an editable draft (Draft or Failed);
    // false when the draft is gone, deleted or no longer editable. Cheap: one UPDATE.
    bool saveContent(const Draft &draft);
    std::optional<Draft> find(qint64 id) const; // deleted ones included
    // Not deleted, in any of `states` (all when empty), newest updatedAt first; Scheduled
    // ones are listed by scheduledAt, soonest first, when states == {Scheduled}.
    QList<Draft> list(const QList<Draft::State> &states = {}, const QString &accountId = {}) const;
    qint64 duplicate(qint64 id); // a new Draft with the same content; 0 on failure
    bool remove(qint64 id);      // soft delete
    bool restore(qint64 id);     // undo of remove
    int purgeDeleted(const QDateTime &deletedBefore);

    // Compare-and-set: moves `id` from `from` to next.state with next's scheduledAt, outboxId
    // and errorMessage, only if it is still in `from`. false otherwise.
    bool transition(qint64 id, Draft::State from, const Draft &next);

    qint64 recordPublished(const PublishedPostRecord &record); // returns its id
    QList<PublishedPostRecord> history(const QString &accountId = {}, int limit = 200) const; // newest first
    std::optional<PublishedPostRecord> publishedFor(qint64 draftId) const;

Q_SIGNALS:
    void draftChanged(qint64 id); // created, saved, state changed, removed or restored
    void historyChanged();

private:
    Database *m_db;
};

} // namespace ld
