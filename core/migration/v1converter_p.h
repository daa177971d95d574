#pragma once
// Pieces of the V1 → V2 converter shared by its source files (v1converter.cpp: the mapping
// table and the bodies; v1params.cpp: the renames inside params; v1request.cpp: reading what
// a person pastes and writing the result).
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

class QUrlQuery;

namespace ld::v1 {

// "/v1/network/connect" from a path, a full URL (its query copied to *query), a path with a
// query or fragment, or a trailing '/'.
QString normalisedPath(const QString &raw, QUrlQuery *query = nullptr);
// A sentence when `path` (normalised) is not a V1 path (a V2 one included); empty otherwise.
QString pathProblem(const QString &path);

// "a; b;;c " → ["a", "b", "c"]: trimmed, empty items dropped.
QJsonArray splitList(const QString &text, const QRegularExpression &separator);

// The V1 body (without login_token and country) as the params of V2 `action`, with the
// renames of contract §10 and §10.1; a sentence per change is appended to *notes.
QJsonObject convertParams(const QString &action, QJsonObject params, QStringList *notes);

} // namespace ld::v1
