// main's maximal-covering solver at 85cc747, the "before" of beltplan_suggest_bench.
#pragma once

#include "analysis/max_cover.h"

namespace beltplan::bench::main_solver {

// Greedy, first-improvement swap passes, subgradient bound (main at 85cc747).
analysis::MaxCoverSolution solve_max_cover(const analysis::MaxCoverProblem& problem, int p,
                                           const analysis::MaxCoverOptions& options = {});

}  // namespace beltplan::bench::main_solver
