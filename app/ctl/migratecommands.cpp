// linkupctl convert-v1 [FILE] [--json] [--list] (issue 6 §6, §7): a V1 request in, its V2 form
// out. Pure but for one look-up: when the profile's database already exists, a V1 login_token
// that a batch migration imported is replaced by its account_id (from the journal, by the
// token's hash). No API key, no network, no prompt; a missing profile is not created.
#include "commands.h"

#include "migration/migrationcsv.h"
#include "migration/v1converter.h"
#include "store/migrationrepository.h"
#include "support/logging.h"
#include "support/profile.h"
#include "sync/workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

namespace ld::ctl {

namespace {

// Where Profile::open() would put the database, without creating the folder.
QString databaseFile(const QString &profileDir)
{
    const QString dir = profileDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : profileDir;
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/linkup-desk.sqlite");
}

bool readInput(const QString &file, QByteArray *bytes, QString *error)
{
    if (file.isEmpty() || file == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read stdin");
            return false;
        }
        *bytes = in.readAll();
        return true;
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file, in.errorString());
        return false;
    }
    *bytes = in.readAll();
    return true;
}

// The migration journal of the profile, when it has a database; nullptr (and why, on stderr,
// when that matters) otherwise.
std::unique_ptr<Workspace> openJournal(const QString &profileDir)
{
    const QString database = databaseFile(profileDir);
    if (database.isEmpty() || !QFileInfo::exists(database))
        return nullptr;
    const Profile profile = Profile::open(QFileInfo(database).path());
    auto workspace = std::make_unique<Workspace>(profile);
    if (!profile.isValid() || !workspace->open() || !workspace->migrations()) {
        printInfo(QStringLiteral("linkupctl: the profile's migration journal cannot be read (%1): "
                                 "account_id stays a placeholder")
                      .arg(profile.isValid() ? workspace->errorString() : profile.error()));
        return nullptr;
    }
    return workspace;
}

} // namespace

int convertV1(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(
            args, {}, { QStringLiteral("--json"), QStringLiteral("--list") }, &parsed, &error))
        return usageError(error);
    if (parsed.positional.size() > 1)
        return usageError(QStringLiteral("convert-v1 reads one request: give one FILE, or none "
                                         "to read stdin"));
    const bool json = options.json || parsed.has(QStringLiteral("--json"));

    if (parsed.has(QStringLiteral("--list"))) {
        const QStringList known = knownV1Endpoints();
        if (json)
            printJson({ { QStringLiteral("endpoints"), QJsonArray::fromStringList(known) } });
        else
            for (const QString &path : known)
                printLine(path);
        return ExitOk;
    }

    QByteArray bytes;
    if (!readInput(parsed.positional.value(0), &bytes, &error)) {
        fail(error);
        return ExitUsage;
    }
    V1Request request;
    if (!V1Request::parse(QString::fromUtf8(bytes), &request, &error)) {
        fail(error);
        return ExitUsage;
    }

    const std::unique_ptr<Workspace> journal = openJournal(options.profileDir);
    AccountIdLookup lookup;
    if (journal) {
        lookup = [&journal](const QString &token) {
            return journal->migrations()->accountIdForToken(tokenHash(token));
        };
    }
    // The token is in the input; should a log line ever quote it, it is masked.
    const QString token = request.body.value(QLatin1String("login_token")).toString().trimmed();
    if (!token.isEmpty())
        logging::registerSecret(token);
    const V2Conversion conversion = convertV1Request(request, lookup);
    if (!token.isEmpty())
        logging::forgetSecret(token);

    if (!conversion.ok) {
        fail(conversion.error + QStringLiteral(" (linkupctl convert-v1 --list prints them)"));
        return ExitUsage;
    }
    if (json) {
        printJson(conversion.toJson());
    } else {
        const QByteArray text = conversion.toText().toUtf8();
        std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
        std::fflush(stdout);
    }
    return ExitOk;
}

} // namespace ld::ctl
