// The maximal-covering solver as it was on main at 85cc747 (lazy greedy, first-improvement
// swap passes, subgradient bound with local search from the Lagrangian choices), kept only as
// the "before" reference of beltplan_suggest_bench so that before and after run in one binary.
// Not part of the product; do not change it.
#include "reference/max_cover_main.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <queue>

namespace beltplan::bench::main_solver {

using analysis::check;
using analysis::MaxCoverOptions;
using analysis::MaxCoverProblem;
using analysis::MaxCoverSolution;
using analysis::report;

namespace {

// [SECTION] Cover state and greedy

// Covered counts of a current choice, with the sole coverer of items covered once.
class CoverState {
public:
    explicit CoverState(const MaxCoverProblem& problem)
        : pr_(problem),
          count_(problem.weight.size(), 0),
          owner_sum_(problem.weight.size(), 0),
          in_(problem.sets.size(), 0) {}

    void add(int c) {
        in_[static_cast<std::size_t>(c)] = 1;
        for (int i : pr_.sets[static_cast<std::size_t>(c)]) {
            const auto k = static_cast<std::size_t>(i);
            if (count_[k]++ == 0) {
                value_ += pr_.weight[k];
            }
            owner_sum_[k] += c;
        }
    }
    void remove(int c) {
        in_[static_cast<std::size_t>(c)] = 0;
        for (int i : pr_.sets[static_cast<std::size_t>(c)]) {
            const auto k = static_cast<std::size_t>(i);
            if (--count_[k] == 0) {
                value_ -= pr_.weight[k];
            }
            owner_sum_[k] -= c;
        }
    }
    double gain(int c) const {
        double g = 0;
        for (int i : pr_.sets[static_cast<std::size_t>(c)]) {
            if (count_[static_cast<std::size_t>(i)] == 0) {
                g += pr_.weight[static_cast<std::size_t>(i)];
            }
        }
        return g;
    }
    int count(int i) const { return count_[static_cast<std::size_t>(i)]; }
    int owner(int i) const { return static_cast<int>(owner_sum_[static_cast<std::size_t>(i)]); }
    bool in(int c) const { return in_[static_cast<std::size_t>(c)] != 0; }
    double value() const { return value_; }

private:
    const MaxCoverProblem& pr_;
    std::vector<int> count_;
    std::vector<std::int64_t> owner_sum_;  // sum of covering candidates: the owner when count 1
    std::vector<char> in_;
    double value_ = 0;
};

// Greedy additions to `state` until `chosen` has p candidates or nothing adds weight.
void greedy_fill(const MaxCoverProblem& pr, CoverState& state, std::vector<int>& chosen, int p) {
    using Item = std::pair<double, int>;  // (gain bound, -candidate): lowest index wins ties
    std::priority_queue<Item> queue;
    for (std::size_t c = 0; c < pr.sets.size(); ++c) {
        if (!state.in(static_cast<int>(c))) {
            queue.emplace(state.gain(static_cast<int>(c)), -static_cast<int>(c));
        }
    }
    while (static_cast<int>(chosen.size()) < p && !queue.empty()) {
        const auto [bound, neg] = queue.top();
        queue.pop();
        const double g = state.gain(-neg);
        if (g <= 0) {
            continue;
        }
        if (!queue.empty() && g < queue.top().first) {
            queue.emplace(g, neg);  // gains only shrink: re-queue with the true value
            continue;
        }
        state.add(-neg);
        chosen.push_back(-neg);
    }
}

// [SECTION] Swap local search

// Weight each chosen candidate alone covers (lost if it leaves), and the cheapest of them.
int losses(const MaxCoverProblem& pr, const CoverState& state, const std::vector<int>& chosen,
           std::vector<double>& loss) {
    int cheapest = chosen.front();
    for (int s : chosen) {
        double l = 0;
        for (int i : pr.sets[static_cast<std::size_t>(s)]) {
            l += state.count(i) == 1 ? pr.weight[static_cast<std::size_t>(i)] : 0.0;
        }
        loss[static_cast<std::size_t>(s)] = l;
        if (l < loss[static_cast<std::size_t>(cheapest)]) {
            cheapest = s;
        }
    }
    return cheapest;
}

// One pass of first-improvement interchange over every candidate outside the choice: for
// candidate c the best partner leaves (the cheapest one, or one whose sole items c takes
// over). Returns true when a swap was applied.
bool improve_pass(const MaxCoverProblem& pr, CoverState& state, std::vector<int>& chosen) {
    if (chosen.empty()) {
        return false;
    }
    std::vector<double> loss(pr.sets.size(), 0.0);
    int cheapest = losses(pr, state, chosen, loss);
    std::vector<double> extra(pr.sets.size(), 0.0);
    std::vector<int> touched;
    bool improved = false;
    for (std::size_t c = 0; c < pr.sets.size(); ++c) {
        if (state.in(static_cast<int>(c))) {
            continue;
        }
        double g = 0;
        touched.clear();
        for (int i : pr.sets[c]) {
            const int n = state.count(i);
            const double w = pr.weight[static_cast<std::size_t>(i)];
            if (n == 0) {
                g += w;
            } else if (n == 1) {
                const int s = state.owner(i);
                if (extra[static_cast<std::size_t>(s)] == 0) {
                    touched.push_back(s);
                }
                extra[static_cast<std::size_t>(s)] += w;
            }
        }
        const double eps = 1e-9 * std::max(1.0, state.value());
        double best = g + extra[static_cast<std::size_t>(cheapest)] -
                      loss[static_cast<std::size_t>(cheapest)];
        int out = cheapest;
        for (int s : touched) {
            const auto k = static_cast<std::size_t>(s);
            if (g + extra[k] - loss[k] > best) {
                best = g + extra[k] - loss[k];
                out = s;
            }
            extra[k] = 0;
        }
        if (best > eps) {
            state.remove(out);
            state.add(static_cast<int>(c));
            *std::find(chosen.begin(), chosen.end(), out) = static_cast<int>(c);
            cheapest = losses(pr, state, chosen, loss);
            improved = true;
        }
    }
    return improved;
}

// Local search from a start choice (filled greedily up to p); returns the improved choice.
std::vector<int> local_search(const MaxCoverProblem& pr, std::vector<int> start, int p,
                              double* value) {
    CoverState state(pr);
    std::vector<int> chosen;
    for (int c : start) {
        if (!state.in(c) && static_cast<int>(chosen.size()) < p) {
            state.add(c);
            chosen.push_back(c);
        }
    }
    greedy_fill(pr, state, chosen, p);
    while (improve_pass(pr, state, chosen)) {
    }
    *value = state.value();
    return chosen;
}

// Orders a choice by greedy marginal contribution and fills value and gains.
MaxCoverSolution ordered(const MaxCoverProblem& pr, const std::vector<int>& chosen) {
    MaxCoverSolution out;
    CoverState state(pr);
    std::vector<int> left = chosen;
    while (!left.empty()) {
        std::size_t best = 0;
        double best_gain = -1;
        for (std::size_t k = 0; k < left.size(); ++k) {
            const double g = state.gain(left[k]);
            if (g > best_gain) {
                best_gain = g;
                best = k;
            }
        }
        state.add(left[best]);
        out.chosen.push_back(left[best]);
        out.gain.push_back(best_gain);
        left.erase(left.begin() + static_cast<std::ptrdiff_t>(best));
    }
    out.value = state.value();
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

}  // namespace

// [SECTION] Public entry points

namespace {

// [SECTION] Lagrangian bound

// Subgradient state of the Lagrangian relaxation over the coverable items.
struct Lagrangian {
    const MaxCoverProblem& pr;
    int p;
    std::vector<double> lambda;
    std::vector<double> score;  // per candidate: sum of lambda over its items
    std::vector<int> order;     // candidates, the p best first after evaluate()
    std::vector<int> hits;      // per item: chosen candidates covering it

    // Bound for the current multipliers; leaves the relaxed choice in order[0..p).
    double evaluate() {
        double bound = 0;
        for (std::size_t i = 0; i < lambda.size(); ++i) {
            bound += std::max(0.0, pr.weight[i] - lambda[i]);
        }
        for (std::size_t c = 0; c < pr.sets.size(); ++c) {
            double s = 0;
            for (int i : pr.sets[c]) {
                s += lambda[static_cast<std::size_t>(i)];
            }
            score[c] = s;
        }
        const auto k = static_cast<std::ptrdiff_t>(p);
        std::nth_element(order.begin(), order.begin() + k - 1, order.end(), [&](int a, int b) {
            return score[static_cast<std::size_t>(a)] > score[static_cast<std::size_t>(b)];
        });
        for (std::ptrdiff_t j = 0; j < k; ++j) {
            bound += score[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])];
        }
        return bound;
    }

    // Moves the multipliers against the subgradient with Polyak's step towards `target`.
    bool step(double bound, double target, double pi) {
        std::fill(hits.begin(), hits.end(), 0);
        for (int j = 0; j < p; ++j) {
            for (int i : pr.sets[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])]) {
                ++hits[static_cast<std::size_t>(i)];
            }
        }
        double norm2 = 0;
        for (std::size_t i = 0; i < lambda.size(); ++i) {
            const double y = pr.weight[i] > lambda[i] ? 1.0 : 0.0;
            const double g = hits[i] - y;
            norm2 += g * g;
        }
        if (norm2 == 0) {
            return false;  // the relaxed solution is feasible and complementary: optimal
        }
        const double t = pi * (bound - target) / norm2;
        for (std::size_t i = 0; i < lambda.size(); ++i) {
            const double y = pr.weight[i] > lambda[i] ? 1.0 : 0.0;
            lambda[i] = std::max(0.0, lambda[i] - t * (hits[i] - y));
        }
        return true;
    }
};

}  // namespace

MaxCoverSolution solve_max_cover(const MaxCoverProblem& problem, int p,
                                 const MaxCoverOptions& options) {
    p = std::min(std::max(p, 0), static_cast<int>(problem.sets.size()));
    double value = 0;
    check(options.control);
    std::vector<int> best = local_search(problem, {}, p, &value);
    double bound = std::max(value, trivial_bound(problem, p));
    int iterations = 0;
    auto settled = [&] {
        return bound - value <= options.stop_gap * bound ||
               (options.enough_value &&
                (value >= *options.enough_value || bound < *options.enough_value));
    };
    if (p > 0 && !settled()) {
        Lagrangian lr{problem, p, {}, std::vector<double>(problem.sets.size()), {}, {}};
        lr.lambda.resize(problem.weight.size());
        for (std::size_t i = 0; i < lr.lambda.size(); ++i) {
            lr.lambda[i] = 0.5 * problem.weight[i];
        }
        lr.hits.resize(problem.weight.size());
        lr.order.resize(problem.sets.size());
        std::iota(lr.order.begin(), lr.order.end(), 0);
        double pi = 1.0;
        int stale = 0;
        for (; iterations < options.max_iterations && pi > 1e-4 && !settled(); ++iterations) {
            check(options.control);
            report(options.control,
                   0.5 + 0.5 * static_cast<double>(iterations) / options.max_iterations);
            const double b = lr.evaluate();
            if (b < bound) {
                bound = std::max(b, value);
                stale = 0;
            } else if (++stale >= 20) {
                pi *= 0.5;
                stale = 0;
            }
            if (iterations % 20 == 19) {
                std::vector<int> start(lr.order.begin(), lr.order.begin() + p);
                double v = 0;
                std::vector<int> found = local_search(problem, start, p, &v);
                if (v > value) {
                    value = v;
                    best = std::move(found);
                    bound = std::max(bound, value);
                }
            }
            if (!lr.step(b, value, pi)) {
                bound = std::max(std::min(bound, b), value);
                break;
            }
        }
    }
    MaxCoverSolution out = ordered(problem, best);
    const bool whole = std::all_of(problem.weight.begin(), problem.weight.end(),
                                   [](double w) { return w == std::floor(w); });
    if (whole) {
        bound = std::floor(bound + 1e-6);  // integer weights: so is every covered total
    }
    out.upper_bound = std::max(bound, out.value);
    out.iterations = iterations;
    return out;
}

}  // namespace beltplan::bench::main_solver
