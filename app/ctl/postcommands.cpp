// post, drafts list: a post from the command line goes through the profile's drafts and the
// PostPublisher, so it gets the app's exactly-once record (stored before the request leaves,
// never repeated after an ambiguous failure) and shows up in the app's drafts and history.
// A post command makes at most one create request; it never publishes other drafts.
#include "commands.h"
#include "session.h"

#include "domain/post.h"
#include "services/contentservice.h"
#include "store/draftrepository.h"
#include "sync/postpublisher.h"

#include <QFileInfo>
#include <QJsonArray>

namespace ld::ctl {

namespace {

using State = Draft::State;

// The command's options in their order, since an --alt belongs to the --image before it.
struct PostArgs
{
    QString accountId;
    QString text;
    bool hasText = false;
    QString companyUrl;
    QList<PostMediaRef> media;
    bool json = false;
};

// "--name value" or "--name=value" at args[*i]; false when args[*i] is not that option.
bool takeOption(
    const QStringList &args, int *i, const QString &name, QString *value, QString *error)
{
    const QString &arg = args.at(*i);
    if (arg.startsWith(name + QLatin1Char('='))) {
        *value = arg.mid(name.size() + 1);
        return true;
    }
    if (arg != name)
        return false;
    if (*i + 1 >= args.size())
        *error = QStringLiteral("%1 needs a value").arg(name);
    else
        *value = args.at(++*i);
    return true;
}

bool parsePostArgs(const QStringList &args, PostArgs *out, QString *error)
{
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString value;
        if (arg == QLatin1String("--json")) {
            out->json = true;
        } else if (takeOption(args, &i, QStringLiteral("--account"), &value, error)) {
            out->accountId = value;
        } else if (takeOption(args, &i, QStringLiteral("--text"), &value, error)) {
            out->text = value;
            out->hasText = true;
        } else if (takeOption(args, &i, QStringLiteral("--company"), &value, error)) {
            out->companyUrl = value;
        } else if (takeOption(args, &i, QStringLiteral("--image"), &value, error)) {
            out->media.append(PostMediaRef { QFileInfo(value).absoluteFilePath(), {}, false });
        } else if (takeOption(args, &i, QStringLiteral("--video"), &value, error)) {
            out->media.append(PostMediaRef { QFileInfo(value).absoluteFilePath(), {}, true });
        } else if (takeOption(args, &i, QStringLiteral("--alt"), &value, error)) {
            if (error->isEmpty()
                && (out->media.isEmpty() || out->media.last().isVideo
                    || !out->media.last().altText.isEmpty()))
                *error = QStringLiteral("--alt describes the --image just before it: put one "
                                        "--alt after each --image");
            else if (error->isEmpty())
                out->media.last().altText = value;
        } else if (arg.startsWith(QLatin1String("--"))) {
            static const QStringList globals
                = { QStringLiteral("--profile"), QStringLiteral("--base-url") };
            const QString name = arg.section(QLatin1Char('='), 0, 0);
            *error = globals.contains(name)
                ? QStringLiteral("%1 is a global option: put it before the command").arg(name)
                : QStringLiteral("unknown option %1").arg(name);
        } else {
            *error = QStringLiteral("unexpected argument %1 (quote the --text)").arg(arg);
        }
        if (!error->isEmpty())
            return false;
    }
    return true;
}

// Reads every file as the publisher will, so that a missing, unreadable, oversized or
// unsupported file, an empty post or a text over the limit is refused before anything is
// stored or sent. Empty when the post can go.
QString contentProblem(const PostArgs &args)
{
    PostContent content;
    content.text = args.text;
    content.companyUrl = args.companyUrl;
    for (const PostMediaRef &ref : args.media) {
        QString error;
        const std::optional<PostMedia> media = PostMedia::load(ref.path, ref.altText, &error);
        if (!media)
            return error;
        if ((media->kind == PostMedia::Kind::Video) != ref.isVideo)
            return ref.isVideo
                ? QStringLiteral("“%1” is an image: attach it with --image.").arg(media->filename)
                : QStringLiteral("“%1” is a video: attach it with --video.").arg(media->filename);
        content.media.append(*media);
    }
    return content.problem();
}

QJsonObject draftJson(const Draft &draft, const std::optional<PublishedPostRecord> &published)
{
    QJsonArray media;
    for (const PostMediaRef &ref : draft.media)
        media.append(ref.toJson());
    QJsonObject json { { QStringLiteral("draft_id"), draft.id },
        { QStringLiteral("state"), Draft::stateName(draft.state) },
        { QStringLiteral("account_id"), draft.accountId }, { QStringLiteral("text"), draft.text },
        { QStringLiteral("media"), media },
        { QStringLiteral("created_at"), isoTime(draft.createdAt) },
        { QStringLiteral("updated_at"), isoTime(draft.updatedAt) } };
    if (!draft.companyUrl.isEmpty())
        json.insert(QStringLiteral("company_url"), draft.companyUrl);
    if (draft.scheduledAt.isValid()) {
        json.insert(QStringLiteral("scheduled_at"), isoTime(draft.scheduledAt));
        json.insert(QStringLiteral("scheduled_local"), localTime(draft.scheduledAt));
    }
    if (!draft.errorMessage.isEmpty())
        json.insert(QStringLiteral("error"), draft.errorMessage);
    if (published) {
        json.insert(QStringLiteral("post_url"), published->postUrl);
        json.insert(QStringLiteral("post_urn"), published->postUrn);
        json.insert(QStringLiteral("credits"), published->credits);
        json.insert(QStringLiteral("published_at"), isoTime(published->publishedAt));
    }
    return json;
}

// Waits for the draft's outcome, prints it and returns the exit code: 0 published, 1 failed,
// 3 unknown.
int reportOutcome(bool json, Workspace *ws, qint64 id)
{
    DraftRepository *drafts = ws->drafts();
    auto settled = [&] {
        const std::optional<Draft> d = drafts->find(id);
        return !d || d->state != State::Publishing;
    };
    const bool waited = waitUntilAny(ws->postPublisher(), settled,
        &PostPublisher::draftStateChanged, &PostPublisher::published, &PostPublisher::failed);
    const std::optional<Draft> draft = drafts->find(id);
    if (!draft)
        return fail(QStringLiteral("draft %1 is gone").arg(id));
    const QString checkHint
        = QStringLiteral("look at the account's recent posts on LinkedIn before publishing it "
                         "again; LinkUp Desk's Posts page records what you find (draft %1)")
              .arg(id);
    if (!waited && draft->state == State::Publishing) {
        fail(QStringLiteral("interrupted while draft %1 was being published: it may or may not "
                            "be on LinkedIn; %2")
                 .arg(id)
                 .arg(checkHint));
        return ExitUnknown;
    }
    const std::optional<PublishedPostRecord> published
        = draft->state == State::Published ? drafts->publishedFor(id) : std::nullopt;
    if (json)
        printJson(draftJson(*draft, published));
    switch (draft->state) {
    case State::Published:
        if (!json)
            printLine(QStringLiteral("published: %1")
                          .arg(published && !published->postUrl.isEmpty()
                                  ? published->postUrl
                                  : QStringLiteral("draft %1").arg(id)));
        return ExitOk;
    case State::Failed:
        if (!json)
            printLine(QStringLiteral("failed: draft %1 was not published").arg(id));
        return fail(draft->errorMessage);
    case State::Unknown:
        if (!json)
            printLine(
                QStringLiteral("unknown: draft %1 may or may not have been published").arg(id));
        fail(QStringLiteral("%1 %2").arg(draft->errorMessage, checkHint));
        return ExitUnknown;
    case State::Draft:
    case State::Scheduled:
    case State::Publishing:
        break;
    }
    return fail(QStringLiteral("draft %1 is %2: it was not published")
                    .arg(id)
                    .arg(Draft::stateName(draft->state)));
}

QString scheduledCell(const Draft &draft)
{
    if (!draft.scheduledAt.isValid() || draft.state != State::Scheduled)
        return {};
    const QDateTime local = draft.scheduledAt.toLocalTime();
    return localTime(draft.scheduledAt) + QLatin1Char(' ') + local.timeZoneAbbreviation();
}

} // namespace

int post(const GlobalOptions &options, const QStringList &args)
{
    PostArgs parsed;
    QString error;
    if (!parsePostArgs(args, &parsed, &error))
        return usageError(error);
    if (parsed.accountId.isEmpty() || (!parsed.hasText && parsed.media.isEmpty()))
        return usageError(QStringLiteral("post needs --account ID and --text TEXT (or an "
                                         "--image or --video)"));
    // Refused here, before the profile is opened: nothing stored, nothing sent.
    const QString problem = contentProblem(parsed);
    if (!problem.isEmpty()) {
        fail(problem);
        return ExitUsage;
    }

    Session session(options);
    if (const int rc = session.open())
        return rc;
    Workspace *ws = session.workspace();
    Draft draft;
    draft.accountId = parsed.accountId;
    draft.companyUrl = parsed.companyUrl;
    draft.text = parsed.text;
    draft.media = parsed.media;
    const qint64 id = ws->drafts()->create(draft);
    if (id == 0)
        return fail(QStringLiteral("the post could not be stored in the profile's database"));
    QString refusal;
    if (!ws->postPublisher()->publishNow(id, &refusal)) {
        // Nothing left: a refused command leaves no draft behind to publish by surprise later.
        ws->drafts()->remove(id);
        return fail(refusal);
    }
    return reportOutcome(options.json || parsed.json, ws, id);
}

int draftsList(const GlobalOptions &options, const QStringList &args)
{
    CommandArgs parsed;
    QString error;
    if (!parseCommandArgs(
            args, { QStringLiteral("--account") }, { QStringLiteral("--json") }, &parsed, &error))
        return usageError(error);
    if (!parsed.positional.isEmpty())
        return usageError(QStringLiteral("unexpected argument %1").arg(parsed.positional.first()));
    Session session(options);
    if (const int rc = session.open(Session::KeyNeed::None))
        return rc;
    // Published posts are the history, not drafts: everything else that is still the person's.
    const QList<Draft> drafts = session.workspace()->drafts()->list(
        { State::Draft, State::Scheduled, State::Publishing, State::Failed, State::Unknown },
        parsed.value(QStringLiteral("--account")));
    if (options.json || parsed.has(QStringLiteral("--json"))) {
        QJsonArray array;
        for (const Draft &d : drafts)
            array.append(draftJson(d, std::nullopt));
        printJson({ { QStringLiteral("drafts"), array },
            { QStringLiteral("total"), int(drafts.size()) } });
        return ExitOk;
    }
    QList<QStringList> rows { { QStringLiteral("ID"), QStringLiteral("STATE"),
        QStringLiteral("ACCOUNT"), QStringLiteral("SCHEDULED"), QStringLiteral("UPDATED"),
        QStringLiteral("MEDIA"), QStringLiteral("TEXT"), QStringLiteral("NOTE") } };
    for (const Draft &d : drafts) {
        const bool troubled = d.state == State::Failed || d.state == State::Unknown;
        rows.append({ QString::number(d.id), Draft::stateName(d.state), d.accountId,
            scheduledCell(d), localTime(d.updatedAt), QString::number(d.media.size()),
            shortened(d.text, 50), troubled ? shortened(d.errorMessage, 60) : QString() });
    }
    printTable(rows);
    return ExitOk;
}

} // namespace ld::ctl
