#pragma once
// Fills a snippet's {variables} from a profile: {first_name}, {last_name}, {full_name},
// {company}, {headline}, {location}. An unknown variable, or a known one the profile has no
// value for, is refused before anything is sent. "{{" and "}}" are literal braces.
#include "domain/profile.h"

#include <QStringList>

namespace ld {

struct FilledSnippet
{
    QString text;
    QStringList unknownVariables;  // not a supported name
    QStringList emptyVariables;    // supported, but the profile has no value
    bool ok() const { return unknownVariables.isEmpty() && emptyVariables.isEmpty(); }
    QString problem() const;       // a sentence naming them, empty when ok()
};

class SnippetFiller
{
public:
    static QStringList supportedVariables();
    static FilledSnippet fill(const QString &body, const MemberProfile &profile);
};

} // namespace ld
