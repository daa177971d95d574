#pragma once
// The batch migration's input and output files (issue 6 §2, §4, §5).
//
// Input: a CSV with a header naming `login_token` and `country` and optionally `label`, in any
// order and any letter case; other columns are ignored. UTF-8 with or without a BOM; LF, CRLF
// or CR line ends; RFC 4180 quoting (a quoted field may hold commas, doubled quotes and line
// breaks); empty and whitespace-only lines are skipped. A header without a comma but with
// semicolons makes `;` the separator (spreadsheets in many European locales save that way).
// Fields are trimmed; the country is upper-cased (V1 accepted "fr" as "FR").
//
// Every data record becomes a MigrationInputRow with its physical line number, valid or not:
// bad rows never stop a run and each still gets a row in the results. A V1 login_token is a
// secret: it lives in MigrationInputRow::loginToken, in memory only; everything that is
// stored or shown uses its SHA-256 (tokenHash) or a short fingerprint of it.
#include <QByteArray>
#include <QList>
#include <QString>

namespace ld {

// Lower-case hex SHA-256 of the token's UTF-8 bytes (64 characters); empty for an empty token.
QByteArray tokenHash(const QString &loginToken);
// The first 12 hex characters of a tokenHash: what people see to tell tokens apart.
QString tokenFingerprint(const QByteArray &tokenHash);

struct MigrationInputRow
{
    enum class Problem {
        None,
        MissingToken,   // empty login_token
        BadCountry,     // country empty or not two letters A–Z
        DuplicateToken, // same token as an earlier valid row: migrated once, with that row
    };

    int index = 0;       // 0-based among the data records, in file order
    int lineNumber = 0;  // 1-based physical line where the record starts (the header is line 1
                         // when the file starts with it)
    QString loginToken;  // SECRET: never stored, logged or written to any file
    QByteArray tokenHash; // tokenHash(loginToken); empty when the token is
    QString country;     // trimmed, upper-cased; "…" when a bad value is over 20 characters (a
                         // token in the wrong column must not reach the journal or a file)
    QString label;       // trimmed; may be empty
    Problem problem = Problem::None;
    int duplicateOfIndex = -1; // DuplicateToken: the index of the row that is migrated
    int duplicateOfLine = 0;   // ... and its line number

    bool isValid() const { return problem == Problem::None; }
    bool isDuplicate() const { return problem == Problem::DuplicateToken; }
    // A translated sentence: "login_token is empty", "country \"FRA\" is not a two-letter
    // code", "same token as line 3: migrated once, with that row"; empty when valid.
    QString problemText() const;
    // "MISSING_TOKEN", "BAD_COUNTRY", "DUPLICATE_TOKEN"; empty when valid.
    QString problemCode() const;
};

struct MigrationCsv
{
    // False when the file as a whole cannot be used: unreadable, empty, not UTF-8, no header,
    // a header without login_token or country, an unterminated quoted field. error says which
    // and where ("line 7: invalid UTF-8"); rows is then empty.
    bool ok = false;
    QString error;
    QList<MigrationInputRow> rows;
    // SHA-256 (hex) over the rows as parsed (token hash, country, label, in order): the same
    // file read again — even re-saved with other line ends or a BOM — has the same contentHash,
    // so a rerun finds its journalled run. Empty when !ok.
    QByteArray contentHash;

    int validCount() const;    // rows that will be called (first occurrences of valid tokens)
    int problemCount() const;  // rows with a problem (duplicates included)

    static MigrationCsv parse(const QByteArray &bytes);
    static MigrationCsv readFile(const QString &path); // error names the file when unreadable
};

// One row of the results file, in input order (issue 6 §5). Built from the journal
// (MigrationRepository::rows()); status is "connected", "checkpoint_required", "failed", or
// "pending" for a row the run has not reached (paused or cancelled run).
struct MigrationResultRow
{
    QString label;
    QString country;
    QString tokenFingerprint;
    QString accountId;
    QString status;
    QString errorCode;
    QString errorMessage;
    QString migratedAt; // ISO 8601 UTC ("2026-12-07T10:15:02Z"); empty when not called
};

// The results CSV: header `label,country,token_fingerprint,account_id,status,error_code,
// error_message,migrated_at`, CRLF line ends, RFC 4180 quoting, UTF-8 without BOM. A text field
// that a spreadsheet would run as a formula (starting with = + - @ or a tab) is prefixed with
// a single quote.
QByteArray migrationResultsCsv(const QList<MigrationResultRow> &rows);

} // namespace ld
