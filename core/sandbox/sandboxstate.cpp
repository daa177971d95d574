#include "sandboxstate.h"

#include <QRegularExpression>
#include <QUrl>

namespace ld::sandbox {

QString Person::profileUrl() const
{
    return QStringLiteral("https://www.linkedin.com/in/%1/").arg(publicId);
}

QString Person::pictureUrl() const
{
    return QStringLiteral("https://media.licdn.com/dms/image/sandbox/%1.jpg").arg(publicId);
}

QString Conversation::urn(const QString &meFsd) const
{
    return QStringLiteral("urn:li:msg_conversation:(urn:li:fsd_profile:%1,%2)")
        .arg(meFsd, threadKey);
}

Account *SandboxState::account(const QString &id)
{
    for (Account &a : accounts)
        if (a.id == id)
            return &a;
    return nullptr;
}

Webhook *SandboxState::webhook(const QString &id)
{
    for (Webhook &w : webhooks)
        if (w.id == id)
            return &w;
    return nullptr;
}

QString SandboxState::slugFromUrl(const QString &profileUrl)
{
    static const QRegularExpression re(QStringLiteral(R"(linkedin\.com/in/([^/?#\s]+))"));
    const QRegularExpressionMatch m = re.match(profileUrl);
    if (m.hasMatch())
        return QUrl::fromPercentEncoding(m.captured(1).toUtf8()).toLower();
    const QString bare = profileUrl.trimmed();
    if (!bare.isEmpty() && !bare.contains(QLatin1Char('/')) && !bare.contains(QLatin1Char(' ')))
        return bare.toLower();
    return {};
}

int SandboxState::personBySlug(const QString &slug, bool create)
{
    if (slug.isEmpty())
        return -1;
    for (size_t i = 0; i < people.size(); ++i)
        if (people[i].publicId.compare(slug, Qt::CaseInsensitive) == 0)
            return int(i);
    if (!create)
        return -1;
    // Unknown but well-formed profiles exist, with names taken from the slug; slugs starting
    // with "deleted-" stand for members who left LinkedIn (INVALID_PARAMS, §1.5).
    Person p;
    QStringList parts = slug.split(QLatin1Char('-'), Qt::SkipEmptyParts);
    static const QRegularExpression suffix(QStringLiteral("^[0-9a-f]{3,}$|^\\d+$"));
    if (parts.size() > 1 && suffix.match(parts.last()).hasMatch())
        parts.removeLast();
    for (QString &part : parts)
        part[0] = part[0].toUpper();
    p.publicId = slug;
    p.firstName = parts.value(0, slug);
    p.lastName = parts.mid(1).join(QLatin1Char(' '));
    p.headline = QStringLiteral("LinkedIn member");
    p.location = QStringLiteral("Earth");
    p.fsdId = QStringLiteral("ACoAAX") + QString::number(qHash(slug) % 1000000007ULL, 36).toUpper();
    p.exists = !slug.startsWith(QLatin1String("deleted-"));
    people.push_back(p);
    return int(people.size()) - 1;
}

QString SandboxState::nextId(const QString &prefix)
{
    return prefix
        + QStringLiteral("%1").arg(++m_sequence, 24 - int(prefix.size()), 16, QLatin1Char('0'));
}

QString SandboxState::nextInvitationId()
{
    return QString::number(++m_invitationSerial);
}

Conversation *SandboxState::conversation(Account &a, const QString &idOrUrn)
{
    if (idOrUrn.isEmpty())
        return nullptr;
    const QString me = people[size_t(a.me)].fsdId;
    for (Conversation &c : a.conversations)
        if (idOrUrn == c.threadKey || idOrUrn == c.urn(me)
            || idOrUrn.endsWith(QLatin1Char(',') + c.threadKey + QLatin1Char(')')))
            return &c;
    return nullptr;
}

Conversation *SandboxState::conversationWith(Account &a, int person)
{
    for (Conversation &c : a.conversations)
        if (c.person == person)
            return &c;
    return nullptr;
}

Conversation &SandboxState::startConversation(Account &a, int person)
{
    Conversation c;
    c.person = person;
    c.threadKey = QStringLiteral("2-")
        + QString::fromLatin1(
            nextId(QStringLiteral("c"))
                .toLatin1()
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    a.conversations.push_back(c);
    return a.conversations.back();
}

QString SandboxState::messageUrn(const Account &a, const Conversation &c, int serial) const
{
    return QStringLiteral("urn:li:msg_message:(urn:li:fsd_profile:%1,%2_%3)")
        .arg(people[size_t(a.me)].fsdId, c.threadKey)
        .arg(serial);
}

qint64 SandboxState::nextMessageTime(const Conversation &c) const
{
    return qMax(nowMs(), c.lastTime() + 1);
}

void SandboxState::log(Account &a, const QString &level, const QString &message)
{
    a.logs << LogEntry { QDateTime::currentDateTimeUtc(), level, message };
    while (a.logs.size() > 50)
        a.logs.removeFirst();
}

} // namespace ld::sandbox
