// Village matching of site rows: code first, then the name key within the township's villages.
#include "io/site_match.h"

#include "core/messages.h"
#include "io/import_codes.h"
#include "io/name_match.h"

#include <algorithm>

namespace beltplan::io {

namespace {

std::string village_text(const core::Village& v) {
    return v.name + " (" + v.code + ")";
}

}  // namespace

VillageMatcher::VillageMatcher(const core::Plan& plan) : plan_(plan) {
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        const core::Village& v = plan.villages[i];
        village_keys_.push_back(village_key(v.name));
        by_code_.emplace(v.code, i);
        by_key_[village_keys_.back()].push_back(i);
        by_town_[v.town_code].push_back(i);
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
    bool known = false;
    for (std::size_t t = 0; t < plan_.townships.size(); ++t) {
        if (township_keys_[t] == key || plan_.townships[t].code == text) {
            known = true;
            const auto members = by_town_.find(plan_.townships[t].code);
            if (members != by_town_.end()) {
                out.insert(out.end(), members->second.begin(), members->second.end());
            }
        }
    }
    if (known) {
        return out;
    }
    // Townships made from village codes carry no names: the township named in the row cannot
    // be checked, so the whole district is searched (an ambiguous name still stays unplaced).
    const bool nameless = std::any_of(plan_.townships.begin(), plan_.townships.end(),
                                      [](const core::Township& t) { return t.name == t.code; });
    if (!nameless) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < plan_.villages.size(); ++i) {
        out.push_back(i);
    }
    return out;
}

std::optional<std::size_t> VillageMatcher::match(const std::string& code_text, SiteRow& row) const {
    if (!code_text.empty()) {
        const std::string code = normalise_code(code_text).code;
        const auto found = by_code_.find(code);
        if (found != by_code_.end()) {
            row.how = SiteMatchHow::kCode;
            row.village_code = code;
            row.village_name = plan_.villages[found->second].name;
            return found->second;
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
    // Exact keys through the index; a one-character typo only when no exact name is in scope.
    const std::string key = village_key(row.village_text);
    std::vector<std::size_t> hits;  // indices into plan.villages
    const auto exact = by_key_.find(key);
    if (exact != by_key_.end()) {
        for (std::size_t i : exact->second) {
            if (row.township_text.empty() || std::find(in->begin(), in->end(), i) != in->end()) {
                hits.push_back(i);
            }
        }
    }
    bool typo = false;
    if (hits.empty()) {
        std::vector<std::string> keys;
        for (std::size_t i : *in) {
            keys.push_back(village_keys_[i]);
        }
        for (std::size_t h : lookup_name(key, keys).hits) {
            hits.push_back((*in)[h]);
        }
        typo = true;
    }
    return settle(hits, typo, row);
}

std::optional<std::size_t> VillageMatcher::settle(const std::vector<std::size_t>& hits, bool typo,
                                                  SiteRow& row) const {
    if (hits.empty()) {
        row.how = SiteMatchHow::kUnmatched;
        row.note =
            row.township_text.empty()
                ? core::tr("import.match.no_village", {row.village_text})
                : core::tr("import.match.no_village_in", {row.village_text, row.township_text});
        return std::nullopt;
    }
    if (hits.size() > 1) {
        row.how = SiteMatchHow::kAmbiguous;
        for (std::size_t i : hits) {
            row.candidates.push_back(village_text(plan_.villages[i]));
        }
        row.note = core::tr(typo ? "import.match.several_typo" : "import.match.several",
                            {row.village_text});
        return std::nullopt;
    }
    const std::size_t i = hits[0];
    row.how = typo ? SiteMatchHow::kTypo : SiteMatchHow::kName;
    row.village_code = plan_.villages[i].code;
    row.village_name = plan_.villages[i].name;
    if (typo) {
        row.note = core::tr("import.match.typo", {row.village_text, plan_.villages[i].name});
    }
    return i;
}

}  // namespace beltplan::io
