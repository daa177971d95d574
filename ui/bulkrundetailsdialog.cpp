#include "bulkrundetailsdialog.h"

#include "bulkrunbar.h"
#include "plaintext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

enum Column { PersonColumn, OutcomeColumn, ReasonColumn, WhenColumn };
constexpr int IdRole = Qt::UserRole + 1;
constexpr int StateRole = Qt::UserRole + 2;

} // namespace

BulkRunDetailsDialog::BulkRunDetailsDialog(InvitationQueue *queue, RunRepository *runs,
    OutboxRepository *items, qint64 runId, QWidget *parent)
    : QDialog(parent)
    , m_queue(queue)
    , m_runs(runs)
    , m_items(items)
    , m_runId(runId)
    , m_summary(plainLabel({}, this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("bulkRunDetailsDialog"));
    const std::optional<BulkRun> run = m_runs->find(runId);
    setWindowTitle(run ? run->title : tr("Bulk run"));
    setMinimumSize(760, 400);

    m_summary->setObjectName(QStringLiteral("bulkRunDetailsSummary"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("bulkRunDetailsList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({ tr("Person"), tr("Outcome"), tr("Reason"), tr("When") });
    m_list->setAccessibleName(tr("Outcome of each invitation"));
    m_list->setColumnWidth(PersonColumn, 170);
    m_list->setColumnWidth(OutcomeColumn, 120);
    // The reason takes what is left; the full sentence is in its tooltip.
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(WhenColumn, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_verify = buttons->addButton(tr("Verify"), QDialogButtonBox::ActionRole);
    m_verify->setObjectName(QStringLiteral("bulkRunDetailsVerify"));
    m_verify->setToolTip(tr("Ask LinkedIn whether the selected unknown requests took effect "
                            "(1 credit each)"));
    m_sendAgain = buttons->addButton(tr("Send again"), QDialogButtonBox::ActionRole);
    m_sendAgain->setObjectName(QStringLiteral("bulkRunDetailsSendAgain"));
    m_sendAgain->setToolTip(tr("Queue the selected failed requests once more (1 credit each)"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_verify, &QPushButton::clicked, this, [this] {
        for (qint64 id : selectedIds(OutboxItem::State::Unknown))
            m_queue->verify(id);
    });
    connect(m_sendAgain, &QPushButton::clicked, this, [this] {
        for (qint64 id : selectedIds(OutboxItem::State::Failed))
            m_queue->sendAgain(id);
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &BulkRunDetailsDialog::updateButtons);
    connect(m_queue, &InvitationQueue::itemChanged, this, [this](qint64, qint64 runId) {
        if (runId == m_runId)
            reload();
    });
    connect(m_queue, &InvitationQueue::verified, this, &BulkRunDetailsDialog::reload);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    reload();
}

QString BulkRunDetailsDialog::personOf(const OutboxItem &item)
{
    for (const char *key : { "person_name", "name", "profile_url" }) {
        const QString value = item.payload.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return item.target;
}

QString BulkRunDetailsDialog::outcomeText(const OutboxItem &item)
{
    switch (item.state) {
    case OutboxItem::State::Queued:
        return tr("Waiting");
    case OutboxItem::State::Sending:
        return tr("Sending…");
    case OutboxItem::State::Sent: {
        const QString word = BulkRunBar::doneWord(item.kind);
        return word.left(1).toUpper() + word.mid(1);
    }
    case OutboxItem::State::Failed:
        return tr("Failed");
    case OutboxItem::State::Unknown:
        return tr("Unknown — verify");
    case OutboxItem::State::Cancelled:
        return tr("Cancelled");
    case OutboxItem::State::Refused:
        return tr("Refused");
    }
    return {};
}

void BulkRunDetailsDialog::reload()
{
    QSet<qint64> selected;
    for (QTreeWidgetItem *row : m_list->selectedItems())
        selected.insert(row->data(PersonColumn, IdRole).toLongLong());
    m_list->clear();
    const QList<OutboxItem> items = m_items->itemsOfRun(m_runId);
    QList<QTreeWidgetItem *> rows;
    for (const OutboxItem &item : items) {
        auto *row = new QTreeWidgetItem;
        row->setText(PersonColumn, personOf(item));
        row->setData(PersonColumn, IdRole, item.id);
        row->setData(PersonColumn, StateRole, int(item.state));
        row->setText(OutcomeColumn, outcomeText(item));
        row->setText(ReasonColumn, item.errorMessage);
        row->setToolTip(ReasonColumn, plainToolTip(item.errorMessage));
        const QDateTime when = item.sentAt.isValid() ? item.sentAt : item.updatedAt;
        if (when.isValid())
            row->setText(WhenColumn, QLocale().toString(when.toLocalTime(), QLocale::ShortFormat));
        rows << row;
    }
    m_list->addTopLevelItems(rows);
    for (QTreeWidgetItem *row : rows)
        row->setSelected(selected.contains(row->data(PersonColumn, IdRole).toLongLong()));

    const RunProgress p = m_queue->progress(m_runId);
    const std::optional<BulkRun> run = m_runs->find(m_runId);
    m_summary->setText(tr("%1 %2 · %3 refused · %4 failed · %5 unknown · %6 cancelled · %7 waiting")
                           .arg(p.done)
                           .arg(BulkRunBar::doneWord(run ? run->kind : QString()))
                           .arg(p.refused)
                           .arg(p.failed)
                           .arg(p.unknown)
                           .arg(p.cancelled)
                           .arg(p.pending));
    updateButtons();
}

QList<qint64> BulkRunDetailsDialog::selectedIds(OutboxItem::State state) const
{
    QList<qint64> ids;
    for (QTreeWidgetItem *row : m_list->selectedItems()) {
        if (row->data(PersonColumn, StateRole).toInt() == int(state))
            ids << row->data(PersonColumn, IdRole).toLongLong();
    }
    return ids;
}

void BulkRunDetailsDialog::updateButtons()
{
    m_verify->setEnabled(!selectedIds(OutboxItem::State::Unknown).isEmpty());
    m_sendAgain->setEnabled(!selectedIds(OutboxItem::State::Failed).isEmpty());
}

} // namespace ld::ui
