#include "migration/migrationcsv.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <limits>
#include <optional>

namespace ld {

namespace {

// A CSV of V1 tokens holds a few hundred rows; anything this big is the wrong file.
constexpr qint64 MaxFileBytes = 50 * 1024 * 1024;
// A bad country longer than this is not a typo but another column's value (typically the token,
// when the columns are swapped): it is not kept, so that it never reaches the journal or a file.
constexpr qsizetype MaxEchoedCountry = 20;
// Columns past this in the header are ignored (a real header has a handful).
constexpr int MaxHeaderColumns = 1000;
const QString TooLongCountry = QStringLiteral("…");

QString csvText(const char *text)
{
    return QCoreApplication::translate("ld::MigrationCsv", text);
}

// The 1-based line of every byte position, with LF, CRLF and CR each ending one line.
bool isLineEnd(const char *data, qsizetype i, qsizetype n)
{
    return data[i] == '\n' || (data[i] == '\r' && (i + 1 >= n || data[i + 1] != '\n'));
}

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF). Returns the line of the
// first invalid sequence, 0 when the whole text is valid.
int firstInvalidUtf8Line(const QByteArray &bytes, qsizetype from)
{
    const auto *d = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    int line = 1;
    for (qsizetype i = from; i < n;) {
        const unsigned char c = d[i];
        if (c < 0x80) {
            if (isLineEnd(bytes.constData(), i, n))
                ++line;
            ++i;
            continue;
        }
        int more = 0;
        unsigned char lo = 0x80, hi = 0xBF; // the range of the first continuation byte
        if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return line;
        }
        if (i + more >= n || d[i + 1] < lo || d[i + 1] > hi)
            return line;
        for (int k = 2; k <= more; ++k)
            if (d[i + k] < 0x80 || d[i + k] > 0xBF)
                return line;
        i += more + 1;
    }
    return 0;
}

// RFC 4180 records over validated UTF-8 bytes (the separator, quote and line ends are ASCII, so
// splitting bytes never cuts a character). Lenient where spreadsheets are: spaces before an
// opening quote, text after a closing quote and a quote inside an unquoted field are kept.
class RecordReader
{
public:
    enum class Result { Record, End, Unterminated };

    RecordReader(const QByteArray &bytes, qsizetype from, char separator)
        : m_data(bytes.constData())
        , m_size(bytes.size())
        , m_pos(from)
        , m_separator(separator)
    { }

    // Fields past the first `count` are only checked for content, not kept: a line of ten
    // million commas must not become ten million fields.
    void keepFields(int count) { m_keep = count; }
    // Whether the last record had text in a field that was not kept.
    bool droppedText() const { return m_droppedText; }

    // The next record into fields (untrimmed UTF-8) and its starting line into startLine; on
    // Unterminated, startLine is the line of the opening quote.
    Result next(QList<QByteArray> &fields, int &startLine)
    {
        fields.clear();
        m_droppedText = false;
        startLine = m_line;
        if (m_pos >= m_size)
            return Result::End;
        QByteArray field;
        bool fieldStart = true;
        while (m_pos < m_size) {
            if (fieldStart) {
                fieldStart = false;
                qsizetype q = m_pos;
                while (q < m_size && (m_data[q] == ' ' || m_data[q] == '\t'))
                    ++q;
                if (q < m_size && m_data[q] == '"') {
                    m_pos = q + 1;
                    if (!readQuoted(field)) {
                        startLine = m_quoteLine;
                        fields.clear();
                        return Result::Unterminated;
                    }
                    continue;
                }
            }
            const qsizetype begin = m_pos;
            while (m_pos < m_size && m_data[m_pos] != m_separator && m_data[m_pos] != '\r'
                && m_data[m_pos] != '\n')
                ++m_pos;
            field.append(m_data + begin, m_pos - begin);
            if (m_pos >= m_size)
                break;
            if (m_data[m_pos] == m_separator) {
                ++m_pos;
                take(fields, field);
                fieldStart = true;
                continue;
            }
            skipLineEnd();
            take(fields, field);
            return Result::Record;
        }
        take(fields, field); // the last record without a final line end
        return Result::Record;
    }

private:
    // After the opening quote: up to and past the closing one. Line breaks inside are kept as
    // LF whatever the file used, so that re-saving the file does not change a label.
    bool readQuoted(QByteArray &field)
    {
        m_quoteLine = m_line;
        while (m_pos < m_size) {
            const char c = m_data[m_pos];
            if (c == '"') {
                if (m_pos + 1 < m_size && m_data[m_pos + 1] == '"') {
                    field.append('"');
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                return true;
            }
            if (c == '\r' || c == '\n') {
                skipLineEnd();
                field.append('\n');
                continue;
            }
            const qsizetype begin = m_pos;
            while (m_pos < m_size && m_data[m_pos] != '"' && m_data[m_pos] != '\r'
                && m_data[m_pos] != '\n')
                ++m_pos;
            field.append(m_data + begin, m_pos - begin);
        }
        return false;
    }

    void take(QList<QByteArray> &fields, QByteArray &field)
    {
        if (fields.size() < m_keep)
            fields << field;
        else if (!m_droppedText && !QString::fromUtf8(field).trimmed().isEmpty())
            m_droppedText = true;
        field.clear();
    }

    void skipLineEnd()
    {
        if (m_data[m_pos] == '\r' && m_pos + 1 < m_size && m_data[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos;
    char m_separator;
    int m_line = 1;
    int m_quoteLine = 0;
    int m_keep = std::numeric_limits<int>::max();
    bool m_droppedText = false;
};

// Empty and whitespace-only lines are skipped, and so are rows of empty fields (",,"), which
// is how spreadsheets save an empty row.
bool isBlank(const RecordReader &reader, const QList<QByteArray> &fields)
{
    if (reader.droppedText())
        return false;
    for (const QByteArray &f : fields)
        if (!QString::fromUtf8(f).trimmed().isEmpty())
            return false;
    return true;
}

RecordReader::Result nextNonBlank(RecordReader &reader, QList<QByteArray> &fields, int &line)
{
    RecordReader::Result result;
    do
        result = reader.next(fields, line);
    while (result == RecordReader::Result::Record && isBlank(reader, fields));
    return result;
}

QString fieldAt(const QList<QByteArray> &fields, int column)
{
    if (column < 0 || column >= fields.size())
        return {};
    return QString::fromUtf8(fields.at(column)).trimmed();
}

bool isCountryCode(const QString &c)
{
    return c.size() == 2 && c.at(0).isLetter() && c.at(1).isLetter() && c.at(0).unicode() < 128
        && c.at(1).unicode() < 128;
}

// Only A–Z: QString::toUpper would turn "ß" into "SS", a valid-looking code.
QString asciiUpper(QString s)
{
    for (QChar &ch : s)
        if (ch >= QLatin1Char('a') && ch <= QLatin1Char('z'))
            ch = QChar(ch.unicode() - 'a' + 'A');
    return s;
}

// Unambiguous whatever the fields hold: each is length-prefixed.
void addHashed(QCryptographicHash &hash, const QByteArray &value)
{
    hash.addData(QByteArray::number(value.size()) + ':');
    hash.addData(value);
}

MigrationCsv failure(const QString &error)
{
    MigrationCsv csv;
    csv.error = error;
    return csv;
}

} // namespace

QByteArray tokenHash(const QString &loginToken)
{
    if (loginToken.isEmpty())
        return {};
    return QCryptographicHash::hash(loginToken.toUtf8(), QCryptographicHash::Sha256).toHex();
}

QString tokenFingerprint(const QByteArray &tokenHash)
{
    return QString::fromLatin1(tokenHash.left(12));
}

QString MigrationInputRow::problemText() const
{
    const char *const context = "ld::MigrationInputRow";
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::MissingToken:
        return QCoreApplication::translate(context, "login_token is empty");
    case Problem::BadCountry:
        if (country.isEmpty())
            return QCoreApplication::translate(
                context, "country is empty: give a two-letter code such as FR");
        if (country == TooLongCountry)
            return QCoreApplication::translate(context,
                "country is far too long for a two-letter code: check that the columns "
                "are not swapped");
        return QCoreApplication::translate(context, "country \"%1\" is not a two-letter code")
            .arg(country);
    case Problem::DuplicateToken:
        return QCoreApplication::translate(
            context, "same token as line %1: migrated once, with that row")
            .arg(duplicateOfLine);
    }
    return {};
}

QString MigrationInputRow::problemCode() const
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::MissingToken:
        return QStringLiteral("MISSING_TOKEN");
    case Problem::BadCountry:
        return QStringLiteral("BAD_COUNTRY");
    case Problem::DuplicateToken:
        return QStringLiteral("DUPLICATE_TOKEN");
    }
    return {};
}

int MigrationCsv::validCount() const
{
    return int(std::count_if(
        rows.cbegin(), rows.cend(), [](const MigrationInputRow &r) { return r.isValid(); }));
}

int MigrationCsv::problemCount() const
{
    return int(rows.size()) - validCount();
}

MigrationCsv MigrationCsv::parse(const QByteArray &bytes)
{
    qsizetype start = 0;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        start = 3;
    else if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return failure(csvText("The file is in UTF-16: save it as \"CSV UTF-8\" and import it "
                               "again."));
    if (const int bad = firstInvalidUtf8Line(bytes, start))
        return failure(csvText("Line %1 is not valid UTF-8: save the file as \"CSV UTF-8\" and "
                               "import it again.")
                           .arg(bad));

    const auto unterminated = [](int line) {
        return failure(csvText("Line %1 opens a quoted field that is never closed: add the "
                               "closing quote (a quote inside a field is written twice).")
                           .arg(line));
    };

    // The header is the first record that is not blank; with no comma but semicolons in it, the
    // file is read again with ';' (its first record is then the same header).
    QList<QByteArray> fields;
    int line = 0;
    std::optional<RecordReader> reader;
    reader.emplace(bytes, start, ',');
    reader->keepFields(MaxHeaderColumns);
    RecordReader::Result result = nextNonBlank(*reader, fields, line);
    if (result == RecordReader::Result::Unterminated)
        return unterminated(line);
    if (result == RecordReader::Result::End)
        return failure(csvText("The file is empty: its first line must be the header "
                               "login_token,country (and optionally label), then one line per "
                               "account."));
    if (fields.size() == 1 && fields.first().contains(';')) {
        reader.emplace(bytes, start, ';');
        reader->keepFields(MaxHeaderColumns);
        if (nextNonBlank(*reader, fields, line) != RecordReader::Result::Record)
            return unterminated(line);
    }

    int tokenColumn = -1, countryColumn = -1, labelColumn = -1;
    for (int i = 0; i < fields.size(); ++i) {
        const QString name = fieldAt(fields, i).toLower();
        int *column = name == QLatin1String("login_token") ? &tokenColumn
            : name == QLatin1String("country")             ? &countryColumn
            : name == QLatin1String("label")               ? &labelColumn
                                                           : nullptr;
        if (!column)
            continue;
        if (*column >= 0)
            return failure(
                csvText("The header names the column %1 twice: keep only one.").arg(name));
        *column = i;
    }
    if (tokenColumn < 0 || countryColumn < 0)
        return failure(
            csvText("The header on line %1 has no %2 column: the first line must name "
                    "the columns, for example login_token,country,label.")
                .arg(line)
                .arg(tokenColumn < 0 ? QStringLiteral("login_token") : QStringLiteral("country")));

    reader->keepFields(std::max({ tokenColumn, countryColumn, labelColumn }) + 1);
    MigrationCsv csv;
    QHash<QByteArray, int> firstValid; // token hash → index of the row that is migrated
    QCryptographicHash content(QCryptographicHash::Sha256);
    content.addData(QByteArrayLiteral("linkupdesk-migration-csv-1\n"));
    while ((result = nextNonBlank(*reader, fields, line)) == RecordReader::Result::Record) {
        MigrationInputRow row;
        row.index = int(csv.rows.size());
        row.lineNumber = line;
        row.loginToken = fieldAt(fields, tokenColumn);
        row.tokenHash = tokenHash(row.loginToken);
        row.label = fieldAt(fields, labelColumn);
        const QString country = fieldAt(fields, countryColumn);
        row.country = asciiUpper(country);

        addHashed(content, row.tokenHash);
        addHashed(content, row.country.toUtf8());
        addHashed(content, row.label.toUtf8());
        if (!isCountryCode(country) && country.size() > MaxEchoedCountry)
            row.country = TooLongCountry; // hashed above, dropped here

        if (row.loginToken.isEmpty()) {
            row.problem = MigrationInputRow::Problem::MissingToken;
        } else if (!isCountryCode(country)) {
            row.problem = MigrationInputRow::Problem::BadCountry;
        } else if (const auto it = firstValid.constFind(row.tokenHash); it != firstValid.cend()) {
            row.problem = MigrationInputRow::Problem::DuplicateToken;
            row.duplicateOfIndex = it.value();
            row.duplicateOfLine = csv.rows.at(it.value()).lineNumber;
        } else {
            firstValid.insert(row.tokenHash, row.index);
        }
        csv.rows << row;
    }
    if (result == RecordReader::Result::Unterminated)
        return unterminated(line);
    if (csv.rows.isEmpty())
        return failure(csvText("The file has a header but no account: add one line per account "
                               "under it (login_token,country)."));
    csv.ok = true;
    csv.contentHash = content.result().toHex();
    return csv;
}

MigrationCsv MigrationCsv::readFile(const QString &path)
{
    const QString name = QDir::toNativeSeparators(path);
    if (QFileInfo(path).isDir())
        return failure(csvText("\"%1\" is a folder: choose the CSV file inside it.").arg(name));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(csvText("Cannot read \"%1\": %2.").arg(name, file.errorString()));
    // Read one byte past the limit rather than trusting size(): pipes and /proc report 0.
    QByteArray bytes;
    while (bytes.size() <= MaxFileBytes) {
        const QByteArray chunk
            = file.read(std::min<qint64>(1 << 20, MaxFileBytes + 1 - bytes.size()));
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (file.error() != QFileDevice::NoError)
        return failure(csvText("Cannot read \"%1\": %2.").arg(name, file.errorString()));
    if (bytes.size() > MaxFileBytes)
        return failure(csvText("\"%1\" is larger than 50 MB: a CSV of V1 tokens is never that "
                               "big. Check that you chose the right file.")
                           .arg(name));
    return parse(bytes);
}

namespace {

QByteArray resultsField(const QString &text)
{
    QByteArray out = text.toUtf8();
    // A spreadsheet runs a cell starting with these as a formula (CSV injection); CR is in the
    // OWASP list too.
    if (!out.isEmpty() && QByteArrayLiteral("=+-@\t\r").contains(out.front()))
        out.prepend('\'');
    if (out.contains(',') || out.contains('"') || out.contains('\r') || out.contains('\n'))
        out = '"' + out.replace('"', QByteArrayLiteral("\"\"")) + '"';
    return out;
}

} // namespace

QByteArray migrationResultsCsv(const QList<MigrationResultRow> &rows)
{
    QByteArray out = QByteArrayLiteral("label,country,token_fingerprint,account_id,status,"
                                       "error_code,error_message,migrated_at\r\n");
    for (const MigrationResultRow &r : rows) {
        const QString fields[] = { r.label, r.country, r.tokenFingerprint, r.accountId, r.status,
            r.errorCode, r.errorMessage, r.migratedAt };
        for (const QString &f : fields) {
            if (&f != fields)
                out += ',';
            out += resultsField(f);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace ld
