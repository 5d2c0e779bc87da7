// Parsing attribute values of any field type (numbers stored as text, 是/否 flags) for the
// import; a value that does not parse is reported by the caller and left unset, never zero.
#pragma once

#include "core/plan.h"

#include <cstdint>

namespace beltplan::io {

enum class Parsed { kEmpty, kOk, kBad };

// An integer from an integer, an integral real, or text such as " 1,234 ".
Parsed parse_integer(const core::FieldValue& value, std::int64_t& out);
// A real from any numeric value or numeric text (thousands separators allowed).
Parsed parse_real(const core::FieldValue& value, double& out);
// A flag: 1/0, 是/否, 有/无, true/false, yes/no, y/n, √/×.
Parsed parse_flag(const core::FieldValue& value, bool& out);

}  // namespace beltplan::io
