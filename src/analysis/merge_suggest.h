// Joint organization suggestions per mode of DESIGN.md section 1: strong_weak pairs weak
// villages with an adjacent strong lead by an exact min-cost maximum flow; regional joins
// hollow villages to a larger central village; leader groups weak organizations around a
// village with a capable leader. Every group is connected in the queen graph.
#pragma once

#include "analysis/contiguity.h"
#include "analysis/strategy.h"
#include "core/plan.h"

#include <limits>
#include <optional>

namespace beltplan::analysis {

struct MergeSuggestOptions {
    core::JointOrgMode mode = core::JointOrgMode::kStrongWeak;
    // strong_weak: villages with collective income at or below this are weak (万元); unset =
    // the income of the village at the end of the lowest third.
    std::optional<double> weak_income_wan_yuan;
    // Largest anchor distance from a member to its lead; infinite = no limit (strong_weak),
    // regional and leader need one.
    double max_distance_m = std::numeric_limits<double>::infinity();
    // Largest group, lead included: 3 for strong_weak (a lead and 1-2 weak villages).
    int max_members = 3;
    RunControl* control = nullptr;  // may be null; once asked to stop, the call throws Stopped
};

// Computes the suggestion on `graph` (the queen graph of `plan`, with its edits). Villages
// already in a joint organization of the same mode are left out and listed.
core::Result<Suggestion> suggest_merges(const core::Plan& plan, const ContiguityGraph& graph,
                                        const MergeSuggestOptions& options);

// The default weak threshold: the income of the village at the end of the lowest third of
// the villages with a known income; nullopt when none has one.
std::optional<double> lowest_third_income(const core::Plan& plan);

// strong_weak alone (called by suggest_merges).
Suggestion suggest_strong_weak(const core::Plan& plan, const ContiguityGraph& graph,
                               const MergeSuggestOptions& options, double weak_income_wan_yuan);

// regional and leader (called by suggest_merges): lazy greedy over candidate leads, each
// growing the largest connected group of nearest members within max_distance_m.
Suggestion suggest_grouped(const core::Plan& plan, const ContiguityGraph& graph,
                           const MergeSuggestOptions& options);

// Villages already in a joint organization of `mode`, by index; each lists the org's id.
std::vector<std::string> existing_org_of(const core::Plan& plan, core::JointOrgMode mode);

}  // namespace beltplan::analysis
