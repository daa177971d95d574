#pragma once
// Decides whether an event reaching the EventStream worker is new or one it already delivered.
// Stream frames carry no id (contract §9.8), so the stream and the gap fill can only be matched
// by content (LiveEvent::contentKey()); polled events also have an event_id.
// The matching counts, per content key, the copies seen on the stream and the ids seen in polls:
// an event is delivered once per distinct copy, so max(streamed, polled) times in all. A stream
// never repeats a frame (there is no replay), and a poll never repeats an id unnoticed, so:
//  - seen live, then in a gap fill: the polled copy matches the live one and is dropped;
//  - seen in a gap fill first, then live: the live copy matches the polled one and is dropped;
//  - two distinct events with identical content (the same text twice in the same second) stay
//    two, because the poll gives them two ids.
// Memory is bounded: the oldest keys and ids are forgotten beyond the capacity (the store keeps
// its own de-duplication behind this one).
#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <deque>

namespace ld {

class EventDeduper
{
public:
    explicit EventDeduper(int capacity = 10000);

    // true: deliver it; false: already delivered.
    bool acceptStreamed(const QByteArray &contentKey);
    bool acceptPolled(const QString &eventId, const QByteArray &contentKey);

    int keyCount() const { return int(m_keys.size()); }
    int idCount() const { return int(m_ids.size()); }

private:
    struct Copies
    {
        int streamed = 0;
        QStringList polledIds;
    };
    Copies &entry(const QByteArray &contentKey);

    int m_capacity;
    QHash<QByteArray, Copies> m_keys;
    std::deque<QByteArray> m_keyOrder; // oldest first, for forgetting
    QSet<QString> m_ids;
    std::deque<QString> m_idOrder;
};

} // namespace ld
