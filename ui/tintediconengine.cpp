#include "tintediconengine.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace ld::ui {

namespace {

QColor colorFor(QIcon::Mode mode)
{
    const QPalette pal = QApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return pal.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return pal.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return pal.color(QPalette::Active, QPalette::WindowText);
}

} // namespace

TintedIconEngine::TintedIconEngine(const QString &svgPath)
    : m_path(svgPath)
{
    QFile file(svgPath);
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
}

QByteArray TintedIconEngine::svgFor(const QColor &color) const
{
    QByteArray svg = m_svg;
    return svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
}

void TintedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    QSvgRenderer renderer(svgFor(colorFor(mode)));
    renderer.render(painter, rect);
}

QPixmap TintedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap TintedIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                       qreal scale)
{
    const QColor color = colorFor(mode);
    const QSize device = (QSizeF(size) * scale).toSize();
    const QString cacheKey = QStringLiteral("%1x%2-%3").arg(device.width()).arg(device.height())
                                 .arg(color.rgba(), 8, 16, QLatin1Char('0'));
    auto it = m_cache.constFind(cacheKey);
    if (it != m_cache.constEnd())
        return *it;

    QPixmap pm(device);
    pm.fill(Qt::transparent);
    {
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        paint(&p, QRect(QPoint(0, 0), device), mode, state);
    }
    pm.setDevicePixelRatio(scale);
    if (m_cache.size() > 64)
        m_cache.clear();
    m_cache.insert(cacheKey, pm);
    return pm;
}

QSize TintedIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    return size;
}

QIconEngine *TintedIconEngine::clone() const
{
    return new TintedIconEngine(*this);
}

QString TintedIconEngine::key() const
{
    return QStringLiteral("ld-tinted-svg");
}

bool TintedIconEngine::isNull()
{
    return m_svg.isEmpty();
}

} // namespace ld::ui
