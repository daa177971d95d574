#include "schema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace ld::schema {

namespace {

bool run(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

// Times are ISO 8601 UTC text with milliseconds ("2026-04-26T10:35:00.000Z"): readable in
// the sqlite3 shell and ordered correctly by plain string comparison.
bool migrateTo1(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("CREATE TABLE accounts ("
                                  " id TEXT PRIMARY KEY NOT NULL,"
                                  " name TEXT NOT NULL DEFAULT '',"
                                  " platform TEXT NOT NULL DEFAULT '',"
                                  " country TEXT NOT NULL DEFAULT '',"
                                  " status INTEGER NOT NULL DEFAULT 0,"
                                  " raw_status TEXT NOT NULL DEFAULT '',"
                                  " is_active INTEGER NOT NULL DEFAULT 0,"
                                  " created_at TEXT,"
                                  " updated_at TEXT,"
                                  " extra_json TEXT NOT NULL DEFAULT '{}',"
                                  " seen_at TEXT NOT NULL)"),
                   QStringLiteral("CREATE TABLE activity_log ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " at TEXT NOT NULL,"
                                  " account_id TEXT NOT NULL DEFAULT '',"
                                  " action TEXT NOT NULL,"
                                  " ok INTEGER NOT NULL,"
                                  " http_status INTEGER NOT NULL DEFAULT 0,"
                                  " error_code TEXT NOT NULL DEFAULT '',"
                                  " message TEXT NOT NULL DEFAULT '',"
                                  " credits INTEGER NOT NULL DEFAULT 0,"
                                  " duration_ms INTEGER NOT NULL DEFAULT 0,"
                                  " attempts INTEGER NOT NULL DEFAULT 1)"),
                   // No foreign key to accounts: the log outlives removed accounts on purpose.
                   QStringLiteral("CREATE INDEX activity_log_by_account ON activity_log (account_id, at)"),
                   QStringLiteral("CREATE INDEX activity_log_by_time ON activity_log (at)"),
               },
               error);
}

bool migrateTo2(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("CREATE TABLE credit_ledger ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " at TEXT NOT NULL,"
                                  " account_id TEXT NOT NULL DEFAULT '',"
                                  " action TEXT NOT NULL,"
                                  " credits INTEGER NOT NULL DEFAULT 0)"),
                   QStringLiteral("CREATE INDEX credit_ledger_by_account ON credit_ledger (account_id, at)"),
                   QStringLiteral("CREATE INDEX credit_ledger_by_time ON credit_ledger (at)"),
               },
               error);
}

// The inbox cache. last_at and messages.at are ms epochs (UTC) as INTEGER, unlike the ISO text
// elsewhere; 0 stands for "unknown". The inbox order is sort_key descending: the last message's
// second in the high bits, the key in the low 29, so it is unique and kept by triggers.
// One row per conversation in conversation_search holds name, headline and all known text, so
// every word of a search can match anywhere in the conversation. Its rowid is the sort_key
// (indexed_as remembers which), so that FTS5 itself walks matches newest first and a search
// page stops after `limit` rows instead of sorting every match; ConversationRepository
// rewrites the row in the same transaction as the conversation.
bool migrateTo3(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("CREATE TABLE conversations ("
                                  " key INTEGER PRIMARY KEY,"
                                  " account_id TEXT NOT NULL,"
                                  " conversation_id TEXT NOT NULL,"
                                  " participant_name TEXT NOT NULL DEFAULT '',"
                                  " participant_headline TEXT NOT NULL DEFAULT '',"
                                  " participant_profile_url TEXT NOT NULL DEFAULT '',"
                                  " participant_picture_url TEXT NOT NULL DEFAULT '',"
                                  " last_text TEXT NOT NULL DEFAULT '',"
                                  " last_at INTEGER NOT NULL DEFAULT 0,"
                                  " last_sender_name TEXT NOT NULL DEFAULT '',"
                                  " last_sender_profile_url TEXT NOT NULL DEFAULT '',"
                                  " last_sender_is_me INTEGER NOT NULL DEFAULT 0,"
                                  " unread INTEGER NOT NULL DEFAULT 0,"
                                  " type TEXT NOT NULL DEFAULT '',"
                                  " done INTEGER NOT NULL DEFAULT 0,"
                                  " marked_unread INTEGER NOT NULL DEFAULT 0,"
                                  " refreshed_at TEXT,"
                                  " older_cursor TEXT NOT NULL DEFAULT '',"
                                  " history_complete INTEGER NOT NULL DEFAULT 0,"
                                  " sort_key INTEGER NOT NULL DEFAULT 0,"
                                  " indexed_as INTEGER,"
                                  " UNIQUE (account_id, conversation_id))"),
                   // Newest first, within "not done" (the default view) or overall.
                   QStringLiteral("CREATE INDEX conversations_by_time ON conversations (sort_key)"),
                   QStringLiteral("CREATE INDEX conversations_by_done_time ON conversations (done, sort_key)"),
                   QStringLiteral("CREATE TRIGGER conversations_sort_new AFTER INSERT ON conversations BEGIN"
                                  " UPDATE conversations SET sort_key ="
                                  " (min(max(new.last_at, 0) / 1000, 17179869183) << 29) | (new.key & 536870911)"
                                  " WHERE key = new.key; END"),
                   QStringLiteral("CREATE TRIGGER conversations_sort_changed AFTER UPDATE OF last_at ON conversations"
                                  " BEGIN UPDATE conversations SET sort_key ="
                                  " (min(max(new.last_at, 0) / 1000, 17179869183) << 29) | (new.key & 536870911)"
                                  " WHERE key = new.key; END"),
                   QStringLiteral("CREATE TABLE messages ("
                                  " id INTEGER PRIMARY KEY,"
                                  " conversation_key INTEGER NOT NULL"
                                  "  REFERENCES conversations (key) ON DELETE CASCADE,"
                                  " message_id TEXT NOT NULL DEFAULT '',"
                                  " text TEXT NOT NULL DEFAULT '',"
                                  " text_hash TEXT NOT NULL DEFAULT '',"
                                  " at INTEGER NOT NULL DEFAULT 0,"
                                  " sender_name TEXT NOT NULL DEFAULT '',"
                                  " sender_first_name TEXT NOT NULL DEFAULT '',"
                                  " sender_last_name TEXT NOT NULL DEFAULT '',"
                                  " sender_profile_url TEXT NOT NULL DEFAULT '',"
                                  " type TEXT NOT NULL DEFAULT '',"
                                  " is_me INTEGER NOT NULL DEFAULT 0,"
                                  " attachments TEXT NOT NULL DEFAULT '[]')"),
                   // System items may come without an id: those are the same message when
                   // time, sender and text agree.
                   QStringLiteral("CREATE UNIQUE INDEX messages_by_id ON messages"
                                  " (conversation_key, message_id) WHERE message_id <> ''"),
                   QStringLiteral("CREATE UNIQUE INDEX messages_without_id ON messages"
                                  " (conversation_key, at, sender_profile_url, sender_name, text_hash)"
                                  " WHERE message_id = ''"),
                   QStringLiteral("CREATE INDEX messages_by_time ON messages (conversation_key, at)"),
                   // Prefix indexes make the first keystrokes of a search ("j", "ja") cheap.
                   QStringLiteral("CREATE VIRTUAL TABLE conversation_search USING fts5("
                                  "name, headline, body,"
                                  " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"),
                   QStringLiteral("CREATE TRIGGER conversations_unindex AFTER DELETE ON conversations"
                                  " BEGIN DELETE FROM conversation_search WHERE rowid = old.indexed_as; END"),
               },
               error);
}

// Outbox states are OutboxItem::State as integers; times ISO text like the rest of the file.
bool migrateTo4(QSqlDatabase &db, QString *error)
{
    if (!run(db,
             {
                 QStringLiteral("CREATE TABLE outbox ("
                                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                " kind TEXT NOT NULL,"
                                " account_id TEXT NOT NULL,"
                                " target TEXT NOT NULL DEFAULT '',"
                                " conversation_id TEXT NOT NULL DEFAULT '',"
                                " payload TEXT NOT NULL DEFAULT '{}',"
                                " state INTEGER NOT NULL DEFAULT 0,"
                                " created_at TEXT NOT NULL,"
                                " send_after TEXT,"
                                " updated_at TEXT NOT NULL,"
                                " sent_at TEXT,"
                                " error_code TEXT NOT NULL DEFAULT '',"
                                " error_message TEXT NOT NULL DEFAULT '',"
                                " result_id TEXT NOT NULL DEFAULT '',"
                                " attempts INTEGER NOT NULL DEFAULT 0)"),
                 QStringLiteral("CREATE INDEX outbox_by_state ON outbox (state, kind)"),
                 QStringLiteral("CREATE INDEX outbox_by_account ON outbox (account_id, kind, sent_at)"),
                 QStringLiteral("CREATE INDEX outbox_by_conversation ON outbox (account_id, conversation_id)"),
                 QStringLiteral("CREATE TABLE snippets ("
                                " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                " name TEXT NOT NULL,"
                                " body TEXT NOT NULL,"
                                " updated_at TEXT NOT NULL)"),
             },
             error))
        return false;

    // Starting points a user edits or deletes; written in the language of the first start.
    const struct { const char *name; const char *body; } defaults[] = {
        {QT_TRANSLATE_NOOP("ld::Snippet", "Thanks for connecting"),
         QT_TRANSLATE_NOOP("ld::Snippet", "Hi {first_name}, thanks for connecting! I saw your "
                                          "work at {company} and would be glad to stay in touch.")},
        {QT_TRANSLATE_NOOP("ld::Snippet", "Follow-up"),
         QT_TRANSLATE_NOOP("ld::Snippet", "Hi {first_name}, just following up on my last "
                                          "message. Would a short call next week suit you?")},
        {QT_TRANSLATE_NOOP("ld::Snippet", "Not now"),
         QT_TRANSLATE_NOOP("ld::Snippet", "Thanks {first_name}, I appreciate you getting back "
                                          "to me. I will reach out again later this year.")},
    };
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO snippets (name, body, updated_at) VALUES (?, ?, ?)"));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    for (const auto &snippet : defaults) {
        query.addBindValue(QCoreApplication::translate("ld::Snippet", snippet.name));
        query.addBindValue(QCoreApplication::translate("ld::Snippet", snippet.body));
        query.addBindValue(now);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

// Issue 4 (network). Outbox items of a bulk run carry its id (0: none, as every older row);
// the network cache keeps the pending invitations and connections per account, keyed by
// rowid so the models keep rows in place across listings. profile_id is linkedInProfileId()
// of the person's URL, the key the duplicate check matches on. A connection without a profile
// URL is kept for display (profile_id '') but cannot be matched, hence the partial unique
// index. network_listings records when a list was last read completely.
bool migrateTo5(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("ALTER TABLE outbox ADD COLUMN run_id INTEGER NOT NULL DEFAULT 0"),
                   QStringLiteral("CREATE INDEX outbox_by_run ON outbox (run_id, id)"),
                   QStringLiteral("CREATE INDEX outbox_by_target ON outbox (account_id, kind, target)"),
                   QStringLiteral("CREATE TABLE bulk_runs ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " kind TEXT NOT NULL,"
                                  " title TEXT NOT NULL DEFAULT '',"
                                  " state INTEGER NOT NULL DEFAULT 0,"
                                  " min_delay_ms INTEGER NOT NULL DEFAULT 0,"
                                  " max_delay_ms INTEGER NOT NULL DEFAULT 0,"
                                  " created_at TEXT NOT NULL,"
                                  " updated_at TEXT NOT NULL,"
                                  " finished_at TEXT,"
                                  " stop_reason TEXT NOT NULL DEFAULT '',"
                                  " owner_pid INTEGER NOT NULL DEFAULT 0,"
                                  " owner_host TEXT NOT NULL DEFAULT '')"),
                   QStringLiteral("CREATE INDEX bulk_runs_by_state ON bulk_runs (state, id)"),
                   QStringLiteral("CREATE TABLE invitations ("
                                  " key INTEGER PRIMARY KEY,"
                                  " account_id TEXT NOT NULL,"
                                  " direction INTEGER NOT NULL,"
                                  " entity_urn TEXT NOT NULL,"
                                  " shared_secret TEXT NOT NULL DEFAULT '',"
                                  " invitation_id TEXT NOT NULL DEFAULT '',"
                                  " first_name TEXT NOT NULL DEFAULT '',"
                                  " last_name TEXT NOT NULL DEFAULT '',"
                                  " headline TEXT NOT NULL DEFAULT '',"
                                  " profile_url TEXT NOT NULL DEFAULT '',"
                                  " picture_url TEXT NOT NULL DEFAULT '',"
                                  " profile_id TEXT NOT NULL DEFAULT '',"
                                  " invitation_type TEXT NOT NULL DEFAULT '',"
                                  " note TEXT NOT NULL DEFAULT '',"
                                  " sent_time_text TEXT NOT NULL DEFAULT '',"
                                  " sent_days_at_fetch INTEGER NOT NULL DEFAULT 0,"
                                  " fetched_at TEXT NOT NULL,"
                                  " UNIQUE (account_id, direction, entity_urn))"),
                   QStringLiteral("CREATE INDEX invitations_by_person ON invitations"
                                  " (account_id, direction, profile_id)"),
                   QStringLiteral("CREATE TABLE connections ("
                                  " key INTEGER PRIMARY KEY,"
                                  " account_id TEXT NOT NULL,"
                                  " name TEXT NOT NULL DEFAULT '',"
                                  " job_title TEXT NOT NULL DEFAULT '',"
                                  " profile_url TEXT NOT NULL DEFAULT '',"
                                  " picture_url TEXT NOT NULL DEFAULT '',"
                                  " profile_id TEXT NOT NULL DEFAULT '',"
                                  " position INTEGER NOT NULL DEFAULT 0,"
                                  " fetched_at TEXT NOT NULL)"),
                   QStringLiteral("CREATE UNIQUE INDEX connections_by_person ON connections"
                                  " (account_id, profile_id) WHERE profile_id <> ''"),
                   QStringLiteral("CREATE INDEX connections_by_position ON connections (account_id, position)"),
                   // list: "received", "sent" or "connections".
                   QStringLiteral("CREATE TABLE network_listings ("
                                  " account_id TEXT NOT NULL,"
                                  " list TEXT NOT NULL,"
                                  " fetched_at TEXT NOT NULL,"
                                  " PRIMARY KEY (account_id, list))"),
               },
               error);
}

// Live events (issue 5): each event delivered by the hosted stream or the events endpoint is
// recorded once. The stream's frames carry no id, so the content key (LiveEvent::contentKey)
// is unique; a polled event also has its event_id, unique when known. webhook_cursors keeps the
// newest server time seen per webhook, so a restart's gap fill starts where the last run ended.
bool migrateTo6(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("CREATE TABLE live_events ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " account_id TEXT NOT NULL,"
                                  " webhook_id TEXT NOT NULL DEFAULT '',"
                                  " event_id TEXT,"
                                  " content_key TEXT NOT NULL UNIQUE,"
                                  " type TEXT NOT NULL,"
                                  " person_name TEXT NOT NULL DEFAULT '',"
                                  " profile_url TEXT NOT NULL DEFAULT '',"
                                  " text TEXT NOT NULL DEFAULT '',"
                                  " conversation_id TEXT NOT NULL DEFAULT '',"
                                  " emitted_at TEXT,"
                                  " received_at TEXT NOT NULL,"
                                  " from_poll INTEGER NOT NULL DEFAULT 0,"
                                  " payload TEXT NOT NULL DEFAULT '{}')"),
                   QStringLiteral("CREATE UNIQUE INDEX live_events_by_event_id ON live_events (event_id)"
                                  " WHERE event_id IS NOT NULL"),
                   QStringLiteral("CREATE INDEX live_events_by_time ON live_events (received_at)"),
                   QStringLiteral("CREATE INDEX live_events_by_account ON live_events (account_id, id)"),
                   QStringLiteral("CREATE TABLE webhook_cursors ("
                                  " webhook_id TEXT PRIMARY KEY NOT NULL,"
                                  " account_id TEXT NOT NULL,"
                                  " newest_at TEXT NOT NULL)"),
               },
               error);
}

// The batch migration journal (issue 6). A V1 login_token is a secret and has no column here:
// rows are keyed by token_hash (hex SHA-256 of the token, '' for a row without one), which is
// also how accountIdForToken finds what a token became. States and statuses are stored by
// name ("running", "checkpoint_required"), so an old build reading a newer name can tell it
// does not know it. duplicate_of is the row_index of the row a duplicate follows, -1 for none.
bool migrateTo7(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("CREATE TABLE migration_runs ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " content_hash TEXT NOT NULL,"
                                  " source_path TEXT NOT NULL DEFAULT '',"
                                  " state TEXT NOT NULL,"
                                  " min_delay_ms INTEGER NOT NULL DEFAULT 0,"
                                  " max_delay_ms INTEGER NOT NULL DEFAULT 0,"
                                  " total_rows INTEGER NOT NULL DEFAULT 0,"
                                  " created_at TEXT NOT NULL,"
                                  " updated_at TEXT NOT NULL,"
                                  " finished_at TEXT,"
                                  " stop_reason TEXT NOT NULL DEFAULT '',"
                                  " owner_pid INTEGER NOT NULL DEFAULT 0,"
                                  " owner_host TEXT NOT NULL DEFAULT '')"),
                   QStringLiteral("CREATE INDEX migration_runs_by_content ON migration_runs (content_hash, id)"),
                   QStringLiteral("CREATE INDEX migration_runs_by_state ON migration_runs (state, id)"),
                   QStringLiteral("CREATE TABLE migration_rows ("
                                  " run_id INTEGER NOT NULL REFERENCES migration_runs (id) ON DELETE CASCADE,"
                                  " row_index INTEGER NOT NULL,"
                                  " line_number INTEGER NOT NULL DEFAULT 0,"
                                  " token_hash TEXT NOT NULL DEFAULT '',"
                                  " country TEXT NOT NULL DEFAULT '',"
                                  " label TEXT NOT NULL DEFAULT '',"
                                  " status TEXT NOT NULL,"
                                  " account_id TEXT NOT NULL DEFAULT '',"
                                  " challenge TEXT NOT NULL DEFAULT '',"
                                  " error_code TEXT NOT NULL DEFAULT '',"
                                  " error_message TEXT NOT NULL DEFAULT '',"
                                  " note TEXT NOT NULL DEFAULT '',"
                                  " duplicate_of INTEGER NOT NULL DEFAULT -1,"
                                  " credits INTEGER NOT NULL DEFAULT 0,"
                                  " attempts INTEGER NOT NULL DEFAULT 0,"
                                  " started_at TEXT,"
                                  " finished_at TEXT,"
                                  " PRIMARY KEY (run_id, row_index))"),
                   QStringLiteral("CREATE INDEX migration_rows_by_token ON migration_rows (token_hash, finished_at)"),
                   // A finished row hands its outcome to the rows that duplicate it.
                   QStringLiteral("CREATE INDEX migration_rows_by_original ON migration_rows (run_id, duplicate_of)"),
               },
               error);
}

// Posts (issue 7). post_drafts holds what the composer shows, media as a JSON array of
// {path, altText, isVideo} (file paths, never the bytes); its state is stored by name
// ("draft", "scheduled", ...) like the migration journal's. deleted_at makes a delete soft, so
// that Undo is one UPDATE. published_posts is the history: no foreign key to post_drafts, so a
// purged draft keeps its published post; draft_id is 0 for a post made without a draft
// (linkupctl post), and a draft is published at most once.
bool migrateTo8(QSqlDatabase &db, QString *error)
{
    return run(db,
               {
                   QStringLiteral("CREATE TABLE post_drafts ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " account_id TEXT NOT NULL DEFAULT '',"
                                  " company_url TEXT NOT NULL DEFAULT '',"
                                  " text TEXT NOT NULL DEFAULT '',"
                                  " media TEXT NOT NULL DEFAULT '[]',"
                                  " state TEXT NOT NULL,"
                                  " scheduled_at TEXT,"
                                  " outbox_id INTEGER NOT NULL DEFAULT 0,"
                                  " error_message TEXT NOT NULL DEFAULT '',"
                                  " created_at TEXT NOT NULL,"
                                  " updated_at TEXT NOT NULL,"
                                  " deleted_at TEXT)"),
                   QStringLiteral("CREATE INDEX post_drafts_by_state ON post_drafts (state, updated_at)"),
                   // The scheduled queue, soonest first, and the publisher's "what is due".
                   QStringLiteral("CREATE INDEX post_drafts_by_schedule ON post_drafts (state, scheduled_at)"),
                   QStringLiteral("CREATE INDEX post_drafts_by_deleted ON post_drafts (deleted_at)"
                                  " WHERE deleted_at IS NOT NULL"),
                   QStringLiteral("CREATE TABLE published_posts ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                  " draft_id INTEGER NOT NULL DEFAULT 0,"
                                  " account_id TEXT NOT NULL DEFAULT '',"
                                  " company_url TEXT NOT NULL DEFAULT '',"
                                  " text TEXT NOT NULL DEFAULT '',"
                                  " post_url TEXT NOT NULL DEFAULT '',"
                                  " post_urn TEXT NOT NULL DEFAULT '',"
                                  " media_count INTEGER NOT NULL DEFAULT 0,"
                                  " credits INTEGER NOT NULL DEFAULT 0,"
                                  " published_at TEXT NOT NULL)"),
                   QStringLiteral("CREATE UNIQUE INDEX published_posts_by_draft ON published_posts (draft_id)"
                                  " WHERE draft_id <> 0"),
                   QStringLiteral("CREATE INDEX published_posts_by_account ON published_posts (account_id, published_at)"),
                   QStringLiteral("CREATE INDEX published_posts_by_time ON published_posts (published_at)"),
               },
               error);
}

} // namespace ld::schema
