// InvitationListModel under QAbstractItemModelTester: the columns and roles of a stored
// invitation, rows following NetworkRepository's changes by key (insert, update, remove, no
// reset), the direction and account filters, and ages counted from the model's clock.
#include "models/invitationlistmodel.h"
#include "store/accountrepository.h"
#include "store/database.h"
#include "store/networkrepository.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;

namespace {

const QString AccountA = QStringLiteral("acc_a");
const QString AccountB = QStringLiteral("acc_b");
const QDateTime FetchedAt = QDateTime(QDate(2025, 3, 10), QTime(9, 0), Qt::UTC);

ReceivedInvitation received(int n, int days, const QString &headline = {})
{
    ReceivedInvitation r;
    r.entityUrn = QStringLiteral("urn:li:invitation:%1").arg(7000 + n);
    r.sharedSecret = QStringLiteral("secret-%1").arg(n);
    r.sender.firstName = QStringLiteral("Person");
    r.sender.lastName = QString::number(n);
    r.sender.headline = headline.isEmpty() ? QStringLiteral("Engineer %1").arg(n) : headline;
    r.sender.profileUrl = QStringLiteral("https://www.linkedin.com/in/person-%1").arg(n);
    r.invitationType = QStringLiteral("CONNECTION");
    r.sentTime = QStringLiteral("%1d").arg(days);
    r.sentTimeDays = days;
    return r;
}

SentInvitation sent(int n, int days)
{
    SentInvitation s;
    s.entityUrn = QStringLiteral("urn:li:invitation:%1").arg(9000 + n);
    s.recipient.firstName = QStringLiteral("Recipient");
    s.recipient.lastName = QString::number(n);
    s.recipient.profileUrl = QStringLiteral("https://www.linkedin.com/in/recipient-%1").arg(n);
    s.invitationType = QStringLiteral("CONNECTION");
    s.sentTimeDays = days;
    return s;
}

Account account(const QString &id, const QString &name)
{
    Account a;
    a.id = id;
    a.name = name;
    a.status = Account::Status::Active;
    a.isActive = true;
    return a;
}

} // namespace

class TstInvitationListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void columnsAndRoles();
    void plainTextInOneLine();
    void ageFollowsTheClock_data();
    void ageFollowsTheClock();
    void refreshAppliesAKeyedDiff();
    void answeredInvitationDisappears();
    void otherDirectionIsIgnored();
    void accountFilterResetsOnlyOnChange();
    void accountRenameUpdatesTheColumn();

private:
    QStringList urns(const InvitationListModel &model) const;
    void storeReceived(const QString &accountId, const QList<ReceivedInvitation> &all);

    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountRepository> m_accounts;
    std::unique_ptr<NetworkRepository> m_network;
    std::unique_ptr<InvitationListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstInvitationListModel::init()
{
    m_db = std::make_unique<Database>();
    QVERIFY(m_db->open(QStringLiteral(":memory:")));
    m_accounts = std::make_unique<AccountRepository>(m_db.get());
    QVERIFY(m_accounts->upsert(account(AccountA, QStringLiteral("Camille Laurent"))));
    QVERIFY(m_accounts->upsert(account(AccountB, QStringLiteral("Jonas Berg"))));
    m_network = std::make_unique<NetworkRepository>(m_db.get());
    storeReceived(AccountA, { received(1, 1), received(2, 5), received(3, 40) });
    storeReceived(AccountB, { received(4, 3) });
    m_model = std::make_unique<InvitationListModel>(
        m_network.get(), m_accounts.get(), StoredInvitation::Direction::Received);
    m_model->setClock([] { return FetchedAt; });
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TstInvitationListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_network.reset();
    m_accounts.reset();
    m_db.reset();
}

QStringList TstInvitationListModel::urns(const InvitationListModel &model) const
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, 0).data(InvitationListModel::EntityUrnRole).toString();
    return out;
}

void TstInvitationListModel::storeReceived(
    const QString &accountId, const QList<ReceivedInvitation> &all)
{
    QVERIFY(m_network->replaceReceived(accountId, all, FetchedAt));
}

void TstInvitationListModel::columnsAndRoles()
{
    QCOMPARE(m_model->columnCount(), int(InvitationListModel::ColumnCount));
    QCOMPARE(m_model->rowCount(), 4);
    // The store's order, newest first, across accounts.
    QCOMPARE(urns(*m_model),
        (QStringList { QStringLiteral("urn:li:invitation:7001"),
            QStringLiteral("urn:li:invitation:7004"), QStringLiteral("urn:li:invitation:7002"),
            QStringLiteral("urn:li:invitation:7003") }));
    for (int c = 0; c < m_model->columnCount(); ++c)
        QVERIFY(!m_model->headerData(c, Qt::Horizontal).toString().isEmpty());

    const int row = m_model->rowOfKey(m_model->keyAt(2));
    QCOMPARE(row, 2);
    auto cell = [&](int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QCOMPARE(cell(InvitationListModel::NameColumn).toString(), QStringLiteral("Person 2"));
    QCOMPARE(cell(InvitationListModel::HeadlineColumn).toString(), QStringLiteral("Engineer 2"));
    QCOMPARE(
        cell(InvitationListModel::AccountColumn).toString(), QStringLiteral("Camille Laurent"));
    QCOMPARE(cell(InvitationListModel::AgeColumn).toString(), QStringLiteral("5 d"));
    QCOMPARE(cell(InvitationListModel::AgeColumn, InvitationListModel::SortRole).toInt(), 5);
    QCOMPARE(cell(0, InvitationListModel::AgeDaysRole).toInt(), 5);
    QCOMPARE(cell(0, InvitationListModel::AccountIdRole).toString(), AccountA);
    QCOMPARE(cell(0, InvitationListModel::ProfileUrlRole).toString(),
        QStringLiteral("https://www.linkedin.com/in/person-2"));
    QCOMPARE(cell(0, InvitationListModel::EntityUrnRole).toString(),
        QStringLiteral("urn:li:invitation:7002"));
    QVERIFY(cell(0, InvitationListModel::KeyRole).toLongLong() > 0);

    const StoredInvitation inv = m_model->invitationAt(2);
    QCOMPARE(inv.sharedSecret, QStringLiteral("secret-2"));
    QCOMPARE(m_model->invitationAt(99).key, 0);
    QCOMPARE(m_model->keyAt(-1), 0);
    QCOMPARE(m_model->rowOfKey(-5), -1);
    QVERIFY(m_model->roleNames().values().contains("entityUrn"));
}

void TstInvitationListModel::plainTextInOneLine()
{
    ReceivedInvitation r = received(5, 0, QStringLiteral("<b>Lead</b>\nof <i>things</i>"));
    r.message = QStringLiteral("Hello,\n\nlet's connect <a href=x>here</a>");
    storeReceived(AccountB, { received(4, 3), r });
    const int row = m_model->rowOfKey(
        m_network->findByUrn(AccountB, StoredInvitation::Direction::Received, r.entityUrn)->key);
    QVERIFY(row >= 0);
    QCOMPARE(m_model->index(row, InvitationListModel::HeadlineColumn).data().toString(),
        QStringLiteral("<b>Lead</b> of <i>things</i>"));
    QCOMPARE(m_model->index(row, InvitationListModel::NoteColumn).data().toString(),
        QStringLiteral("Hello, let's connect <a href=x>here</a>"));
    QCOMPARE(m_model->index(row, InvitationListModel::AgeColumn).data().toString(),
        QStringLiteral("today"));
}

void TstInvitationListModel::ageFollowsTheClock_data()
{
    QTest::addColumn<int>("daysLater");
    QTest::addColumn<QString>("ageOfThe40DayOne");
    QTest::newRow("at fetch") << 0 << QStringLiteral("40 d");
    QTest::newRow("a day later") << 1 << QStringLiteral("41 d");
    QTest::newRow("ten days later") << 10 << QStringLiteral("50 d");
}

void TstInvitationListModel::ageFollowsTheClock()
{
    QFETCH(int, daysLater);
    QFETCH(QString, ageOfThe40DayOne);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setClock([daysLater] { return FetchedAt.addDays(daysLater).addSecs(60); });
    QCOMPARE(changed.count(), 1); // the Age column, every row
    QCOMPARE(m_model->index(3, InvitationListModel::AgeColumn).data().toString(), ageOfThe40DayOne);
    QCOMPARE(m_model->index(3, 0).data(InvitationListModel::AgeDaysRole).toInt(), 40 + daysLater);
}

void TstInvitationListModel::refreshAppliesAKeyedDiff()
{
    const QPersistentModelIndex kept(m_model->index(2, InvitationListModel::NameColumn)); // 7002
    const qint64 keptKey = m_model->keyAt(2);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    // 7001 answered elsewhere, 7002's headline changed, 7006 new; 7003 unchanged.
    storeReceived(AccountA,
        { received(2, 5, QStringLiteral("Head of Data")), received(3, 40), received(6, 2) });
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(urns(*m_model),
        (QStringList { QStringLiteral("urn:li:invitation:7006"),
            QStringLiteral("urn:li:invitation:7004"), QStringLiteral("urn:li:invitation:7002"),
            QStringLiteral("urn:li:invitation:7003") }));
    QVERIFY(kept.isValid());
    QCOMPARE(m_model->keyAt(kept.row()), keptKey);
    QCOMPARE(m_model->index(kept.row(), InvitationListModel::HeadlineColumn).data().toString(),
        QStringLiteral("Head of Data"));

    // The same list again changes nothing.
    reset.clear();
    inserted.clear();
    removed.clear();
    changed.clear();
    storeReceived(AccountA,
        { received(2, 5, QStringLiteral("Head of Data")), received(3, 40), received(6, 2) });
    QCOMPARE(reset.count() + inserted.count() + removed.count() + changed.count(), 0);
}

void TstInvitationListModel::answeredInvitationDisappears()
{
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_network->removeInvitation(
        AccountA, StoredInvitation::Direction::Received, QStringLiteral("urn:li:invitation:7002")));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 2);
    QVERIFY(!urns(*m_model).contains(QStringLiteral("urn:li:invitation:7002")));
    QCOMPARE(m_model->rowCount(), 3);
}

void TstInvitationListModel::otherDirectionIsIgnored()
{
    InvitationListModel sentModel(
        m_network.get(), m_accounts.get(), StoredInvitation::Direction::Sent);
    QAbstractItemModelTester tester(
        &sentModel, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(sentModel.rowCount(), 0);
    QSignalSpy receivedInserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy receivedChanged(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_network->replaceSent(AccountA, { sent(1, 31), sent(2, 3) }, FetchedAt));
    QCOMPARE(sentModel.rowCount(), 2);
    QCOMPARE(sentModel.index(0, InvitationListModel::NameColumn).data().toString(),
        QStringLiteral("Recipient 2"));
    QCOMPARE(receivedInserted.count(), 0);
    QCOMPARE(receivedChanged.count(), 0);
    QCOMPARE(m_model->rowCount(), 4);
}

void TstInvitationListModel::accountFilterResetsOnlyOnChange()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setAccountFilter({ AccountB });
    QCOMPARE(reset.count(), 1);
    QCOMPARE(urns(*m_model), QStringList { QStringLiteral("urn:li:invitation:7004") });
    m_model->setAccountFilter({ AccountB });
    QCOMPARE(reset.count(), 1);

    // A change on an account outside the filter touches nothing.
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    storeReceived(AccountA, { received(7, 1) });
    QCOMPARE(inserted.count() + removed.count(), 0);
    QCOMPARE(m_model->rowCount(), 1);
    storeReceived(AccountB, { received(4, 3), received(8, 0) });
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_model->rowCount(), 2);

    m_model->setAccountFilter({});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->accountFilter(), QStringList());
}

void TstInvitationListModel::accountRenameUpdatesTheColumn()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_accounts->upsert(account(AccountB, QStringLiteral("Jonas B."))));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(InvitationListModel::AccountColumn));
    const int row = int(urns(*m_model).indexOf(QStringLiteral("urn:li:invitation:7004")));
    QCOMPARE(m_model->index(row, InvitationListModel::AccountColumn).data().toString(),
        QStringLiteral("Jonas B."));
    // An account the store does not know shows its id.
    QCOMPARE(m_model->accountName(QStringLiteral("acc_zzz")), QStringLiteral("acc_zzz"));
}

QTEST_GUILESS_MAIN(TstInvitationListModel)
#include "tst_invitationlistmodel.moc"
