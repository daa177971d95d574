#pragma once
// The two dialogs of the webhooks page: a new custom webhook (an https:// address checked with
// WebhooksService::validate before anything is sent, the events it delivers, signing, and what
// it costs) — the same form edits an existing webhook, prefilled, and then says only what
// changed (PUT, contract §9.4) — and a signing secret shown once, selectable and copyable, since
// LinkUp never shows it again.
#include "domain/webhook.h"
#include "services/webhooksservice.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ld::ui {

class CustomWebhookDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CustomWebhookDialog(const QString &accountName, QWidget *parent = nullptr);
    // Edits `existing`: its address (custom only; a hosted webhook has none and keeps none) and
    // its events filter. Signing is not here: the page rotates or stops it.
    CustomWebhookDialog(
        const QString &accountName, const Webhook &existing, QWidget *parent = nullptr);

    bool isEditing() const { return m_original.has_value(); }
    // Editing: what differs from the webhook as it was; every field empty when nothing does.
    WebhookUpdate changes() const;

    // What the form says; `events` is ["all"] when both kinds are ticked.
    WebhookSettings settings() const;
    // The reason the form cannot be sent, as a sentence; empty when it can.
    QString problem() const;

    QLineEdit *urlEdit() const { return m_url; }
    QCheckBox *messagesBox() const { return m_messages; }
    QCheckBox *invitationsBox() const { return m_invitations; }
    QCheckBox *signingBox() const { return m_signing; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *createButton() const;

public Q_SLOTS:
    void accept() override; // only with a form that can be sent; else says why

private:
    QLineEdit *m_url;
    QCheckBox *m_messages;
    QCheckBox *m_invitations;
    QCheckBox *m_signing;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QLabel *m_intro = nullptr;
    QLabel *m_cost = nullptr;
    QFormLayout *m_form = nullptr;
    std::optional<Webhook> m_original; // editing
};

class WebhookSecretDialog : public QDialog
{
    Q_OBJECT
public:
    WebhookSecretDialog(const QString &secret, const QString &url, QWidget *parent = nullptr);
    QLineEdit *secretEdit() const { return m_secret; }
    QPushButton *copyButton() const { return m_copy; }

private:
    QLineEdit *m_secret;
    QPushButton *m_copy;
};

} // namespace ld::ui
