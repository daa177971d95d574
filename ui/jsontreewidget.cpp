#include "jsontreewidget.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>

namespace ld::ui {

namespace {
constexpr int MaxDepth = 32;     // deeper nesting is shown as compact JSON, not walked
constexpr int MaxChildren = 500; // a huge array is cut with a note, never hangs the UI
constexpr int RawRole = Qt::UserRole + 1;
} // namespace

JsonTreeWidget::JsonTreeWidget(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({ tr("Field"), tr("Value") });
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setTextElideMode(Qt::ElideRight);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    header()->setStretchLastSection(true);
    header()->resizeSection(0, 220);

    auto *copy = new QAction(tr("Copy value"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &JsonTreeWidget::copyCurrent);
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

QString JsonTreeWidget::displayValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return value.toBool() ? tr("true") : tr("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == double(qint64(d)) && qAbs(d) < 9e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return tr("%n item(s)", nullptr, int(value.toArray().size()));
    case QJsonValue::Object:
        return tr("%n field(s)", nullptr, int(value.toObject().size()));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

void JsonTreeWidget::setJson(const QJsonObject &object)
{
    setUpdatesEnabled(false);
    clear();
    for (auto it = object.begin(); it != object.end(); ++it)
        addValue(nullptr, it.key(), it.value(), 0);
    expandToDepth(1);
    setUpdatesEnabled(true);
}

void JsonTreeWidget::addValue(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value,
                              int depth)
{
    // QTreeWidgetItem text is always drawn as plain text by the default delegate.
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
    item->setText(0, key);
    const bool container = value.isObject() || value.isArray();
    if (container && depth >= MaxDepth) {
        const QJsonDocument doc = value.isObject() ? QJsonDocument(value.toObject())
                                                   : QJsonDocument(value.toArray());
        item->setText(1, QString::fromUtf8(doc.toJson(QJsonDocument::Compact)));
        return;
    }
    const QString shown = displayValue(value);
    item->setText(1, shown.section(QLatin1Char('\n'), 0, 0));
    item->setData(1, RawRole, shown);
    if (container)
        item->setForeground(1, palette().brush(QPalette::PlaceholderText));

    if (value.isObject()) {
        const QJsonObject obj = value.toObject();
        int n = 0;
        for (auto it = obj.begin(); it != obj.end() && n < MaxChildren; ++it, ++n)
            addValue(item, it.key(), it.value(), depth + 1);
    } else if (value.isArray()) {
        const QJsonArray arr = value.toArray();
        const int n = int(qMin<qsizetype>(arr.size(), MaxChildren));
        for (int i = 0; i < n; ++i)
            addValue(item, QStringLiteral("[%1]").arg(i), arr.at(i), depth + 1);
        if (arr.size() > MaxChildren) {
            auto *more = new QTreeWidgetItem(item);
            more->setText(0, tr("…"));
            more->setText(1, tr("%n more item(s) not shown", nullptr,
                                int(arr.size() - MaxChildren)));
        }
    }
}

void JsonTreeWidget::copyCurrent()
{
    if (QTreeWidgetItem *item = currentItem())
        QApplication::clipboard()->setText(item->data(1, RawRole).toString());
}

} // namespace ld::ui
