// The one dissolve: the outline of a group of villages named by code (joint organizations,
// work stations, the outlines the plan file stores), as the union of their shapes.
#pragma once

#include "core/plan.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace beltplan::core {

// The union of the shapes of the villages named in `codes`; codes that name no village are
// skipped. Empty when none is known.
MultiPolygon dissolve_villages(const Plan& plan, const std::vector<std::string>& codes);

// The same with the index of village_index(plan), for callers that dissolve many groups.
MultiPolygon dissolve_villages(const Plan& plan,
                               const std::unordered_map<std::string, std::size_t>& index,
                               const std::vector<std::string>& codes);

}  // namespace beltplan::core
