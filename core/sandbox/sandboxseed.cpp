// Seeding of the sandbox world: fixed tables of people, companies and conversation lines,
// and the four accounts every start creates (see sandboxstate.h).
#include "sandboxstate.h"

#include <QTimeZone>

#include <iterator>

namespace ld::sandbox {

namespace {

constexpr int PoolSize = 120;
constexpr qint64 MinuteMs = 60 * 1000;

// {display first name, slug part}
const char *const FirstNames[][2] = {
    { "Amélie", "amelie" },
    { "Lucas", "lucas" },
    { "Hannah", "hannah" },
    { "Mateo", "mateo" },
    { "Chloé", "chloe" },
    { "Noah", "noah" },
    { "Ines", "ines" },
    { "Łukasz", "lukasz" },
    { "Olivia", "olivia" },
    { "Arjun", "arjun" },
    { "Emma", "emma" },
    { "Yusuf", "yusuf" },
    { "Sara", "sara" },
    { "Liam", "liam" },
    { "Mei", "mei" },
    { "Tomás", "tomas" },
    { "Freya", "freya" },
    { "Kenji", "kenji" },
    { "Zoé", "zoe" },
    { "Daniel", "daniel" },
    { "Nadia", "nadia" },
    { "Oskar", "oskar" },
    { "Leila", "leila" },
    { "Marco", "marco" },
};
const char *const LastNames[][2] = {
    { "Dubois", "dubois" },
    { "Schmidt", "schmidt" },
    { "García", "garcia" },
    { "Nowak", "nowak" },
    { "Rossi", "rossi" },
    { "Jensen", "jensen" },
    { "O'Brien", "obrien" },
    { "Müller", "muller" },
    { "Silva", "silva" },
    { "Kowalski", "kowalski" },
    { "Haddad", "haddad" },
    { "Tanaka", "tanaka" },
    { "Bernard", "bernard" },
    { "Van Dijk", "van-dijk" },
    { "Moreau", "moreau" },
    { "Petrov", "petrov" },
    { "Lindqvist", "lindqvist" },
};
const char *const Titles[] = {
    "Head of Sales",
    "Software Engineer",
    "Talent Acquisition Lead",
    "Product Manager",
    "Founder & CEO",
    "Data Scientist",
    "Marketing Director",
    "Account Executive",
    "CTO",
    "Growth Manager",
    "Recruiter",
    "UX Designer",
};
const char *const Locations[] = {
    "Paris, France",
    "Berlin, Germany",
    "London, United Kingdom",
    "New York, NY",
    "San Francisco, CA",
    "Milan, Italy",
    "Amsterdam, Netherlands",
    "Madrid, Spain",
    "Toronto, Canada",
    "Bengaluru, India",
};
// {name, slug, sector, size, location}
const char *const Companies[][5] = {
    { "Acme Robotics", "acme-robotics", "Industrial Automation", "201-500", "Berlin, Germany" },
    { "Nimbus Cloud", "nimbus-cloud", "Software Development", "1001-5000", "San Francisco, CA" },
    { "Bluefin Analytics", "bluefin-analytics", "IT Services and IT Consulting", "51-200",
        "London, United Kingdom" },
    { "Maison Lumière", "maison-lumiere", "Retail Luxury Goods", "501-1000", "Paris, France" },
    { "Verde Energy", "verde-energy", "Renewable Energy", "1001-5000", "Madrid, Spain" },
    { "Quokka Labs", "quokka-labs", "Software Development", "11-50", "Amsterdam, Netherlands" },
    { "Helix Health", "helix-health", "Hospitals and Health Care", "5001-10000", "New York, NY" },
    { "Orbital Freight", "orbital-freight", "Transportation and Logistics", "201-500",
        "Toronto, Canada" },
    { "Tessera Finance", "tessera-finance", "Financial Services", "10001+", "Milan, Italy" },
    { "Kite & Key", "kite-and-key", "Staffing and Recruiting", "1-10", "Bengaluru, India" },
};

// Lines of the seeded conversations; %1 is the other party's first name, %2 the company.
const char *const TheirLines[] = {
    "Hi! Thanks for connecting.",
    "Would you have 15 minutes next week to talk about %2?",
    "Great, Tuesday 10:00 works for me.",
    "Here is the deck I mentioned — let me know what you think.",
    "Are you still looking for people on the data team?",
    "Sounds good, talk soon 👋",
    "Quick question about the pricing page: is the annual plan still available?",
};
const char *const MyLines[] = {
    "Thanks %1, happy to connect!",
    "Sure — does Tuesday morning suit you?",
    "Perfect, I'll send an invite.",
    "Thanks, reading it now.",
    "Yes! I'll forward your profile to the hiring manager.",
};
// Remote text that must be shown as plain text, never as rich text.
const char *const HtmlLine = "<b>bold</b> <img src=x> <a href=\"http://x\">link</a>";

} // namespace

SandboxState::SandboxState()
    : startedAt(QDateTime::currentDateTimeUtc())
{
    seedPeople();
    seedCompanies();
    addAccount(QStringLiteral("69c127c37cae0494dd827286"), QStringLiteral("Camille Laurent"),
        QStringLiteral("FR"), QStringLiteral("camille.laurent@example.com"), true);
    addAccount(QStringLiteral("69c127c37cae0494dd827287"), QStringLiteral("James Carter"),
        QStringLiteral("US"), QStringLiteral("james.carter@example.com"), true);
    addAccount(QStringLiteral("69c127c37cae0494dd827288"), QStringLiteral("Sofia Rossi"),
        QStringLiteral("IT"), QStringLiteral("sofia.rossi@example.com"), true);
    addAccount(QStringLiteral("69c127c37cae0494dd827289"), QStringLiteral("Priya Nair"),
        QStringLiteral("UK"), QStringLiteral("priya.nair@example.com"), false);
}

qint64 SandboxState::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void SandboxState::seedPeople()
{
    constexpr int firstCount = int(std::size(FirstNames));
    constexpr int lastCount = int(std::size(LastNames));
    for (int i = 0; i < PoolSize; ++i) {
        const auto &first = FirstNames[(i * 7) % firstCount];
        const auto &last = LastNames[(i * 5 + i / firstCount) % lastCount];
        const auto &company = Companies[(i * 3) % int(std::size(Companies))];
        Person p;
        p.firstName = QString::fromUtf8(first[0]);
        p.lastName = QString::fromUtf8(last[0]);
        p.publicId = QStringLiteral("%1-%2-%3")
                         .arg(QLatin1String(first[1]), QLatin1String(last[1]))
                         .arg(0x1000 + i * 37, 4, 16, QLatin1Char('0'));
        p.company = QString::fromUtf8(company[0]);
        p.industry = QString::fromUtf8(company[2]);
        p.headline = QStringLiteral("%1 at %2")
                         .arg(QLatin1String(Titles[i % int(std::size(Titles))]), p.company);
        if (i == 11) // remote text with markup in a headline
            p.headline = QStringLiteral("<i>Growth</i> & Sales @ %1").arg(p.company);
        // Names a client must show as they are: emoji (one a ZWJ sequence) and right-to-left
        // script, in the first account's inbox. Slugs stay ASCII, as LinkedIn's do.
        if (i == 3) {
            p.firstName = QStringLiteral("Maya 👩‍💻");
            p.lastName = QStringLiteral("Okafor 🚀");
        } else if (i == 5) {
            p.firstName = QStringLiteral("ليلى");
            p.lastName = QStringLiteral("حداد");
        } else if (i == 9) {
            p.firstName = QStringLiteral("נועה");
            p.lastName = QStringLiteral("כהן (Noa Cohen)");
        }
        p.location = QLatin1String(Locations[(i * 7) % int(std::size(Locations))]);
        p.fsdId
            = QStringLiteral("ACoAAB") + QString::number(qint64(i) * 7919 + 1000003, 36).toUpper();
        people.push_back(p);
    }
}

void SandboxState::seedCompanies()
{
    for (const auto &c : Companies)
        companies.push_back(Company { QString::fromUtf8(c[0]), QLatin1String(c[1]),
            QLatin1String(c[2]), QLatin1String(c[3]), QLatin1String(c[4]) });
}

Account &SandboxState::addAccount(const QString &id, const QString &name, const QString &country,
    const QString &email, bool active, bool light)
{
    // A light account (bulk seeding for scale tests) has a small world of its own.
    const int connectionCount = light ? 10 : 40, conversationCount = light ? 5 : 30;
    const int receivedCount = light ? 3 : 12, sentCount = light ? 5 : 25;
    const int index = int(accounts.size());
    Account a;
    a.id = id;
    a.name = name;
    a.country = country;
    a.email = email;
    a.active = active;
    const bool seeded = index < 4;
    a.createdAt = seeded
        ? QDateTime(QDate(2025, 10, 15), QTime(8, 30), QTimeZone::utc()).addDays(index)
        : QDateTime::currentDateTimeUtc();
    a.updatedAt = seeded ? startedAt.addSecs(-3600 * (index + 1)) : a.createdAt;

    Person me;
    const QStringList parts = name.split(QLatin1Char(' '));
    me.firstName = parts.value(0);
    me.lastName = parts.value(1);
    QStringList slugParts;
    for (const QString &part : parts)
        if (!part.isEmpty())
            slugParts << part.toLower();
    slugParts << QStringLiteral("sbx%1").arg(index);
    me.publicId = slugParts.join(QLatin1Char('-'));
    me.headline = QStringLiteral("Business Development at LinkUp Sandbox");
    me.location = QLatin1String(Locations[index % int(std::size(Locations))]);
    me.company = QStringLiteral("LinkUp Sandbox");
    me.fsdId = QStringLiteral("ACoAAME") + QString::number(index * 104729 + 55555, 36).toUpper();
    a.me = int(people.size());
    people.push_back(me);

    const int base = index * 29;
    auto pick = [&](int j) { return (base + j) % PoolSize; };
    const qint64 now = nowMs();

    for (int j = 0; j < connectionCount; ++j)
        a.connections << pick(j);

    for (int j = 0; j < conversationCount; ++j) {
        Conversation c;
        c.person = pick(j);
        c.threadKey = QStringLiteral("2-")
            + QString::fromLatin1(
                QStringLiteral("sbx-%1-%2")
                    .arg(index)
                    .arg(j, 3, 10, QLatin1Char('0'))
                    .toLatin1()
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        const Person &other = people[size_t(c.person)];
        const int n = j == 0 && !light ? 55 : 3 + j % 4;
        const qint64 last = now - (qint64(j) * 97 + 5) * MinuteMs;
        const bool lastFromMe = j % 3 == 1;
        for (int m = 0; m < n; ++m) {
            Message msg;
            msg.fromMe = ((n - 1 - m) % 2 == 1) != lastFromMe;
            msg.time = last - qint64(n - 1 - m) * 23 * MinuteMs;
            const char *line = msg.fromMe ? MyLines[(j + m) % int(std::size(MyLines))]
                                          : TheirLines[(j + m) % int(std::size(TheirLines))];
            msg.text = QString::fromUtf8(line)
                           .replace(QStringLiteral("%1"), other.firstName)
                           .replace(QStringLiteral("%2"), other.company);
            if (j == 2 && m == n - 1)
                msg.text = QLatin1String(HtmlLine);
            if (j == 4 && m == 0) {
                msg.text.clear();
                msg.type = QStringLiteral("SYSTEM");
            }
            if (j == 6 && m == n - 1)
                msg.text = QStringLiteral("Line one\nLine two — with “quotes” & ampersand");
            msg.urn = messageUrn(a, c, m);
            c.messages << msg;
        }
        c.unread = (!lastFromMe && j % 4 == 0) ? 1 + j % 3 : 0;
        a.conversations.push_back(c);
    }

    for (int j = 0; j < receivedCount; ++j) {
        Invitation inv { nextInvitationId(), pick(40 + j), (j * 5) % 61,
            QStringLiteral("sx%1").arg(qint64(index) * 1000003 + j * 7907, 8, 36, QLatin1Char('0')),
            {} };
        if (j % 3 == 0)
            inv.note = QStringLiteral("Hello! I'd like to add you to my network.");
        a.received << inv;
    }
    for (int j = 0; j < sentCount; ++j) {
        Invitation inv { nextInvitationId(), pick(52 + j), (j * 37) % 61, {}, {} };
        a.sent << inv;
    }
    for (int j = 0; j < 3; ++j) {
        a.posts << Post { QStringLiteral("urn:li:activity:71%1")
                              .arg(qint64(index) * 1000 + j, 17, 10, QLatin1Char('0')),
            QStringLiteral("Seeded post %1 by %2").arg(j + 1).arg(name), {},
            now - qint64(j + 1) * 86400000LL };
    }
    const QDateTime t = startedAt;
    a.logs << LogEntry { a.createdAt, QStringLiteral("info"), QStringLiteral("Account connected") };
    a.logs << LogEntry { t.addSecs(-7200), QStringLiteral("info"),
        QStringLiteral("Connection health check passed") };
    if (!active)
        a.logs << LogEntry { t.addSecs(-3600), QStringLiteral("error"),
            QStringLiteral("LinkedIn session expired; re-authentication required") };
    accounts.push_back(std::move(a));
    return accounts.back();
}

Conversation &SandboxState::addLongConversation(
    Account &a, const QString &participantName, int messageCount, int bodyBytes)
{
    const int serial = int(people.size());
    Person p;
    p.firstName = participantName.section(QLatin1Char(' '), 0, 0);
    p.lastName = participantName.section(QLatin1Char(' '), 1);
    p.publicId = QStringLiteral("sbx-contact-%1").arg(serial);
    p.headline = QStringLiteral("Seeded contact");
    p.location = QStringLiteral("Earth");
    p.fsdId = QStringLiteral("ACoAAC") + QString::number(serial * 7907 + 11, 36).toUpper();
    people.push_back(p);

    Conversation &c = startConversation(a, serial);
    // Newer than every seeded message (the newest is 5 minutes old), older than a send now.
    const qint64 newest = nowMs() - MinuteMs;
    const int n = qMax(0, messageCount);
    c.messages.reserve(n);
    for (int m = 0; m < n; ++m) {
        Message msg;
        msg.fromMe = (n - 1 - m) % 2 == 1;
        msg.time = newest - qint64(n - 1 - m) * 1000;
        msg.text = QStringLiteral("Message %1 of %2").arg(m + 1).arg(n);
        if (msg.text.size() < bodyBytes)
            msg.text += QString(bodyBytes - msg.text.size(), QLatin1Char('x'));
        msg.urn = messageUrn(a, c, m);
        c.messages << msg;
    }
    c.unread = n > 0 ? 1 : 0;
    return c;
}

} // namespace ld::sandbox
