// Invite a list (Ctrl+Shift+I) against the sandbox through the real Workspace and MainWindow:
// pasted URLs become one preview — who will be sent, who is refused and why (already connected,
// not a member profile URL with its line number, the daily cap), the credits — and nothing is
// sent until the preview is confirmed; confirmed, exactly the admitted people get one paced
// invite request each, carrying the note, and the run shows in the Invitations page's run bar.
// From the People page's Search tab, several people selected open the same dialog prefilled.
// Screenshots with LD_SCREENSHOT_DIR.
#include "sandboxworkspace.h"
#include "screenshots.h"

#include "bulkpreviewdialog.h"
#include "bulkrunbar.h"
#include "invitationspage.h"
#include "invitedialog.h"
#include "invitelistdialog.h"
#include "mainwindow.h"
#include "peoplepage.h"
#include "peoplesearchtab.h"
#include "translations.h"

#include "models/peoplesearchmodel.h"
#include "secrets/apikeyvault.h"
#include "secrets/secretstore.h"
#include "store/accountrepository.h"
#include "store/networkrepository.h"
#include "sync/invitationqueue.h"
#include "sync/networksync.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using ld::ui::BulkPreviewDialog;
using ld::ui::InvitationsPage;
using ld::ui::InviteDialog;
using ld::ui::InviteListDialog;
using ld::ui::MainWindow;

namespace {

const QString Network = QStringLiteral("/v2/network");
const QString Second = QStringLiteral("69c127c37cae0494dd827287"); // James Carter (sandbox)

QString fresh(const QString &slug)
{
    return QStringLiteral("https://www.linkedin.com/in/%1/").arg(slug);
}

ld::Account account(const QString &id, const QString &name)
{
    ld::Account a;
    a.id = id;
    a.name = name;
    a.isActive = true;
    a.status = ld::Account::Status::Active;
    return a;
}

} // namespace

class TstInviteListDialog : public QObject
{
    Q_OBJECT

private:
    SandboxWorkspace m_sb;
    std::unique_ptr<ld::MemorySecretStore> m_secrets;
    std::unique_ptr<ld::ApiKeyVault> m_vault;
    std::unique_ptr<MainWindow> m_window;

    QString primary() const { return ld::sandbox::Seeds::primaryAccountId(); }
    InvitationsPage *page() const { return m_window->invitationsPage(); }
    int invites() const { return m_sb.server.requestCount(Network, QStringLiteral("invite")); }
    QList<QJsonObject> inviteParams() const
    {
        QList<QJsonObject> out;
        for (const ld::sandbox::RecordedRequest &r : m_sb.server.requests()) {
            if (r.action == QLatin1String("invite"))
                out << QJsonDocument::fromJson(r.body).object().value(u"params").toObject();
        }
        return out;
    }
    void setPacing(int minMs, int maxMs, int invitesPerDay)
    {
        ld::PacingLimits p = m_sb.ws->settings()->pacing();
        p.minDelayMs = minMs;
        p.maxDelayMs = maxMs;
        p.invitesPerDay = invitesPerDay;
        m_sb.ws->settings()->setPacing(p);
    }
    void refreshList(const QString &accountId, ld::NetworkSync::List list)
    {
        QSignalSpy refreshed(m_sb.ws->networkSync(), &ld::NetworkSync::refreshed);
        m_sb.ws->networkSync()->refresh(accountId, list);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() == 1, 10000);
    }
    InviteListDialog *openDialog(const QString &accountId)
    {
        page()->inviteList(accountId);
        InviteListDialog *dialog = page()->inviteListDialog();
        [&] {
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
        }();
        return dialog;
    }
    BulkPreviewDialog *openPreview(InviteListDialog *dialog)
    {
        QTest::mouseClick(dialog->previewButton(), Qt::LeftButton);
        [&] { QTRY_VERIFY(dialog->previewDialog() && dialog->previewDialog()->isVisible()); }();
        return dialog->previewDialog();
    }
    void waitForRunEnd()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!page()->runBar()->isRunActive(), 20000);
        QTRY_VERIFY(m_sb.ws->client()->activeCalls().isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        ld::ui::installTranslations(QCoreApplication::instance());
        QVERIFY(m_sb.open());
        QVERIFY(m_sb.ws->accounts()->upsert(account(primary(), QStringLiteral("Camille Laurent"))));
        refreshList(primary(), ld::NetworkSync::List::Connections);
        QVERIFY(m_sb.ws->network()->connectionCount(primary()) > 0);
        setPacing(10, 30, 20);
        m_secrets = std::make_unique<ld::MemorySecretStore>();
        m_vault = std::make_unique<ld::ApiKeyVault>(m_secrets.get());
        m_vault->setKey(m_sb.server.apiKey());
        m_window = std::make_unique<MainWindow>(
            m_sb.ws.get(), m_vault.get(), QStringLiteral("memory"), false);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void parseSkipsBlanksAndMarksBadLinesAndRepeats()
    {
        const QList<InviteListDialog::Line> lines = InviteListDialog::parse(QStringLiteral(
            "  https://www.linkedin.com/in/ada/  \n\n   \nhttps://www.linkedin.com/company/acme/\n"
            "http://linkedin.com/in/Ada?trk=x\nnot a url"));
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0).number, 1);
        QCOMPARE(lines.at(0).text, QStringLiteral("https://www.linkedin.com/in/ada/"));
        QCOMPARE(lines.at(0).profileId, QStringLiteral("ada"));
        QCOMPARE(lines.at(1).number, 4);
        QVERIFY(lines.at(1).profileId.isEmpty());
        QCOMPARE(lines.at(2).number, 5);
        QCOMPARE(lines.at(2).repeats, 1);
        QCOMPARE(lines.at(3).number, 6);
        QVERIFY(lines.at(3).profileId.isEmpty());
    }

    void shortcutOpensTheDialog()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("inviteList"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+I")));
        QVERIFY(m_window->commands().contains(action)); // the palette lists it
        QApplication::setActiveWindow(m_window.get());
        QTRY_VERIFY(m_window->isActiveWindow());
        QTest::keyClick(m_window.get(), Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(page()->inviteListDialog() && page()->inviteListDialog()->isVisible());
        QCOMPARE(m_window->currentPage(), page());
        InviteListDialog *dialog = page()->inviteListDialog();
        QCOMPARE(dialog->accountId(), primary());
        QVERIFY(!dialog->previewButton()->isEnabled()); // nothing pasted yet
        QVERIFY(dialog->refusal().contains(QStringLiteral("Paste")));
        // The page's toolbar has it too.
        QVERIFY(page()->findChild<QWidget *>(QStringLiteral("inviteListButton")));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!page()->inviteListDialog());
        QCOMPARE(invites(), 0);
    }

    void pastedListIsPreviewedThenSentPaced()
    {
        const QList<ld::StoredConnection> connections = m_sb.ws->network()->connections(primary());
        const QString connected = connections.first().connection.profileUrl;
        InviteListDialog *dialog = openDialog(primary());
        dialog->urlsEdit()->setPlainText(QStringLiteral("  %1  \n\n%2\n%3\nhttps://www.linkedin.com/company/acme-robotics/\n")
                                             .arg(fresh(QStringLiteral("list-new-one")),
                                                 fresh(QStringLiteral("list-new-two")), connected));
        const QString note = QStringLiteral("Hello 👋 we met at the robotics meetup.");
        dialog->noteEdit()->setPlainText(note);
        QCOMPARE(dialog->counterLabel()->text(),
            QStringLiteral("%1 / 200").arg(InviteDialog::noteLength(note)));
        QCOMPARE(InviteDialog::noteLength(note), 38);
        const QString lines = dialog->linesLabel()->text();
        QVERIFY2(lines.contains(QStringLiteral("3 people to invite.")), qPrintable(lines));
        QVERIFY2(lines.contains(QStringLiteral("Line 5 is not a LinkedIn member profile URL")),
            qPrintable(lines));
        QVERIFY(dialog->previewButton()->isEnabled());
        saveScreenshot(dialog, QStringLiteral("invite-list-dialog"));

        // Do nothing in the preview: back to the list, nothing sent.
        BulkPreviewDialog *preview = openPreview(dialog);
        QCOMPARE(preview->plan().toSend, 2);
        QCOMPARE(preview->plan().credits(), 2);
        QCOMPARE(preview->plan().refusedOther, 2);
        QTest::keyClick(preview, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->previewDialog());
        QVERIFY(dialog->isVisible());
        QTest::qWait(50);
        QCOMPARE(invites(), 0);

        setPacing(300, 300, 20);
        preview = openPreview(dialog);
        QVERIFY2(preview->costLabel()->text().startsWith(QStringLiteral("2 credits")),
            qPrintable(preview->costLabel()->text()));
        QVERIFY2(preview->capsLabel()->text().contains(QStringLiteral("Invitations 0/20 today")),
            qPrintable(preview->capsLabel()->text()));
        QTreeWidget *list = preview->list();
        QCOMPARE(list->topLevelItemCount(), 4);
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("Will be sent (1 credit)"));
        QCOMPARE(list->topLevelItem(1)->text(3), QStringLiteral("Will be sent (1 credit)"));
        QVERIFY2(list->topLevelItem(2)->text(3).contains(QStringLiteral("already connected")),
            qPrintable(list->topLevelItem(2)->text(3)));
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("list-new-one"));
        QVERIFY(list->topLevelItem(3)->text(0).startsWith(QStringLiteral("Line 5: ")));
        QVERIFY2(list->topLevelItem(3)->text(3).contains(QStringLiteral("not a LinkedIn profile URL")),
            qPrintable(list->topLevelItem(3)->text(3)));
        QCOMPARE(preview->confirmButton()->text(), QStringLiteral("Invite 2"));
        saveScreenshot(preview, QStringLiteral("invite-list-preview"));

        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(preview->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY(!page()->inviteListDialog());
        QVERIFY(page()->runBar()->isRunActive());
        QCOMPARE(page()->currentTab(), InvitationsPage::SentTab);
        QCOMPARE(page()->runBar()->titleLabel()->text(), QStringLiteral("Invite 4 people"));
        waitForRunEnd();
        QVERIFY2(clock.elapsed() >= 300, "one paced pause between the two requests");
        QCOMPARE(invites(), 2);
        const QList<QJsonObject> params = inviteParams();
        QCOMPARE(params.size(), 2);
        QStringList urls;
        for (const QJsonObject &p : params) {
            QCOMPARE(p.value(u"message").toString(), note);
            urls << p.value(u"profile_url").toString();
        }
        QVERIFY2(urls.join(u' ').contains(QStringLiteral("list-new-one"))
                && urls.join(u' ').contains(QStringLiteral("list-new-two")),
            qPrintable(urls.join(u' ')));
        const QString summary = page()->runBar()->detailLabel()->text();
        QVERIFY2(summary.startsWith(QStringLiteral("2 sent · 2 refused")), qPrintable(summary));
        saveScreenshot(m_window.get(), QStringLiteral("invite-list-run"));
    }

    void dailyCapRefusesTheRest()
    {
        QVERIFY(m_sb.ws->accounts()->upsert(account(Second, QStringLiteral("James Carter"))));
        setPacing(10, 30, 1);
        const int before = invites();
        InviteListDialog *dialog = openDialog(Second);
        QCOMPARE(dialog->accountId(), Second);
        dialog->urlsEdit()->setPlainText(
            fresh(QStringLiteral("cap-one")) + u'\n' + fresh(QStringLiteral("cap-two")));
        BulkPreviewDialog *preview = openPreview(dialog);
        QCOMPARE(preview->plan().toSend, 1);
        QCOMPARE(preview->plan().refusedByCap, 1);
        QVERIFY2(preview->list()->topLevelItem(1)->text(3).contains(QStringLiteral("daily cap of 1")),
            qPrintable(preview->list()->topLevelItem(1)->text(3)));
        QVERIFY(preview->refusalLabel()->text().contains(QStringLiteral("safety cap")));
        saveScreenshot(preview, QStringLiteral("invite-list-preview-cap"));
        QTest::keyClick(preview, Qt::Key_Return);
        QTRY_VERIFY(!page()->inviteListDialog());
        waitForRunEnd();
        QCOMPARE(invites(), before + 1);
        const QString summary = page()->runBar()->detailLabel()->text();
        QVERIFY2(summary.startsWith(QStringLiteral("1 sent · 1 refused")), qPrintable(summary));
        setPacing(10, 30, 20);
    }

    void aNoteOverTheLimitStopsThePreview()
    {
        InviteListDialog *dialog = openDialog(primary());
        dialog->urlsEdit()->setPlainText(fresh(QStringLiteral("long-note")));
        dialog->noteEdit()->setPlainText(QString(201, u'x'));
        QVERIFY(!dialog->previewButton()->isEnabled());
        QVERIFY2(dialog->refusal().contains(QStringLiteral("1 character too long")),
            qPrintable(dialog->refusal()));
        dialog->preview(); // even when asked directly
        QVERIFY(!dialog->previewDialog());
        dialog->reject();
        QTRY_VERIFY(!page()->inviteListDialog());
    }
};

QTEST_MAIN(TstInviteListDialog)
#include "tst_invitelistdialog.moc"
