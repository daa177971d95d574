#include "postreactionsdialog.h"

#include "plaintext.h"

#include "api/apicall.h"
#include "domain/post.h"
#include "services/contentservice.h"
#include "sync/workspace.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

constexpr int PageSize = 10;

// Item views draw DisplayRole as plain text; tooltips would guess rich text, so they are
// escaped. Every remote string goes through here.
void setPlain(QTreeWidgetItem *item, int column, const QString &text)
{
    item->setText(column, text);
    if (!text.isEmpty())
        item->setToolTip(column, plainToolTip(text));
}

// "LIKE" reads better as "Like"; unknown words are kept as the server sent them.
QString reactionName(const QString &type)
{
    if (type == QLatin1String("LIKE"))
        return PostReactionsDialog::tr("Like");
    if (type == QLatin1String("PRAISE"))
        return PostReactionsDialog::tr("Celebrate");
    if (type == QLatin1String("EMPATHY"))
        return PostReactionsDialog::tr("Love");
    if (type == QLatin1String("INTEREST"))
        return PostReactionsDialog::tr("Insightful");
    if (type == QLatin1String("APPRECIATION"))
        return PostReactionsDialog::tr("Support");
    if (type == QLatin1String("ENTERTAINMENT"))
        return PostReactionsDialog::tr("Funny");
    return type;
}

} // namespace

PostReactionsDialog::PostReactionsDialog(
    Workspace *workspace, const QString &accountId, const QString &postUrl, QWidget *parent)
    : QDialog(parent)
    , m_ws(workspace)
    , m_accountId(accountId)
    , m_postUrl(postUrl)
    , m_tabs(new QTabWidget(this))
    , m_creditsLabel(plainLabel({}, this))
{
    setObjectName(QStringLiteral("postReactionsDialog"));
    setWindowTitle(tr("Comments and reactions"));
    QLabel *url = plainLabel(m_postUrl, this);
    url->setObjectName(QStringLiteral("reactionsPostUrl"));
    url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QLabel *hint = wrappedLabel(QStringLiteral("reactionsHint"), this);
    hint->setText(tr("Nothing is loaded until you ask: each page of up to %n item(s) costs 1 "
                     "credit.",
        nullptr, PageSize));
    mute(hint);
    m_tabs->setObjectName(QStringLiteral("reactionsTabs"));
    m_tabs->addTab(buildSection(CommentsSection), tr("&Comments"));
    m_tabs->addTab(buildSection(ReactionsSection), tr("&Reactions"));
    m_creditsLabel->setObjectName(QStringLiteral("reactionsCredits"));
    mute(m_creditsLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_creditsLabel, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(url);
    layout->addWidget(hint);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);
    for (int s = 0; s < SectionCount; ++s)
        updateSection(Section(s));
    updateCredits();
    resize(820, 520);
    m_sections[CommentsSection].load->setFocus();
}

QWidget *PostReactionsDialog::buildSection(Section section)
{
    auto *page = new QWidget(this);
    Part &part = m_sections[section];
    const bool comments = section == CommentsSection;
    const QString name = comments ? QStringLiteral("comments") : QStringLiteral("reactions");
    part.view = new QTreeWidget(page);
    part.view->setObjectName(name + QStringLiteral("View"));
    part.view->setRootIsDecorated(false);
    part.view->setAlternatingRowColors(true);
    part.view->setWordWrap(true);
    part.view->setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView *header = part.view->header();
    header->setStretchLastSection(false);
    if (comments) {
        part.view->setHeaderLabels(
            { tr("Author"), tr("Headline"), tr("When"), tr("Comment"), tr("Reactions") });
        header->setSectionResizeMode(AuthorColumn, QHeaderView::ResizeToContents);
        header->setSectionResizeMode(HeadlineColumn, QHeaderView::Interactive);
        header->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
        header->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
        header->setSectionResizeMode(CommentReactionsColumn, QHeaderView::ResizeToContents);
        header->resizeSection(HeadlineColumn, 180);
    } else {
        part.view->setHeaderLabels({ tr("Reaction"), tr("Person"), tr("Headline") });
        header->setSectionResizeMode(ReactionTypeColumn, QHeaderView::ResizeToContents);
        header->setSectionResizeMode(PersonColumn, QHeaderView::ResizeToContents);
        header->setSectionResizeMode(PersonHeadlineColumn, QHeaderView::Stretch);
    }
    part.status = wrappedLabel(name + QStringLiteral("Status"), page);
    mute(part.status);
    part.error = wrappedLabel(name + QStringLiteral("Error"), page);
    setTextColor(part.error, problemColor());
    part.retry = new QPushButton(tr("Retry (1 credit)"), page);
    part.retry->setObjectName(name + QStringLiteral("Retry"));
    part.load = new QPushButton(page);
    part.load->setObjectName(name + QStringLiteral("Load"));
    connect(part.load, &QPushButton::clicked, this, [this, section] { load(section); });
    connect(part.retry, &QPushButton::clicked, this, [this, section] { retry(section); });

    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(part.error, 1);
    errorRow->addWidget(part.retry);
    auto *loadRow = new QHBoxLayout;
    loadRow->addWidget(part.status, 1);
    loadRow->addWidget(part.load);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(part.view, 1);
    if (comments) {
        // A row shows the start of a comment; the selected one is shown whole below, as plain
        // text (a QPlainTextEdit never interprets markup).
        m_commentText = new QPlainTextEdit(page);
        m_commentText->setObjectName(QStringLiteral("commentText"));
        m_commentText->setReadOnly(true);
        m_commentText->setPlaceholderText(tr("Select a comment to read it whole."));
        m_commentText->setMaximumHeight(fontMetrics().lineSpacing() * 5);
        layout->addWidget(m_commentText);
        connect(part.view, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
            m_commentText->setPlainText(item ? item->text(TextColumn) : QString());
        });
    }
    layout->addLayout(errorRow);
    layout->addLayout(loadRow);
    return page;
}

void PostReactionsDialog::load(Section section)
{
    Part &part = m_sections[section];
    if (part.loading || (part.loaded && !part.hasMore))
        return;
    request(section, part.loaded ? part.nextOffset : 0);
}

// The page that failed is the one that has not arrived yet: asking again is the same request.
void PostReactionsDialog::retry(Section section)
{
    load(section);
}

void PostReactionsDialog::request(Section section, int offset)
{
    Part &part = m_sections[section];
    ContentService *content = m_ws->contentService();
    ApiCall *call = section == CommentsSection
        ? content->getComments(m_accountId, m_postUrl, PageSize, offset)
        : content->getReactions(m_accountId, m_postUrl, PageSize, offset);
    part.loading = true;
    part.error->clear();
    updateSection(section);
    // The dialog may be closed before the answer: the handler then dies with it.
    connect(call, &ApiCall::done, this, [this, section, call] { onFinished(section, call); });
}

void PostReactionsDialog::onFinished(Section section, ApiCall *call)
{
    Part &part = m_sections[section];
    part.loading = false;
    m_credits += call->creditsConsumed();
    updateCredits();
    if (call->state() != ApiCall::State::Succeeded) {
        showFailure(section, call->error().userMessage());
        return;
    }
    QString problem;
    if (section == CommentsSection)
        addComments(call, part, &problem);
    else
        addReactions(call, part, &problem);
    if (!problem.isEmpty()) {
        // The server answered something we cannot read: nothing is listed from it.
        showFailure(section,
            tr("The server's answer could not be read (%1). Try again later; if it keeps "
               "happening, report it with this message.")
                .arg(problem));
        return;
    }
    part.loaded = true;
    updateSection(section);
}

void PostReactionsDialog::addComments(ApiCall *call, Part &part, QString *problem)
{
    const Decoded<PostCommentPage> page = PostCommentPage::fromJson(call->data());
    if (!page.ok()) {
        *problem = page.error;
        return;
    }
    const QLocale locale;
    for (const PostComment &c : page.value.items) {
        auto *item = new QTreeWidgetItem;
        setPlain(item, AuthorColumn, c.author.name);
        setPlain(item, HeadlineColumn, c.author.headline);
        if (c.createdAt.isValid())
            item->setText(
                TimeColumn, locale.toString(c.createdAt.toLocalTime(), QLocale::ShortFormat));
        setPlain(item, TextColumn, c.text);
        item->setText(CommentReactionsColumn, locale.toString(c.reactionsCount));
        item->setTextAlignment(CommentReactionsColumn, Qt::AlignRight | Qt::AlignVCenter);
        part.view->addTopLevelItem(item);
    }
    part.hasMore = page.value.hasMore;
    part.nextOffset = page.value.nextOffset;
    part.total = page.value.totalAvailable;
}

void PostReactionsDialog::addReactions(ApiCall *call, Part &part, QString *problem)
{
    const Decoded<PostReactionPage> page = PostReactionPage::fromJson(call->data());
    if (!page.ok()) {
        *problem = page.error;
        return;
    }
    for (const PostReaction &r : page.value.items) {
        auto *item = new QTreeWidgetItem;
        setPlain(item, ReactionTypeColumn, reactionName(r.reactionType));
        setPlain(item, PersonColumn, r.actor.name);
        setPlain(item, PersonHeadlineColumn, r.actor.headline);
        part.view->addTopLevelItem(item);
    }
    part.hasMore = page.value.hasMore;
    part.nextOffset = page.value.nextOffset;
    part.total = page.value.totalAvailable;
}

void PostReactionsDialog::showFailure(Section section, const QString &sentence)
{
    m_sections[section].error->setText(sentence);
    updateSection(section);
    m_sections[section].retry->setFocus();
}

void PostReactionsDialog::updateSection(Section section)
{
    Part &part = m_sections[section];
    const bool comments = section == CommentsSection;
    const bool failed = !part.error->text().isEmpty();
    part.error->setVisible(failed);
    part.retry->setVisible(failed);
    part.retry->setEnabled(!part.loading);
    part.load->setText(part.loaded ? tr("Load more (1 credit)")
            : comments             ? tr("Load comments (1 credit)")
                                   : tr("Load reactions (1 credit)"));
    // After a failure, Retry is the one way on: two buttons doing the same would confuse.
    part.load->setVisible(!failed && (!part.loaded || part.hasMore));
    part.load->setEnabled(!part.loading);

    const int shown = part.view->topLevelItemCount();
    QString status;
    if (part.loading)
        status = tr("Loading…");
    else if (!part.loaded)
        status
            = comments ? tr("Comments are not loaded yet.") : tr("Reactions are not loaded yet.");
    else if (shown == 0)
        status = comments ? tr("This post has no comments.") : tr("This post has no reactions.");
    else if (part.total >= 0)
        status = comments ? tr("%1 of %n comment(s) shown.", nullptr, part.total).arg(shown)
                          : tr("%1 of %n reaction(s) shown.", nullptr, part.total).arg(shown);
    else
        status = comments ? tr("%n comment(s) shown.", nullptr, shown)
                          : tr("%n reaction(s) shown.", nullptr, shown);
    part.status->setText(status);
    part.status->setVisible(!failed); // the failure says it better
}

void PostReactionsDialog::updateCredits()
{
    m_creditsLabel->setText(tr("Credits spent here: %n", nullptr, m_credits));
}

} // namespace ld::ui
