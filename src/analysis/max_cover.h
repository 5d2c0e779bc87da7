// Weighted maximal covering (choose p sets to maximise the weight of covered items): greedy,
// swap local search, an iterated local search that keeps improving while the gap to the
// Lagrangian upper bound is open, independent of any plan. Deterministic: the same problem and
// options give the same answer on every run and machine.
#pragma once

#include "analysis/run_control.h"

#include <cstdint>
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
    // Rounds of the iterated local search after the swap descent (-1: 50,000); it ends
    // sooner when the gap is closed or after a fifth of them (at most 20 per candidate)
    // without a better value.
    int improve_rounds = -1;
    std::uint64_t seed = 20261213;  // of the search's random choices
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
    double greedy_value = 0;   // what the greedy alone covered, before any improvement
    long swaps = 0;            // interchanges the improvement phases applied
};

// Weight covered by a choice of candidates.
double cover_value(const MaxCoverProblem& problem, const std::vector<int>& chosen);

// Plain greedy: each step takes the candidate adding the most weight (lowest index on ties).
// Stops early when nothing adds weight. upper_bound is the trivial bound.
MaxCoverSolution greedy_max_cover(const MaxCoverProblem& problem, int p);

// Greedy, swap (interchange) local search to a local optimum, then an iterated local search
// until the gap to the bound is below stop_gap or the rounds are spent; the bound is the best
// Lagrangian relaxation bound found by subgradient optimisation (rounded down for whole
// weights). upper_bound == value means the choice is proven optimal.
MaxCoverSolution solve_max_cover(const MaxCoverProblem& problem, int p,
                                 const MaxCoverOptions& options = {});

// The fewest candidates that can cover `need` weight, from below: no choice of fewer than the
// returned count covers `need` (Lagrangian bounds of every count from multipliers optimised
// for near_count - 1 candidates, the count just below a known answer). 0 when need <= 0.
int fewest_sets_lower_bound(const MaxCoverProblem& problem, double need, int near_count,
                            const MaxCoverOptions& options = {});

}  // namespace beltplan::analysis
