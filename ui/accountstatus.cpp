#include "accountstatus.h"

namespace ld::ui {

QColor AccountStatusText::color(Account::Status status)
{
    switch (status) {
    case Account::Status::Active:
        return QColor(0x2e, 0x9d, 0x52);
    case Account::Status::CheckpointRequired:
        return QColor(0xd9, 0x8e, 0x04);
    case Account::Status::Disconnected:
        return QColor(0xd0, 0x3a, 0x3a);
    case Account::Status::Inactive:
    case Account::Status::Unknown:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QString AccountStatusText::word(Account::Status status, const QString &rawStatus)
{
    if (status == Account::Status::Unknown && !rawStatus.isEmpty())
        return rawStatus;
    return Account::statusText(status);
}

QString AccountStatusText::sentence(Account::Status status)
{
    switch (status) {
    case Account::Status::Active:
        return tr("Connected and ready: LinkUp can act for this account.");
    case Account::Status::Inactive:
        return tr("LinkedIn ended this account's session, so actions for it will fail. "
                  "Reconnect it to continue.");
    case Account::Status::CheckpointRequired:
        return tr("LinkedIn is waiting for a verification step (a code or an approval in the "
                  "LinkedIn app). Reconnect to complete it.");
    case Account::Status::Disconnected:
        return tr("This account is disconnected. Reconnect it with its e-mail and password or "
                  "a V1 token.");
    case Account::Status::Unknown:
        break;
    }
    return tr("The server reported a status LinkUp Desk does not know. Refresh (F5) to check "
              "again; reconnect if actions for this account fail.");
}

bool AccountStatusText::needsReconnect(Account::Status status)
{
    return status == Account::Status::Inactive || status == Account::Status::CheckpointRequired
        || status == Account::Status::Disconnected;
}

} // namespace ld::ui
