#pragma once
// The main window: account sidebar, the Inbox and Accounts pages, the Activity panel (API calls), a status
// bar with calls in flight and credits spent today, and every command as a QAction with a
// shortcut, all reachable from the command palette (Ctrl+K).
#include <QMainWindow>
#include <QPointer>
#include <functional>

class QDockWidget;
class QLabel;
class QStackedWidget;

namespace ld {
class AccountListModel;
struct ApiError;
class ApiKeyVault;
class CallsModel;
class Workspace;
}

namespace ld::ui {

class AccountSidebar;
class AccountsPage;
class ActivityPanel;
class CallsIndicator;
class CommandPalette;
class ConnectDialog;
class CreditsTodayIndicator;
class InboxPage;
class InvitationsPage;
class InviteDialog; // People page and Invite (issue 4)
class PeoplePage;
class LivePage; // Live events and webhooks (issue 5)
class WebhooksPage;
class MigrationPage; // V1 → V2 migration (issue 6)
class MissedPostsDialog; // Posts (issue 7)
class PostsPage;
class MessageBar;
class SettingsDialog;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Workspace *workspace, ApiKeyVault *vault, const QString &keychainBackend, bool demo,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    AccountSidebar *sidebar() const { return m_sidebar; }
    AccountsPage *accountsPage(); // these three are built on first use
    ActivityPanel *activityPanel();
    CommandPalette *commandPalette();
    InboxPage *inboxPage() const { return m_inboxPage; }
    InvitationsPage *invitationsPage(); // built on first use
    PeoplePage *peoplePage(); // built on first use
    InviteDialog *inviteDialog() const; // while open, else null
    LivePage *livePage();         // built on first use
    WebhooksPage *webhooksPage(); // built on first use
    MigrationPage *migrationPage(); // built on first use
    PostsPage *postsPage();         // built on first use
    MissedPostsDialog *missedPostsDialog() const; // while open, else null
    // The demo's sample V1 export for the Migration page ("Create a sample CSV…").
    void setSampleMigrationCsv(std::function<QByteArray(int rows)> source);
    // At start: a migration an earlier session left paused is named in the message bar.
    void noticeWaitingMigration();
    QAction *doNotDisturbAction() const { return m_dndAction; } // also in the tray menu
    QWidget *currentPage() const;
    MessageBar *messageBar() const { return m_messages; }
    QWidget *demoBanner() const { return m_banner; }
    CallsIndicator *callsIndicator() const { return m_callsIndicator; }
    CreditsTodayIndicator *creditsIndicator() const { return m_creditsIndicator; }
    QDockWidget *activityDock() const { return m_activityDock; }
    ConnectDialog *connectDialog() const;   // while open, else null
    SettingsDialog *settingsDialog() const; // while open, else null
    QList<QAction *> commands() const; // every command, in menu order, for the palette

    bool hasPainted() const { return m_painted; }

public Q_SLOTS:
    void refresh();
    void openConnectDialog();
    void openSettings();
    void openCommandPalette();
    void showInbox();
    void showAccountsPage();
    void showInvitations();
    void openInviteList(); // Ctrl+Shift+I: pasted profile URLs, previewed on the Invitations page
    void showPeoplePage();
    void openInviteDialog();
    void showLivePage();
    void showWebhooksPage();
    void showMigrationPage();
    void importV1Token(); // the Connect dialog, on its V1 token tab
    void showPostsPage();
    void newPost(); // the Posts page, with an empty composer
    // Scheduled posts whose time passed while the app was closed: asked about, never sent.
    void showMissedPosts(const QList<qint64> &draftIds);
    // From the Live page or a notification: the conversation in the Inbox, or a status-bar
    // sentence when it is not stored yet.
    void openConversation(const QString &accountId, const QString &conversationId,
                          const QString &profileUrl);
    void showAndRaise(); // from the tray or a notification
    void reconnect(const QString &accountId);
    void showSyncError(const ld::ApiError &error);

Q_SIGNALS:
    void firstPainted();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    QWidget *createBanner();
    void createLiveActions();
    void createMigrationActions();
    void createPostActions();
    void updateNewShortcut(); // Ctrl+N: a new post on the Posts page, else Connect account
    void showAbout();
    void updateKeyWarning();

    Workspace *m_ws;
    ApiKeyVault *m_vault;
    QString m_backend;
    bool m_demo;
    bool m_painted = false;
    bool m_syncErrorShown = false;

    AccountListModel *m_accountModel;
    CallsModel *m_callsModel;
    AccountSidebar *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    AccountsPage *m_accountsPage = nullptr;
    InboxPage *m_inboxPage = nullptr;
    InvitationsPage *m_invitationsPage = nullptr;
    ActivityPanel *m_activity = nullptr;
    QDockWidget *m_activityDock = nullptr;
    CommandPalette *m_palette = nullptr;
    MessageBar *m_messages = nullptr;
    QWidget *m_banner = nullptr;
    CallsIndicator *m_callsIndicator = nullptr;
    CreditsTodayIndicator *m_creditsIndicator = nullptr;
    QPointer<ConnectDialog> m_connectDialog;
    QPointer<SettingsDialog> m_settingsDialog;
    PeoplePage *m_peoplePage = nullptr;
    QPointer<InviteDialog> m_inviteDialog;
    QAction *m_peopleAction = nullptr;
    QAction *m_inviteAction = nullptr;
    QAction *m_inviteListAction = nullptr; // Ctrl+Shift+I
    LivePage *m_livePage = nullptr;
    WebhooksPage *m_webhooksPage = nullptr;
    QAction *m_liveAction = nullptr;
    QAction *m_webhooksAction = nullptr;
    QAction *m_dndAction = nullptr;
    MigrationPage *m_migrationPage = nullptr;
    QAction *m_migrationAction = nullptr;
    std::function<QByteArray(int)> m_sampleMigrationCsv;
    PostsPage *m_postsPage = nullptr;
    QAction *m_postsAction = nullptr;
    QAction *m_newPostAction = nullptr;
    QPointer<MissedPostsDialog> m_missedDialog;
    QLabel *m_dndIndicator = nullptr;

    QAction *m_connectAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_paletteAction = nullptr;
    QAction *m_activityAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_accountsAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_inboxAction = nullptr;
    QAction *m_accountsPageAction = nullptr;
    QAction *m_invitationsAction = nullptr;
};

} // namespace ld::ui
