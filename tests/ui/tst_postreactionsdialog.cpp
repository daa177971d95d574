// The comments and reactions of a published post, against the real sandbox: the history's
// button opens them for the selected post (and is off for a post without a link); nothing is
// asked before a button that names the cost is pressed; each page is one request and one
// credit; comments show author, headline, local time and text, the comment written in HTML
// shown literally; "Load more" goes to the end; reactions list their type and person; a
// server failure is a sentence with Retry, and Retry loads the page. Screenshots of both tabs
// and of the failure.
#include "posthistorypanel.h"
#include "postreactionsdialog.h"
#include "sandboxworkspace.h"
#include "screenshots.h"
#include "translations.h"

#include "api/apicall.h"
#include "domain/post.h"
#include "models/posthistorymodel.h"
#include "services/contentservice.h"
#include "store/draftrepository.h"
#include "sync/accountssync.h"
#include "sync/postpublisher.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace ld;
using namespace ld::ui;
using sandbox::SandboxServer;

namespace {

const QString HtmlComment = QStringLiteral("<b>bold</b> <img src=x> <a href=\"http://x\">link</a>");
const QString Action = QStringLiteral("get_comments");
const QString ReactionsAction = QStringLiteral("get_reactions");

} // namespace

class TstPostReactionsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void historyButtonOpensThePublishedPost();
    void commentsArePagedAndShownAsPlainText();
    void reactionsAreListed();
    void serverFailureIsASentenceWithRetry();

private:
    QString postWithComments(int atLeast);
    std::unique_ptr<PostReactionsDialog> showDialog(const QString &url);
    QJsonObject lastParams(const QString &action) const;

    std::unique_ptr<SandboxWorkspace> m_sb;
};

void TstPostReactionsDialog::initTestCase()
{
    installTranslations(qApp);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TstPostReactionsDialog::init()
{
    m_sb = std::make_unique<SandboxWorkspace>();
    QVERIFY(m_sb->open());
    QSignalSpy refreshed(m_sb->ws->accountsSync(), &AccountsSync::refreshed);
    m_sb->ws->accountsSync()->refreshAll();
    QVERIFY(refreshed.wait(10000));
}

void TstPostReactionsDialog::cleanup()
{
    m_sb.reset();
}

// A post URL (the sandbox accepts any activity URL) whose comments fill several pages, found by
// asking the server how many it has, so the test does not depend on how the sandbox picks them.
QString TstPostReactionsDialog::postWithComments(int atLeast)
{
    for (int i = 1; i < 200; ++i) {
        const QString url
            = QStringLiteral("https://www.linkedin.com/feed/update/urn:li:activity:71234567890%1/")
                  .arg(i, 4, 10, QLatin1Char('0'));
        ApiCall *call = m_sb->ws->contentService()->getComments(
            sandbox::Seeds::primaryAccountId(), url, 1, 0);
        QSignalSpy done(call, &ApiCall::done);
        if (!done.wait(5000) || call->state() != ApiCall::State::Succeeded)
            return {};
        if (PostCommentPage::fromJson(call->data()).value.totalAvailable >= atLeast) {
            m_sb->server.clearRequests();
            return url;
        }
    }
    return {};
}

std::unique_ptr<PostReactionsDialog> TstPostReactionsDialog::showDialog(const QString &url)
{
    auto dialog = std::make_unique<PostReactionsDialog>(
        m_sb->ws.get(), sandbox::Seeds::primaryAccountId(), url);
    dialog->show();
    QApplication::setActiveWindow(dialog.get());
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        return nullptr;
    return dialog;
}

QJsonObject TstPostReactionsDialog::lastParams(const QString &action) const
{
    const QList<sandbox::RecordedRequest> requests = m_sb->server.requests();
    for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
        if (it->action == action)
            return QJsonDocument::fromJson(it->body)
                .object()
                .value(QStringLiteral("params"))
                .toObject();
    }
    return {};
}

void TstPostReactionsDialog::historyButtonOpensThePublishedPost()
{
    // A post published through the workspace, and one confirmed by hand (no link).
    DraftRepository *drafts = m_sb->ws->drafts();
    Draft d;
    d.accountId = sandbox::Seeds::primaryAccountId();
    d.text = QStringLiteral("Our release is out");
    const qint64 id = drafts->create(d);
    QVERIFY(id);
    QString refusal;
    QVERIFY2(m_sb->ws->postPublisher()->publishNow(id, &refusal), qPrintable(refusal));
    QTRY_VERIFY_WITH_TIMEOUT(drafts->publishedFor(id).has_value(), 10000);
    const QString url = drafts->publishedFor(id)->postUrl;
    QVERIFY(url.contains(QLatin1String("linkedin.com/feed/update/urn:li:activity:")));

    PostHistoryPanel panel(m_sb->ws.get());
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_COMPARE(panel.model()->rowCount(), 1);
    QVERIFY(!panel.reactionsButton()->isEnabled()); // nothing selected yet
    panel.view()->setCurrentIndex(panel.model()->index(0, 0));
    QVERIFY(panel.reactionsButton()->isEnabled());
    saveScreenshot(&panel, QStringLiteral("postreactions-history"));

    m_sb->server.clearRequests();
    QTest::mouseClick(panel.reactionsButton(), Qt::LeftButton);
    auto *dialog = panel.findChild<PostReactionsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->postUrl(), url);
    // Opening costs nothing: the buttons say what a page costs, and only they ask.
    QCOMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content")), 0);
    QCOMPARE(dialog->loadButton(PostReactionsDialog::CommentsSection)->text(),
        QStringLiteral("Load comments (1 credit)"));
    QCOMPARE(dialog->loadButton(PostReactionsDialog::ReactionsSection)->text(),
        QStringLiteral("Load reactions (1 credit)"));
    QTest::mouseClick(dialog->loadButton(PostReactionsDialog::CommentsSection), Qt::LeftButton);
    QTRY_VERIFY(dialog->view(PostReactionsDialog::CommentsSection)->topLevelItemCount() > 0);
    QCOMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content"), Action), 1);
    const QJsonObject params = lastParams(Action);
    QCOMPARE(params.value(QStringLiteral("post_url")).toString(), url);
    QCOMPARE(QJsonDocument::fromJson(m_sb->server.requests().last().body)
                 .object()
                 .value(QStringLiteral("account_id"))
                 .toString(),
        sandbox::Seeds::primaryAccountId());
    dialog->close();

    // A post confirmed by hand has no link: nothing to ask about.
    Draft other = d;
    other.text = QStringLiteral("Confirmed by hand");
    const qint64 otherId = drafts->create(other);
    QVERIFY(otherId);
    PublishedPostRecord byHand;
    byHand.draftId = otherId;
    byHand.accountId = sandbox::Seeds::primaryAccountId();
    byHand.text = QStringLiteral("Confirmed by hand");
    byHand.publishedAt = QDateTime::currentDateTimeUtc().addSecs(60);
    QVERIFY(drafts->recordPublished(byHand));
    QTRY_COMPARE(panel.model()->rowCount(), 2);
    int noLink = -1;
    for (int r = 0; r < 2; ++r) {
        if (panel.model()->index(r, 0).data(PostHistoryModel::PostUrlRole).toString().isEmpty())
            noLink = r;
    }
    QVERIFY(noLink >= 0);
    panel.view()->setCurrentIndex(panel.model()->index(noLink, 0));
    QVERIFY(!panel.reactionsButton()->isEnabled());
    QVERIFY(!panel.openReactions());
}

void TstPostReactionsDialog::commentsArePagedAndShownAsPlainText()
{
    const QString url = postWithComments(21);
    QVERIFY(!url.isEmpty());
    const qint64 creditsBefore = m_sb->server.creditsCharged();
    auto dialog = showDialog(url);
    QVERIFY(dialog);
    QTreeWidget *view = dialog->view(PostReactionsDialog::CommentsSection);
    QPushButton *load = dialog->loadButton(PostReactionsDialog::CommentsSection);
    QCOMPARE(view->topLevelItemCount(), 0);
    QCOMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content"), Action), 0);
    QCOMPARE(dialog->creditsLabel()->text(), QStringLiteral("Credits spent here: 0"));

    QTest::mouseClick(load, Qt::LeftButton);
    QTRY_COMPARE(view->topLevelItemCount(), 10);
    QCOMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content"), Action), 1);
    QCOMPARE(lastParams(Action).value(QStringLiteral("offset")).toInt(), 0);
    QTRY_VERIFY(!dialog->isLoading(PostReactionsDialog::CommentsSection));
    QVERIFY(load->isVisible());
    QCOMPARE(load->text(), QStringLiteral("Load more (1 credit)"));
    QCOMPARE(dialog->creditsLabel()->text(), QStringLiteral("Credits spent here: 1"));

    // Every row has its author, headline, time (local, as the locale writes it) and text.
    for (int r = 0; r < view->topLevelItemCount(); ++r) {
        QTreeWidgetItem *item = view->topLevelItem(r);
        QVERIFY(!item->text(PostReactionsDialog::AuthorColumn).isEmpty());
        QVERIFY(!item->text(PostReactionsDialog::HeadlineColumn).isEmpty());
        QVERIFY(!item->text(PostReactionsDialog::TimeColumn).isEmpty());
        QVERIFY(!item->text(PostReactionsDialog::TextColumn).isEmpty());
        bool number = false;
        item->text(PostReactionsDialog::CommentReactionsColumn).toInt(&number);
        QVERIFY(number);
    }
    // The sandbox's comments are an hour apart, newest first: the first was written an hour
    // ago, and is shown in local time as the locale writes it.
    const QString firstTime = view->topLevelItem(0)->text(PostReactionsDialog::TimeColumn);
    const QDateTime anHourAgo = QDateTime::currentDateTime().addSecs(-3600);
    const QStringList expected = { QLocale().toString(anHourAgo, QLocale::ShortFormat),
        QLocale().toString(anHourAgo.addSecs(-60), QLocale::ShortFormat) };
    QVERIFY2(expected.contains(firstTime), qPrintable(firstTime));

    // The comment written in HTML is shown as its characters, never rendered.
    QTreeWidgetItem *html = nullptr;
    for (int r = 0; r < view->topLevelItemCount() && !html; ++r) {
        if (view->topLevelItem(r)->text(PostReactionsDialog::TextColumn) == HtmlComment)
            html = view->topLevelItem(r);
    }
    QVERIFY2(html, "the HTML comment is not shown literally");
    const QString tip = html->toolTip(PostReactionsDialog::TextColumn);
    QVERIFY2(!tip.contains(QLatin1String("<img")), qPrintable(tip)); // escaped, not an image
    QVERIFY(tip.contains(QLatin1String("&lt;img src=x&gt;")));
    for (QLabel *label : dialog->findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    view->setCurrentItem(html);
    QCOMPARE(dialog->commentText()->toPlainText(), HtmlComment); // whole, and as typed
    saveScreenshot(dialog.get(), QStringLiteral("postreactions-comments"));

    // Load more: the next offset, the rows appended, until the end.
    QTest::mouseClick(load, Qt::LeftButton);
    QTRY_COMPARE(view->topLevelItemCount(), 20);
    QCOMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content"), Action), 2);
    QCOMPARE(lastParams(Action).value(QStringLiteral("offset")).toInt(), 10);
    int pages = 2;
    while (load->isVisible() && pages < 10) {
        QTRY_VERIFY(load->isEnabled());
        QTest::mouseClick(load, Qt::LeftButton);
        ++pages;
        QTRY_COMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content"), Action), pages);
        QTRY_VERIFY(!dialog->isLoading(PostReactionsDialog::CommentsSection));
    }
    QVERIFY(!load->isVisible()); // everything is shown
    const int total = view->topLevelItemCount();
    QVERIFY(total > 20);
    QCOMPARE(pages, (total + 9) / 10);
    const QString status = dialog->statusLabel(PostReactionsDialog::CommentsSection)->text();
    QCOMPARE(status, QStringLiteral("%1 of %1 comments shown.").arg(total));
    // Each page cost one credit, and the dialog says how many it spent.
    QCOMPARE(m_sb->server.creditsCharged() - creditsBefore, qint64(pages));
    QCOMPARE(dialog->creditsSpent(), pages);
    QCOMPARE(dialog->creditsLabel()->text(), QStringLiteral("Credits spent here: %1").arg(pages));
}

void TstPostReactionsDialog::reactionsAreListed()
{
    const QString url = postWithComments(11);
    QVERIFY(!url.isEmpty());
    auto dialog = showDialog(url);
    QVERIFY(dialog);
    dialog->tabs()->setCurrentIndex(PostReactionsDialog::ReactionsSection);
    QTreeWidget *view = dialog->view(PostReactionsDialog::ReactionsSection);
    QTest::mouseClick(dialog->loadButton(PostReactionsDialog::ReactionsSection), Qt::LeftButton);
    QTRY_COMPARE(view->topLevelItemCount(), 10);
    QCOMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content"), ReactionsAction), 1);
    QCOMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content"), Action), 0);
    QCOMPARE(lastParams(ReactionsAction).value(QStringLiteral("post_url")).toString(), url);
    const QStringList known
        = { QStringLiteral("Like"), QStringLiteral("Celebrate"), QStringLiteral("Love"),
              QStringLiteral("Insightful"), QStringLiteral("Support"), QStringLiteral("Funny") };
    QSet<QString> types;
    for (int r = 0; r < view->topLevelItemCount(); ++r) {
        QTreeWidgetItem *item = view->topLevelItem(r);
        const QString type = item->text(PostReactionsDialog::ReactionTypeColumn);
        QVERIFY2(known.contains(type), qPrintable(type));
        types << type;
        QVERIFY(!item->text(PostReactionsDialog::PersonColumn).isEmpty());
    }
    QVERIFY(types.size() > 1);
    // The comments were not loaded on the way.
    QCOMPARE(dialog->view(PostReactionsDialog::CommentsSection)->topLevelItemCount(), 0);
    QCOMPARE(dialog->creditsSpent(), 1);
    saveScreenshot(dialog.get(), QStringLiteral("postreactions-reactions"));
}

void TstPostReactionsDialog::serverFailureIsASentenceWithRetry()
{
    const QString url = postWithComments(11);
    QVERIFY(!url.isEmpty());
    auto dialog = showDialog(url);
    QVERIFY(dialog);
    const auto section = PostReactionsDialog::CommentsSection;
    // A 500 on every try the client makes for a read (it retries them).
    m_sb->server.injectFault(
        SandboxServer::Fault::InternalError, 3, QStringLiteral("/v2/content"), Action);
    QTest::mouseClick(dialog->loadButton(section), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorLabel(section)->isVisible(), 10000);
    const QString sentence = dialog->errorLabel(section)->text();
    QVERIFY2(sentence.endsWith(QLatin1Char('.')) && sentence.size() > 20, qPrintable(sentence));
    QVERIFY2(!sentence.contains(QLatin1String("INTERNAL_ERROR")), qPrintable(sentence));
    QVERIFY(dialog->retryButton(section)->isVisible());
    QVERIFY(!dialog->loadButton(section)->isVisible());
    QCOMPARE(dialog->view(section)->topLevelItemCount(), 0);
    saveScreenshot(dialog.get(), QStringLiteral("postreactions-failure"));

    const int before = m_sb->server.requestCount(QStringLiteral("/v2/content"), Action);
    QTest::mouseClick(dialog->retryButton(section), Qt::LeftButton);
    QTRY_COMPARE(dialog->view(section)->topLevelItemCount(), 10);
    QCOMPARE(m_sb->server.requestCount(QStringLiteral("/v2/content"), Action), before + 1);
    QCOMPARE(lastParams(Action).value(QStringLiteral("offset")).toInt(), 0);
    QVERIFY(!dialog->errorLabel(section)->isVisible());
    QVERIFY(!dialog->retryButton(section)->isVisible());
    QVERIFY(dialog->loadButton(section)->isVisible());
    QCOMPARE(dialog->creditsSpent(), 1);
}

QTEST_MAIN(TstPostReactionsDialog)
#include "tst_postreactionsdialog.moc"
