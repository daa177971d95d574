// Batch migration overhead (issue 6; issue 9 §6): how much a paced CSV migration takes beyond
// the pauses LinkUp mandates between logins. A real profile in a temporary directory, the
// workspace's runner and journal, the sandbox over loopback in this process (as in the demo).
// The pause is pinned to 500 ms (min = max) so its sum is known exactly: (rows - 1) × 500 ms.
// Everything else — CSV parsing, journalling every row before and after its call, the HTTP
// round trip, the account upsert — is overhead. Goal: <= 2 % of the mandated pauses.
// Usage: bench_migration [ROWS]   (default 40: about 20 s)
#include "api/apiclient.h"
#include "migration/migrationcsv.h"
#include "migration/migrationrunner.h"
#include "sandbox/sandboxserver.h"
#include "store/migrationrepository.h"
#include "support/appsettings.h"
#include "sync/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace ld;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? qMax(2, QByteArray(argv[1]).toInt()) : 40;
    constexpr int pauseMs = MigrationRunner::MinDelayMs;

    QTemporaryDir dir;
    sandbox::SandboxServer server;
    if (!dir.isValid() || !server.listen()) {
        std::fprintf(stderr, "bench_migration: cannot set up the profile or the sandbox\n");
        return 1;
    }
    Workspace ws(Profile::open(dir.path()));
    if (!ws.open()) {
        std::fprintf(stderr, "bench_migration: %s\n", qPrintable(ws.errorString()));
        return 1;
    }
    ws.settings()->setBaseUrl(server.baseUrl());
    ws.client()->setApiKey(server.apiKey());

    QByteArray csv = "login_token,country,label\n";
    for (int i = 0; i < rows; ++i)
        csv += QStringLiteral("AQEDbench%1tokenXXXXXXXXXXXXXXXXXXXXXXXXXXXX,FR,Client %1\n")
                   .arg(i, 4, 10, QLatin1Char('0'))
                   .toUtf8();

    QElapsedTimer total;
    total.start();
    const MigrationCsv parsed = MigrationCsv::parse(csv);
    MigrationRunner *runner = ws.migrationRunner();
    QString error;
    const qint64 runId
        = runner->prepare(parsed, QStringLiteral("bench.csv"), pauseMs, pauseMs, nullptr, &error);
    QEventLoop loop;
    QObject::connect(runner, &MigrationRunner::finished, &loop, &QEventLoop::quit);
    QObject::connect(runner, &MigrationRunner::paused, &loop, [&](qint64, const QString &reason) {
        error = reason;
        loop.quit();
    });
    if (runId == 0 || !runner->start(runId, parsed, &error)) {
        std::fprintf(stderr, "bench_migration: %s\n", qPrintable(error));
        return 1;
    }
    loop.exec();
    const double elapsedMs = total.nsecsElapsed() / 1e6;
    const MigrationCounts counts = ws.migrations()->counts(runId);
    if (counts.connected != rows) {
        std::fprintf(stderr, "bench_migration: %d of %d rows connected (%s)\n", counts.connected,
            rows, qPrintable(error));
        return 1;
    }

    const double mandatedMs = double(rows - 1) * pauseMs;
    const double overheadMs = elapsedMs - mandatedMs;
    const double pct = 100.0 * overheadMs / mandatedMs;
    std::printf("migration.rows %d (pause pinned to %d ms)\n", rows, pauseMs);
    std::printf(
        "migration.total_s %.2f (mandated pauses: %.2f)\n", elapsedMs / 1000, mandatedMs / 1000);
    std::printf("migration.per_row_overhead_ms %.1f\n", overheadMs / rows);
    std::printf("migration.overhead_pct %.2f (goal: <= 2) %s\n", pct, pct <= 2.0 ? "ok" : "MISSED");
    return 0;
}
