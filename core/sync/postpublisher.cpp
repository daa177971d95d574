#include "postpublisher.h"

#include "outbox_p.h"
#include "postpublisher_p.h"
#include "processalive_p.h"

#include "api/apicall.h"
#include "domain/post.h"
#include "services/contentservice.h"
#include "support/appsettings.h"
#include "support/logging.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QTimer>

namespace ld {

namespace post {

const QString kPostKind = QStringLiteral("post");
const QString kDraftId = QStringLiteral("draft_id");
const QString kPostUrl = QStringLiteral("post_url");
const QString kCredits = QStringLiteral("credits");

bool sendingElsewhere(const OutboxItem &item)
{
    return sync::otherProcessAlive(item.payload.value(outbox::kSendingPid).toInteger(),
        item.payload.value(outbox::kSendingHost).toString());
}

} // namespace post

using namespace post;

namespace {

const QString kConfirmedByPerson = QStringLiteral("confirmed_by_person");

// Contract §6.1: a create costs one credit. An Unknown answer carried no metadata, so a post
// the person confirms by hand is recorded at that price.
constexpr int kCreateCredits = 1;

// The draft's media, read from disk now (a file may have changed since it was attached).
bool loadMedia(const Draft &draft, QList<PostMedia> *media, QString *error)
{
    for (const PostMediaRef &ref : draft.media) {
        std::optional<PostMedia> loaded = PostMedia::load(ref.path, ref.altText, error);
        if (!loaded)
            return false;
        if (media)
            media->append(std::move(*loaded));
    }
    return true;
}

} // namespace

PostPublisher::PostPublisher(ContentService *content, DraftRepository *drafts,
    OutboxRepository *items, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_content(content)
    , m_drafts(drafts)
    , m_items(items)
    , m_settings(settings)
    , m_scheduleTimer(new QTimer(this))
{
    m_scheduleTimer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; a scheduled post should not leave before its time.
    m_scheduleTimer->setTimerType(Qt::PreciseTimer);
    connect(m_scheduleTimer, &QTimer::timeout, this, &PostPublisher::onScheduleTimer);
    // Any change may add, move or remove a scheduled post (here, in the composer, or in
    // another process writing the same store through this repository).
    connect(m_drafts, &DraftRepository::draftChanged, this, &PostPublisher::armScheduleTimer);
}

// Calls still in flight are left to the client: their items stay Sending under this pid, and
// the next resume() makes them Unknown.
PostPublisher::~PostPublisher() = default;

int PostPublisher::dailyCap() const
{
    return m_settings ? m_settings->pacing().postsPerDay : PacingLimits().postsPerDay;
}

int PostPublisher::postsToday(const QString &accountId) const
{
    return m_items->countSentSince(accountId, kPostKind, sync::localMidnight());
}

QString PostPublisher::capRefusal(const QString &accountId, bool countQueued) const
{
    const int used = postsToday(accountId);
    const int cap = dailyCap();
    int queued = 0;
    if (countQueued) {
        const QList<OutboxItem> waiting
            = m_items->inStates({ OutboxItem::State::Queued }, kPostKind);
        for (const OutboxItem &item : waiting)
            queued += item.accountId == accountId ? 1 : 0;
    }
    if (used + queued < cap)
        return {};
    if (queued == 0)
        return tr("Daily limit reached for this account: %1 of %2 posts published today. The "
                  "limit resets at midnight; change it in Settings.")
            .arg(used)
            .arg(cap);
    return tr("Daily limit reached for this account: %1 of %2 posts published today and %3 being "
              "published. The limit resets at midnight; change it in Settings.")
        .arg(used)
        .arg(cap)
        .arg(queued);
}

QString PostPublisher::contentProblem(const Draft &draft) const
{
    if (draft.accountId.isEmpty())
        return tr("Choose the account to publish the post from.");
    const QString text = PostText::problem(draft.text, !draft.media.isEmpty());
    if (!text.isEmpty())
        return text;
    PostContent content;
    content.text = draft.text;
    content.companyUrl = draft.companyUrl;
    QString error;
    if (!loadMedia(draft, &content.media, &error))
        return error;
    return content.problem();
}

QString PostPublisher::check(const Draft &draft) const
{
    const QString problem = contentProblem(draft);
    if (!problem.isEmpty())
        return problem;
    return capRefusal(draft.accountId, true);
}

namespace post {

QString stateRefusal(const std::optional<Draft> &draft, bool scheduledAllowed)
{
    if (!draft)
        return PostPublisher::tr("This draft no longer exists.");
    if (draft->deletedAt.isValid())
        return PostPublisher::tr("This draft was deleted: restore it first.");
    switch (draft->state) {
    case Draft::State::Draft:
    case Draft::State::Failed:
        return {};
    case Draft::State::Scheduled:
        return scheduledAllowed ? QString()
                                : PostPublisher::tr("This post is scheduled: unschedule it first.");
    case Draft::State::Publishing:
        return PostPublisher::tr("This post is already being published.");
    case Draft::State::Published:
        return PostPublisher::tr(
            "This post is already published. Duplicate it to publish it again.");
    case Draft::State::Unknown:
        return PostPublisher::tr(
            "This post may already be on LinkedIn. Check the account's posts, then confirm "
            "whether it appeared before publishing it again.");
    }
    return {};
}

} // namespace post

bool PostPublisher::publishNow(qint64 draftId, QString *refusal)
{
    auto refuse = [refusal](const QString &why) {
        if (refusal)
            *refusal = why;
        return false;
    };
    // A Scheduled draft may be published now: that is how the person answers missed().
    const std::optional<Draft> draft = m_drafts->find(draftId);
    QString why = stateRefusal(draft, true);
    if (why.isEmpty())
        why = check(*draft);
    if (!why.isEmpty())
        return refuse(why);
    if (refusal)
        refusal->clear();
    return startPublishing(*draft, refusal);
}

bool PostPublisher::publishAgain(qint64 draftId, QString *refusal)
{
    const std::optional<Draft> draft = m_drafts->find(draftId);
    if (draft && draft->state != Draft::State::Failed) {
        if (refusal)
            *refusal = stateRefusal(draft, false);
        if (refusal && refusal->isEmpty())
            *refusal = tr("Only a post that failed can be published again.");
        return false;
    }
    return publishNow(draftId, refusal);
}

bool PostPublisher::startPublishing(const Draft &draft, QString *refusal)
{
    OutboxItem item;
    item.kind = kPostKind;
    item.accountId = draft.accountId;
    item.target = draft.companyUrl;
    item.payload = QJsonObject { { kDraftId, draft.id } }; // never the file bytes
    item.createdAt = QDateTime::currentDateTimeUtc();
    item.sendAfter = item.createdAt;
    item.id = m_items->enqueue(item);
    if (item.id == 0) {
        if (refusal)
            *refusal = tr("The post could not be saved, so it was not published. Check that the "
                          "disk is not full, then try again.");
        return false;
    }
    Draft next = draft;
    next.state = Draft::State::Publishing;
    next.outboxId = item.id;
    next.errorMessage.clear();
    if (!m_drafts->transition(draft.id, draft.state, next)) {
        // Changed meanwhile (another process published it, or it was edited): the item goes.
        OutboxItem cancelled = item;
        cancelled.state = OutboxItem::State::Cancelled;
        m_items->transition(item.id, OutboxItem::State::Queued, cancelled);
        if (refusal)
            *refusal = tr("This draft changed while it was being published, so nothing was "
                          "sent. Look at it again, then publish it.");
        return false;
    }
    Q_EMIT draftStateChanged(draft.id, next.state);
    send(draft.id, item.id);
    return true;
}

bool PostPublisher::moveDraft(const Draft &draft, Draft::State to, const QString &errorMessage)
{
    Draft next = draft;
    next.state = to;
    next.errorMessage = errorMessage;
    if (!m_drafts->transition(draft.id, draft.state, next))
        return false;
    Q_EMIT draftStateChanged(draft.id, to);
    if (to == Draft::State::Failed || to == Draft::State::Unknown)
        Q_EMIT failed(draft.id, errorMessage);
    return true;
}

void PostPublisher::failUnsent(const Draft &draft, const OutboxItem &item, const QString &why)
{
    OutboxItem next = item;
    next.state = OutboxItem::State::Failed;
    next.errorCode = QStringLiteral("NOT_SENT");
    next.errorMessage = why;
    if (!m_items->transition(item.id, OutboxItem::State::Queued, next))
        return; // another process took it
    moveDraft(draft, Draft::State::Failed, why);
}

void PostPublisher::send(qint64 draftId, qint64 itemId)
{
    const std::optional<OutboxItem> item = m_items->find(itemId);
    if (!item || item->state != OutboxItem::State::Queued)
        return; // another process took it, or it was cancelled
    const std::optional<Draft> draft = m_drafts->find(draftId);
    if (!draft || draft->state != Draft::State::Publishing || draft->outboxId != itemId) {
        // The draft no longer waits for this item (it moved on in another process).
        OutboxItem cancelled = *item;
        cancelled.state = OutboxItem::State::Cancelled;
        m_items->transition(itemId, OutboxItem::State::Queued, cancelled);
        return;
    }
    if (draft->deletedAt.isValid())
        return failUnsent(*draft, *item,
            tr("The draft was deleted before its post left, so nothing was published."));

    // The files are read now, not when they were attached: one may be gone or have grown.
    PostContent content;
    content.text = draft->text;
    content.companyUrl = draft->companyUrl;
    QString why;
    if (!loadMedia(*draft, &content.media, &why))
        return failUnsent(*draft, *item, why);
    why = content.problem();
    if (why.isEmpty())
        why = capRefusal(draft->accountId, false);
    if (!why.isEmpty())
        return failUnsent(*draft, *item, why);

    OutboxItem next = *item;
    next.state = OutboxItem::State::Sending;
    next.attempts = item->attempts + 1;
    next.sentAt = QDateTime::currentDateTimeUtc();
    // Lets resume() in another process tell a publish in progress from one whose process died.
    next.payload.insert(outbox::kSendingPid, QCoreApplication::applicationPid());
    next.payload.insert(outbox::kSendingHost, QSysInfo::machineHostName());
    // The compare-and-set is the guarantee: of every process holding this item, exactly one
    // moves it out of Queued, and only that one sends.
    if (!m_items->transition(itemId, OutboxItem::State::Queued, next))
        return;

    ApiCall *call = m_content->create(draft->accountId, content);
    m_inFlight.insert(draftId, call);
    connect(call, &ApiCall::done, this,
        [this, draftId, itemId, call] { onCreateDone(draftId, itemId, call); });
}

void PostPublisher::onCreateDone(qint64 draftId, qint64 itemId, ApiCall *call)
{
    m_inFlight.remove(draftId);
    const std::optional<OutboxItem> item = m_items->find(itemId);
    if (!item) {
        qCWarning(lcSync) << "post item" << itemId << "vanished while its request ran";
        return;
    }
    OutboxItem next = *item;
    if (call->state() == ApiCall::State::Succeeded) {
        next.state = OutboxItem::State::Sent;
        next.errorCode.clear();
        next.errorMessage.clear();
        // The post is on LinkedIn whatever the data says; a missing URL only leaves the
        // history without its link.
        const Decoded<PublishedPost> post = PublishedPost::fromJson(call->data());
        if (post.ok()) {
            next.resultId = post.value.postUrn;
            next.payload.insert(kPostUrl, post.value.postUrl);
        } else {
            qCWarning(lcSync) << "post" << draftId << "published, but its answer did not decode";
        }
        next.payload.insert(kCredits, call->creditsConsumed());
    } else {
        const ApiError error = call->error();
        // An aborted call may have been written already: as uncertain as a timeout.
        const bool mayHaveLeft = error.isAmbiguous() || error.kind == ApiError::Kind::Aborted;
        next.state = mayHaveLeft ? OutboxItem::State::Unknown : OutboxItem::State::Failed;
        next.errorCode = error.code.isEmpty() ? ApiError::kindName(error.kind) : error.code;
        next.errorMessage = error.userMessage();
        if (mayHaveLeft)
            next.errorMessage += QLatin1Char(' ')
                + tr("The post may have been published: check the account's posts on LinkedIn, "
                     "then confirm whether it appeared. LinkUp Desk never publishes it again on "
                     "its own.");
    }
    // resume() in another process may have made it Unknown meanwhile: what this process learnt
    // from its own reply is still the truth about that request.
    bool settled = false;
    for (OutboxItem::State from : { OutboxItem::State::Sending, OutboxItem::State::Unknown })
        settled = settled || m_items->transition(itemId, from, next);
    if (!settled) {
        qCWarning(lcSync) << "post item" << itemId << "changed while its request ran";
        return;
    }
    if (next.state == OutboxItem::State::Sent)
        return finishPublished(draftId, next);
    const std::optional<Draft> draft = m_drafts->find(draftId);
    if (!draft || draft->outboxId != itemId
        || (draft->state != Draft::State::Publishing && draft->state != Draft::State::Unknown))
        return;
    moveDraft(*draft,
        next.state == OutboxItem::State::Unknown ? Draft::State::Unknown : Draft::State::Failed,
        next.errorMessage);
}

// The item is Sent: the history gets the post (once) and the draft becomes Published. Also
// finishes what a crash between these writes left behind (see resume()).
void PostPublisher::finishPublished(qint64 draftId, const OutboxItem &item)
{
    const std::optional<Draft> draft = m_drafts->find(draftId);
    if (!draft || draft->outboxId != item.id
        || (draft->state != Draft::State::Publishing && draft->state != Draft::State::Unknown))
        return;
    const QString postUrl = item.payload.value(kPostUrl).toString();
    if (!m_drafts->publishedFor(draftId)) {
        PublishedPostRecord record;
        record.draftId = draftId;
        record.accountId = draft->accountId;
        record.companyUrl = draft->companyUrl;
        record.text = draft->text;
        record.postUrl = postUrl;
        record.postUrn = item.resultId;
        record.mediaCount = int(draft->media.size());
        record.credits = item.payload.contains(kCredits) ? item.payload.value(kCredits).toInt()
                                                         : kCreateCredits;
        record.publishedAt = item.sentAt.isValid() ? item.sentAt : QDateTime::currentDateTimeUtc();
        if (m_drafts->recordPublished(record) == 0)
            qCWarning(lcSync) << "post" << draftId << "published but not recorded in the history";
    }
    if (moveDraft(*draft, Draft::State::Published))
        Q_EMIT published(draftId, postUrl);
}

bool PostPublisher::confirmPublished(qint64 draftId)
{
    const std::optional<Draft> draft = m_drafts->find(draftId);
    if (!draft || draft->state != Draft::State::Unknown)
        return false;
    std::optional<OutboxItem> item = m_items->find(draft->outboxId);
    if (item && item->state == OutboxItem::State::Unknown) {
        OutboxItem next = *item;
        next.state = OutboxItem::State::Sent;
        next.payload.insert(kConfirmedByPerson, true);
        if (m_items->transition(item->id, OutboxItem::State::Unknown, next))
            item = next;
    }
    if (!item) { // the item is gone: the draft alone says what happened
        item = OutboxItem();
        item->id = draft->outboxId;
    }
    if (item->payload.value(kCredits).toInt() <= 0)
        item->payload.remove(kCredits); // the reply said nothing: the contract's price
    finishPublished(draftId, *item);
    return m_drafts->find(draftId)->state == Draft::State::Published;
}

bool PostPublisher::confirmNotPublished(qint64 draftId)
{
    const std::optional<Draft> draft = m_drafts->find(draftId);
    if (!draft || draft->state != Draft::State::Unknown)
        return false;
    const QString why = tr("Not found on LinkedIn: the post was not published. You can publish "
                           "it again.");
    if (!moveDraft(*draft, Draft::State::Failed, why))
        return false;
    // A Failed item no longer counts towards the daily cap.
    if (const std::optional<OutboxItem> item = m_items->find(draft->outboxId);
        item && item->state == OutboxItem::State::Unknown) {
        OutboxItem next = *item;
        next.state = OutboxItem::State::Failed;
        next.errorCode = QStringLiteral("NOT_FOUND");
        next.errorMessage = why;
        next.payload.insert(outbox::kVerified, outbox::kMissing);
        m_items->transition(item->id, OutboxItem::State::Unknown, next);
    }
    return true;
}

} // namespace ld
