#pragma once
// Connecting a LinkedIn account, driven by ld::ConnectFlow: sign in with e-mail and password or
// import a V1 token, then the 2FA checkpoint (code entry, or approval in the LinkedIn app).
// Every network wait shows progress and can be cancelled; the flow's sentence is always shown;
// an error says what to do and keeps what was typed. Enter submits, Esc cancels.
#include "sync/connectflow.h"

#include <QDialog>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace ld {
class AccountsService;
class AccountRepository;
}

namespace ld::ui {

class CountryCombo;
class SecretLineEdit;

class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectDialog(AccountsService *service, AccountRepository *accounts, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    // Opens on the sign-in tab with a sentence saying which account needs reconnecting.
    void setReconnectHint(const QString &accountName);

    ConnectFlow *flow() const { return m_flow.get(); }
    QString connectedAccountId() const { return m_connectedId; }

    // What a person sees and touches, for tests.
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *emailEdit() const;
    SecretLineEdit *passwordEdit() const { return m_password; }
    SecretLineEdit *tokenEdit() const { return m_token; }
    CountryCombo *tokenCountry() const { return m_tokenCountry; }
    QLineEdit *codeEdit() const { return m_code; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *primaryButton() const { return m_primary; }
    QPushButton *cancelWaitButton() const { return m_cancelWait; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *connectedLabel() const { return m_connectedName; }

    void reject() override; // Esc: cancels a wait first, closes otherwise

Q_SIGNALS:
    void accountConnected(const QString &accountId);

private:
    QWidget *buildCredentials();
    QWidget *buildCode();
    QWidget *buildApproval();
    QWidget *buildDone();
    void submit();
    void startFlow();
    void onStateChanged(ConnectFlow::State state);
    void showError(const QString &sentence);
    bool isWaiting() const;

    AccountsService *m_service;
    AccountRepository *m_accounts;
    std::unique_ptr<ConnectFlow> m_flow;
    QString m_connectedId;

    QStackedWidget *m_pages = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_hint = nullptr;
    QLineEdit *m_email = nullptr;
    SecretLineEdit *m_password = nullptr;
    CountryCombo *m_loginCountry = nullptr;
    SecretLineEdit *m_token = nullptr;
    CountryCombo *m_tokenCountry = nullptr;
    QLineEdit *m_code = nullptr;
    QLabel *m_connectedName = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_errorIcon = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_errorRow = nullptr;
    QWidget *m_busyRow = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelWait = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_primary = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace ld::ui
