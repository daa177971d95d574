#pragma once
// Settings: the API key (in the keychain, changed or removed here), the base URL (validated by
// the ApiClient: https, or http only to loopback), pacing delays, safety caps (invitations,
// accepts, withdrawals per day and per week; messages and posts per day), each account's
// invitation-note limit (200 free, 300 Premium), notifications and the low-balance threshold. Preferences are saved through AppSettings by apply(); the key is
// saved at once through ApiKeyVault, never into the preferences.
#include "domain/account.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace ld {
class ApiClient;
class ApiKeyVault;
class AppSettings;
}

namespace ld::ui {

class SecretLineEdit;

class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(AppSettings *settings, ApiClient *client, ApiKeyVault *vault,
                 const QString &keychainBackend, bool demo, QWidget *parent = nullptr);

    void load();  // fills the fields from AppSettings and the vault
    // The accounts whose note limit can be set (one row each); none: a hint to connect one.
    void setAccounts(const QList<Account> &accounts);
    bool apply(); // validates and saves; false with the problem shown inline

    QLineEdit *baseUrlEdit() const { return m_baseUrl; }
    QLabel *baseUrlError() const { return m_baseUrlError; }
    SecretLineEdit *apiKeyEdit() const { return m_key; }
    QLabel *apiKeyStatus() const { return m_keyStatus; }
    QPushButton *saveKeyButton() const { return m_saveKey; }
    QPushButton *removeKeyButton() const { return m_removeKey; }
    QDoubleSpinBox *minDelay() const { return m_minDelay; }
    QDoubleSpinBox *maxDelay() const { return m_maxDelay; }
    QSpinBox *invitesPerDay() const { return m_invitesDay; }
    QSpinBox *invitesPerWeek() const { return m_invitesWeek; }
    QSpinBox *acceptsPerDay() const { return m_acceptsDay; }
    QSpinBox *acceptsPerWeek() const { return m_acceptsWeek; }
    QSpinBox *withdrawalsPerDay() const { return m_withdrawalsDay; }
    QSpinBox *withdrawalsPerWeek() const { return m_withdrawalsWeek; }
    QComboBox *noteLimitCombo(const QString &accountId) const { return m_noteLimits.value(accountId); }
    QSpinBox *messagesPerDay() const { return m_messagesDay; }
    QSpinBox *postsPerDay() const { return m_postsDay; }
    QSpinBox *undoSendSeconds() const { return m_undoSend; }
    QCheckBox *notifications() const { return m_notifications; }
    QSpinBox *lowBalance() const { return m_lowBalance; }

Q_SIGNALS:
    void keyRemoved();

private:
    QWidget *buildKeyGroup();
    QWidget *buildServerGroup();
    QWidget *buildPacingGroup();
    QWidget *buildNotesGroup();
    QWidget *buildOtherGroup();
    void updateKeyStatus();
    void saveKey();
    void removeKey();
    bool applyBaseUrl();

    AppSettings *m_settings;
    ApiClient *m_client;
    ApiKeyVault *m_vault;
    QString m_backend;
    bool m_demo;

    SecretLineEdit *m_key = nullptr;
    QLabel *m_keyStatus = nullptr;
    QPushButton *m_saveKey = nullptr;
    QPushButton *m_removeKey = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLabel *m_baseUrlError = nullptr;
    QDoubleSpinBox *m_minDelay = nullptr;
    QDoubleSpinBox *m_maxDelay = nullptr;
    QSpinBox *m_invitesDay = nullptr;
    QSpinBox *m_invitesWeek = nullptr;
    QSpinBox *m_acceptsDay = nullptr;
    QSpinBox *m_acceptsWeek = nullptr;
    QSpinBox *m_withdrawalsDay = nullptr;
    QSpinBox *m_withdrawalsWeek = nullptr;
    QFormLayout *m_notesForm = nullptr;
    QLabel *m_notesEmpty = nullptr;
    QHash<QString, QComboBox *> m_noteLimits; // by account id
    QSpinBox *m_messagesDay = nullptr;
    QSpinBox *m_postsDay = nullptr;
    QSpinBox *m_undoSend = nullptr;
    QCheckBox *m_notifications = nullptr;
    QSpinBox *m_lowBalance = nullptr;
};

} // namespace ld::ui
