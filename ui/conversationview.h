#pragma once
// The messages of the open conversation, as a chat: newest at the bottom, older history loaded
// when scrolled to the top (from the store first, then InboxSync::loadOlder), and a bar for the
// newest message whose sending failed or is unconfirmed, with "Verify" and "Send again".
#include <QSet>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace ld {
class ConversationModel;
class InboxSync;
class Outbox;
}

namespace ld::ui {

class ConversationView : public QWidget
{
    Q_OBJECT
public:
    ConversationView(ConversationModel *model, InboxSync *sync, Outbox *outbox,
                     QWidget *parent = nullptr);

    // Shows a stored conversation (free). With `read`, also reads it from the server, but only
    // when the store lacks its newest message (`lastAt`): that costs a credit.
    void showConversation(qint64 key, const QString &accountId, const QString &conversationId,
                          const QString &name, const QString &headline, const QDateTime &lastAt,
                          bool read);
    void clear();

    QListView *list() const { return m_list; }
    QLabel *nameLabel() const { return m_name; }
    QLabel *headlineLabel() const { return m_headline; }
    QWidget *outboxBar() const { return m_bar; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *sendAgainButton() const { return m_sendAgain; }
    qint64 barItemId() const { return m_barItem; }

public Q_SLOTS:
    void loadOlder();
    void scrollToBottom();

private:
    void updateBar();
    void updateHint();
    void onScrolled(int value);

    ConversationModel *m_model;
    InboxSync *m_sync;
    Outbox *m_outbox;
    bool m_waitingOlder = false;
    bool m_stickToBottom = true;
    int m_keepFromBottom = -1; // after a prepend: the distance from the bottom to restore
    qint64 m_barItem = 0;
    QSet<qint64> m_notDelivered; // unknown items verified as absent: "Send again" is offered

    QLabel *m_name;
    QLabel *m_headline;
    QListView *m_list;
    QLabel *m_hint;
    QWidget *m_bar;
    QLabel *m_barText;
    QPushButton *m_verify;
    QPushButton *m_sendAgain;
};

} // namespace ld::ui
