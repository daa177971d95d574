#pragma once
// Shows any JSON the server sent (Account::extra: logs, connection health, fields nobody has
// documented yet) as a key/value tree, leniently: nested objects and arrays become branches,
// every value is plain text. Ctrl+C copies the selected value.
#include <QJsonObject>
#include <QTreeWidget>

namespace ld::ui {

class JsonTreeWidget : public QTreeWidget
{
    Q_OBJECT
public:
    explicit JsonTreeWidget(QWidget *parent = nullptr);

    void setJson(const QJsonObject &object);
    int fieldCount() const { return topLevelItemCount(); }

    // "true", "42", "a string", "3 items", "2 fields", "null": what the Value column shows.
    static QString displayValue(const QJsonValue &value);

private:
    void addValue(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value, int depth);
    void copyCurrent();
};

} // namespace ld::ui
