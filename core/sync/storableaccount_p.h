#pragma once
// The store binds a null QString as SQL NULL into NOT NULL columns, and the lenient decoder
// leaves a field the server omitted null: make such fields empty before storing.
#include "domain/account.h"

namespace ld {

inline Account storableAccount(Account a)
{
    for (QString *text : { &a.name, &a.platform, &a.country, &a.rawStatus })
        if (text->isNull())
            *text = QStringLiteral("");
    return a;
}

} // namespace ld
