// PostHistoryModel under QAbstractItemModelTester: the published posts newest first with their
// local time, who posted (the account's name, or the company page), the start of the text, the
// link and the credits; a newly published post inserted at the top without a reset; the
// account filter.
#include "models/posthistorymodel.h"
#include "store/accountrepository.h"
#include "store/database.h"
#include "store/draftrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace ld;

namespace {

const QString AccountA = QStringLiteral("acc_a");
const QString AccountB = QStringLiteral("acc_b");

PublishedPostRecord record(const QString &accountId, const QString &text, int minute)
{
    PublishedPostRecord r;
    r.draftId = minute + 100;
    r.accountId = accountId;
    r.text = text;
    r.postUrl
        = QStringLiteral("https://www.linkedin.com/feed/update/urn:li:activity:%1/").arg(minute);
    r.postUrn = QStringLiteral("urn:li:activity:%1").arg(minute);
    r.credits = 1;
    r.publishedAt = QDateTime(QDate(2025, 3, 11), QTime(9, minute), Qt::UTC);
    return r;
}

} // namespace

class TstPostHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void columnsNewestFirst();
    void newPostInsertedOnTop();
    void accountFilter();

private:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DraftRepository> m_drafts;
    std::unique_ptr<AccountRepository> m_accounts;
};

void TstPostHistoryModel::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_drafts = std::make_unique<DraftRepository>(m_db.get());
    m_accounts = std::make_unique<AccountRepository>(m_db.get());
    Account a;
    a.id = AccountA;
    a.name = QStringLiteral("Camille Laurent");
    QVERIFY(m_accounts->upsert(a));
}

void TstPostHistoryModel::cleanup()
{
    m_accounts.reset();
    m_drafts.reset();
    m_db.reset();
}

void TstPostHistoryModel::columnsNewestFirst()
{
    QVERIFY(m_drafts->recordPublished(record(AccountA, QStringLiteral("older\npost"), 1)));
    PublishedPostRecord page = record(AccountB, QStringLiteral("<i>as a page</i>"), 2);
    page.companyUrl = QStringLiteral("https://www.linkedin.com/company/acme");
    page.credits = 1;
    QVERIFY(m_drafts->recordPublished(page));
    PublishedPostRecord confirmed = record(AccountA, QString(), 3);
    confirmed.postUrl.clear(); // Unknown, confirmed by the person
    confirmed.mediaCount = 2;
    QVERIFY(m_drafts->recordPublished(confirmed));

    PostHistoryModel model(m_drafts.get(), m_accounts.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(PostHistoryModel::ColumnCount));
    auto cell
        = [&model](int row, int column) { return model.index(row, column).data().toString(); };

    QCOMPARE(model.index(0, 0).data(PostHistoryModel::DraftIdRole).toLongLong(), qint64(103));
    QCOMPARE(cell(0, PostHistoryModel::AccountColumn), QStringLiteral("Camille Laurent"));
    QVERIFY(cell(0, PostHistoryModel::TextColumn).contains(QLatin1String("2")));
    QVERIFY(model.index(0, 0).data(PostHistoryModel::PostUrlRole).toString().isEmpty());
    QVERIFY(!cell(0, PostHistoryModel::UrlColumn).isEmpty()); // says why there is no link

    QCOMPARE(cell(1, PostHistoryModel::AccountColumn), page.companyUrl);
    QCOMPARE(cell(1, PostHistoryModel::TextColumn), QStringLiteral("<i>as a page</i>"));
    QCOMPARE(cell(1, PostHistoryModel::UrlColumn), page.postUrl);
    QCOMPARE(cell(1, PostHistoryModel::CreditsColumn), QStringLiteral("1"));

    QCOMPARE(cell(2, PostHistoryModel::TextColumn), QStringLiteral("older post"));
    // The time is local, to the minute.
    const QDateTime local = record(AccountA, {}, 1).publishedAt.toLocalTime();
    QVERIFY(
        cell(2, PostHistoryModel::TimeColumn).endsWith(local.toString(QStringLiteral("HH:mm"))));
    QCOMPARE(model.index(2, 0).data(PostHistoryModel::PublishedAtRole).toDateTime(),
        record(AccountA, {}, 1).publishedAt);
    QCOMPARE(
        model.headerData(PostHistoryModel::UrlColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Link"));
}

void TstPostHistoryModel::newPostInsertedOnTop()
{
    QVERIFY(m_drafts->recordPublished(record(AccountA, QStringLiteral("one"), 1)));
    PostHistoryModel model(m_drafts.get(), m_accounts.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(m_drafts->recordPublished(record(AccountA, QStringLiteral("two"), 2)));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, PostHistoryModel::TextColumn).data().toString(), QStringLiteral("two"));
    QCOMPARE(model.rowOfDraft(101), 1);
}

void TstPostHistoryModel::accountFilter()
{
    QVERIFY(m_drafts->recordPublished(record(AccountA, QStringLiteral("a1"), 1)));
    QVERIFY(m_drafts->recordPublished(record(AccountB, QStringLiteral("b1"), 2)));
    QVERIFY(m_drafts->recordPublished(record(AccountA, QStringLiteral("a2"), 3)));
    PostHistoryModel model(m_drafts.get(), m_accounts.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    model.setAccountId(AccountB);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, PostHistoryModel::TextColumn).data().toString(), QStringLiteral("b1"));
    // Another account's new post does not show in the filtered history.
    QVERIFY(m_drafts->recordPublished(record(AccountA, QStringLiteral("a3"), 4)));
    QCOMPARE(model.rowCount(), 1);
    model.setAccountId({});
    QCOMPARE(model.rowCount(), 4);
}

QTEST_GUILESS_MAIN(TstPostHistoryModel)
#include "tst_posthistorymodel.moc"
