#pragma once
// Loads the embedded translations: the English numerus forms first (so "%n credit(s)" reads
// "1 credit" / "2 credits" in every locale without its own file), then the locale's, if any.
class QCoreApplication;

namespace ld::ui {

void installTranslations(QCoreApplication *app);

} // namespace ld::ui
