// Temporary: categories not implemented yet answer INVALID_ACTION.
#include "sandboxhandlers.h"

namespace ld::sandbox {
namespace handlers {
QStringList profileActions() { return {}; }
Reply profiles(ActionContext &ctx) { return ctx.invalid({}); }
QStringList contentActions() { return {}; }
Reply content(ActionContext &ctx) { return ctx.invalid({}); }
Reply webhooks(SandboxState &, const Request &) { return err::notFound({}, QStringLiteral("NOT_FOUND"), {}); }
void applyEvent(SandboxState &, Account &, const QString &, const QJsonObject &) { }
QList<QPair<QString, QJsonObject>> queueEvent(SandboxState &, const QString &, const QString &, const QJsonObject &) { return {}; }
}
}
