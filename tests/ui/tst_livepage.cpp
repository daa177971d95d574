// The Live page against the real sandbox and its SSE stream. With nothing watched it says what
// watching does and costs. Watching an account shows its status line ("Live"); a message the
// sandbox emits appears at the top of the list (and through the Notifier as exactly one
// notification), and Enter opens its conversation in the Inbox; a signed-out account's event
// opens the reconnect dialog instead; a refused webhook is said as a sentence; J/K move.
// Screenshots of the page with events and of its empty state.
#include "inboxpage.h"
#include "liveeventdelegate.h"
#include "livepage.h"
#include "messagebar.h"
#include "notifier.h"
#include "sandboxworkspace.h"
#include "screenshots.h"
#include "translations.h"

#include "models/liveeventmodel.h"
#include "sandbox/sandboxserver.h"
#include "store/accountrepository.h"
#include "store/conversationrepository.h"
#include "sync/accountssync.h"
#include "sync/inboxsync.h"
#include "sync/liveevents.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ld;
using namespace ld::ui;

namespace {

class RecordingBackend : public NotificationBackend
{
public:
    void show(quint64, const QString &title, const QString &body, quint64) override
    {
        shown << title + QStringLiteral(" | ") + body;
    }
    bool isAvailable() const override { return true; }
    QStringList shown;
};

} // namespace

class TstLivePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(qApp); }
    void init();
    void cleanup();

    void emptyStateSaysWhatWatchingCosts();
    void sandboxMessageListedNotifiedAndOpened();
    void signedOutAccountOpensReconnect();
    void refusedWebhookIsASentence();
    void keysMoveAndOpen();
    void screenshotWithEvents();

private:
    void watch(const QString &accountId);
    void emitMessage(const QString &accountId, const QString &name, const QString &profileUrl,
        const QString &text);
    void activate(QWidget *w);

    std::unique_ptr<SandboxWorkspace> m_sb;
    std::unique_ptr<LivePage> m_page;
    QString m_account;
};

void TstLivePage::init()
{
    m_sb = std::make_unique<SandboxWorkspace>();
    QVERIFY(m_sb->open());
    QSignalSpy refreshed(m_sb->ws->accountsSync(), &AccountsSync::refreshed);
    m_sb->ws->accountsSync()->refreshAll();
    QVERIFY(refreshed.wait(10000));
    m_account = sandbox::Seeds::primaryAccountId();
    m_page = std::make_unique<LivePage>(m_sb->ws.get());
    m_page->resize(900, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TstLivePage::cleanup()
{
    m_page.reset();
    m_sb->ws->live()->stop();
    m_sb.reset();
}

void TstLivePage::watch(const QString &accountId)
{
    LiveEvents *live = m_sb->ws->live();
    live->setMonitored(accountId, true);
    live->start(m_sb->server.apiKey());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->statusText(accountId), QStringLiteral("Live"), 10000);
}

void TstLivePage::emitMessage(
    const QString &accountId, const QString &name, const QString &profileUrl, const QString &text)
{
    QJsonObject inner { { QStringLiteral("sender_name"), name },
        { QStringLiteral("sender_profile"), profileUrl },
        { QStringLiteral("message_text"), text } };
    m_sb->server.emitEvent(
        accountId, QStringLiteral("message"), QJsonDocument(inner).toJson(QJsonDocument::Compact));
}

void TstLivePage::activate(QWidget *w)
{
    w->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(w));
}

void TstLivePage::emptyStateSaysWhatWatchingCosts()
{
    QVERIFY(m_page->emptyLabel()->isVisible());
    QVERIFY(!m_page->list()->isVisible());
    const QString text = m_page->emptyLabel()->text();
    QVERIFY(text.contains(QStringLiteral("about 10 credits a day per account")));
    QVERIFY(text.contains(QStringLiteral("desktop notifications")));
    QCOMPARE(m_page->summaryLabel()->text(), QStringLiteral("No account is watched."));
    saveScreenshot(m_page.get(), QStringLiteral("live-page-empty"));
    QSignalSpy manage(m_page.get(), &LivePage::manageRequested);
    QTest::mouseClick(m_page->manageButton(), Qt::LeftButton);
    QCOMPARE(manage.size(), 1);

    watch(m_account);
    QCOMPARE(m_page->summaryLabel()->text(),
        QStringLiteral("Watching 1 account, about 10 credits a day in all."));
    QVERIFY(m_page->emptyLabel()->text().startsWith(QStringLiteral("Nothing has happened yet.")));
}

void TstLivePage::sandboxMessageListedNotifiedAndOpened()
{
    Workspace *ws = m_sb->ws.get();
    // A conversation in the cache, whose contact then writes.
    QSignalSpy inbox(ws->inboxSync(), &InboxSync::inboxRefreshed);
    ws->inboxSync()->refreshInbox(m_account);
    QVERIFY(inbox.wait(10000));
    InboxFilter filter;
    filter.accountIds = { m_account };
    const QList<ConversationRow> rows = ws->conversations()->page(filter, 3);
    QVERIFY(rows.size() >= 3);
    const ConversationRow target = rows.at(1); // not the newest: opening it is not a given
    auto backend = std::make_unique<RecordingBackend>();
    RecordingBackend *notifications = backend.get();
    Notifier notifier(ws->settings(), std::move(backend));
    notifier.watch(ws->live(), ws->liveEvents(), ws->accounts());
    watch(m_account);

    QElapsedTimer sinceEmit;
    sinceEmit.start();
    emitMessage(m_account, target.conversation.participant.name,
        target.conversation.participant.profileUrl, QStringLiteral("Are you free at 3?"));
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    qInfo("emitted to listed: %lld ms", sinceEmit.elapsed());
    QVERIFY(m_page->list()->isVisible());
    const QModelIndex row = m_page->model()->index(0);
    QCOMPARE(LiveEventDelegate::headline(row), target.conversation.participant.name);
    QCOMPARE(LiveEventDelegate::detail(row), QStringLiteral("Are you free at 3?"));
    QCOMPARE(
        row.data(LiveEventModel::AccountNameRole).toString(), QStringLiteral("Camille Laurent"));
    QTRY_COMPARE(notifications->shown.size(), 1);
    QCOMPARE(notifications->shown.first(),
        target.conversation.participant.name
            + QStringLiteral(" · Camille Laurent | Are you free at 3?"));

    // Enter opens the conversation in the Inbox.
    ui::InboxPage inboxPage(ws);
    connect(m_page.get(), &LivePage::openConversationRequested, &inboxPage,
        &ui::InboxPage::openConversation);
    QSignalSpy open(m_page.get(), &LivePage::openConversationRequested);
    activate(m_page.get());
    m_page->focusList();
    QTest::keyClick(m_page->list(), Qt::Key_Return);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open[0][0].toString(), m_account);
    QCOMPARE(open[0][2].toString(), target.conversation.participant.profileUrl);
    QCOMPARE(inboxPage.currentKey(), target.key);
    QVERIFY(notifications->shown.size() == 1); // listed once, announced once

    // By id when an event names its conversation; nothing for one that is not stored.
    QVERIFY(inboxPage.openConversation(m_account, rows.at(2).conversation.id));
    QCOMPARE(inboxPage.currentKey(), rows.at(2).key);
    QVERIFY(!inboxPage.openConversation(m_account, QStringLiteral("urn:li:nothing"),
        QStringLiteral("https://www.linkedin.com/in/nobody")));
    QCOMPARE(inboxPage.currentKey(), rows.at(2).key);
}

void TstLivePage::signedOutAccountOpensReconnect()
{
    watch(m_account);
    m_sb->server.emitEvent(m_account, QStringLiteral("disconnection"), "{}");
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QCOMPARE(LiveEventDelegate::headline(m_page->model()->index(0)),
        QStringLiteral("Signed out by LinkedIn"));
    QSignalSpy reconnect(m_page.get(), &LivePage::reconnectRequested);
    QSignalSpy open(m_page.get(), &LivePage::openConversationRequested);
    activate(m_page.get());
    m_page->focusList();
    QTest::keyClick(m_page->list(), Qt::Key_Enter);
    QCOMPARE(reconnect.size(), 1);
    QCOMPARE(reconnect[0][0].toString(), m_account);
    QCOMPARE(open.size(), 0);
}

void TstLivePage::refusedWebhookIsASentence()
{
    m_sb->server.setCreditBalance(0); // creating a webhook needs a credit
    const QString second = sandbox::Seeds::accountIds().at(1);
    LiveEvents *live = m_sb->ws->live();
    live->setMonitored(second, true);
    live->start(m_sb->server.apiKey());
    QTRY_VERIFY(m_page->messageBar()->isVisible());
    const QString name = m_sb->ws->accounts()->find(second)->name;
    QVERIFY2(
        m_page->messageBar()->text().startsWith(QStringLiteral("Live events for %1: ").arg(name)),
        qPrintable(m_page->messageBar()->text()));
    QVERIFY(!m_page->messageBar()->text().contains(QStringLiteral("INSUFFICIENT")));
    QVERIFY(!m_page->statusText(second).isEmpty());
    QVERIFY(m_page->statusText(second) != QStringLiteral("Live"));
}

void TstLivePage::keysMoveAndOpen()
{
    watch(m_account);
    for (int i = 0; i < 3; ++i)
        emitMessage(m_account, QStringLiteral("Person %1").arg(i),
            QStringLiteral("https://www.linkedin.com/in/person-%1").arg(i),
            QStringLiteral("Message %1").arg(i));
    QTRY_COMPARE(m_page->model()->rowCount(), 3);
    activate(m_page.get());
    m_page->focusList();
    QCOMPARE(m_page->list()->currentIndex().row(), 0);
    QTest::keyClick(m_page->list(), Qt::Key_J);
    QCOMPARE(m_page->list()->currentIndex().row(), 1);
    QTest::keyClick(m_page->list(), Qt::Key_J);
    QTest::keyClick(m_page->list(), Qt::Key_J); // stays on the last
    QCOMPARE(m_page->list()->currentIndex().row(), 2);
    QTest::keyClick(m_page->list(), Qt::Key_K);
    QCOMPARE(m_page->list()->currentIndex().row(), 1);
    QCOMPARE(
        LiveEventDelegate::detail(m_page->list()->currentIndex()), QStringLiteral("Message 1"));
    // A new event goes on top; the selection stays on its event.
    emitMessage(m_account, QStringLiteral("Person 9"),
        QStringLiteral("https://www.linkedin.com/in/p9"), QStringLiteral("Message 9"));
    QTRY_COMPARE(m_page->model()->rowCount(), 4);
    QCOMPARE(
        LiveEventDelegate::detail(m_page->list()->currentIndex()), QStringLiteral("Message 1"));
    for (QAction *a : m_page->commands())
        QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->objectName()));
}

void TstLivePage::screenshotWithEvents()
{
    watch(m_account);
    const QString second = sandbox::Seeds::accountIds().at(1);
    watch(second);
    // One at a time: two accounts' streams do not order their events between them.
    int expected = 0;
    auto arrived = [&] {
        ++expected;
        QTRY_COMPARE(m_page->model()->rowCount(), expected);
    };
    emitMessage(second, QStringLiteral("Grace Hopper"),
        QStringLiteral("https://www.linkedin.com/in/grace"),
        QStringLiteral("Thanks for the intro — I'll follow up with the team next week, "
                       "once the budget is confirmed and the pilot has a date."));
    arrived();
    m_sb->server.emitEvent(m_account, QStringLiteral("accepted_invitation"),
        R"({"data": {"profile_url": "https://www.linkedin.com/in/ada",
                                        "first_name": "Ada", "last_name": "Lovelace"}})");
    arrived();
    emitMessage(m_account, QStringLiteral("<b>Eve</b> Example"),
        QStringLiteral("https://www.linkedin.com/in/eve"),
        QStringLiteral("<i>Quick</i> question: is the offer still valid?"));
    arrived();
    emitMessage(m_account, QStringLiteral("Zoë Åkesson"),
        QStringLiteral("https://www.linkedin.com/in/zoe"),
        QStringLiteral("Could you send me the proposal again?"));
    arrived();
    QCOMPARE(LiveEventDelegate::headline(m_page->model()->index(1)),
        QStringLiteral("<b>Eve</b> Example"));
    QCOMPARE(LiveEventDelegate::detail(m_page->model()->index(2)),
        QStringLiteral("Accepted your invitation"));
    m_page->focusList();
    saveScreenshot(m_page.get(), QStringLiteral("live-page"));
}

QTEST_MAIN(TstLivePage)
#include "tst_livepage.moc"
