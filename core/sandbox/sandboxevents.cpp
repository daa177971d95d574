// What a live event does to the sandbox's world, so that the inbox, the invitations and the
// account status agree with the events a client receives.
#include "sandboxhandlers.h"

#include <iterator>

namespace ld::sandbox::handlers {

namespace {

// Events come flat ({sender_profile, …}) or nested ({data: {sender_profile_url, …}}) (§9.10).
QString field(const QJsonObject &inner, const char *flat, const char *nested)
{
    const QString value = inner.value(QLatin1String(flat)).toString();
    if (!value.isEmpty())
        return value;
    return inner.value(QStringLiteral("data")).toObject().value(QLatin1String(nested)).toString();
}

} // namespace

void applyEvent(
    SandboxState &state, Account &account, const QString &type, const QJsonObject &inner)
{
    if (type == QLatin1String("disconnection")) {
        account.active = false;
        account.updatedAt = QDateTime::currentDateTimeUtc();
        state.log(account, QStringLiteral("error"),
            QStringLiteral("LinkedIn session expired; re-authentication required"));
        return;
    }
    if (type == QLatin1String("message")) {
        Conversation *c
            = state.conversation(account, field(inner, "conversation_id", "conversation_id"));
        if (!c) {
            QString slug
                = SandboxState::slugFromUrl(field(inner, "sender_profile", "sender_profile_url"));
            if (slug.isEmpty())
                slug = field(inner, "sender_name", "sender_name")
                           .toLower()
                           .replace(QLatin1Char(' '), QLatin1Char('-'));
            if (slug.isEmpty())
                return;
            const int person = state.personBySlug(slug, true);
            c = state.conversationWith(account, person);
            if (!c)
                c = &state.startConversation(account, person);
        }
        Message m;
        m.text = field(inner, "message_text", "message_text");
        m.time = state.nextMessageTime(*c);
        m.urn = state.messageUrn(account, *c, int(c->messages.size()));
        c->messages << m;
        ++c->unread;
        return;
    }
    if (type == QLatin1String("accepted_invitation")) {
        const int person = state.personBySlug(
            SandboxState::slugFromUrl(field(inner, "profile_url", "profile_url")), false);
        for (qsizetype i = 0; person >= 0 && i < account.sent.size(); ++i) {
            if (account.sent[i].person == person) {
                account.sent.removeAt(i);
                account.connections.prepend(person);
                return;
            }
        }
    }
}

QJsonObject demoEvent(SandboxState &state, int tick, QString *accountId, QString *type)
{
    static const char *const Lines[] = {
        "Hi! Are you free for a quick call this week?",
        "Thanks for the intro — I'll follow up with the team.",
        "Just saw your post, congrats on the launch 🚀",
        "Could you send me the proposal again?",
        "<i>Quick</i> question: is the offer still valid?",
    };
    accountId->clear();
    std::vector<Account *> active;
    for (Account &a : state.accounts)
        if (a.active && a.me >= 0)
            active.push_back(&a);
    if (active.empty())
        return {};
    Account &a = *active[size_t(tick) % active.size()];
    *accountId = a.id;
    if (tick % 4 == 3 && !a.sent.isEmpty()) {
        // The nested `data` form of an integration's sample (§9.10), so clients parse both.
        const Person &p = state.people[size_t(a.sent.last().person)];
        *type = QStringLiteral("accepted_invitation");
        return obj({ { "data",
            obj({ { "profile_url", p.profileUrl() }, { "first_name", p.firstName },
                { "last_name", p.lastName } }) } });
    }
    const Person &p = state.people[size_t(
        a.connections.value((tick * 7) % qMax(1, int(a.connections.size())), 0))];
    *type = QStringLiteral("message");
    return obj({ { "sender_name", p.fullName() }, { "sender_profile", p.profileUrl() },
        { "message_text", QString::fromUtf8(Lines[size_t(tick) % std::size(Lines)]) } });
}

} // namespace ld::sandbox::handlers
