// The People page in the main window, against the sandbox through the real Workspace: Ctrl+5
// shows it; a search with filters sends the V2 arrays and says what it cost; Load more reads the
// next offset and nothing else does; the Connections tab fills from a Refresh that says its cost,
// and filters; a headline written in HTML shows literally; Enter reads the profile; Ctrl+I
// invites the person selected (refused for a connection, one request with the note for a search
// result); every page shortcut does what it says; screenshots of both tabs.
#include "sandboxworkspace.h"
#include "screenshots.h"

#include "connectionstab.h"
#include "invitedialog.h"
#include "mainwindow.h"
#include "peoplepage.h"
#include "peoplesearchtab.h"
#include "profilepanel.h"
#include "translations.h"

#include "models/connectionlistmodel.h"
#include "models/peoplesearchmodel.h"
#include "secrets/apikeyvault.h"
#include "secrets/secretstore.h"
#include "store/accountrepository.h"
#include "sync/invitationqueue.h"
#include "sync/networksync.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
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

using ld::ui::MainWindow;
using ld::ui::PeoplePage;

namespace {

const QString Profiles = QStringLiteral("/v2/profiles");
const QString Network = QStringLiteral("/v2/network");

} // namespace

class TstPeoplePage : public QObject
{
    Q_OBJECT

private:
    SandboxWorkspace m_sb;
    std::unique_ptr<ld::MemorySecretStore> m_secrets;
    std::unique_ptr<ld::ApiKeyVault> m_vault;
    std::unique_ptr<MainWindow> m_window;
    PeoplePage *m_page = nullptr;

    ld::ui::PeopleSearchTab *search() const { return m_page->searchTab(); }
    ld::ui::ConnectionsTab *connections() const { return m_page->connectionsTab(); }
    int requests(const QString &path, const QString &action) const
    {
        return m_sb.server.requestCount(path, action);
    }
    QJsonObject lastParams(const QString &action) const
    {
        const QList<ld::sandbox::RecordedRequest> all = m_sb.server.requests();
        for (auto it = all.crbegin(); it != all.crend(); ++it) {
            if (it->action == action)
                return QJsonDocument::fromJson(it->body).object().value(u"params").toObject();
        }
        return {};
    }
    void waitForSearch()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!search()->model()->isBusy(), 10000);
    }
    void searchAll()
    {
        m_page->showSearch();
        for (QLineEdit *e : { search()->keywordEdit(), search()->locationEdit(), search()->companyEdit(),
                              search()->industryEdit(), search()->titleEdit() })
            e->clear();
        for (int degree : { 1, 2, 3 })
            search()->networkBox(degree)->setChecked(false);
        search()->kindCombo()->setCurrentIndex(0);
        QTest::mouseClick(search()->searchButton(), Qt::LeftButton);
        waitForSearch();
        QCOMPARE(search()->model()->rowCount(), 10);
    }
    void activate()
    {
        QApplication::setActiveWindow(m_window.get());
        QTRY_VERIFY(m_window->isActiveWindow());
    }

private Q_SLOTS:
    void initTestCase()
    {
        ld::ui::installTranslations(QCoreApplication::instance());
        QVERIFY(m_sb.open());
        ld::Account primary;
        primary.id = ld::sandbox::Seeds::primaryAccountId();
        primary.name = QStringLiteral("Camille Laurent");
        primary.isActive = true;
        primary.status = ld::Account::Status::Active;
        QVERIFY(m_sb.ws->accounts()->upsert(primary));
        m_secrets = std::make_unique<ld::MemorySecretStore>();
        m_vault = std::make_unique<ld::ApiKeyVault>(m_secrets.get());
        m_vault->setKey(m_sb.server.apiKey());
        m_window = std::make_unique<MainWindow>(m_sb.ws.get(), m_vault.get(), QStringLiteral("memory"), false);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        activate();

        auto *people = m_window->findChild<QAction *>(QStringLiteral("showPeoplePage"));
        QVERIFY(people);
        QCOMPARE(people->shortcut(), QKeySequence(QStringLiteral("Ctrl+5")));
        QVERIFY(m_window->commands().contains(people));
        QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
        m_page = m_window->peoplePage();
        QCOMPARE(m_window->currentPage(), m_page);
        QCOMPARE(m_page->accountId(), primary.id);
        QVERIFY(m_window->commands().contains(m_page->commands().first()));
        QTRY_VERIFY(search()->keywordEdit()->hasFocus());

        // Nothing is read until asked: both tabs say how to start.
        QCOMPARE(requests(Profiles, QStringLiteral("search_people")), 0);
        QVERIFY(search()->emptyLabel()->isVisible());
        QVERIFY(search()->emptyLabel()->text().contains(QStringLiteral("Enter")));
        QVERIFY(!search()->loadMoreButton()->isVisible());
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("peoplePlaceholder"))->isVisible());
        saveScreenshot(m_window.get(), QStringLiteral("people-search-empty"));
    }

    void cleanupTestCase()
    {
        m_window.reset();
    }

    void aSearchSendsTheV2Arrays()
    {
        m_page->showSearch();
        QTest::keyClicks(search()->locationEdit(), QStringLiteral("Paris; Berlin ;"));
        QTest::keyClicks(search()->companyEdit(), QStringLiteral("https://www.linkedin.com/company/acme-robotics"));
        QTest::keyClicks(search()->industryEdit(), QStringLiteral("Industrial Automation"));
        QTest::keyClicks(search()->titleEdit(), QStringLiteral("Engineer"));
        search()->networkBox(2)->setChecked(true);
        search()->networkBox(3)->setChecked(true);
        QTest::keyClicks(search()->keywordEdit(), QStringLiteral("Acme"));
        QTest::keyClick(search()->keywordEdit(), Qt::Key_Return);
        waitForSearch();

        QCOMPARE(requests(Profiles, QStringLiteral("search_people")), 1);
        const QJsonObject p = lastParams(QStringLiteral("search_people"));
        QCOMPARE(p.value(u"keyword").toString(), QStringLiteral("Acme"));
        QCOMPARE(p.value(u"location").toArray(), QJsonArray({ QStringLiteral("Paris"), QStringLiteral("Berlin") }));
        QCOMPARE(p.value(u"company_url").toArray(),
                 QJsonArray({ QStringLiteral("https://www.linkedin.com/company/acme-robotics") }));
        QCOMPARE(p.value(u"industry").toArray(), QJsonArray({ QStringLiteral("Industrial Automation") }));
        QCOMPARE(p.value(u"network").toArray(), QJsonArray({ QStringLiteral("S"), QStringLiteral("O") }));
        QCOMPARE(p.value(u"title").toString(), QStringLiteral("Engineer"));
        QCOMPARE(p.value(u"offset").toInt(), 0);
        // Whatever matched, the page says what the search cost.
        QVERIFY2(search()->statusLabel()->text().contains(QStringLiteral("this search cost")),
                 qPrintable(search()->statusLabel()->text()));
    }

    void loadMoreReadsTheNextOffset()
    {
        searchAll();
        const int searches = requests(Profiles, QStringLiteral("search_people"));
        const QString status = search()->statusLabel()->text();
        QVERIFY2(status.startsWith(QStringLiteral("10 of 120 results shown · this search cost 10 credits")),
                 qPrintable(status));
        QVERIFY(search()->loadMoreButton()->isVisible());
        QVERIFY(search()->loadMoreButton()->isEnabled());
        QVERIFY(search()->list()->currentIndex().isValid()); // the first result is selected
        QVERIFY(m_page->profilePanel()->isVisible());
        saveScreenshot(m_window.get(), QStringLiteral("people-search"));

        // Scrolling to the end of the list reads nothing: only the button does.
        search()->list()->scrollToBottom();
        QTest::qWait(30);
        QCOMPARE(requests(Profiles, QStringLiteral("search_people")), searches);
        QTest::mouseClick(search()->loadMoreButton(), Qt::LeftButton);
        waitForSearch();
        QCOMPARE(requests(Profiles, QStringLiteral("search_people")), searches + 1);
        QCOMPARE(lastParams(QStringLiteral("search_people")).value(u"offset").toInt(), 10);
        QCOMPARE(search()->model()->rowCount(), 20);
        QVERIFY2(search()->statusLabel()->text().startsWith(
                     QStringLiteral("20 of 120 results shown · this search cost 20 credits (last page: 10 credits)")),
                 qPrintable(search()->statusLabel()->text()));
    }

    void remoteTextIsShownLiterally()
    {
        m_page->showSearch();
        search()->keywordEdit()->clear();
        QTest::keyClicks(search()->keywordEdit(), QStringLiteral("<i>Growth</i>"));
        QTest::keyClick(search()->keywordEdit(), Qt::Key_Return);
        waitForSearch();
        QCOMPARE(search()->model()->rowCount(), 1);
        search()->list()->setCurrentIndex(search()->model()->index(0));
        QLabel *headline = m_page->profilePanel()->headlineLabel();
        QVERIFY(headline->text().startsWith(QStringLiteral("<i>Growth</i> & Sales @ ")));
        QCOMPARE(headline->textFormat(), Qt::PlainText);
        for (QLabel *l : m_page->findChildren<QLabel *>()) {
            if (l->text().contains(QStringLiteral("<i>")))
                QCOMPARE(l->textFormat(), Qt::PlainText);
        }
    }

    void companiesCannotBeInvited()
    {
        m_page->showSearch();
        search()->kindCombo()->setCurrentIndex(1);
        QVERIFY(!search()->titleEdit()->isEnabled());
        QVERIFY(!search()->networkBox(1)->isEnabled());
        search()->keywordEdit()->setText(QStringLiteral("Software"));
        QTest::mouseClick(search()->searchButton(), Qt::LeftButton);
        waitForSearch();
        QCOMPARE(requests(Profiles, QStringLiteral("search_companies")), 1);
        QVERIFY(search()->model()->rowCount() >= 2);
        search()->list()->setCurrentIndex(search()->model()->index(0));
        QVERIFY(!m_page->inviteButton()->isEnabled());
        QVERIFY(!m_page->readProfileButton()->isVisible());
        search()->kindCombo()->setCurrentIndex(0);
    }

    void connectionsRefreshFillsTheList()
    {
        activate();
        search()->list()->setFocus(); // Alt+2 acts anywhere on the page
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::AltModifier);
        QCOMPARE(m_page->tabs()->currentWidget(), connections());
        QTRY_VERIFY(connections()->filterEdit()->hasFocus());
        QVERIFY(connections()->emptyLabel()->isVisible());
        QVERIFY(connections()->emptyLabel()->text().contains(QStringLiteral("1 credit per 50")));
        saveScreenshot(m_window.get(), QStringLiteral("people-connections-empty"));

        QTest::mouseClick(connections()->refreshButton(), Qt::LeftButton);
        QVERIFY(connections()->isRefreshing());
        QVERIFY(!connections()->refreshButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!connections()->isRefreshing(), 10000);
        QCOMPARE(requests(Network, QStringLiteral("list_connections")), 1);
        QCOMPARE(connections()->model()->rowCount(), 40);
        QVERIFY(connections()->list()->isVisible());
        const QString status = connections()->statusLabel()->text();
        QVERIFY2(status.startsWith(QStringLiteral("40 connections · read ")), qPrintable(status));
        QVERIFY2(status.endsWith(QStringLiteral(" · last refresh: 1 page, 1 credit")), qPrintable(status));
        QVERIFY(connections()->filterEdit()->hasFocus() || connections()->list()->hasFocus());
        QVERIFY(connections()->list()->currentIndex().isValid());
        saveScreenshot(m_window.get(), QStringLiteral("people-connections"));

        // The filter runs on the stored list: free, instant.
        const QString name = connections()->model()->index(3).data().toString();
        const QString firstWord = name.section(QLatin1Char(' '), 0, 0);
        QTest::keyClicks(connections()->filterEdit(), firstWord);
        QVERIFY(connections()->model()->rowCount() >= 1);
        QVERIFY(connections()->model()->rowCount() < 40);
        for (int r = 0; r < connections()->model()->rowCount(); ++r) {
            const QModelIndex i = connections()->model()->index(r);
            QVERIFY((i.data().toString() + i.data(ld::ConnectionListModel::JobTitleRole).toString())
                        .contains(firstWord, Qt::CaseInsensitive));
        }
        QVERIFY(connections()->statusLabel()->text().contains(QStringLiteral("of 40 connections")));
        connections()->filterEdit()->clear();
        QCOMPARE(connections()->model()->rowCount(), 40);
        QCOMPARE(requests(Network, QStringLiteral("list_connections")), 1);

        // A refresh that fails says so and keeps the stored list.
        m_sb.server.injectFault(ld::sandbox::SandboxServer::Fault::SuccessFalse, 1, Network,
                                QStringLiteral("list_connections"));
        QTest::mouseClick(connections()->refreshButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!connections()->isRefreshing(), 10000);
        QCOMPARE(connections()->model()->rowCount(), 40);
        QVERIFY2(connections()->statusLabel()->text().contains(
                     QStringLiteral("could not be read")),
                 qPrintable(connections()->statusLabel()->text()));
        QVERIFY(connections()->statusLabel()->text().contains(QStringLiteral("unchanged")));
    }

    void inviteFromAConnectionIsRefused()
    {
        m_page->showConnections();
        connections()->list()->setCurrentIndex(connections()->model()->index(0));
        connections()->list()->setFocus();
        const QString url = connections()->model()->index(0).data(ld::ConnectionListModel::ProfileUrlRole).toString();
        const int invites = requests(Network, QStringLiteral("invite"));
        QTest::keyClick(connections()->list(), Qt::Key_I, Qt::ControlModifier);
        ld::ui::InviteDialog *dialog = m_window->inviteDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->urlEdit()->text(), url);
        QCOMPARE(dialog->accountId(), ld::sandbox::Seeds::primaryAccountId());
        QVERIFY2(dialog->refusal().contains(QStringLiteral("already connected")), qPrintable(dialog->refusal()));
        QVERIFY(!dialog->sendButton()->isEnabled());
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QCOMPARE(requests(Network, QStringLiteral("invite")), invites);
        dialog->close();
        QTRY_VERIFY(!m_window->inviteDialog());
    }

    void inviteFromASearchResultSendsTheNote()
    {
        // Who invited this account is known once the received invitations are stored.
        QSignalSpy refreshed(m_sb.ws->networkSync(), &ld::NetworkSync::refreshed);
        m_sb.ws->networkSync()->refresh(m_page->accountId(), ld::NetworkSync::List::Received);
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 10000);
        searchAll();
        search()->networkBox(2)->setChecked(true); // 2nd degree: not connected
        QTest::mouseClick(search()->searchButton(), Qt::LeftButton);
        waitForSearch();
        // The first result LinkedIn shows as not invited, and who has not invited this account
        // either (the sandbox lists those first): Load more until one shows.
        int row = -1;
        for (int r = 0; row < 0 && r < search()->model()->rowCount(); ++r) {
            const QModelIndex i = search()->model()->index(r);
            ld::NetworkTask task;
            task.accountId = m_page->accountId();
            task.profileUrl = i.data(ld::PeopleSearchModel::ProfileUrlRole).toString();
            if (i.data(ld::PeopleSearchModel::InvitationStateRole).toString() == QLatin1String("NO_INVITATION")
                && m_sb.ws->invitationQueue()->check(task).isEmpty())
                row = r;
            if (row < 0 && r == search()->model()->rowCount() - 1 && search()->model()->hasMore()) {
                QTest::mouseClick(search()->loadMoreButton(), Qt::LeftButton);
                waitForSearch();
            }
        }
        QVERIFY(row >= 0);
        search()->list()->setCurrentIndex(search()->model()->index(row));
        const QString url = search()->model()->index(row).data(ld::PeopleSearchModel::ProfileUrlRole).toString();
        const QString name = search()->model()->index(row).data().toString();
        activate();
        QTest::mouseClick(m_page->inviteButton(), Qt::LeftButton);
        ld::ui::InviteDialog *dialog = m_window->inviteDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->urlEdit()->text(), url);
        QVERIFY2(dialog->refusal().isEmpty(), qPrintable(dialog->refusal()));
        const QString note = QStringLiteral("Hi %1, glad to connect 🙂").arg(name.section(QLatin1Char(' '), 0, 0));
        QTRY_VERIFY(dialog->noteEdit()->hasFocus());
        dialog->noteEdit()->setPlainText(note);
        const int invites = requests(Network, QStringLiteral("invite"));
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->outcome(), ld::OutboxItem::State::Sent, 10000);
        QCOMPARE(requests(Network, QStringLiteral("invite")), invites + 1);
        QCOMPARE(lastParams(QStringLiteral("invite")).value(u"message").toString(), note);
        QVERIFY(dialog->outcomeLabel()->text().contains(name));
        dialog->close();
    }

    void pageShortcuts_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QKeySequence>("keys");
        QTest::newRow("Alt+1 search") << QStringLiteral("peopleSearchTab") << QKeySequence(QStringLiteral("Alt+1"));
        QTest::newRow("Alt+2 connections") << QStringLiteral("peopleConnectionsTab") << QKeySequence(QStringLiteral("Alt+2"));
        QTest::newRow("/ find") << QStringLiteral("findPeople") << QKeySequence(Qt::Key_Slash);
        QTest::newRow("Ctrl+L load more") << QStringLiteral("loadMoreResults") << QKeySequence(QStringLiteral("Ctrl+L"));
        QTest::newRow("Ctrl+R refresh") << QStringLiteral("refreshConnections") << QKeySequence(QStringLiteral("Ctrl+R"));
        QTest::newRow("Enter reads the profile") << QStringLiteral("readProfile") << QKeySequence(Qt::Key_Return);
        QTest::newRow("Ctrl+I invites") << QStringLiteral("invite") << QKeySequence(QStringLiteral("Ctrl+I"));
        QTest::newRow("Ctrl+5 people") << QStringLiteral("showPeoplePage") << QKeySequence(QStringLiteral("Ctrl+5"));
    }

    void pageShortcuts()
    {
        QFETCH(QString, action);
        QFETCH(QKeySequence, keys);
        auto *a = m_window->findChild<QAction *>(action);
        QVERIFY(a);
        QVERIFY(a->shortcuts().contains(keys));
        QVERIFY(m_window->commands().contains(a) || action == QLatin1String("readProfile"));
        searchAll();
        activate();
        QWidget *target = search()->list();
        if (action == QLatin1String("showPeoplePage"))
            m_window->showInbox();
        else
            target->setFocus();
        if (action != QLatin1String("showPeoplePage"))
            QTRY_VERIFY(target->hasFocus());
        const int searches = requests(Profiles, QStringLiteral("search_people"));
        const int lists = requests(Network, QStringLiteral("list_connections"));
        const int gets = requests(Profiles, QStringLiteral("get"));
        QSignalSpy triggered(a, &QAction::triggered);
        QTest::keySequence(action == QLatin1String("showPeoplePage") ? static_cast<QWidget *>(m_window.get())
                                                                    : target,
                           keys);
        QCOMPARE(triggered.count(), 1);

        if (action == QLatin1String("peopleSearchTab") || action == QLatin1String("findPeople")) {
            QCOMPARE(m_page->tabs()->currentWidget(), search());
            QTRY_VERIFY(search()->keywordEdit()->hasFocus());
            QVERIFY(search()->keywordEdit()->text().isEmpty()); // "/" is not typed
        } else if (action == QLatin1String("peopleConnectionsTab")) {
            QCOMPARE(m_page->tabs()->currentWidget(), connections());
            QTRY_VERIFY(connections()->filterEdit()->hasFocus());
        } else if (action == QLatin1String("loadMoreResults")) {
            waitForSearch();
            QCOMPARE(requests(Profiles, QStringLiteral("search_people")), searches + 1);
            QCOMPARE(search()->model()->rowCount(), 20);
        } else if (action == QLatin1String("refreshConnections")) {
            QCOMPARE(m_page->tabs()->currentWidget(), connections());
            QTRY_VERIFY_WITH_TIMEOUT(!connections()->isRefreshing(), 10000);
            QCOMPARE(requests(Network, QStringLiteral("list_connections")), lists + 1);
        } else if (action == QLatin1String("readProfile")) {
            QTRY_VERIFY_WITH_TIMEOUT(m_page->profilePanel()->hasProfile(), 10000);
            QCOMPARE(requests(Profiles, QStringLiteral("get")), gets + 1);
            QVERIFY(m_page->profilePanel()->companyLabel()->text().startsWith(QStringLiteral("Company: ")));
            QVERIFY(!m_page->readProfileButton()->isEnabled());
            saveScreenshot(m_window.get(), QStringLiteral("people-profile"));
        } else if (action == QLatin1String("invite")) {
            ld::ui::InviteDialog *dialog = m_window->inviteDialog();
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->isVisible());
            QCOMPARE(dialog->urlEdit()->text(),
                     search()->list()->currentIndex().data(ld::PeopleSearchModel::ProfileUrlRole).toString());
            dialog->close();
            QTRY_VERIFY(!m_window->inviteDialog());
        } else if (action == QLatin1String("showPeoplePage")) {
            QCOMPARE(m_window->currentPage(), m_page);
        }
    }

    void inviteElsewhereOpensAnEmptyForm()
    {
        m_window->showInbox();
        activate();
        QTest::keyClick(m_window.get(), Qt::Key_I, Qt::ControlModifier);
        ld::ui::InviteDialog *dialog = m_window->inviteDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->urlEdit()->text().isEmpty());
        QVERIFY(!dialog->sendButton()->isEnabled());
        QVERIFY(dialog->refusal().contains(QStringLiteral("Enter the LinkedIn profile URL")));
        QTRY_VERIFY(dialog->urlEdit()->hasFocus());
        dialog->close();
    }
};

QTEST_MAIN(TstPeoplePage)
#include "tst_peoplepage.moc"
