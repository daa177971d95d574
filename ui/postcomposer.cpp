#include "postcomposer.h"

#include "plaintext.h"
#include "postattachments.h"
#include "poststatepanel.h"

#include "domain/post.h"
#include "store/accountrepository.h"
#include "sync/draftautosaver.h"
#include "sync/postpublisher.h"
#include "sync/workspace.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ld::ui {

PostComposer::PostComposer(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_autosaver(new DraftAutosaver(workspace->drafts(), this))
    , m_openUrl([](const QUrl &url) { QDesktopServices::openUrl(url); })
    , m_state(new PostStatePanel(this))
    , m_account(new QComboBox(this))
    , m_company(new QLineEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_edit(new QPlainTextEdit(this))
    , m_counter(plainLabel({}, this))
    , m_attachments(new PostAttachments(this))
    , m_previewText(new QPlainTextEdit(this))
    , m_previewAuthor(plainLabel({}, this))
    , m_previewImages(new QWidget(this))
    , m_problem(wrappedLabel(QStringLiteral("postProblem"), this))
    , m_saveState(plainLabel({}, this))
    , m_schedule(new QPushButton(tr("&Schedule…"), this))
    , m_publish(new QPushButton(tr("&Publish…"), this))
{
    setObjectName(QStringLiteral("postComposer"));
    m_account->setObjectName(QStringLiteral("postAccount"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_company->setObjectName(QStringLiteral("postCompanyUrl"));
    m_company->setClearButtonEnabled(true);
    m_problem->setObjectName(QStringLiteral("postProblem"));
    setTextColor(m_problem, problemColor());
    m_saveState->setObjectName(QStringLiteral("postSaveState"));
    mute(m_saveState);
    m_schedule->setObjectName(QStringLiteral("scheduleButton"));
    m_schedule->setToolTip(tr("Publish at a time you choose (Ctrl+Shift+Return)"));
    m_publish->setObjectName(QStringLiteral("publishButton"));
    m_publish->setToolTip(tr("Publish now (Ctrl+Return); costs 1 credit"));
    m_publish->setDefault(false);

    auto *who = new QFormLayout;
    who->setContentsMargins(0, 0, 0, 0);
    who->addRow(tr("Post &as:"), m_account);
    who->addRow(tr("Company &page:"), m_company);
    m_tabs->setObjectName(QStringLiteral("composerTabs"));
    m_tabs->addTab(buildWriteTab(), tr("&Write"));
    m_tabs->addTab(buildPreviewTab(), tr("Pre&view"));
    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_saveState, 1);
    bottom->addWidget(m_schedule);
    bottom->addWidget(m_publish);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);
    layout->addWidget(m_state);
    layout->addLayout(who);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problem);
    layout->addLayout(bottom);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &PostComposer::onEdited);
    connect(m_account, &QComboBox::currentIndexChanged, this, &PostComposer::onEdited);
    connect(m_company, &QLineEdit::textChanged, this, &PostComposer::onEdited);
    connect(m_attachments, &PostAttachments::changed, this, &PostComposer::onEdited);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PostComposer::updatePreview);
    connect(m_publish, &QPushButton::clicked, this, &PostComposer::publish);
    connect(m_schedule, &QPushButton::clicked, this, &PostComposer::schedule);

    connect(m_autosaver, &DraftAutosaver::draftCreated, this, [this](qint64 id) {
        m_draft = m_ws->drafts()->find(id);
        Q_EMIT draftCreated(id);
    });
    connect(m_autosaver, &DraftAutosaver::saved, this, [this](qint64, const QDateTime &at) {
        m_saveState->setText(tr("Saved"));
        m_saveState->setToolTip(
            tr("Saved at %1")
                .arg(QLocale().toString(at.toLocalTime().time(), QLocale::LongFormat)));
        mute(m_saveState);
    });
    connect(m_autosaver, &DraftAutosaver::saveFailed, this, [this](const QString &reason) {
        m_saveState->setText(reason);
        setTextColor(m_saveState, problemColor());
    });
    connect(m_ws->drafts(), &DraftRepository::draftChanged, this, &PostComposer::onDraftChanged);
    connect(m_ws->drafts(), &DraftRepository::historyChanged, this, &PostComposer::updateState);
    connect(
        m_ws->accounts(), &AccountRepository::accountsChanged, this, &PostComposer::fillAccounts);
    connect(
        m_ws->accounts(), &AccountRepository::accountsRemoved, this, &PostComposer::fillAccounts);
    PostStatePanel *state = m_state;
    connect(state, &PostStatePanel::openPostRequested, this,
        [this](const QString &url) { m_openUrl(QUrl(url)); });
    connect(state, &PostStatePanel::publishAgainRequested, this, &PostComposer::publish);
    connect(state, &PostStatePanel::publishNowRequested, this, &PostComposer::publish);
    connect(state, &PostStatePanel::rescheduleRequested, this, &PostComposer::schedule);
    connect(state, &PostStatePanel::unscheduleRequested, this, &PostComposer::unschedule);
    connect(state, &PostStatePanel::openActivityRequested, this, &PostComposer::openActivity);
    connect(
        state, &PostStatePanel::confirmPublishedRequested, this, &PostComposer::confirmPublished);
    connect(state, &PostStatePanel::confirmNotPublishedRequested, this,
        &PostComposer::confirmNotPublished);

    createActions();
    fillAccounts();
    newDraft();
    setFocusProxy(m_edit);
}

PostComposer::~PostComposer()
{
    disconnect(m_ws->drafts(), nullptr, this, nullptr);
    m_autosaver->flush();
}

QWidget *PostComposer::buildWriteTab()
{
    auto *tab = new QWidget(this);
    m_edit->setParent(tab);
    m_edit->setObjectName(QStringLiteral("postEditor"));
    m_edit->setPlaceholderText(tr("What do you want to talk about?"));
    m_edit->setTabChangesFocus(true);
    m_counter->setParent(tab);
    m_counter->setObjectName(QStringLiteral("postCounter"));
    m_counter->setToolTip(tr("Characters as LinkedIn counts them (an emoji is one), and its "
                             "limit"));
    m_attachments->setParent(tab);
    auto *counterRow = new QHBoxLayout;
    counterRow->addStretch(1);
    counterRow->addWidget(m_counter);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_edit, 1);
    layout->addLayout(counterRow);
    layout->addWidget(m_attachments);
    return tab;
}

// The text exactly as it goes out (plain text: LinkedIn shows no markup), then the images.
QWidget *PostComposer::buildPreviewTab()
{
    auto *tab = new QWidget(this);
    m_previewAuthor->setParent(tab);
    m_previewAuthor->setObjectName(QStringLiteral("previewAuthor"));
    QFont bold = m_previewAuthor->font();
    bold.setWeight(QFont::DemiBold);
    m_previewAuthor->setFont(bold);
    m_previewText->setParent(tab);
    m_previewText->setObjectName(QStringLiteral("previewText"));
    m_previewText->setReadOnly(true);
    m_previewText->setFrameShape(QFrame::NoFrame);
    m_previewImages->setParent(tab);
    m_previewImages->setObjectName(QStringLiteral("previewImages"));
    auto *images = new QHBoxLayout(m_previewImages);
    images->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addWidget(m_previewAuthor);
    layout->addWidget(m_previewText, 1);
    layout->addWidget(m_previewImages);
    return tab;
}

void PostComposer::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QList<QKeySequence> &keys,
                    bool (PostComposer::*slot)()) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(tr("%1 (%2)").arg(text, keys.value(0).toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions << a;
    };
    make(QStringLiteral("publishPost"), tr("Publish the post"),
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) },
        &PostComposer::publish);
    make(QStringLiteral("schedulePost"), tr("Schedule the post"),
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Enter) },
        &PostComposer::schedule);
}

void PostComposer::fillAccounts()
{
    const QString current = m_account->currentData().toString();
    const bool loading = m_loading;
    m_loading = true; // the same account, listed again, is no edit
    m_account->clear();
    for (const Account &a : m_ws->accounts()->all()) {
        const QString label = a.isActive ? a.name : tr("%1 (signed out of LinkedIn)").arg(a.name);
        m_account->addItem(label.isEmpty() ? a.id : label, a.id);
    }
    if (!current.isEmpty() && m_account->findData(current) < 0)
        m_account->addItem(current, current); // a draft's account no longer listed
    m_account->setCurrentIndex(qMax(0, m_account->findData(current)));
    m_loading = loading;
    if (current.isEmpty() && m_account->count() > 0 && !m_draft)
        updateAll(); // the first accounts arrived: the new post has someone to post as
}

qint64 PostComposer::draftId() const
{
    return m_autosaver->draftId();
}

std::optional<Draft> PostComposer::currentDraft() const
{
    return m_draft;
}

bool PostComposer::flush()
{
    if (m_autosaver->flush())
        return true;
    showProblem(m_autosaver->lastError());
    return false;
}

void PostComposer::openDraft(qint64 id)
{
    if (id != 0 && id == draftId()) {
        m_draft = m_ws->drafts()->find(id);
        updateAll();
        return;
    }
    const std::optional<Draft> draft = m_ws->drafts()->find(id);
    if (!draft)
        return;
    m_autosaver->flush();
    m_autosaver->setDraftId(id);
    m_draft = draft;
    m_shownProblem.clear();
    loadFields(*draft);
    m_saveState->clear();
}

void PostComposer::newDraft(const QString &accountId)
{
    m_autosaver->flush();
    m_autosaver->setDraftId(0);
    m_draft.reset();
    m_shownProblem.clear();
    Draft empty;
    empty.accountId = accountId;
    if (empty.accountId.isEmpty()) {
        for (const Account &a : m_ws->accounts()->all()) {
            if (a.isActive) {
                empty.accountId = a.id;
                break;
            }
        }
    }
    loadFields(empty);
    m_saveState->clear();
    m_tabs->setCurrentIndex(0);
}

void PostComposer::loadFields(const Draft &draft)
{
    m_loading = true;
    int index = m_account->findData(draft.accountId);
    if (index < 0 && !draft.accountId.isEmpty()) {
        m_account->addItem(draft.accountId, draft.accountId);
        index = m_account->count() - 1;
    }
    m_account->setCurrentIndex(index);
    m_company->setText(draft.companyUrl);
    if (m_edit->toPlainText() != draft.text)
        m_edit->setPlainText(draft.text);
    m_attachments->setMedia(draft.media);
    m_loading = false;
    updateAll();
}

Draft PostComposer::fieldsContent() const
{
    Draft d;
    d.accountId = m_account->currentData().toString();
    d.companyUrl = m_company->text().trimmed();
    d.text = m_edit->toPlainText();
    d.media = m_attachments->media();
    return d;
}

void PostComposer::onEdited()
{
    if (m_loading || (m_draft && !m_draft->isEditable()))
        return;
    m_shownProblem.clear();
    m_autosaver->contentChanged(fieldsContent());
    m_saveState->setText(tr("Saving…"));
    mute(m_saveState);
    updateCounter();
    updateProblem();
    if (m_tabs->currentIndex() == 1)
        updatePreview();
}

// A change from elsewhere (the publisher, the list's actions): the state is shown again, and
// the content too unless the person is typing (their text wins and is saved next).
void PostComposer::onDraftChanged(qint64 id)
{
    if (id == 0 || id != draftId())
        return;
    const std::optional<Draft> stored = m_ws->drafts()->find(id);
    if (!stored)
        return;
    const bool stateChanged = !m_draft || m_draft->state != stored->state;
    m_draft = stored;
    const Draft shown = fieldsContent();
    const bool sameContent = shown.text == stored->text && shown.accountId == stored->accountId
        && shown.companyUrl == stored->companyUrl && shown.media == stored->media;
    if (!sameContent && (!stored->isEditable() || !m_autosaver->hasUnsavedChanges()))
        loadFields(*stored);
    else if (stateChanged)
        updateAll();
}

void PostComposer::updateAll()
{
    updateState();
    updateCounter();
    updateProblem();
    updatePreview();
}

void PostComposer::updateState()
{
    const bool editable = !m_draft || m_draft->isEditable();
    std::optional<PublishedPostRecord> published;
    if (m_draft && m_draft->state == Draft::State::Published)
        published = m_ws->drafts()->publishedFor(m_draft->id);
    m_state->showDraft(m_draft.value_or(Draft()), published);
    m_edit->setReadOnly(!editable);
    m_account->setEnabled(editable);
    m_company->setReadOnly(!editable);
    m_company->setPlaceholderText(editable ? tr("Optional: https://www.linkedin.com/company/… to "
                                                "post as a page the account manages")
                                           : QString());
    m_attachments->setReadOnly(!editable);
    m_publish->setVisible(editable);
    m_schedule->setVisible(editable);
    if (!editable)
        m_saveState->clear(); // the state panel says where the post stands
    m_publish->setText(m_draft && m_draft->state == Draft::State::Failed ? tr("&Publish again…")
                                                                         : tr("&Publish…"));
}

void PostComposer::updateCounter()
{
    const int length = PostText::length(m_edit->toPlainText());
    m_counter->setText(counterText(length));
    if (length > PostText::Limit)
        setTextColor(m_counter, problemColor());
    else
        mute(m_counter);
}

// Publish is enabled only for content that can go; the reason is shown once there is
// something to judge (an empty new post is not scolded).
void PostComposer::updateProblem()
{
    const Draft content = fieldsContent();
    const bool editable = !m_draft || m_draft->isEditable();
    const QString problem = contentProblem(content);
    const bool blank = content.text.isEmpty() && content.media.isEmpty();
    const QString shown = !m_shownProblem.isEmpty() ? m_shownProblem
        : (editable && !blank)                      ? problem
                                                    : QString();
    m_problem->setText(shown);
    m_problem->setVisible(!shown.isEmpty());
    m_publish->setEnabled(editable && problem.isEmpty());
    m_schedule->setEnabled(editable && problem.isEmpty());
    m_publish->setToolTip(
        problem.isEmpty() ? tr("Publish now (Ctrl+Return); costs 1 credit") : problem);
}

QString PostComposer::contentProblem(const Draft &content) const
{
    if (content.accountId.isEmpty())
        return m_account->count() == 0
            ? tr("Connect a LinkedIn account first (Connect account…), then write the post.")
            : tr("Choose the account to post as.");
    if (!isCompanyUrl(content.companyUrl))
        return tr("The company page must be an address like "
                  "https://www.linkedin.com/company/acme, or empty to post as the account.");
    return PostText::problem(content.text, !content.media.isEmpty());
}

void PostComposer::updatePreview()
{
    if (m_tabs->currentIndex() != 1)
        return;
    const Draft content = fieldsContent();
    m_previewAuthor->setText(postingAs(content));
    m_previewText->setPlainText(content.text);
    QLayout *row = m_previewImages->layout();
    while (QLayoutItem *item = row->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const PostMediaRef &m : content.media) {
        QLabel *picture = plainLabel({}, m_previewImages);
        if (m.isVideo) {
            picture->setText(tr("Video: %1").arg(QFileInfo(m.path).fileName()));
        } else {
            picture->setPixmap(PostAttachments::thumbnailOf(m.path, 180));
            picture->setToolTip(plainToolTip(m.altText));
        }
        row->addWidget(picture);
        picture->show(); // a child added to a shown widget waits for the event loop otherwise
    }
    static_cast<QHBoxLayout *>(row)->addStretch(1);
    m_previewImages->setVisible(!content.media.isEmpty());
}

void PostComposer::showProblem(const QString &sentence)
{
    m_shownProblem = sentence;
    m_problem->setText(sentence);
    m_problem->setVisible(!sentence.isEmpty());
}

bool PostComposer::isCompanyUrl(const QString &url)
{
    static const QRegularExpression page(
        QStringLiteral(
            R"(^(https?://)?([a-z]{2,3}\.)?linkedin\.com/company/[^/?#\s]+/?([?#]\S*)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    return url.trimmed().isEmpty() || page.match(url.trimmed()).hasMatch();
}

QString PostComposer::counterText(int length)
{
    const QLocale locale;
    return tr("%1 / %2").arg(locale.toString(length), locale.toString(PostText::Limit));
}

QString PostComposer::accountName(const QString &accountId) const
{
    const std::optional<Account> account = m_ws->accounts()->find(accountId);
    return account && !account->name.isEmpty() ? account->name : accountId;
}

QString PostComposer::postingAs(const Draft &draft) const
{
    if (!draft.companyUrl.isEmpty())
        return tr("the page %1 (through %2)").arg(draft.companyUrl, accountName(draft.accountId));
    return accountName(draft.accountId);
}

void PostComposer::focusEditor()
{
    m_tabs->setCurrentIndex(0);
    m_edit->setFocus(Qt::ShortcutFocusReason);
}

} // namespace ld::ui
