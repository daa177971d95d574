// Reading a pasted V1 request (V1Request::parse) and writing its V2 form (toText, toJson).
#include "v1converter.h"

#include "v1converter_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ld {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ld::V1Converter", text);
}

const QString example = QStringLiteral("POST /v1/network/connect");

// "line 3, column 14" of the character QJsonParseError::offset blames in `json`, whose first
// line is line `firstLine`. Qt's offset is mostly just past that character (the parser read it)
// and sometimes on it, after a space: step back one, then over spaces.
QString where(const QByteArray &json, int offset, int firstLine)
{
    int at = qMax(0, offset - 1);
    while (at < offset && (json.at(at) == ' ' || json.at(at) == '\t'))
        ++at;
    const QByteArray before = json.left(at);
    const int line = firstLine + int(before.count('\n'));
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
    return tr("line %1, column %2").arg(line).arg(column);
}

// The JSON text as an object; false with *error naming the line when it is not one.
bool parseObject(const QByteArray &json, int firstLine, QJsonObject *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The JSON is not valid at %1: %2. Check the quotes, commas and braces there.")
                     .arg(where(json, parseError.offset, firstLine), parseError.errorString());
        return false;
    }
    if (!doc.isObject()) {
        *error = tr("The body at line %1 is a JSON array; a V1 body is a JSON object, such as "
                    "{\"login_token\": \"...\", \"country\": \"FR\"}.")
                     .arg(firstLine);
        return false;
    }
    *out = doc.object();
    return true;
}

bool isMethod(const QString &word)
{
    static const QRegularExpression letters(QStringLiteral("^[A-Za-z]+$"));
    return letters.match(word).hasMatch() && !word.contains(QLatin1Char('/'));
}

// Form 1: {"method", "path" (or "url"), "body"}.
bool parseObjectForm(const QString &text, V1Request *out, QString *error)
{
    QJsonObject object;
    if (!parseObject(text.toUtf8(), 1, &object, error))
        return false;
    QJsonValue path = object.value(QLatin1String("path"));
    if (path.isUndefined())
        path = object.value(QLatin1String("url"));
    if (!path.isString() || path.toString().trimmed().isEmpty()) {
        *error = tr("The JSON has no \"path\": give the V1 request as {\"method\": \"POST\", "
                    "\"path\": \"/v1/profile/me\", \"body\": {...}}, or as a request line such "
                    "as %1 followed by its JSON body.")
                     .arg(example);
        return false;
    }
    const QJsonValue method = object.value(QLatin1String("method"));
    if (!method.isUndefined() && !(method.isString() && isMethod(method.toString().trimmed()))) {
        *error = tr("\"method\" must be an HTTP method such as POST, GET, PUT or DELETE.");
        return false;
    }
    const QJsonValue body = object.value(QLatin1String("body"));
    QJsonObject bodyObject;
    if (body.isString()) {
        // A body kept as a JSON string (as some HTTP clients log it).
        if (!parseObject(body.toString().toUtf8(), 1, &bodyObject, error)) {
            *error = tr("\"body\" is a text that is not a JSON object: %1").arg(*error);
            return false;
        }
    } else if (body.isObject()) {
        bodyObject = body.toObject();
    } else if (!body.isUndefined() && !body.isNull()) {
        *error = tr("\"body\" must be a JSON object, such as {\"login_token\": \"...\", "
                    "\"country\": \"FR\"}.");
        return false;
    }
    out->method = method.isUndefined() ? QByteArray("POST")
                                       : method.toString().trimmed().toUpper().toLatin1();
    out->path = path.toString().trimmed();
    out->body = bodyObject;
    return true;
}

// Form 2: "POST /v1/..." (or a URL), optional headers, then the JSON body.
bool parseRequestForm(const QStringList &lines, V1Request *out, QString *error)
{
    int i = 0;
    while (i < lines.size() && lines.at(i).trimmed().isEmpty())
        ++i;
    const QStringList words
        = lines.value(i).trimmed().split(QRegularExpression(QStringLiteral("\\s+")));
    const int requestLine = i + 1;
    QString method = QStringLiteral("POST");
    QString path;
    const bool http = words.size() == 3 && words.at(2).startsWith(QLatin1String("HTTP/"));
    if (words.size() == 1) {
        path = words.at(0);
    } else if ((words.size() == 2 || http) && isMethod(words.at(0))) {
        method = words.at(0).toUpper();
        path = words.at(1);
    } else {
        *error = tr("Line %1 is not a request line: start with the method and the V1 path, such "
                    "as %2, and put the JSON body on the next lines.")
                     .arg(requestLine)
                     .arg(example);
        return false;
    }

    // Headers (Content-Type, x-api-key, ...) between the request line and the body.
    static const QRegularExpression header(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+:"));
    ++i;
    while (i < lines.size()
        && (lines.at(i).trimmed().isEmpty() || header.match(lines.at(i).trimmed()).hasMatch()))
        ++i;
    QJsonObject body;
    if (i < lines.size()) {
        const QByteArray json = lines.mid(i).join(QLatin1Char('\n')).toUtf8();
        if (!parseObject(json, i + 1, &body, error))
            return false;
    }
    out->method = method.toLatin1();
    out->path = path;
    out->body = body;
    return true;
}

} // namespace

bool V1Request::parse(const QString &text, V1Request *out, QString *error)
{
    QString normalised = text;
    if (normalised.startsWith(QChar(0xFEFF)))
        normalised.remove(0, 1);
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QString problem;
    V1Request request;
    bool parsed = false;
    if (normalised.trimmed().isEmpty()) {
        problem = tr("There is nothing to convert: paste a V1 request, such as %1 followed by "
                     "its JSON body.")
                      .arg(example);
    } else if (normalised.trimmed().startsWith(QLatin1Char('{'))) {
        parsed = parseObjectForm(normalised, &request, &problem);
    } else {
        parsed = parseRequestForm(normalised.split(QLatin1Char('\n')), &request, &problem);
    }
    if (parsed)
        problem = v1::pathProblem(v1::normalisedPath(request.path));
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    if (out)
        *out = request;
    return true;
}

QString V2Conversion::toText() const
{
    if (!ok)
        return QStringLiteral("# %1\n").arg(error);
    QString text = QStringLiteral("%1 %2\n").arg(QString::fromLatin1(method), path);
    if (!body.isEmpty())
        text += QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented));
    for (const QString &note : notes)
        text += QStringLiteral("# %1\n").arg(note);
    return text;
}

QJsonObject V2Conversion::toJson() const
{
    if (!ok)
        return { { QStringLiteral("error"), error } };
    QJsonObject json { { QStringLiteral("method"), QString::fromLatin1(method) },
        { QStringLiteral("path"), path }, { QStringLiteral("body"), body },
        { QStringLiteral("notes"), QJsonArray::fromStringList(notes) } };
    if (!action.isEmpty())
        json.insert(QStringLiteral("action"), action);
    if (hasPlaceholder)
        json.insert(QStringLiteral("placeholder"), QLatin1String(AccountIdPlaceholder));
    return json;
}

} // namespace ld
