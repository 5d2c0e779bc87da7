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

namespace {

// One solve, phase by phase; the state the phases share.
class Phases {
public:
    Phases(const MaxCoverProblem& problem, int p, const MaxCoverOptions& options)
        : pr_(problem),
          p_(p),
          o_(options),
          instance_(problem),
          search_(instance_),
          relaxed_(instance_),
          whole_(whole_weights(problem)) {}

    MaxCoverSolution run(bool allow_reduction);

private:
    // The gap between bound b and value v is small enough, or the value asked for is reached,
    // or the bound shows it cannot be.
    bool settled(double b, double v) const {
        return round_bound(whole_, b) - v <= o_.stop_gap * b ||
               (o_.enough_value && (v >= *o_.enough_value || b < *o_.enough_value));
    }
    bool settled() const { return settled(bound_, value()); }
    double value() const { return std::max(value_, search_.value()); }
    void keep_if_better(const std::vector<int>& chosen, double value);
    void relaxed_start(const std::vector<int>& order);
    void improve();
    void reduced(const std::vector<double>& lambda);

    const MaxCoverProblem& pr_;
    const int p_;
    const MaxCoverOptions& o_;
    const detail::Instance instance_;
    detail::CoverSearch search_;
    detail::CoverSearch relaxed_;  // descents from the relaxation's choices
    const bool whole_;
    std::vector<int> best_;
    double value_ = 0;
    double bound_ = 0;
};

void Phases::keep_if_better(const std::vector<int>& chosen, double value) {
    if (value > value_) {
        value_ = value;
        best_ = chosen;
    }
}

// The relaxation's own choice (the first p of `order`), descended, when it beats the search's
// choice: where the relaxation is nearly whole (few sites among many villages, or short sets
// along roads) it is often the best start.
void Phases::relaxed_start(const std::vector<int>& order) {
    if (static_cast<int>(order.size()) < p_) {
        return;
    }
    relaxed_.assign(std::vector<int>(order.begin(), order.begin() + p_));
    relaxed_.descend(o_.control, true);
    if (relaxed_.value() > search_.value()) {
        search_.assign(relaxed_.chosen());
        keep_if_better(search_.chosen(), search_.value());
    }
}

void Phases::improve() {
    std::mt19937_64 rng(o_.seed);
    const int rounds = o_.improve_rounds >= 0 ? o_.improve_rounds : kDefaultRounds;
    // Annealing from 1 % of what an average chosen set covers: enough to leave a local optimum
    // now and then, not so much that it wanders (tuned on the bench instances: 0, 1 % and 3 %
    // tried; 3 % was better in line at 294 sites and worse along roads).
    const double temperature = 0.01 * value_ / p_;
    search_.iterate(rounds, temperature, rng, o_.control,
                    [&](double found) { return settled(bound_, found); });
    search_.descend(o_.control, true);
    keep_if_better(search_.chosen(), search_.value());
}

// Every better choice keeps the fixed-in candidates and none of the fixed-out: the free rest
// is solved on its own (more rounds per candidate), and its bound bounds every better choice.
void Phases::reduced(const std::vector<double>& lambda) {
    const double beat = whole_ ? value_ + 1.0 : value_ * (1 + 1e-12);
    const std::optional<detail::Reduction> red = detail::reduce(
        instance_, p_, lambda, beat, static_cast<std::size_t>(instance_.candidates()) / 4);
    if (!red) {
        return;
    }
    MaxCoverOptions sub = o_;
    sub.enough_value.reset();
    const MaxCoverSolution s = Phases(red->problem, red->p, sub).run(false);
    std::vector<int> chosen = red->fixed_in;
    for (int c : s.chosen) {
        chosen.push_back(red->free[static_cast<std::size_t>(c)]);
    }
    keep_if_better(chosen, red->fixed_value + s.value);
    bound_ = std::min(bound_, std::max(value_, red->fixed_value + s.upper_bound));
}

MaxCoverSolution Phases::run(bool allow_reduction) {
    check(o_.control);
    search_.greedy_fill(p_);
    const double greedy_value = search_.value();
    search_.descend(o_.control, true);
    report(o_.control, 0.5);
    keep_if_better(search_.chosen(), search_.value());
    best_ = search_.chosen();
    bound_ = std::max(value_, trivial_bound(pr_, p_));
    int iterations = 0;
    if (p_ > 0 && !settled()) {
        const auto incumbent = [&] { return value(); };
        const auto enough = [&](double b) { return settled(b, value()); };
        detail::Relaxation r =
            detail::relax(instance_, p_, {}, o_.max_iterations, incumbent, enough, o_.control,
                          [&](const std::vector<int>& order) { relaxed_start(order); });
        iterations = r.iterations;
        bound_ = std::min(bound_, std::max(r.bound, value_));
        report(o_.control, 0.7);
        if (!settled()) {
            relaxed_start(r.order);
        }
        // The better value gives Polyak's step a better target: polish the bound before the
        // search when the gap is already small (the search may then not be needed), else after.
        auto polish = [&] {
            if (!settled() && o_.max_iterations > iterations) {
                r = detail::relax(instance_, p_, r.lambda, o_.max_iterations - iterations,
                                  incumbent, enough, o_.control);
                iterations += r.iterations;
                bound_ = std::min(bound_, std::max(r.bound, value_));
            }
        };
        if (round_bound(whole_, bound_) - value_ <= 10 * o_.stop_gap * bound_) {
            polish();
        }
        if (!settled()) {
            improve();
            report(o_.control, 0.8);
        }
        polish();
        if (allow_reduction && !settled()) {
            reduced(r.lambda);
        }
    }
    MaxCoverSolution out = ordered(pr_, best_);
    out.upper_bound = std::max(round_bound(whole_, bound_), out.value);
    out.iterations = iterations;
    out.greedy_value = greedy_value;
    out.swaps = search_.swaps();
    report(o_.control, 1.0);
    return out;
}

}  // namespace

MaxCoverSolution solve_max_cover(const MaxCoverProblem& problem, int p,
                                 const MaxCoverOptions& options) {
    p = std::min(std::max(p, 0), static_cast<int>(problem.sets.size()));
    return Phases(problem, p, options).run(true);
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
