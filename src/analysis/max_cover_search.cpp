// The incremental cover state and the swap local search of the maximal-covering solver.
// A swap brings candidate c in and takes s out: its change in value is gain(c) - loss(s) plus
// the weight of items of c that only s covers. Gains and losses are kept per candidate as items
// change their cover count, so one swap costs the items of the two sets times their coverers.
// Index: [SECTION] Instance and ExtremeTree, [SECTION] Cover state, [SECTION] Local search,
// [SECTION] Iterated local search.
#include "analysis/max_cover_internal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace beltplan::analysis::max_cover_detail {

// [SECTION] Instance and ExtremeTree

Instance::Instance(const MaxCoverProblem& problem) : weight(problem.weight) {
    set_start.push_back(0);
    std::vector<int> per_item(problem.weight.size() + 1, 0);
    for (const auto& set : problem.sets) {
        for (int i : set) {
            set_items.push_back(i);
            ++per_item[static_cast<std::size_t>(i) + 1];
        }
        set_start.push_back(static_cast<int>(set_items.size()));
    }
    for (std::size_t i = 1; i < per_item.size(); ++i) {
        per_item[i] += per_item[i - 1];
    }
    cov_start = per_item;
    cov_cands.resize(set_items.size());
    for (std::size_t c = 0; c < problem.sets.size(); ++c) {
        for (int i : problem.sets[c]) {
            cov_cands[static_cast<std::size_t>(per_item[static_cast<std::size_t>(i)]++)] =
                static_cast<int>(c);
        }
    }
}

ExtremeTree::ExtremeTree(std::size_t n, bool largest, double fill)
    : largest_(largest), value_(n, fill) {
    while (leaves_ < n) {
        leaves_ *= 2;
    }
    tree_.assign(2 * leaves_, -1);
    for (std::size_t k = 0; k < n; ++k) {
        tree_[leaves_ + k] = static_cast<int>(k);
    }
    for (std::size_t k = leaves_ - 1; k >= 1; --k) {
        const int a = tree_[2 * k];
        const int b = tree_[2 * k + 1];
        tree_[k] = better(a, b) ? a : b;
    }
}

bool ExtremeTree::better(int a, int b) const {
    if (b < 0) {
        return true;
    }
    if (a < 0) {
        return false;
    }
    const double va = value_[static_cast<std::size_t>(a)];
    const double vb = value_[static_cast<std::size_t>(b)];
    if (va != vb) {
        return largest_ ? va > vb : va < vb;
    }
    return a < b;
}

void ExtremeTree::set(int slot, double value) {
    value_[static_cast<std::size_t>(slot)] = value;
    for (std::size_t k = (leaves_ + static_cast<std::size_t>(slot)) / 2; k >= 1; k /= 2) {
        const int a = tree_[2 * k];
        const int b = tree_[2 * k + 1];
        tree_[k] = better(a, b) ? a : b;
    }
}

// [SECTION] Cover state

namespace {
constexpr double kOut = std::numeric_limits<double>::infinity();
}  // namespace

CoverSearch::CoverSearch(const Instance& instance)
    : in_data_(instance),
      count_(static_cast<std::size_t>(instance.items()), 0),
      owner_sum_(static_cast<std::size_t>(instance.items()), 0),
      gain_(static_cast<std::size_t>(instance.candidates()), 0.0),
      loss_(static_cast<std::size_t>(instance.candidates()), 0.0),
      in_(static_cast<std::size_t>(instance.candidates()), 0),
      slot_(static_cast<std::size_t>(instance.candidates()), -1),
      losses_(static_cast<std::size_t>(instance.candidates()), false, kOut),
      extra_(static_cast<std::size_t>(instance.candidates()), 0.0),
      queued_(static_cast<std::size_t>(instance.candidates()), 0),
      stamp_(static_cast<std::size_t>(instance.candidates()), 0) {
    double total = 0;
    for (int c = 0; c < instance.candidates(); ++c) {
        double g = 0;
        for (int k = instance.set_start[static_cast<std::size_t>(c)];
             k < instance.set_start[static_cast<std::size_t>(c) + 1]; ++k) {
            g += instance.weight[static_cast<std::size_t>(
                instance.set_items[static_cast<std::size_t>(k)])];
        }
        gain_[static_cast<std::size_t>(c)] = g;
    }
    for (double w : instance.weight) {
        total += w;
    }
    eps_ = 1e-9 * std::max(1.0, total);
}

int CoverSearch::owner(int item) const {
    return static_cast<int>(owner_sum_[static_cast<std::size_t>(item)]);
}

void CoverSearch::set_loss(int s, double loss) {
    loss_[static_cast<std::size_t>(s)] = loss;
    losses_.set(s, in(s) ? loss : kOut);
}

void CoverSearch::add(int c) {
    const auto uc = static_cast<std::size_t>(c);
    in_[uc] = 1;
    slot_[uc] = static_cast<int>(chosen_.size());
    chosen_.push_back(c);
    double own = 0;
    for (int k = in_data_.set_start[uc]; k < in_data_.set_start[uc + 1]; ++k) {
        const int i = in_data_.set_items[static_cast<std::size_t>(k)];
        const auto ui = static_cast<std::size_t>(i);
        const double w = in_data_.weight[ui];
        if (count_[ui] == 0) {
            value_ += w;
            own += w;
            for (int j = in_data_.cov_start[ui]; j < in_data_.cov_start[ui + 1]; ++j) {
                gain_[static_cast<std::size_t>(in_data_.cov_cands[static_cast<std::size_t>(j)])] -=
                    w;
            }
        } else if (count_[ui] == 1) {
            const int s = owner(i);
            set_loss(s, loss_[static_cast<std::size_t>(s)] - w);
        }
        ++count_[ui];
        owner_sum_[ui] += c;
    }
    set_loss(c, own);
    if (logging_) {
        log_.push_back(c);
    }
}

void CoverSearch::remove(int c) {
    const auto uc = static_cast<std::size_t>(c);
    in_[uc] = 0;
    const int slot = slot_[uc];
    chosen_[static_cast<std::size_t>(slot)] = chosen_.back();
    slot_[static_cast<std::size_t>(chosen_.back())] = slot;
    chosen_.pop_back();
    slot_[uc] = -1;
    set_loss(c, 0.0);
    for (int k = in_data_.set_start[uc]; k < in_data_.set_start[uc + 1]; ++k) {
        const int i = in_data_.set_items[static_cast<std::size_t>(k)];
        const auto ui = static_cast<std::size_t>(i);
        const double w = in_data_.weight[ui];
        --count_[ui];
        owner_sum_[ui] -= c;
        if (count_[ui] == 0) {
            value_ -= w;
            for (int j = in_data_.cov_start[ui]; j < in_data_.cov_start[ui + 1]; ++j) {
                gain_[static_cast<std::size_t>(in_data_.cov_cands[static_cast<std::size_t>(j)])] +=
                    w;
            }
        } else if (count_[ui] == 1) {
            const int s = owner(i);
            set_loss(s, loss_[static_cast<std::size_t>(s)] + w);
        }
    }
    if (logging_) {
        log_.push_back(-(c + 1));
    }
}

void CoverSearch::assign(const std::vector<int>& chosen) {
    while (!chosen_.empty()) {
        remove(chosen_.back());
    }
    for (int c : chosen) {
        if (!in(c)) {
            add(c);
        }
    }
}

void CoverSearch::greedy_fill(int p) {
    using Item = std::pair<double, int>;  // (gain bound, -candidate): lowest index wins ties
    std::priority_queue<Item> queue;
    for (int c = 0; c < in_data_.candidates(); ++c) {
        if (!in(c) && gain_[static_cast<std::size_t>(c)] > 0) {
            queue.emplace(gain_[static_cast<std::size_t>(c)], -c);
        }
    }
    while (static_cast<int>(chosen_.size()) < p && !queue.empty()) {
        const int c = -queue.top().second;
        queue.pop();
        const double g = gain_[static_cast<std::size_t>(c)];
        if (g <= 0) {
            continue;
        }
        if (!queue.empty() && Item(g, -c) < queue.top()) {
            queue.emplace(g, -c);  // gains only shrink: queue again with the true value
            continue;
        }
        add(c);
    }
}

// [SECTION] Local search

CoverSearch::Swap CoverSearch::best_swap(int c) {
    const auto uc = static_cast<std::size_t>(c);
    const double g = gain_[uc];
    touched_.clear();
    for (int k = in_data_.set_start[uc]; k < in_data_.set_start[uc + 1]; ++k) {
        const int i = in_data_.set_items[static_cast<std::size_t>(k)];
        if (count_[static_cast<std::size_t>(i)] == 1) {
            const int s = owner(i);
            if (extra_[static_cast<std::size_t>(s)] == 0) {
                touched_.push_back(s);
            }
            extra_[static_cast<std::size_t>(s)] += in_data_.weight[static_cast<std::size_t>(i)];
        }
    }
    Swap best;
    best.out = losses_.best();
    if (best.out < 0 || !in(best.out)) {
        best = Swap{-1, -kOut};  // nothing chosen to swap with
    } else {
        best.delta = g - loss_[static_cast<std::size_t>(best.out)];
    }
    for (int s : touched_) {
        const auto us = static_cast<std::size_t>(s);
        const double d = g + extra_[us] - loss_[us];
        if (d > best.delta || (d == best.delta && (best.out < 0 || s < best.out))) {
            best = Swap{s, d};
        }
        extra_[us] = 0;
    }
    return best;
}

void CoverSearch::mark_around(int c) {
    const auto uc = static_cast<std::size_t>(c);
    for (int k = in_data_.set_start[uc]; k < in_data_.set_start[uc + 1]; ++k) {
        const auto ui = static_cast<std::size_t>(in_data_.set_items[static_cast<std::size_t>(k)]);
        for (int j = in_data_.cov_start[ui]; j < in_data_.cov_start[ui + 1]; ++j) {
            const int other = in_data_.cov_cands[static_cast<std::size_t>(j)];
            if (!queued_[static_cast<std::size_t>(other)]) {
                queued_[static_cast<std::size_t>(other)] = 1;
                queue_.push_back(other);
            }
        }
    }
}

void CoverSearch::apply_swap(int c, int out) {
    ++swaps_;
    add(c);
    remove(out);
    mark_around(c);
    mark_around(out);
}

long CoverSearch::descend(RunControl* control, bool confirm) {
    long swaps = 0;
    const int n = in_data_.candidates();
    bool full = false;
    while (true) {
        // Marked candidates first (their neighbourhood changed), FIFO.
        for (std::size_t head = 0; head < queue_.size(); ++head) {
            const int c = queue_[head];
            queued_[static_cast<std::size_t>(c)] = 0;
            if (in(c)) {
                continue;
            }
            const Swap s = best_swap(c);
            if (s.out >= 0 && s.delta > eps_) {
                apply_swap(c, s.out);
                if (++swaps % 4096 == 0) {
                    check(control);
                }
            }
        }
        queue_.clear();
        if (full || !confirm) {
            return swaps;
        }
        // A full pass confirms the local optimum (a loss elsewhere may have dropped).
        const long before = swaps;
        for (int c = 0; c < n; ++c) {
            if (in(c)) {
                continue;
            }
            const Swap s = best_swap(c);
            if (s.out >= 0 && s.delta > eps_) {
                apply_swap(c, s.out);
                ++swaps;
            }
        }
        check(control);
        full = swaps == before;
    }
}

// [SECTION] Iterated local search

bool CoverSearch::first_visit(int c) {
    int& seen = stamp_[static_cast<std::size_t>(c)];
    const bool first = seen != stamp_now_;
    seen = stamp_now_;
    return first;
}

void CoverSearch::sharing(int c, std::vector<int>& out) const {
    const auto uc = static_cast<std::size_t>(c);
    for (int a = in_data_.set_start[uc]; a < in_data_.set_start[uc + 1]; ++a) {
        const auto ui = static_cast<std::size_t>(in_data_.set_items[static_cast<std::size_t>(a)]);
        out.insert(out.end(), in_data_.cov_cands.begin() + in_data_.cov_start[ui],
                   in_data_.cov_cands.begin() + in_data_.cov_start[ui + 1]);
    }
}

// A random chosen candidate and up to k - 1 chosen neighbours: first those sharing items with
// it, then those sharing items with a candidate that does (the next ring out).
std::vector<int> CoverSearch::leaving(int k, std::mt19937_64& rng) {
    const int centre = chosen_[static_cast<std::size_t>(rng() % chosen_.size())];
    ++stamp_now_;
    first_visit(centre);
    std::vector<int> shared;
    sharing(centre, shared);
    std::vector<int> area;
    std::vector<int> ring;
    for (int c : shared) {
        if (first_visit(c)) {
            area.push_back(c);
            if (in(c)) {
                ring.push_back(c);
            }
        }
    }
    std::shuffle(ring.begin(), ring.end(), rng);
    std::vector<int> near{centre};
    near.insert(near.end(), ring.begin(), ring.end());
    if (static_cast<int>(near.size()) < k) {
        ring.clear();
        for (int c : area) {
            shared.clear();
            sharing(c, shared);
            for (int other : shared) {
                if (in(other) && first_visit(other)) {
                    ring.push_back(other);
                }
            }
        }
        std::shuffle(ring.begin(), ring.end(), rng);
        near.insert(near.end(), ring.begin(), ring.end());
    }
    near.resize(std::min<std::size_t>(near.size(), static_cast<std::size_t>(k)));
    return near;
}

// Candidates sharing items with the leaving ones, each once.
std::vector<int> CoverSearch::pool_around(const std::vector<int>& near) {
    std::vector<int> pool;
    for (int s : near) {
        sharing(s, pool);
    }
    ++stamp_now_;
    pool.erase(std::remove_if(pool.begin(), pool.end(), [&](int c) { return !first_visit(c); }),
               pool.end());
    return pool;
}

// As many come back from the pool, by gain times a random factor of 0.7-1 drawn once per
// candidate (a placeholder of no gain when nothing nearby adds weight; the descent swaps it
// away). Every other time one more comes back here and the chosen candidate that costs least
// anywhere leaves instead: sites move between regions, not only within one.
void CoverSearch::put_back(const std::vector<int>& near, const std::vector<int>& pool,
                           std::mt19937_64& rng) {
    std::vector<double> noise(pool.size());
    for (double& f : noise) {
        f = 0.7 + 0.3 * static_cast<double>(rng() >> 11) * 0x1.0p-53;
    }
    const bool shift = rng() % 2 == 0;
    for (std::size_t n = 0; n < near.size() + (shift ? 1 : 0); ++n) {
        int pick = -1;
        double best = -1;
        for (std::size_t q = 0; q < pool.size(); ++q) {
            const int c = pool[q];
            const double g = gain_[static_cast<std::size_t>(c)] * noise[q];
            if (!in(c) && g > best && std::find(near.begin(), near.end(), c) == near.end()) {
                best = g;
                pick = c;
            }
        }
        if (pick < 0) {
            break;
        }
        add(pick);
    }
    if (shift && static_cast<int>(chosen_.size()) > 1) {
        const int out = losses_.best();
        mark_around(out);
        remove(out);
    }
}

void CoverSearch::kick(int k, std::mt19937_64& rng) {
    if (chosen_.empty()) {
        return;
    }
    const std::vector<int> near = leaving(k, rng);
    const std::vector<int> pool = pool_around(near);
    for (int s : near) {
        remove(s);
    }
    put_back(near, pool, rng);
    for (int c : pool) {
        if (!queued_[static_cast<std::size_t>(c)]) {
            queued_[static_cast<std::size_t>(c)] = 1;
            queue_.push_back(c);
        }
    }
}

double CoverSearch::iterate(int rounds, double temperature, std::mt19937_64& rng,
                            RunControl* control, const std::function<bool(double)>& stop) {
    const int p = static_cast<int>(chosen_.size());
    std::vector<int> best = chosen_;
    double best_value = value_;
    int best_round = 0;
    // Rounds without a new best after which the search ends: a fifth of the budget, less on
    // small problems (20 per candidate).
    const int patience = std::max(200, std::min(rounds / 5, 20 * in_data_.candidates()));
    for (int r = 0; r < rounds && r - best_round < patience; ++r) {
        if (r % 64 == 0) {
            check(control);
            if (stop(best_value)) {
                break;
            }
        }
        const double before = value_;
        log_.clear();
        logging_ = true;
        kick(2 + static_cast<int>(rng() % 3), rng);
        if (static_cast<int>(chosen_.size()) < p) {
            greedy_fill(p);
        }
        descend(control, false);
        logging_ = false;
        // Worse results are kept now and then while the temperature, falling linearly to
        // zero over the rounds, allows it (the best choice seen is kept aside).
        const double t = temperature * (1.0 - static_cast<double>(r) / rounds);
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        const bool keep = value_ + eps_ >= before || (t > 0 && u < std::exp((value_ - before) / t));
        if (!keep) {
            // Undo the round, last operation first.
            for (auto it = log_.rbegin(); it != log_.rend(); ++it) {
                if (*it >= 0) {
                    remove(*it);
                } else {
                    add(-*it - 1);
                }
            }
        }
        for (int c : queue_) {
            queued_[static_cast<std::size_t>(c)] = 0;
        }
        queue_.clear();
        if (value_ > best_value + eps_) {
            best_value = value_;
            best = chosen_;
            best_round = r;
        }
    }
    if (value_ < best_value) {
        assign(best);
    }
    return value_;
}

}  // namespace beltplan::analysis::max_cover_detail
