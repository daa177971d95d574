#pragma once
// The Activity panel: every API call in flight and the recent finished ones (CallsModel), with
// their state. A running call can be cancelled with the Cancel button or Esc.
#include <QWidget>

class QAction;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace ld {
class CallsModel;
}

namespace ld::ui {

class ActivityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPanel(CallsModel *calls, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QAction *cancelAction() const { return m_cancel; }
    // Cancels the selected call if it runs, else the newest running call. false: none running.
    bool cancelCall();

private:
    int targetRow() const;
    void updateState();

    CallsModel *m_calls;
    QTableView *m_view;
    QStackedWidget *m_stack;
    QAction *m_cancel;
    QToolButton *m_cancelButton;
};

} // namespace ld::ui
