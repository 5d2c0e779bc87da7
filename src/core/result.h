// Result<T> and the error catalogue: every public function at an input boundary returns a
// value or an Error naming file, layer, feature and field, in one sentence a planner reads.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace beltplan::core {

// Error codes grouped by range: 1xx open/read, 2xx encoding, 3xx geometry, 4xx CRS,
// 5xx plan/command/argument, 6xx plugin, 9xx internal.
enum class ErrorCode {
    kOpenFailed = 101,
    kLayerNotFound = 102,
    kFieldMissing = 103,
    kEmptyLayer = 104,
    kReadFailed = 105,
    kWriteFailed = 106,
    kUnsupportedFormat = 107,
    kUndecodableText = 201,
    kUnknownEncoding = 202,
    kInvalidGeometry = 301,
    kWrongGeometryType = 302,
    kEmptyGeometry = 303,
    kNoCrs = 401,
    kBadCrs = 402,
    kTransformFailed = 403,
    kDuplicateCode = 501,
    kBadPlan = 502,
    kBadArgument = 503,
    kBadValue = 504,
    kUnknownReference = 505,
    kCancelled = 506,  // stopped on request (a suggestion the planner cancelled)
    kPluginLoad = 601,
    kPluginVersion = 602,
    kPluginCrashed = 603,  // a plugin process died (signal) or sent no readable answer
    kInternal = 901,
};

// Where an error happened; empty parts are left out of the message.
struct Where {
    std::string file;
    std::string layer;
    std::int64_t feature = -1;  // OGR feature id, or -1
    std::string field;
};

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string message;  // the whole sentence, location included
    Where where;
};

// Builds an Error whose message reads "<file>, layer 'x', feature N, field 'f': <what>".
Error make_error(ErrorCode code, const Where& where, const std::string& what);

// Numeric value of a code, for the "error E301" tag of the CLI.
inline int code_number(ErrorCode code) {
    return static_cast<int>(code);
}

// A value or an Error. Access to the wrong alternative is a programmer error.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
    Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Error> v_;
};

// Result of an operation with no value.
struct Ok {};
using Status = Result<Ok>;

}  // namespace beltplan::core
