// The webhooks page against the real sandbox. The Live events toggle asks first, naming the
// account and the cost, creates and monitors one hosted webhook on yes and sends nothing on
// no; turning it off sends /stop. Custom webhooks: an http:// address refused in the form with
// a sentence before anything is sent, the events filter and signing sent as chosen, the secret
// shown once and copyable, rotated, signing turned off, stopped, started (asking about the cost
// when nothing else monitors the account), and deleted after a confirmation. A refused start
// (no credits) is said as a sentence. Editing (F2, Enter) reuses the form, prefilled, and sends
// one PUT with only what changed — none when nothing did, none for an http:// address; pausing
// delivery (Ctrl+P) asks first, saying that monitoring and billing go on (and, for the hosted
// webhook LinkUp Desk follows, that live events stop), and sends is_active false, then true.
// Screenshots of the page and its dialogs.
#include "messagebar.h"
#include "modaldialogs.h"
#include "sandboxworkspace.h"
#include "screenshots.h"
#include "translations.h"
#include "webhookdialogs.h"
#include "webhookspage.h"

#include "sandbox/sandboxserver.h"
#include "store/accountrepository.h"
#include "sync/accountssync.h"
#include "sync/liveevents.h"

#include <QCheckBox>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace ld;
using namespace ld::ui;

class TstWebhooksPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(qApp); }
    void init();
    void cleanup();

    void noAccountSaysWhatToDo();
    void liveToggleAsksThenCreatesOneWebhook();
    void liveToggleOffSendsStop();
    void customWebhookLifecycle();
    void refusedStartIsASentence();
    void deleteKeyAsksFirst();
    void watchedAccountWithACustomWebhook();
    void editSendsOnlyWhatChanged();
    void pauseAndResumeDelivery();
    void pausingTheFollowedHostedWebhookSaysLiveEventsStop();

private:
    QList<sandbox::RecordedRequest> webhookWrites() const;
    QTreeWidgetItem *rowWithKind(const QString &prefix) const;
    void waitListed();
    QTreeWidgetItem *createCustom(const QString &url);
    void focusTable();

    std::unique_ptr<SandboxWorkspace> m_sb;
    std::unique_ptr<WebhooksPage> m_page;
    QString m_account;
};

void TstWebhooksPage::init()
{
    m_sb = std::make_unique<SandboxWorkspace>();
    QVERIFY(m_sb->open());
    QSignalSpy refreshed(m_sb->ws->accountsSync(), &AccountsSync::refreshed);
    m_sb->ws->accountsSync()->refreshAll();
    QVERIFY(refreshed.wait(10000));
    m_account = sandbox::Seeds::primaryAccountId();
    // Running, so that turning monitoring on or off sends its requests at once.
    m_sb->ws->live()->start(m_sb->server.apiKey());
    m_page = std::make_unique<WebhooksPage>(m_sb->ws.get());
    m_page->resize(980, 620);
    m_page->setAccountId(m_account);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    waitListed();
}

void TstWebhooksPage::cleanup()
{
    m_page.reset();
    m_sb->ws->live()->stop();
    m_sb.reset();
}

void TstWebhooksPage::waitListed()
{
    QTRY_VERIFY(!m_page->isLoading());
}

// Every request that changes a webhook (POST, PUT, DELETE under /v2/webhooks).
QList<sandbox::RecordedRequest> TstWebhooksPage::webhookWrites() const
{
    QList<sandbox::RecordedRequest> out;
    for (const sandbox::RecordedRequest &r : m_sb->server.requests()) {
        if (r.method != "GET" && r.path.startsWith(QLatin1String("/v2/webhooks")))
            out << r;
    }
    return out;
}

QTreeWidgetItem *TstWebhooksPage::rowWithKind(const QString &prefix) const
{
    QTreeWidget *t = m_page->table();
    for (int i = 0; i < t->topLevelItemCount(); ++i) {
        if (t->topLevelItem(i)->text(WebhooksPage::KindColumn).startsWith(prefix))
            return t->topLevelItem(i);
    }
    return nullptr;
}

void TstWebhooksPage::noAccountSaysWhatToDo()
{
    // The selected account has none yet.
    QVERIFY(m_page->emptyLabel()->isVisible());
    QVERIFY(m_page->emptyLabel()->text().contains(QStringLiteral("no webhook")));
    QVERIFY(!m_page->liveToggle()->isChecked());
    QCOMPARE(m_page->liveStatusLabel()->text(),
        QStringLiteral("Not watched: nothing is billed for live events."));
    QVERIFY(!m_page->deleteButton()->isEnabled());
    saveScreenshot(m_page.get(), QStringLiteral("webhooks-page-empty"));

    m_page->setAccountId({});
    QVERIFY(!m_page->table()->isVisible());
    QVERIFY(!m_page->liveToggle()->isVisible());
}

void TstWebhooksPage::liveToggleAsksThenCreatesOneWebhook()
{
    LiveEvents *live = m_sb->ws->live();
    QString asked;
    answerNextBox(false, &asked);
    QTest::mouseClick(
        m_page->liveToggle(), Qt::LeftButton, {}, QPoint(8, m_page->liveToggle()->height() / 2));
    QVERIFY(asked.contains(QStringLiteral("Camille Laurent")));
    QVERIFY(asked.contains(QStringLiteral("about 10 credits a day")));
    QVERIFY(!m_page->liveToggle()->isChecked());
    QVERIFY(!live->isMonitored(m_account));

    answerNextBox(true);
    QTest::keyClick(m_page->liveToggle(), Qt::Key_Space);
    QVERIFY(m_page->liveToggle()->isChecked());
    QVERIFY(live->isMonitored(m_account));
    QTRY_COMPARE_WITH_TIMEOUT(
        int(live->status(m_account).state), int(LiveStatus::State::Live), 10000);
    QTRY_COMPARE(m_page->liveStatusLabel()->text(), QStringLiteral("Now: Live"));
    // The "no" sent nothing: exactly one webhook was created, for this account, hosted.
    const QList<sandbox::RecordedRequest> writes = webhookWrites();
    QCOMPARE(writes.size(), 1);
    QCOMPARE(writes[0].path, QStringLiteral("/v2/webhooks"));
    const QJsonObject body = QJsonDocument::fromJson(writes[0].body).object();
    QCOMPARE(body.value(QStringLiteral("account_id")).toString(), m_account);
    QVERIFY(!body.contains(QStringLiteral("url")));

    QTRY_COMPARE(m_page->table()->topLevelItemCount(), 1);
    QTreeWidgetItem *row = m_page->table()->topLevelItem(0);
    QCOMPARE(row->text(WebhooksPage::KindColumn), QStringLiteral("Hosted — used by LinkUp Desk"));
    QCOMPARE(row->text(WebhooksPage::MonitoringColumn), QStringLiteral("On (billed)"));
    QCOMPARE(row->text(WebhooksPage::DeliveryColumn), QStringLiteral("Active"));
    QCOMPARE(
        row->text(WebhooksPage::EventsColumn), QStringLiteral("Messages, accepted invitations"));
    QVERIFY(!row->text(WebhooksPage::CreatedColumn).isEmpty());
}

void TstWebhooksPage::liveToggleOffSendsStop()
{
    answerNextBox(true);
    QTest::keyClick(m_page->liveToggle(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(
        int(m_sb->ws->live()->status(m_account).state), int(LiveStatus::State::Live), 10000);
    QTRY_COMPARE(m_page->table()->topLevelItemCount(), 1);
    const int before = int(webhookWrites().size());

    QTest::keyClick(m_page->liveToggle(), Qt::Key_Space); // off: no question, it saves money
    QVERIFY(!m_sb->ws->live()->isMonitored(m_account));
    QTRY_COMPARE(webhookWrites().size(), before + 1);
    QVERIFY(webhookWrites().last().path.endsWith(QStringLiteral("/stop")));
    QTRY_COMPARE(m_page->table()->topLevelItem(0)->text(WebhooksPage::MonitoringColumn),
        QStringLiteral("Stopped"));
    QCOMPARE(m_page->liveStatusLabel()->text(),
        QStringLiteral("Not watched: nothing is billed for live events."));
}

void TstWebhooksPage::customWebhookLifecycle()
{
    // The form refuses http:// with a sentence, and sends nothing.
    QString firstError;
    onNextModal([&firstError](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        dialog->urlEdit()->setText(QStringLiteral("http://hooks.example.com/in"));
        dialog->createButton()->click();
        firstError = dialog->errorLabel()->text();
        saveScreenshot(dialog, QStringLiteral("webhooks-custom-dialog-error"));
        dialog->urlEdit()->setText(QStringLiteral("https://hooks.example.com/in"));
        dialog->invitationsBox()->setChecked(false);
        dialog->signingBox()->setChecked(true);
        dialog->createButton()->click();
    });
    m_page->createButton()->click();
    QVERIFY(firstError.contains(QStringLiteral("https://")));
    QTRY_VERIFY(m_page->secretDialog() != nullptr);
    const QList<sandbox::RecordedRequest> writes = webhookWrites();
    QCOMPARE(writes.size(), 1); // the refused form sent nothing
    const QJsonObject body = QJsonDocument::fromJson(writes[0].body).object();
    QCOMPARE(body.value(QStringLiteral("url")).toString(),
        QStringLiteral("https://hooks.example.com/in"));
    QCOMPARE(body.value(QStringLiteral("events")).toArray().first().toString(),
        QStringLiteral("message_received"));
    QVERIFY(body.value(QStringLiteral("enable_signature")).toBool());

    // The secret, once, copyable.
    WebhookSecretDialog *secret = m_page->secretDialog();
    const QString first = secret->secretEdit()->text();
    QVERIFY(first.size() >= 16);
    QVERIFY(secret->secretEdit()->isReadOnly());
    saveScreenshot(secret, QStringLiteral("webhooks-secret-dialog"));
    secret->copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), first);
    secret->close();

    QTRY_VERIFY(rowWithKind(QStringLiteral("Custom: ")) != nullptr);
    QTreeWidgetItem *row = rowWithKind(QStringLiteral("Custom: "));
    QCOMPARE(row->text(WebhooksPage::KindColumn),
        QStringLiteral("Custom: https://hooks.example.com/in"));
    QCOMPARE(row->text(WebhooksPage::EventsColumn), QStringLiteral("Messages"));
    QCOMPARE(row->text(WebhooksPage::SigningColumn), QStringLiteral("Signed"));
    QCOMPARE(row->text(WebhooksPage::MonitoringColumn), QStringLiteral("On (billed)"));
    m_page->table()->setCurrentItem(row);
    QVERIFY(m_page->rotateButton()->isEnabled() && m_page->unsignButton()->isEnabled());
    QVERIFY(!m_page->startButton()->isEnabled() && m_page->stopButton()->isEnabled());
    saveScreenshot(m_page.get(), QStringLiteral("webhooks-page-custom-selected"));

    // Rotate: asked, then a new secret, shown once more.
    answerNextBox(true);
    m_page->rotateButton()->click();
    QTRY_VERIFY(m_page->secretDialog() && m_page->secretDialog()->isVisible());
    QVERIFY(m_page->secretDialog()->secretEdit()->text() != first);
    m_page->secretDialog()->close();

    // Stop signing.
    QTRY_VERIFY(m_page->unsignButton()->isEnabled());
    answerNextBox(true);
    m_page->unsignButton()->click();
    QTRY_COMPARE(rowWithKind(QStringLiteral("Custom: "))->text(WebhooksPage::SigningColumn),
        QStringLiteral("Unsigned"));

    // Stop, then start again: nothing else monitors the account, so the cost is asked first.
    m_page->table()->setCurrentItem(rowWithKind(QStringLiteral("Custom: ")));
    m_page->stopButton()->click();
    QTRY_COMPARE(rowWithKind(QStringLiteral("Custom: "))->text(WebhooksPage::MonitoringColumn),
        QStringLiteral("Stopped"));
    m_page->table()->setCurrentItem(rowWithKind(QStringLiteral("Custom: ")));
    QString asked;
    answerNextBox(true, &asked);
    m_page->startButton()->click();
    QVERIFY(asked.contains(QStringLiteral("10 credits a day")));
    QTRY_COMPARE(rowWithKind(QStringLiteral("Custom: "))->text(WebhooksPage::MonitoringColumn),
        QStringLiteral("On (billed)"));

    // Delete, after a confirmation naming it.
    m_page->table()->setCurrentItem(rowWithKind(QStringLiteral("Custom: ")));
    answerNextBox(true, &asked);
    m_page->deleteButton()->click();
    QVERIFY(asked.contains(QStringLiteral("https://hooks.example.com/in")));
    QTRY_VERIFY(m_page->emptyLabel()->isVisible());
    QCOMPARE(m_page->table()->topLevelItemCount(), 0);
    QVERIFY(webhookWrites().last().method == "DELETE");
}

void TstWebhooksPage::refusedStartIsASentence()
{
    // A stopped custom webhook, and no credits left: /start is refused.
    onNextModal([](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        dialog->urlEdit()->setText(QStringLiteral("https://hooks.example.com/in"));
        dialog->createButton()->click();
    });
    m_page->createButton()->click();
    QTRY_COMPARE(m_page->table()->topLevelItemCount(), 1);
    m_page->table()->setCurrentItem(m_page->table()->topLevelItem(0));
    m_page->stopButton()->click();
    QTRY_VERIFY(m_page->startButton()->isEnabled());
    m_sb->server.setCreditBalance(0);
    answerNextBox(true);
    m_page->startButton()->click();
    QTRY_VERIFY(m_page->messageBar()->isVisible());
    const QString text = m_page->messageBar()->text();
    QVERIFY2(text.startsWith(QStringLiteral("The webhook was not changed. ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("credit"), Qt::CaseInsensitive), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("INSUFFICIENT_CREDITS"))); // a sentence, not a code
}

void TstWebhooksPage::deleteKeyAsksFirst()
{
    onNextModal([](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        dialog->urlEdit()->setText(QStringLiteral("https://hooks.example.com/in"));
        dialog->createButton()->click();
    });
    m_page->createButton()->click();
    QTRY_COMPARE(m_page->table()->topLevelItemCount(), 1);
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_page->table()->setFocus();
    m_page->table()->setCurrentItem(m_page->table()->topLevelItem(0));
    QString asked;
    answerNextBox(false, &asked);
    QTest::keyClick(m_page->table(), Qt::Key_Delete);
    QVERIFY(asked.startsWith(QStringLiteral("Delete the webhook that posts to")));
    QCOMPARE(webhookWrites().size(), 1); // the create only: "no" deletes nothing
    m_page->activateWindow(); // the box had it
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    answerNextBox(true);
    QTest::keyClick(m_page->table(), Qt::Key_Delete);
    QTRY_COMPARE(m_page->table()->topLevelItemCount(), 0);
}

// The page as a person with both kinds sees it: the hosted webhook that LinkUp Desk follows,
// and a custom one; billing counted once per account, so starting nothing asks again.
void TstWebhooksPage::watchedAccountWithACustomWebhook()
{
    answerNextBox(true);
    QTest::keyClick(m_page->liveToggle(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->liveStatusLabel()->text(), QStringLiteral("Now: Live"), 10000);
    onNextModal([](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        saveScreenshot(dialog, QStringLiteral("webhooks-custom-dialog"));
        dialog->urlEdit()->setText(QStringLiteral("https://crm.example.com/hooks/linkedin"));
        dialog->messagesBox()->setChecked(false);
        dialog->createButton()->click();
    });
    m_page->createButton()->click();
    QTRY_COMPARE(m_page->table()->topLevelItemCount(), 2);
    QTreeWidgetItem *hosted = rowWithKind(QStringLiteral("Hosted"));
    QTreeWidgetItem *custom = rowWithKind(QStringLiteral("Custom: "));
    QVERIFY(hosted && custom);
    QCOMPARE(
        hosted->text(WebhooksPage::KindColumn), QStringLiteral("Hosted — used by LinkUp Desk"));
    QCOMPARE(hosted->text(WebhooksPage::SigningColumn), QStringLiteral("—"));
    QCOMPARE(custom->text(WebhooksPage::EventsColumn), QStringLiteral("Accepted invitations"));
    QCOMPARE(custom->text(WebhooksPage::SigningColumn), QStringLiteral("Unsigned"));
    QVERIFY(!custom->text(WebhooksPage::CreatedColumn)
                 .contains(
                     QRegularExpression(QStringLiteral(":\\d\\d:\\d\\d")))); // minutes, no seconds
    m_page->table()->setCurrentItem(custom);
    QVERIFY(m_page->rotateButton()->isEnabled());
    QVERIFY(!m_page->unsignButton()->isEnabled()); // not signed
    m_page->table()->setCurrentItem(hosted);
    QVERIFY(!m_page->rotateButton()->isEnabled()); // hosted: never signed
    saveScreenshot(m_page.get(), QStringLiteral("webhooks-page"));
}

// A custom webhook for all events, made through the form; its row, selected.
QTreeWidgetItem *TstWebhooksPage::createCustom(const QString &url)
{
    onNextModal([url](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        dialog->urlEdit()->setText(url);
        dialog->createButton()->click();
    });
    m_page->createButton()->click();
    if (!QTest::qWaitFor([this] { return rowWithKind(QStringLiteral("Custom: ")) != nullptr; }))
        return nullptr;
    QTreeWidgetItem *row = rowWithKind(QStringLiteral("Custom: "));
    m_page->table()->setCurrentItem(row);
    return row;
}

// Keys go to the table, as when a person has clicked a row (a box or a dialog had the focus).
void TstWebhooksPage::focusTable()
{
    m_page->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_page->table()->setFocus();
}

void TstWebhooksPage::editSendsOnlyWhatChanged()
{
    const QString url = QStringLiteral("https://hooks.example.com/in");
    QVERIFY(createCustom(url));
    const QString id = m_page->webhooks().first().id;
    QVERIFY(m_page->editButton()->isEnabled());
    focusTable();

    // F2: the form, prefilled, in edit mode; only the events filter changes.
    bool prefilled = false;
    onNextModal([&prefilled, url](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        QVERIFY(dialog->isEditing());
        QCOMPARE(dialog->urlEdit()->text(), url);
        QVERIFY(dialog->messagesBox()->isChecked() && dialog->invitationsBox()->isChecked());
        QVERIFY(!dialog->signingBox()->isVisible()); // signing is rotated or stopped on the page
        QCOMPARE(dialog->createButton()->text(), QStringLiteral("&Save"));
        prefilled = true;
        dialog->invitationsBox()->setChecked(false);
        saveScreenshot(dialog, QStringLiteral("webhooks-edit-dialog"));
        dialog->createButton()->click();
    });
    QTest::keyClick(m_page->table(), Qt::Key_F2);
    QVERIFY(prefilled);
    QTRY_COMPARE(webhookWrites().size(), 2);
    const sandbox::RecordedRequest put = webhookWrites().last();
    QCOMPARE(put.method, QByteArray("PUT"));
    QCOMPARE(put.path, QStringLiteral("/v2/webhooks/") + id);
    const QJsonObject body = QJsonDocument::fromJson(put.body).object();
    QCOMPARE(body.keys(), QStringList { QStringLiteral("events") });
    QCOMPARE(body.value(QStringLiteral("events")).toArray(),
        QJsonArray { QStringLiteral("message_received") });
    QTRY_COMPARE(rowWithKind(QStringLiteral("Custom: "))->text(WebhooksPage::EventsColumn),
        QStringLiteral("Messages"));

    // Enter, and OK with nothing changed: no request at all.
    waitListed();
    m_page->table()->setCurrentItem(rowWithKind(QStringLiteral("Custom: ")));
    focusTable();
    bool opened = false;
    onNextModal([&opened](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        QVERIFY(dialog->messagesBox()->isChecked() && !dialog->invitationsBox()->isChecked());
        opened = true;
        dialog->createButton()->click();
    });
    QTest::keyClick(m_page->table(), Qt::Key_Return);
    QVERIFY(opened);
    QTest::qWait(200);
    QCOMPARE(webhookWrites().size(), 2);

    // The Edit button, an http:// address: refused in the form with a sentence, nothing sent.
    QString error;
    onNextModal([&error](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        dialog->urlEdit()->setText(QStringLiteral("http://hooks.example.com/in"));
        dialog->createButton()->click();
        error = dialog->errorLabel()->text();
        QVERIFY(dialog->isVisible());
        dialog->reject();
    });
    m_page->editButton()->click();
    QVERIFY2(error.contains(QStringLiteral("https://")), qPrintable(error));
    QTest::qWait(200);
    QCOMPARE(webhookWrites().size(), 2);

    // A new address alone: the PUT holds only the url.
    onNextModal([](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        dialog->urlEdit()->setText(QStringLiteral("https://crm.example.com/hooks"));
        dialog->createButton()->click();
    });
    m_page->editButton()->click();
    QTRY_COMPARE(webhookWrites().size(), 3);
    QCOMPARE(QJsonDocument::fromJson(webhookWrites().last().body).object(),
        QJsonObject(
            { { QStringLiteral("url"), QStringLiteral("https://crm.example.com/hooks") } }));
    QTRY_VERIFY(rowWithKind(QStringLiteral("Custom: https://crm.example.com/hooks")) != nullptr);
}

void TstWebhooksPage::pauseAndResumeDelivery()
{
    QVERIFY(createCustom(QStringLiteral("https://hooks.example.com/in")));
    const QString id = m_page->webhooks().first().id;
    QCOMPARE(m_page->pauseButton()->text(), QStringLiteral("&Pause delivery…"));
    QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("webhookPauseNote"))
                ->text()
                .contains(QStringLiteral("does not stop monitoring nor its billing")));
    focusTable();

    // Ctrl+P, "no": nothing sent.
    QString asked;
    answerNextBox(false, &asked);
    QTest::keyClick(m_page->table(), Qt::Key_P, Qt::ControlModifier);
    QVERIFY2(asked.contains(QStringLiteral("Monitoring goes on, and so does its billing")),
        qPrintable(asked));
    QVERIFY(asked.contains(QStringLiteral("https://hooks.example.com/in")));
    QCOMPARE(webhookWrites().size(), 1);

    // Ctrl+P, "yes": is_active false, and the row says Paused; monitoring is still on.
    focusTable();
    answerNextBox(true);
    QTest::keyClick(m_page->table(), Qt::Key_P, Qt::ControlModifier);
    QTRY_COMPARE(webhookWrites().size(), 2);
    QCOMPARE(webhookWrites().last().method, QByteArray("PUT"));
    QCOMPARE(webhookWrites().last().path, QStringLiteral("/v2/webhooks/") + id);
    QCOMPARE(QJsonDocument::fromJson(webhookWrites().last().body).object(),
        QJsonObject({ { QStringLiteral("is_active"), false } }));
    QTRY_COMPARE(rowWithKind(QStringLiteral("Custom: "))->text(WebhooksPage::DeliveryColumn),
        QStringLiteral("Paused"));
    QCOMPARE(rowWithKind(QStringLiteral("Custom: "))->text(WebhooksPage::MonitoringColumn),
        QStringLiteral("On (billed)"));
    m_page->table()->setCurrentItem(rowWithKind(QStringLiteral("Custom: ")));
    QCOMPARE(m_page->pauseButton()->text(), QStringLiteral("Res&ume delivery"));
    saveScreenshot(m_page.get(), QStringLiteral("webhooks-page-paused"));

    // Resume (the button, no question): is_active true.
    m_page->pauseButton()->click();
    QTRY_COMPARE(webhookWrites().size(), 3);
    QCOMPARE(QJsonDocument::fromJson(webhookWrites().last().body).object(),
        QJsonObject({ { QStringLiteral("is_active"), true } }));
    QTRY_COMPARE(rowWithKind(QStringLiteral("Custom: "))->text(WebhooksPage::DeliveryColumn),
        QStringLiteral("Active"));
}

void TstWebhooksPage::pausingTheFollowedHostedWebhookSaysLiveEventsStop()
{
    answerNextBox(true);
    QTest::keyClick(m_page->liveToggle(), Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->liveStatusLabel()->text(), QStringLiteral("Now: Live"), 10000);
    QTRY_COMPARE(m_page->table()->topLevelItemCount(), 1);
    waitListed();
    m_page->table()->setCurrentItem(m_page->table()->topLevelItem(0));
    const int before = int(webhookWrites().size());

    QString asked;
    answerNextBox(false, &asked);
    m_page->pauseAction()->trigger();
    QVERIFY2(asked.contains(QStringLiteral("no new messages or accepted invitations arrive")),
        qPrintable(asked));
    QVERIFY(asked.contains(QStringLiteral("Camille Laurent")));
    QCOMPARE(int(webhookWrites().size()), before);

    // Its edit form has no address: hosted stays hosted.
    bool checked = false;
    onNextModal([&checked](QWidget *modal) {
        auto *dialog = qobject_cast<CustomWebhookDialog *>(modal);
        QVERIFY(dialog);
        QVERIFY(!dialog->urlEdit()->isVisible());
        QVERIFY(dialog->problem().isEmpty());
        QVERIFY(!dialog->changes().url && !dialog->changes().events);
        checked = true;
        dialog->reject();
    });
    m_page->editAction()->trigger();
    QVERIFY(checked);
}

QTEST_MAIN(TstWebhooksPage)
#include "tst_webhookspage.moc"
