#pragma once
// The confirmation every bulk action passes through before anything is sent: the invitations
// it would answer or withdraw, how many, the credits it costs, the pacing and how long it takes,
// each account's safety caps (used/limit today and this week) and how many items the caps or
// the duplicate rules would refuse. Enter confirms, Esc cancels; nothing is sent by the dialog.
#include "bulkplan.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace ld::ui {

class BulkPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    BulkPreviewDialog(const BulkPlanner *planner, NetworkAction action, int minDelayMs,
        int maxDelayMs, QWidget *parent = nullptr);

    // A widget shown above the list (the "older than N days" spin box).
    void setIntro(QWidget *widget);
    // Works the plan out again for these tasks; `ages` (optional) is parallel to `tasks`.
    void setTasks(const QList<NetworkTask> &tasks, const QList<int> &ages = {});
    // What the run is called in the progress bar and its history ("Accept 12 invitations").
    void setRunTitle(const QString &title);

    NetworkAction action() const { return m_action; }
    const BulkPlan &plan() const { return m_plan; }
    QList<NetworkTask> tasks() const; // every task, refused ones included: each gets an outcome
    QString runTitle() const { return m_runTitle; }

    QTreeWidget *list() const { return m_list; }
    QLabel *headingLabel() const { return m_heading; }
    QLabel *costLabel() const { return m_cost; }
    QLabel *capsLabel() const { return m_caps; }
    QLabel *refusalLabel() const { return m_refusal; }
    QPushButton *confirmButton() const { return m_confirm; }

private:
    void updateTexts();

    const BulkPlanner *m_planner;
    NetworkAction m_action;
    int m_minDelayMs;
    int m_maxDelayMs;
    BulkPlan m_plan;
    QString m_runTitle;
    QVBoxLayout *m_layout;
    QLabel *m_heading;
    QLabel *m_cost;
    QLabel *m_caps;
    QWidget *m_refusalRow;
    QLabel *m_refusal;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QPushButton *m_confirm;
};

} // namespace ld::ui
