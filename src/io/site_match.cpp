// Village matching of site rows: code first, then the name key within the township's villages.
#include "io/site_match.h"

#include "core/messages.h"
#include "io/import_codes.h"
#include "io/name_match.h"

namespace beltplan::io {

namespace {

std::string village_text(const core::Village& v) {
    return v.name + " (" + v.code + ")";
}

}  // namespace

VillageMatcher::VillageMatcher(const core::Plan& plan) : plan_(plan) {
    for (const core::Village& v : plan.villages) {
        village_keys_.push_back(village_key(v.name));
    }
    for (const core::Township& t : plan.townships) {
        township_keys_.push_back(township_key(t.name));
    }
}

std::optional<std::vector<std::size_t>> VillageMatcher::scope(const std::string& text) const {
    std::vector<std::size_t> out;
    if (text.empty()) {
        for (std::size_t i = 0; i < plan_.villages.size(); ++i) {
            out.push_back(i);
        }
        return out;
    }
    const std::string key = township_key(text);
    std::vector<std::string> codes;
    for (std::size_t t = 0; t < plan_.townships.size(); ++t) {
        if (township_keys_[t] == key || plan_.townships[t].code == text) {
            codes.push_back(plan_.townships[t].code);
        }
    }
    if (codes.empty()) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < plan_.villages.size(); ++i) {
        for (const std::string& c : codes) {
            if (plan_.villages[i].town_code == c) {
                out.push_back(i);
            }
        }
    }
    return out;
}

std::optional<std::size_t> VillageMatcher::match(const std::string& code_text, SiteRow& row) const {
    if (!code_text.empty()) {
        const std::string code = normalise_code(code_text).code;
        for (std::size_t i = 0; i < plan_.villages.size(); ++i) {
            if (plan_.villages[i].code == code) {
                row.how = SiteMatchHow::kCode;
                row.village_code = code;
                row.village_name = plan_.villages[i].name;
                return i;
            }
        }
        if (row.village_text.empty()) {
            row.how = SiteMatchHow::kUnmatched;
            row.note = core::tr("import.match.unknown_code", {code_text});
            return std::nullopt;
        }
    }
    const std::optional<std::vector<std::size_t>> in = scope(row.township_text);
    if (!in) {
        row.how = SiteMatchHow::kUnmatched;
        row.note = core::tr("import.match.unknown_township", {row.township_text});
        return std::nullopt;
    }
    std::vector<std::string> keys;
    for (std::size_t i : *in) {
        keys.push_back(village_keys_[i]);
    }
    const NameLookup found = lookup_name(village_key(row.village_text), keys);
    if (found.how == NameMatch::kNone) {
        row.how = SiteMatchHow::kUnmatched;
        row.note =
            row.township_text.empty()
                ? core::tr("import.match.no_village", {row.village_text})
                : core::tr("import.match.no_village_in", {row.village_text, row.township_text});
        return std::nullopt;
    }
    if (found.how == NameMatch::kAmbiguous) {
        row.how = SiteMatchHow::kAmbiguous;
        for (std::size_t h : found.hits) {
            row.candidates.push_back(village_text(plan_.villages[(*in)[h]]));
        }
        row.note = core::tr("import.match.several", {row.village_text});
        return std::nullopt;
    }
    const std::size_t i = (*in)[found.hits[0]];
    row.how = found.how == NameMatch::kTypo ? SiteMatchHow::kTypo : SiteMatchHow::kName;
    row.village_code = plan_.villages[i].code;
    row.village_name = plan_.villages[i].name;
    if (row.how == SiteMatchHow::kTypo) {
        row.note = core::tr("import.match.typo", {row.village_text, plan_.villages[i].name});
    }
    return i;
}

}  // namespace beltplan::io
