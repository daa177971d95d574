#pragma once
// Shared by the parts of PostPublisher (publishing, and resuming and scheduling). Not part of
// the library's interface.
#include "store/draftrepository.h"
#include "store/outboxrepository.h"

#include <optional>

namespace ld::post {

extern const QString kPostKind; // OutboxItem::kind of a post
extern const QString kDraftId; // the payload's draft id
extern const QString kPostUrl; // post_url of the answer, once Sent
extern const QString kCredits; // credits the answer reported

// Whether another live process on this machine took the item to Sending.
bool sendingElsewhere(const OutboxItem &item);
// Why a draft in this state cannot be published or scheduled (a sentence); empty when it can.
QString stateRefusal(const std::optional<Draft> &draft, bool scheduledAllowed);

} // namespace ld::post
