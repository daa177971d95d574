// NetworkSync against a scripted server that pages wrongly, as the sandbox never does: a server
// that ignores the offset asked for, a list that never ends, pages the decoder refuses (each
// fails and keeps the previous list, read from the sandbox), and the forms of the end that are
// read as the end (an empty page, a next_offset that does not move on).
#include "networksyncfixture.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <functional>

using namespace ld;
using List = NetworkSync::List;
using Direction = StoredInvitation::Direction;

namespace {

constexpr int kWait = NetworkSyncFixture::Wait;
constexpr int kReceived = NetworkSyncFixture::Received;

// A LinkUp server that pages wrongly: every POST /v2/network is answered with a success
// envelope whose data `page(offset, count)` builds from the request's params.
class ScriptedServer
{
public:
    std::function<QJsonObject(int offset, int count)> page;
    int requests = 0;

    bool listen()
    {
        m_http.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                ++requests;
                const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
                const QJsonObject params = body.value(QStringLiteral("params")).toObject();
                const QJsonObject envelope {
                    { QStringLiteral("success"), true },
                    { QStringLiteral("data"),
                        page(params.value(QStringLiteral("offset")).toInt(),
                            params.value(QStringLiteral("count")).toInt()) },
                    { QStringLiteral("metadata"),
                        QJsonObject {
                            { QStringLiteral("action"), body.value(QStringLiteral("action")) },
                            { QStringLiteral("credits_consumed"), 1 } } },
                };
                responder.write(QJsonDocument(envelope));
            });
        m_port = m_http.listen(QHostAddress::LocalHost, 0);
        return m_port != 0;
    }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

private:
    QHttpServer m_http;
    quint16 m_port = 0;
};

QJsonObject receivedItem(int n)
{
    const QString id = QString::number(9000000 + n);
    return QJsonObject {
        { QStringLiteral("entity_urn"), QStringLiteral("urn:li:invitation:") + id },
        { QStringLiteral("shared_secret"), QStringLiteral("secret-") + id },
        { QStringLiteral("sender"),
            QJsonObject { { QStringLiteral("first_name"), QStringLiteral("Scripted") },
                { QStringLiteral("last_name"), id },
                { QStringLiteral("linkedin_url"),
                    QStringLiteral("https://www.linkedin.com/in/scripted-") + id } } },
        { QStringLiteral("invitation_type"), QStringLiteral("CONNECTION") },
        { QStringLiteral("sent_time"), QStringLiteral("1d") },
        { QStringLiteral("sent_time_days"), 1 },
    };
}

QJsonObject receivedPage(const QJsonValue &invitations, int offset, int nextOffset, bool hasMore)
{
    const int count = int(invitations.toArray().size());
    return QJsonObject {
        { QStringLiteral("invitations"), invitations },
        { QStringLiteral("total_results"), count },
        { QStringLiteral("total_available_results"), 1000 },
        { QStringLiteral("pagination"),
            QJsonObject { { QStringLiteral("offset"), offset }, { QStringLiteral("count"), count },
                { QStringLiteral("next_offset"), nextOffset },
                { QStringLiteral("has_more"), hasMore } } },
    };
}

} // namespace

class TstNetworkSyncGuards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(f.setUp()); }
    void cleanup() { f.tearDown(); }

    void pagingGuards_data();
    void pagingGuards();

private:
    QString primary() const { return f.account(); }

    NetworkSyncFixture f;
};

void TstNetworkSyncGuards::pagingGuards_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("stored"); // -1: the refresh fails and the previous list stays
    QTest::addColumn<QString>("detail"); // in the error's message

    QTest::newRow("offset asked for ignored") << "ignored" << 2 << -1 << "next_offset";
    QTest::newRow("has_more for ever") << "forever" << 4 << -1 << "has_more";
    QTest::newRow("invitations not an array") << "shape" << 1 << -1 << "invitations";
    QTest::newRow("item without its URN") << "nourn" << 2 << -1 << "entity_urn";
    // The end, however the server marks it.
    QTest::newRow("empty page saying has_more") << "empty" << 2 << 3 << "";
    QTest::newRow("next_offset stays put") << "stuck" << 1 << 3 << "";
    QTest::newRow("next_offset goes back") << "back" << 2 << 6 << "";
}

void TstNetworkSyncGuards::pagingGuards()
{
    QFETCH(QString, script);
    QFETCH(int, requests);
    QFETCH(int, stored);
    QFETCH(QString, detail);

    // The previous list comes from the sandbox.
    QVERIFY(!f.refresh(primary(), List::Received).isEmpty());
    const QSet<QString> before = f.storedKeys(List::Received, primary());
    QCOMPARE(before.size(), kReceived);

    ScriptedServer scripted;
    scripted.page = [&](int offset, int count) {
        QJsonArray items;
        for (int i = 0; i < count; ++i)
            items.append(receivedItem((script == QLatin1String("ignored") ? 0 : offset) + i));
        if (script == QLatin1String("stuck"))
            return receivedPage(items, offset, offset, true);
        if (script == QLatin1String("back"))
            return receivedPage(items, offset, offset == 0 ? count : 0, true);
        if (script == QLatin1String("ignored")) // the first page, whatever was asked for
            return receivedPage(items, 0, count, true);
        if (script == QLatin1String("forever"))
            return receivedPage(items, offset, offset + count, true);
        if (script == QLatin1String("shape"))
            return receivedPage(QStringLiteral("none"), offset, offset + count, true);
        if (script == QLatin1String("nourn") && offset > 0) {
            QJsonObject broken = receivedItem(offset);
            broken.remove(QStringLiteral("entity_urn"));
            items[0] = broken;
        }
        if (script == QLatin1String("empty") && offset > 0)
            return receivedPage(QJsonArray(), offset, offset, true);
        return receivedPage(items, offset, offset + count, true);
    };
    QVERIFY(scripted.listen());
    QVERIFY(!f.client->setBaseUrl(scripted.baseUrl()).isError());
    f.sync->setPageSize(List::Received, 3);
    f.sync->setMaxPages(4);

    QSignalSpy failed(f.sync.get(), &NetworkSync::failed);
    QSignalSpy refreshed(f.sync.get(), &NetworkSync::refreshed);
    f.sync->refresh(primary(), List::Received);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count() + refreshed.count(), 1, kWait);
    QVERIFY(!f.sync->isBusy());
    QCOMPARE(scripted.requests, requests); // undecodable pages are not read again

    if (stored < 0) {
        QCOMPARE(failed.count(), 1);
        const ApiError error = failed.constFirst().at(2).value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::BadBody);
        QVERIFY2(error.message.contains(detail), qPrintable(error.message));
        QVERIFY2(
            error.message.contains(QStringLiteral("list_invitations")), qPrintable(error.message));
        QCOMPARE(failed.constFirst().at(3).toInt(), requests); // 1 credit per scripted page
        QCOMPARE(f.storedKeys(List::Received, primary()), before);
    } else {
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(refreshed.constFirst().at(2).toInt(), stored);
        QCOMPARE(refreshed.constFirst().at(3).toInt(), requests);
        QCOMPARE(f.repository->invitationCount(Direction::Received, primary()), stored);
        QVERIFY(f.repository->findByUrn(
            primary(), Direction::Received, QStringLiteral("urn:li:invitation:9000000")));
    }
}

QTEST_GUILESS_MAIN(TstNetworkSyncGuards)
#include "tst_networksyncguards.moc"
