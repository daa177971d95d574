#pragma once
// Ctrl+K: every command of the window in one filterable list with its shortcut. Type to
// filter (every word matches fuzzily, best first), Up/Down to choose, Enter to run, Esc to close.
#include <QDialog>
#include <QList>
#include <QPointer>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace ld::ui {

class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget *parent = nullptr);

    // Lists `actions` (the enabled ones with text) and shows the palette over its parent.
    void popup(const QList<QAction *> &actions);

    QLineEdit *filterEdit() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    int visibleCount() const;

    static QString plainText(const QAction *action); // "&Refresh" -> "Refresh"
    // -1 when `pattern` is not a fuzzy match of `text`, else higher for a better match.
    static int fuzzyScore(const QString &pattern, const QString &text);

Q_SIGNALS:
    void triggered(QAction *action);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runCurrent();
    void selectFirst();

    QLineEdit *m_filter;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QList<QPointer<QAction>> m_actions;
};

} // namespace ld::ui
