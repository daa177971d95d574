#pragma once
// Every item of a bulk run with its outcome and the reason (the cap, the duplicate, the API's
// answer): done, refused, failed, unknown, cancelled or still waiting. Verify asks LinkedIn
// whether an ambiguous request took effect; Send again re-queues a failed one, alone — both
// only on the person's explicit choice, never automatically.
#include "sync/invitationqueue.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace ld::ui {

class BulkRunDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    BulkRunDetailsDialog(InvitationQueue *queue, RunRepository *runs, OutboxRepository *items,
        qint64 runId, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *sendAgainButton() const { return m_sendAgain; }

    // The person an item is about: the name the task carried, else its target.
    static QString personOf(const OutboxItem &item);
    // "Accepted", "Refused", "Unknown — verify", ...
    static QString outcomeText(const OutboxItem &item);

private:
    void reload();
    void updateButtons();
    QList<qint64> selectedIds(OutboxItem::State state) const;

    InvitationQueue *m_queue;
    RunRepository *m_runs;
    OutboxRepository *m_items;
    qint64 m_runId;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_verify;
    QPushButton *m_sendAgain;
};

} // namespace ld::ui
