#pragma once
// People (Ctrl+5): search people and companies (Search tab) and the account's connections
// (Connections tab), both from the account chosen at the top, both leading to the profile panel
// (Enter reads the full profile, 1 credit) and to Invite (Ctrl+I, MainWindow's action, which
// asks this page for the person selected). Nothing here spends credits unless the person asks:
// a search, Load more, Refresh and reading a profile each say what they cost.
#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace ld {
class Workspace;
}

namespace ld::ui {

class ConnectionsTab;
class InviteDialog;
class PeopleSearchTab;
class ProfilePanel;

class PeoplePage : public QWidget
{
    Q_OBJECT
public:
    explicit PeoplePage(Workspace *workspace, QWidget *parent = nullptr);

    // The page's own commands, for the menus and the command palette (Invite is MainWindow's).
    QList<QAction *> commands() const { return m_actions; }

    void setAccountId(const QString &accountId); // ignored when the account is unknown
    QString accountId() const;

    QComboBox *accountCombo() const { return m_account; }
    QTabWidget *tabs() const { return m_tabs; }
    PeopleSearchTab *searchTab() const { return m_search; }
    ConnectionsTab *connectionsTab() const { return m_connections; }
    ProfilePanel *profilePanel() const { return m_profile; }
    QPushButton *inviteButton() const { return m_invite; }
    QPushButton *readProfileButton() const { return m_readProfile; }
    InviteDialog *inviteDialog() const { return m_inviteDialog.data(); } // while open

    // The person selected in the tab shown: empty profileUrl when none.
    struct Selection
    {
        QString profileUrl;
        QString name;
        QString headline;
        bool isPerson = true;
    };
    Selection selection() const;

public Q_SLOTS:
    void invite(); // opens the Invite dialog for the selection (or empty)
    void refresh(); // F5: the connections, or the search again, of the tab shown
    void readProfile(); // the full profile of the selection (1 credit)
    void showSearch();
    void showConnections();
    void focusFind(); // "/": the keyword or the filter of the tab shown
    void loadMore();
    void refreshConnections();

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    void createActions();
    void fillAccounts();
    void onAccountChanged();
    void showSelection();
    QListView *currentList() const;

    Workspace *m_ws;
    QComboBox *m_account;
    QTabWidget *m_tabs;
    PeopleSearchTab *m_search;
    ConnectionsTab *m_connections;
    QStackedWidget *m_side;
    QLabel *m_placeholder;
    ProfilePanel *m_profile;
    QPushButton *m_invite;
    QPushButton *m_readProfile;
    QPointer<InviteDialog> m_inviteDialog;
    QList<QAction *> m_actions;
};

} // namespace ld::ui
