#include "activitypanel.h"

#include "icons.h"
#include "plaintext.h"

#include "models/callsmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ld::ui {

ActivityPanel::ActivityPanel(CallsModel *calls, QWidget *parent)
    : QWidget(parent)
    , m_calls(calls)
    , m_view(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_cancel(new QAction(icons::action(QStringLiteral("cancel")), tr("Cancel call"), this))
    , m_cancelButton(new QToolButton(this))
{
    m_view->setObjectName(QStringLiteral("callsView"));
    m_view->setModel(calls);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(CallsModel::StateColumn, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("API calls"));

    auto *empty = plainLabel(tr("No API calls yet. Every request this app makes is listed here "
                                "while it runs, and can be cancelled with Esc."), m_stack);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_view);

    // Esc works while the panel has focus; elsewhere Esc belongs to the focused widget.
    m_cancel->setObjectName(QStringLiteral("cancelCallAction"));
    m_cancel->setShortcut(Qt::Key_Escape);
    m_cancel->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_cancel->setToolTip(tr("Cancel the selected running call (Esc)"));
    connect(m_cancel, &QAction::triggered, this, &ActivityPanel::cancelCall);
    addAction(m_cancel);
    m_cancelButton->setDefaultAction(m_cancel);
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancelButton->setAutoRaise(true);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addStretch(1);
    bar->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(calls, signal, this, &ActivityPanel::updateState);
    connect(calls, &QAbstractItemModel::modelReset, this, &ActivityPanel::updateState);
    connect(calls, &QAbstractItemModel::dataChanged, this, &ActivityPanel::updateState);
    connect(calls, &CallsModel::runningCountChanged, this, &ActivityPanel::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ActivityPanel::updateState);
    updateState();
}

int ActivityPanel::targetRow() const
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && current.data(CallsModel::IsRunningRole).toBool())
        return current.row();
    for (int row = 0; row < m_calls->rowCount(); ++row) { // newest first
        if (m_calls->index(row, 0).data(CallsModel::IsRunningRole).toBool())
            return row;
    }
    return -1;
}

bool ActivityPanel::cancelCall()
{
    const int row = targetRow();
    return row >= 0 && m_calls->abortAt(row);
}

void ActivityPanel::updateState()
{
    m_stack->setCurrentIndex(m_calls->rowCount() > 0 ? 1 : 0);
    m_cancel->setEnabled(targetRow() >= 0);
}

} // namespace ld::ui
