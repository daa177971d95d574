#pragma once
// The keys of a network item's JSON payload and the small rules the parts of InvitationQueue
// share. Not part of the library's interface.
#include "api/apierror.h"
#include "sync/invitationqueue.h"

#include <QString>

namespace ld::invitations {

extern const QString kProfileUrl; // the person: the invite's target, the check's subject
extern const QString kPersonName;
extern const QString kEntityUrn; // accept, decline, withdraw
extern const QString kSharedSecret; // accept, decline: the invitation's, not a user secret
extern const QString kInvitationId; // withdraw: the URN's tail, or check_invitation's
extern const QString kNote; // invite
extern const QString kSendingPid; // process that moved the item to Sending
extern const QString kSendingHost;
extern const QString kRefusedId; // withdraw: the id the API refused
extern const QString kRefusal; // withdraw: the API's sentence for it
extern const QString kLookedUp; // withdraw: check_invitation already gave the id

// OutboxItem::errorCode of the refusals LinkUp Desk makes itself.
extern const QString kCapCode;
extern const QString kDuplicateCode;
extern const QString kBadInputCode;
extern const QString kNotFoundCode;

// Accept and decline share a cap (both answer an invitation) and a target: the same URN.
bool answersInvitation(NetworkAction action);
QStringList kindsSharingCap(NetworkAction action);

// A definite refusal of this item by the API or by LinkedIn (4xx about the request, or
// CHANNEL_ERROR): nothing happened and repeating the same request will not help. Failures of
// the key, the account, the credits or the rate are not the item's fault: those are Failed.
bool isRefusal(const ApiError &error);

// The person an item or a task is about, for sentences: the name, else the profile URL (an
// item) or the stored invitation's name (a task), else a neutral "this person".
QString personOf(const OutboxItem &item);
QString personOf(const NetworkTask &task, const std::optional<StoredInvitation> &stored);

} // namespace ld::invitations
