// CallsModel under QAbstractItemModelTester, fed by a real ApiClient talking to the sandbox:
// a row per call, state updates in place, rows that outlive their ApiCall, trimming, abort.
#include "api/apiclient.h"
#include "models/callsmodel.h"
#include "sandbox/sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ld;
using sandbox::SandboxServer;
using sandbox::Seeds;

class TstCallsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rowPerCallAndStateUpdates();
    void rowsOutliveTheirCalls();
    void finishedRowsAreTrimmed();
    void abortAtCancelsARunningCall();

private:
    QString cell(int row, int column) const
    {
        return m_model->index(row, column).data().toString();
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<CallsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TstCallsModel::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<ApiClient>();
    QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()).isError());
    m_client->setApiKey(Seeds::apiKey());
    m_model = std::make_unique<CallsModel>(m_client.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TstCallsModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_client.reset();
    m_server.reset();
}

void TstCallsModel::rowPerCallAndStateUpdates()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy running(m_model.get(), &CallsModel::runningCountChanged);

    ApiCall *first
        = m_client->get(QStringLiteral("/v2/accounts"), {}, QStringLiteral("list_accounts"));
    QSignalSpy firstDone(first, &ApiCall::done);
    QTRY_COMPARE(m_model->rowCount(), 1);
    ApiCall *second = m_client->get(QStringLiteral("/v2/accounts/acc_missing"), {},
        QStringLiteral("get_account"), QStringLiteral("acc_missing"));
    QSignalSpy secondDone(second, &ApiCall::done);
    QTRY_COMPARE(m_model->rowCount(), 2);
    // Newest first.
    QCOMPARE(cell(0, CallsModel::ActionColumn), QStringLiteral("get_account"));
    QCOMPARE(cell(0, CallsModel::AccountColumn), QStringLiteral("acc_missing"));
    QCOMPARE(cell(1, CallsModel::ActionColumn), QStringLiteral("list_accounts"));

    QTRY_VERIFY(firstDone.count() == 1 && secondDone.count() == 1);
    QTRY_COMPARE(m_model->runningCount(), 0);
    QCOMPARE(m_model->index(1, 0).data(CallsModel::IsRunningRole).toBool(), false);
    QCOMPARE(cell(1, CallsModel::StateColumn), QStringLiteral("Done"));
    QCOMPARE(cell(0, CallsModel::StateColumn), QStringLiteral("Failed"));
    QVERIFY(!m_model->index(0, CallsModel::StateColumn).data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(cell(1, CallsModel::AttemptsColumn), QStringLiteral("1"));
    QVERIFY(changed.count() > 0);
    QVERIFY(running.count() > 0);
    QCOMPARE(running.last().at(0).toInt(), 0);
    QCOMPARE(reset.count(), 0);
    QVERIFY(m_model->index(0, 0).data(CallsModel::CallIdRole).toLongLong() > 0);
}

void TstCallsModel::rowsOutliveTheirCalls()
{
    QPointer<ApiCall> call
        = m_client->get(QStringLiteral("/v2/accounts"), {}, QStringLiteral("list_accounts"));
    QTRY_VERIFY(call.isNull()); // the client deletes a call after it is done
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(cell(0, CallsModel::ActionColumn), QStringLiteral("list_accounts"));
    QCOMPARE(cell(0, CallsModel::StateColumn), QStringLiteral("Done"));
    QVERIFY(!m_model->abortAt(0));
}

void TstCallsModel::finishedRowsAreTrimmed()
{
    m_model->setMaxFinished(2);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    for (int i = 0; i < 4; ++i) {
        QPointer<ApiCall> call
            = m_client->get(QStringLiteral("/v2/accounts"), {}, QStringLiteral("list_%1").arg(i));
        QTRY_VERIFY(call.isNull());
    }
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(cell(0, CallsModel::ActionColumn), QStringLiteral("list_3"));
    QCOMPARE(cell(1, CallsModel::ActionColumn), QStringLiteral("list_2"));
    QCOMPARE(reset.count(), 0);
}

void TstCallsModel::abortAtCancelsARunningCall()
{
    m_server->injectFault(SandboxServer::Fault::Slow, 1, QStringLiteral("/v2/accounts"), {}, 30000);
    ApiCall *call
        = m_client->get(QStringLiteral("/v2/accounts"), {}, QStringLiteral("list_accounts"));
    QSignalSpy failed(call, &ApiCall::failed);
    QTRY_COMPARE(m_server->requestCount(QStringLiteral("/v2/accounts")), 1);
    QCOMPARE(m_model->runningCount(), 1);
    QVERIFY(m_model->abortAt(0));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(m_model->runningCount(), 0);
    QCOMPARE(cell(0, CallsModel::StateColumn), QStringLiteral("Cancelled"));
    QCOMPARE(cell(0, CallsModel::CreditsColumn), QStringLiteral("0"));
    QVERIFY(!m_model->abortAt(0));
    QVERIFY(!m_model->abortAt(5));
}

QTEST_GUILESS_MAIN(TstCallsModel)
#include "tst_callsmodel.moc"
