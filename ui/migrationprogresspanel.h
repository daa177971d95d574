#pragma once
// A batch migration's progress for the person (issue 6 §2, §5): a bar of rows done out of all
// rows, the countdown to the next login and the time left, the outcome counts with the credits
// used, why the run stopped when it did, and the buttons: Pause/Resume, Cancel, Export
// results. At the end it shows the summary, and for rows stopped at a checkpoint where they are
// completed. It only shows; the Migration page's CSV step decides what the buttons do.
#include "migration/migrationrunner.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ld::ui {

class MigrationProgressPanel : public QFrame
{
    Q_OBJECT
public:
    explicit MigrationProgressPanel(QWidget *parent = nullptr);

    // `title`: the CSV's file name. Called on every change and by the page's countdown tick.
    void showProgress(const QString &title, const MigrationProgress &progress);
    MigrationProgress progress() const { return m_progress; }

    // "213 connected · 2 checkpoint · 4 failed · 213 credits"
    static QString countsText(const MigrationCounts &counts);
    // "next login in 1.3 s · about 8 min left", "logging in… · about 8 min left"; empty when
    // the run is not running.
    static QString timingText(const MigrationProgress &progress);

    QLabel *titleLabel() const { return m_title; }
    QProgressBar *progressBar() const { return m_bar; }
    QLabel *timingLabel() const { return m_timing; }
    QLabel *countsLabel() const { return m_counts; }
    QLabel *reasonLabel() const { return m_reason; }
    QLabel *checkpointLabel() const { return m_checkpoint; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *accountsButton() const { return m_accounts; }

private:
    MigrationProgress m_progress;
    QLabel *m_title;
    QLabel *m_state;
    QProgressBar *m_bar;
    QLabel *m_timing;
    QLabel *m_counts;
    QLabel *m_reason;
    QLabel *m_checkpoint;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    QPushButton *m_export;
    QPushButton *m_accounts;
};

} // namespace ld::ui
