#pragma once
// Settings: the API key (in the keychain, changed or removed here), the base URL (validated by
// the ApiClient: https, or http only to loopback), pacing delays, safety caps, notifications and
// the low-balance threshold. Preferences are saved through AppSettings by apply(); the key is
// saved at once through ApiKeyVault, never into the preferences.
#include <QWidget>

class QCheckBox;
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
    QSpinBox *m_messagesDay = nullptr;
    QSpinBox *m_postsDay = nullptr;
    QSpinBox *m_undoSend = nullptr;
    QCheckBox *m_notifications = nullptr;
    QSpinBox *m_lowBalance = nullptr;
};

} // namespace ld::ui
