// Lagrangian fixing for maximal covering: with multipliers lambda, forcing a candidate in
// changes the relaxation's bound to L - s_p + s_j (it replaces the p-th best score), forcing
// one of the p best out to L - s_j + s_(p+1). When that falls below the value a better choice
// must reach, every better choice leaves the candidate out (or keeps it in). What stays free is
// a smaller covering problem over the items the fixed-in candidates do not cover.
#include "analysis/max_cover_internal.h"

#include <algorithm>
#include <numeric>

namespace beltplan::analysis::max_cover_detail {

namespace {

// Splits the candidates into fixed in, fixed out (dropped) and free (out.free, by score).
void fix(const Instance& in, int p, const std::vector<double>& lambda, double beat,
         Reduction& out) {
    const int m = in.candidates();
    std::vector<double> score(static_cast<std::size_t>(m), 0.0);
    double bound = 0;
    for (std::size_t i = 0; i < lambda.size(); ++i) {
        bound += in.weight[i] - lambda[i];
    }
    for (int c = 0; c < m; ++c) {
        for (int k = in.set_start[static_cast<std::size_t>(c)];
             k < in.set_start[static_cast<std::size_t>(c) + 1]; ++k) {
            score[static_cast<std::size_t>(c)] +=
                lambda[static_cast<std::size_t>(in.set_items[static_cast<std::size_t>(k)])];
        }
    }
    std::vector<int> order(static_cast<std::size_t>(m));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const double sa = score[static_cast<std::size_t>(a)];
        const double sb = score[static_cast<std::size_t>(b)];
        return sa != sb ? sa > sb : a < b;
    });
    for (int j = 0; j < p; ++j) {
        bound += score[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])];
    }
    const double s_p = score[static_cast<std::size_t>(order[static_cast<std::size_t>(p - 1)])];
    const double s_next = score[static_cast<std::size_t>(order[static_cast<std::size_t>(p)])];
    for (int j = 0; j < m; ++j) {
        const int c = order[static_cast<std::size_t>(j)];
        const double s = score[static_cast<std::size_t>(c)];
        if (j < p && bound - s + s_next < beat) {
            out.fixed_in.push_back(c);
        } else if (j >= p && bound - s_p + s < beat) {
            continue;  // out of every better choice
        } else {
            out.free.push_back(c);
        }
    }
}

// The items the fixed-in candidates do not cover, renumbered, and the free candidates' sets.
void build_reduced(const Instance& in, Reduction& out) {
    std::vector<char> covered(in.weight.size(), 0);
    for (int c : out.fixed_in) {
        for (int k = in.set_start[static_cast<std::size_t>(c)];
             k < in.set_start[static_cast<std::size_t>(c) + 1]; ++k) {
            covered[static_cast<std::size_t>(in.set_items[static_cast<std::size_t>(k)])] = 1;
        }
    }
    for (std::size_t i = 0; i < in.weight.size(); ++i) {
        out.fixed_value += covered[i] ? in.weight[i] : 0.0;
    }
    std::vector<int> item_id(in.weight.size(), -1);
    for (int c : out.free) {
        std::vector<int> set;
        for (int k = in.set_start[static_cast<std::size_t>(c)];
             k < in.set_start[static_cast<std::size_t>(c) + 1]; ++k) {
            const auto i = static_cast<std::size_t>(in.set_items[static_cast<std::size_t>(k)]);
            if (covered[i]) {
                continue;
            }
            if (item_id[i] < 0) {
                item_id[i] = static_cast<int>(out.problem.weight.size());
                out.problem.weight.push_back(in.weight[i]);
            }
            set.push_back(item_id[i]);
        }
        std::sort(set.begin(), set.end());
        out.problem.sets.push_back(std::move(set));
    }
}

}  // namespace

std::optional<Reduction> reduce(const Instance& in, int p, const std::vector<double>& lambda,
                                double beat, std::size_t max_free) {
    if (p <= 0 || p >= in.candidates()) {
        return std::nullopt;
    }
    Reduction out;
    fix(in, p, lambda, beat, out);
    if (out.free.size() > max_free) {
        return std::nullopt;
    }
    std::sort(out.free.begin(), out.free.end());
    build_reduced(in, out);
    out.p = p - static_cast<int>(out.fixed_in.size());
    return out;
}

}  // namespace beltplan::analysis::max_cover_detail
