#pragma once
// Preferences of one profile (QSettings, INI file under the profile). Never secrets: the API
// key lives in the keychain (secrets/), V1 tokens nowhere.
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <memory>

class QSettings;

namespace ld {

struct PacingLimits
{
    int minDelayMs = 2000;     // random delay between paced writes
    int maxDelayMs = 6000;
    // Safety caps per account (issue 4 §7), counted over writes that left: today since local
    // midnight, the week as the last 7 days (LinkedIn's own limits are rolling).
    int invitesPerDay = 20;    // LinkedIn practice: about 100 a week
    int invitesPerWeek = 100;
    int acceptsPerDay = 50;
    int acceptsPerWeek = 250;
    int withdrawalsPerDay = 30;
    int withdrawalsPerWeek = 150;
    int messagesPerDay = 100;
    int postsPerDay = 5;
};

class AppSettings : public QObject
{
    Q_OBJECT
public:
    explicit AppSettings(const QString &iniPath, QObject *parent = nullptr);
    ~AppSettings() override;

    QUrl baseUrl() const;                 // default https://api.linkupapi.com
    void setBaseUrl(const QUrl &url);
    PacingLimits pacing() const;
    void setPacing(const PacingLimits &limits);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool on);
    // Do not disturb (default off): no desktop notification while on; the Live page still lists.
    bool doNotDisturb() const;
    void setDoNotDisturb(bool on);
    int lowBalanceThreshold() const;      // warn when the credit balance falls below (default 100)
    void setLowBalanceThreshold(int credits);
    // Longest invitation note for an account (issue 4 §5): LinkedIn allows 300 characters,
    // 200 for free accounts. Default 200, the limit that every account accepts.
    static constexpr int FreeNoteLimit = 200;
    static constexpr int PremiumNoteLimit = 300;
    int noteLimit(const QString &accountId) const;
    void setNoteLimit(const QString &accountId, int characters); // 200 or 300
    // Live events per account (issue 5): whether the person turned monitoring on. Off by
    // default, since monitoring costs about 10 credits a day per account (contract §1.9).
    bool liveMonitoring(const QString &accountId) const;
    void setLiveMonitoring(const QString &accountId, bool on);
    QStringList liveMonitoredAccounts() const; // every account turned on, in id order
    int undoSendSeconds() const;          // a queued message waits this long for Undo (default 5, 0–30)
    void setUndoSendSeconds(int seconds);
    bool firstRunDone() const;
    void setFirstRunDone(bool done);

    void sync();

Q_SIGNALS:
    void changed();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace ld
