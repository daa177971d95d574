#pragma once
// linkupctl's command line: global options before the command, one function per command,
// output flushed line by line, and every error as one "linkupctl: ..." line on stderr.
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace ld::ctl {

// ExitUnknown: a message or a network write may or may not have taken effect; `outbox verify`,
// or for invitations the list commands, tell which.
enum ExitCode { ExitOk = 0, ExitError = 1, ExitUsage = 2, ExitUnknown = 3 };

struct GlobalOptions
{
    QString baseUrl; // --base-url: overrides the profile's setting for this run
    QString profileDir; // --profile: empty for the default location
    bool json = false; // --json: machine-readable output
};

// A command's own options: "--name value", "--name=value", flags and positional words.
struct CommandArgs
{
    QHash<QString, QString> values;          // the last value of each option
    QHash<QString, QStringList> repeated;    // every value, for options that may repeat
    QSet<QString> flags;
    QStringList positional;

    QString value(const QString &name) const { return values.value(name); }
    QStringList all(const QString &name) const { return repeated.value(name); }
    bool has(const QString &name) const { return values.contains(name) || flags.contains(name); }
};

// Parses `args` against the options a command knows; false with *error set on anything else.
bool parseCommandArgs(const QStringList &args, const QStringList &valueOptions,
    const QStringList &flagOptions, CommandArgs *out, QString *error);

int run(const QStringList &arguments);

// Output: every line is written and flushed at once, so a pipe sees it immediately.
void printLine(const QString &line);
void printJson(const QJsonObject &object);
void printInfo(const QString &line); // stderr, for prompts and progress; never for results
void printPrompt(const QString &prompt); // stderr, no line end: the answer follows on the line
int fail(const QString &message); // "linkupctl: message" on stderr; returns ExitError
int usageError(const QString &message); // the same with a pointer to --help; returns ExitUsage
QString oneLine(const QString &text);
QString shortened(const QString &text, int max); // oneLine(), cut to `max` with an ellipsis
QString isoTime(const QDateTime &t);   // UTC, ISO 8601 with ms, for --json; empty if invalid
QString localTime(const QDateTime &t); // "yyyy-MM-dd HH:mm" local, for tables; empty if invalid
// Columns padded to their widest cell; the first row is usually the header.
void printTable(const QList<QStringList> &rows);

} // namespace ld::ctl
