#include "snippetfiller.h"

#include <QCoreApplication>

#include <algorithm>

namespace ld {

namespace {

// Name → value; the order is the one the composer lists them in.
QList<std::pair<QString, QString>> variables(const MemberProfile &p)
{
    return {
        { QStringLiteral("first_name"), p.firstName.trimmed() },
        { QStringLiteral("last_name"), p.lastName.trimmed() },
        { QStringLiteral("full_name"), p.fullName().trimmed() },
        { QStringLiteral("company"), p.company.trimmed() },
        { QStringLiteral("headline"), p.headline.trimmed() },
        { QStringLiteral("location"), p.location.trimmed() },
    };
}

QString quoted(const QStringList &names)
{
    QStringList out;
    for (const QString &n : names)
        out << QLatin1Char('{') + n + QLatin1Char('}');
    return out.join(QStringLiteral(", "));
}

} // namespace

QString FilledSnippet::problem() const
{
    QStringList parts;
    if (!unknownVariables.isEmpty())
        parts << QCoreApplication::translate("ld::SnippetFiller",
            "The snippet uses %1 which this app does not know; the variables are %2.")
                     .arg(quoted(unknownVariables), quoted(SnippetFiller::supportedVariables()));
    if (!emptyVariables.isEmpty())
        parts << QCoreApplication::translate(
            "ld::SnippetFiller", "This profile has no value for %1: edit the text before sending.")
                     .arg(quoted(emptyVariables));
    return parts.join(QLatin1Char(' '));
}

QStringList SnippetFiller::supportedVariables()
{
    QStringList names;
    for (const auto &v : variables(MemberProfile()))
        names << v.first;
    return names;
}

FilledSnippet SnippetFiller::fill(const QString &body, const MemberProfile &profile)
{
    const auto values = variables(profile);
    FilledSnippet out;
    out.text.reserve(body.size());
    const qsizetype n = body.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = body.at(i);
        const QChar next = i + 1 < n ? body.at(i + 1) : QChar();
        if ((c == QLatin1Char('{') || c == QLatin1Char('}')) && next == c) {
            out.text += c;
            ++i;
            continue;
        }
        if (c != QLatin1Char('{')) {
            out.text += c;
            continue;
        }
        // A reference runs to the next '}' on the same line; a '{' that never closes is text,
        // as a person typing an emoticon would expect.
        qsizetype end = i + 1;
        while (end < n && body.at(end) != QLatin1Char('}') && body.at(end) != QLatin1Char('{')
            && body.at(end) != QLatin1Char('\n'))
            ++end;
        if (end >= n || body.at(end) != QLatin1Char('}')) {
            out.text += c;
            continue;
        }
        const QString written = body.mid(i, end - i + 1);
        const QString name = written.mid(1, written.size() - 2).trimmed();
        const QString key = name.toLower();
        auto found = std::find_if(
            values.begin(), values.end(), [&](const auto &v) { return v.first == key; });
        // An unfilled reference stays as written, so the person sees where the text needs them.
        if (found == values.end()) {
            out.text += written;
            if (!out.unknownVariables.contains(name))
                out.unknownVariables << name;
        } else if (found->second.isEmpty()) {
            out.text += written;
            if (!out.emptyVariables.contains(key))
                out.emptyVariables << key;
        } else {
            out.text += found->second;
        }
        i = end;
    }
    return out;
}

} // namespace ld
