#pragma once
// The keys of an outbox item's JSON payload, shared by the parts of Outbox. Not part of the
// library's interface.
#include <QString>

namespace ld::outbox {

extern const QString kMessageKind; // OutboxItem::kind of a message
extern const QString kText; // the message text
extern const QString kAttachmentPath; // absolute path of the file, read when sending
extern const QString kAttachmentName;
extern const QString kSendingPid; // process that moved the item to Sending
extern const QString kSendingHost;
extern const QString kVerified; // "missing" once a check found nothing
extern const QString kMissing;

} // namespace ld::outbox
