#include "support/appsettings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using ld::AppSettings;
using ld::PacingLimits;

class TstAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void defaults();
    void changesPersistAndSignalOnce();
    void baseUrlIsStoredAsText();
    void unusableBaseUrlFallsBackToTheDefault();

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstAppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TstAppSettings::defaults()
{
    AppSettings s(iniPath());
    QCOMPARE(s.baseUrl(), QUrl(QStringLiteral("https://api.linkupapi.com")));
    const PacingLimits p = s.pacing();
    const PacingLimits d;
    QCOMPARE(p.minDelayMs, d.minDelayMs);
    QCOMPARE(p.maxDelayMs, d.maxDelayMs);
    QCOMPARE(p.invitesPerDay, 20);
    QCOMPARE(p.invitesPerWeek, 80);
    QCOMPARE(p.messagesPerDay, d.messagesPerDay);
    QCOMPARE(p.postsPerDay, d.postsPerDay);
    QVERIFY(s.notificationsEnabled());
    QCOMPARE(s.lowBalanceThreshold(), 100);
    QCOMPARE(s.undoSendSeconds(), 5);
    QVERIFY(!s.firstRunDone());
}

void TstAppSettings::changesPersistAndSignalOnce()
{
    {
        AppSettings s(iniPath());
        QSignalSpy changed(&s, &AppSettings::changed);
        PacingLimits p;
        p.invitesPerDay = 10;
        p.maxDelayMs = 9000;
        s.setPacing(p);
        s.setPacing(p); // same again: no signal
        s.setNotificationsEnabled(false);
        s.setLowBalanceThreshold(250);
        s.setLowBalanceThreshold(250);
        s.setFirstRunDone(true);
        s.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
        s.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
        s.setUndoSendSeconds(99); // clamped to the 30 s maximum
        s.setUndoSendSeconds(30);
        QCOMPARE(changed.count(), 6);
        s.sync();
    }
    AppSettings again(iniPath());
    QCOMPARE(again.pacing().invitesPerDay, 10);
    QCOMPARE(again.pacing().maxDelayMs, 9000);
    QCOMPARE(again.pacing().minDelayMs, PacingLimits().minDelayMs);
    QVERIFY(!again.notificationsEnabled());
    QCOMPARE(again.lowBalanceThreshold(), 250);
    QVERIFY(again.firstRunDone());
    QCOMPARE(again.undoSendSeconds(), 30);
    QCOMPARE(again.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:8080")));
}

void TstAppSettings::baseUrlIsStoredAsText()
{
    {
        AppSettings s(iniPath());
        s.setBaseUrl(QUrl(QStringLiteral("http://localhost:4010/api")));
    }
    QFile f(iniPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray ini = f.readAll();
    QVERIFY2(ini.contains("baseUrl=http://localhost:4010/api"), ini.constData());
    QVERIFY(!ini.contains("@Variant"));
}

void TstAppSettings::unusableBaseUrlFallsBackToTheDefault()
{
    {
        QFile f(iniPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[network]\nbaseUrl=not a url\n");
    }
    AppSettings s(iniPath());
    QCOMPARE(s.baseUrl(), QUrl(QStringLiteral("https://api.linkupapi.com")));
}

QTEST_GUILESS_MAIN(TstAppSettings)
#include "tst_appsettings.moc"
