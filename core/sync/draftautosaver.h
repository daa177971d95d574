#pragma once
// Drafts never lost (issue 7 §3): the composer reports every change here and the draft is in
// the store within a second — a short quiet period after the last keystroke (300 ms), and
// never more than MaxDelayMs after the first unsaved change while the person keeps typing.
// The first change of a new composer creates the draft. A crash or kill loses at most the
// last second of typing.
#include "store/draftrepository.h"

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace ld {

class DraftAutosaver : public QObject
{
    Q_OBJECT
public:
    static constexpr int QuietMs = 300;
    static constexpr int MaxDelayMs = 1000;

    explicit DraftAutosaver(DraftRepository *drafts, QObject *parent = nullptr);
    ~DraftAutosaver() override; // flushes

    // The draft being edited (0: none yet: the first change creates it).
    void setDraftId(qint64 id);
    qint64 draftId() const { return m_draft.id; }

    // The composer's current content (accountId, companyUrl, text, media); id and state are
    // ignored. Schedules a save.
    void contentChanged(const Draft &content);
    // Saves now what is pending (before publishing, switching drafts, closing). false when the
    // store refused (the error is in lastError()).
    bool flush();
    bool hasUnsavedChanges() const { return m_dirty; }
    QDateTime lastSavedAt() const { return m_lastSavedAt; } // UTC
    QString lastError() const { return m_error; }

Q_SIGNALS:
    void draftCreated(qint64 id);
    void saved(qint64 id, const QDateTime &at);
    void saveFailed(const QString &reason); // a sentence; the content stays pending and is retried

private:
    DraftRepository *m_drafts;
    Draft m_draft;
    bool m_dirty = false;
    QTimer *m_quiet;
    QTimer *m_deadline;
    QDateTime m_lastSavedAt;
    QString m_error;
};

} // namespace ld
