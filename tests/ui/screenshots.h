#pragma once
// With LD_SCREENSHOT_DIR set (CI artefacts, or a person looking at the widgets), tests save what
// the widget looks like at interesting moments. Without it, nothing is written.
#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QWidget>

inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("LD_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    // Offscreen windows are not grown by a window manager when their content grows: settle the
    // layouts and give the widget at least the room it asks for, as a real screen would.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (widget->isWindow())
        widget->resize(widget->size().expandedTo(widget->minimumSizeHint()));
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}
