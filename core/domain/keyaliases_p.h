#pragma once
// The contract names one field differently per endpoint (profile_url / linkedin_url,
// profile_picture / profile_picture_url, §1.8): read every alias, so all count as read for
// "extra", and keep the first one that says something.
#include "jsonreader.h"

#include <initializer_list>

namespace ld::json {

inline QString firstString(Reader &r, std::initializer_list<const char *> keys)
{
    QString found;
    for (const char *key : keys) {
        const QString v = r.string(QLatin1String(key));
        if (found.isEmpty())
            found = v;
    }
    return found;
}

// Like firstString(), for ids that may arrive as numbers (kept in full by Reader::id).
inline QString firstId(Reader &r, std::initializer_list<const char *> keys)
{
    QString found;
    for (const char *key : keys) {
        const QString v = r.id(QLatin1String(key));
        if (found.isEmpty())
            found = v;
    }
    return found;
}

} // namespace ld::json
