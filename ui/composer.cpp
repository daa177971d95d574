#include "composer.h"

#include "plaintext.h"

#include "services/messagesservice.h"
#include "store/snippetrepository.h"
#include "domain/profile.h"
#include "sync/outbox.h"
#include "sync/snippetfiller.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ld::ui {

Composer::Composer(Outbox *outbox, SnippetRepository *snippets, QWidget *parent)
    : QWidget(parent)
    , m_outbox(outbox)
    , m_snippetRepo(snippets)
    , m_filler([](const QString &body, QString *text, QString *problem) {
        const FilledSnippet filled = SnippetFiller::fill(body, MemberProfile());
        *text = filled.text;
        *problem = filled.problem();
        return filled.ok();
    })
    , m_tick(new QTimer(this))
    , m_edit(new QPlainTextEdit(this))
    , m_snippets(new QToolButton(this))
    , m_attach(new QToolButton(this))
    , m_attachmentLabel(plainLabel({}, this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_usage(plainLabel({}, this))
    , m_problem(plainLabel({}, this))
    , m_undoBar(new QFrame(this))
    , m_undoLabel(plainLabel({}, m_undoBar))
{
    setObjectName(QStringLiteral("composer"));
    m_edit->setObjectName(QStringLiteral("composerEdit"));
    m_edit->setPlaceholderText(tr("Write a reply… (Ctrl+Enter sends)"));
    m_edit->setTabChangesFocus(true);
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 4 + 14);
    m_snippets->setText(tr("Snippets"));
    m_snippets->setObjectName(QStringLiteral("snippetButton"));
    m_snippets->setPopupMode(QToolButton::InstantPopup);
    m_snippets->setMenu(new QMenu(m_snippets));
    m_snippets->setToolTip(tr("Insert a saved reply; {first_name}, {company}… are filled from "
                              "the profile"));
    m_attach->setText(tr("Attach…"));
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setToolTip(tr("Attach one file (up to %1 MB; 2 credits instead of 1)")
                             .arg(MessagesService::MaxAttachmentBytes / (1024 * 1024)));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_usage->setObjectName(QStringLiteral("dailyUsage"));
    m_usage->setToolTip(tr("Messages this account sent today, and its daily cap"));
    m_problem->setObjectName(QStringLiteral("composerProblem"));
    m_problem->setWordWrap(true);
    QPalette red = m_problem->palette();
    red.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_problem->setPalette(red);
    m_problem->hide();

    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    m_undoBar->setAutoFillBackground(true);
    QPalette bar = m_undoBar->palette();
    bar.setColor(QPalette::Window, bar.color(QPalette::ToolTipBase));
    bar.setColor(QPalette::WindowText, bar.color(QPalette::ToolTipText));
    m_undoBar->setPalette(bar);
    auto *undo = new QPushButton(tr("Undo"), m_undoBar);
    undo->setObjectName(QStringLiteral("undoButton"));
    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(8, 4, 8, 4);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(undo);
    m_undoBar->hide();

    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(m_snippets);
    tools->addWidget(m_attach);
    tools->addWidget(m_attachmentLabel, 1);
    tools->addWidget(m_usage);
    tools->addWidget(m_send);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(4);
    layout->addWidget(m_undoBar);
    layout->addWidget(m_problem);
    layout->addWidget(m_edit);
    layout->addLayout(tools);

    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    connect(undo, &QPushButton::clicked, this, &Composer::undoSend);
    connect(m_attach, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Attach a file"));
        if (!path.isEmpty())
            setAttachment(path);
    });
    connect(m_edit, &QPlainTextEdit::textChanged, m_problem, &QWidget::hide);
    // A one-second tick for the countdown on the bar; the send itself is the Outbox's timer.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &Composer::updateUndoBar);
    if (m_outbox) {
        connect(m_outbox, &Outbox::itemChanged, this, [this](qint64 id, OutboxItem::State state) {
            if (id == m_undoId && state != OutboxItem::State::Queued) {
                m_undoId = 0;
                updateUndoBar();
            }
            updateUsage();
        });
    }
    if (m_snippetRepo)
        connect(m_snippetRepo, &SnippetRepository::changed, this, &Composer::rebuildSnippetMenu);
    rebuildSnippetMenu();
}

void Composer::setConversation(const QString &accountId, const QString &profileUrl,
                               const QString &conversationId)
{
    if (accountId == m_accountId && conversationId == m_conversationId && profileUrl == m_profileUrl)
        return;
    m_accountId = accountId;
    m_profileUrl = profileUrl;
    m_conversationId = conversationId;
    m_edit->clear();
    clearAttachment();
    m_problem->hide();
    setEnabled(!accountId.isEmpty());
    updateUsage();
}

void Composer::rebuildSnippetMenu()
{
    QMenu *menu = m_snippets->menu();
    menu->clear();
    const QList<Snippet> all = m_snippetRepo ? m_snippetRepo->all() : QList<Snippet>();
    for (const Snippet &s : all) {
        QAction *a = menu->addAction(s.name); // QAction text is plain
        connect(a, &QAction::triggered, this, [this, s] { insertSnippet(s); });
    }
    if (all.isEmpty())
        menu->addAction(tr("No snippets saved yet"))->setEnabled(false);
}

bool Composer::insertSnippet(const Snippet &snippet)
{
    QString text, problem;
    if (!m_filler(snippet.body, &text, &problem)) {
        showProblem(problem);
        return false;
    }
    m_edit->insertPlainText(text);
    m_edit->setFocus();
    return true;
}

bool Composer::setAttachment(const QString &path)
{
    MediaFile media;
    const ApiError error = MessagesService::readAttachment(path, &media);
    if (error.kind != ApiError::Kind::None) {
        showProblem(error.userMessage());
        return false;
    }
    m_attachment = path;
    m_attachmentLabel->setText(tr("Attachment: %1").arg(QFileInfo(path).fileName()));
    return true;
}

void Composer::clearAttachment()
{
    m_attachment.clear();
    m_attachmentLabel->clear();
}

void Composer::showProblem(const QString &sentence)
{
    m_problem->setText(sentence);
    m_problem->show();
}

qint64 Composer::send()
{
    if (!m_outbox || m_accountId.isEmpty())
        return 0;
    QString text = m_edit->toPlainText().trimmed();
    // Variables typed by hand, or left from a snippet, never go out unfilled.
    if (text.contains(QLatin1Char('{'))) {
        QString filled, problem;
        if (!m_filler(text, &filled, &problem)) {
            showProblem(problem);
            return 0;
        }
        text = filled;
    }
    OutgoingMessage message;
    message.accountId = m_accountId;
    message.profileUrl = m_profileUrl;
    message.conversationId = m_conversationId;
    message.text = text;
    message.attachmentPath = m_attachment;
    QString refusal;
    const qint64 id = m_outbox->enqueue(message, &refusal);
    if (id == 0) {
        showProblem(refusal.isEmpty() ? tr("The message could not be queued.") : refusal);
        return 0;
    }
    m_undoText = m_edit->toPlainText();
    m_edit->clear();
    clearAttachment();
    m_problem->hide();
    m_undoId = m_outbox->undoDelayMs() > 0 ? id : 0;
    m_tick->stop();
    updateUndoBar();
    updateUsage();
    Q_EMIT queued(id);
    return id;
}

bool Composer::undoSend()
{
    if (!m_outbox || m_undoId == 0)
        return false;
    const bool cancelled = m_outbox->cancel(m_undoId);
    m_undoId = 0;
    if (cancelled) {
        m_edit->setPlainText(m_undoText);
        m_edit->moveCursor(QTextCursor::End);
        m_edit->setFocus();
    }
    updateUndoBar();
    updateUsage();
    return cancelled;
}

void Composer::updateUndoBar()
{
    if (m_undoId == 0) {
        m_tick->stop();
        m_undoBar->hide();
        return;
    }
    if (!m_tick->isActive()) {
        m_undoDeadline = QDateTime::currentMSecsSinceEpoch() + m_outbox->undoDelayMs();
        m_tick->start();
    }
    const qint64 left = qMax<qint64>(0, m_undoDeadline - QDateTime::currentMSecsSinceEpoch());
    m_undoLabel->setText(tr("Sending in %n s — Undo", nullptr, int((left + 999) / 1000)));
    m_undoBar->show();
}

void Composer::updateUsage()
{
    if (!m_outbox || m_accountId.isEmpty()) {
        m_usage->clear();
        return;
    }
    const DailyUsage usage = m_outbox->dailyUsage(m_accountId);
    m_usage->setText(tr("%1 / %2 today").arg(usage.used).arg(usage.cap));
}

void Composer::focusEditor()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
}

} // namespace ld::ui
