#pragma once
// The two timestamp formats of the contract (§1.4): "2026-04-26T10:35:00Z" and
// "2025-01-15T10:32:00.000000" (no zone: UTC), plus millisecond epochs (§1.8).
#include <QDateTime>
#include <QJsonValue>

namespace ld::timestamps {

QDateTime parse(const QString &text);          // invalid QDateTime when unparseable
QDateTime fromJson(const QJsonValue &value);    // string (either format) or ms-epoch number
QString toIsoUtc(const QDateTime &t);           // "2026-04-26T10:35:00Z" (milliseconds when non-zero)

} // namespace ld::timestamps
