#include "appsettings.h"

#include <QSettings>
#include <QUrl>

namespace ld {

namespace {

const QString kBaseUrl = QStringLiteral("network/baseUrl");
const QString kMinDelay = QStringLiteral("pacing/minDelayMs");
const QString kMaxDelay = QStringLiteral("pacing/maxDelayMs");
const QString kInvitesDay = QStringLiteral("pacing/invitesPerDay");
const QString kInvitesWeek = QStringLiteral("pacing/invitesPerWeek");
const QString kAcceptsDay = QStringLiteral("pacing/acceptsPerDay");
const QString kAcceptsWeek = QStringLiteral("pacing/acceptsPerWeek");
const QString kWithdrawalsDay = QStringLiteral("pacing/withdrawalsPerDay");
const QString kWithdrawalsWeek = QStringLiteral("pacing/withdrawalsPerWeek");
const QString kMessagesDay = QStringLiteral("pacing/messagesPerDay");
const QString kPostsDay = QStringLiteral("pacing/postsPerDay");
const QString kNotifications = QStringLiteral("notifications/enabled");
const QString kDoNotDisturb = QStringLiteral("notifications/doNotDisturb");
const QString kLowBalance = QStringLiteral("credits/lowBalanceThreshold");
const QString kUndoSend = QStringLiteral("messages/undoSendSeconds");
constexpr int kMaxUndoSendSeconds = 30;
const QString kFirstRunDone = QStringLiteral("app/firstRunDone");

// "accounts/<id>/noteLimit". Account ids are hex today; percent-encoding keeps any other id
// from being read as a settings group ('/').
QString noteLimitKey(const QString &accountId)
{
    return QStringLiteral("accounts/%1/noteLimit")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(accountId)));
}

QString liveMonitoringKey(const QString &accountId)
{
    return QStringLiteral("accounts/%1/liveMonitoring")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(accountId)));
}

// Only LinkedIn's two limits exist; anything else (a hand-edited INI) is the safe one.
int validNoteLimit(int characters)
{
    return characters == AppSettings::PremiumNoteLimit ? AppSettings::PremiumNoteLimit
                                                       : AppSettings::FreeNoteLimit;
}

QUrl defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://api.linkupapi.com"));
}

} // namespace

AppSettings::AppSettings(const QString &iniPath, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QUrl AppSettings::baseUrl() const
{
    const QUrl url(m_settings->value(kBaseUrl).toString(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
        return defaultBaseUrl();
    return url;
}

void AppSettings::setBaseUrl(const QUrl &url)
{
    const QString text = url.toString();
    if (m_settings->value(kBaseUrl, defaultBaseUrl().toString()).toString() == text)
        return;
    m_settings->setValue(kBaseUrl, text); // a string, so the INI stays readable and editable
    Q_EMIT changed();
}

PacingLimits AppSettings::pacing() const
{
    const PacingLimits d;
    PacingLimits p;
    p.minDelayMs = m_settings->value(kMinDelay, d.minDelayMs).toInt();
    p.maxDelayMs = m_settings->value(kMaxDelay, d.maxDelayMs).toInt();
    p.invitesPerDay = m_settings->value(kInvitesDay, d.invitesPerDay).toInt();
    p.invitesPerWeek = m_settings->value(kInvitesWeek, d.invitesPerWeek).toInt();
    p.acceptsPerDay = m_settings->value(kAcceptsDay, d.acceptsPerDay).toInt();
    p.acceptsPerWeek = m_settings->value(kAcceptsWeek, d.acceptsPerWeek).toInt();
    p.withdrawalsPerDay = m_settings->value(kWithdrawalsDay, d.withdrawalsPerDay).toInt();
    p.withdrawalsPerWeek = m_settings->value(kWithdrawalsWeek, d.withdrawalsPerWeek).toInt();
    p.messagesPerDay = m_settings->value(kMessagesDay, d.messagesPerDay).toInt();
    p.postsPerDay = m_settings->value(kPostsDay, d.postsPerDay).toInt();
    return p;
}

void AppSettings::setPacing(const PacingLimits &limits)
{
    const PacingLimits old = pacing();
    if (old.minDelayMs == limits.minDelayMs && old.maxDelayMs == limits.maxDelayMs
        && old.invitesPerDay == limits.invitesPerDay && old.invitesPerWeek == limits.invitesPerWeek
        && old.acceptsPerDay == limits.acceptsPerDay && old.acceptsPerWeek == limits.acceptsPerWeek
        && old.withdrawalsPerDay == limits.withdrawalsPerDay
        && old.withdrawalsPerWeek == limits.withdrawalsPerWeek
        && old.messagesPerDay == limits.messagesPerDay && old.postsPerDay == limits.postsPerDay)
        return;
    m_settings->setValue(kMinDelay, limits.minDelayMs);
    m_settings->setValue(kMaxDelay, limits.maxDelayMs);
    m_settings->setValue(kInvitesDay, limits.invitesPerDay);
    m_settings->setValue(kInvitesWeek, limits.invitesPerWeek);
    m_settings->setValue(kAcceptsDay, limits.acceptsPerDay);
    m_settings->setValue(kAcceptsWeek, limits.acceptsPerWeek);
    m_settings->setValue(kWithdrawalsDay, limits.withdrawalsPerDay);
    m_settings->setValue(kWithdrawalsWeek, limits.withdrawalsPerWeek);
    m_settings->setValue(kMessagesDay, limits.messagesPerDay);
    m_settings->setValue(kPostsDay, limits.postsPerDay);
    Q_EMIT changed();
}

bool AppSettings::notificationsEnabled() const
{
    return m_settings->value(kNotifications, true).toBool();
}

void AppSettings::setNotificationsEnabled(bool on)
{
    if (notificationsEnabled() == on)
        return;
    m_settings->setValue(kNotifications, on);
    Q_EMIT changed();
}

bool AppSettings::doNotDisturb() const
{
    return m_settings->value(kDoNotDisturb, false).toBool();
}

void AppSettings::setDoNotDisturb(bool on)
{
    if (doNotDisturb() == on)
        return;
    m_settings->setValue(kDoNotDisturb, on);
    Q_EMIT changed();
}

int AppSettings::lowBalanceThreshold() const
{
    return m_settings->value(kLowBalance, 100).toInt();
}

void AppSettings::setLowBalanceThreshold(int credits)
{
    if (lowBalanceThreshold() == credits)
        return;
    m_settings->setValue(kLowBalance, credits);
    Q_EMIT changed();
}

int AppSettings::noteLimit(const QString &accountId) const
{
    if (accountId.isEmpty())
        return FreeNoteLimit;
    return validNoteLimit(m_settings->value(noteLimitKey(accountId), FreeNoteLimit).toInt());
}

void AppSettings::setNoteLimit(const QString &accountId, int characters)
{
    if (accountId.isEmpty())
        return;
    characters = validNoteLimit(characters);
    if (noteLimit(accountId) == characters)
        return;
    m_settings->setValue(noteLimitKey(accountId), characters);
    Q_EMIT changed();
}

bool AppSettings::liveMonitoring(const QString &accountId) const
{
    return !accountId.isEmpty() && m_settings->value(liveMonitoringKey(accountId), false).toBool();
}

void AppSettings::setLiveMonitoring(const QString &accountId, bool on)
{
    if (accountId.isEmpty() || liveMonitoring(accountId) == on)
        return;
    // Off removes the key rather than writing false: the INI keeps only the accounts that cost.
    if (on)
        m_settings->setValue(liveMonitoringKey(accountId), true);
    else
        m_settings->remove(liveMonitoringKey(accountId));
    Q_EMIT changed();
}

QStringList AppSettings::liveMonitoredAccounts() const
{
    QStringList ids;
    m_settings->beginGroup(QStringLiteral("accounts"));
    const QStringList groups = m_settings->childGroups();
    for (const QString &group : groups) {
        if (m_settings->value(group + QStringLiteral("/liveMonitoring"), false).toBool())
            ids << QUrl::fromPercentEncoding(group.toLatin1());
    }
    m_settings->endGroup();
    ids.sort();
    return ids;
}

int AppSettings::undoSendSeconds() const
{
    return qBound(0, m_settings->value(kUndoSend, 5).toInt(), kMaxUndoSendSeconds);
}

void AppSettings::setUndoSendSeconds(int seconds)
{
    seconds = qBound(0, seconds, kMaxUndoSendSeconds);
    if (undoSendSeconds() == seconds)
        return;
    m_settings->setValue(kUndoSend, seconds);
    Q_EMIT changed();
}

bool AppSettings::firstRunDone() const
{
    return m_settings->value(kFirstRunDone, false).toBool();
}

void AppSettings::setFirstRunDone(bool done)
{
    if (firstRunDone() == done)
        return;
    m_settings->setValue(kFirstRunDone, done);
    Q_EMIT changed();
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace ld
