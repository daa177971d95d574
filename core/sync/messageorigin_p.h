#pragma once
// Who wrote a message of a conversation: get_conversation names the sender (display name and
// profile URL, §3.3) but never says "this is you", so the client compares the sender with the
// conversation's other party. Shared by InboxSync (is_me for display) and Outbox (verifying
// that a message of the account's own is in the thread). Not part of the library's interface.
#include "domain/conversation.h"

#include <optional>

namespace ld::sync {

// The comparable part of a LinkedIn profile URL: "https://www.linkedin.com/in/Ada-L/?x=1",
// "linkedin.com/in/ada-l" and "ada-l" all give "ada-l". Empty for an empty input.
QString profileKey(const QString &profileUrlOrId);
bool sameProfile(const QString &a, const QString &b);

// true: the account wrote it; false: the other party did; nullopt: the message does not say
// enough (no is_me, no sender URL or name to compare).
std::optional<bool> writtenByAccount(const Message &message, const Person &otherParty);

// Text as the server may hand it back: line ends unified and outer white space dropped.
QString comparableText(const QString &text);

} // namespace ld::sync
