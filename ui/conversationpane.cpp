#include "conversationpane.h"

#include "composer.h"
#include "conversationview.h"
#include "profilepanel.h"

#include <QFrame>
#include <QSplitter>
#include <QVBoxLayout>

namespace ld::ui {

ConversationPane::ConversationPane(ConversationModel *model, InboxSync *sync, Outbox *outbox,
                                   SnippetRepository *snippets, ProfilesService *profiles,
                                   QWidget *parent)
    : QWidget(parent)
    , m_view(new ConversationView(model, sync, outbox))
    , m_composer(new Composer(outbox, snippets))
    , m_profile(new ProfilePanel(profiles))
{
    setObjectName(QStringLiteral("conversationPane"));
    auto *line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);

    auto *chat = new QWidget;
    auto *chatLayout = new QVBoxLayout(chat);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    chatLayout->setSpacing(0);
    chatLayout->addWidget(m_view, 1);
    chatLayout->addWidget(line);
    chatLayout->addWidget(m_composer);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(chat);
    splitter->addWidget(m_profile);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    m_profile->setMinimumWidth(qMax(190, m_profile->sizeHint().width()));
    splitter->setSizes({ 520, 220 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_composer, &Composer::queued, this, &ConversationPane::queued);
    m_composer->setFiller([panel = m_profile](const QString &body, QString *text, QString *problem) {
        return panel->fillSnippet(body, text, problem);
    });
}

void ConversationPane::showConversation(const OpenConversation &c, bool read)
{
    m_key = c.key;
    m_view->showConversation(c.key, c.accountId, c.conversationId, c.name, c.headline, c.lastAt,
                             read);
    m_composer->setConversation(c.accountId, c.profileUrl, c.conversationId);
    m_profile->showContact(c.accountId, c.profileUrl, c.name, c.headline, read);
}

void ConversationPane::focusComposer()
{
    m_composer->focusEditor();
}

qint64 ConversationPane::send()
{
    return m_composer->send();
}

bool ConversationPane::undoSend()
{
    return m_composer->undoSend();
}

void ConversationPane::clear()
{
    m_key = 0;
    m_view->clear();
    m_composer->setConversation({}, {}, {});
    m_profile->clear();
}

} // namespace ld::ui
