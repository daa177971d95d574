#pragma once
// The two dialogs of the webhooks page: a new custom webhook (an https:// address checked with
// WebhooksService::validate before anything is sent, the events it delivers, signing, and what
// it costs), and a signing secret shown once, selectable and copyable, since LinkUp never shows
// it again.
#include "services/webhooksservice.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ld::ui {

class CustomWebhookDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CustomWebhookDialog(const QString &accountName, QWidget *parent = nullptr);

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
