#include "eventdeduper.h"

namespace ld {

EventDeduper::EventDeduper(int capacity)
    : m_capacity(qMax(1, capacity))
{ }

EventDeduper::Copies &EventDeduper::entry(const QByteArray &contentKey)
{
    auto it = m_keys.find(contentKey);
    if (it != m_keys.end())
        return it.value();
    if (int(m_keyOrder.size()) >= m_capacity) {
        m_keys.remove(m_keyOrder.front());
        m_keyOrder.pop_front();
    }
    m_keyOrder.push_back(contentKey);
    return m_keys[contentKey];
}

bool EventDeduper::acceptStreamed(const QByteArray &contentKey)
{
    Copies &c = entry(contentKey);
    ++c.streamed;
    return c.streamed > c.polledIds.size();
}

bool EventDeduper::acceptPolled(const QString &eventId, const QByteArray &contentKey)
{
    if (!eventId.isEmpty()) {
        if (m_ids.contains(eventId))
            return false; // a page that repeats an item, or the overlap of two gap fills
        if (int(m_idOrder.size()) >= m_capacity) {
            m_ids.remove(m_idOrder.front());
            m_idOrder.pop_front();
        }
        m_ids.insert(eventId);
        m_idOrder.push_back(eventId);
    }
    Copies &c = entry(contentKey);
    c.polledIds.append(eventId);
    return c.polledIds.size() > c.streamed;
}

} // namespace ld
