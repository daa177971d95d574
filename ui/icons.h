#pragma once
// The app's icons from the embedded SVGs (resources/icons). Action icons follow the palette.
#include <QIcon>

namespace ld::ui::icons {

QIcon app();                       // the application icon, in its own colours
QIcon action(const QString &name); // "connect", "refresh", "settings", ... tinted to the palette

} // namespace ld::ui::icons
