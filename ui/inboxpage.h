#pragma once
// The unified inbox: the conversations of every account (filter by account, unread, done, and
// a search that runs in the store), the open conversation with its composer and the contact's
// profile. Keyboard first: J/K move, Enter opens, R replies, E marks done, U toggles unread,
// / searches, Ctrl+Enter sends, Esc returns to the list; each is a QAction listed in the
// command palette. Refresh (F5) reads the inbox of the accounts in view and says what it cost.
#include "store/conversationrepository.h"

#include <QSet>
#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QToolButton;

namespace ld {
struct ApiError;
class ConversationModel;
class InboxFilterProxy;
class InboxModel;
class Workspace;
}

namespace ld::ui {

class ConversationPane;

class InboxPage : public QWidget
{
    Q_OBJECT
public:
    explicit InboxPage(Workspace *workspace, QWidget *parent = nullptr);

    QList<QAction *> commands() const;

    InboxModel *model() const { return m_model; }
    InboxFilterProxy *proxy() const { return m_proxy; }
    QListView *list() const { return m_list; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *accountCombo() const { return m_accountCombo; }
    QToolButton *unreadToggle() const { return m_unread; }
    QToolButton *doneToggle() const { return m_done; }
    QLabel *statusLabel() const { return m_status; }
    ConversationPane *pane(); // built when first needed
    qint64 currentKey() const;
    bool isRefreshing() const { return !m_refreshing.isEmpty(); }
    // Shows one conversation, found by its id or else by the other person's profile URL (live
    // events name no conversation, §9.10), widening the filters when they hide it. False when
    // no stored conversation of the account is that one.
    bool openConversation(const QString &accountId, const QString &conversationId,
                          const QString &profileUrl = {});

public Q_SLOTS:
    void refresh();                // the inbox of every account in view
    void moveSelection(int delta);
    void selectNext();             // J
    void selectPrevious();         // K
    void openCurrent();            // Enter
    void reply();                  // R
    void toggleDone();             // E
    void toggleUnread();           // U
    void focusSearch();            // /
    void focusList();              // Esc
    void send();                   // Ctrl+Enter
    void undoSend();

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void finishAfterFirstPaint();
    void createActions();
    void fillAccountCombo();
    void applyFilters();
    void showCurrent(bool read);
    void selectRow(int row);
    void updateEmptyState();
    void onRefreshed(const QString &accountId, int conversations, int credits);
    void onRefreshFailed(const QString &accountId, const ld::ApiError &error);
    void finishRefreshStep(const QString &accountId);
    std::optional<ConversationRow> findConversation(const QString &accountId,
                                                    const QString &conversationId,
                                                    const QString &profileUrl) const;

    Workspace *m_ws;
    InboxModel *m_model;
    InboxFilterProxy *m_proxy;
    ConversationModel *m_conversation;
    QLineEdit *m_search;
    QComboBox *m_accountCombo;
    QToolButton *m_unread;
    QToolButton *m_done;
    QListView *m_list;
    QLabel *m_empty;
    QLabel *m_status;
    QStackedWidget *m_right;
    QLabel *m_placeholder;
    ConversationPane *m_pane = nullptr;
    bool m_painted = false;

    QSet<QString> m_refreshing;
    int m_refreshedConversations = 0;
    int m_refreshCredits = 0;
    QStringList m_refreshErrors;
    QList<QAction *> m_actions;
};

} // namespace ld::ui
