// Value parsing for imported attributes, tolerant of how spreadsheets store numbers.
#include "io/import_values.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

namespace beltplan::io {

namespace {

// Text with surrounding blanks and thousands separators removed.
std::string numeric_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c != ',' && std::isspace(static_cast<unsigned char>(c)) == 0) {
            out += c;
        }
    }
    return out;
}

std::string trimmed_lower(const std::string& text) {
    std::size_t b = 0;
    std::size_t e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b])) != 0) {
        ++b;
    }
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1])) != 0) {
        --e;
    }
    std::string out = text.substr(b, e - b);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    });
    return out;
}

}  // namespace

Parsed parse_real(const core::FieldValue& value, double& out) {
    switch (value.type) {
        case core::FieldValue::Type::kNull:
            return Parsed::kEmpty;
        case core::FieldValue::Type::kInteger:
            out = static_cast<double>(value.integer);
            return Parsed::kOk;
        case core::FieldValue::Type::kReal:
            if (!std::isfinite(value.real)) {
                return Parsed::kBad;
            }
            out = value.real;
            return Parsed::kOk;
        case core::FieldValue::Type::kString:
            break;
    }
    const std::string text = numeric_text(value.text);
    if (text.empty()) {
        return Parsed::kEmpty;
    }
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || errno != 0 || !std::isfinite(v)) {
        return Parsed::kBad;
    }
    out = v;
    return Parsed::kOk;
}

Parsed parse_integer(const core::FieldValue& value, std::int64_t& out) {
    if (value.type == core::FieldValue::Type::kInteger) {
        out = value.integer;
        return Parsed::kOk;
    }
    double v = 0.0;
    const Parsed p = parse_real(value, v);
    if (p != Parsed::kOk) {
        return p;
    }
    if (std::floor(v) != v || std::fabs(v) > 9e15) {
        return Parsed::kBad;
    }
    out = static_cast<std::int64_t>(v);
    return Parsed::kOk;
}

Parsed parse_flag(const core::FieldValue& value, bool& out) {
    if (value.type == core::FieldValue::Type::kNull) {
        return Parsed::kEmpty;
    }
    if (value.type == core::FieldValue::Type::kInteger ||
        value.type == core::FieldValue::Type::kReal) {
        const double v = value.type == core::FieldValue::Type::kInteger
                             ? static_cast<double>(value.integer)
                             : value.real;
        if (v != 0.0 && v != 1.0) {
            return Parsed::kBad;
        }
        out = v == 1.0;
        return Parsed::kOk;
    }
    const std::string t = trimmed_lower(value.text);
    if (t.empty()) {
        return Parsed::kEmpty;
    }
    static const char* const kYes[] = {"1", "是", "有", "true", "yes", "y", "t", "√"};
    static const char* const kNo[] = {"0", "否", "无", "false", "no", "n", "f", "×"};
    for (const char* y : kYes) {
        if (t == y) {
            out = true;
            return Parsed::kOk;
        }
    }
    for (const char* n : kNo) {
        if (t == n) {
            out = false;
            return Parsed::kOk;
        }
    }
    return Parsed::kBad;
}

}  // namespace beltplan::io
