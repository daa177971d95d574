#pragma once
// Decodes a V2 reply (contract §1.4) into its data and metadata or an ApiError. Success is
// decided by the body's "success", not the HTTP status: a 2xx with success:false is an Api
// error, a 2xx that cannot be read is BadBody, a non-2xx without an envelope (a proxy's HTML
// 502 page) is Http. A pure function, so every bad body can be tested without a network.
#include "apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

namespace ld {

struct Envelope
{
    QJsonValue data;       // an object or an array on success; undefined otherwise
    QJsonObject metadata;  // also on errors when the body had one
    ApiError error;        // Kind::None on success

    bool ok() const { return !error.isError(); }
    int creditsConsumed() const; // metadata.credits_consumed, 0 if absent or not a number

    static Envelope decode(int httpStatus, const QByteArray &body);
};

} // namespace ld
