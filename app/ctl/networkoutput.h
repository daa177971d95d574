#pragma once
// What the network commands share: a refresh of one of an account's lists through NetworkSync
// (every page, stored only once complete), and how a stored invitation reads in a table and in
// --json, so `invitations list` and the `invitations withdraw` preview show the same columns.
#include "session.h"

#include "store/networkrepository.h"
#include "sync/networksync.h"

#include <QJsonObject>

namespace ld::ctl {

// Reads every page of `list` for the account into the store. ExitOk, or the exit code after
// the error line. *credits gets what the listing cost, also when it failed half-way.
int refreshList(Session &session, const QString &accountId, NetworkSync::List list, int *credits);

// "today", "1 day", "12 days": the age a person reads in a table.
QString ageText(int days);

// Stable keys: entity_urn, account_id, name, first_name, last_name, headline, profile_url,
// invitation_type, sent_time, age_days, sent_at, note; sent invitations add invitation_id.
// The shared secret stays in the store: the commands that need it look it up themselves.
QJsonObject invitationJson(const StoredInvitation &invitation, const QDateTime &now);

// Received: NAME HEADLINE AGE URN NOTE. Sent: NAME HEADLINE AGE URN INVITATION ID.
QStringList invitationHeader(StoredInvitation::Direction direction);
QStringList invitationRow(const StoredInvitation &invitation, const QDateTime &now);

} // namespace ld::ctl
