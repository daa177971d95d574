#pragma once
// The live events received from the hosted webhooks (issue 5): each recorded exactly once, so
// an event seen on the stream and again in a gap-fill poll, or polled twice, reaches the rest
// of the app once — across restarts too, since the check is a unique key in the store, not
// memory. Also keeps, per webhook, the newest server time seen: the `since` of the next gap fill.
#include "domain/webhook.h"

#include <QDateTime>
#include <QObject>
#include <optional>

namespace ld {

class Database;

struct LiveEventRow
{
    qint64 id = 0;
    QString accountId;
    QString webhookId;
    QString eventId; // empty until a poll named it
    QByteArray contentKey;
    LiveEvent::Type type = LiveEvent::Type::Other;
    QString typeName;
    QString personName;
    QString profileUrl; // sender (message) or the person who accepted
    QString text;
    QString conversationId;
    QDateTime emittedAt; // when LinkUp emitted it (UTC); invalid when not given
    QDateTime receivedAt; // when LinkUp Desk recorded it
    bool fromPoll = false;
    QJsonObject payload; // the inner event, verbatim
};

class LiveEventRepository : public QObject
{
    Q_OBJECT
public:
    explicit LiveEventRepository(Database *db, QObject *parent = nullptr);

    // Records the event unless it is already there (same content key, or same event id).
    // Returns the new row's id, or 0 for a duplicate (or a store failure, logged). A duplicate
    // that brings the event id a stream frame lacked fills it in.
    qint64 record(const LiveEvent &event, const QString &eventId, const QByteArray &contentKey,
        const QString &webhookId, bool fromPoll);

    std::optional<LiveEventRow> row(qint64 id) const;
    // Newest first; `beforeId` > 0 pages back from there. Empty accountIds: every account.
    QList<LiveEventRow> recent(
        int limit, qint64 beforeId = 0, const QStringList &accountIds = {}) const;
    int count() const;
    // Deletes events received before `cutoff` (the Live page keeps a few days).
    int prune(const QDateTime &cutoff);

    // The newest server time seen for a webhook; invalid when none.
    QDateTime cursor(const QString &webhookId) const;
    // Only moves forward.
    bool advanceCursor(const QString &webhookId, const QString &accountId, const QDateTime &at);

Q_SIGNALS:
    void recorded(qint64 id);

private:
    Database *m_db;
};

} // namespace ld
