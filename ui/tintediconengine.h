#pragma once
// Renders a monochrome SVG drawn with `currentColor` in the colour the current palette gives
// the icon's mode (text, disabled text, highlighted text), at whatever size is asked, so the
// same file is crisp at any DPI and follows a switch between light and dark mode.
#include <QHash>
#include <QIconEngine>
#include <QPixmap>

namespace ld::ui {

class TintedIconEngine : public QIconEngine
{
public:
    explicit TintedIconEngine(const QString &svgPath);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;

private:
    QByteArray svgFor(const QColor &color) const;

    QString m_path;
    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;
};

} // namespace ld::ui
