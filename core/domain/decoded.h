#pragma once
// The result of decoding remote JSON into a domain value: the value, or an error naming the
// JSON path that was wrong ("data.items[3].account_id: expected a string"). Never throws.
#include <QString>
#include <utility>

namespace ld {

template <typename T>
struct Decoded
{
    T value {};
    QString error; // empty on success

    bool ok() const { return error.isEmpty(); }
    static Decoded success(T v) { return Decoded { std::move(v), {} }; }
    static Decoded failure(QString message) { return Decoded { T {}, std::move(message) }; }
};

} // namespace ld
