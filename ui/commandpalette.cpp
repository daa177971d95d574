#include "commandpalette.h"

#include "icons.h"

#include <QAction>
#include <QFrame>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace ld::ui {

namespace {

constexpr int ActionRole = Qt::UserRole + 1;

// Keeps the rows where every word typed matches fuzzily (CommandPalette::fuzzyScore), best
// matches first; the menu order breaks ties.
class FuzzyFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setWords(const QString &text)
    {
        m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        m_scores.clear();
        invalidate();
        sort(m_words.isEmpty() ? -1 : 0);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        return score(row, parent) >= 0;
    }
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const int l = score(left.row(), left.parent());
        const int r = score(right.row(), right.parent());
        return l != r ? l > r : left.row() < right.row();
    }

private:
    int score(int row, const QModelIndex &parent) const
    {
        const auto cached = m_scores.constFind(row);
        if (cached != m_scores.cend())
            return *cached;
        const QString text = sourceModel()->index(row, 0, parent).data().toString();
        int total = 0;
        for (const QString &w : m_words) {
            const int s = CommandPalette::fuzzyScore(w, text);
            if (s < 0) {
                total = -1;
                break;
            }
            total += s;
        }
        m_scores.insert(row, total);
        return total;
    }

    QStringList m_words;
    mutable QHash<int, int> m_scores;
};

} // namespace

CommandPalette::CommandPalette(QWidget *parent)
    : QDialog(parent, Qt::Dialog | Qt::FramelessWindowHint)
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new FuzzyFilterProxy(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    setModal(true);

    m_filter->setPlaceholderText(tr("Type a command…"));
    m_filter->addAction(icons::action(QStringLiteral("palette")), QLineEdit::LeadingPosition);
    m_filter->setAccessibleName(tr("Command"));
    m_filter->installEventFilter(this);
    QFont f = m_filter->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_filter->setFont(f);
    m_filter->setMinimumHeight(m_filter->sizeHint().height() + 8);

    m_model->setColumnCount(2); // command, shortcut
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setItemsExpandable(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setFocusPolicy(Qt::NoFocus); // focus stays in the filter field
    m_view->setIconSize(QSize(16, 16));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_view, &QTreeView::clicked, this, [this] { runCurrent(); });

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        static_cast<FuzzyFilterProxy *>(m_proxy)->setWords(text);
        selectFirst();
    });

    // Frameless, so draw an edge that separates the palette from the window below it.
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setFrameShadow(QFrame::Raised);
    auto *inner = new QVBoxLayout(frame);
    inner->setContentsMargins(8, 8, 8, 8);
    inner->setSpacing(6);
    inner->addWidget(m_filter);
    inner->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(frame);
    setAutoFillBackground(true);
}

namespace {

bool isWordStart(const QString &text, int i)
{
    if (i == 0)
        return true;
    const QChar prev = text.at(i - 1);
    return !prev.isLetterOrNumber() || (text.at(i).isUpper() && prev.isLower());
}

} // namespace

// Each typed character is the next character of the command or the start of a later word:
// "refr" finds "Refresh", "gta" finds "Go to accounts", "md" finds "Mark done", but "refr" does
// not find "Reply, focus the composer". Contiguous runs and word starts score higher.
int CommandPalette::fuzzyScore(const QString &pattern, const QString &text)
{
    const int p = int(pattern.size());
    const int t = int(text.size());
    if (p == 0)
        return 0;
    // best[j]: best score with the current pattern character at text position j, -1 if none.
    QList<int> best(t, -1);
    for (int j = 0; j < t; ++j) {
        if (text.at(j).toCaseFolded() == pattern.at(0).toCaseFolded() && isWordStart(text, j))
            best[j] = j == 0 ? 4 : 3;
    }
    for (int i = 1; i < p; ++i) {
        QList<int> next(t, -1);
        int bestBefore = -1; // best over positions < j - 1, for a jump to a word start
        for (int j = 1; j < t; ++j) {
            if (j >= 2)
                bestBefore = qMax(bestBefore, best[j - 2]);
            if (text.at(j).toCaseFolded() != pattern.at(i).toCaseFolded())
                continue;
            if (best[j - 1] >= 0)
                next[j] = best[j - 1] + 2;
            if (isWordStart(text, j) && qMax(bestBefore, best[j - 1]) >= 0)
                next[j] = qMax(next[j], qMax(bestBefore, best[j - 1]) + 1);
        }
        best = next;
    }
    int result = -1;
    for (int s : best)
        result = qMax(result, s);
    return result;
}

QString CommandPalette::plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text.replace(QStringLiteral("&&"), QStringLiteral("&"));
    return text;
}

void CommandPalette::popup(const QList<QAction *> &actions)
{
    m_model->removeRows(0, m_model->rowCount());
    m_actions.clear();
    for (QAction *a : actions) {
        if (!a || a->isSeparator() || a->menu() || !a->isEnabled() || a->text().isEmpty())
            continue;
        // Commands without an icon get a blank one, so every name starts in the same column.
        QIcon icon = a->icon();
        if (icon.isNull()) {
            QPixmap blank(16, 16);
            blank.fill(Qt::transparent);
            icon = QIcon(blank);
        }
        auto *name = new QStandardItem(icon, plainText(a));
        name->setData(QVariant::fromValue(static_cast<QObject *>(a)), ActionRole);
        name->setToolTip(a->toolTip());
        auto *keys = new QStandardItem(a->shortcut().toString(QKeySequence::NativeText));
        keys->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        keys->setForeground(palette().brush(QPalette::PlaceholderText));
        m_model->appendRow({ name, keys });
        m_actions.append(a);
    }
    m_filter->clear();
    static_cast<FuzzyFilterProxy *>(m_proxy)->setWords({});
    selectFirst();

    if (QWidget *host = parentWidget() ? parentWidget()->window() : nullptr) {
        const int w = qBound(360, host->width() / 2, 620);
        const int rows = qMin(m_model->rowCount(), 10);
        const int rowH = m_view->sizeHintForRow(0) > 0 ? m_view->sizeHintForRow(0) : 22;
        const int h = m_filter->minimumHeight() + rows * rowH + 32;
        const QPoint topLeft = host->mapToGlobal(QPoint((host->width() - w) / 2, 60));
        setGeometry(QRect(topLeft, QSize(w, h)));
    }
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::PopupFocusReason);
}

int CommandPalette::visibleCount() const
{
    return m_proxy->rowCount();
}

void CommandPalette::selectFirst()
{
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
}

void CommandPalette::runCurrent()
{
    const QModelIndex idx = m_view->currentIndex();
    if (!idx.isValid())
        return;
    QPointer<QAction> action(qobject_cast<QAction *>(
        m_proxy->index(idx.row(), 0).data(ActionRole).value<QObject *>()));
    accept();
    if (!action)
        return;
    // Run after the palette has closed, so a dialog the action opens gets the focus.
    QTimer::singleShot(0, this, [this, action] {
        if (action && action->isEnabled()) {
            action->trigger();
            Q_EMIT triggered(action);
        }
    });
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            const int rows = m_proxy->rowCount();
            if (rows == 0)
                return true;
            const int step = (key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown) ? 5 : 1;
            const int dir = (key->key() == Qt::Key_Up || key->key() == Qt::Key_PageUp) ? -1 : 1;
            int row = m_view->currentIndex().row() + dir * step;
            row = step == 1 ? (row + rows) % rows : qBound(0, row, rows - 1); // arrows wrap
            m_view->setCurrentIndex(m_proxy->index(row, 0));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            runCurrent();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace ld::ui
