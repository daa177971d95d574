#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "ld.api")
Q_LOGGING_CATEGORY(lcStore, "ld.store")
Q_LOGGING_CATEGORY(lcSecrets, "ld.secrets")
Q_LOGGING_CATEGORY(lcSync, "ld.sync")
Q_LOGGING_CATEGORY(lcSandbox, "ld.sandbox")
Q_LOGGING_CATEGORY(lcUi, "ld.ui")
