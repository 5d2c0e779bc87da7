// Maximal covering, the phases put together: greedy, swap descent, Lagrangian bound, iterated
// local search while the gap is open, a last bound polish against the improved value.
// The search itself is max_cover_search.cpp, the bound max_cover_bound.cpp.
#include "analysis/max_cover.h"

#include "analysis/max_cover_internal.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>

namespace beltplan::analysis {

namespace detail = max_cover_detail;

namespace {

// Orders a choice by greedy marginal contribution (lazily: gains only shrink) and fills value
// and gains. Ties go to the lower candidate.
MaxCoverSolution ordered(const MaxCoverProblem& pr, const std::vector<int>& chosen) {
    MaxCoverSolution out;
    std::vector<char> covered(pr.weight.size(), 0);
    auto gain = [&](int c) {
        double g = 0;
        for (int i : pr.sets[static_cast<std::size_t>(c)]) {
            g +=
                covered[static_cast<std::size_t>(i)] ? 0.0 : pr.weight[static_cast<std::size_t>(i)];
        }
        return g;
    };
    using Item = std::pair<double, int>;  // (gain bound, -candidate)
    std::priority_queue<Item> queue;
    for (int c : chosen) {
        queue.emplace(gain(c), -c);
    }
    while (!queue.empty()) {
        const int c = -queue.top().second;
        queue.pop();
        const double g = gain(c);
        if (!queue.empty() && Item(g, -c) < queue.top()) {
            queue.emplace(g, -c);
            continue;
        }
        for (int i : pr.sets[static_cast<std::size_t>(c)]) {
            covered[static_cast<std::size_t>(i)] = 1;
        }
        out.chosen.push_back(c);
        out.gain.push_back(g);
        out.value += g;
    }
    return out;
}

// Bounds that need no multipliers: all coverable weight, and the p heaviest sets.
double trivial_bound(const MaxCoverProblem& pr, int p) {
    std::vector<char> coverable(pr.weight.size(), 0);
    std::vector<double> set_weight;
    for (const auto& set : pr.sets) {
        double w = 0;
        for (int i : set) {
            coverable[static_cast<std::size_t>(i)] = 1;
            w += pr.weight[static_cast<std::size_t>(i)];
        }
        set_weight.push_back(w);
    }
    double all = 0;
    for (std::size_t i = 0; i < pr.weight.size(); ++i) {
        all += coverable[i] ? pr.weight[i] : 0.0;
    }
    const auto k =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(p, 0)), set_weight.size());
    std::partial_sort(set_weight.begin(), set_weight.begin() + static_cast<std::ptrdiff_t>(k),
                      set_weight.end(), std::greater<>());
    return std::min(all, std::accumulate(set_weight.begin(),
                                         set_weight.begin() + static_cast<std::ptrdiff_t>(k), 0.0));
}

bool whole_weights(const MaxCoverProblem& pr) {
    return std::all_of(pr.weight.begin(), pr.weight.end(),
                       [](double w) { return w == std::floor(w); });
}

// With whole weights every covered total is whole: a bound may drop its fraction.
double round_bound(bool whole, double bound) {
    return whole ? std::floor(bound + 1e-9 * std::max(1.0, std::abs(bound))) : bound;
}

// The iterated local search's budget: about 2 s (5,000 candidates) to 4 s (50,000) on one
// core of the project machine; it ends sooner when the best value stops improving.
constexpr int kDefaultRounds = 50000;

}  // namespace

double cover_value(const MaxCoverProblem& problem, const std::vector<int>& chosen) {
    std::vector<int> sorted = chosen;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    return ordered(problem, sorted).value;
}

MaxCoverSolution greedy_max_cover(const MaxCoverProblem& problem, int p) {
    const detail::Instance instance(problem);
    detail::CoverSearch search(instance);
    search.greedy_fill(std::min(std::max(p, 0), instance.candidates()));
    MaxCoverSolution out = ordered(problem, search.chosen());
    out.greedy_value = out.value;
    out.upper_bound = std::max(out.value, trivial_bound(problem, p));
    return out;
}

MaxCoverSolution solve_max_cover(const MaxCoverProblem& problem, int p,
                                 const MaxCoverOptions& options) {
    p = std::min(std::max(p, 0), static_cast<int>(problem.sets.size()));
    check(options.control);
    const detail::Instance instance(problem);
    detail::CoverSearch search(instance);
    search.greedy_fill(p);
    const double greedy_value = search.value();
    search.descend(options.control, true);
    report(options.control, 0.5);
    std::vector<int> best = search.chosen();
    double value = search.value();
    double bound = std::max(value, trivial_bound(problem, p));
    const bool whole = whole_weights(problem);
    // Settled: the gap between bound b and value v is small enough, or the value asked for is
    // reached, or the bound shows it cannot be.
    auto settled_at = [&](double b, double v) {
        return round_bound(whole, b) - v <= options.stop_gap * b ||
               (options.enough_value && (v >= *options.enough_value || b < *options.enough_value));
    };
    auto settled = [&](double b) { return settled_at(b, std::max(value, search.value())); };
    int iterations = 0;
    if (p > 0 && !settled(bound)) {
        const auto incumbent = [&] { return std::max(value, search.value()); };
        detail::Relaxation r = detail::relax(instance, p, {}, options.max_iterations, incumbent,
                                             settled, options.control);
        iterations = r.iterations;
        bound = std::min(bound, std::max(r.bound, value));
        report(options.control, 0.7);
        if (!settled(bound)) {
            std::mt19937_64 rng(options.seed);
            const int rounds =
                options.improve_rounds >= 0 ? options.improve_rounds : kDefaultRounds;
            // Annealing from 3 % of what an average chosen set covers: enough to leave a local
            // optimum by a village or two, and tuned on the 5,000-village bench instances.
            const double temperature = 0.03 * value / p;
            search.iterate(rounds, temperature, rng, options.control,
                           [&](double found) { return settled_at(bound, found); });
            search.descend(options.control, true);
            if (search.value() > value) {
                value = search.value();
                best = search.chosen();
            }
            report(options.control, 0.9);
            if (!settled(bound) && options.max_iterations > iterations) {
                // The better value gives Polyak's step a better target.
                detail::Relaxation polish =
                    detail::relax(instance, p, r.lambda, options.max_iterations - iterations,
                                  incumbent, settled, options.control);
                iterations += polish.iterations;
                bound = std::min(bound, std::max(polish.bound, value));
            }
        }
    }
    MaxCoverSolution out = ordered(problem, best);
    out.upper_bound = std::max(round_bound(whole, bound), out.value);
    out.iterations = iterations;
    out.greedy_value = greedy_value;
    out.swaps = search.swaps();
    report(options.control, 1.0);
    return out;
}

int fewest_sets_lower_bound(const MaxCoverProblem& problem, double need, int near_count,
                            const MaxCoverOptions& options) {
    if (need <= 0) {
        return 0;
    }
    const detail::Instance instance(problem);
    const bool whole = whole_weights(problem);
    const int m = instance.candidates();
    const int k = std::clamp(near_count - 1, 1, std::max(m, 1));
    // Multipliers tuned for k sets (Polyak's steps aim at `need`: a bound below it settles
    // the count), then the bound of every count from them at once.
    const detail::Relaxation r = detail::relax(
        instance, std::min(k, m), {}, options.max_iterations, [&] { return need; },
        [&](double b) { return round_bound(whole, b) < need; }, options.control);
    const std::vector<double> by_count = detail::bounds_by_count(instance, r.lambda, m);
    const double coverable = trivial_bound(problem, m);  // no count covers more than this
    const double slack = 1e-9 * std::max(1.0, need);
    for (int c = 0; c <= m; ++c) {
        const double b = std::min(coverable, by_count[static_cast<std::size_t>(c)]);
        if (round_bound(whole, b) + slack >= need) {
            return c;
        }
    }
    return m + 1;  // not even every candidate covers it
}

}  // namespace beltplan::analysis
