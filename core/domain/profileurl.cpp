#include "profileurl.h"

#include <QStringList>
#include <QUrl>

namespace ld {

namespace {

// LinkedIn serves member profiles on linkedin.com itself, "www.", the mobile "m." and the
// two-letter country sub-domains ("fr.", "uk."). Other sub-domains (business., learning.,
// developer., ...) are not member pages.
bool isLinkedInHost(const QString &host)
{
    static const QString kDomain = QStringLiteral("linkedin.com");
    if (host == kDomain)
        return true;
    if (!host.endsWith(QLatin1Char('.') + kDomain))
        return false;
    const QString sub = host.left(host.size() - kDomain.size() - 1);
    if (sub == QLatin1String("www") || sub == QLatin1String("m"))
        return true;
    return sub.size() == 2 && sub.at(0).isLetter() && sub.at(1).isLetter()
           && sub.at(0).unicode() < 128 && sub.at(1).unicode() < 128;
}

// Public identifiers are letters, digits and hyphens (custom ones may hold non-ASCII letters,
// percent-encoded in the URL); '_' and '.' occur in old ones. Anything else — white space, a
// slash or '?' hidden by percent-encoding, punctuation — means the text is not a profile URL.
bool isIdentifier(const QString &id)
{
    if (id.isEmpty())
        return false;
    for (const QChar c : id) {
        if (c.isLetterOrNumber() || c.isMark() || c == QLatin1Char('-') || c == QLatin1Char('_')
            || c == QLatin1Char('.'))
            continue;
        return false;
    }
    return id != QLatin1String(".") && id != QLatin1String("..");
}

// The identifier as written (percent-decoded, case kept); empty when `text` is not a member
// profile URL. Parsed by hand rather than with QUrl::fromUserInput, which would accept (and
// "fix") far more than a pasted profile URL.
QString identifierOf(const QString &text)
{
    QString s = text.trimmed();
    if (s.isEmpty())
        return {};
    for (const QChar c : s) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return {};
    }
    // An optional http(s) scheme; any other scheme is another kind of link.
    const qsizetype schemeEnd = s.indexOf(QStringLiteral("://"));
    if (schemeEnd >= 0) {
        const QString scheme = s.left(schemeEnd).toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            return {};
        s = s.mid(schemeEnd + 3);
    }
    qsizetype hostEnd = s.size();
    for (const QChar stop : {QLatin1Char('/'), QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype i = s.indexOf(stop);
        if (i >= 0 && i < hostEnd)
            hostEnd = i;
    }
    // No port, no user info: a profile link as LinkedIn or a browser shows it never has them.
    if (!isLinkedInHost(s.left(hostEnd).toLower()))
        return {};
    QString path = s.mid(hostEnd);
    for (const QChar stop : {QLatin1Char('?'), QLatin1Char('#')}) {
        const qsizetype i = path.indexOf(stop);
        if (i >= 0)
            path.truncate(i);
    }
    // "/in/<id>", then a trailing slash or a page of that profile ("/details/experience/",
    // a locale such as "/fr"): the person is the same.
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() < 2 || parts.at(0).compare(QLatin1String("in"), Qt::CaseInsensitive) != 0)
        return {};
    const QString id = QUrl::fromPercentEncoding(parts.at(1).toUtf8());
    return isIdentifier(id) ? id : QString();
}

} // namespace

QString linkedInProfileId(const QString &url)
{
    return identifierOf(url).toLower();
}

QString canonicalProfileUrl(const QString &url)
{
    const QString id = linkedInProfileId(url);
    if (id.isEmpty())
        return {};
    return QStringLiteral("https://www.linkedin.com/in/%1/")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
}

} // namespace ld
