// Settings: the base URL is validated by the ApiClient (https, or http only to loopback) with the
// problem shown next to the field; every value is persisted through AppSettings, the safety caps
// for invitations, accepts and withdrawals and each account's note limit among them; the demo's
// key field is disabled; the key goes to the vault, never to the settings file.
#include "secretlineedit.h"
#include "settingspage.h"
#include "screenshots.h"

#include "api/apiclient.h"
#include "secrets/apikeyvault.h"
#include "secrets/secretstore.h"
#include "support/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using ld::ui::SettingsPage;

class TstSettingsPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ld::AppSettings> m_settings;
    std::unique_ptr<ld::ApiClient> m_client;
    std::unique_ptr<ld::MemorySecretStore> m_secrets;
    std::unique_ptr<ld::ApiKeyVault> m_vault;
    std::unique_ptr<SettingsPage> m_page;

    QString iniPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

    void makePage(bool demo)
    {
        m_page = std::make_unique<SettingsPage>(m_settings.get(), m_client.get(), m_vault.get(),
                                                QStringLiteral("memory"), demo);
        m_page->resize(560, 760); // the size SettingsDialog gives it
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(iniPath());
        m_settings = std::make_unique<ld::AppSettings>(iniPath());
        m_client = std::make_unique<ld::ApiClient>();
        m_secrets = std::make_unique<ld::MemorySecretStore>();
        m_vault = std::make_unique<ld::ApiKeyVault>(m_secrets.get());
        makePage(false);
    }

    void cleanup()
    {
        m_page.reset();
        m_vault.reset();
        m_secrets.reset();
        m_client.reset();
        m_settings.reset();
    }

    void baseUrl_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https remote") << QStringLiteral("https://api.example.com") << true;
        QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:9000") << true;
        QTest::newRow("http remote") << QStringLiteral("http://api.example.com") << false;
        QTest::newRow("no scheme") << QStringLiteral("api.example.com") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://api.example.com") << false;
        QTest::newRow("garbage") << QStringLiteral("not a url") << false;
    }

    void baseUrl()
    {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        const QUrl before = m_settings->baseUrl();

        retype(m_page->baseUrlEdit(), typed);
        QCOMPARE(m_page->apply(), accepted);
        QCOMPARE(m_page->baseUrlError()->isVisible(), !accepted);
        if (accepted) {
            QCOMPARE(m_settings->baseUrl(), QUrl(typed));
            QCOMPARE(m_client->baseUrl(), QUrl(typed));
            QCOMPARE(ld::AppSettings(iniPath()).baseUrl(), QUrl(typed)); // on disk
        } else {
            QVERIFY(!m_page->baseUrlError()->text().isEmpty());
            saveScreenshot(m_page.get(), QStringLiteral("settings-invalid-url"));
            QCOMPARE(m_page->baseUrlError()->textFormat(), Qt::PlainText);
            QCOMPARE(m_settings->baseUrl(), before); // nothing saved
            // Editing the field hides the stale error.
            QTest::keyClick(m_page->baseUrlEdit(), Qt::Key_Space);
            QVERIFY(!m_page->baseUrlError()->isVisible());
        }
    }

    void valuesArePersisted()
    {
        m_page->minDelay()->setValue(3.5);
        m_page->maxDelay()->setValue(9.0);
        m_page->invitesPerDay()->setValue(15);
        m_page->invitesPerWeek()->setValue(60);
        m_page->messagesPerDay()->setValue(40);
        m_page->postsPerDay()->setValue(2);
        m_page->undoSendSeconds()->setValue(12);
        m_page->lowBalance()->setValue(250);
        const bool notifications = !m_settings->notificationsEnabled();
        if (m_page->notifications()->isChecked() != notifications)
            QTest::keyClick(m_page->notifications(), Qt::Key_Space);
        QCOMPARE(m_page->notifications()->isChecked(), notifications);
        QVERIFY(m_page->apply());

        const ld::AppSettings reread(iniPath());
        const ld::PacingLimits p = reread.pacing();
        QCOMPARE(p.minDelayMs, 3500);
        QCOMPARE(p.maxDelayMs, 9000);
        QCOMPARE(p.invitesPerDay, 15);
        QCOMPARE(p.invitesPerWeek, 60);
        QCOMPARE(p.messagesPerDay, 40);
        QCOMPARE(p.postsPerDay, 2);
        QCOMPARE(reread.undoSendSeconds(), 12);
        QCOMPARE(reread.lowBalanceThreshold(), 250);
        QCOMPARE(reread.notificationsEnabled(), notifications);

        // A fresh page shows what was saved.
        makePage(false);
        QCOMPARE(m_page->invitesPerDay()->value(), 15);
        QCOMPARE(m_page->minDelay()->value(), 3.5);
        QCOMPARE(m_page->undoSendSeconds()->value(), 12);
    }

    void safetyCapsArePersisted()
    {
        // The defaults are conservative: about 100 invitations a week.
        QCOMPARE(m_page->invitesPerDay()->value(), 20);
        QCOMPARE(m_page->invitesPerWeek()->value(), 100);
        QCOMPARE(m_page->acceptsPerDay()->value(), ld::PacingLimits().acceptsPerDay);
        QCOMPARE(m_page->withdrawalsPerWeek()->value(), ld::PacingLimits().withdrawalsPerWeek);

        m_page->acceptsPerDay()->setValue(40);
        m_page->acceptsPerWeek()->setValue(180);
        m_page->withdrawalsPerDay()->setValue(10);
        m_page->withdrawalsPerWeek()->setValue(45);
        m_page->minDelay()->setValue(1.5);
        m_page->maxDelay()->setValue(4.5);
        QVERIFY(m_page->apply());

        const ld::PacingLimits p = ld::AppSettings(iniPath()).pacing();
        QCOMPARE(p.acceptsPerDay, 40);
        QCOMPARE(p.acceptsPerWeek, 180);
        QCOMPARE(p.withdrawalsPerDay, 10);
        QCOMPARE(p.withdrawalsPerWeek, 45);
        QCOMPARE(p.invitesPerDay, 20); // untouched fields keep their values
        QCOMPARE(p.minDelayMs, 1500);
        QCOMPARE(p.maxDelayMs, 4500);

        makePage(false);
        QCOMPARE(m_page->acceptsPerWeek()->value(), 180);
        QCOMPARE(m_page->withdrawalsPerDay()->value(), 10);
        saveScreenshot(m_page.get(), QStringLiteral("settings-caps"));
    }

    void aWeekNeverAllowsLessThanADay()
    {
        m_page->invitesPerWeek()->setValue(30);
        m_page->invitesPerDay()->setValue(50);
        QCOMPARE(m_page->invitesPerWeek()->value(), 50);
        m_page->withdrawalsPerDay()->setValue(20);
        m_page->withdrawalsPerWeek()->setValue(5);
        QCOMPARE(m_page->withdrawalsPerDay()->value(), 5);
        QVERIFY(m_page->apply());
        QCOMPARE(m_settings->pacing().invitesPerWeek, 50);
        QCOMPARE(m_settings->pacing().withdrawalsPerDay, 5);
    }

    void noteLimitPerAccount()
    {
        // Without accounts there is nothing to set, and the group says why.
        QVERIFY(!m_page->noteLimitCombo(QStringLiteral("acc_free")));
        ld::Account free;
        free.id = QStringLiteral("acc_free");
        free.name = QStringLiteral("<b>Free</b> account");
        ld::Account premium;
        premium.id = QStringLiteral("acc_premium");
        premium.name = QStringLiteral("Premium account");
        m_settings->setNoteLimit(premium.id, ld::AppSettings::PremiumNoteLimit);
        m_page->setAccounts({ free, premium });
        QComboBox *freeBox = m_page->noteLimitCombo(free.id);
        QComboBox *premiumBox = m_page->noteLimitCombo(premium.id);
        QVERIFY(freeBox && premiumBox);
        QTRY_VERIFY(freeBox->isVisible() && premiumBox->isVisible());
        QCOMPARE(freeBox->currentData().toInt(), 200); // the default every account accepts
        QCOMPARE(premiumBox->currentData().toInt(), 300);
        for (QLabel *l : m_page->findChildren<QLabel *>()) {
            if (l->text().contains(QStringLiteral("<b>")))
                QCOMPARE(l->textFormat(), Qt::PlainText);
        }
        saveScreenshot(m_page.get(), QStringLiteral("settings-note-limits"));

        freeBox->setCurrentIndex(freeBox->findData(300));
        premiumBox->setCurrentIndex(premiumBox->findData(200));
        QVERIFY(m_page->apply());
        const ld::AppSettings reread(iniPath());
        QCOMPARE(reread.noteLimit(free.id), 300);
        QCOMPARE(reread.noteLimit(premium.id), 200);
        QCOMPARE(reread.noteLimit(QStringLiteral("acc_other")), 200);
    }

    void minimumDelayNeverExceedsMaximum()
    {
        m_page->maxDelay()->setValue(4.0);
        m_page->minDelay()->setValue(6.0);
        QVERIFY(m_page->maxDelay()->value() >= m_page->minDelay()->value());
    }

    void apiKeyGoesToTheVaultNotTheSettings()
    {
        QVERIFY(!m_page->saveKeyButton()->isEnabled());
        QCOMPARE(m_page->apiKeyEdit()->echoMode(), QLineEdit::Password);
        QTest::keyClicks(m_page->apiKeyEdit(), QStringLiteral("secret-key-123"));
        QVERIFY(m_page->saveKeyButton()->isEnabled());
        QSignalSpy saved(m_vault.get(), &ld::ApiKeyVault::saved);
        QTest::mouseClick(m_page->saveKeyButton(), Qt::LeftButton);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(m_vault->key(), QStringLiteral("secret-key-123"));
        m_page->lowBalance()->setValue(77); // something for the settings file to hold
        QVERIFY(m_page->apply());
        QFile ini(iniPath());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray written = ini.readAll();
        QVERIFY(written.contains("77"));
        QVERIFY(!written.contains("secret-key-123"));

        // The show toggle reveals the key on request only.
        m_page->apiKeyEdit()->revealAction()->trigger();
        QCOMPARE(m_page->apiKeyEdit()->echoMode(), QLineEdit::Normal);
    }

    void demoDisablesTheKey()
    {
        makePage(true);
        QVERIFY(!m_page->apiKeyEdit()->isEnabled());
        QVERIFY(!m_page->saveKeyButton()->isEnabled());
        QVERIFY(!m_page->removeKeyButton()->isEnabled());
        QVERIFY(m_page->apiKeyStatus()->text().contains(QStringLiteral("demo")));
    }
};

QTEST_MAIN(TstSettingsPage)
#include "tst_settingspage.moc"
