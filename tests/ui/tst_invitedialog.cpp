// The Invite dialog against the sandbox through the real Workspace: the note counter counts
// code points (an emoji is one) against each account's own limit (200 or 300), Send stays
// disabled with the reason for no account, an inactive one, a page that is not a member profile,
// a note over the limit, a duplicate (connected, pending either way) and a full cap — and sends
// nothing then; an invitation with a note is exactly one invite request carrying the note, and
// every outcome (sent, refused by LinkedIn, unknown then verified) is shown.
#include "sandboxworkspace.h"
#include "screenshots.h"

#include "invitedialog.h"
#include "translations.h"

#include "store/accountrepository.h"
#include "store/networkrepository.h"
#include "sync/invitationqueue.h"
#include "sync/networksync.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using ld::ui::InviteDialog;
using State = ld::OutboxItem::State;

namespace {

const QString Network = QStringLiteral("/v2/network");
const QString Second = QStringLiteral("69c127c37cae0494dd827287"); // James Carter (sandbox)

ld::Account account(const QString &id, const QString &name, bool active)
{
    ld::Account a;
    a.id = id;
    a.name = name;
    a.isActive = active;
    a.status = active ? ld::Account::Status::Active : ld::Account::Status::Inactive;
    return a;
}

QString fresh(const QString &slug)
{
    return QStringLiteral("https://www.linkedin.com/in/%1/").arg(slug);
}

} // namespace

class TstInviteDialog : public QObject
{
    Q_OBJECT

private:
    SandboxWorkspace m_sb;
    std::unique_ptr<InviteDialog> m_dialog;

    QString primary() const { return ld::sandbox::Seeds::primaryAccountId(); }
    int invites() const { return m_sb.server.requestCount(Network, QStringLiteral("invite")); }
    QJsonObject lastInviteParams() const
    {
        const QList<ld::sandbox::RecordedRequest> all = m_sb.server.requests();
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (it->action == QLatin1String("invite"))
                return QJsonDocument::fromJson(it->body).object().value(u"params").toObject();
        }
        return {};
    }
    void refreshList(ld::NetworkSync::List list)
    {
        QSignalSpy refreshed(m_sb.ws->networkSync(), &ld::NetworkSync::refreshed);
        m_sb.ws->networkSync()->refresh(primary(), list);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() == 1, 10000);
    }
    void open(const QString &accountId, const QString &url, const QString &name = {})
    {
        m_dialog = std::make_unique<InviteDialog>(m_sb.ws.get());
        m_dialog->setTarget(accountId, url, name);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }
    void setNote(const QString &note) { m_dialog->noteEdit()->setPlainText(note); }
    void refusedWithNothingSent(const QString &reasonPart)
    {
        const int before = invites();
        QVERIFY2(m_dialog->refusal().contains(reasonPart, Qt::CaseInsensitive),
                 qPrintable(m_dialog->refusal()));
        QVERIFY(!m_dialog->sendButton()->isEnabled());
        QVERIFY(m_dialog->reasonLabel()->isVisible());
        QCOMPARE(m_dialog->reasonLabel()->text(), m_dialog->refusal());
        QCOMPARE(m_dialog->reasonLabel()->textFormat(), Qt::PlainText);
        QTest::mouseClick(m_dialog->sendButton(), Qt::LeftButton);
        m_dialog->send(); // even when asked directly
        QTest::qWait(20);
        QCOMPARE(invites(), before);
        QCOMPARE(m_dialog->runId(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ld::ui::installTranslations(QCoreApplication::instance()); // "1 character", "2 characters"
        QVERIFY(m_sb.open());
        // No account yet: the dialog says what to do first.
        open({}, fresh(QStringLiteral("nobody-yet")));
        refusedWithNothingSent(QStringLiteral("Connect a LinkedIn account first"));
        m_dialog.reset();

        QVERIFY(m_sb.ws->accounts()->upsert(account(primary(), QStringLiteral("Camille Laurent"), true)));
        QVERIFY(m_sb.ws->accounts()->upsert(account(Second, QStringLiteral("James Carter"), true)));
        QVERIFY(m_sb.ws->accounts()->upsert(
            account(QStringLiteral("69c127c37cae0494dd827289"), QStringLiteral("Priya Nair"), false)));
        refreshList(ld::NetworkSync::List::Connections);
        refreshList(ld::NetworkSync::List::Sent);
        refreshList(ld::NetworkSync::List::Received);
        QCOMPARE(m_sb.ws->network()->connectionCount(primary()), 40);
        m_sb.ws->settings()->setNoteLimit(primary(), ld::AppSettings::PremiumNoteLimit);
        m_sb.ws->settings()->setNoteLimit(Second, ld::AppSettings::FreeNoteLimit);
    }

    void cleanup() { m_dialog.reset(); }

    void noteLength_data()
    {
        QTest::addColumn<QString>("note");
        QTest::addColumn<int>("length");
        QTest::newRow("empty") << QString() << 0;
        QTest::newRow("ascii") << QStringLiteral("Hello") << 5;
        QTest::newRow("emoji") << QStringLiteral("👋 Hi") << 4;
        QTest::newRow("accents") << QStringLiteral("Amélie") << 6;
        QTest::newRow("two emoji") << QStringLiteral("🚀🚀") << 2;
        QTest::newRow("zwj sequence: 3 code points") << QStringLiteral("👩‍💻") << 3;
        QTest::newRow("arabic") << QStringLiteral("ليلى") << 4;
    }

    void noteLength()
    {
        QFETCH(QString, note);
        QFETCH(int, length);
        QCOMPARE(InviteDialog::noteLength(note), length);
    }

    void theCounterFollowsTheNote()
    {
        open(primary(), fresh(QStringLiteral("ada-counter")));
        QCOMPARE(m_dialog->counterLabel()->text(), QStringLiteral("0 / 300"));
        QTest::keyClicks(m_dialog->noteEdit(), QStringLiteral("Hi Ada"));
        QCOMPARE(m_dialog->counterLabel()->text(), QStringLiteral("6 / 300"));
        setNote(QStringLiteral("Hi Ada 👋🚀"));
        QCOMPARE(m_dialog->counterLabel()->text(), QStringLiteral("9 / 300"));
        QVERIFY(m_dialog->sendButton()->isEnabled());
        saveScreenshot(m_dialog.get(), QStringLiteral("invite-dialog"));
    }

    void eachAccountHasItsLimit()
    {
        const QString note = QString(150, QLatin1Char('a')) + QString(100, QChar(0x00e9)); // 250
        open(primary(), fresh(QStringLiteral("ada-limit")));
        setNote(note);
        QCOMPARE(m_dialog->counterLabel()->text(), QStringLiteral("250 / 300"));
        QVERIFY(m_dialog->limitLabel()->text().contains(QStringLiteral("300")));
        QVERIFY2(m_dialog->refusal().isEmpty(), qPrintable(m_dialog->refusal()));
        QVERIFY(m_dialog->sendButton()->isEnabled());

        m_dialog->accountCombo()->setCurrentIndex(m_dialog->accountCombo()->findData(Second));
        QCOMPARE(m_dialog->counterLabel()->text(), QStringLiteral("250 / 200"));
        refusedWithNothingSent(QStringLiteral("50 characters too long"));
        saveScreenshot(m_dialog.get(), QStringLiteral("invite-dialog-note-too-long"));

        // 200 emoji are 200 characters for LinkedIn, though 400 UTF-16 units.
        setNote(QString(200, QChar(0x2764))); // ❤, one UTF-16 unit each
        QCOMPARE(m_dialog->counterLabel()->text(), QStringLiteral("200 / 200"));
        QString rockets;
        for (int i = 0; i < 200; ++i)
            rockets += QStringLiteral("🚀");
        setNote(rockets);
        QCOMPARE(m_dialog->counterLabel()->text(), QStringLiteral("200 / 200"));
        QVERIFY2(m_dialog->refusal().isEmpty(), qPrintable(m_dialog->refusal()));
        setNote(rockets + QStringLiteral("🚀"));
        refusedWithNothingSent(QStringLiteral("1 character too long"));
    }

    void onlyMemberProfilesCanBeInvited_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("company page") << QStringLiteral("https://www.linkedin.com/company/acme-robotics/");
        QTest::newRow("school page") << QStringLiteral("https://www.linkedin.com/school/sorbonne/");
        QTest::newRow("other site") << QStringLiteral("https://example.com/in/ada");
        QTest::newRow("no id") << QStringLiteral("https://www.linkedin.com/in/");
        QTest::newRow("words") << QStringLiteral("Ada Lovelace");
    }

    void onlyMemberProfilesCanBeInvited()
    {
        QFETCH(QString, url);
        open(primary(), {});
        QTest::keyClicks(m_dialog->urlEdit(), url);
        refusedWithNothingSent(QStringLiteral("not a LinkedIn profile URL"));
    }

    void anInactiveAccountCannotSend()
    {
        open(QStringLiteral("69c127c37cae0494dd827289"), fresh(QStringLiteral("ada-inactive")));
        refusedWithNothingSent(QStringLiteral("reconnect it"));
    }

    void duplicatesAreRefusedBeforeSending()
    {
        const QList<ld::StoredConnection> connections = m_sb.ws->network()->connections(primary());
        QVERIFY(!connections.isEmpty());
        // Another spelling of the same profile is the same person.
        QString url = connections.first().connection.profileUrl;
        url.replace(QStringLiteral("https://www."), QStringLiteral("http://"));
        open(primary(), url + QStringLiteral("?trk=people"), connections.first().connection.name);
        QVERIFY(m_dialog->findChild<QLabel *>(QStringLiteral("invitePerson"))->text().contains(
            connections.first().connection.name));
        refusedWithNothingSent(QStringLiteral("already connected"));
        saveScreenshot(m_dialog.get(), QStringLiteral("invite-dialog-duplicate"));

        const QList<ld::StoredInvitation> sent
            = m_sb.ws->network()->invitations(ld::StoredInvitation::Direction::Sent, { primary() });
        QVERIFY(!sent.isEmpty());
        m_dialog->setTarget(primary(), sent.first().person.profileUrl);
        refusedWithNothingSent(QStringLiteral("already pending"));

        const QList<ld::StoredInvitation> received = m_sb.ws->network()->invitations(
            ld::StoredInvitation::Direction::Received, { primary() });
        QVERIFY(!received.isEmpty());
        m_dialog->setTarget(primary(), received.first().person.profileUrl);
        refusedWithNothingSent(QStringLiteral("already invited you"));
    }

    void anInvitationWithANoteIsOneRequest()
    {
        const QString url = fresh(QStringLiteral("ada-lovelace-note"));
        open(primary(), url, QStringLiteral("Ada Lovelace"));
        QVERIFY2(m_dialog->refusal().isEmpty(), qPrintable(m_dialog->refusal()));
        const QString before = m_dialog->usageLabel()->text();
        QVERIFY2(before.contains(QStringLiteral("0 of 20 invitations today")), qPrintable(before));
        const QString note = QStringLiteral("Hello Ada 👋 — we met at the Analytical Engine meetup.");
        m_dialog->noteEdit()->setFocus();
        setNote(note);
        const int requests = invites();
        QTest::mouseClick(m_dialog->sendButton(), Qt::LeftButton);
        QVERIFY(!m_dialog->sendButton()->isEnabled()); // no second click while it leaves
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->outcome(), State::Sent, 10000);
        QCOMPARE(invites(), requests + 1);
        const QJsonObject params = lastInviteParams();
        QCOMPARE(params.value(u"message").toString(), note);
        QCOMPARE(linkedInProfileIdOf(params), QStringLiteral("ada-lovelace-note"));
        QVERIFY(m_dialog->outcomeLabel()->isVisible());
        QVERIFY2(m_dialog->outcomeLabel()->text().contains(QStringLiteral("Invitation sent to Ada Lovelace")),
                 qPrintable(m_dialog->outcomeLabel()->text()));
        QVERIFY(m_dialog->usageLabel()->text().contains(QStringLiteral("1 of 20 invitations today")));
        saveScreenshot(m_dialog.get(), QStringLiteral("invite-dialog-sent"));

        // Now pending: a second Send is refused and sends nothing.
        QVERIFY(!m_dialog->sendButton()->isEnabled());
        QVERIFY(m_dialog->refusal().contains(QStringLiteral("already pending")));
        m_dialog->send();
        QTest::qWait(20);
        QCOMPARE(invites(), requests + 1);
    }

    void linkedInRefusesWithAReason()
    {
        open(primary(), fresh(QStringLiteral("deleted-grace-hopper")));
        QVERIFY(m_dialog->refusal().isEmpty());
        QTest::mouseClick(m_dialog->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->outcome(), State::Refused, 10000);
        QVERIFY2(m_dialog->outcomeLabel()->text().startsWith(QStringLiteral("Not sent:")),
                 qPrintable(m_dialog->outcomeLabel()->text()));
        QVERIFY(m_dialog->outcomeLabel()->text().size() > QStringLiteral("Not sent: ").size() + 10);
    }

    void aFailureMaySendAgain()
    {
        const qint64 balance = m_sb.server.creditBalance();
        m_sb.server.setCreditBalance(0);
        open(primary(), fresh(QStringLiteral("ada-no-credits")), QStringLiteral("Ada Broke"));
        QTest::mouseClick(m_dialog->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->outcome(), State::Failed, 10000);
        const QString text = m_dialog->outcomeLabel()->text();
        QVERIFY2(text.startsWith(QStringLiteral("Not sent: ")) && text.endsWith(QStringLiteral("you can send it again.")),
                 qPrintable(text));
        saveScreenshot(m_dialog.get(), QStringLiteral("invite-dialog-failed"));
        // Nothing took effect: the person may send it again, once there are credits.
        m_sb.server.setCreditBalance(balance);
        QVERIFY2(m_dialog->refusal().isEmpty(), qPrintable(m_dialog->refusal()));
        QVERIFY(m_dialog->sendButton()->isEnabled());
        QTest::mouseClick(m_dialog->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->outcome(), State::Sent, 10000);
    }

    void anAmbiguousOutcomeIsVerifiedNotResent()
    {
        m_sb.server.injectFault(ld::sandbox::SandboxServer::Fault::DropAfterSend, 1, Network,
                                QStringLiteral("invite"));
        QSignalSpy changes(m_sb.ws->invitationQueue(), &ld::InvitationQueue::itemChanged);
        const int requests = invites();
        const int checks = m_sb.server.requestCount(Network, QStringLiteral("check_invitation"));
        open(primary(), fresh(QStringLiteral("ada-ambiguous")), QStringLiteral("Ada Ambiguous"));
        QString shownWhileUnknown;
        connect(m_sb.ws->invitationQueue(), &ld::InvitationQueue::itemChanged, m_dialog.get(),
                [&](qint64, qint64, State state) {
                    if (state == State::Unknown)
                        shownWhileUnknown = m_dialog->outcomeLabel()->text();
                });
        QTest::mouseClick(m_dialog->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(changes.cbegin(), changes.cend(),
                        [](const QList<QVariant> &c) { return c.at(2).value<State>() == State::Unknown; }),
            15000);
        // check_invitation says it took effect: sent, without a second invite.
        QVERIFY2(shownWhileUnknown.startsWith(QStringLiteral("Outcome unknown")), qPrintable(shownWhileUnknown));
        QVERIFY(shownWhileUnknown.contains(QStringLiteral("never sends it twice")));
        QTRY_COMPARE_WITH_TIMEOUT(m_dialog->outcome(), State::Sent, 15000);
        QVERIFY(m_dialog->outcomeLabel()->text().startsWith(QStringLiteral("Invitation sent to Ada Ambiguous")));
        QCOMPARE(invites(), requests + 1);
        QCOMPARE(m_sb.server.requestCount(Network, QStringLiteral("check_invitation")), checks + 1);
    }

    void aFullCapStopsTheInvitation()
    {
        ld::PacingLimits p = m_sb.ws->settings()->pacing();
        p.invitesPerDay = 3; // three were sent today above, one of them verified
        m_sb.ws->settings()->setPacing(p);
        open(primary(), fresh(QStringLiteral("ada-capped")));
        refusedWithNothingSent(QStringLiteral("Daily cap reached"));
        QVERIFY2(m_dialog->usageLabel()->text().contains(QStringLiteral("of 3 invitations today")),
                 qPrintable(m_dialog->usageLabel()->text()));
        saveScreenshot(m_dialog.get(), QStringLiteral("invite-dialog-cap"));
        p.invitesPerDay = 20;
        m_sb.ws->settings()->setPacing(p);
    }

private:
    static QString linkedInProfileIdOf(const QJsonObject &params)
    {
        QString url = params.value(u"profile_url").toString();
        url.remove(QStringLiteral("https://www.linkedin.com/in/"));
        url.remove(QLatin1Char('/'));
        return url;
    }
};

QTEST_MAIN(TstInviteDialog)
#include "tst_invitedialog.moc"
