#pragma once
// A bulk run's progress for the person, under the Invitations list: what runs, a progress bar
// (items with an outcome / all items), the countdown to the next request and the time left,
// Pause/Resume and Cancel (Esc while the bar has the focus). At the end, the outcome counts
// ("10 accepted · 2 refused · 0 failed · 0 unknown") and why it stopped, Details (each item's
// outcome and reason) and Verify for the ambiguous ones. A run interrupted by a crash is shown
// paused, with Resume and Cancel: nothing is sent until the person chooses.
#include "sync/invitationqueue.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace ld::ui {

class BulkRunDetailsDialog;

class BulkRunBar : public QFrame
{
    Q_OBJECT
public:
    BulkRunBar(InvitationQueue *queue, RunRepository *runs, OutboxRepository *items,
        QWidget *parent = nullptr);

    // Shows `runId` (and follows it) until the person closes the bar or another run is shown.
    void showRun(qint64 runId);
    // Shows the newest run not finished yet (one an earlier session left paused or interrupted
    // included); false when there is none.
    bool showActiveRun();
    qint64 runId() const { return m_runId; }
    bool isRunActive() const; // Running or Paused: not finished nor cancelled
    RunProgress progress() const;

    QLabel *titleLabel() const { return m_title; }
    QLabel *detailLabel() const { return m_detail; }
    QLabel *reasonLabel() const { return m_reason; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *detailsButton() const { return m_details; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *closeButton() const { return m_close; }
    BulkRunDetailsDialog *detailsDialog() const; // while open

    // What to tell the person at start-up about runs that a crash interrupted (they wait,
    // paused, for Resume or Cancel); empty when there are none.
    static QString interruptedRunsNotice(RunRepository *runs);
    // "accepted", "declined", "withdrawn", "sent": what a done item of `kind` was.
    static QString doneWord(const QString &kind);

public Q_SLOTS:
    void togglePause(); // Pause a running run, resume a paused one
    void cancelRun();
    void showDetails();
    void verifyUnknown(); // check_invitation for each Unknown item (1 credit each)
    void dismiss(); // hides a finished run; a running one stays

Q_SIGNALS:
    void runEnded(qint64 runId); // finished or cancelled
    void statusMessage(const QString &text);

private:
    void update();
    void onRunChanged(qint64 runId);
    QList<qint64> unknownItems() const;

    InvitationQueue *m_queue;
    RunRepository *m_runs;
    OutboxRepository *m_items;
    qint64 m_runId = 0;
    bool m_ended = false;
    QLabel *m_title;
    QLabel *m_detail;
    QLabel *m_reasonIcon;
    QLabel *m_reason;
    QProgressBar *m_progress;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QPushButton *m_details;
    QPushButton *m_verify;
    QPushButton *m_close;
    QTimer *m_tick;
    QPointer<BulkRunDetailsDialog> m_detailsDialog;
};

} // namespace ld::ui
