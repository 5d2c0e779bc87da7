// Sites by village (issue 8 item 6): a row that names its village by code, or by name within
// a township, is matched against the plan's villages as people write names (io/name_match.h).
// A one-character typo counts only when it points at one village; no match or several leave
// the row unplaced, never placed at a guess.
#pragma once

#include "core/plan.h"
#include "io/import.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace beltplan::io {

// The plan's villages and townships keyed for matching.
class VillageMatcher {
public:
    explicit VillageMatcher(const core::Plan& plan);

    // Matches one row: by code when given and known (12-digit, or a 19-digit 坐落单位代码), else
    // by name within the named township (every township when none is named). Fills how,
    // village_code, village_name, candidates and note of `row` (its texts already set) and
    // returns the index of the village in plan.villages, or nullopt when the row stays unplaced.
    std::optional<std::size_t> match(const std::string& code_text, SiteRow& row) const;

private:
    // The row's result from the villages that fit (indices into plan.villages).
    std::optional<std::size_t> settle(const std::vector<std::size_t>& hits, bool typo,
                                      SiteRow& row) const;
    // Indices of the villages in the township named `text` (every village when the plan's
    // townships have no names to check against); nullopt when no township has that name.
    std::optional<std::vector<std::size_t>> scope(const std::string& text) const;

    const core::Plan& plan_;
    std::vector<std::string> village_keys_;
    std::vector<std::string> township_keys_;
    std::unordered_map<std::string, std::size_t> by_code_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_;   // village key
    std::unordered_map<std::string, std::vector<std::size_t>> by_town_;  // township code
};

}  // namespace beltplan::io
