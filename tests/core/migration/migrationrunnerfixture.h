#pragma once
// Shared by the migration runner tests: the sandbox in this process (so it outlives a killed
// child), a profile directory with its database on disk (so a second process can share it),
// and the real client, accounts service, journal, accounts store and runner.
#include "api/apiclient.h"
#include "migration/migrationcsv.h"
#include "migration/migrationrunner.h"
#include "sandbox/sandboxserver.h"
#include "services/accountsservice.h"
#include "store/accountrepository.h"
#include "store/database.h"
#include "store/migrationrepository.h"
#include "support/profile.h"

#include <QDebug>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <memory>

class MigrationRunnerFixture
{
public:
    struct Line
    {
        QString token;
        QString country;
        QString label;
    };

    std::unique_ptr<QTemporaryDir> dir; // the profile
    std::unique_ptr<QTemporaryDir> inputs; // the CSV files, outside the profile
    std::unique_ptr<ld::sandbox::SandboxServer> server;
    std::unique_ptr<ld::Database> db;
    std::unique_ptr<ld::MigrationRepository> journal;
    std::unique_ptr<ld::AccountRepository> accounts;
    std::unique_ptr<ld::ApiClient> client;
    std::unique_ptr<ld::AccountsService> service;
    std::unique_ptr<ld::MigrationRunner> runner;

    static constexpr int Wait = 30000;

    ld::Profile profile() const { return ld::Profile::open(dir->path()); }

    // Returns false when something could not be set up.
    bool setUp()
    {
        dir = std::make_unique<QTemporaryDir>();
        inputs = std::make_unique<QTemporaryDir>();
        server = std::make_unique<ld::sandbox::SandboxServer>();
        if (!dir->isValid() || !inputs->isValid() || !server->listen() || !profile().isValid())
            return false;
        return openParts();
    }

    bool openParts()
    {
        db = std::make_unique<ld::Database>();
        if (!db->open(profile().databasePath()))
            return false;
        journal = std::make_unique<ld::MigrationRepository>(db.get());
        accounts = std::make_unique<ld::AccountRepository>(db.get());
        client = std::make_unique<ld::ApiClient>();
        if (client->setBaseUrl(server->baseUrl()).isError())
            return false;
        client->setApiKey(ld::sandbox::Seeds::apiKey());
        client->setRetryTiming(ld::RetryTiming { 1, 5, 5, 3 }); // retries stay, waits shrink
        service = std::make_unique<ld::AccountsService>(client.get());
        runner
            = std::make_unique<ld::MigrationRunner>(service.get(), journal.get(), accounts.get());
        return true;
    }

    // Everything but the profile directory and the sandbox: the database files are closed.
    void closeParts()
    {
        runner.reset();
        service.reset();
        client.reset();
        accounts.reset();
        journal.reset();
        db.reset();
    }

    void tearDown()
    {
        closeParts();
        server.reset();
        inputs.reset();
        dir.reset();
    }

    static QByteArray csvBytes(const QList<Line> &lines)
    {
        QByteArray out = "login_token,country,label\n";
        for (const Line &l : lines)
            out += (l.token + QLatin1Char(',') + l.country + QLatin1Char(',') + l.label
                + QLatin1Char('\n'))
                       .toUtf8();
        return out;
    }

    // prepare() and start(); 0 when either refused.
    qint64 startRun(const ld::MigrationCsv &csv, int minMs, int maxMs)
    {
        QString error;
        const qint64 runId
            = runner->prepare(csv, QStringLiteral("tokens.csv"), minMs, maxMs, nullptr, &error);
        if (runId == 0 || !runner->start(runId, csv, &error)) {
            qWarning() << "could not start the run:" << error;
            return 0;
        }
        return runId;
    }

    static QList<Line> goodLines(int count, int first)
    {
        QList<Line> lines;
        for (int i = 0; i < count; ++i)
            lines << Line { realisticToken(first + i), QStringLiteral("FR"),
                QStringLiteral("Client %1").arg(first + i) };
        return lines;
    }

    QList<ld::MigrationJournalRow::Status> statuses(qint64 runId) const
    {
        QList<ld::MigrationJournalRow::Status> out;
        const QList<ld::MigrationJournalRow> rows = journal->rows(runId);
        for (const ld::MigrationJournalRow &row : rows)
            out << row.status;
        return out;
    }

    // The rows of the CSV's run that were called and got their outcome.
    int calledAndAnswered(const ld::MigrationCsv &csv) const
    {
        const std::optional<ld::MigrationRun> run = journal->findRunByContent(csv.contentHash);
        int n = 0;
        const QList<ld::MigrationJournalRow> rows
            = run ? journal->rows(run->id) : QList<ld::MigrationJournalRow>();
        for (const ld::MigrationJournalRow &row : rows)
            n += row.attempts > 0 && row.isFinal() ? 1 : 0;
        return n;
    }

    // A token as V1 handed them out: long and random-looking, so that finding its text in a
    // file cannot be a coincidence.
    static QString realisticToken(int n)
    {
        QString token = QStringLiteral("AQEDAR");
        quint32 x = 2654435761u * quint32(n + 1);
        static const char alphabet[]
            = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 40; ++i) {
            x = x * 1103515245u + 12345u;
            token += QLatin1Char(alphabet[(x >> 16) % 64]);
        }
        return token;
    }

    QString writeCsv(const QList<Line> &lines, const QString &name = QStringLiteral("tokens.csv"))
    {
        const QString path = inputs->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(csvBytes(lines)) < 0)
            return {};
        return path;
    }

    // The /v2/login requests the sandbox received, in order.
    QList<ld::sandbox::RecordedRequest> logins() const
    {
        QList<ld::sandbox::RecordedRequest> out;
        const QList<ld::sandbox::RecordedRequest> all = server->requests();
        for (const ld::sandbox::RecordedRequest &r : all)
            if (r.path == QLatin1String("/v2/login"))
                out << r;
        return out;
    }

    int loginsWith(const QString &token) const
    {
        int n = 0;
        const QList<ld::sandbox::RecordedRequest> all = logins();
        for (const ld::sandbox::RecordedRequest &r : all)
            n += QJsonDocument::fromJson(r.body)
                        .object()
                        .value(QStringLiteral("login_token"))
                        .toString()
                    == token
                ? 1
                : 0;
        return n;
    }

    // The files under `path` (recursively) whose bytes hold `needle`.
    static QStringList filesContaining(const QString &path, const QByteArray &needle)
    {
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                found << f.fileName();
        }
        return found;
    }
};
