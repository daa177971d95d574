#include "draftautosaver.h"

#include "support/logging.h"

#include <QTimer>

namespace ld {

namespace {

// Nothing worth a new draft: a composer that was opened and had only its account chosen
// leaves no empty draft behind in the list.
bool isBlank(const Draft &d)
{
    return d.text.isEmpty() && d.media.isEmpty();
}

} // namespace

DraftAutosaver::DraftAutosaver(DraftRepository *drafts, QObject *parent)
    : QObject(parent)
    , m_drafts(drafts)
    , m_quiet(new QTimer(this))
    , m_deadline(new QTimer(this))
{
    // Precise: a coarse timer may fire up to 5 % late, and the deadline is the promise that a
    // kill loses at most a second of typing.
    for (QTimer *timer : { m_quiet, m_deadline }) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        connect(timer, &QTimer::timeout, this, [this] { flush(); });
    }
    m_quiet->setInterval(QuietMs);
    m_deadline->setInterval(MaxDelayMs);
}

DraftAutosaver::~DraftAutosaver()
{
    flush();
}

// What was typed for the previous draft belongs to it, not to the next one.
void DraftAutosaver::setDraftId(qint64 id)
{
    flush();
    m_draft = Draft();
    m_draft.id = id;
    m_dirty = false;
    m_error.clear();
}

void DraftAutosaver::contentChanged(const Draft &content)
{
    m_draft.accountId = content.accountId;
    m_draft.companyUrl = content.companyUrl;
    m_draft.text = content.text;
    m_draft.media = content.media;
    m_dirty = true;
    m_quiet->start(); // restarted by every change: saves once the typing pauses
    if (!m_deadline->isActive())
        m_deadline->start(); // not restarted: runs from the first unsaved change
}

bool DraftAutosaver::flush()
{
    m_quiet->stop();
    m_deadline->stop();
    if (!m_dirty)
        return true;

    bool ok = false;
    bool created = false;
    if (m_draft.id != 0) {
        ok = m_drafts->saveContent(m_draft);
        if (!ok) {
            // Refused because the draft was scheduled, published or deleted meanwhile (another
            // window, the scheduler): what was typed since is kept as a new draft rather than
            // lost. A store error leaves the draft as it was, and is retried.
            const std::optional<Draft> stored = m_drafts->find(m_draft.id);
            if (stored && (!stored->isEditable() || stored->deletedAt.isValid())) {
                qCInfo(lcSync) << "draft" << m_draft.id << "is no longer editable ("
                               << Draft::stateName(stored->state)
                               << "); the changes go to a new draft";
                m_draft.id = 0;
            } else if (!stored) {
                m_draft.id = 0;
            }
        }
    }
    if (m_draft.id == 0) {
        if (isBlank(m_draft)) {
            m_dirty = false;
            return true;
        }
        Draft fresh = m_draft;
        fresh.state = Draft::State::Draft;
        const qint64 id = m_drafts->create(fresh);
        ok = id != 0;
        if (ok) {
            m_draft.id = id;
            created = true;
        }
    }

    if (!ok) {
        m_error = tr("The draft could not be saved. Your text is still here; LinkUp Desk tries "
                     "again in a moment. If this goes on, copy the text somewhere safe and "
                     "check the disk space.");
        // Retried by the next change, or by the deadline while nobody types.
        m_deadline->start();
        Q_EMIT saveFailed(m_error);
        return false;
    }
    m_dirty = false;
    m_error.clear();
    m_lastSavedAt = QDateTime::currentDateTimeUtc();
    if (created)
        Q_EMIT draftCreated(m_draft.id);
    Q_EMIT saved(m_draft.id, m_lastSavedAt);
    return true;
}

} // namespace ld
