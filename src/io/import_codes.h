// Administrative codes as departments store them (DESIGN.md section 6), normalised to the
// plan's 12-digit village and 9-digit township codes: a 19-digit 坐落单位代码 (三调 ZLDWDM) is
// its first 12 digits plus a 7-digit group part, a 12-digit township code ends in 000.
#pragma once

#include "core/plan.h"

#include <optional>
#include <string>

namespace beltplan::io {

enum class CodeLevel { kUnknown, kCounty, kTownship, kVillage };

// What a code value means once normalised.
struct NormalCode {
    std::string code;  // 12 digits (village), 9 digits (township), else the digits as given
    CodeLevel level = CodeLevel::kUnknown;
    bool cut_from_19 = false;  // a 19-digit 坐落单位代码 gave the 12-digit village code
    std::string group;         // its last 7 digits (0000000, or a 村民小组's part)
    bool cut_from_12 = false;  // a 12-digit code ending in 000 gave the 9-digit township code
};

// The digits of a code value, exactly: text trimmed (a trailing ".0" of a spreadsheet
// dropped), integers as they are, integral reals up to 2^53 exactly. Larger reals (a numeric
// 19-digit field) keep their first 12 digits, which the floating point still holds exactly,
// followed by 0000000. Scientific text such as "1.30123100001E+18" is expanded when its digits
// still hold the code. nullopt when the value is no code at all or has lost its digits
// ("1.30123E+18": `lossy` is then set).
std::optional<std::string> code_digits(const core::FieldValue& value, bool& lossy);

// Normalises code digits: 19 digits -> the first 12; 12 digits ending in 000000 -> the first
// 6 (a county); 12 digits ending in 000 -> the first 9 (a township); 12 digits -> a village;
// 9 digits -> a township; 6 digits -> a county; anything else kUnknown.
NormalCode normalise_code(const std::string& digits);

// True when every character is an ASCII digit (and there is at least one).
bool all_digits(const std::string& text);

}  // namespace beltplan::io
