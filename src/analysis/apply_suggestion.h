// A suggestion put into the plan as edits, the same way from the window (accept) and from
// `beltplan suggest --apply`: new sites named after the village they stand in, joint
// organizations named after their lead, or work stations replacing a township's.
#pragma once

#include "analysis/strategy.h"
#include "core/command.h"
#include "core/plan.h"

#include <string>
#include <vector>

namespace beltplan::analysis {

// One GroupCommand (one undo step) labelled `label` adding the suggestion's sites, then its
// groups: joint organizations of the group's mode, or, for the "stations" strategy, the
// stations of each township it split (replacing that township's stations). `groups` picks
// the groups to take by index (every group when null). Ids are the first free "S<n>",
// "J<n>", "W<n>". Precondition: the suggestion was computed on this plan.
core::CommandPtr suggestion_command(const core::Plan& plan, const Suggestion& suggestion,
                                    const std::string& label,
                                    const std::vector<int>* groups = nullptr);

}  // namespace beltplan::analysis
