// The second process of tst_invitationqueuerun's kill test: starts a bulk accept of every
// received invitation stored in the given profile database and keeps running until it is
// killed. Prints "run <id>" once the run is stored and "<state> <item id>" on every change.
// Usage: invitation_runner DATABASE BASE_URL API_KEY ACCOUNT_ID MIN_DELAY_MS MAX_DELAY_MS
#include "api/apiclient.h"
#include "services/networkservice.h"
#include "store/database.h"
#include "store/networkrepository.h"
#include "store/outboxrepository.h"
#include "store/runrepository.h"
#include "sync/invitationqueue.h"

#include <QCoreApplication>
#include <QUrl>

#include <cstdio>

static void say(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7) {
        say(QStringLiteral("usage: invitation_runner DATABASE BASE_URL API_KEY ACCOUNT_ID "
                           "MIN_DELAY_MS MAX_DELAY_MS"));
        return 2;
    }
    ld::Database db;
    if (!db.open(args.at(1))) {
        say(db.errorString());
        return 1;
    }
    ld::OutboxRepository items(&db);
    ld::NetworkRepository cache(&db);
    ld::RunRepository runs(&db);
    ld::ApiClient client;
    if (client.setBaseUrl(QUrl(args.at(2))).isError())
        return 1;
    client.setApiKey(args.at(3));
    client.setTimeoutMs(600000); // the test kills us long before
    ld::NetworkService network(&client);
    ld::InvitationQueue queue(&network, &cache, &items, &runs, nullptr);
    QObject::connect(&queue, &ld::InvitationQueue::itemChanged, &app,
        [](qint64 id, qint64, ld::OutboxItem::State state) {
            say(ld::OutboxItem::stateName(state) + QLatin1Char(' ') + QString::number(id));
        });

    QList<ld::NetworkTask> tasks;
    const QList<ld::StoredInvitation> received
        = cache.invitations(ld::StoredInvitation::Direction::Received, { args.at(4) });
    for (const ld::StoredInvitation &inv : received)
        tasks << ld::NetworkTask::forInvitation(ld::NetworkAction::Accept, inv);
    QString error;
    const qint64 runId = queue.start(tasks, QStringLiteral("Accept every received invitation"),
        &error, args.at(5).toInt(), args.at(6).toInt());
    if (runId == 0) {
        say(error);
        return 1;
    }
    say(QStringLiteral("run %1").arg(runId));
    return app.exec();
}
