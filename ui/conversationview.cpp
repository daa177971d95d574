#include "conversationview.h"

#include "messagedelegate.h"
#include "plaintext.h"

#include "models/conversationmodel.h"
#include "sync/inboxsync.h"
#include "sync/outbox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace ld::ui {

ConversationView::ConversationView(ConversationModel *model, InboxSync *sync, Outbox *outbox,
                                   QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_sync(sync)
    , m_outbox(outbox)
    , m_name(plainLabel({}, this))
    , m_headline(plainLabel({}, this))
    , m_list(new QListView(this))
    , m_hint(plainLabel(tr("No messages stored for this conversation yet. Press Enter to read it "
                           "(1 credit)."), this))
    , m_bar(new QFrame(this))
    , m_barText(plainLabel({}, m_bar))
    , m_verify(new QPushButton(tr("Verify"), m_bar))
    , m_sendAgain(new QPushButton(tr("Send again"), m_bar))
{
    setObjectName(QStringLiteral("conversationView"));
    m_name->setObjectName(QStringLiteral("conversationName"));
    m_headline->setObjectName(QStringLiteral("conversationHeadline"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    big.setWeight(QFont::DemiBold);
    m_name->setFont(big);
    QPalette muted = m_headline->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_headline->setPalette(muted);

    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new MessageDelegate(m_list));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(false);
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setAccessibleName(tr("Messages"));

    m_hint->setObjectName(QStringLiteral("conversationHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setPalette(muted);
    m_hint->hide();
    m_bar->setObjectName(QStringLiteral("outboxBar"));
    m_barText->setWordWrap(true);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setToolTip(tr("Read the conversation again to see whether the message arrived"));
    m_sendAgain->setObjectName(QStringLiteral("sendAgainButton"));
    auto *barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(10, 4, 10, 4);
    barLayout->addWidget(m_barText, 1);
    barLayout->addWidget(m_verify);
    barLayout->addWidget(m_sendAgain);
    m_bar->hide();

    auto *header = new QVBoxLayout;
    header->setContentsMargins(12, 8, 12, 6);
    header->setSpacing(2);
    header->addWidget(m_name);
    header->addWidget(m_headline);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint, 1);
    layout->addWidget(m_bar);

    QScrollBar *bar = m_list->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, &ConversationView::onScrolled);
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int max) {
        if (m_keepFromBottom >= 0) {
            bar->setValue(max - m_keepFromBottom);
            m_keepFromBottom = -1;
        } else if (m_stickToBottom) {
            bar->setValue(max);
        }
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this, bar](const QModelIndex &, int first) {
                if (first == 0 && m_model->rowCount() > 0)
                    m_keepFromBottom = bar->maximum() - bar->value();
            });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, this, &ConversationView::updateBar);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConversationView::updateBar);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConversationView::updateBar);

    if (m_sync) {
        connect(m_sync, &InboxSync::conversationLoaded, this, [this](qint64 key) {
            if (key == m_model->conversationKey() && m_waitingOlder) {
                m_waitingOlder = false;
                m_model->fetchOlder();
            }
        });
    }
    if (m_outbox) {
        connect(m_verify, &QPushButton::clicked, this, [this] {
            if (m_barItem)
                m_outbox->verify(m_barItem);
            m_barText->setText(tr("Reading the conversation to verify…"));
        });
        connect(m_sendAgain, &QPushButton::clicked, this, [this] {
            if (m_barItem)
                m_outbox->sendAgain(m_barItem);
        });
        connect(m_outbox, &Outbox::verified, this, [this](qint64 id, bool found) {
            if (!found)
                m_notDelivered.insert(id);
            updateBar();
        });
    }
}

void ConversationView::clear()
{
    m_model->setConversation(0, {}, {});
    m_name->clear();
    m_headline->clear();
    m_waitingOlder = false;
}

void ConversationView::showConversation(qint64 key, const QString &accountId,
                                        const QString &conversationId, const QString &name,
                                        const QString &headline, const QDateTime &lastAt, bool read)
{
    if (key != m_model->conversationKey()) {
        m_waitingOlder = false;
        m_stickToBottom = true;
        m_keepFromBottom = -1;
        m_model->setConversation(key, accountId, conversationId);
        scrollToBottom();
    }
    m_name->setText(name);
    m_headline->setText(headline);
    if (!read || !m_sync || key == 0)
        return;
    QDateTime newest;
    for (int r = m_model->messageCount() - 1; r >= 0 && !newest.isValid(); --r)
        newest = m_model->index(r).data(ConversationModel::TimeRole).toDateTime();
    if (m_model->messageCount() == 0 || (lastAt.isValid() && newest < lastAt))
        m_sync->loadConversation(key);
}

void ConversationView::scrollToBottom()
{
    m_stickToBottom = true;
    m_list->scrollToBottom();
}

void ConversationView::onScrolled(int value)
{
    QScrollBar *bar = m_list->verticalScrollBar();
    m_stickToBottom = value >= bar->maximum() - 4;
    if (value == bar->minimum() && bar->maximum() > bar->minimum())
        loadOlder();
}

void ConversationView::loadOlder()
{
    if (m_model->conversationKey() == 0 || m_waitingOlder)
        return;
    if (m_model->fetchOlder() > 0 || m_model->historyComplete() || !m_sync)
        return;
    m_waitingOlder = true;
    m_sync->loadOlder(m_model->conversationKey());
}

void ConversationView::updateHint()
{
    const bool empty = m_model->conversationKey() != 0 && m_model->rowCount() == 0;
    m_hint->setVisible(empty);
    m_list->setVisible(!empty);
}

void ConversationView::updateBar()
{
    updateHint();
    m_barItem = 0;
    int state = -1;
    for (int r = m_model->rowCount() - 1; r >= m_model->messageCount(); --r) {
        const QModelIndex i = m_model->index(r);
        const int s = i.data(ConversationModel::OutboxStateRole).toInt();
        if (s == int(OutboxItem::State::Failed) || s == int(OutboxItem::State::Unknown)) {
            m_barItem = i.data(ConversationModel::OutboxIdRole).toLongLong();
            state = s;
            break;
        }
    }
    if (m_barItem == 0) {
        m_bar->hide();
        return;
    }
    const bool unknown = state == int(OutboxItem::State::Unknown);
    const bool absent = m_notDelivered.contains(m_barItem);
    if (!unknown)
        m_barText->setText(tr("A message was not sent. Nothing reached LinkedIn; you can send it again."));
    else if (absent)
        m_barText->setText(tr("The message is not in the conversation: it was not delivered. You "
                              "can send it again."));
    else
        m_barText->setText(tr("A message may or may not have reached LinkedIn. Verify before "
                              "sending it again."));
    m_verify->setVisible(unknown);
    m_sendAgain->setVisible(!unknown || absent);
    m_bar->show();
}

} // namespace ld::ui
