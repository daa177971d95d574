// MigrationCsv: the batch migration's input CSV (header, encodings, line ends, RFC 4180 quoting,
// row problems, content hash) and the results CSV it writes back.
#include "migration/migrationcsv.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using ld::MigrationCsv;
using ld::MigrationInputRow;
using ld::MigrationResultRow;

namespace {

// One row as "line|token|country|label|PROBLEM_CODE|duplicate's line": a whole file's rows
// compare as one readable list.
QStringList describe(const MigrationCsv &csv)
{
    QStringList out;
    for (const MigrationInputRow &r : csv.rows)
        out << QStringLiteral("%1|%2|%3|%4|%5|%6")
                   .arg(r.lineNumber)
                   .arg(r.loginToken, r.country, r.label, r.problemCode())
                   .arg(r.duplicateOfLine);
    return out;
}

// A plain RFC 4180 reader, independent of the one under test, for the results file.
QList<QStringList> readRfc4180(const QByteArray &bytes)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < bytes.size() && bytes.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record << QString::fromUtf8(field);
            field.clear();
        } else if (c == '\r' && i + 1 < bytes.size() && bytes.at(i + 1) == '\n') {
            record << QString::fromUtf8(field);
            field.clear();
            records << record;
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << QString::fromUtf8(field));
    return records;
}

QByteArray rowsCsv(const QStringList &lines, const QByteArray &lineEnd = "\n")
{
    return lines.join(QString::fromLatin1(lineEnd)).toUtf8() + lineEnd;
}

} // namespace

class TestMigrationCsv : public QObject
{
    Q_OBJECT

private slots:
    void tokenHashAndFingerprint();
    void parse_data();
    void parse();
    void unusable_data();
    void unusable();
    void problemTexts();
    void swappedColumnsKeepTheTokenOut();
    void contentHashIgnoresTheFileFormat();
    void contentHashFollowsTheRows_data();
    void contentHashFollowsTheRows();
    void readFile();
    void readFileRefusesWhatItCannotUse();
    void resultsExactBytes();
    void resultsRoundTrip();
    void randomBytesNeverBreakTheParser();
    void hugeInputs();
};

void TestMigrationCsv::tokenHashAndFingerprint()
{
    // SHA-256("abc") from FIPS 180-2.
    const QByteArray abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QCOMPARE(ld::tokenHash(QStringLiteral("abc")), abc);
    QCOMPARE(ld::tokenFingerprint(abc), QStringLiteral("ba7816bf8f01"));
    QVERIFY(ld::tokenHash(QString()).isEmpty());
    // The UTF-8 bytes are hashed, not Latin-1 or UTF-16.
    QCOMPARE(ld::tokenHash(QStringLiteral("é")),
        QCryptographicHash::hash("\xC3\xA9", QCryptographicHash::Sha256).toHex());
}

void TestMigrationCsv::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("rows");

    const QStringList two { QStringLiteral("2|tok-a|FR|Alice||0"),
        QStringLiteral("3|tok-b|DE|Bob||0") };
    QTest::newRow("LF") << QByteArray("login_token,country,label\ntok-a,FR,Alice\ntok-b,DE,Bob\n")
                        << two;
    QTest::newRow("no final line end")
        << QByteArray("login_token,country,label\ntok-a,FR,Alice\ntok-b,DE,Bob") << two;
    QTest::newRow("BOM") << QByteArray(
        "\xEF\xBB\xBFlogin_token,country,label\ntok-a,FR,Alice\ntok-b,DE,Bob\n")
                         << two;
    QTest::newRow("CRLF") << QByteArray(
        "login_token,country,label\r\ntok-a,FR,Alice\r\ntok-b,DE,Bob\r\n")
                          << two;
    QTest::newRow("CR") << QByteArray("login_token,country,label\rtok-a,FR,Alice\rtok-b,DE,Bob\r")
                        << two;
    QTest::newRow("quoted fields") << QByteArray(
        "login_token,country,label\n\"tok-a\",\"FR\",\"Alice\"\n"
        "tok-b, \"DE\" ,\"Bob\"\n") << two;
    QTest::newRow("comma and doubled quotes inside quotes")
        << QByteArray("login_token,country,label\n\"tok,a\",FR,\"Smith, \"\"Al\"\" Jr\"\n")
        << QStringList { QStringLiteral("2|tok,a|FR|Smith, \"Al\" Jr||0") };
    QTest::newRow("line breaks inside quotes: the next row's line counts them")
        << QByteArray("login_token,country,label\r\ntok-a,FR,\"two\r\nlines\"\r\n"
                      "tok-b,DE,\"cr\rand lf\n\"\r\ntok-c,IT,\r\n")
        << QStringList { QStringLiteral("2|tok-a|FR|two\nlines||0"),
               QStringLiteral("4|tok-b|DE|cr\nand lf||0"), QStringLiteral("7|tok-c|IT|||0") };
    QTest::newRow("empty, whitespace-only and empty-field lines skipped")
        << QByteArray("\n  \nlogin_token,country,label\n\n \t \ntok-a,FR,Alice\n,,\n"
                      "tok-b,DE,Bob\n\n")
        << QStringList { QStringLiteral("6|tok-a|FR|Alice||0"),
               QStringLiteral("8|tok-b|DE|Bob||0") };
    QTest::newRow("extra columns ignored") << QByteArray(
        "id,login_token,notes,country,label,x\n1,tok-a,n,FR,Alice,y\n"
        "2,tok-b,\"a,b\",DE,Bob\n") << two;
    QTest::newRow("column order, letter case and spaces in the header")
        << QByteArray(" Label ,COUNTRY,  Login_Token\nAlice,FR,tok-a\nBob,DE,tok-b\n") << two;
    QTest::newRow("no label column") << QByteArray("login_token,country\ntok-a,FR\n")
                                     << QStringList { QStringLiteral("2|tok-a|FR|||0") };
    QTest::newRow("semicolons") << QByteArray(
        "login_token;country;label\ntok-a;FR;Alice\n\"tok;b\";DE;\"Bob, B\"\n")
                                << QStringList { QStringLiteral("2|tok-a|FR|Alice||0"),
                                       QStringLiteral("3|tok;b|DE|Bob, B||0") };
    QTest::newRow("semicolons with a quoted header")
        << QByteArray("\"login_token\";\"country\"\r\ntok-a;FR\r\n")
        << QStringList { QStringLiteral("2|tok-a|FR|||0") };
    QTest::newRow("a comma in the header keeps the comma separator")
        << QByteArray("login_token,country,label;notes\ntok-a,FR,x;y\n")
        << QStringList { QStringLiteral("2|tok-a|FR|||0") };
    QTest::newRow("fewer fields than the header are empty")
        << QByteArray("login_token,country,label\ntok-a,FR\ntok-b\n")
        << QStringList { QStringLiteral("2|tok-a|FR|||0"),
               QStringLiteral("3|tok-b|||BAD_COUNTRY|0") };
    QTest::newRow("trimmed fields, country upper-cased")
        << QByteArray("login_token,country,label\n  tok-a\t, fr ,  Alice  \n")
        << QStringList { QStringLiteral("2|tok-a|FR|Alice||0") };
    QTest::newRow("missing token")
        << QByteArray("login_token,country,label\n,FR,Alice\n\"  \",DE,Bob\n,,Carol\n")
        << QStringList { QStringLiteral("2||FR|Alice|MISSING_TOKEN|0"),
               QStringLiteral("3||DE|Bob|MISSING_TOKEN|0"),
               QStringLiteral("4|||Carol|MISSING_TOKEN|0") };
    QTest::newRow("bad countries")
        << QByteArray("login_token,country\nt1,FRA\nt2,\nt3,1A\nt4,fr\nt5,F\nt6,ß\nt7,ÉS\n"
                      "t8,F R\n")
        << QStringList { QStringLiteral("2|t1|FRA||BAD_COUNTRY|0"),
               QStringLiteral("3|t2|||BAD_COUNTRY|0"), QStringLiteral("4|t3|1A||BAD_COUNTRY|0"),
               QStringLiteral("5|t4|FR|||0"), QStringLiteral("6|t5|F||BAD_COUNTRY|0"),
               QStringLiteral("7|t6|ß||BAD_COUNTRY|0"), QStringLiteral("8|t7|ÉS||BAD_COUNTRY|0"),
               QStringLiteral("9|t8|F R||BAD_COUNTRY|0") };
    QTest::newRow("duplicates: each one names the first row")
        << QByteArray("login_token,country,label\ntok-a,FR,one\ntok-b,DE,two\n tok-a ,FR,three\n"
                      "tok-a,DE,four\n")
        << QStringList { QStringLiteral("2|tok-a|FR|one||0"), QStringLiteral("3|tok-b|DE|two||0"),
               QStringLiteral("4|tok-a|FR|three|DUPLICATE_TOKEN|2"),
               QStringLiteral("5|tok-a|DE|four|DUPLICATE_TOKEN|2") };
    QTest::newRow("the first VALID row is migrated; an invalid row keeps its own problem")
        << QByteArray("login_token,country\ntok-a,FRA\ntok-a,FR\ntok-a,\ntok-a,fr\n")
        << QStringList { QStringLiteral("2|tok-a|FRA||BAD_COUNTRY|0"),
               QStringLiteral("3|tok-a|FR|||0"), QStringLiteral("4|tok-a|||BAD_COUNTRY|0"),
               QStringLiteral("5|tok-a|FR||DUPLICATE_TOKEN|3") };
    QTest::newRow("tokens are case-sensitive")
        << QByteArray("login_token,country\nTok,FR\ntok,FR\n")
        << QStringList { QStringLiteral("2|Tok|FR|||0"), QStringLiteral("3|tok|FR|||0") };
    QTest::newRow("UTF-8 text") << QByteArray(
        "login_token,country,label\ntök-😀,FR,Zoë \xE2\x80\x94 Paris\n")
                                << QStringList { QStringLiteral("2|tök-😀|FR|Zoë — Paris||0") };
    QTest::newRow("lenient quotes: inside an unquoted field, text after the closing one")
        << QByteArray("login_token,country,label\nto\"k,FR,\"Al\"ice\n")
        << QStringList { QStringLiteral("2|to\"k|FR|Alice||0") };
}

void TestMigrationCsv::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, rows);

    const MigrationCsv csv = MigrationCsv::parse(bytes);
    QVERIFY2(csv.ok, qPrintable(csv.error));
    QVERIFY(csv.error.isEmpty());
    QCOMPARE(describe(csv), rows);
    QCOMPARE(csv.contentHash.size(), 64);
    int valid = 0;
    for (int i = 0; i < csv.rows.size(); ++i) {
        const MigrationInputRow &r = csv.rows.at(i);
        QCOMPARE(r.index, i);
        QCOMPARE(r.tokenHash, ld::tokenHash(r.loginToken));
        QCOMPARE(r.isValid(), r.problemCode().isEmpty());
        QCOMPARE(r.problemText().isEmpty(), r.isValid());
        if (r.isDuplicate()) {
            const MigrationInputRow &first = csv.rows.at(r.duplicateOfIndex);
            QVERIFY(first.isValid());
            QCOMPARE(first.lineNumber, r.duplicateOfLine);
            QCOMPARE(first.tokenHash, r.tokenHash);
        } else {
            QCOMPARE(r.duplicateOfIndex, -1);
        }
        valid += r.isValid();
    }
    QCOMPARE(csv.validCount(), valid);
    QCOMPARE(csv.problemCount(), csv.rows.size() - valid);
}

void TestMigrationCsv::unusable_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("words"); // each, between |, must be in the error

    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty|login_token,country");
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << QStringLiteral("empty");
    QTest::newRow("blank lines only") << QByteArray("\r\n  \n\t\n,,\n") << QStringLiteral("empty");
    QTest::newRow("no header: data on line 1")
        << QByteArray("tok-a,FR,Alice\ntok-b,DE,Bob\n")
        << QStringLiteral("line 1|login_token column|login_token,country,label");
    QTest::newRow("header without country") << QByteArray("\nlogin_token,label\ntok-a,Alice\n")
                                            << QStringLiteral("line 2|country column");
    QTest::newRow("header without login_token")
        << QByteArray("token,country\ntok-a,FR\n") << QStringLiteral("login_token column");
    QTest::newRow("header named twice") << QByteArray("login_token,country,Country\ntok-a,FR,DE\n")
                                        << QStringLiteral("country|twice");
    QTest::newRow("header only") << QByteArray("login_token,country\r\n\r\n")
                                 << QStringLiteral("no account");
    QTest::newRow("invalid UTF-8 (Latin-1 é) on line 3")
        << QByteArray("login_token,country,label\ntok-a,FR,ok\ntok-b,FR,caf\xE9\n")
        << QStringLiteral("Line 3|UTF-8");
    QTest::newRow("invalid UTF-8 after CR line ends")
        << QByteArray("login_token,country\rtok-a,FR\r\rtok-b,FR\xC3\r")
        << QStringLiteral("Line 4|UTF-8");
    QTest::newRow("overlong UTF-8")
        << QByteArray("login_token,country\ntok\xC0\xAF,FR\n") << QStringLiteral("Line 2");
    QTest::newRow("UTF-8 surrogate")
        << QByteArray("login_token,country\ntok\xED\xA0\x80,FR\n") << QStringLiteral("Line 2");
    QTest::newRow("UTF-8 past U+10FFFF")
        << QByteArray("login_token,country\ntok\xF4\x90\x80\x80,FR\n") << QStringLiteral("Line 2");
    QTest::newRow("truncated UTF-8 at the end")
        << QByteArray("login_token,country\ntok,FR\xE2\x82") << QStringLiteral("Line 2");
    QTest::newRow("UTF-16") << QByteArray("\xFF\xFEl\0o\0g\0", 8)
                            << QStringLiteral("UTF-16|CSV UTF-8");
    QTest::newRow("unterminated quote names its line") << QByteArray(
        "login_token,country,label\ntok-a,FR,x\ntok-b,DE,\"Bob\ntok-c,IT,y\n"
        "tok-d,ES,z\n") << QStringLiteral("Line 3|never closed");
    QTest::newRow("unterminated quote in the header")
        << QByteArray("\"login_token,country\ntok-a,FR\n") << QStringLiteral("Line 1");
}

void TestMigrationCsv::unusable()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, words);

    const MigrationCsv csv = MigrationCsv::parse(bytes);
    QVERIFY(!csv.ok);
    QVERIFY(csv.rows.isEmpty());
    QVERIFY(csv.contentHash.isEmpty());
    for (const QString &w : words.split(QLatin1Char('|')))
        QVERIFY2(csv.error.contains(w, Qt::CaseInsensitive), qPrintable(csv.error));
}

void TestMigrationCsv::problemTexts()
{
    const MigrationCsv csv
        = MigrationCsv::parse("login_token,country\n,FR\nt1,FRA\nt2,\nt3,FR\n\nt3,DE\n");
    QVERIFY2(csv.ok, qPrintable(csv.error));
    QCOMPARE(csv.rows.size(), 5);
    QCOMPARE(csv.rows.at(0).problemText(), QStringLiteral("login_token is empty"));
    QCOMPARE(
        csv.rows.at(1).problemText(), QStringLiteral("country \"FRA\" is not a two-letter code"));
    QVERIFY(csv.rows.at(2).problemText().contains(QStringLiteral("country is empty")));
    QVERIFY(csv.rows.at(3).problemText().isEmpty());
    QCOMPARE(csv.rows.at(4).problemText(),
        QStringLiteral("same token as line 5: migrated once, with that row"));
    QCOMPARE(csv.rows.at(4).duplicateOfIndex, 3);
    QCOMPARE(csv.validCount(), 1);
    QCOMPARE(csv.problemCount(), 4);
}

void TestMigrationCsv::swappedColumnsKeepTheTokenOut()
{
    // Data under the wrong headers puts the secret in `country`, which the journal stores and
    // the results file shows: it must not survive there nor in the problem text.
    const QString token = QStringLiteral("AQEDAR-very-long-v1-session-token-0123456789abcdef");
    const MigrationCsv csv
        = MigrationCsv::parse(QStringLiteral("login_token,country\nFR,%1\n").arg(token).toUtf8());
    QVERIFY2(csv.ok, qPrintable(csv.error));
    const MigrationInputRow &row = csv.rows.at(0);
    QCOMPARE(row.problem, MigrationInputRow::Problem::BadCountry);
    QVERIFY(!row.country.contains(QStringLiteral("AQEDAR")));
    QVERIFY(!row.problemText().contains(QStringLiteral("AQEDAR")));
    QVERIFY2(row.problemText().contains(QStringLiteral("swapped")), qPrintable(row.problemText()));
    // Shifted one column to the right: no token, and the secret lands in `country` again.
    const MigrationCsv shifted = MigrationCsv::parse(
        QStringLiteral("login_token,country,label\n,%1,FR\n").arg(token).toUtf8());
    QVERIFY2(shifted.ok, qPrintable(shifted.error));
    QCOMPARE(shifted.rows.at(0).problem, MigrationInputRow::Problem::MissingToken);
    QVERIFY(!shifted.rows.at(0).country.contains(QStringLiteral("AQEDAR")));
    // Still part of the content: another token there is another file.
    const MigrationCsv other
        = MigrationCsv::parse(QStringLiteral("login_token,country\nFR,%1x\n").arg(token).toUtf8());
    QVERIFY(other.contentHash != csv.contentHash);
}

void TestMigrationCsv::contentHashIgnoresTheFileFormat()
{
    const QStringList lines { QStringLiteral("login_token,country,label"),
        QStringLiteral("tok-a,FR,Alice"), QStringLiteral("tok-b,DE,\"B, b\""),
        QStringLiteral(",FRA,bad") };
    const MigrationCsv lf = MigrationCsv::parse(rowsCsv(lines));
    QVERIFY2(lf.ok, qPrintable(lf.error));
    const QList<QByteArray> sameContent {
        rowsCsv(lines, "\r\n"),
        rowsCsv(lines, "\r"),
        "\xEF\xBB\xBF" + rowsCsv(lines, "\r\n"),
        "\n\n" + rowsCsv(lines) + "\n  \n",
        "label;Country;login_token;notes\r\nAlice;fr;\"tok-a\";x\r\n\"B, b\";DE;tok-b;y\r\n"
        "bad;fra;;z\r\n",
        "login_token,country,label\n\"tok-a\" , FR ,Alice\ntok-b,DE,\"B, b\"\n\"\",FRA,bad",
    };
    for (const QByteArray &bytes : sameContent) {
        const MigrationCsv csv = MigrationCsv::parse(bytes);
        QVERIFY2(csv.ok, qPrintable(csv.error));
        QVERIFY2(csv.contentHash == lf.contentHash, bytes.toPercentEncoding().constData());
    }
}

void TestMigrationCsv::contentHashFollowsTheRows_data()
{
    QTest::addColumn<QByteArray>("changed");
    QTest::newRow("a label") << QByteArray(
        "login_token,country,label\ntok-a,FR,Alicf\ntok-b,DE,\n");
    QTest::newRow("a country") << QByteArray(
        "login_token,country,label\ntok-a,BE,Alice\ntok-b,DE,\n");
    QTest::newRow("a token") << QByteArray(
        "login_token,country,label\ntok-A,FR,Alice\ntok-b,DE,\n");
    QTest::newRow("the row order")
        << QByteArray("login_token,country,label\ntok-b,DE,\ntok-a,FR,Alice\n");
    QTest::newRow("a row added") << QByteArray(
        "login_token,country,label\ntok-a,FR,Alice\ntok-b,DE,\ntok-c,IT,\n");
    QTest::newRow("a row removed") << QByteArray("login_token,country,label\ntok-a,FR,Alice\n");
    QTest::newRow("text moved between fields")
        << QByteArray("login_token,country,label\ntok-a,FR,Alic\ntok-b,DE,e\n");
}

void TestMigrationCsv::contentHashFollowsTheRows()
{
    QFETCH(QByteArray, changed);
    const MigrationCsv base
        = MigrationCsv::parse("login_token,country,label\ntok-a,FR,Alice\ntok-b,DE,\n");
    const MigrationCsv other = MigrationCsv::parse(changed);
    QVERIFY(base.ok && other.ok);
    QVERIFY(base.contentHash != other.contentHash);
}

void TestMigrationCsv::readFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray bytes = "\xEF\xBB\xBFlogin_token,country\r\ntok-a,fr\r\n";
    QFile file(dir.filePath(QStringLiteral("tokens.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();

    const MigrationCsv read = MigrationCsv::readFile(file.fileName());
    QVERIFY2(read.ok, qPrintable(read.error));
    QCOMPARE(describe(read), QStringList { QStringLiteral("2|tok-a|FR|||0") });
    QCOMPARE(read.contentHash, MigrationCsv::parse(bytes).contentHash);
}

void TestMigrationCsv::readFileRefusesWhatItCannotUse()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(QStringLiteral("missing.csv"));
    MigrationCsv csv = MigrationCsv::readFile(missing);
    QVERIFY(!csv.ok);
    QVERIFY2(csv.error.contains(missing), qPrintable(csv.error));

    csv = MigrationCsv::readFile(dir.path());
    QVERIFY(!csv.ok);
    QVERIFY2(csv.error.contains(dir.path()) && csv.error.contains(QStringLiteral("folder")),
        qPrintable(csv.error));

    // Sparse: 50 MB and one byte, valid CSV up front, without writing 50 MB.
    QFile big(dir.filePath(QStringLiteral("big.csv")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    big.write("login_token,country\ntok-a,FR\n");
    QVERIFY(big.resize(50 * 1024 * 1024 + 1));
    big.close();
    csv = MigrationCsv::readFile(big.fileName());
    QVERIFY(!csv.ok);
    QVERIFY2(csv.error.contains(big.fileName()) && csv.error.contains(QStringLiteral("50 MB")),
        qPrintable(csv.error));
}

void TestMigrationCsv::resultsExactBytes()
{
    MigrationResultRow ok;
    ok.label = QStringLiteral("Alice");
    ok.country = QStringLiteral("FR");
    ok.tokenFingerprint = QStringLiteral("ba7816bf8f01");
    ok.accountId = QStringLiteral("acc_1");
    ok.status = QStringLiteral("connected");
    ok.migratedAt = QStringLiteral("2026-12-07T10:15:02Z");
    MigrationResultRow failed;
    failed.label = QStringLiteral("Smith, \"Bob\"");
    failed.country = QStringLiteral("DE");
    failed.status = QStringLiteral("failed");
    failed.errorCode = QStringLiteral("TOKEN_EXPIRED");
    failed.errorMessage = QStringLiteral("line one\nline two");

    QCOMPARE(ld::migrationResultsCsv({}),
        QByteArray("label,country,token_fingerprint,account_id,status,error_code,"
                   "error_message,migrated_at\r\n"));
    QCOMPARE(ld::migrationResultsCsv({ ok, failed }),
        QByteArray("label,country,token_fingerprint,account_id,status,error_code,"
                   "error_message,migrated_at\r\n"
                   "Alice,FR,ba7816bf8f01,acc_1,connected,,,2026-12-07T10:15:02Z\r\n"
                   "\"Smith, \"\"Bob\"\"\",DE,,,failed,TOKEN_EXPIRED,\"line one\nline "
                   "two\",\r\n"));

    // Formulas are defused; text that only contains those characters is left alone.
    MigrationResultRow formula;
    formula.label = QStringLiteral("=HYPERLINK(\"x\")");
    formula.country = QStringLiteral("+FR");
    formula.accountId = QStringLiteral("-1");
    formula.status = QStringLiteral("@SUM(A1)");
    formula.errorCode = QStringLiteral("\tTAB");
    formula.errorMessage = QStringLiteral("a=b-c");
    QCOMPARE(ld::migrationResultsCsv({ formula }).split('\n').at(1),
        QByteArray("\"'=HYPERLINK(\"\"x\"\")\",'+FR,,'-1,'@SUM(A1),'\tTAB,a=b-c,\r"));
}

void TestMigrationCsv::resultsRoundTrip()
{
    QList<MigrationResultRow> rows;
    const QStringList texts { QString(), QStringLiteral("plain"), QStringLiteral("comma, inside"),
        QStringLiteral("\"quoted\""), QStringLiteral("cr\rlf\ncrlf\r\n"),
        QStringLiteral("  spaces  "), QStringLiteral("Zoë — 😀"), QStringLiteral("=1+1") };
    for (int i = 0; i < texts.size(); ++i) {
        MigrationResultRow r;
        r.label = texts.at(i);
        r.errorMessage = texts.at((i + 3) % texts.size());
        r.status = QStringLiteral("pending");
        rows << r;
    }
    const QByteArray bytes = ld::migrationResultsCsv(rows);
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QStringList> records = readRfc4180(bytes);
    QCOMPARE(records.size(), rows.size() + 1);
    QCOMPARE(records.first().join(QLatin1Char(',')),
        QStringLiteral("label,country,token_fingerprint,account_id,status,error_code,"
                       "error_message,migrated_at"));
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList &rec = records.at(i + 1);
        QCOMPARE(rec.size(), 8);
        const auto expected = [](const QString &t) {
            return t.startsWith(QLatin1Char('=')) ? QLatin1Char('\'') + t : t;
        };
        QCOMPARE(rec.at(0), expected(rows.at(i).label));
        QCOMPARE(rec.at(4), QStringLiteral("pending"));
        QCOMPARE(rec.at(6), expected(rows.at(i).errorMessage));
    }
}

void TestMigrationCsv::randomBytesNeverBreakTheParser()
{
    // Fixed seed: a failure here is reproducible. Pieces of what CSV parsing branches on (and
    // of UTF-8 characters, so sequences get cut), with any byte at all in one round of four.
    QRandomGenerator random(20261207);
    const QList<QByteArray> pieces { ",", ",", ";", "\"", "\"", "\r", "\n", "\r\n", " ", "\t",
        "\xEF\xBB\xBF", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3", "a", "tok", "FR",
        "fr", "FRA", "login_token", "country", "label" };
    int usable = 0;
    for (int round = 0; round < 4000; ++round) {
        QByteArray bytes;
        if (round % 2)
            bytes = "login_token,country,label\n";
        const bool anyByte = round % 4 == 3;
        const int length = random.bounded(60);
        for (int i = 0; i < length; ++i)
            bytes += anyByte && random.bounded(3) == 0 ? QByteArray(1, char(random.bounded(256)))
                                                       : pieces.at(random.bounded(pieces.size()));
        const MigrationCsv csv = MigrationCsv::parse(bytes);
        QCOMPARE(csv.ok, csv.error.isEmpty());
        if (!csv.ok) {
            QVERIFY(csv.rows.isEmpty());
            continue;
        }
        ++usable;
        QVERIFY(!csv.rows.isEmpty());
        QCOMPARE(csv.contentHash.size(), 64);
        QCOMPARE(csv.validCount() + csv.problemCount(), csv.rows.size());
        int lastLine = 1;
        for (int i = 0; i < csv.rows.size(); ++i) {
            const MigrationInputRow &r = csv.rows.at(i);
            QCOMPARE(r.index, i);
            QVERIFY(r.lineNumber > lastLine);
            lastLine = r.lineNumber;
            if (r.isDuplicate())
                QVERIFY(r.duplicateOfIndex < i && csv.rows.at(r.duplicateOfIndex).isValid());
            if (r.isValid())
                QVERIFY(r.country.size() == 2 && !r.loginToken.isEmpty());
        }
        QCOMPARE(MigrationCsv::parse(bytes).contentHash, csv.contentHash);
    }
    QVERIFY(usable > 100); // the loop did reach the row parser
}

void TestMigrationCsv::hugeInputs()
{
    // 100,000 rows (about 5 MB): parsed in linear time. Timings are printed, never asserted.
    QByteArray bytes = "login_token,country,label\r\n";
    for (int i = 0; i < 100000; ++i)
        bytes += "v1-token-" + QByteArray::number(i) + ",fr,\"Account " + QByteArray::number(i)
            + ", team\"\r\n";
    QElapsedTimer timer;
    timer.start();
    const MigrationCsv csv = MigrationCsv::parse(bytes);
    qInfo("parsed %lld bytes, %lld rows in %lld ms", qlonglong(bytes.size()),
        qlonglong(csv.rows.size()), qlonglong(timer.elapsed()));
    QVERIFY2(csv.ok, qPrintable(csv.error));
    QCOMPARE(csv.rows.size(), 100000);
    QCOMPARE(csv.validCount(), 100000);
    QCOMPARE(csv.rows.last().lineNumber, 100001);
    QCOMPARE(csv.rows.last().label, QStringLiteral("Account 99999, team"));

    // Pathological shapes: one line of ten million commas, an enormous quoted field, no header.
    const QByteArray commas = "login_token,country\n" + QByteArray(10'000'000, ',') + "\n";
    timer.restart();
    const MigrationCsv wide = MigrationCsv::parse(commas);
    qInfo("ten million commas in %lld ms", qlonglong(timer.elapsed()));
    QVERIFY(!wide.ok); // the only row is blank: a header and no account
    const MigrationCsv wideText
        = MigrationCsv::parse("login_token,country\n" + QByteArray(5'000'000, ',') + "x\n");
    QVERIFY(wideText.ok); // text in an ignored column still makes a row (without a token)
    QCOMPARE(wideText.rows.first().problem, MigrationInputRow::Problem::MissingToken);

    timer.restart();
    const MigrationCsv quoted
        = MigrationCsv::parse("login_token,country\n\"" + QByteArray(10'000'000, 'q') + "\",FR\n");
    qInfo("a 10 MB quoted field in %lld ms", qlonglong(timer.elapsed()));
    QVERIFY(quoted.ok);
    QCOMPARE(quoted.rows.first().loginToken.size(), 10'000'000);
    QVERIFY(!MigrationCsv::parse(QByteArray(10'000'000, '"')).ok);
}

QTEST_GUILESS_MAIN(TestMigrationCsv)
#include "tst_migrationcsv.moc"
