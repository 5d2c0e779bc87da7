// Code normalisation. Floating point holds integers exactly up to 2^53 (16 digits); a 19-digit
// code stored as a number keeps its first 12 digits, which is all a village code needs.
#include "io/import_codes.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace beltplan::io {

namespace {

constexpr double kExactLimit = 9007199254740992.0;  // 2^53
constexpr double kTenPow7 = 1e7;

std::string trimmed(const std::string& text) {
    const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    auto b = std::find_if_not(text.begin(), text.end(), space);
    auto e = std::find_if_not(text.rbegin(), text.rend(), space).base();
    return b < e ? std::string(b, e) : std::string();
}

// A real as a code: exact below 2^53; a 19-digit value keeps its first 12 digits.
std::optional<std::string> real_digits(double v, bool& lossy) {
    if (!std::isfinite(v) || v < 0.0 || std::floor(v) != v) {
        return std::nullopt;
    }
    char buf[32];
    if (v < kExactLimit) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return std::string(buf);
    }
    if (v >= 1e18 && v < 1e19) {
        // The double is within 128 of the true value; the 12-digit village part is
        // floor(true / 1e7), read here with a margin that covers that error.
        const double village = std::floor((v + 512.0) / kTenPow7);
        std::snprintf(buf, sizeof buf, "%.0f0000000", village);
        return std::string(buf);
    }
    lossy = true;
    return std::nullopt;
}

// "1.30123100001E+18" -> its digits when the mantissa was written with every digit that
// matters (the 12 of a 19-digit 坐落单位代码, all digits of a shorter code); a mantissa cut
// short ("1.30123E+18", as Excel shows long numbers) has lost the code.
std::optional<std::string> scientific_digits(const std::string& text, bool& lossy) {
    const std::size_t e = text.find_first_of("eE");
    if (e == std::string::npos) {
        return std::nullopt;
    }
    const std::string mantissa = text.substr(0, e);
    const int exponent = std::atoi(text.c_str() + e + 1);
    const std::size_t dot = mantissa.find('.');
    std::string digits = mantissa;
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    if (!all_digits(digits) || exponent < 0 || exponent > 30 || digits[0] == '0') {
        return std::nullopt;
    }
    const int int_len = static_cast<int>(dot == std::string::npos ? mantissa.size() : dot);
    const int total = int_len + exponent;
    const int needed = total == 19 ? 12 : std::min(total, 15);
    if (static_cast<int>(digits.size()) > total) {
        return std::nullopt;  // a fraction: no code
    }
    if (static_cast<int>(digits.size()) < needed) {
        lossy = true;
        return std::nullopt;
    }
    digits.resize(static_cast<std::size_t>(total), '0');
    return digits;
}

}  // namespace

bool all_digits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::optional<std::string> code_digits(const core::FieldValue& value, bool& lossy) {
    lossy = false;
    switch (value.type) {
        case core::FieldValue::Type::kNull:
            return std::nullopt;
        case core::FieldValue::Type::kInteger:
            if (value.integer < 0) {
                return std::nullopt;
            }
            return std::to_string(value.integer);
        case core::FieldValue::Type::kReal:
            return real_digits(value.real, lossy);
        case core::FieldValue::Type::kString:
            break;
    }
    std::string text = trimmed(value.text);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0 &&
        all_digits(text.substr(0, text.size() - 2))) {
        text.resize(text.size() - 2);
    }
    if (all_digits(text)) {
        return text;
    }
    return scientific_digits(text, lossy);
}

NormalCode normalise_code(const std::string& digits) {
    NormalCode out;
    out.code = digits;
    if (!all_digits(digits)) {
        return out;
    }
    if (digits.size() == 19) {
        out.code = digits.substr(0, 12);
        out.group = digits.substr(12);
        out.cut_from_19 = true;
    }
    if (out.code.size() == 12 && out.code.compare(6, 6, "000000") == 0) {
        out.code.resize(6);
        out.level = CodeLevel::kCounty;
    } else if (out.code.size() == 6) {
        out.level = CodeLevel::kCounty;
    } else if (out.code.size() == 12 && out.code.compare(9, 3, "000") == 0) {
        out.code.resize(9);
        out.cut_from_12 = true;
        out.level = CodeLevel::kTownship;
    } else if (out.code.size() == 12) {
        out.level = CodeLevel::kVillage;
    } else if (out.code.size() == 9) {
        out.level = CodeLevel::kTownship;
    }
    return out;
}

}  // namespace beltplan::io
