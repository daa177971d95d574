#pragma once
// The Live page (issue 5): how each watched account's events reach the app right now ("Live",
// "Reconnecting in 5 s: …", "Checked for new events about every 45 seconds") and the events
// recorded, newest first, as they arrive. Enter (or a double click) on a message opens its
// conversation in the Inbox; on a signed-out account, the reconnect dialog. With no account
// watched, the page says what watching does and what it costs, and where to turn it on.
#include <QHash>
#include <QWidget>

class QAction;
class QGridLayout;
class QLabel;
class QListView;
class QPushButton;

namespace ld {
struct ApiError;
class LiveEventModel;
struct LiveStatus;
class Workspace;
} // namespace ld

namespace ld::ui {

class MessageBar;

class LivePage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int MaxStatusRows = 6; // beyond, one line counts the rest

    explicit LivePage(Workspace *workspace, QWidget *parent = nullptr);

    QList<QAction *> commands() const { return m_actions; }

    // What a person sees, for tests.
    LiveEventModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    QLabel *emptyLabel() const { return m_empty; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *manageButton() const { return m_manage; }
    MessageBar *messageBar() const { return m_messages; }
    // The status line shown for an account; empty when it has none on the page.
    QString statusText(const QString &accountId) const;

public Q_SLOTS:
    void openCurrent(); // Enter
    void focusList();
    void selectNext(); // J
    void selectPrevious(); // K

Q_SIGNALS:
    void openConversationRequested(
        const QString &accountId, const QString &conversationId, const QString &profileUrl);
    void reconnectRequested(const QString &accountId);
    void manageRequested(); // the webhooks page, where monitoring is turned on and off

private:
    void createActions();
    void rebuildStatus();
    void updateStatus(const QString &accountId, const ld::LiveStatus &status);
    void updateEmptyState();
    void onFailed(const QString &accountId, const ld::ApiError &error);
    void onRetentionExceeded(const QString &accountId);
    void moveSelection(int delta);
    QString accountName(const QString &accountId) const;

    Workspace *m_ws;
    LiveEventModel *m_model;
    MessageBar *m_messages;
    QLabel *m_summary;
    QWidget *m_statusBox;
    QGridLayout *m_statusGrid;
    QLabel *m_more;
    QPushButton *m_manage;
    QListView *m_list;
    QLabel *m_empty;
    struct StatusRow
    {
        QLabel *dot;
        QLabel *name;
        QLabel *text;
    };
    QHash<QString, StatusRow> m_rows; // accounts with a line on the page
    QList<QAction *> m_actions;
};

} // namespace ld::ui
