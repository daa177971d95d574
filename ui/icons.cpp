#include "icons.h"

#include "tintediconengine.h"

namespace ld::ui::icons {

QIcon app()
{
    // Through the same engine (its SVG has no currentColor) so no SVG icon plugin is needed.
    return QIcon(new TintedIconEngine(QStringLiteral(":/icons/linkup-desk.svg")));
}

QIcon action(const QString &name)
{
    return QIcon(new TintedIconEngine(QStringLiteral(":/icons/%1.svg").arg(name)));
}

} // namespace ld::ui::icons
