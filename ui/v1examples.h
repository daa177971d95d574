#pragma once
// Sample V1 requests for the converter's "Example" list: one per endpoint of the migration
// guide's mapping (knownV1Endpoints(), and per method where one V1 path took several), each
// with realistic fields and a fake login_token, in the form a person pastes ("POST /v1/..."
// then the JSON body).
#include <QList>
#include <QString>

namespace ld::ui {

struct V1Example
{
    QString method;
    QString path; // "{id}" filled in
    QString text; // what the converter's input receives
};

QList<V1Example> v1Examples();

// The fake token in the examples: it looks like a V1 login_token but opens nothing.
QString exampleLoginToken();

} // namespace ld::ui
