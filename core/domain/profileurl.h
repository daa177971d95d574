#pragma once
// LinkedIn member profile URLs as people paste them and as the API returns them (the keys vary:
// profile_url, linkedin_url, public_identifier; §1.8). One place decides what counts as a
// profile URL, so an invite to a company page or another site is refused before any request.
#include <QString>

namespace ld {

// The public identifier of a member profile, lower-cased and percent-decoded:
// "https://www.linkedin.com/in/Ada-L/?trk=x" → "ada-l". Accepts http or https or no scheme,
// "www.", a country sub-domain ("fr.linkedin.com") or none, a trailing slash, query and
// fragment. Empty when the text is not a LinkedIn member profile URL (company or school pages,
// other hosts, "/in/" without an identifier, white space inside).
QString linkedInProfileId(const QString &url);

// "https://www.linkedin.com/in/<id>/" for a profile URL; empty when it is not one.
QString canonicalProfileUrl(const QString &url);

} // namespace ld
