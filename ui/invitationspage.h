#pragma once
// The two invitation queues (issue 4): Received (accept A, decline D) and Sent (withdraw W,
// withdraw older than… Ctrl+Shift+W), for every account or one. Multi-selection tables sorted
// by age; Ctrl+A selects all, O opens the person's LinkedIn profile, R and S switch tabs, P
// pauses or resumes the bulk run. Every bulk action is previewed first (items, credits, caps)
// and then runs paced through the InvitationQueue, its progress in the BulkRunBar. Refresh
// (F5, through MainWindow) reads both lists of the accounts in view and says what it cost.
#include <QPointer>
#include <QWidget>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTabWidget;
class QToolButton;
class QTreeView;

namespace ld {
class InvitationListModel;
enum class NetworkAction;
struct NetworkTask;
class Workspace;
} // namespace ld

namespace ld::ui {

class BulkPlanner;
class BulkPreviewDialog;
class BulkRunBar;
class InvitationsRefresh;
class InvitationsTab;
class InviteListDialog;

class InvitationsPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { ReceivedTab, SentTab };

    explicit InvitationsPage(Workspace *workspace, QWidget *parent = nullptr);
    ~InvitationsPage() override;

    QList<QAction *> commands() const;

    QTabWidget *tabs() const { return m_tabs; }
    Tab currentTab() const;
    InvitationsTab *tab(Tab tab) const { return m_tabPages[tab]; }
    QTreeView *view(Tab tab) const;
    QTreeView *currentView() const { return view(currentTab()); }
    InvitationListModel *model(Tab tab) const;
    QSortFilterProxyModel *proxy(Tab tab) const;
    QLabel *emptyLabel(Tab tab) const;
    QComboBox *accountCombo() const { return m_accountCombo; }
    QLabel *capsLabel() const { return m_caps; }
    QLabel *detailLabel() const { return m_detail; }
    QLabel *statusLabel() const { return m_status; }
    BulkRunBar *runBar() const { return m_runBar; }
    BulkPreviewDialog *previewDialog() const; // while open
    InviteListDialog *inviteListDialog() const; // while open

    // Starts a paced run of invitations (every task, refused ones stored as refused), shows it
    // in the run bar and the Sent tab. Returns the run id; 0 when nothing was started (a run
    // is still going, no task, a store failure: the status line says why).
    qint64 startInvites(const QList<ld::NetworkTask> &tasks, const QString &title);
    bool isRefreshing() const;

public Q_SLOTS:
    void refresh(); // F5: both lists of the accounts in view
    void acceptSelected(); // A
    void declineSelected(); // D
    void withdrawSelected(); // W
    void withdrawOlder(); // Ctrl+Shift+W
    // Invite a list… (Ctrl+Shift+I through MainWindow): the dialog, prefilled when given people;
    // its confirmed preview starts the run here.
    void inviteList(const QString &accountId = {}, const QStringList &profileUrls = {},
        const QStringList &names = {});
    void selectAll(); // Ctrl+A
    void openProfile(); // O
    void showReceived(); // R
    void showSent(); // S
    void togglePause(); // P
    void focusList();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void connectTab(Tab tab);
    void createActions();
    void fillAccountCombo();
    void applyAccountFilter();
    QStringList accountsInView() const;
    void updateActions();
    void updateEmptyStates();
    void updateTabTitles();
    void updateCaps();
    void updateDetail();
    void previewBulk(NetworkAction action);
    void openPreview(BulkPreviewDialog *dialog);
    bool refuseWhileRunning();
    void startRun(const BulkPreviewDialog *dialog);
    void report(const QString &text);

    Workspace *m_ws;
    std::unique_ptr<BulkPlanner> m_planner;
    QComboBox *m_accountCombo;
    QTabWidget *m_tabs;
    InvitationsTab *m_tabPages[2];
    QLabel *m_caps;
    QLabel *m_detail;
    QLabel *m_status;
    BulkRunBar *m_runBar;
    QToolButton *m_refreshButton;
    InvitationsRefresh *m_refresh;
    QPointer<BulkPreviewDialog> m_preview;
    QPointer<InviteListDialog> m_inviteList;

    QAction *m_accept = nullptr;
    QAction *m_decline = nullptr;
    QAction *m_withdraw = nullptr;
    QAction *m_withdrawOlder = nullptr;
    QAction *m_inviteListAction = nullptr; // the toolbar's; MainWindow owns Ctrl+Shift+I
    QAction *m_selectAll = nullptr;
    QAction *m_openProfile = nullptr;
    QAction *m_showReceived = nullptr;
    QAction *m_showSent = nullptr;
    QAction *m_pause = nullptr;
    QList<QAction *> m_actions;
    QList<QWidget *> m_receivedButtons;
    QList<QWidget *> m_sentButtons;
};

} // namespace ld::ui
