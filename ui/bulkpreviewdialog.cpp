#include "bulkpreviewdialog.h"

#include "icons.h"
#include "plaintext.h"

#include "models/invitationlistmodel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

enum Column { NameColumn, AccountColumn, AgeColumn, OutcomeColumn };

} // namespace

BulkPreviewDialog::BulkPreviewDialog(const BulkPlanner *planner, NetworkAction action,
    int minDelayMs, int maxDelayMs, QWidget *parent)
    : QDialog(parent)
    , m_planner(planner)
    , m_action(action)
    , m_minDelayMs(minDelayMs)
    , m_maxDelayMs(maxDelayMs)
    , m_layout(new QVBoxLayout(this))
    , m_heading(plainLabel({}, this))
    , m_cost(wrappedLabel({}, this))
    , m_caps(wrappedLabel({}, this))
    , m_refusalRow(new QWidget(this))
    , m_refusal(wrappedLabel({}, m_refusalRow))
    , m_list(new QTreeWidget(this))
    , m_empty(wrappedLabel({}, this))
{
    setObjectName(QStringLiteral("bulkPreviewDialog"));
    setWindowTitle(tr("Check before sending"));
    setMinimumSize(700, 440);

    m_heading->setObjectName(QStringLiteral("bulkPreviewHeading"));
    QFont big = m_heading->font();
    big.setWeight(QFont::DemiBold);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_heading->setFont(big);
    m_cost->setObjectName(QStringLiteral("bulkPreviewCost"));
    m_caps->setObjectName(QStringLiteral("bulkPreviewCaps"));
    m_refusal->setObjectName(QStringLiteral("bulkPreviewRefusal"));
    m_empty->setObjectName(QStringLiteral("bulkPreviewEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    mute(m_empty);

    auto *warningIcon = new QLabel(m_refusalRow);
    warningIcon->setPixmap(icons::action(QStringLiteral("warning")).pixmap(16, 16));
    auto *refusalLayout = new QHBoxLayout(m_refusalRow);
    refusalLayout->setContentsMargins(0, 0, 0, 0);
    refusalLayout->setSpacing(6);
    refusalLayout->addWidget(warningIcon, 0, Qt::AlignTop);
    refusalLayout->addWidget(m_refusal, 1);

    m_list->setObjectName(QStringLiteral("bulkPreviewList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus); // Enter confirms, the arrows scroll nothing to choose
    m_list->setHeaderLabels({ tr("Name"), tr("Account"), tr("Age"), tr("What happens") });
    m_list->setAccessibleName(tr("Invitations in this action"));
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(NameColumn, 190);
    m_list->setColumnWidth(AccountColumn, 150);
    m_list->setColumnWidth(AgeColumn, 56);

    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("bulkPreviewConfirm"));
    m_confirm->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setText(tr("Do nothing"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_layout->setSpacing(8);
    m_layout->addWidget(m_heading);
    m_layout->addWidget(m_cost);
    m_layout->addWidget(m_caps);
    m_layout->addWidget(m_refusalRow);
    m_layout->addWidget(m_list, 1);
    m_layout->addWidget(m_empty, 1);
    // What a person worries about before pressing the button.
    QLabel *reassurance = wrappedLabel({}, this);
    reassurance->setText(tr("Nothing has been sent yet. Once started, the run can be paused or "
                            "cancelled at any time."));
    mute(reassurance);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(reassurance, 1);
    bottom->addWidget(buttons);
    m_layout->addLayout(bottom);
    updateTexts();
}

void BulkPreviewDialog::setIntro(QWidget *widget)
{
    widget->setParent(this);
    m_layout->insertWidget(1, widget);
}

void BulkPreviewDialog::setRunTitle(const QString &title)
{
    m_runTitle = title;
    updateTexts();
}

void BulkPreviewDialog::setTasks(const QList<NetworkTask> &tasks, const QList<int> &ages)
{
    m_plan = m_planner->plan(m_action, tasks, ages);
    m_list->clear();
    QList<QTreeWidgetItem *> rows;
    const QColor refusedColour = palette().color(QPalette::PlaceholderText);
    for (const BulkPlanItem &item : m_plan.items) {
        auto *row = new QTreeWidgetItem;
        row->setText(NameColumn,
            item.task.personName.isEmpty() ? item.task.profileUrl : item.task.personName);
        row->setText(AccountColumn, item.accountName);
        if (item.ageDays >= 0) {
            row->setText(AgeColumn, InvitationListModel::ageText(item.ageDays));
            row->setTextAlignment(AgeColumn, Qt::AlignRight | Qt::AlignVCenter);
        }
        if (item.refusal.isEmpty()) {
            row->setText(OutcomeColumn, tr("Will be sent (1 credit)"));
        } else {
            row->setText(OutcomeColumn, tr("Refused: %1").arg(item.refusal));
            row->setToolTip(OutcomeColumn, plainToolTip(item.refusal));
            for (int c = 0; c < m_list->columnCount(); ++c)
                row->setForeground(c, refusedColour);
        }
        rows << row;
    }
    m_list->addTopLevelItems(rows);
    updateTexts();
}

QList<NetworkTask> BulkPreviewDialog::tasks() const
{
    QList<NetworkTask> out;
    out.reserve(m_plan.items.size());
    for (const BulkPlanItem &item : m_plan.items)
        out << item.task;
    return out;
}

void BulkPreviewDialog::updateTexts()
{
    const int total = int(m_plan.items.size());
    const QString verb = BulkPlanner::actionVerb(m_action);
    const QString heading
        = m_runTitle.isEmpty() ? tr("%1 %n invitation(s)", nullptr, total).arg(verb) : m_runTitle;
    m_heading->setText(heading);

    QString cost = tr("%n credit(s)", nullptr, m_plan.credits());
    if (m_action == NetworkAction::Decline)
        cost = tr("%1 — 1 per decline sent (the API does not document the price of a decline; "
                  "LinkUp Desk counts 1).")
                   .arg(cost);
    else
        cost = tr("%1 — 1 per %2 sent.").arg(cost, BulkPlanner::actionNoun(m_action, 1));
    if (m_plan.toSend > 1) {
        cost += QLatin1Char(' ')
            + tr("A random pause of %1 to %2 between two requests: about %3 in all.")
                  .arg(BulkPlanner::durationText(m_minDelayMs),
                      BulkPlanner::durationText(m_maxDelayMs),
                      BulkPlanner::durationText(
                          BulkPlanner::pacedDurationMs(m_plan.toSend, m_minDelayMs, m_maxDelayMs)));
    }
    m_cost->setText(cost);

    m_caps->setText(m_plan.capLines.isEmpty()
            ? QString()
            : tr("Safety caps:\n%1").arg(m_plan.capLines.join(QLatin1Char('\n'))));
    m_caps->setVisible(!m_plan.capLines.isEmpty());

    QStringList refusals;
    if (m_plan.refusedByCap > 0)
        refusals << tr("%n would be refused by the safety cap: the run stops there for that "
                       "account. Raise the cap in Settings, or send the rest tomorrow.",
            nullptr, m_plan.refusedByCap);
    if (m_plan.refusedOther > 0) {
        QString first;
        for (const BulkPlanItem &item : m_plan.items) {
            if (!item.refusedByCap && !item.refusal.isEmpty()) {
                first = item.refusal;
                break;
            }
        }
        refusals << tr(
            "%n would be refused and not sent (for example: %1).", nullptr, m_plan.refusedOther)
                        .arg(first);
    }
    m_refusal->setText(refusals.join(QLatin1Char('\n')));
    m_refusalRow->setVisible(!refusals.isEmpty());

    m_list->setVisible(total > 0);
    m_empty->setVisible(total == 0);
    m_empty->setText(tr("Nothing to %1 here.").arg(verb.toLower()));

    m_confirm->setEnabled(m_plan.toSend > 0);
    m_confirm->setText(
        m_plan.toSend > 0 ? tr("%1 %2").arg(verb).arg(m_plan.toSend) : tr("Nothing to send"));
}

} // namespace ld::ui
