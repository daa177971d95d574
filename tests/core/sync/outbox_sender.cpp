// The second process of tst_outbox's kill test: queues one message through an Outbox on the
// given profile database and keeps running until it is killed. Prints "sending <id>" once the
// item is Sending in the store, and the final state if it ever gets one.
// Usage: outbox_sender DATABASE BASE_URL API_KEY ACCOUNT_ID PROFILE_URL TEXT
#include "api/apiclient.h"
#include "services/messagesservice.h"
#include "store/conversationrepository.h"
#include "store/database.h"
#include "store/outboxrepository.h"
#include "sync/outbox.h"

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
        say(QStringLiteral(
            "usage: outbox_sender DATABASE BASE_URL API_KEY ACCOUNT_ID PROFILE_URL TEXT"));
        return 2;
    }
    ld::Database db;
    if (!db.open(args.at(1))) {
        say(db.errorString());
        return 1;
    }
    ld::OutboxRepository items(&db);
    ld::ConversationRepository conversations(&db);
    ld::ApiClient client;
    if (client.setBaseUrl(QUrl(args.at(2))).isError())
        return 1;
    client.setApiKey(args.at(3));
    client.setTimeoutMs(600000); // the test kills us long before
    ld::MessagesService messages(&client);
    ld::Outbox outbox(&messages, &items, &conversations, nullptr);
    outbox.setUndoDelayMs(0);
    QObject::connect(
        &outbox, &ld::Outbox::itemChanged, &app, [](qint64 id, ld::OutboxItem::State state) {
            say(ld::OutboxItem::stateName(state) + QLatin1Char(' ') + QString::number(id));
        });
    ld::OutgoingMessage m;
    m.accountId = args.at(4);
    m.profileUrl = args.at(5);
    m.text = args.at(6);
    QString refusal;
    if (outbox.enqueue(m, &refusal) == 0) {
        say(refusal);
        return 1;
    }
    return app.exec();
}
