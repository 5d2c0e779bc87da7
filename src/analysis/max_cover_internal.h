// Internal to the maximal-covering solver (not part of the analysis interface): the instance in
// compressed rows, the incremental cover state with its swap local search
// (max_cover_search.cpp), and the Lagrangian bound (max_cover_bound.cpp).
#pragma once

#include "analysis/max_cover.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <utility>
#include <vector>

namespace beltplan::analysis::max_cover_detail {

// The problem in compressed rows both ways: candidate -> items and item -> candidates.
struct Instance {
    explicit Instance(const MaxCoverProblem& problem);
    const std::vector<double>& weight;
    std::vector<int> set_start;  // candidates + 1 offsets into set_items
    std::vector<int> set_items;
    std::vector<int> cov_start;  // items + 1 offsets into cov_cands
    std::vector<int> cov_cands;
    int candidates() const { return static_cast<int>(set_start.size()) - 1; }
    int items() const { return static_cast<int>(cov_start.size()) - 1; }
};

// The best (largest or smallest) of n slots with point updates; ties go to the lower slot.
class ExtremeTree {
public:
    ExtremeTree(std::size_t n, bool largest, double fill);
    void set(int slot, double value);
    int best() const { return tree_.size() > 1 ? tree_[1] : -1; }
    double value(int slot) const { return value_[static_cast<std::size_t>(slot)]; }

private:
    bool better(int a, int b) const;
    std::size_t leaves_ = 1;
    bool largest_;
    std::vector<double> value_;
    std::vector<int> tree_;  // heap layout: node k holds the best slot below it
};

// A choice of candidates with everything a swap needs kept up to date on each add and remove:
// each item's cover count and sole coverer, each candidate's gain (uncovered weight it would
// add) and each chosen candidate's loss (weight it alone covers).
class CoverSearch {
public:
    explicit CoverSearch(const Instance& instance);

    void add(int c);
    void remove(int c);
    bool in(int c) const { return in_[static_cast<std::size_t>(c)] != 0; }
    double value() const { return value_; }
    long swaps() const { return swaps_; }  // interchanges applied so far
    const std::vector<int>& chosen() const { return chosen_; }
    // Replaces the choice.
    void assign(const std::vector<int>& chosen);

    // Lazy greedy: adds the candidate of largest gain (lowest index on ties) until p are
    // chosen or nothing adds weight.
    void greedy_fill(int p);
    // Swap local search: the candidates marked since the last call (their neighbourhood
    // changed), then, when `confirm`, full passes until no single interchange improves.
    // Returns the swaps applied.
    long descend(RunControl* control, bool confirm);
    // Iterated local search: `rounds` times, take out a few chosen candidates that share
    // items, put back as many by randomised greedy nearby, descend, and keep the result when
    // it is no worse, or, with a chance that falls with the loss and the round, when it is
    // (annealing from `temperature`, in weight). `stop` is asked every so often with the best
    // value (true: end early). Ends on the best choice seen; returns its value.
    double iterate(int rounds, double temperature, std::mt19937_64& rng, RunControl* control,
                   const std::function<bool(double)>& stop);

private:
    struct Swap {
        int out = -1;
        double delta = 0;
    };
    Swap best_swap(int c);
    void apply_swap(int c, int out);
    void mark_around(int c);
    void set_loss(int s, double loss);
    int owner(int item) const;
    void kick(int k, std::mt19937_64& rng);
    std::vector<int> leaving(int k, std::mt19937_64& rng);
    std::vector<int> pool_around(const std::vector<int>& near);
    void put_back(const std::vector<int>& near, const std::vector<int>& pool, std::mt19937_64& rng);
    bool first_visit(int c);  // true the first time c is seen since the stamp moved on
    void sharing(int c, std::vector<int>& out) const;  // appends candidates sharing an item

    const Instance& in_data_;
    std::vector<int> count_;
    std::vector<std::int64_t> owner_sum_;
    std::vector<double> gain_;
    std::vector<double> loss_;
    std::vector<char> in_;
    std::vector<int> chosen_;
    std::vector<int> slot_;  // position in chosen_, -1 when out
    double value_ = 0;
    double eps_ = 1e-9;
    long swaps_ = 0;
    ExtremeTree losses_;  // smallest loss among candidates in
    std::vector<double> extra_;
    std::vector<int> touched_;
    std::vector<int> queue_;
    std::vector<char> queued_;
    std::vector<int> stamp_;  // kick: candidates already in the pool have stamp_now_
    int stamp_now_ = 0;
    // Operations since the last checkpoint (+c added, -(c+1) removed), to undo a failed round.
    std::vector<int> log_;
    bool logging_ = false;
};

// Result of the Lagrangian relaxation of "item covered only if a chosen candidate covers it".
struct Relaxation {
    double bound = 0;            // best bound found (no choice of p exceeds it)
    std::vector<double> lambda;  // the multipliers that gave it
    std::vector<int> order;      // candidates by score under lambda, best first (the first p)
    int iterations = 0;
};

// Subgradient optimisation of the multipliers from `start` (or from half the weights when
// empty), with Polyak steps towards the best value known (`incumbent()`, which may grow while
// it runs) and deflected directions. Stops after max_iterations, when the step has shrunk, or
// when `settled(bound)` says the bound is good enough. Every 20th of the first 200 steps,
// `relaxed_choice` (may be empty) receives the relaxed choice (the first p of the vector).
Relaxation relax(const Instance& instance, int p, const std::vector<double>& start,
                 int max_iterations, const std::function<double()>& incumbent,
                 const std::function<bool(double)>& settled, RunControl* control,
                 const std::function<void(const std::vector<int>&)>& relaxed_choice = {});

// Lagrangian fixing (max_cover_reduce.cpp): the candidates in and out of every choice of p
// that covers at least `beat`, judged by the multipliers' bound, and the covering problem
// left over the free ones. nullopt when more than max_free candidates stay free.
struct Reduction {
    std::vector<int> fixed_in;  // in every better choice
    std::vector<int> free;      // candidate c of the reduced problem is free[c]
    MaxCoverProblem problem;    // items the fixed-in do not cover, sets of the free candidates
    double fixed_value = 0;     // weight the fixed-in cover
    int p = 0;                  // candidates to choose among the free ones
};
std::optional<Reduction> reduce(const Instance& instance, int p, const std::vector<double>& lambda,
                                double beat, std::size_t max_free);

// The bound of fixed multipliers for every count k = 0..max_k at once: element k is the most
// weight k candidates can cover.
std::vector<double> bounds_by_count(const Instance& instance, const std::vector<double>& lambda,
                                    int max_k);

}  // namespace beltplan::analysis::max_cover_detail
