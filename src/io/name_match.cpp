// Name keys and lookup. ICU (Debian libicu-dev) does the NFKC normalisation and knows which
// code points are white space; the rest works on UTF-32 code points.
#include "io/name_match.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace beltplan::io {

namespace {

// UTF-8 -> code points; nullopt-like empty flag when the bytes are not valid UTF-8.
bool to_code_points(std::string_view utf8, std::u32string& out) {
    out.clear();
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto n = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            return false;
        }
        out.push_back(static_cast<char32_t>(c));
    }
    return true;
}

std::string to_utf8(const std::u32string& text) {
    std::string out;
    for (char32_t c : text) {
        uint8_t buf[U8_MAX_LENGTH];
        int32_t len = 0;
        UBool error = false;
        U8_APPEND(buf, len, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
        if (!error) {
            out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
        }
    }
    return out;
}

// NFKC of valid UTF-8 text through UTF-16; the input unchanged when ICU fails.
std::u32string nfkc(const std::u32string& text) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) {
        return text;
    }
    std::u16string utf16;
    for (char32_t c : text) {
        if (c <= 0xFFFF) {
            utf16.push_back(static_cast<char16_t>(c));
        } else {
            utf16.push_back(static_cast<char16_t>(U16_LEAD(c)));
            utf16.push_back(static_cast<char16_t>(U16_TRAIL(c)));
        }
    }
    std::u16string normal(utf16.size() * 3 + 8, u'\0');
    const int32_t len = unorm2_normalize(
        nfkc, reinterpret_cast<const UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()),
        reinterpret_cast<UChar*>(normal.data()), static_cast<int32_t>(normal.size()), &status);
    if (U_FAILURE(status)) {
        return text;
    }
    std::u32string out;
    for (int32_t i = 0; i < len;) {
        UChar32 c = 0;
        U16_NEXT(normal.data(), i, len, c);
        out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

std::u32string normal_points(std::string_view utf8, bool& valid) {
    std::u32string points;
    valid = to_code_points(utf8, points);
    if (!valid) {
        return points;
    }
    std::u32string out;
    for (char32_t c : nfkc(points)) {
        if (u_isUWhiteSpace(static_cast<UChar32>(c)) != 0 ||
            u_charType(static_cast<UChar32>(c)) == U_FORMAT_CHAR) {
            continue;  // spaces, full-width spaces, zero-width joiners copied from web pages
        }
        out.push_back(c < 0x80 && c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
    }
    return out;
}

bool ends_with(const std::u32string& text, const std::u32string& suffix) {
    return text.size() > suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string strip_suffixes(std::string_view utf8, const std::vector<std::u32string>& suffixes,
                           bool repeat) {
    bool valid = true;
    std::u32string text = normal_points(utf8, valid);
    if (!valid) {
        return std::string(utf8);
    }
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (const std::u32string& s : suffixes) {
            if (ends_with(text, s)) {  // strictly longer: never down to nothing
                text.resize(text.size() - s.size());
                stripped = repeat;
                break;
            }
        }
    }
    return to_utf8(text);
}

}  // namespace

std::string normalise_name(std::string_view utf8) {
    bool valid = true;
    std::u32string text = normal_points(utf8, valid);
    return valid ? to_utf8(text) : std::string(utf8);
}

std::string village_key(std::string_view utf8) {
    static const std::vector<std::u32string> kSuffixes = {
        U"村民委员会", U"居民委员会", U"村委会", U"居委会", U"委员会", U"社区", U"村"};
    return strip_suffixes(utf8, kSuffixes, true);
}

std::string township_key(std::string_view utf8) {
    static const std::vector<std::u32string> kSuffixes = {U"街道办事处", U"办事处", U"人民政府",
                                                          U"街道",       U"镇",     U"乡"};
    return strip_suffixes(utf8, kSuffixes, false);
}

bool one_typo_apart(std::string_view a, std::string_view b) {
    std::u32string x;
    std::u32string y;
    if (!to_code_points(a, x) || !to_code_points(b, y)) {
        return false;
    }
    if (x.size() > y.size()) {
        std::swap(x, y);
    }
    if (x.size() < 2 || y.size() < 3 || y.size() - x.size() > 1) {
        return false;
    }
    std::size_t i = 0;
    while (i < x.size() && x[i] == y[i]) {
        ++i;
    }
    if (x.size() == y.size()) {
        // One substitution: the rest after the first difference is equal.
        return i < x.size() && x.compare(i + 1, std::u32string::npos, y, i + 1) == 0;
    }
    // One insertion into x: skip y[i].
    return x.compare(i, std::u32string::npos, y, i + 1) == 0;
}

NameLookup lookup_name(const std::string& key, const std::vector<std::string>& candidates) {
    NameLookup out;
    if (key.empty()) {
        return out;
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (candidates[i] == key) {
            out.hits.push_back(i);
        }
    }
    if (out.hits.empty()) {
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            if (one_typo_apart(key, candidates[i])) {
                out.hits.push_back(i);
            }
        }
        out.how = out.hits.empty() ? NameMatch::kNone : NameMatch::kTypo;
    } else {
        out.how = NameMatch::kExact;
    }
    if (out.hits.size() > 1) {
        out.how = NameMatch::kAmbiguous;
    }
    return out;
}

}  // namespace beltplan::io
