#pragma once
// Printing of profile search results.
#include "cli.h"

#include <QJsonValue>

namespace ld::ctl {

// Decodes search_people's data and prints it (table, or JSON with --json). Returns the exit code.
int printPeopleSearch(const GlobalOptions &options, const QJsonValue &data, int credits);

} // namespace ld::ctl
