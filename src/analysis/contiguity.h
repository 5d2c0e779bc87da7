// Contiguity of villages (DESIGN.md section 2): queen = boundaries share a vertex, rook =
// they share an edge (two consecutive vertices), exactly as GeoDa/PySAL; with a snap
// tolerance, boundaries closer than snap_m count as touching. Islands get their nearest
// village and gap so a planner can choose a snap or add a manual link.
#pragma once

#include "core/plan.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace beltplan::analysis {

enum class ContiguityRule { kQueen, kRook };

struct ContiguityOptions {
    ContiguityRule rule = ContiguityRule::kQueen;
    // 0 = exact shared vertices/edges. > 0: queen when the boundaries come within snap_m;
    // rook when an edge of one lies within snap_m of the other's boundary at both ends.
    double snap_m = 0.0;
    // Apply plan.contiguity_edits after the geometric pairs: a link adds its pair, a cut
    // removes it, in list order (a later edit of the same pair wins).
    bool apply_plan_edits = true;
};

// A contiguity edit that could not be applied: it names a village that is not in the plan,
// or the same village twice.
struct UnknownEdit {
    std::size_t edit = 0;  // index into plan.contiguity_edits
    std::string sentence;  // names the edit and the missing code
};

// Neighbour pairs as indices into plan.villages.
struct ContiguityGraph {
    std::vector<std::pair<int, int>> pairs;    // i < j, sorted, unique
    std::vector<std::vector<int>> neighbours;  // per village, ascending
    std::size_t edits_applied = 0;             // plan edits applied (both villages known)
    std::vector<UnknownEdit> unknown_edits;    // plan edits skipped, in list order
};

// Computes the neighbour graph of all villages, with the plan's manual edits when asked.
ContiguityGraph contiguity(const core::Plan& plan, const ContiguityOptions& options);

// The geometric graph `geometric` (computed with apply_plan_edits = false) with the plan's
// manual edits applied, as contiguity() with apply_plan_edits = true gives it: a caller that
// keeps the geometric graph redoes only this when an edit is added or removed.
ContiguityGraph with_plan_edits(const core::Plan& plan, const ContiguityGraph& geometric);

// Pairs as village codes (a < b by code), sorted: the form `beltplan contiguity` writes.
std::vector<std::pair<std::string, std::string>> code_pairs(const core::Plan& plan,
                                                            const ContiguityGraph& graph);

// A village without neighbours, its nearest village and the gap between their boundaries.
struct Island {
    int village = -1;
    int nearest = -1;  // -1 when the plan has a single village
    double gap_m = 0.0;
};

// Every island of the graph with its nearest village by boundary distance.
std::vector<Island> find_islands(const core::Plan& plan, const ContiguityGraph& graph);

// The smallest snap tolerance from a fixed ladder (0.1 m .. 100 m) that reaches every island
// whose gap is at most max_gap_m; 0 when there is none. Larger gaps need a manual link.
double suggest_snap_m(const std::vector<Island>& islands, double max_gap_m = 100.0);

}  // namespace beltplan::analysis
