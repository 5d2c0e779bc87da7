// Weighted maximal covering (choose p sets to maximise the weight of covered items): greedy,
// swap local search and a Lagrangian upper bound, independent of any plan.
#pragma once

#include "analysis/run_control.h"

#include <optional>
#include <vector>

namespace beltplan::analysis {

struct MaxCoverProblem {
    std::vector<double> weight;          // per item, >= 0
    std::vector<std::vector<int>> sets;  // per candidate: the items it covers, ascending
};

struct MaxCoverOptions {
    int max_iterations = 1000;  // subgradient steps of the Lagrangian bound
    double stop_gap = 1e-5;     // stop when (bound - value) / bound falls below this
    // Early stops for "how many sites" questions: a value at least this is enough, a bound
    // below this settles that it cannot be reached.
    std::optional<double> enough_value;
    RunControl* control = nullptr;  // may be null; once asked to stop, the call throws Stopped
};

struct MaxCoverSolution {
    std::vector<int> chosen;   // candidates, in the order of their greedy contribution
    std::vector<double> gain;  // marginal weight each adds in that order
    double value = 0;          // covered weight
    double upper_bound = 0;    // no choice of p candidates covers more
    int iterations = 0;        // subgradient steps used
};

// Weight covered by a choice of candidates.
double cover_value(const MaxCoverProblem& problem, const std::vector<int>& chosen);

// Plain greedy: each step takes the candidate adding the most weight (lowest index on ties).
// Stops early when nothing adds weight. upper_bound is the trivial bound.
MaxCoverSolution greedy_max_cover(const MaxCoverProblem& problem, int p);

// Greedy, then swap (interchange) local search, improved from Lagrangian solutions, with the
// best Lagrangian relaxation bound found by subgradient optimisation.
MaxCoverSolution solve_max_cover(const MaxCoverProblem& problem, int p,
                                 const MaxCoverOptions& options = {});

}  // namespace beltplan::analysis
