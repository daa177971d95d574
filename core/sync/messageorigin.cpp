#include "messageorigin_p.h"

#include <QUrl>

namespace ld::sync {

QString profileKey(const QString &profileUrlOrId)
{
    QString s = profileUrlOrId.trimmed();
    if (s.isEmpty())
        return {};
    const QUrl url = QUrl::fromUserInput(s);
    const QString path
        = url.isValid() && !url.host().isEmpty() && s.contains(QLatin1Char('/')) ? url.path() : s;
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // ".../in/<public id>/..." is the profile; anything else is compared whole.
    const qsizetype in = parts.indexOf(QStringLiteral("in"));
    const QString key
        = in >= 0 && in + 1 < parts.size() ? parts.at(in + 1) : parts.join(QLatin1Char('/'));
    return QUrl::fromPercentEncoding(key.toUtf8()).toLower();
}

bool sameProfile(const QString &a, const QString &b)
{
    const QString ka = profileKey(a);
    return !ka.isEmpty() && ka == profileKey(b);
}

std::optional<bool> writtenByAccount(const Message &message, const Person &otherParty)
{
    if (message.isMe)
        return true;
    if (!message.senderProfileUrl.isEmpty() && !otherParty.profileUrl.isEmpty())
        return !sameProfile(message.senderProfileUrl, otherParty.profileUrl);
    const QString name = message.senderName.trimmed();
    if (!name.isEmpty() && !otherParty.name.trimmed().isEmpty())
        return name.compare(otherParty.name.trimmed(), Qt::CaseInsensitive) != 0;
    return std::nullopt;
}

QString comparableText(const QString &text)
{
    QString t = text;
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return t.trimmed();
}

} // namespace ld::sync
