#pragma once
// The webhooks of the account selected in the sidebar (issue 5 item 1; contract §9):
//  - "Live events": whether LinkUp Desk watches the account, through the hosted webhook that
//    LiveEvents keeps monitoring. Turning it on first says what it costs (about 10 credits a
//    day per account) and asks; turning it off stops the webhook (/stop), which stops billing;
//  - every webhook of the account, hosted or custom, with its events, whether it monitors (what
//    costs) apart from whether it delivers (is_active, which does not stop billing), signing
//    and creation time; and start, stop, delete, rotate the signing secret (shown once) and
//    disable signing, and a new custom webhook;
//  - edit a webhook (Enter, F2 or a double click: the new-webhook form, prefilled; one PUT with
//    only what changed, none when nothing did) and pause or resume its delivery (Ctrl+P;
//    PUT is_active), which does not stop monitoring nor its billing — the page says so.
// None of these requests costs credits; monitoring does. Errors are shown as sentences.
#include "domain/webhook.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeWidget;

namespace ld {
struct ApiError;
class ApiCall;
struct LiveStatus;
class WebhooksService;
class Workspace;
} // namespace ld

namespace ld::ui {

class MessageBar;
class WebhookSecretDialog;

class WebhooksPage : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        KindColumn,
        EventsColumn,
        MonitoringColumn,
        DeliveryColumn,
        SigningColumn,
        CreatedColumn,
        ColumnCount
    };

    explicit WebhooksPage(Workspace *workspace, QWidget *parent = nullptr);

    void setAccountId(const QString &accountId);
    QString accountId() const { return m_accountId; }
    QList<QAction *> commands() const { return m_actions; }
    QList<Webhook> webhooks() const { return m_webhooks; }
    bool isLoading() const { return m_loading; }

    // What a person sees and clicks, for tests.
    QCheckBox *liveToggle() const { return m_liveToggle; }
    QLabel *liveStatusLabel() const { return m_liveStatus; }
    QTreeWidget *table() const { return m_table; }
    QLabel *emptyLabel() const { return m_empty; }
    MessageBar *messageBar() const { return m_messages; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *rotateButton() const { return m_rotate; }
    QPushButton *unsignButton() const { return m_unsign; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *pauseButton() const { return m_pause; } // "Pause delivery…" / "Resume delivery"
    QAction *editAction() const { return m_editAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    WebhookSecretDialog *secretDialog() const; // while open, else null

public Q_SLOTS:
    void reload(); // lists the account's webhooks again (free)
    void createCustom();
    void startSelected();
    void stopSelected();
    void deleteSelected();
    void rotateSecret();
    void disableSigning();
    void editSelected(); // url (custom only) and events filter
    void togglePauseSelected(); // is_active: delivery only

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildLiveSection();
    QWidget *buildList();
    void createActions();
    void showAccount();
    void onLiveToggled(bool on);
    void updateLiveStatus();
    void showWebhooks(const QList<Webhook> &webhooks);
    void updateButtons();
    std::optional<Webhook> selected() const;
    bool confirm(const QString &title, const QString &text, const QString &okText);
    // Runs a call on the selected webhook; on success says `done` and lists again.
    void run(ApiCall *call, const QString &done, std::function<void(ApiCall *)> then = {});
    void showError(const QString &what, const ld::ApiError &error);
    QString accountName() const;
    void showSecret(const QString &secret, const QString &url);

    Workspace *m_ws;
    WebhooksService *m_service;
    QString m_accountId;
    QList<Webhook> m_webhooks;
    bool m_loading = false;
    bool m_stale = true; // listed again when next shown
    quint64 m_generation = 0; // answers for another account are dropped
    QTimer *m_reloadSoon;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_noAccount = nullptr;
    QLabel *m_title = nullptr;
    MessageBar *m_messages = nullptr;
    QCheckBox *m_liveToggle = nullptr;
    QLabel *m_liveStatus = nullptr;
    QTreeWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_rotate = nullptr;
    QPushButton *m_unsign = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_pause = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QPointer<WebhookSecretDialog> m_secretDialog;
    QList<QAction *> m_actions;
};

} // namespace ld::ui
