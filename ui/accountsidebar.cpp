#include "accountsidebar.h"

#include "accountdelegate.h"
#include "icons.h"
#include "models/accountlistmodel.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

// Matches the filter text against name, country and status, case-insensitively.
class AccountFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setNeedle(const QString &needle)
    {
        m_needle = needle.trimmed();
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QString &needle = m_needle;
        if (needle.isEmpty())
            return true;
        const QModelIndex idx = sourceModel()->index(row, 0, parent);
        for (int role : { int(AccountListModel::NameRole), int(AccountListModel::CountryRole),
                          int(AccountListModel::StatusTextRole),
                          int(AccountListModel::AccountIdRole) }) {
            if (idx.data(role).toString().contains(needle, Qt::CaseInsensitive))
                return true;
        }
        return false;
    }

private:
    QString m_needle;
};

} // namespace

AccountSidebar::AccountSidebar(AccountListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new AccountFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
{
    m_proxy->setSourceModel(model);

    m_filter->setPlaceholderText(tr("Filter accounts"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(icons::action(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_filter->setAccessibleName(tr("Filter accounts"));
    m_filter->installEventFilter(this);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        static_cast<AccountFilterProxy *>(m_proxy)->setNeedle(text);
        updateEmptyState();
    });

    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new AccountDelegate(m_view));
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setAccessibleName(tr("Accounts"));
    m_view->installEventFilter(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AccountSidebar::onCurrentChanged);

    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(16);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_filter);
    layout->addWidget(m_stack, 1);

    auto autoSelect = [this] {
        if (m_current.isEmpty() && m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        updateEmptyState();
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, autoSelect);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, autoSelect);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_view->currentIndex().isValid())
            onCurrentChanged();
        updateEmptyState();
    });
    autoSelect();
}

QString AccountSidebar::currentAccountId() const
{
    return m_current;
}

bool AccountSidebar::selectAccount(const QString &accountId)
{
    const int row = m_model->rowOf(accountId);
    if (row < 0)
        return false;
    QModelIndex idx = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!idx.isValid()) { // hidden by the filter: clear it so the account can be shown
        m_filter->clear();
        idx = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->setCurrentIndex(idx);
    m_view->scrollTo(idx);
    return true;
}

void AccountSidebar::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void AccountSidebar::focusList()
{
    m_view->setFocus(Qt::ShortcutFocusReason);
}

void AccountSidebar::onCurrentChanged()
{
    const QString id = m_view->currentIndex().data(AccountListModel::AccountIdRole).toString();
    if (id == m_current)
        return;
    m_current = id;
    Q_EMIT currentAccountChanged(id);
}

void AccountSidebar::updateEmptyState()
{
    if (m_proxy->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
        return;
    }
    m_empty->setText(m_model->rowCount() == 0
                         ? tr("No accounts yet.\n\nConnect a LinkedIn account with "
                              "“Connect account…” (Ctrl+N).")
                         : tr("No account matches “%1”.").arg(m_filter->text()));
    m_stack->setCurrentWidget(m_empty);
}

void AccountSidebar::moveSelection(int delta)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const int row = qBound(0, m_view->currentIndex().row() + delta, rows - 1);
    m_view->setCurrentIndex(m_proxy->index(row, 0));
}

bool AccountSidebar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_filter) {
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return
            || key->key() == Qt::Key_Enter) {
            if (m_proxy->rowCount() > 0 && !m_view->currentIndex().isValid())
                m_view->setCurrentIndex(m_proxy->index(0, 0));
            focusList();
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
    } else if (watched == m_view && key->modifiers() == Qt::NoModifier) {
        if (key->key() == Qt::Key_J) {
            moveSelection(1);
            return true;
        }
        if (key->key() == Qt::Key_K) {
            moveSelection(-1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ld::ui
