// The inbox store at the scale of issue 3: 100,000 conversations across 10 accounts. Prints one
// line per figure with its goal. With --write-profile DIR the seeded database is left in
// DIR/linkup-desk.sqlite (written through the real Database class) for the GUI benchmark.
//   bench_inbox_store [--write-profile DIR] [--conversations N] [--accounts N]
#include "store/accountrepository.h"
#include "store/conversationrepository.h"
#include "store/database.h"

#include "support/peakrss.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace ld;

namespace {

const char *const kFirst[] = {
    "James", "Jane", "Jamal", "Janet", "Jasper", "Maria", "Mark", "Martin", "Marta", "Sophie",
    "Sofia", "Lucas", "Louis", "Emma", "Emil", "Noah", "Nora", "Olivia", "Oliver", "Liam",
    "Léa", "Zoë", "Björn", "François", "José", "Ana", "Anders", "Chen", "Wei", "Priya",
    "Rahul", "Aisha", "Omar", "Fatima", "Yuki", "Hiro", "Kwame", "Amara", "Sven", "Ingrid",
    "Pedro", "Paula", "Giulia", "Marco", "Elena", "Ivan", "Olga", "Tomás", "Chloé", "Hannah"};
const char *const kLast[] = {
    "Smith", "Johnson", "Jameson", "Martin", "Müller", "Schmidt", "Dubois", "Bernard", "García",
    "Rodríguez", "Rossi", "Bianchi", "Kowalski", "Nowak", "Andersson", "Johansson", "Nguyen",
    "Tanaka", "Suzuki", "Kim", "Patel", "Sharma", "Okafor", "Mensah", "O'Brien", "Murphy",
    "Walsh", "Novak", "Horvat", "Silva", "Santos", "Costa", "Fischer", "Weber", "Meyer",
    "Wagner", "Becker", "Lefèvre", "Moreau", "Laurent"};
const char *const kRoles[] = {"Head of Sales", "VP Marketing", "Founder & CEO", "Recruiter",
                              "Software Engineer", "Account Executive", "CTO", "Product Manager",
                              "Talent Partner", "Growth Lead"};
const char *const kCompanies[] = {"Acme", "Globex", "Initech", "Umbrella", "Stark Industries",
                                  "Wayne Enterprises", "Hooli", "Pied Piper", "Soylent", "Vandelay"};
const char *const kTexts[] = {
    "Thanks for connecting! Would you be open to a quick call next week?",
    "Sounds good, let's talk on Tuesday.",
    "Could you send over the pricing for the enterprise plan?",
    "We are hiring a senior engineer in Berlin, interested?",
    "Great meeting you at the conference yesterday 🙂",
    "Not right now, but please follow up in Q3.",
    "I've attached the deck, let me know what you think.",
    "Happy to introduce you to our head of partnerships.",
    "Budget is approved, can we schedule the kickoff?",
    "Congrats on the new role!"};

template <std::size_t N>
QString pick(const char *const (&list)[N], QRandomGenerator &rng)
{
    return QString::fromUtf8(list[rng.bounded(int(N))]);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const int at = qBound(0, int(p * (values.size() - 1) + 0.5), int(values.size() - 1));
    return values.at(at);
}

double medianOf(QList<double> values)
{
    return percentile(std::move(values), 0.5);
}


void figure(const char *name, double value, const char *unit, const char *goal)
{
    std::printf("inbox_store.%-28s %10.2f %-3s (goal: %s)\n", name, value, unit, goal);
    std::fflush(stdout);
}

template <typename F>
double timeMs(F &&f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    return double(timer.nsecsElapsed()) / 1e6;
}

// What a person types: names, companies and words from messages, keystroke by keystroke.
QStringList keystrokes()
{
    const QStringList words = {
        QStringLiteral("james"), QStringLiteral("jameson"), QStringLiteral("sophie martin"),
        QStringLiteral("müller"), QStringLiteral("zoe"), QStringLiteral("pricing"),
        QStringLiteral("call next week"), QStringLiteral("budget kickoff"), QStringLiteral("berlin"),
        QStringLiteral("okafor"), QStringLiteral("head of sales"), QStringLiteral("hooli"),
        QStringLiteral("francois"), QStringLiteral("conference"), QStringLiteral("priya patel"),
        QStringLiteral("enterprise plan"), QStringLiteral("o'brien"), QStringLiteral("wagner"),
        QStringLiteral("xylophone"), QStringLiteral("introduce"), QStringLiteral("ana costa"),
        QStringLiteral("recruiter"), QStringLiteral("congrats")};
    QStringList out;
    for (const QString &w : words) {
        for (int i = 1; i <= w.size(); ++i)
            out << w.left(i);
    }
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption profileOption(QStringLiteral("write-profile"),
                                           QStringLiteral("Leave the seeded database in DIR/linkup-desk.sqlite."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption countOption(QStringLiteral("conversations"), QStringLiteral("How many (100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption accountsOption(QStringLiteral("accounts"), QStringLiteral("Across how many (10)."),
                                            QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({profileOption, countOption, accountsOption});
    parser.process(app);
    const int total = parser.value(countOption).toInt();
    const int accounts = qMax(1, parser.value(accountsOption).toInt());

    QTemporaryDir tmp;
    QString folder = tmp.path();
    if (parser.isSet(profileOption)) {
        folder = parser.value(profileOption);
        QDir().mkpath(folder);
    }
    const QString path = QDir(folder).filePath(QStringLiteral("linkup-desk.sqlite"));
    QFile::remove(path);
    Database db;
    if (!db.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorString()));
        return 1;
    }
    AccountRepository accountRepo(&db);
    ConversationRepository repo(&db);

    // Seeding: one transaction for everything, through the repository's own writes.
    QRandomGenerator rng(20260401);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> keys;
    QObject::connect(&repo, &ConversationRepository::conversationsInserted,
                     [&](const QList<qint64> &k) { keys += k; });
    const double seedMs = timeMs([&] {
        QList<Account> accountList;
        for (int a = 0; a < accounts; ++a) {
            Account account;
            account.id = QStringLiteral("bench-acc-%1").arg(a);
            account.name = QStringLiteral("%1 %2").arg(pick(kFirst, rng), pick(kLast, rng));
            account.platform = QStringLiteral("LINKEDIN");
            account.status = Account::Status::Active;
            account.isActive = true;
            accountList << account;
        }
        accountRepo.replaceAll(accountList);
        repo.beginBatch();
        int messageId = 0;
        for (int a = 0; a < accounts; ++a) {
            const int n = total / accounts + (a < total % accounts ? 1 : 0);
            QList<Conversation> list;
            QList<QList<Message>> histories;
            for (int i = 0; i < n; ++i) {
                Conversation c;
                c.id = QStringLiteral("urn:li:msg_conversation:%1-%2").arg(a).arg(i);
                c.participant.name = QStringLiteral("%1 %2").arg(pick(kFirst, rng), pick(kLast, rng));
                c.participant.headline = QStringLiteral("%1 at %2").arg(pick(kRoles, rng), pick(kCompanies, rng));
                c.participant.profileUrl = QStringLiteral("https://www.linkedin.com/in/p-%1-%2").arg(a).arg(i);
                c.type = QStringLiteral("normal");
                QList<Message> history;
                QDateTime at = now.addSecs(-qint64(rng.bounded(90 * 24 * 3600)));
                const int messages = 1 + rng.bounded(3);
                for (int m = 0; m < messages; ++m) {
                    Message msg;
                    msg.id = QStringLiteral("urn:li:msg:%1").arg(++messageId);
                    msg.text = pick(kTexts, rng);
                    msg.at = at;
                    msg.isMe = rng.bounded(2) == 0;
                    msg.senderName = msg.isMe ? accountList.at(a).name : c.participant.name;
                    msg.type = QStringLiteral("TEXT");
                    history.prepend(msg);
                    at = at.addSecs(60 + rng.bounded(86400));
                }
                c.lastText = history.first().text;
                c.lastAt = history.first().at;
                c.lastSender.name = history.first().senderName;
                c.lastSender.isMe = history.first().isMe;
                c.unread = rng.bounded(5) == 0 ? 1 + rng.bounded(3) : 0;
                list << c;
                histories << history;
            }
            const int first = keys.size();
            repo.upsert(accountList.at(a).id, list);
            for (int i = 0; i < histories.size() && first + i < keys.size(); ++i)
                repo.upsertMessages(keys.at(first + i), histories.at(i));
        }
        repo.commitBatch();
        // A realistic triage state: about a third already done.
        QSqlQuery(db.connection()).exec(QStringLiteral("UPDATE conversations SET done = 1 WHERE key % 3 = 0"));
    });
    figure("seed_ms", seedMs, "ms", "none, one transaction");

    const InboxFilter inbox; // the default view: not done, every account
    QList<double> firstPage;
    for (int i = 0; i < 21; ++i)
        firstPage << timeMs([&] { repo.page(inbox, 50); });
    figure("page_first_ms", medianOf(firstPage), "ms", "<= 16");

    // Walk to the middle by pages of 500, as a model fetching more would.
    std::optional<ConversationRow> deep;
    const int visible = repo.count(inbox);
    for (int seen = 0; seen < visible / 2;) {
        const QList<ConversationRow> page = repo.page(inbox, 500, deep);
        if (page.isEmpty())
            break;
        seen += page.size();
        deep = page.last();
    }
    QList<double> deepPage;
    for (int i = 0; i < 21; ++i)
        deepPage << timeMs([&] { repo.page(inbox, 50, deep); });
    figure("page_deep_ms", medianOf(deepPage), "ms", "<= 16");

    QList<double> counts;
    for (int i = 0; i < 11; ++i)
        counts << timeMs([&] { repo.count(inbox); });
    figure("count_ms", medianOf(counts), "ms", "<= 16");

    // A keystroke costs what the inbox model asks for: the first page of the new filter. The
    // number of matches (count) is timed apart, for a view that would show it.
    QList<double> searches, searchCounts;
    QString slowest;
    double slowestMs = 0;
    const QStringList typed = keystrokes();
    for (const QString &text : typed) {
        InboxFilter filter;
        filter.search = text;
        const double ms = timeMs([&] { repo.page(filter, 50); });
        searches << ms;
        if (ms > slowestMs) {
            slowestMs = ms;
            slowest = text;
        }
        searchCounts << timeMs([&] { repo.count(filter); });
    }
    std::printf("inbox_store.search_queries %lld (keystrokes of \"james\" ... \"%s\"; slowest \"%s\")\n",
                qint64(typed.size()), qPrintable(typed.last()), qPrintable(slowest));
    figure("search_median_ms", medianOf(searches), "ms", "<= 16");
    figure("search_p99_ms", percentile(searches, 0.99), "ms", "<= 16");
    figure("search_count_median_ms", medianOf(searchCounts), "ms", "none, not on the keystroke path");
    figure("search_count_p99_ms", percentile(searchCounts, 0.99), "ms", "none, not on the keystroke path");

    QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    figure("database_mb", double(bytes) / (1024.0 * 1024.0), "MB", "none");
    figure("peak_rss_mb", double(ld::peakRssKb()) / 1024.0, "MB", "<= 120 above the bare window, with the GUI");
    std::printf("inbox_store.conversations %d across %d accounts, %d not done%s%s\n", repo.count(InboxFilter{{}, false, InboxFilter::DoneState::Any, {}}),
                accounts, visible, parser.isSet(profileOption) ? ", written to " : "",
                parser.isSet(profileOption) ? qPrintable(path) : "");
    return 0;
}
