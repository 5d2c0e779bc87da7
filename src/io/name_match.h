// Village and township names as people write them (DESIGN.md section 6): NFKC through ICU,
// spaces and full-width spaces dropped, the suffixes 村 / 社区 / 村委会 / 居委会 removed, and a
// one-character typo accepted only when it points at exactly one name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace beltplan::io {

// NFKC (full-width letters and digits to ASCII, compatibility ideographs to the unified ones),
// every white space (U+3000 included) removed, ASCII letters lowered. Invalid UTF-8 is kept
// byte for byte.
std::string normalise_name(std::string_view utf8);

// The key a village name is compared by: normalise_name, then the suffixes 村民委员会,
// 居民委员会, 村委会, 居委会, 委员会, 社区, 村 removed repeatedly ("东村村委会" and "东村" both
// give "东"), never down to nothing.
std::string village_key(std::string_view utf8);

// The key of a township name: normalise_name, then one of 街道办事处, 办事处, 人民政府, 街道,
// 镇, 乡 removed ("深井镇" -> "深井"), never down to nothing.
std::string township_key(std::string_view utf8);

// True when the two keys differ by exactly one character (one substitution, insertion or
// deletion of a code point) and are long enough for that to mean a typo: the shorter has at
// least 2 and the longer at least 3 code points.
bool one_typo_apart(std::string_view a, std::string_view b);

// How a name was found among candidates.
enum class NameMatch { kNone, kExact, kTypo, kAmbiguous };

// The result of looking a key up in a list of keys.
struct NameLookup {
    NameMatch how = NameMatch::kNone;
    std::vector<std::size_t> hits;  // indices into the candidates (several when ambiguous)
};

// Looks `key` up among `candidates` (keys made by the same function): every exact match; when
// there is none, every candidate one typo away. One hit is kExact or kTypo; several are
// kAmbiguous; none is kNone.
NameLookup lookup_name(const std::string& key, const std::vector<std::string>& candidates);

}  // namespace beltplan::io
