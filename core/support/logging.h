#pragma once
// Logging categories per part (ld.api, ld.store, ...) and a file log under the profile.
// Everything written passes through redact(): API keys in x-api-key headers and api_key
// query items never reach a log.
#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

namespace ld::logging {

// Masks secrets in a log line: "api_key=XYZ" -> "api_key=***", "x-api-key: XYZ" -> "x-api-key: ***",
// and any registered secret value anywhere in the text.
QString redact(const QString &line);
// Values to mask wherever they appear (the API key once known, V1 tokens in flight).
void registerSecret(const QString &secret);
void forgetSecret(const QString &secret);

// Installs a message handler that appends redacted lines to <logDir>/linkup-desk.log
// (rotated at 5 MB, 3 files kept) and still prints warnings to stderr.
void installFileLog(const QString &logDir);

} // namespace ld::logging
