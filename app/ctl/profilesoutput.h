#pragma once
// Printing of profile search results, in a file of its own: domain/profile.h declares
// ld::Profile (a LinkedIn profile) and support/profile.h, which the Session needs, declares
// another ld::Profile (the app's profile directory), so no file can include both.
#include "cli.h"

#include <QJsonValue>

namespace ld::ctl {

// Decodes search_people's data and prints it (table, or JSON with --json). Returns the exit code.
int printPeopleSearch(const GlobalOptions &options, const QJsonValue &data, int credits);

} // namespace ld::ctl
