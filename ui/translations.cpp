#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace ld::ui {

namespace {

void install(QCoreApplication *app, std::unique_ptr<QTranslator> translator)
{
    translator->setParent(app);
    QCoreApplication::installTranslator(translator.release()); // owned by app from here
}

} // namespace

void installTranslations(QCoreApplication *app)
{
    auto english = std::make_unique<QTranslator>();
    if (english->load(QStringLiteral("linkupdesk_en"), QStringLiteral(":/i18n")))
        install(app, std::move(english));

    auto local = std::make_unique<QTranslator>(); // installed last: consulted first
    if (QLocale().language() != QLocale::English
        && local->load(QLocale(), QStringLiteral("linkupdesk"), QStringLiteral("_"),
                       QStringLiteral(":/i18n")))
        install(app, std::move(local));
}

} // namespace ld::ui
