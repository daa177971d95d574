#pragma once
// Shared by the ConversationRepository tests: a repository over an in-memory database that fails
// the test on any store warning, and builders for conversations and messages at fixed times.
#include "store/conversationrepository.h"
#include "store/database.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace conversationstore {

using namespace ld;

inline const QDateTime t0(QDate(2026, 4, 1), QTime(9, 0), Qt::UTC);

inline Conversation conv(const QString &id, const QString &name, int minutes, const QString &last = {},
                  int unread = 0)
{
    Conversation c;
    c.id = id;
    c.participant.name = name;
    c.participant.headline = QStringLiteral("Head of Sales at Acme");
    c.participant.profileUrl = QStringLiteral("https://www.linkedin.com/in/") + id;
    c.lastText = last.isNull() ? QStringLiteral("Hello from ") + name : last;
    c.lastAt = t0.addSecs(60 * minutes);
    c.lastSender.name = name;
    c.unread = unread;
    c.type = QStringLiteral("normal");
    return c;
}

inline Message msg(const QString &id, const QString &text, int minutes, bool isMe = false)
{
    Message m;
    m.id = id;
    m.text = text;
    m.at = t0.addSecs(60 * minutes);
    m.senderName = isMe ? QStringLiteral("Me") : QStringLiteral("Jane Doe");
    m.senderProfileUrl = QStringLiteral("https://www.linkedin.com/in/") + m.senderName;
    m.type = QStringLiteral("TEXT");
    m.isMe = isMe;
    return m;
}

inline QList<qint64> keysOf(const QSignalSpy &spy, int index = 0)
{
    return spy.at(index).at(0).value<QList<qint64>>();
}

inline InboxFilter anyDone(const QString &search = {})
{
    InboxFilter f;
    f.done = InboxFilter::DoneState::Any;
    f.search = search;
    return f;
}

// The fixture: a test's init() calls openStore() and its cleanup() closeStore().
class ConversationStoreTest : public QObject
{
protected:
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ConversationRepository> m_repo;

    void openStore()
    {
        m_db = std::make_unique<Database>();
        QVERIFY2(m_db->open(QStringLiteral(":memory:")), qPrintable(m_db->errorString()));
        m_repo = std::make_unique<ConversationRepository>(m_db.get());
        // Any store warning (an FTS5 syntax error above all) fails the test.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }
    void closeStore()
    {
        m_repo.reset();
        m_db.reset();
    }

    qint64 key(const QString &conversationId, const QString &account = QStringLiteral("acc-a")) const
    {
        const auto row = m_repo->find(account, conversationId);
        return row ? row->key : 0;
    }
    QStringList ids(const InboxFilter &filter) const
    {
        QStringList out;
        for (const ConversationRow &row : m_repo->page(filter, 1000))
            out << row.conversation.id;
        return out;
    }
};

} // namespace conversationstore
