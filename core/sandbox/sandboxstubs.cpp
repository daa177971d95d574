// Temporary: categories not implemented yet answer INVALID_ACTION.
#include "sandboxhandlers.h"

namespace ld::sandbox {
namespace handlers {
QStringList profileActions() { return {}; }
Reply profiles(ActionContext &ctx) { return ctx.invalid({}); }
QStringList contentActions() { return {}; }
Reply content(ActionContext &ctx) { return ctx.invalid({}); }
}
}
