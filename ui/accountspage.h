#pragma once
// The Accounts page: everything known about the account selected in the sidebar — status and
// what to do about it, identity, every extra field GET /v2/accounts/{id} returned, the app's own
// activity log for it, credits it spent and the API balance (hidden when /v2/credits is absent).
#include <QPointer>
#include <QSet>
#include <QWidget>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace ld {
class ActivityLogModel;
class Workspace;
}

namespace ld::ui {

class JsonTreeWidget;

class AccountsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AccountsPage(Workspace *workspace, QWidget *parent = nullptr);

    void setAccountId(const QString &accountId);
    QString accountId() const { return m_accountId; }
    void refresh(); // refetches the account's details (and the balance), showing progress

    // What a person sees, for tests.
    QLabel *nameLabel() const { return m_name; }
    QLabel *statusLabel() const { return m_statusWord; }
    QLabel *statusSentenceLabel() const { return m_statusSentence; }
    QLabel *idLabel() const { return m_id; }
    QLabel *balanceLabel() const { return m_balance; }
    QLabel *spentLabel() const { return m_spent; }
    QLabel *lowBalanceLabel() const { return m_lowBalance; }
    QPushButton *reconnectButton() const { return m_reconnect; }
    JsonTreeWidget *extraTree() const { return m_extra; }
    QTableView *activityView() const { return m_activityView; }
    ActivityLogModel *activityModel() const { return m_activity; }
    bool isRefreshing() const;

Q_SIGNALS:
    void reconnectRequested(const QString &accountId);
    void statusMessage(const QString &message);

private:
    QWidget *buildHeader();
    QWidget *buildDetails();
    QWidget *buildLists();
    void showAccount();
    void updateCredits();
    void updateBalance(std::optional<qint64> credits);
    void updateBusy();

    Workspace *m_ws;
    QString m_accountId;
    QSet<QString> m_fetched; // accounts whose details were read this session

    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_statusDot = nullptr;
    QLabel *m_statusWord = nullptr;
    QLabel *m_statusSentence = nullptr;
    QPushButton *m_reconnect = nullptr;
    QToolButton *m_refresh = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_id = nullptr;
    QLabel *m_country = nullptr;
    QLabel *m_platform = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_updated = nullptr;
    QLabel *m_spent = nullptr;
    QLabel *m_balanceCaption = nullptr;
    QLabel *m_balance = nullptr;
    QLabel *m_lowBalance = nullptr;
    JsonTreeWidget *m_extra = nullptr;
    QStackedWidget *m_extraStack = nullptr;
    ActivityLogModel *m_activity = nullptr;
    QTableView *m_activityView = nullptr;
    QStackedWidget *m_activityStack = nullptr;
};

} // namespace ld::ui
