#include "posthistorypanel.h"

#include "plaintext.h"
#include "postreactionsdialog.h"

#include "models/posthistorymodel.h"
#include "store/accountrepository.h"
#include "sync/workspace.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

// The link column looks like what it does: a click opens the post.
class LinkColumnDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(PostHistoryModel::PostUrlRole).toString().isEmpty()) {
            option->palette.setColor(
                QPalette::Text, option->palette.color(QPalette::PlaceholderText));
            return;
        }
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Link));
        option->font.setUnderline(true);
        option->textElideMode = Qt::ElideMiddle; // the activity number is what differs
    }
};

} // namespace

PostHistoryPanel::PostHistoryPanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_ws(workspace)
    , m_model(new PostHistoryModel(workspace->drafts(), workspace->accounts(), this))
    , m_openUrl([](const QUrl &url) { QDesktopServices::openUrl(url); })
    , m_filter(new QComboBox(this))
    , m_summary(plainLabel({}, this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_empty(wrappedLabel(QStringLiteral("historyEmpty"), this))
    , m_reactions(new QPushButton(tr("Co&mments and reactions…"), this))
{
    setObjectName(QStringLiteral("postHistory"));
    m_filter->setObjectName(QStringLiteral("historyAccountFilter"));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_summary->setObjectName(QStringLiteral("historySummary"));
    mute(m_summary);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setMouseTracking(true);
    m_view->setItemDelegateForColumn(PostHistoryModel::UrlColumn, new LinkColumnDelegate(m_view));
    // A hand over a link, as in a browser.
    connect(m_view, &QTreeView::entered, this, [this](const QModelIndex &index) {
        const bool link = index.column() == PostHistoryModel::UrlColumn
            && !index.data(PostHistoryModel::PostUrlRole).toString().isEmpty();
        m_view->viewport()->setCursor(link ? Qt::PointingHandCursor : Qt::ArrowCursor);
    });
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(PostHistoryModel::TimeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PostHistoryModel::AccountColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PostHistoryModel::TextColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PostHistoryModel::UrlColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(PostHistoryModel::CreditsColumn, QHeaderView::ResizeToContents);
    header->resizeSection(PostHistoryModel::UrlColumn, 260);
    m_empty->setAlignment(Qt::AlignCenter);
    mute(m_empty);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    QLabel *filterLabel = plainLabel(tr("&Account:"), this);
    filterLabel->setBuddy(m_filter);
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    top->addStretch(1);
    top->addWidget(m_summary);
    top->addWidget(m_reactions);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
        [this] { m_model->setAccountId(m_filter->currentData().toString()); });
    connect(m_view, &QTreeView::clicked, this, &PostHistoryPanel::onClicked);
    m_reactions->setObjectName(QStringLiteral("historyReactions"));
    m_reactions->setToolTip(
        tr("Shows who commented on and reacted to the selected post; each page costs 1 credit."));
    connect(m_reactions, &QPushButton::clicked, this, &PostHistoryPanel::openReactions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &PostHistoryPanel::updateReactionsButton);
    connect(
        m_model, &QAbstractItemModel::modelReset, this, &PostHistoryPanel::updateReactionsButton);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openDraftRequested(index.data(PostHistoryModel::DraftIdRole).toLongLong());
    });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, this, &PostHistoryPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PostHistoryPanel::updateSummary);
    connect(
        m_ws->accounts(), &AccountRepository::accountsChanged, this, &PostHistoryPanel::fillFilter);
    connect(
        m_ws->accounts(), &AccountRepository::accountsRemoved, this, &PostHistoryPanel::fillFilter);
    fillFilter();
    updateSummary();
    updateReactionsButton();
    setFocusProxy(m_view);
}

void PostHistoryPanel::setAccountFilter(const QString &accountId)
{
    const int index = m_filter->findData(accountId);
    if (index >= 0)
        m_filter->setCurrentIndex(index);
}

void PostHistoryPanel::fillFilter()
{
    const QString current = m_filter->currentData().toString();
    const QSignalBlocker blocker(m_filter);
    m_filter->clear();
    m_filter->addItem(tr("All accounts"), QString());
    for (const Account &a : m_ws->accounts()->all())
        m_filter->addItem(a.name.isEmpty() ? a.id : a.name, a.id);
    m_filter->setCurrentIndex(qMax(0, m_filter->findData(current)));
}

void PostHistoryPanel::updateSummary()
{
    int credits = 0;
    const int rows = m_model->rowCount();
    for (int r = 0; r < rows; ++r)
        credits += m_model->index(r, PostHistoryModel::CreditsColumn).data().toInt();
    m_summary->setText(rows == 0 ? QString()
                                 : tr("%n post(s)", nullptr, rows) + QStringLiteral(" · ")
                + tr("%n credit(s)", nullptr, credits));
    m_empty->setText(m_model->accountId().isEmpty()
            ? tr("Nothing published yet. Posts you publish from LinkUp Desk are listed here "
                 "with their link and the credits they cost.")
            : tr("This account has published nothing from LinkUp Desk yet."));
    m_stack->setCurrentWidget(rows == 0 ? static_cast<QWidget *>(m_empty) : m_view);
}

// The link column opens the post: that is what a person clicking a link expects.
void PostHistoryPanel::onClicked(const QModelIndex &index)
{
    if (index.column() != PostHistoryModel::UrlColumn)
        return;
    const QString url = index.data(PostHistoryModel::PostUrlRole).toString();
    if (!url.isEmpty())
        m_openUrl(QUrl(url));
}

void PostHistoryPanel::updateReactionsButton()
{
    const QModelIndex current = m_view->currentIndex();
    m_reactions->setEnabled(
        current.isValid() && !current.data(PostHistoryModel::PostUrlRole).toString().isEmpty());
}

PostReactionsDialog *PostHistoryPanel::openReactions()
{
    const QModelIndex current = m_view->currentIndex();
    const QString url = current.data(PostHistoryModel::PostUrlRole).toString();
    if (!current.isValid() || url.isEmpty())
        return nullptr;
    auto *dialog = new PostReactionsDialog(
        m_ws, current.data(PostHistoryModel::AccountIdRole).toString(), url, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace ld::ui
