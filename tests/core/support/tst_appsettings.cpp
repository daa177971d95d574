#include "support/appsettings.h"

#include <QFile>
#include <QSettings>
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
    void networkCapsPersist();
    void doNotDisturbPersists();
    void noteLimitPerAccount();
    void noteLimitOnlyLinkedInsTwo_data();
    void noteLimitOnlyLinkedInsTwo();
    void liveMonitoringPerAccount();

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
    QCOMPARE(p.invitesPerWeek, 100);
    QCOMPARE(p.acceptsPerDay, d.acceptsPerDay);
    QCOMPARE(p.acceptsPerWeek, d.acceptsPerWeek);
    QCOMPARE(p.withdrawalsPerDay, d.withdrawalsPerDay);
    QCOMPARE(p.withdrawalsPerWeek, d.withdrawalsPerWeek);
    // Conservative: a day's cap is well under a week's.
    QVERIFY(d.acceptsPerDay > 0 && d.acceptsPerDay < d.acceptsPerWeek);
    QVERIFY(d.withdrawalsPerDay > 0 && d.withdrawalsPerDay < d.withdrawalsPerWeek);
    QCOMPARE(s.noteLimit(QStringLiteral("69c127c37cae0494dd827286")), 200);
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

// Off by default; a session that turned it on finds it on at the next start, and turning it
// off signals once.
void TstAppSettings::doNotDisturbPersists()
{
    {
        AppSettings s(iniPath());
        QVERIFY(!s.doNotDisturb());
        QSignalSpy changed(&s, &AppSettings::changed);
        s.setDoNotDisturb(true);
        s.setDoNotDisturb(true);
        QCOMPARE(changed.count(), 1);
        QVERIFY(s.notificationsEnabled()); // a separate choice
        s.sync();
    }
    AppSettings again(iniPath());
    QVERIFY(again.doNotDisturb());
    QSignalSpy changed(&again, &AppSettings::changed);
    again.setDoNotDisturb(false);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!again.doNotDisturb());
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

void TstAppSettings::networkCapsPersist()
{
    PacingLimits p;
    p.acceptsPerDay = 7;
    p.acceptsPerWeek = 21;
    p.withdrawalsPerDay = 3;
    p.withdrawalsPerWeek = 9;
    p.invitesPerWeek = 40;
    {
        AppSettings s(iniPath());
        QSignalSpy changed(&s, &AppSettings::changed);
        s.setPacing(p);
        QCOMPARE(changed.count(), 1);
        // Each new field alone is a change.
        PacingLimits q = p;
        q.withdrawalsPerWeek = 10;
        s.setPacing(q);
        QCOMPARE(changed.count(), 2);
        s.setPacing(p);
        QCOMPARE(changed.count(), 3);
        s.setPacing(p);
        QCOMPARE(changed.count(), 3);
        s.sync();
    }
    QFile f(iniPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray ini = f.readAll();
    QVERIFY2(ini.contains("[pacing]") && ini.contains("acceptsPerDay=7") && ini.contains("withdrawalsPerWeek=9"),
             ini.constData());
    AppSettings again(iniPath());
    const PacingLimits r = again.pacing();
    QCOMPARE(r.acceptsPerDay, 7);
    QCOMPARE(r.acceptsPerWeek, 21);
    QCOMPARE(r.withdrawalsPerDay, 3);
    QCOMPARE(r.withdrawalsPerWeek, 9);
    QCOMPARE(r.invitesPerWeek, 40);
    QCOMPARE(r.invitesPerDay, PacingLimits().invitesPerDay);
}

void TstAppSettings::noteLimitPerAccount()
{
    const QString premium = QStringLiteral("69c127c37cae0494dd827286");
    const QString free = QStringLiteral("69c127c37cae0494dd827287");
    {
        AppSettings s(iniPath());
        QSignalSpy changed(&s, &AppSettings::changed);
        s.setNoteLimit(premium, 300);
        s.setNoteLimit(premium, 300); // same again: no signal
        QCOMPARE(changed.count(), 1);
        QCOMPARE(s.noteLimit(premium), 300);
        QCOMPARE(s.noteLimit(free), 200); // each account its own
        s.setNoteLimit(free, 200); // already the default: nothing changes
        QCOMPARE(changed.count(), 1);
        s.setNoteLimit(QString(), 300); // no account: ignored
        QCOMPARE(s.noteLimit(QString()), 200);
        QCOMPARE(changed.count(), 1);
        s.sync();
    }
    QFile f(iniPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY2(f.readAll().contains(premium.toLatin1() + "\\noteLimit=300"), "per-account key");
    AppSettings again(iniPath());
    QCOMPARE(again.noteLimit(premium), 300);
    QCOMPARE(again.noteLimit(free), 200);
    // An id with a slash stays one key, not a group of another account.
    again.setNoteLimit(QStringLiteral("a/b"), 300);
    QCOMPARE(again.noteLimit(QStringLiteral("a/b")), 300);
    QCOMPARE(again.noteLimit(QStringLiteral("a")), 200);
}

void TstAppSettings::noteLimitOnlyLinkedInsTwo_data()
{
    QTest::addColumn<int>("set");
    QTest::addColumn<int>("expected");
    QTest::newRow("free") << 200 << 200;
    QTest::newRow("premium") << 300 << 300;
    QTest::newRow("between") << 250 << 200;
    QTest::newRow("more") << 1000 << 200;
    QTest::newRow("zero") << 0 << 200;
    QTest::newRow("negative") << -300 << 200;
}

void TstAppSettings::noteLimitOnlyLinkedInsTwo()
{
    QFETCH(int, set);
    QFETCH(int, expected);
    const QString account = QStringLiteral("acc");
    AppSettings s(iniPath());
    s.setNoteLimit(account, 300);
    s.setNoteLimit(account, set);
    QCOMPARE(s.noteLimit(account), expected);
    // A hand-edited INI value reads the same way.
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(QStringLiteral("accounts/acc/noteLimit"), set);
    }
    AppSettings fresh(iniPath());
    QCOMPARE(fresh.noteLimit(account), expected);
}

// Monitoring costs credits: off unless turned on, remembered per account across restarts, and
// listed so that the live events start with exactly the accounts the person chose.
void TstAppSettings::liveMonitoringPerAccount()
{
    const QString on = QStringLiteral("69c127c37cae0494dd827286");
    const QString off = QStringLiteral("69c127c37cae0494dd827287");
    const QString slashed = QStringLiteral("a/b");
    {
        AppSettings s(iniPath());
        QVERIFY(!s.liveMonitoring(on));
        QVERIFY(s.liveMonitoredAccounts().isEmpty());
        s.setNoteLimit(off, 300); // another setting of the same account is no monitoring
        QSignalSpy changed(&s, &AppSettings::changed);
        s.setLiveMonitoring(on, true);
        s.setLiveMonitoring(on, true); // same again: no signal
        s.setLiveMonitoring(slashed, true);
        s.setLiveMonitoring(off, false); // already off
        s.setLiveMonitoring(QString(), true); // no account: ignored
        QCOMPARE(changed.count(), 2);
        QVERIFY(s.liveMonitoring(on));
        QVERIFY(!s.liveMonitoring(off));
        QVERIFY(!s.liveMonitoring(QString()));
        QCOMPARE(s.liveMonitoredAccounts(), QStringList({ on, slashed }));
        s.sync();
    }
    AppSettings again(iniPath());
    QCOMPARE(again.liveMonitoredAccounts(), QStringList({ on, slashed }));
    QVERIFY(again.liveMonitoring(slashed));
    QVERIFY(!again.liveMonitoring(QStringLiteral("a"))); // the slash made no group of "a"
    QSignalSpy changed(&again, &AppSettings::changed);
    again.setLiveMonitoring(on, false);
    QCOMPARE(changed.count(), 1);
    QVERIFY(!again.liveMonitoring(on));
    QCOMPARE(again.liveMonitoredAccounts(), QStringList({ slashed }));
    QCOMPARE(again.noteLimit(off), 300); // untouched
}

QTEST_GUILESS_MAIN(TstAppSettings)
#include "tst_appsettings.moc"
