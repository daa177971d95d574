// The second process of tst_migrationrunner's kill test: migrates a CSV on a profile as the app
// would (its database and its file log, every ld.* line enabled) and keeps running until it is
// killed or the run ends. Prints "run <id> new|resumed" once the run is stored, "row <index>
// <status>" for every outcome, "paused <reason>" and "finished".
// Usage: migration_runner PROFILE_DIR CSV BASE_URL API_KEY MIN_DELAY_MS MAX_DELAY_MS
#include "api/apiclient.h"
#include "migration/migrationcsv.h"
#include "migration/migrationrunner.h"
#include "services/accountsservice.h"
#include "store/accountrepository.h"
#include "store/database.h"
#include "store/migrationrepository.h"
#include "support/logging.h"
#include "support/profile.h"

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
        say(QStringLiteral("usage: migration_runner PROFILE_DIR CSV BASE_URL API_KEY "
                           "MIN_DELAY_MS MAX_DELAY_MS"));
        return 2;
    }
    const ld::Profile profile = ld::Profile::open(args.at(1));
    if (!profile.isValid()) {
        say(profile.error());
        return 1;
    }
    // The log is where a token would most likely leak: the test reads it afterwards.
    ld::logging::installFileLog(profile.logDir());
    ld::Database db;
    if (!db.open(profile.databasePath())) {
        say(db.errorString());
        return 1;
    }
    ld::MigrationRepository journal(&db);
    ld::AccountRepository accounts(&db);
    ld::ApiClient client;
    if (client.setBaseUrl(QUrl(args.at(3))).isError())
        return 1;
    client.setApiKey(args.at(4));
    client.setTimeoutMs(600000); // the test kills us long before
    ld::AccountsService service(&client);
    ld::MigrationRunner runner(&service, &journal, &accounts);

    const ld::MigrationCsv csv = ld::MigrationCsv::readFile(args.at(2));
    bool resumed = false;
    QString error;
    const qint64 runId
        = runner.prepare(csv, args.at(2), args.at(5).toInt(), args.at(6).toInt(), &resumed, &error);
    if (runId == 0) {
        say(error);
        return 1;
    }
    QObject::connect(
        &runner, &ld::MigrationRunner::rowFinished, &app, [&journal](qint64 run, int index) {
            const std::optional<ld::MigrationJournalRow> row = journal.row(run, index);
            say(QStringLiteral("row %1 %2")
                    .arg(index)
                    .arg(row ? ld::MigrationJournalRow::statusName(row->status)
                             : QStringLiteral("?")));
        });
    QObject::connect(&runner, &ld::MigrationRunner::paused, &app,
        [](qint64, const QString &reason) { say(QStringLiteral("paused ") + reason); });
    QObject::connect(&runner, &ld::MigrationRunner::finished, &app, [&app](qint64) {
        say(QStringLiteral("finished"));
        app.quit();
    });
    if (!runner.start(runId, csv, &error)) {
        say(error);
        return 1;
    }
    say(QStringLiteral("run %1 %2")
            .arg(runId)
            .arg(resumed ? QStringLiteral("resumed") : QStringLiteral("new")));
    return app.exec();
}
