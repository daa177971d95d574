// The Invitations page against the sandbox through the real Workspace, as a person clears both
// queues: F5 fills both tabs and says what it cost; A on a selection previews the count, cost
// and caps, and Enter sends accepts carrying the stored shared secrets; "withdraw older than"
// lists exactly the stale invitations and sends nothing until confirmed; a cap reached in the
// middle of a run stops it with the cap's sentence; P pauses and Resume resumes; a run a crash
// interrupted comes back paused with Resume and Cancel; every shortcut triggers its action;
// remote text is shown literally. Screenshots with LD_SCREENSHOT_DIR.
#include "sandboxworkspace.h"
#include "screenshots.h"

#include "bulkpreviewdialog.h"
#include "bulkrunbar.h"
#include "bulkrundetailsdialog.h"
#include "commandpalette.h"
#include "invitationspage.h"
#include "mainwindow.h"
#include "translations.h"
#include "withdrawolderdialog.h"

#include "domain/profileurl.h"
#include "models/invitationlistmodel.h"
#include "secrets/apikeyvault.h"
#include "secrets/secretstore.h"
#include "store/accountrepository.h"
#include "store/networkrepository.h"
#include "store/outboxrepository.h"
#include "store/runrepository.h"
#include "sync/invitationqueue.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSysInfo>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using ld::InvitationListModel;
using ld::ui::BulkPreviewDialog;
using ld::ui::InvitationsPage;

namespace {

const QString Hostile = QStringLiteral("<b>bold</b> <img src=x> <a href=\"http://x\">link</a>");
const QString Network = QStringLiteral("/v2/network");

QJsonObject paramsOf(const ld::sandbox::RecordedRequest &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("params")).toObject();
}

} // namespace

class TstInvitationsPage : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    // QDesktopServices hands https links here instead of to a browser.
    void openUrl(const QUrl &url) { m_openedUrls << url; }

private:
    SandboxWorkspace m_sb;
    std::unique_ptr<QWidget> m_window;
    InvitationsPage *m_page = nullptr;
    QList<QUrl> m_openedUrls;

    ld::InvitationQueue *queue() const { return m_sb.ws->invitationQueue(); }
    QString primary() const { return ld::sandbox::Seeds::primaryAccountId(); }
    int writes() const
    {
        int n = 0;
        for (const char *action : { "accept", "decline", "withdraw", "invite" })
            n += m_sb.server.requestCount(Network, QString::fromLatin1(action));
        return n;
    }
    int requests(const char *action) const
    {
        return m_sb.server.requestCount(Network, QString::fromLatin1(action));
    }
    void setPacing(int minMs, int maxMs, int acceptsPerDay = 50)
    {
        ld::PacingLimits p = m_sb.ws->settings()->pacing();
        p.minDelayMs = minMs;
        p.maxDelayMs = maxMs;
        p.acceptsPerDay = acceptsPerDay;
        m_sb.ws->settings()->setPacing(p);
    }
    QTreeView *focusTab(InvitationsPage::Tab tab)
    {
        QApplication::setActiveWindow(m_window.get());
        m_page->tabs()->setCurrentIndex(tab);
        QTreeView *view = m_page->view(tab);
        view->setFocus();
        [&] { QTRY_VERIFY(view->hasFocus()); }();
        return view;
    }
    // Rows first..last of the tab's view, as Shift+Down would select them.
    void selectRows(InvitationsPage::Tab tab, int first, int last)
    {
        QTreeView *view = focusTab(tab);
        view->clearSelection();
        view->setCurrentIndex(view->model()->index(first, 0));
        for (int i = first; i < last; ++i)
            QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view->selectionModel()->selectedRows().size(), last - first + 1);
    }
    BulkPreviewDialog *waitForPreview()
    {
        [&] { QTRY_VERIFY(m_page->previewDialog() && m_page->previewDialog()->isVisible()); }();
        return m_page->previewDialog();
    }
    void closePreview()
    {
        BulkPreviewDialog *dialog = m_page->previewDialog();
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!m_page->previewDialog());
    }
    qint64 waitForRunEnd()
    {
        const qint64 runId = m_page->runBar()->runId();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(!m_page->runBar()->isRunActive(), 20000);
            QTRY_VERIFY(m_sb.ws->client()->activeCalls().isEmpty());
        }();
        return runId;
    }

private Q_SLOTS:
    void initTestCase()
    {
        ld::ui::installTranslations(QCoreApplication::instance());
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
        QVERIFY(m_sb.open());
        setPacing(10, 30);

        m_window = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_window.get());
        layout->setContentsMargins(0, 0, 0, 0);
        m_page = new InvitationsPage(m_sb.ws.get(), m_window.get());
        layout->addWidget(m_page);
        m_window->resize(1180, 720);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        // Without an account, the page says what to do first.
        QVERIFY(m_page->emptyLabel(InvitationsPage::ReceivedTab)->isVisible());
        QVERIFY(m_page->emptyLabel(InvitationsPage::ReceivedTab)
                    ->text()
                    .contains(QStringLiteral("Connect")));
        ld::Account account;
        account.id = primary();
        account.name = QStringLiteral("Camille Laurent");
        account.isActive = true;
        account.status = ld::Account::Status::Active;
        QVERIFY(m_sb.ws->accounts()->upsert(account));
        QVERIFY(m_page->emptyLabel(InvitationsPage::ReceivedTab)
                    ->text()
                    .contains(QStringLiteral("F5")));
        saveScreenshot(m_window.get(), QStringLiteral("invitations-empty"));
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_window.reset();
    }

    void refreshFillsBothTabs()
    {
        m_page->refresh();
        QVERIFY(m_page->isRefreshing());
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isRefreshing(), 20000);
        const QString status = m_page->statusLabel()->text();
        QCOMPARE(
            status, QStringLiteral("Refreshed 12 received and 25 sent invitations for 2 credits."));
        QCOMPARE(m_page->model(InvitationsPage::ReceivedTab)->rowCount(), 12);
        QCOMPARE(m_page->model(InvitationsPage::SentTab)->rowCount(), 25);
        QCOMPARE(
            m_page->tabs()->tabText(InvitationsPage::ReceivedTab), QStringLiteral("Received (12)"));
        QCOMPARE(m_page->tabs()->tabText(InvitationsPage::SentTab), QStringLiteral("Sent (25)"));
        QVERIFY(m_page->view(InvitationsPage::ReceivedTab)->isVisible());
        QVERIFY(!m_page->emptyLabel(InvitationsPage::ReceivedTab)->isVisible());
        QVERIFY2(m_page->capsLabel()->text().contains(QStringLiteral(
                     "Invitations 0/20 today · 0/100 this week · Accepts and declines 0/50 · "
                     "Withdrawals 0/30")),
            qPrintable(m_page->capsLabel()->text()));

        // Sorted by age, newest first; a click on the header sorts oldest first.
        QTreeView *sent = focusTab(InvitationsPage::SentTab);
        auto ageAt = [sent](int row) {
            return sent->model()->index(row, 0).data(InvitationListModel::AgeDaysRole).toInt();
        };
        QVERIFY(ageAt(0) <= ageAt(1) && ageAt(1) <= ageAt(24));
        sent->sortByColumn(InvitationListModel::AgeColumn, Qt::DescendingOrder);
        QVERIFY(ageAt(0) >= ageAt(24));
        sent->setCurrentIndex(sent->model()->index(0, 0));
        saveScreenshot(m_window.get(), QStringLiteral("invitations-sent"));
        sent->sortByColumn(InvitationListModel::AgeColumn, Qt::AscendingOrder);

        QTreeView *received = focusTab(InvitationsPage::ReceivedTab);
        received->setCurrentIndex(received->model()->index(1, 0));
        saveScreenshot(m_window.get(), QStringLiteral("invitations-received"));
    }

    void hostileTextIsShownLiterally()
    {
        ld::Account account;
        account.id = QStringLiteral("acc_hostile");
        account.name = Hostile;
        QVERIFY(m_sb.ws->accounts()->upsert(account));
        ld::ReceivedInvitation r;
        r.entityUrn = QStringLiteral("urn:li:invitation:424242");
        r.sharedSecret = QStringLiteral("s");
        r.sender.firstName = Hostile;
        r.sender.headline = Hostile;
        r.sender.profileUrl = QStringLiteral("javascript:alert(1)");
        r.message = Hostile;
        QVERIFY(m_sb.ws->network()->replaceReceived(
            account.id, { r }, QDateTime::currentDateTimeUtc()));
        QTreeView *view = focusTab(InvitationsPage::ReceivedTab);
        int row = -1;
        for (int i = 0; i < view->model()->rowCount(); ++i) {
            if (view->model()->index(i, 0).data(InvitationListModel::EntityUrnRole) == r.entityUrn)
                row = i;
        }
        QVERIFY(row >= 0);
        view->setCurrentIndex(view->model()->index(row, 0));
        QCOMPARE(view->model()->index(row, InvitationListModel::HeadlineColumn).data().toString(),
            Hostile);
        QCOMPARE(view->model()->index(row, InvitationListModel::AccountColumn).data().toString(),
            Hostile);
        QVERIFY(m_page->detailLabel()->text().contains(Hostile));
        for (QLabel *l : m_page->findChildren<QLabel *>()) {
            if (l->text().contains(QStringLiteral("<b>")))
                QCOMPARE(l->textFormat(), Qt::PlainText);
        }
        QVERIFY(m_page->accountCombo()->findText(Hostile) > 0);

        // A link that is not a LinkedIn profile is never opened.
        m_openedUrls.clear();
        QTest::keyClick(view, Qt::Key_O);
        QVERIFY(m_openedUrls.isEmpty());
        QVERIFY(m_page->statusLabel()->text().contains(QStringLiteral("no LinkedIn profile")));

        QVERIFY(
            m_sb.ws->network()->replaceReceived(account.id, {}, QDateTime::currentDateTimeUtc()));
        QVERIFY(m_sb.ws->accounts()->remove(account.id));
        QCOMPARE(m_page->model(InvitationsPage::ReceivedTab)->rowCount(), 12);
    }

    void shortcuts_data()
    {
        QTest::addColumn<int>("tab");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QString>("effect");
        const int received = InvitationsPage::ReceivedTab;
        const int sent = InvitationsPage::SentTab;
        QTest::newRow("A accepts") << received << int(Qt::Key_A) << 0 << QStringLiteral("accept");
        QTest::newRow("D declines") << received << int(Qt::Key_D) << 0 << QStringLiteral("decline");
        QTest::newRow("W withdraws") << sent << int(Qt::Key_W) << 0 << QStringLiteral("withdraw");
        QTest::newRow("Ctrl+Shift+W withdraws older")
            << sent << int(Qt::Key_W) << int(Qt::ControlModifier | Qt::ShiftModifier)
            << QStringLiteral("older");
        QTest::newRow("Ctrl+A selects all")
            << received << int(Qt::Key_A) << int(Qt::ControlModifier) << QStringLiteral("all");
        QTest::newRow("O opens the profile")
            << sent << int(Qt::Key_O) << 0 << QStringLiteral("profile");
        QTest::newRow("S shows Sent") << received << int(Qt::Key_S) << 0 << QStringLiteral("sent");
        QTest::newRow("R shows Received")
            << sent << int(Qt::Key_R) << 0 << QStringLiteral("received");
        QTest::newRow("A does nothing on Sent")
            << sent << int(Qt::Key_A) << 0 << QStringLiteral("nothing");
    }

    void shortcuts()
    {
        QFETCH(int, tab);
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QString, effect);
        const auto t = InvitationsPage::Tab(tab);
        selectRows(t, 1, 1);
        QTreeView *view = m_page->view(t);
        const int writesBefore = writes();
        m_openedUrls.clear();
        QTest::keyClick(view, Qt::Key(key), Qt::KeyboardModifiers(modifiers));

        if (effect == QLatin1String("accept") || effect == QLatin1String("decline")
            || effect == QLatin1String("withdraw")) {
            BulkPreviewDialog *dialog = waitForPreview();
            const ld::NetworkAction action = effect == QLatin1String("accept")
                ? ld::NetworkAction::Accept
                : effect == QLatin1String("decline") ? ld::NetworkAction::Decline
                                                     : ld::NetworkAction::Withdraw;
            QCOMPARE(int(dialog->action()), int(action));
            QCOMPARE(dialog->list()->topLevelItemCount(), 1);
            closePreview();
        } else if (effect == QLatin1String("older")) {
            BulkPreviewDialog *dialog = waitForPreview();
            QVERIFY(qobject_cast<ld::ui::WithdrawOlderDialog *>(dialog));
            closePreview();
        } else if (effect == QLatin1String("all")) {
            QCOMPARE(view->selectionModel()->selectedRows().size(), view->model()->rowCount());
        } else if (effect == QLatin1String("profile")) {
            QCOMPARE(m_openedUrls.size(), 1);
            const QString expected = ld::canonicalProfileUrl(
                view->currentIndex().data(InvitationListModel::ProfileUrlRole).toString());
            QVERIFY(!expected.isEmpty());
            QCOMPARE(m_openedUrls.first(), QUrl(expected));
        } else if (effect == QLatin1String("sent")) {
            QCOMPARE(m_page->currentTab(), InvitationsPage::SentTab);
            QTRY_VERIFY(m_page->view(InvitationsPage::SentTab)->hasFocus());
        } else if (effect == QLatin1String("received")) {
            QCOMPARE(m_page->currentTab(), InvitationsPage::ReceivedTab);
            QTRY_VERIFY(m_page->view(InvitationsPage::ReceivedTab)->hasFocus());
        } else if (effect == QLatin1String("nothing")) {
            QVERIFY(!m_page->previewDialog());
        }
        QCOMPARE(writes(), writesBefore); // a preview sends nothing
    }

    void commandsAreListedWithShortcuts()
    {
        QStringList names;
        for (QAction *a : m_page->commands()) {
            names << a->objectName();
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->objectName()));
        }
        for (const char *name : { "acceptInvitations", "declineInvitations", "withdrawInvitations",
                 "withdrawOlder", "selectAllInvitations", "openInvitationProfile",
                 "showReceivedInvitations", "showSentInvitations", "pauseBulkRun" })
            QVERIFY2(names.contains(QLatin1String(name)), name);
        focusTab(InvitationsPage::ReceivedTab);
        auto *withdraw = m_page->findChild<QAction *>(QStringLiteral("withdrawInvitations"));
        QVERIFY(!withdraw->isEnabled()); // out of the palette on the Received tab
    }

    void acceptSelectionIsPreviewedThenSent()
    {
        m_sb.server.clearRequests();
        selectRows(InvitationsPage::ReceivedTab, 0, 2);
        QTreeView *view = m_page->view(InvitationsPage::ReceivedTab);
        QHash<QString, QString> secrets; // URN → the stored shared secret
        for (const QModelIndex &i : view->selectionModel()->selectedRows()) {
            const auto inv
                = m_sb.ws->network()->invitation(i.data(InvitationListModel::KeyRole).toLongLong());
            QVERIFY(inv && !inv->sharedSecret.isEmpty());
            secrets.insert(inv->entityUrn, inv->sharedSecret);
        }
        QCOMPARE(secrets.size(), 3);

        QTest::keyClick(view, Qt::Key_A);
        BulkPreviewDialog *dialog = waitForPreview();
        QCOMPARE(dialog->list()->topLevelItemCount(), 3);
        QCOMPARE(dialog->headingLabel()->text(), QStringLiteral("Accept 3 invitations"));
        QVERIFY2(dialog->costLabel()->text().startsWith(QStringLiteral("3 credits — 1 per accept")),
            qPrintable(dialog->costLabel()->text()));
        QVERIFY2(dialog->capsLabel()->text().contains(
                     QStringLiteral("Camille Laurent — Accepts and declines 0/50 today · 0/250 "
                                    "this week · 50 left")),
            qPrintable(dialog->capsLabel()->text()));
        QVERIFY(!dialog->refusalLabel()->isVisible());
        QCOMPARE(dialog->confirmButton()->text(), QStringLiteral("Accept 3"));
        saveScreenshot(dialog, QStringLiteral("invitations-preview"));
        QCOMPARE(writes(), 0);

        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY(!m_page->previewDialog());
        QVERIFY(m_page->runBar()->isVisible());
        waitForRunEnd();
        QCOMPARE(requests("accept"), 3);
        for (const ld::sandbox::RecordedRequest &r : m_sb.server.requests()) {
            if (r.action != QLatin1String("accept"))
                continue;
            const QJsonObject params = paramsOf(r);
            const QString urn = params.value(QStringLiteral("entity_urn")).toString();
            QVERIFY2(secrets.contains(urn), qPrintable(urn));
            QCOMPARE(params.value(QStringLiteral("shared_secret")).toString(), secrets.value(urn));
        }
        QTRY_COMPARE(m_page->model(InvitationsPage::ReceivedTab)->rowCount(), 9);
        QCOMPARE(
            m_page->tabs()->tabText(InvitationsPage::ReceivedTab), QStringLiteral("Received (9)"));
        const QString summary = m_page->runBar()->detailLabel()->text();
        QCOMPARE(summary, QStringLiteral("3 accepted · 0 refused · 0 failed · 0 unknown"));
        QVERIFY(m_page->capsLabel()->text().contains(QStringLiteral("Accepts and declines 3/50")));
        QVERIFY(m_page->runBar()->closeButton()->isVisible());
        QVERIFY(!m_page->runBar()->pauseButton()->isVisible());
    }

    void withdrawOlderListsExactlyTheStaleOnes()
    {
        m_sb.server.clearRequests();
        QTreeView *view = focusTab(InvitationsPage::SentTab);
        QSet<QString> staleOver30;
        QSet<QString> staleOver50;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex i = view->model()->index(row, 0);
            const int age = i.data(InvitationListModel::AgeDaysRole).toInt();
            if (age > 30)
                staleOver30 << i.data().toString();
            if (age > 50)
                staleOver50 << i.data().toString();
        }
        QCOMPARE(staleOver30.size(), 12); // the sandbox's seeded ages
        QCOMPARE(staleOver50.size(), 4);

        QTest::keyClick(view, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = qobject_cast<ld::ui::WithdrawOlderDialog *>(waitForPreview());
        QVERIFY(dialog);
        QCOMPARE(dialog->daysSpin()->value(), 30);
        auto listed = [dialog] {
            QSet<QString> names;
            for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i)
                names << dialog->list()->topLevelItem(i)->text(0);
            return names;
        };
        QCOMPARE(listed(), staleOver30);
        QCOMPARE(dialog->headingLabel()->text(),
            QStringLiteral("Withdraw 12 invitations older than 30 days"));
        QVERIFY(dialog->costLabel()->text().startsWith(QStringLiteral("12 credits")));
        QVERIFY(dialog->capsLabel()->text().contains(QStringLiteral("Withdrawals 0/30 today")));
        // The oldest first, each with its age.
        QVERIFY(dialog->list()->topLevelItem(0)->text(2).endsWith(QStringLiteral(" d")));
        saveScreenshot(dialog, QStringLiteral("invitations-withdraw-older"));

        dialog->daysSpin()->setValue(50);
        QCOMPARE(listed(), staleOver50);
        QCOMPARE(dialog->confirmButton()->text(), QStringLiteral("Withdraw 4"));
        QCOMPARE(writes(), 0);
        closePreview();
        QCOMPARE(writes(), 0);

        // Again, and confirmed with the keyboard: exactly the four stale ones leave.
        QTest::keyClick(view, Qt::Key_W, Qt::ControlModifier | Qt::ShiftModifier);
        dialog = qobject_cast<ld::ui::WithdrawOlderDialog *>(waitForPreview());
        QTRY_VERIFY(dialog->daysSpin()->hasFocus());
        dialog->daysSpin()->selectAll();
        QTest::keyClicks(dialog->daysSpin(), QStringLiteral("50"));
        QCOMPARE(dialog->list()->topLevelItemCount(), 4);
        QTest::keyClick(dialog->daysSpin(), Qt::Key_Return);
        QTRY_VERIFY(!m_page->previewDialog());
        waitForRunEnd();
        QCOMPARE(requests("withdraw"), 4);
        QTRY_COMPARE(m_page->model(InvitationsPage::SentTab)->rowCount(), 21);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QVERIFY(
                view->model()->index(row, 0).data(InvitationListModel::AgeDaysRole).toInt() <= 50);
        QCOMPARE(m_page->runBar()->titleLabel()->text(),
            QStringLiteral("Withdraw 4 invitations older than 50 days"));
        QCOMPARE(m_page->runBar()->detailLabel()->text(),
            QStringLiteral("4 withdrawn · 0 refused · 0 failed · 0 unknown"));
    }

    void capReachedMidRunStopsWithTheCapMessage()
    {
        m_sb.server.clearRequests();
        setPacing(10, 30, 10); // 3 used today: room for 7
        selectRows(InvitationsPage::ReceivedTab, 0, 3);
        QTest::keyClick(m_page->view(InvitationsPage::ReceivedTab), Qt::Key_A);
        BulkPreviewDialog *dialog = waitForPreview();
        QCOMPARE(dialog->plan().toSend, 4);
        QCOMPARE(dialog->plan().refusedByCap, 0);

        // The cap drops to 5 once the first accept is done: the second fills it, the third
        // and fourth are refused, and the run says why.
        const auto lower = connect(queue(), &ld::InvitationQueue::itemChanged, this,
            [this](qint64, qint64, ld::OutboxItem::State state) {
                if (state == ld::OutboxItem::State::Sent)
                    setPacing(10, 30, 5);
            });
        QTest::keyClick(dialog, Qt::Key_Return);
        waitForRunEnd();
        disconnect(lower);
        const ld::RunProgress p = m_page->runBar()->progress();
        QCOMPARE(p.done, 2);
        QCOMPARE(p.refused, 2);
        QCOMPARE(requests("accept"), 2);
        QCOMPARE(m_page->runBar()->detailLabel()->text(),
            QStringLiteral("2 accepted · 2 refused · 0 failed · 0 unknown"));
        QLabel *reason = m_page->runBar()->reasonLabel();
        QVERIFY(reason->isVisible());
        QVERIFY2(reason->text().contains(QStringLiteral("cap")), qPrintable(reason->text()));
        saveScreenshot(m_window.get(), QStringLiteral("invitations-cap-reached"));

        // Details: each item's outcome and reason.
        QTest::mouseClick(m_page->runBar()->detailsButton(), Qt::LeftButton);
        QTRY_VERIFY(m_page->runBar()->detailsDialog());
        QTreeWidget *items = m_page->runBar()->detailsDialog()->list();
        QCOMPARE(items->topLevelItemCount(), 4);
        int refusedRows = 0;
        for (int i = 0; i < items->topLevelItemCount(); ++i) {
            if (items->topLevelItem(i)->text(1) == QLatin1String("Refused")) {
                ++refusedRows;
                QVERIFY(items->topLevelItem(i)->text(2).contains(QStringLiteral("cap")));
            } else {
                QCOMPARE(items->topLevelItem(i)->text(1), QStringLiteral("Accepted"));
            }
        }
        QCOMPARE(refusedRows, 2);
        saveScreenshot(m_page->runBar()->detailsDialog(), QStringLiteral("invitations-details"));
        m_page->runBar()->detailsDialog()->close();
        QTRY_VERIFY(!m_page->runBar()->detailsDialog());

        // At the cap, the preview says so before anything is sent.
        selectRows(InvitationsPage::ReceivedTab, 0, 1);
        QTest::keyClick(m_page->view(InvitationsPage::ReceivedTab), Qt::Key_A);
        dialog = waitForPreview();
        QCOMPARE(dialog->plan().refusedByCap, 2);
        QVERIFY(dialog->refusalLabel()->isVisible());
        QVERIFY2(dialog->refusalLabel()->text().startsWith(
                     QStringLiteral("2 would be refused by the safety cap")),
            qPrintable(dialog->refusalLabel()->text()));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        saveScreenshot(dialog, QStringLiteral("invitations-preview-cap"));
        closePreview();
        QCOMPARE(requests("accept"), 2);
        setPacing(10, 30);
    }

    // An accept whose answer was lost is Unknown, never sent again; when LinkedIn cannot be
    // asked at once either, Verify asks on the person's request, and the item settles.
    void unknownOutcomeIsVerifiedOnRequest()
    {
        m_sb.server.clearRequests();
        using Fault = ld::sandbox::SandboxServer::Fault;
        m_sb.server.injectFault(Fault::DropAfterSend, 1, Network, QStringLiteral("accept"));
        m_sb.server.injectFault(
            Fault::InternalError, 10, Network, QStringLiteral("check_invitation"));
        selectRows(InvitationsPage::ReceivedTab, 0, 0);
        const int rowsBefore = m_page->model(InvitationsPage::ReceivedTab)->rowCount();
        QTest::keyClick(m_page->view(InvitationsPage::ReceivedTab), Qt::Key_A);
        QTest::keyClick(waitForPreview(), Qt::Key_Return);
        ld::ui::BulkRunBar *bar = m_page->runBar();
        QTRY_VERIFY_WITH_TIMEOUT(bar->verifyButton()->isVisible(), 10000);
        QTRY_VERIFY(m_sb.ws->client()->activeCalls().isEmpty());
        QCOMPARE(bar->progress().unknown, 1);
        QCOMPARE(bar->verifyButton()->text(), QStringLiteral("Verify 1"));
        QCOMPARE(bar->detailLabel()->text(),
            QStringLiteral("0 accepted · 0 refused · 0 failed · 1 unknown"));
        QCOMPARE(requests("accept"), 1);
        QTRY_VERIFY(m_page->statusLabel()->text().startsWith(
            QStringLiteral("LinkedIn could not be asked whether a request took effect")));
        QVERIFY2(bar->reasonLabel()->text().startsWith(
                     QStringLiteral("The answer to 1 request was lost: it may have been")),
            qPrintable(bar->reasonLabel()->text()));
        saveScreenshot(m_window.get(), QStringLiteral("invitations-unknown"));

        m_sb.server.clearFaults();
        const int checksBefore = requests("check_invitation");
        QTest::mouseClick(bar->verifyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!bar->verifyButton()->isVisible(), 10000);
        QCOMPARE(requests("check_invitation"), checksBefore + 1);
        QCOMPARE(requests("accept"), 1); // verified, never sent again
        QCOMPARE(bar->progress().done, 1);
        QCOMPARE(bar->detailLabel()->text(),
            QStringLiteral("1 accepted · 0 refused · 0 failed · 0 unknown"));
        QTRY_COMPARE(m_page->model(InvitationsPage::ReceivedTab)->rowCount(), rowsBefore - 1);
        QVERIFY(!bar->reasonLabel()->isVisible());
    }

    void pauseAndResume()
    {
        m_sb.server.clearRequests();
        setPacing(250, 300);
        selectRows(InvitationsPage::SentTab, 0, 4);
        QTreeView *view = m_page->view(InvitationsPage::SentTab);
        QTest::keyClick(view, Qt::Key_W);
        BulkPreviewDialog *dialog = waitForPreview();
        QCOMPARE(dialog->list()->topLevelItemCount(), 5);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY(!m_page->previewDialog());

        ld::ui::BulkRunBar *bar = m_page->runBar();
        const qint64 runId = bar->runId();
        QTRY_VERIFY_WITH_TIMEOUT(bar->progress().done >= 1, 10000);
        QTRY_VERIFY(bar->detailLabel()->text().contains(QStringLiteral("next in")));
        QVERIFY(bar->progressBar()->value() >= 1);
        QCOMPARE(bar->progressBar()->maximum(), 5);
        saveScreenshot(m_window.get(), QStringLiteral("invitations-bulkbar-running"));

        QTest::keyClick(view, Qt::Key_P); // P pauses from the list
        QTRY_COMPARE(bar->progress().state, ld::BulkRun::State::Paused);
        QTRY_VERIFY(m_sb.ws->client()->activeCalls().isEmpty());
        QVERIFY(!queue()->isDriving(runId));
        const ld::RunProgress paused = bar->progress();
        QVERIFY(paused.pending > 0);
        QCOMPARE(requests("withdraw"), paused.done);
        QCOMPARE(bar->pauseButton()->text(), QStringLiteral("Resume"));
        QVERIFY(bar->detailLabel()->text().contains(QStringLiteral("waiting")));
        saveScreenshot(m_window.get(), QStringLiteral("invitations-bulkbar-paused"));

        setPacing(10, 30);
        QTest::mouseClick(bar->pauseButton(), Qt::LeftButton); // Resume
        QCOMPARE(bar->progress().state, ld::BulkRun::State::Running);
        waitForRunEnd();
        const ld::RunProgress end = bar->progress();
        QCOMPARE(end.state, ld::BulkRun::State::Finished);
        QCOMPARE(end.done, 5);
        QCOMPARE(requests("withdraw"), 5); // each item exactly once
        QCOMPARE(bar->detailLabel()->text(),
            QStringLiteral("5 withdrawn · 0 refused · 0 failed · 0 unknown"));
        QTest::mouseClick(bar->closeButton(), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
    }

    void escapeCancelsARunFromTheBar()
    {
        m_sb.server.clearRequests();
        setPacing(400, 500);
        selectRows(InvitationsPage::SentTab, 0, 3);
        QTest::keyClick(m_page->view(InvitationsPage::SentTab), Qt::Key_W);
        QTest::keyClick(waitForPreview(), Qt::Key_Return);
        ld::ui::BulkRunBar *bar = m_page->runBar();
        QTRY_VERIFY_WITH_TIMEOUT(bar->progress().done >= 1, 10000);
        bar->cancelButton()->setFocus();
        QTRY_VERIFY(bar->cancelButton()->hasFocus());
        QTest::keyClick(bar->cancelButton(), Qt::Key_Escape);
        QCOMPARE(bar->progress().state, ld::BulkRun::State::Cancelled);
        QTRY_VERIFY(m_sb.ws->client()->activeCalls().isEmpty());
        const ld::RunProgress p = bar->progress();
        QVERIFY(p.cancelled >= 1);
        QCOMPARE(requests("withdraw"), p.done);
        QVERIFY(bar->detailLabel()->text().startsWith(QStringLiteral("Cancelled: ")));
        setPacing(10, 30);
    }

    void interruptedRunComesBackPaused()
    {
        m_sb.server.clearRequests();
        // What a killed process leaves: a run still marked Running by a process that is gone,
        // with items queued.
        const QList<ld::StoredInvitation> sent
            = m_sb.ws->network()->invitations(ld::StoredInvitation::Direction::Sent, { primary() });
        QVERIFY(sent.size() >= 2);
        ld::BulkRun run;
        run.kind = QStringLiteral("withdraw");
        run.title = QStringLiteral("Withdraw 2 invitations (before the crash)");
        run.state = ld::BulkRun::State::Running;
        run.createdAt = QDateTime::currentDateTimeUtc();
        run.updatedAt = run.createdAt;
        run.ownerPid = 0x7ffffff0;
        run.ownerHost = QSysInfo::machineHostName();
        const qint64 runId = m_sb.ws->runs()->create(run);
        QVERIFY(runId > 0);
        QList<ld::OutboxItem> items;
        for (int i = 0; i < 2; ++i) {
            ld::OutboxItem item;
            item.kind = QStringLiteral("withdraw");
            item.accountId = primary();
            item.target = sent.at(i).entityUrn;
            item.payload.insert(QStringLiteral("entity_urn"), sent.at(i).entityUrn);
            item.payload.insert(QStringLiteral("person_name"), sent.at(i).person.fullName());
            item.createdAt = run.createdAt;
            item.runId = runId;
            items << item;
        }
        QCOMPARE(m_sb.ws->outboxItems()->enqueueMany(items).size(), 2);
        QVERIFY(ld::ui::BulkRunBar::interruptedRunsNotice(m_sb.ws->runs()).isEmpty());
        queue()->resume(); // what DesktopSession does at start-up
        QCOMPARE(m_sb.ws->runs()->find(runId)->state, ld::BulkRun::State::Paused);
        // The window says so at once, before the page is ever opened.
        QCOMPARE(ld::ui::BulkRunBar::interruptedRunsNotice(m_sb.ws->runs()),
            QStringLiteral("“Withdraw 2 invitations (before the crash)” was interrupted "
                           "when LinkUp Desk stopped. Nothing more is sent until you "
                           "resume or cancel it on the Invitations page."));

        // A page built now (as after a restart) shows it, paused, with Resume and Cancel.
        InvitationsPage fresh(m_sb.ws.get());
        fresh.resize(1000, 600);
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        ld::ui::BulkRunBar *bar = fresh.runBar();
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->runId(), runId);
        QCOMPARE(bar->titleLabel()->text(), run.title);
        QCOMPARE(bar->reasonLabel()->text(), ld::InvitationQueue::interruptedReason());
        QCOMPARE(bar->pauseButton()->text(), QStringLiteral("Resume"));
        QVERIFY(bar->pauseButton()->isVisible());
        QVERIFY(bar->cancelButton()->isVisible());
        saveScreenshot(&fresh, QStringLiteral("invitations-interrupted"));
        // Nothing is sent until the person chooses; they choose Cancel.
        QCOMPARE(writes(), 0);
        QTest::mouseClick(bar->cancelButton(), Qt::LeftButton);
        QCOMPARE(m_sb.ws->runs()->find(runId)->state, ld::BulkRun::State::Cancelled);
        QCOMPARE(bar->progress().cancelled, 2);
        QCOMPARE(writes(), 0);
        QVERIFY(bar->closeButton()->isVisible());
        QVERIFY(ld::ui::BulkRunBar::interruptedRunsNotice(m_sb.ws->runs()).isEmpty());
    }

    void mainWindowShowsThePageAndRefreshesIt()
    {
        ld::MemorySecretStore secrets;
        ld::ApiKeyVault vault(&secrets);
        vault.setKey(m_sb.server.apiKey());
        ld::ui::MainWindow window(m_sb.ws.get(), &vault, QStringLiteral("memory"), false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        auto *show = window.findChild<QAction *>(QStringLiteral("showInvitations"));
        QVERIFY(show);
        QCOMPARE(show->shortcut(), QKeySequence(QStringLiteral("Ctrl+4")));
        QVERIFY(window.commands().contains(show));

        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), window.invitationsPage());
        QVERIFY(window.commands().contains(
            window.findChild<QAction *>(QStringLiteral("withdrawOlder"))));
        m_sb.server.clearRequests();
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(window.invitationsPage()->isRefreshing());
        QTRY_VERIFY_WITH_TIMEOUT(!window.invitationsPage()->isRefreshing(), 20000);
        QCOMPARE(m_sb.server.requestCount(Network, QStringLiteral("list_invitations")), 1);
        QCOMPARE(m_sb.server.requestCount(Network, QStringLiteral("list_sent")), 1);
        QVERIFY(window.invitationsPage()->statusLabel()->text().startsWith(
            QStringLiteral("Refreshed ")));
        QTRY_VERIFY(m_sb.ws->client()->activeCalls().isEmpty());

        // By mouse: the toolbar button and the Invitations menu, which lists the page's commands.
        auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        QVERIFY(toolbar && toolbar->actions().contains(show));
        QMenu *menu = nullptr;
        for (QAction *a : window.menuBar()->actions()) {
            if (a->menu() && a->text() == QLatin1String("Invi&tations"))
                menu = a->menu();
        }
        QVERIFY(menu);
        Q_EMIT menu->aboutToShow();
        // "Invite a list…" (Ctrl+Shift+I, MainWindow's) first, then the page's commands.
        QList<QAction *> listed = menu->actions();
        QVERIFY(listed.size() > 2);
        QCOMPARE(listed.takeFirst()->objectName(), QStringLiteral("inviteList"));
        QVERIFY(listed.takeFirst()->isSeparator());
        QCOMPARE(listed, window.invitationsPage()->commands());

        // By keyboard from anywhere: the palette runs a page command by name.
        window.showInbox();
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        ld::ui::CommandPalette *palette = window.commandPalette();
        QTRY_VERIFY(palette->isVisible());
        QTest::keyClicks(palette->filterEdit(), QStringLiteral("withdraw older"));
        QCOMPARE(palette->visibleCount(), 1);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(window.invitationsPage()->previewDialog());
        QCOMPARE(window.currentPage(), window.invitationsPage());
        QTest::keyClick(window.invitationsPage()->previewDialog(), Qt::Key_Escape);
        QTRY_VERIFY(!window.invitationsPage()->previewDialog());
    }
};

QTEST_MAIN(TstInvitationsPage)
#include "tst_invitationspage.moc"
