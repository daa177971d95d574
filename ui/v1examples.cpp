#include "v1examples.h"

#include "migration/v1converter.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace ld::ui {

namespace {

const QString Profile = QStringLiteral("https://www.linkedin.com/in/camille-laurent");
const QString Company = QStringLiteral("https://www.linkedin.com/company/acme-robotics");
const QString Post = QStringLiteral("https://www.linkedin.com/feed/update/urn:li:activity:7312/");
const QString WebhookId = QStringLiteral("wh_5f2c9a");

struct Sample
{
    const char *method;
    QJsonObject fields; // besides login_token and country
    bool withAccount = true; // V1 sent login_token and country
};

// The V1 bodies, by path (as knownV1Endpoints() names them) and method: the fields the V1 docs
// showed for each endpoint, so the example exercises the renames the converter applies.
QHash<QString, QList<Sample>> samples()
{
    const auto o = [](std::initializer_list<QPair<QString, QJsonValue>> fields) {
        return QJsonObject(fields);
    };
    QHash<QString, QList<Sample>> s;
    s[QStringLiteral("/v1/auth/login")] = { { "POST",
        o({ { QStringLiteral("email"), QStringLiteral("camille.laurent@example.com") },
            { QStringLiteral("password"), QStringLiteral("correct horse battery") } }),
        false } };
    s[QStringLiteral("/v1/auth/verify")] = { { "POST",
        o({ { QStringLiteral("email"), QStringLiteral("camille.laurent@example.com") },
            { QStringLiteral("code"), QStringLiteral("123456") } }),
        false } };
    s[QStringLiteral("/v1/profile/me")] = { { "POST", {} } };
    for (const char *p : { "/v1/profile/info", "/v1/profile/contact", "/v1/profile/visit" })
        s[QLatin1String(p)] = { { "POST", o({ { QStringLiteral("linkedin_url"), Profile } }) } };
    s[QStringLiteral("/v1/profile/search")] = { { "POST",
        o({ { QStringLiteral("keyword"), QStringLiteral("head of sales") },
            { QStringLiteral("location"), QStringLiteral("Paris;Lyon") },
            { QStringLiteral("company_url"), Company },
            { QStringLiteral("network"), QStringLiteral("F,S") },
            { QStringLiteral("total_results"), 20 } }) } };
    s[QStringLiteral("/v1/companies/search")] = { { "POST",
        o({ { QStringLiteral("keyword"), QStringLiteral("robotics") },
            { QStringLiteral("location"), QStringLiteral("France;Germany") },
            { QStringLiteral("sector"), QStringLiteral("Industrial Automation") },
            { QStringLiteral("company_size"), QStringLiteral("51-200;201-500") },
            { QStringLiteral("total_results"), 10 } }) } };
    s[QStringLiteral("/v1/companies/info")]
        = { { "POST", o({ { QStringLiteral("company_url"), Company } }) } };
    s[QStringLiteral("/v1/messages/send-message")] = { { "POST",
        o({ { QStringLiteral("linkedin_url"), Profile },
            { QStringLiteral("message"),
                QStringLiteral("Hello Camille, thanks for connecting!") } }) } };
    s[QStringLiteral("/v1/messages/inbox")] = { { "POST",
        o({ { QStringLiteral("total_results"), 20 },
            { QStringLiteral("next_cursor"), QStringLiteral("MTc3NzE0NjI4NTgyMw==") } }) } };
    s[QStringLiteral("/v1/messages/conversation")] = { { "POST",
        o({ { QStringLiteral("linkedin_url"), Profile },
            { QStringLiteral("total_results"), 50 } }) } };
    s[QStringLiteral("/v1/network/connect")] = { { "POST",
        o({ { QStringLiteral("linkedin_url"), Profile },
            { QStringLiteral("message"), QStringLiteral("Hi Camille, we met at VivaTech.") } }) } };
    s[QStringLiteral("/v1/network/accept-invitation")] = { { "POST",
        o({ { QStringLiteral("entity_urn"),
                QStringLiteral("urn:li:invitation:7453486530700017665") },
            { QStringLiteral("shared_secret"), QStringLiteral("Xk3pQ9vL") } }) } };
    for (const char *p :
        { "/v1/network/connections", "/v1/network/invitations", "/v1/network/sent-invitations" })
        s[QLatin1String(p)] = { { "POST",
            o({ { QStringLiteral("total_results"), 50 }, { QStringLiteral("start_page"), 1 },
                { QStringLiteral("end_page"), 2 } }) } };
    s[QStringLiteral("/v1/network/withdraw")] = { { "POST",
        o({ { QStringLiteral("invitation_id"), QStringLiteral("7453486530700017665") } }) } };
    s[QStringLiteral("/v1/network/invitation-status")]
        = { { "POST", o({ { QStringLiteral("linkedin_url"), Profile } }) } };
    s[QStringLiteral("/v1/network/get-network-recommendations")]
        = { { "POST", o({ { QStringLiteral("total_results"), 10 } }) } };
    s[QStringLiteral("/v1/posts/create")] = { { "POST",
        o({ { QStringLiteral("message"),
            QStringLiteral("We are hiring two robotics engineers.") } }) } };
    s[QStringLiteral("/v1/posts/create-company")] = { { "POST",
        o({ { QStringLiteral("company_url"), Company },
            { QStringLiteral("message"), QStringLiteral("Our new gripper ships in May.") } }) } };
    s[QStringLiteral("/v1/posts/search")] = { { "POST",
        o({ { QStringLiteral("keyword"), QStringLiteral("cobots") },
            { QStringLiteral("sort_by"), QStringLiteral("relevance") },
            { QStringLiteral("total_results"), 10 } }) } };
    s[QStringLiteral("/v1/posts/feed")]
        = { { "POST", o({ { QStringLiteral("total_results"), 10 } }) } };
    for (const char *p : { "/v1/posts/like", "/v1/posts/repost", "/v1/posts/extract-comments",
             "/v1/posts/reactions", "/v1/posts/time-spent" })
        s[QLatin1String(p)] = { { "POST", o({ { QStringLiteral("post_url"), Post } }) } };
    s[QStringLiteral("/v1/posts/react")] = { { "POST",
        o({ { QStringLiteral("post_url"), Post },
            { QStringLiteral("reaction_type"), QStringLiteral("INSIGHTFUL") } }) } };
    s[QStringLiteral("/v1/posts/comment")] = { { "POST",
        o({ { QStringLiteral("post_url"), Post },
            { QStringLiteral("comment_text"),
                QStringLiteral("Congratulations to the team!") } }) } };
    s[QStringLiteral("/v1/posts/answer-comment")] = { { "POST",
        o({ { QStringLiteral("tracking_id"), QStringLiteral("a1B2c3D4") },
            { QStringLiteral("comment_urn"), QStringLiteral("urn:li:comment:(7312,7320)") },
            { QStringLiteral("comment_text"), QStringLiteral("Thank you, Jonas!") } }) } };
    s[QStringLiteral("/v1/recruiter/posts")]
        = { { "POST", o({ { QStringLiteral("total_results"), 10 } }) } };
    s[QStringLiteral("/v1/recruiter/get-candidate")] = { { "POST",
        o({ { QStringLiteral("job_id"), QStringLiteral("3904417121") },
            { QStringLiteral("total_results"), 50 } }) } };
    s[QStringLiteral("/v1/recruiter/cv")]
        = { { "POST", o({ { QStringLiteral("application_id"), QStringLiteral("18237745") } }) } };
    for (const char *p : { "/v1/recruiter/publish", "/v1/recruiter/close" })
        s[QLatin1String(p)]
            = { { "POST", o({ { QStringLiteral("job_id"), QStringLiteral("3904417121") } }) } };
    s[QStringLiteral("/v1/data/mail/finder")] = { { "POST",
        o({ { QStringLiteral("first_name"), QStringLiteral("Camille") },
            { QStringLiteral("last_name"), QStringLiteral("Laurent") },
            { QStringLiteral("company_domain"), QStringLiteral("acme-robotics.example") } }) } };
    for (const char *p : { "/v1/data/mail/reverse", "/v1/data/mail/validate" })
        s[QLatin1String(p)] = { { "POST",
            o({ { QStringLiteral("email"), QStringLiteral("camille.laurent@example.com") } }) } };
    s[QStringLiteral("/v1/webhooks/accounts")] = {
        { "POST",
            o({ { QStringLiteral("plateforme"), QStringLiteral("linkedin") },
                { QStringLiteral("account_name"), QStringLiteral("Camille — sales") },
                { QStringLiteral("webhook_url"),
                    QStringLiteral("https://hooks.example.com/linkup") } }) },
        { "GET", {} },
    };
    s[QStringLiteral("/v1/webhooks/accounts/{id}")] = {
        { "PUT",
            o({ { QStringLiteral("webhook_url"),
                QStringLiteral("https://hooks.example.com/v2") } }) },
        { "DELETE", {} },
    };
    for (const char *p : { "/v1/webhooks/accounts/{id}/start", "/v1/webhooks/accounts/{id}/stop" })
        s[QLatin1String(p)] = { { "POST", {} } };
    s[QStringLiteral("/v1/webhooks/accounts/{id}/status")] = { { "GET", {} } };
    return s;
}

QString requestText(const QString &method, const QString &path, const QJsonObject &body)
{
    return QStringLiteral("%1 %2\n%3")
        .arg(method, path, QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Indented)));
}

} // namespace

QString exampleLoginToken()
{
    return QStringLiteral("AQEDARexample0000000000fake0token0000000000");
}

QList<V1Example> v1Examples()
{
    const QHash<QString, QList<Sample>> known = samples();
    QList<V1Example> out;
    for (const QString &pattern : knownV1Endpoints()) {
        const QString path = QString(pattern).replace(QLatin1String("{id}"), WebhookId);
        // An endpoint added to the mapping without a sample still gets one: the V1 identity.
        const QList<Sample> list = known.value(pattern, { Sample { "POST", {} } });
        for (const Sample &sample : list) {
            QJsonObject body = sample.fields;
            if (sample.withAccount) {
                body.insert(QStringLiteral("login_token"), exampleLoginToken());
                body.insert(QStringLiteral("country"), QStringLiteral("FR"));
            } else {
                body.insert(QStringLiteral("country"), QStringLiteral("FR"));
            }
            const QString method = QString::fromLatin1(sample.method);
            out.append({ method, path, requestText(method, path, body) });
        }
    }
    return out;
}

} // namespace ld::ui
