#pragma once
// How an account's status is shown: the dot colour (never the only cue: always with a word or
// tooltip) and a sentence saying what the status means and what to do about it.
#include "domain/account.h"

#include <QColor>
#include <QCoreApplication>

namespace ld::ui {

class AccountStatusText
{
    Q_DECLARE_TR_FUNCTIONS(AccountStatusText)
public:
    static QColor color(Account::Status status);
    static QString word(Account::Status status, const QString &rawStatus = {});
    static QString sentence(Account::Status status);
    static bool needsReconnect(Account::Status status);
};

} // namespace ld::ui
