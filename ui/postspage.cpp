#include "postspage.h"

#include "messagebar.h"
#include "plaintext.h"
#include "postcomposer.h"
#include "postdraftdelegate.h"
#include "posthistorypanel.h"

#include "models/postdraftmodel.h"
#include "store/accountrepository.h"
#include "sync/postpublisher.h"
#include "sync/workspace.h"

#include <QAction>
#include <QHBoxLayout>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTimer>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

constexpr int UndoShownMs = 15000;

QList<Draft::State> statesOf(PostsPage::Section section)
{
    switch (section) {
    case PostsPage::DraftsSection:
        return { Draft::State::Draft, Draft::State::Publishing };
    case PostsPage::ScheduledSection:
        return { Draft::State::Scheduled };
    case PostsPage::AttentionSection:
        return { Draft::State::Failed, Draft::State::Unknown };
    case PostsPage::PublishedSection:
        break;
    }
    return {};
}

// An empty list says what would be in it, and how it gets there.
class HintListView : public QListView
{
public:
    HintListView(const QString &hint, QWidget *parent)
        : QListView(parent)
        , m_hint(hint)
    { }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QListView::paintEvent(event);
        if (!model() || model()->rowCount() > 0)
            return;
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(16, 16, -16, -16),
            Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_hint);
    }

private:
    QString m_hint;
};

QString hintOf(PostsPage::Section section)
{
    switch (section) {
    case PostsPage::DraftsSection:
        return PostsPage::tr("No drafts. Write a post on the right: it is saved as you type.");
    case PostsPage::ScheduledSection:
        return PostsPage::tr("Nothing scheduled. Schedule… (Ctrl+Shift+Return) publishes a post "
                             "at the time you choose.");
    case PostsPage::AttentionSection:
        return PostsPage::tr("Nothing needs you. A post that failed, or that may or may not "
                             "have been published, is listed here.");
    case PostsPage::PublishedSection:
        break;
    }
    return {};
}

} // namespace

PostsPage::PostsPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_sections(new QTabBar(this))
    , m_undoBar(new MessageBar(this))
    , m_undoTimeout(new QTimer(this))
    , m_stack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_lists(new QStackedWidget(this))
    , m_composer(new PostComposer(workspace, this))
    , m_history(new PostHistoryPanel(workspace, this))
    , m_newButton(new QPushButton(tr("&New post"), this))
{
    setObjectName(QStringLiteral("postsPage"));
    m_sections->setObjectName(QStringLiteral("postSections"));
    m_sections->setExpanding(false);
    m_sections->setDrawBase(false);
    for (int i = 0; i < 4; ++i)
        m_sections->addTab(QString());
    m_undoBar->setObjectName(QStringLiteral("postsUndoBar"));
    m_undoTimeout->setSingleShot(true);
    m_undoTimeout->setInterval(UndoShownMs);
    connect(m_undoTimeout, &QTimer::timeout, m_undoBar, &QWidget::hide);
    m_newButton->setObjectName(QStringLiteral("newPostButton"));
    m_newButton->setToolTip(tr("Start a new post (Ctrl+N)"));
    m_newButton->setAutoDefault(false);

    for (int s = DraftsSection; s <= AttentionSection; ++s) {
        const auto section = Section(s);
        m_models[s] = new PostDraftModel(m_ws->drafts(), m_ws->accounts(), statesOf(section), this);
        m_views[s] = makeList(section, m_models[s]);
        m_lists->addWidget(m_views[s]);
    }
    m_lists->setMinimumWidth(240);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_lists);
    m_splitter->addWidget(m_composer);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ 300, 640 });
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_history);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 12, 0);
    top->addWidget(m_sections);
    top->addStretch(1);
    top->addWidget(m_newButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_undoBar);
    layout->addWidget(m_stack, 1);

    connect(m_sections, &QTabBar::currentChanged, this, &PostsPage::onSectionChanged);
    connect(m_newButton, &QPushButton::clicked, this, &PostsPage::newPost);
    connect(m_composer, &PostComposer::statusMessage, this, &PostsPage::statusMessage);
    connect(m_composer, &PostComposer::draftCreated, this,
        [this](qint64 id) { selectDraft(DraftsSection, id); });
    connect(m_ws->drafts(), &DraftRepository::draftChanged, this, &PostsPage::onDraftChanged);
    connect(
        m_ws->postPublisher(), &PostPublisher::published, this, [this](qint64, const QString &url) {
            Q_EMIT statusMessage(url.isEmpty() ? tr("Published.") : tr("Published: %1").arg(url));
        });
    connect(m_ws->postPublisher(), &PostPublisher::failed, this,
        [this](qint64, const QString &reason) { Q_EMIT statusMessage(reason); });

    createActions();
    updateSectionTitles();
    onSectionChanged(DraftsSection);
    setFocusProxy(m_composer);
}

// The composer saves what is pending, and the store's signals must not reach a page whose
// widgets are being taken down.
PostsPage::~PostsPage()
{
    disconnect(m_ws->drafts(), nullptr, this, nullptr);
    m_composer->flush();
}

QListView *PostsPage::makeList(Section section, PostDraftModel *model)
{
    // A row leaving the list (published, scheduled, deleted) moves the view's current index to
    // a neighbour; that is no choice of the person's, so the composer must not follow it. These
    // run before the view's own handlers, being connected before setModel().
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { ++m_removing; });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this, section] {
        --m_removing;
        syncSelection(section);
    });
    auto *view = new HintListView(hintOf(section), this);
    view->setObjectName(QStringLiteral("postList%1").arg(int(section)));
    view->setModel(model);
    view->setItemDelegate(new PostDraftDelegate(view));
    view->setUniformItemSizes(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this, section](const QModelIndex &current) { onCurrentRowChanged(section, current); });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(model, signal, this, &PostsPage::updateSectionTitles);
    connect(model, &QAbstractItemModel::modelReset, this, &PostsPage::updateSectionTitles);
    return view;
}

void PostsPage::createActions()
{
    auto make
        = [this](const QString &name, const QString &text, const QKeySequence &key, auto slot) {
              auto *a = new QAction(text, this);
              a->setObjectName(name);
              a->setShortcut(key);
              a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
              a->setToolTip(tr("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
              connect(a, &QAction::triggered, this, slot);
              addAction(a);
              m_actions << a;
              return a;
          };
    m_newAction = make(
        QStringLiteral("newPost"), tr("New post"), QKeySequence(tr("Ctrl+N")), &PostsPage::newPost);
    // Ctrl+N means a new post wherever the focus is while the page is shown (the main window
    // lends it; elsewhere it connects an account).
    m_newAction->setShortcutContext(Qt::WindowShortcut);
    m_duplicateAction = make(QStringLiteral("duplicatePost"), tr("Duplicate the draft"),
        QKeySequence(tr("Ctrl+D")), &PostsPage::duplicateSelected);
    // Del belongs to the lists: in the editor it deletes a character.
    m_deleteAction = make(QStringLiteral("deletePost"), tr("Delete the draft"),
        QKeySequence(QKeySequence::Delete), &PostsPage::deleteSelected);
    removeAction(m_deleteAction);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    for (QListView *view : m_views)
        view->addAction(m_deleteAction);
    m_actions += m_composer->commands();
}

void PostsPage::setUrlOpener(std::function<void(const QUrl &)> opener)
{
    m_composer->setUrlOpener(opener);
    m_history->setUrlOpener(opener);
}

PostsPage::Section PostsPage::sectionOf(int draftState)
{
    switch (Draft::State(draftState)) {
    case Draft::State::Draft:
    case Draft::State::Publishing:
        return DraftsSection;
    case Draft::State::Scheduled:
        return ScheduledSection;
    case Draft::State::Failed:
    case Draft::State::Unknown:
        return AttentionSection;
    case Draft::State::Published:
        break;
    }
    return PublishedSection;
}

QListView *PostsPage::listView(Section section) const
{
    return section == PublishedSection ? nullptr : m_views[section];
}

PostDraftModel *PostsPage::model(Section section) const
{
    return section == PublishedSection ? nullptr : m_models[section];
}

void PostsPage::showSection(Section section)
{
    m_sections->setCurrentIndex(section);
}

PostsPage::Section PostsPage::section() const
{
    return Section(qMax(0, m_sections->currentIndex()));
}

void PostsPage::updateSectionTitles()
{
    const QString titles[] = { tr("Drafts"), tr("Scheduled"), tr("Needs attention") };
    for (int s = DraftsSection; s <= AttentionSection; ++s) {
        const int rows = m_models[s]->rowCount();
        m_sections->setTabText(s, rows ? tr("%1 (%2)").arg(titles[s]).arg(rows) : titles[s]);
    }
    const int attention = m_models[AttentionSection]->rowCount();
    m_sections->setTabTextColor(
        AttentionSection, attention ? problemColor() : palette().color(QPalette::WindowText));
    m_sections->setTabText(PublishedSection, tr("Published"));
}

void PostsPage::onSectionChanged(int index)
{
    const auto section = Section(qMax(0, index));
    if (section == PublishedSection) {
        m_composer->flush();
        m_stack->setCurrentWidget(m_history);
        return;
    }
    m_stack->setCurrentWidget(m_splitter);
    m_lists->setCurrentWidget(m_views[section]);
    // The composer's draft stays in front when it belongs here; else the row last selected
    // in this section, or its first.
    if (m_models[section]->rowOfId(m_composer->draftId()) >= 0) {
        selectDraft(section, m_composer->draftId());
        return;
    }
    if (m_selecting)
        return;
    QModelIndex current = m_views[section]->currentIndex();
    if (!current.isValid() && section != DraftsSection && m_models[section]->rowCount() > 0)
        current = m_models[section]->index(0);
    if (!current.isValid())
        return;
    m_selecting = true;
    m_views[section]->setCurrentIndex(current);
    m_selecting = false;
    m_composer->openDraft(current.data(PostDraftModel::IdRole).toLongLong());
}

void PostsPage::onCurrentRowChanged(Section section, const QModelIndex &current)
{
    if (m_selecting || m_removing > 0 || !current.isValid() || section != this->section())
        return;
    m_composer->openDraft(current.data(PostDraftModel::IdRole).toLongLong());
}

void PostsPage::selectDraft(Section section, qint64 id)
{
    const int row = m_models[section]->rowOfId(id);
    if (row < 0)
        return;
    m_selecting = true;
    m_views[section]->setCurrentIndex(m_models[section]->index(row));
    m_selecting = false;
}

// The list highlights the composer's draft, or nothing.
void PostsPage::syncSelection(Section section)
{
    QListView *view = m_views[section];
    if (m_models[section]->rowOfId(m_composer->draftId()) >= 0) {
        selectDraft(section, m_composer->draftId());
        return;
    }
    m_selecting = true;
    view->selectionModel()->clearCurrentIndex();
    view->clearSelection();
    m_selecting = false;
}

// The draft in the composer moved to another section (scheduled, failed, unknown, back to the
// drafts): the page follows it there, so the person sees what happened. A published one stays
// in the composer with its link.
void PostsPage::onDraftChanged(qint64 id)
{
    if (id == 0 || id != m_composer->draftId())
        return;
    const std::optional<Draft> draft = m_ws->drafts()->find(id);
    if (!draft || draft->deletedAt.isValid() || draft->state == Draft::State::Published)
        return;
    const Section target = sectionOf(int(draft->state));
    if (target != section() && section() != PublishedSection) {
        m_selecting = true;
        showSection(target);
        m_selecting = false;
    }
    selectDraft(target, id);
}

void PostsPage::openDraft(qint64 id)
{
    const std::optional<Draft> draft = m_ws->drafts()->find(id);
    if (!draft)
        return;
    m_composer->openDraft(id);
    if (draft->state != Draft::State::Published) {
        m_selecting = true;
        showSection(sectionOf(int(draft->state)));
        m_selecting = false;
        selectDraft(sectionOf(int(draft->state)), id);
    }
}

void PostsPage::newPost()
{
    showSection(DraftsSection);
    m_views[DraftsSection]->selectionModel()->clearCurrentIndex();
    m_views[DraftsSection]->clearSelection();
    m_composer->newDraft(m_accountId);
    m_composer->focusEditor();
}

// The draft of the list that has the focus, else the composer's.
qint64 PostsPage::selectedDraftId() const
{
    if (section() != PublishedSection) {
        const QModelIndex current = m_views[section()]->currentIndex();
        if (current.isValid())
            return current.data(PostDraftModel::IdRole).toLongLong();
    }
    return m_composer->draftId();
}

qint64 PostsPage::duplicateSelected()
{
    m_composer->flush();
    const qint64 source = selectedDraftId();
    const qint64 copy = source ? m_ws->drafts()->duplicate(source) : 0;
    if (!copy) {
        Q_EMIT statusMessage(tr("Select a draft to duplicate."));
        return 0;
    }
    openDraft(copy);
    m_composer->focusEditor();
    Q_EMIT statusMessage(tr("Duplicated: the copy is a new draft."));
    return copy;
}

bool PostsPage::deleteSelected()
{
    const qint64 id = selectedDraftId();
    const std::optional<Draft> draft = id ? m_ws->drafts()->find(id) : std::nullopt;
    if (!draft || draft->deletedAt.isValid())
        return false;
    if (draft->state == Draft::State::Publishing) {
        Q_EMIT statusMessage(tr("This post is being published; it cannot be deleted now."));
        return false;
    }
    const bool shown = id == m_composer->draftId();
    if (shown)
        m_composer->flush();
    // The composer moves on to the draft next to it in the list, as a mail client does.
    qint64 next = 0;
    if (section() != PublishedSection) {
        const PostDraftModel *model = m_models[section()];
        const int row = model->rowOfId(id);
        const int neighbour = row + 1 < model->rowCount() ? row + 1 : row - 1;
        if (row >= 0 && neighbour >= 0)
            next = model->index(neighbour).data(PostDraftModel::IdRole).toLongLong();
    }
    // A scheduled post leaves the queue first, so that nothing publishes a deleted post; Undo
    // brings it back as a draft.
    if (draft->state == Draft::State::Scheduled)
        m_ws->postPublisher()->unschedule(id);
    if (!m_ws->drafts()->remove(id)) {
        Q_EMIT statusMessage(tr("The draft could not be deleted. Try again."));
        return false;
    }
    m_deletedId = id;
    if (shown) {
        if (next)
            openDraft(next);
        else
            m_composer->newDraft(m_accountId);
    }
    m_undoBar->showMessage(MessageBar::Kind::Info,
        draft->state == Draft::State::Scheduled
            ? tr("Scheduled post deleted: it will not be published.")
            : tr("Draft deleted."),
        tr("&Undo"), [this] { undoDelete(); });
    m_undoTimeout->start();
    return true;
}

bool PostsPage::undoDelete()
{
    const qint64 id = m_deletedId;
    m_deletedId = 0;
    m_undoBar->hide();
    if (!id || !m_ws->drafts()->restore(id))
        return false;
    openDraft(id);
    Q_EMIT statusMessage(tr("The draft is back."));
    return true;
}

void PostsPage::focusList()
{
    if (section() == PublishedSection)
        m_history->setFocus();
    else
        m_views[section()]->setFocus();
}

} // namespace ld::ui
