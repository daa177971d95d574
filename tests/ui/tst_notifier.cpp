// Notifier and its D-Bus backend. With a recording backend: one notification per event with its
// words, a click opening the conversation (or the account to reconnect, or the Live page),
// nothing while do-not-disturb or the notifications preference is off, nothing for a gap fill's
// backlog, a burst folded into one "N more" notification, and nothing at all (quietly) without
// a backend. With a private dbus-daemon and a fake org.freedesktop.Notifications on it: the
// Notify call as the specification wants it, a stranger's markup escaped when the server renders
// markup, ActionInvoked reaching the click, NotificationClosed forgetting it, and no hang
// without a bus or without the service. End to end: a message emitted by the sandbox reaches
// the Notifier through LiveEvents once, and not at all under do-not-disturb.
#include "dbusnotificationbackend.h"
#include "notifier.h"
#include "sandboxworkspace.h"
#include "translations.h"
#include "trayicon.h"

#include "live/livetypes.h"
#include "sandbox/sandboxserver.h"
#include "store/conversationrepository.h"
#include "store/database.h"
#include "store/liveeventrepository.h"
#include "sync/accountssync.h"
#include "sync/liveevents.h"
#include "sync/workspace.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMenu>
#include <QProcess>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace ld;
using namespace ld::ui;

namespace {

const QString AccountA = QStringLiteral("acc_a");
const QDateTime Now = QDateTime(QDate(2025, 3, 10), QTime(9, 0), Qt::UTC);

struct Shown
{
    quint64 token;
    QString title;
    QString body;
    quint64 replaces;
};

class RecordingBackend : public NotificationBackend
{
public:
    void show(quint64 token, const QString &title, const QString &body, quint64 replaces) override
    {
        shown.append({ token, title, body, replaces });
    }
    bool isAvailable() const override { return true; }
    void click(quint64 token) { Q_EMIT activated(token); }
    void close(quint64 token) { Q_EMIT closed(token); }
    QList<Shown> shown;
};

LiveEventRow row(LiveEvent::Type type, int secondsAgo = 2)
{
    LiveEventRow r;
    r.id = 1;
    r.accountId = AccountA;
    r.type = type;
    r.personName = QStringLiteral("Ada Lovelace");
    r.profileUrl = QStringLiteral("https://www.linkedin.com/in/ada");
    r.text = QStringLiteral("Are you free on Thursday?");
    r.conversationId = QStringLiteral("conv-1");
    r.emittedAt = Now.addSecs(-secondsAgo);
    r.receivedAt = Now;
    return r;
}

// A fake notification server, exported on its own connection to the private bus.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList capabilities { QStringLiteral("body"), QStringLiteral("actions") };
    QList<QVariantList> notifies;
    uint nextId = 40;

public Q_SLOTS:
    QStringList GetCapabilities() { return capabilities; }
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
        const QString &summary, const QString &body, const QStringList &actions,
        const QVariantMap &hints, int expireTimeout)
    {
        notifies.append(
            { appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout });
        return replacesId != 0 ? replacesId : ++nextId;
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

} // namespace

class TstNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installTranslations(qApp); } // "1 more new event"
    void init();
    void cleanup();

    void messageShownOnceAndClickOpensIt();
    void wordsPerType_data();
    void wordsPerType();
    void doNotDisturbAndPreferenceHoldBack();
    void backlogIsNotNews();
    void burstFoldsIntoOne();
    void closedNotificationForgotten();
    void noBackendIsQuiet();

    void dbusNotifyAndClick();
    void dbusEscapesMarkupWhenRendered();
    void dbusWithoutServiceGivesUpQuietly();
    void dbusWithoutBusIsQuiet();

    void sandboxMessageNotifiedOnce();
    void trayCountsUnread();
    void trayBalloonWithoutTrayIsQuiet();
    void badgeOnlyWithUnread();

private:
    bool startBus();
    Notifier *makeNotifier(std::unique_ptr<NotificationBackend> backend);

    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<Notifier> m_notifier;
    RecordingBackend *m_backend = nullptr;
    QProcess m_daemon;
    QString m_busAddress;
};

void TstNotifier::init()
{
    m_settings = std::make_unique<AppSettings>(m_dir.filePath(
        QStringLiteral("%1.ini").arg(QString::fromLatin1(QTest::currentTestFunction()))));
    auto backend = std::make_unique<RecordingBackend>();
    m_backend = backend.get();
    makeNotifier(std::move(backend));
}

void TstNotifier::cleanup()
{
    m_notifier.reset();
    m_settings.reset();
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        m_daemon.waitForFinished(3000);
    }
}

Notifier *TstNotifier::makeNotifier(std::unique_ptr<NotificationBackend> backend)
{
    m_notifier = std::make_unique<Notifier>(m_settings.get(), std::move(backend));
    m_notifier->setClock([] { return Now; });
    return m_notifier.get();
}

// A private dbus-daemon with no activatable services: the tests never touch a real desktop's bus.
bool TstNotifier::startBus()
{
    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QStringLiteral(
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
        " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">"
        "<busconfig><type>session</type><listen>unix:dir=%1</listen>"
        "<policy context=\"default\">" // session.conf's: with less, Hello gets no answer
        "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
        "<allow own=\"*\"/></policy></busconfig>")
                   .arg(m_dir.path())
                   .toUtf8());
    file.close();
    m_daemon.start(QStringLiteral("dbus-daemon"),
        { QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
            QStringLiteral("--print-address=1") });
    if (!m_daemon.waitForStarted(5000))
        return false;
    QElapsedTimer waited;
    waited.start();
    while (!m_daemon.canReadLine() && waited.elapsed() < 5000)
        m_daemon.waitForReadyRead(100);
    m_busAddress = QString::fromUtf8(m_daemon.readLine()).trimmed();
    return !m_busAddress.isEmpty();
}

void TstNotifier::messageShownOnceAndClickOpensIt()
{
    QSignalSpy open(m_notifier.get(), &Notifier::openConversationRequested);
    QVERIFY(m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille Laurent")));
    QCOMPARE(m_backend->shown.size(), 1);
    QCOMPARE(m_backend->shown[0].title, QStringLiteral("Ada Lovelace · Camille Laurent"));
    QCOMPARE(m_backend->shown[0].body, QStringLiteral("Are you free on Thursday?"));
    QCOMPARE(m_notifier->shownCount(), 1);

    m_backend->click(m_backend->shown[0].token);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open[0][0].toString(), AccountA);
    QCOMPARE(open[0][1].toString(), QStringLiteral("conv-1"));
    QCOMPARE(open[0][2].toString(), QStringLiteral("https://www.linkedin.com/in/ada"));
    m_backend->click(999); // someone else's token: nothing
    QCOMPARE(open.size(), 1);
}

void TstNotifier::wordsPerType_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("signal");
    QTest::newRow("accepted") << int(LiveEvent::Type::AcceptedInvitation)
                              << QStringLiteral("Invitation accepted · Camille Laurent")
                              << QStringLiteral("Ada Lovelace accepted your invitation.")
                              << QStringLiteral("open");
    QTest::newRow("disconnection")
        << int(LiveEvent::Type::Disconnection) << QStringLiteral("Camille Laurent was signed out")
        << QStringLiteral("LinkedIn ended this account's session. Reconnect it to receive its "
                          "messages again.")
        << QStringLiteral("reconnect");
}

void TstNotifier::wordsPerType()
{
    QFETCH(int, type);
    QFETCH(QString, title);
    QFETCH(QString, body);
    QFETCH(QString, signal);
    QSignalSpy open(m_notifier.get(), &Notifier::openConversationRequested);
    QSignalSpy reconnect(m_notifier.get(), &Notifier::reconnectRequested);
    QVERIFY(m_notifier->notify(row(LiveEvent::Type(type)), QStringLiteral("Camille Laurent")));
    QCOMPARE(m_backend->shown.size(), 1);
    QCOMPARE(m_backend->shown[0].title, title);
    QCOMPARE(m_backend->shown[0].body, body);
    m_backend->click(m_backend->shown[0].token);
    QCOMPARE(open.size(), signal == QLatin1String("open") ? 1 : 0);
    QCOMPARE(reconnect.size(), signal == QLatin1String("reconnect") ? 1 : 0);
    if (!reconnect.isEmpty())
        QCOMPARE(reconnect[0][0].toString(), AccountA);
}

void TstNotifier::doNotDisturbAndPreferenceHoldBack()
{
    m_settings->setDoNotDisturb(true);
    QVERIFY(!m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille")));
    m_settings->setDoNotDisturb(false);
    m_settings->setNotificationsEnabled(false);
    QVERIFY(!m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille")));
    QVERIFY(m_backend->shown.isEmpty());
    m_settings->setNotificationsEnabled(true);
    QVERIFY(m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille")));
    QCOMPARE(m_backend->shown.size(), 1);
}

void TstNotifier::backlogIsNotNews()
{
    QVERIFY(!m_notifier->notify(
        row(LiveEvent::Type::Message, Notifier::MaxAgeSeconds + 1), QStringLiteral("Camille")));
    QVERIFY(!m_notifier->notify(row(LiveEvent::Type::Other), QStringLiteral("Camille")));
    QVERIFY(m_backend->shown.isEmpty());
    QVERIFY(m_notifier->notify(
        row(LiveEvent::Type::Message, Notifier::MaxAgeSeconds - 1), QStringLiteral("Camille")));
}

void TstNotifier::burstFoldsIntoOne()
{
    QSignalSpy live(m_notifier.get(), &Notifier::showLiveRequested);
    for (int i = 0; i < Notifier::BurstSize + 3; ++i)
        QVERIFY(m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille")));
    const QList<Shown> &shown = m_backend->shown;
    QCOMPARE(shown.size(), Notifier::BurstSize + 3);
    for (int i = 0; i < Notifier::BurstSize; ++i)
        QCOMPARE(shown[i].replaces, quint64(0));
    // Then one notification that counts, replacing itself.
    QCOMPARE(shown[Notifier::BurstSize].replaces, quint64(0));
    QCOMPARE(shown[Notifier::BurstSize].body,
        QStringLiteral("1 more new event: open the Live page to see them."));
    QCOMPARE(shown[Notifier::BurstSize + 1].replaces, shown[Notifier::BurstSize].token);
    QCOMPARE(shown.last().replaces, shown[Notifier::BurstSize + 1].token);
    QCOMPARE(
        shown.last().body, QStringLiteral("3 more new events: open the Live page to see them."));
    m_backend->click(shown.last().token);
    QCOMPARE(live.size(), 1);

    // A new window starts over.
    m_notifier->setClock([] { return Now.addSecs(Notifier::BurstWindowSeconds); });
    QVERIFY(m_notifier->notify(row(LiveEvent::Type::Message, -8), QStringLiteral("Camille")));
    QCOMPARE(m_backend->shown.last().title, QStringLiteral("Ada Lovelace · Camille"));
}

void TstNotifier::closedNotificationForgotten()
{
    QSignalSpy open(m_notifier.get(), &Notifier::openConversationRequested);
    m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille"));
    const quint64 token = m_backend->shown[0].token;
    m_backend->close(token);
    m_backend->click(token);
    QCOMPARE(open.size(), 0);
}

void TstNotifier::noBackendIsQuiet()
{
    makeNotifier(nullptr);
    QVERIFY(!m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille")));
    QCOMPARE(m_notifier->shownCount(), 0);
}

void TstNotifier::dbusNotifyAndClick()
{
    if (!startBus())
        QSKIP("dbus-daemon is not available here");
    QDBusConnection client = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("client1"));
    QDBusConnection server = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("server1"));
    QVERIFY(client.isConnected() && server.isConnected());
    FakeNotificationServer fake;
    QVERIFY(server.registerObject(DBusNotificationBackend::Path, &fake,
        QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(server.registerService(DBusNotificationBackend::Service));

    auto backend = std::make_unique<DBusNotificationBackend>(client);
    DBusNotificationBackend *dbus = backend.get();
    makeNotifier(std::move(backend));
    QSignalSpy open(m_notifier.get(), &Notifier::openConversationRequested);
    QVERIFY(m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille Laurent")));
    QTRY_COMPARE(fake.notifies.size(), 1);
    const QVariantList args = fake.notifies[0];
    QCOMPARE(args[0].toString(), QStringLiteral("LinkUp Desk"));
    QCOMPARE(args[1].toUInt(), 0u);
    QCOMPARE(args[3].toString(), QStringLiteral("Ada Lovelace · Camille Laurent"));
    QCOMPARE(args[4].toString(), QStringLiteral("Are you free on Thursday?"));
    QCOMPARE(args[5].toStringList().value(0), QStringLiteral("default"));
    QCOMPARE(args[6].toMap().value(QStringLiteral("desktop-entry")).toString(),
        QStringLiteral("linkup-desk"));
    QCOMPARE(args[7].toInt(), -1);

    // Clicks on another application's notification are not ours; ours opens the conversation.
    QTRY_COMPARE(dbus->openCount(), 1); // the Notify reply (its id) has come back
    Q_EMIT fake.ActionInvoked(7, QStringLiteral("default"));
    Q_EMIT fake.ActionInvoked(fake.nextId, QStringLiteral("default"));
    QTRY_COMPARE(open.size(), 1);
    QCOMPARE(open[0][1].toString(), QStringLiteral("conv-1"));

    // Closed: forgotten, so a late click does nothing. Signals arrive in order, so once the
    // click on a second notification has come through, the late one has been ignored.
    Q_EMIT fake.NotificationClosed(fake.nextId, 2);
    QTRY_COMPARE(dbus->openCount(), 0);
    Q_EMIT fake.ActionInvoked(fake.nextId, QStringLiteral("default"));
    LiveEventRow second = row(LiveEvent::Type::Message);
    second.conversationId = QStringLiteral("conv-2");
    QVERIFY(m_notifier->notify(second, QStringLiteral("Camille Laurent")));
    QTRY_COMPARE(dbus->openCount(), 1);
    Q_EMIT fake.ActionInvoked(fake.nextId, QStringLiteral("default"));
    QTRY_COMPARE(open.size(), 2);
    QCOMPARE(open[1][1].toString(), QStringLiteral("conv-2"));
    QVERIFY(dbus->isAvailable());
    m_notifier.reset(); // before the connections go
    QDBusConnection::disconnectFromBus(QStringLiteral("client1"));
    QDBusConnection::disconnectFromBus(QStringLiteral("server1"));
}

void TstNotifier::dbusEscapesMarkupWhenRendered()
{
    if (!startBus())
        QSKIP("dbus-daemon is not available here");
    QDBusConnection client = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("client2"));
    QDBusConnection server = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("server2"));
    FakeNotificationServer fake;
    fake.capabilities << QStringLiteral("body-markup");
    QVERIFY(server.registerObject(DBusNotificationBackend::Path, &fake,
        QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    QVERIFY(server.registerService(DBusNotificationBackend::Service));
    makeNotifier(std::make_unique<DBusNotificationBackend>(client));
    LiveEventRow r = row(LiveEvent::Type::Message);
    r.personName = QStringLiteral("<b>Eve</b>");
    r.text = QStringLiteral("<i>Quick</i> question & <a href=\"x\">link</a>");
    m_notifier->notify(r, QStringLiteral("Camille"));
    QTRY_COMPARE(fake.notifies.size(), 1);
    QCOMPARE(
        fake.notifies[0][3].toString(), QStringLiteral("<b>Eve</b> · Camille")); // never markup
    QCOMPARE(fake.notifies[0][4].toString(),
        QStringLiteral("&lt;i&gt;Quick&lt;/i&gt; question &amp; &lt;a href=&quot;x&quot;&gt;"
                       "link&lt;/a&gt;"));
    m_notifier.reset();
    QDBusConnection::disconnectFromBus(QStringLiteral("client2"));
    QDBusConnection::disconnectFromBus(QStringLiteral("server2"));
}

void TstNotifier::dbusWithoutServiceGivesUpQuietly()
{
    if (!startBus())
        QSKIP("dbus-daemon is not available here");
    QDBusConnection client = QDBusConnection::connectToBus(m_busAddress, QStringLiteral("client3"));
    QVERIFY(client.isConnected());
    auto backend = std::make_unique<DBusNotificationBackend>(client);
    DBusNotificationBackend *dbus = backend.get();
    makeNotifier(std::move(backend));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille")));
    QVERIFY(timer.elapsed() < 1000); // asynchronous: the window never waits for the bus
    QTRY_VERIFY(!dbus->isAvailable());
    QVERIFY(!m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille")));
    m_notifier.reset();
    QDBusConnection::disconnectFromBus(QStringLiteral("client3"));
}

void TstNotifier::dbusWithoutBusIsQuiet()
{
    QDBusConnection none = QDBusConnection::connectToBus(
        QStringLiteral("unix:path=%1").arg(m_dir.filePath(QStringLiteral("no-bus-here"))),
        QStringLiteral("none"));
    QVERIFY(!none.isConnected());
    DBusNotificationBackend backend(none);
    QVERIFY(!backend.isAvailable());
    backend.show(1, QStringLiteral("title"), QStringLiteral("body")); // does nothing, at once
    QDBusConnection::disconnectFromBus(QStringLiteral("none"));
}

void TstNotifier::sandboxMessageNotifiedOnce()
{
    SandboxWorkspace sandbox;
    QVERIFY(sandbox.open());
    Workspace *ws = sandbox.ws.get();
    QVERIFY(ws->accountsSync() != nullptr);
    // The notifier reads the account's name from the store: read the accounts first.
    QSignalSpy refreshed(ws->accountsSync(), &AccountsSync::refreshed);
    ws->accountsSync()->refreshAll();
    QTRY_VERIFY(!refreshed.isEmpty());

    auto backend = std::make_unique<RecordingBackend>();
    RecordingBackend *recording = backend.get();
    Notifier notifier(ws->settings(), std::move(backend));
    notifier.watch(ws->live(), ws->liveEvents(), ws->accounts());

    const QString account = sandbox::Seeds::primaryAccountId();
    ws->live()->setMonitored(account, true);
    ws->live()->start(sandbox.server.apiKey());
    QTRY_COMPARE_WITH_TIMEOUT(
        int(ws->live()->status(account).state), int(LiveStatus::State::Live), 10000);
    QSignalSpy arrived(ws->live(), &LiveEvents::eventArrived);

    sandbox.server.emitEvent(account, QStringLiteral("message"),
        R"({"sender_name": "Ada Lovelace", "message_text": "Ping",
                                 "sender_profile": "https://www.linkedin.com/in/ada"})");
    QTRY_COMPARE(recording->shown.size(), 1);
    QCOMPARE(recording->shown[0].title, QStringLiteral("Ada Lovelace · Camille Laurent"));
    QCOMPARE(recording->shown[0].body, QStringLiteral("Ping"));

    // Do not disturb: the next one is recorded (and listed) but not shown.
    ws->settings()->setDoNotDisturb(true);
    sandbox.server.emitEvent(account, QStringLiteral("message"),
        R"({"sender_name": "Ada Lovelace", "message_text": "Ping again",
                                 "sender_profile": "https://www.linkedin.com/in/ada"})");
    QTRY_COMPARE(arrived.size(), 2);
    QCOMPARE(recording->shown.size(), 1);
    ws->live()->stop();
}

// The tooltip follows the store's unread conversations (open ones, as the inbox counts), and
// do-not-disturb; the menu lists Show, Do not disturb and Quit.
void TstNotifier::trayCountsUnread()
{
    Database db;
    QVERIFY(db.open(QStringLiteral(":memory:")));
    ConversationRepository conversations(&db);
    auto conversation = [](int n, int unread) {
        Conversation c;
        c.id = QStringLiteral("urn:li:msg_conversation:%1").arg(n);
        c.participant.name = QStringLiteral("Person %1").arg(n);
        c.lastText = QStringLiteral("hello");
        c.lastAt = Now.addSecs(n);
        c.unread = unread;
        return c;
    };
    QVERIFY(conversations.upsert(AccountA, { conversation(1, 2), conversation(2, 0) }));
    QAction show(QStringLiteral("Show")), dnd(QStringLiteral("Do not disturb")),
        quit(QStringLiteral("Quit"));
    dnd.setCheckable(true);
    TrayIcon tray(&conversations, &show, &dnd, &quit);
    QCOMPARE(tray.unread(), 1);
    QCOMPARE(tray.icon()->toolTip(), QStringLiteral("LinkUp Desk — 1 unread conversation"));
    QCOMPARE(tray.menu()->actions().size(), 4); // with a separator before Quit
    QCOMPARE(tray.menu()->actions().constFirst(), &show);
    QCOMPARE(tray.menu()->actions().constLast(), &quit);

    QVERIFY(conversations.upsert(AccountA, { conversation(3, 1), conversation(4, 5) }));
    QTRY_COMPARE(tray.unread(), 3);
    QCOMPARE(tray.icon()->toolTip(), QStringLiteral("LinkUp Desk — 3 unread conversations"));
    dnd.setChecked(true);
    QVERIFY(
        tray.icon()->toolTip().endsWith(QStringLiteral("Do not disturb: notifications are off")));
    QSignalSpy activated(&tray, &TrayIcon::activated);
    Q_EMIT tray.icon()->activated(QSystemTrayIcon::Trigger);
    QCOMPARE(activated.size(), 1);
}

void TstNotifier::badgeOnlyWithUnread()
{
    QImage plain(32, 32, QImage::Format_ARGB32);
    plain.fill(Qt::white);
    const QIcon base(QPixmap::fromImage(plain));
    QCOMPARE(TrayIcon::badged(base, 0).pixmap(32).toImage(), base.pixmap(32).toImage());
    const QImage badged = TrayIcon::badged(base, 7).pixmap(32).toImage();
    // The badge sits in the top-right corner, in red; the bottom-left stays as it was.
    const QColor corner = badged.pixelColor(17, 8); // left of the digit, inside the badge
    QVERIFY2(corner.red() > 150 && corner.green() < 120, qPrintable(corner.name()));
    QCOMPARE(badged.pixelColor(2, 30), QColor(Qt::white));
}

// Elsewhere than Linux the tray's balloon shows them: with no tray shown (as here, offscreen)
// nothing is shown and nothing fails; the balloon's click reaches the latest notification.
void TstNotifier::trayBalloonWithoutTrayIsQuiet()
{
    QSystemTrayIcon tray;
    auto backend = std::make_unique<TrayNotificationBackend>(&tray);
    TrayNotificationBackend *balloon = backend.get();
    makeNotifier(std::move(backend));
    QVERIFY(!balloon->isAvailable());
    QVERIFY(!m_notifier->notify(row(LiveEvent::Type::Message), QStringLiteral("Camille")));

    QSignalSpy activated(balloon, &NotificationBackend::activated);
    QSignalSpy closed(balloon, &NotificationBackend::closed);
    balloon->show(5, QStringLiteral("first"), QStringLiteral("body"));
    balloon->show(6, QStringLiteral("second"), QStringLiteral("body"));
    QCOMPARE(closed.size(), 1); // one balloon at a time
    QCOMPARE(closed[0][0].toULongLong(), 5u);
    Q_EMIT tray.messageClicked();
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated[0][0].toULongLong(), 6u);
}

QTEST_MAIN(TstNotifier)
#include "tst_notifier.moc"
