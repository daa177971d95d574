#include "inboxpage.h"

#include "conversationlistdelegate.h"
#include "conversationpane.h"
#include "conversationview.h"
#include "plaintext.h"

#include "api/apierror.h"
#include "domain/profileurl.h"
#include "models/conversationmodel.h"
#include "models/inboxfilterproxy.h"
#include "models/inboxmodel.h"
#include "store/accountrepository.h"
#include "sync/inboxsync.h"
#include "sync/workspace.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ld::ui {

InboxPage::InboxPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_model(new InboxModel(workspace->conversations(), workspace->accounts(), this))
    , m_proxy(new InboxFilterProxy(this))
    , m_conversation(new ConversationModel(workspace->conversations(), workspace->outboxItems(), this))
    , m_search(new QLineEdit(this))
    , m_accountCombo(new QComboBox(this))
    , m_unread(new QToolButton(this))
    , m_done(new QToolButton(this))
    , m_list(new QListView(this))
    , m_empty(plainLabel({}, this))
    , m_status(plainLabel({}, this))
    , m_right(new QStackedWidget(this))
    , m_placeholder(plainLabel(tr("Select a conversation: J and K move, Enter opens, R replies."), this))
{
    setObjectName(QStringLiteral("inboxPage"));
    m_proxy->setSourceModel(m_model);

    m_search->setObjectName(QStringLiteral("inboxSearch"));
    m_search->setPlaceholderText(tr("Search names and messages (/)"));
    m_search->setAccessibleName(tr("Search conversations"));
    m_accountCombo->setObjectName(QStringLiteral("inboxAccount"));
    m_accountCombo->setAccessibleName(tr("Account"));
    m_accountCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_accountCombo->setMinimumContentsLength(10);
    m_unread->setObjectName(QStringLiteral("inboxUnread"));
    m_unread->setText(tr("Unread"));
    m_unread->setToolTip(tr("Show only unread conversations"));
    m_unread->setCheckable(true);
    m_done->setObjectName(QStringLiteral("inboxDone"));
    m_done->setText(tr("Done"));
    m_done->setToolTip(tr("Show the conversations marked done instead of the open ones"));
    m_done->setCheckable(true);

    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setModel(m_proxy);
    m_list->setItemDelegate(new ConversationListDelegate(m_list));
    m_list->setUniformItemSizes(true); // one row height: fast layout of thousands of rows
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAccessibleName(tr("Conversations"));
    m_empty->setObjectName(QStringLiteral("inboxEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("inboxStatus"));
    m_status->setWordWrap(true);
    QPalette muted = m_status->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_status->setPalette(muted);
    m_empty->setPalette(muted);
    m_placeholder->setPalette(muted);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(4);
    filters->addWidget(m_accountCombo, 1);
    filters->addWidget(m_unread);
    filters->addWidget(m_done);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 0, 8);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_search);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_empty, 1);
    leftLayout->addWidget(m_status);

    m_right->addWidget(m_placeholder); // the conversation pane joins when one is first shown
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    left->setMinimumWidth(320); // room for a name, the account badge and the time
    splitter->setSizes({ 340, 700 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    // Search as you type, in the store (FTS5): a keystroke is one indexed query of one page.
    connect(m_search, &QLineEdit::textChanged, this, &InboxPage::applyFilters);
    connect(m_accountCombo, &QComboBox::currentIndexChanged, this, &InboxPage::applyFilters);
    connect(m_unread, &QToolButton::toggled, this, &InboxPage::applyFilters);
    connect(m_done, &QToolButton::toggled, this, &InboxPage::applyFilters);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { showCurrent(false); });
    connect(m_list, &QListView::clicked, this, [this] { showCurrent(false); });
    connect(m_list, &QListView::doubleClicked, this, &InboxPage::openCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InboxPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &InboxPage::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &InboxPage::updateEmptyState);
    connect(m_ws->accounts(), &AccountRepository::accountsChanged, this, &InboxPage::fillAccountCombo);
    connect(m_ws->accounts(), &AccountRepository::accountsRemoved, this, &InboxPage::fillAccountCombo);
    connect(m_ws->inboxSync(), &InboxSync::inboxRefreshed, this, &InboxPage::onRefreshed);
    connect(m_ws->inboxSync(), &InboxSync::failed, this, &InboxPage::onRefreshFailed);

    createActions();
    fillAccountCombo();
    updateEmptyState();
    setFocusProxy(m_list);
}

void InboxPage::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QList<QKeySequence> &keys,
                       void (InboxPage::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        // Letters act while the focus is anywhere on this page; text fields keep their typing,
        // because a focused QLineEdit or QPlainTextEdit overrides shortcuts for printable keys.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(tr("%1 (%2)").arg(text, keys.value(0).toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions << a;
        return a;
    };
    make(QStringLiteral("nextConversation"), tr("Next conversation"), { QKeySequence(Qt::Key_J) },
         &InboxPage::selectNext);
    make(QStringLiteral("previousConversation"), tr("Previous conversation"),
         { QKeySequence(Qt::Key_K) }, &InboxPage::selectPrevious);
    QAction *open = make(QStringLiteral("openConversation"), tr("Open conversation"),
                         { QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter) },
                         &InboxPage::openCurrent);
    // Enter belongs to the list: elsewhere it is a new line or a button press.
    removeAction(open);
    open->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(open);
    make(QStringLiteral("reply"), tr("Reply"), { QKeySequence(Qt::Key_R) }, &InboxPage::reply);
    make(QStringLiteral("markDone"), tr("Mark done"), { QKeySequence(Qt::Key_E) },
         &InboxPage::toggleDone);
    make(QStringLiteral("toggleUnread"), tr("Toggle unread"), { QKeySequence(Qt::Key_U) },
         &InboxPage::toggleUnread);
    make(QStringLiteral("searchConversations"), tr("Search conversations"),
         { QKeySequence(Qt::Key_Slash) }, &InboxPage::focusSearch);
    make(QStringLiteral("sendMessage"), tr("Send message"),
         { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) },
         &InboxPage::send);
    make(QStringLiteral("backToList"), tr("Back to the conversation list"),
         { QKeySequence(Qt::Key_Escape) }, &InboxPage::focusList);
    make(QStringLiteral("undoSend"), tr("Undo send"), { QKeySequence(tr("Ctrl+Shift+Z")) },
         &InboxPage::undoSend);
}

// The composer, message list and profile panel are not part of the first frame (it shows the
// placeholder), so they are built when the first conversation is shown.
ConversationPane *InboxPage::pane()
{
    if (!m_pane) {
        m_pane = new ConversationPane(m_conversation, m_ws->inboxSync(), m_ws->outbox(),
                                      m_ws->snippets(), m_ws->profilesService(), m_right);
        m_right->addWidget(m_pane);
    }
    return m_pane;
}

void InboxPage::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    if (m_painted)
        return;
    m_painted = true;
    QTimer::singleShot(0, this, &InboxPage::finishAfterFirstPaint);
}

// What the first frame does not show: the search box's clear button appears only once there
// is text, and loading its icon costs as much as laying out the list.
void InboxPage::finishAfterFirstPaint()
{
    m_search->setClearButtonEnabled(true);
}

QList<QAction *> InboxPage::commands() const
{
    return m_actions;
}

qint64 InboxPage::currentKey() const
{
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() ? i.data(InboxModel::KeyRole).toLongLong() : 0;
}

void InboxPage::fillAccountCombo()
{
    const QString current = m_accountCombo->currentData().toString();
    const QSignalBlocker block(m_accountCombo);
    m_accountCombo->clear();
    m_accountCombo->addItem(tr("All accounts"), QString());
    for (const Account &a : m_ws->accounts()->all())
        m_accountCombo->addItem(a.name.isEmpty() ? a.id : a.name, a.id); // item text is plain
    m_accountCombo->setCurrentIndex(qMax(0, m_accountCombo->findData(current)));
}

void InboxPage::applyFilters()
{
    const qint64 key = currentKey();
    InboxFilter f = m_model->filter();
    const QString account = m_accountCombo->currentData().toString();
    f.accountIds = account.isEmpty() ? QStringList() : QStringList { account };
    f.unreadOnly = m_unread->isChecked();
    f.done = m_done->isChecked() ? InboxFilter::DoneState::DoneOnly : InboxFilter::DoneState::NotDone;
    f.search = m_search->text().trimmed();
    if (f == m_model->filter())
        return;
    m_model->setFilter(f);
    // Keep the conversation selected when the new filter still holds it.
    const int row = m_model->rowOfKey(key);
    if (row >= 0)
        m_list->setCurrentIndex(m_proxy->index(row, 0));
}

void InboxPage::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    if (empty) {
        const InboxFilter f = m_model->filter();
        if (!f.search.isEmpty())
            m_empty->setText(tr("No conversation matches “%1”.").arg(f.search));
        else if (f.unreadOnly || f.done != InboxFilter::DoneState::NotDone || !f.accountIds.isEmpty())
            m_empty->setText(tr("No conversation here with these filters."));
        else
            m_empty->setText(tr("No conversations stored yet. Press F5 to read the inbox of your "
                                "accounts (1 credit per 10 conversations)."));
    }
    m_empty->setVisible(empty);
    m_list->setVisible(!empty);
}

void InboxPage::selectRow(int row)
{
    while (row >= m_proxy->rowCount() && m_model->canFetchMore())
        m_model->fetchMore();
    row = qBound(0, row, m_proxy->rowCount() - 1);
    if (m_proxy->rowCount() == 0) {
        showCurrent(false);
        return;
    }
    m_list->setCurrentIndex(m_proxy->index(row, 0));
    m_list->scrollTo(m_list->currentIndex());
}

void InboxPage::moveSelection(int delta)
{
    const QModelIndex i = m_list->currentIndex();
    selectRow(i.isValid() ? i.row() + delta : 0);
}

void InboxPage::selectNext()
{
    moveSelection(1);
}

void InboxPage::selectPrevious()
{
    moveSelection(-1);
}

void InboxPage::showCurrent(bool read)
{
    const QModelIndex i = m_list->currentIndex();
    if (!i.isValid()) {
        if (m_pane)
            m_pane->clear();
        m_right->setCurrentWidget(m_placeholder);
        return;
    }
    OpenConversation c;
    c.key = i.data(InboxModel::KeyRole).toLongLong();
    c.accountId = i.data(InboxModel::AccountIdRole).toString();
    c.conversationId = i.data(InboxModel::ConversationIdRole).toString();
    c.name = i.data(Qt::DisplayRole).toString();
    c.headline = i.data(InboxModel::HeadlineRole).toString();
    c.profileUrl = i.data(InboxModel::ProfileUrlRole).toString();
    c.lastAt = i.data(InboxModel::LastTimeRole).toDateTime();
    pane()->showConversation(c, read);
    m_right->setCurrentWidget(m_pane);
}

void InboxPage::openCurrent()
{
    if (!m_list->currentIndex().isValid())
        selectRow(0);
    const qint64 key = currentKey();
    if (key == 0)
        return;
    showCurrent(true);
    // Opening reads it: a local "unread" mark (U) lasts until the conversation is opened.
    if (const auto row = m_ws->conversations()->row(key); row && row->markedUnread)
        m_ws->conversations()->setMarkedUnread(key, false);
    m_pane->view()->list()->setFocus(Qt::ShortcutFocusReason);
}

void InboxPage::reply()
{
    if (currentKey() == 0)
        return;
    showCurrent(true);
    m_pane->focusComposer();
}

// After E the next conversation is selected and the list keeps the focus, so E, E, E clears a
// run of conversations.
void InboxPage::toggleDone()
{
    const qint64 key = currentKey();
    if (key == 0)
        return;
    const int row = m_list->currentIndex().row();
    const auto stored = m_ws->conversations()->row(key);
    if (!stored)
        return;
    m_ws->conversations()->setDone(key, !stored->done);
    if (m_model->rowOfKey(key) < 0)
        selectRow(row);
    m_list->setFocus(Qt::ShortcutFocusReason);
}

void InboxPage::toggleUnread()
{
    const qint64 key = currentKey();
    if (key == 0)
        return;
    QWidget *focus = focusWidget();
    const int row = m_list->currentIndex().row();
    const auto stored = m_ws->conversations()->row(key);
    if (!stored)
        return;
    m_ws->conversations()->setMarkedUnread(key, !stored->markedUnread);
    if (m_model->rowOfKey(key) < 0)
        selectRow(row);
    if (focus)
        focus->setFocus(Qt::ShortcutFocusReason);
}

void InboxPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void InboxPage::focusList()
{
    if (m_proxy->rowCount() > 0 && !m_list->currentIndex().isValid())
        selectRow(0);
    m_list->setFocus(Qt::ShortcutFocusReason);
}

void InboxPage::send()
{
    if (!m_pane || m_pane->conversationKey() == 0)
        return;
    m_pane->send();
}

void InboxPage::undoSend()
{
    if (m_pane)
        m_pane->undoSend();
}

void InboxPage::refresh()
{
    if (!m_refreshing.isEmpty())
        return;
    QStringList accounts = m_model->filter().accountIds;
    if (accounts.isEmpty()) {
        // Inactive accounts would only fail: the sidebar already asks to reconnect them.
        for (const Account &a : m_ws->accounts()->all()) {
            if (a.isActive)
                accounts << a.id;
        }
    }
    if (accounts.isEmpty()) {
        m_status->setText(tr("No account to refresh: connect one first."));
        return;
    }
    m_refreshedConversations = 0;
    m_refreshCredits = 0;
    m_refreshErrors.clear();
    m_refreshing = QSet<QString>(accounts.cbegin(), accounts.cend());
    m_status->setText(tr("Refreshing the inbox…"));
    for (const QString &id : accounts)
        m_ws->inboxSync()->refreshInbox(id);
}

void InboxPage::onRefreshed(const QString &accountId, int conversations, int credits)
{
    m_refreshedConversations += conversations;
    m_refreshCredits += credits;
    finishRefreshStep(accountId);
}

void InboxPage::onRefreshFailed(const QString &accountId, const ApiError &error)
{
    if (!m_refreshing.contains(accountId))
        return;
    m_refreshErrors << error.userMessage();
    finishRefreshStep(accountId);
}

void InboxPage::finishRefreshStep(const QString &accountId)
{
    if (!m_refreshing.remove(accountId) || !m_refreshing.isEmpty())
        return;
    QString text = tr("Refreshed %n conversation(s)", nullptr, m_refreshedConversations);
    text = tr("%1 — %2").arg(text, tr("%Ln credit(s)", nullptr, m_refreshCredits));
    if (!m_refreshErrors.isEmpty())
        text = tr("%1. Some accounts failed: %2").arg(text, m_refreshErrors.join(QLatin1Char(' ')));
    m_status->setText(text);
    Q_EMIT statusMessage(text);
    if (!m_list->currentIndex().isValid() && m_proxy->rowCount() > 0)
        selectRow(0);
}

// A live message moved its conversation to the top of the account's list, so the first page
// nearly always holds it; the scan stops after a few pages rather than read 100,000 rows.
std::optional<ConversationRow> InboxPage::findConversation(const QString &accountId,
                                                           const QString &conversationId,
                                                           const QString &profileUrl) const
{
    ConversationRepository *repo = m_ws->conversations();
    if (!conversationId.isEmpty()) {
        if (auto row = repo->find(accountId, conversationId))
            return row;
    }
    const QString wanted = linkedInProfileId(profileUrl);
    if (wanted.isEmpty())
        return std::nullopt;
    InboxFilter f;
    f.accountIds = { accountId };
    f.done = InboxFilter::DoneState::Any;
    constexpr int PageRows = 200;
    constexpr int MaxPages = 5;
    std::optional<ConversationRow> after;
    for (int page = 0; page < MaxPages; ++page) {
        const QList<ConversationRow> rows = repo->page(f, PageRows, after);
        for (const ConversationRow &r : rows) {
            if (linkedInProfileId(r.conversation.participant.profileUrl) == wanted)
                return r;
        }
        if (rows.size() < PageRows)
            break;
        after = rows.constLast();
    }
    return std::nullopt;
}

bool InboxPage::openConversation(const QString &accountId, const QString &conversationId,
                                 const QString &profileUrl)
{
    const std::optional<ConversationRow> row
        = findConversation(accountId, conversationId, profileUrl);
    if (!row)
        return false;
    // Widen what hides it: another account, unread only, the other done state, a search.
    const QString shownAccount = m_accountCombo->currentData().toString();
    if (!shownAccount.isEmpty() && shownAccount != accountId)
        m_accountCombo->setCurrentIndex(qMax(0, m_accountCombo->findData(accountId)));
    if (m_unread->isChecked() && !row->isUnread())
        m_unread->setChecked(false);
    if (m_done->isChecked() != row->done)
        m_done->setChecked(row->done);
    if (!m_search->text().isEmpty())
        m_search->clear();
    int at = m_model->rowOfKey(row->key);
    while (at < 0 && m_model->canFetchMore()) {
        m_model->fetchMore();
        at = m_model->rowOfKey(row->key);
    }
    if (at < 0)
        return false;
    m_list->setCurrentIndex(m_proxy->index(at, 0));
    m_list->scrollTo(m_list->currentIndex());
    openCurrent();
    return true;
}

} // namespace ld::ui
