// Lagrangian upper bound of maximal covering. Relaxing "item i counts only if a chosen
// candidate covers it" with multipliers 0 <= lambda_i <= w_i gives
//   L(lambda) = sum_i (w_i - lambda_i) + (sum of the p largest candidate scores),
// a candidate's score being the sum of lambda over its items. Every L(lambda) bounds every
// choice of p candidates from above; its minimum equals the linear programme's bound. The
// minimum is sought by subgradient steps (Polyak's step towards the best value known,
// deflected by the previous direction as Camerini, Fratta and Maffioli propose, which damps the
// zig-zag between nearly equal candidates).
#include "analysis/max_cover_internal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace beltplan::analysis::max_cover_detail {

namespace {

// L(lambda); leaves the p best candidates by score first in `order`.
double evaluate(const Instance& in, int p, const std::vector<double>& lambda,
                std::vector<double>& score, std::vector<int>& order) {
    double bound = 0;
    for (std::size_t i = 0; i < lambda.size(); ++i) {
        bound += in.weight[i] - lambda[i];
    }
    for (int c = 0; c < in.candidates(); ++c) {
        double s = 0;
        for (int k = in.set_start[static_cast<std::size_t>(c)];
             k < in.set_start[static_cast<std::size_t>(c) + 1]; ++k) {
            s += lambda[static_cast<std::size_t>(in.set_items[static_cast<std::size_t>(k)])];
        }
        score[static_cast<std::size_t>(c)] = s;
    }
    if (p <= 0) {
        return bound;
    }
    std::nth_element(order.begin(), order.begin() + (p - 1), order.end(), [&](int a, int b) {
        const double sa = score[static_cast<std::size_t>(a)];
        const double sb = score[static_cast<std::size_t>(b)];
        return sa != sb ? sa > sb : a < b;
    });
    for (int j = 0; j < p; ++j) {
        bound += score[static_cast<std::size_t>(order[static_cast<std::size_t>(j)])];
    }
    return bound;
}

}  // namespace

Relaxation relax(const Instance& in, int p, const std::vector<double>& start, int max_iterations,
                 const std::function<double()>& incumbent,
                 const std::function<bool(double)>& settled, RunControl* control,
                 const std::function<void(const std::vector<int>&)>& relaxed_choice) {
    const std::size_t n = in.weight.size();
    Relaxation out;
    std::vector<double> lambda = start;
    if (lambda.size() != n) {
        lambda.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            lambda[i] = 0.5 * in.weight[i];
        }
    }
    std::vector<double> score(static_cast<std::size_t>(in.candidates()));
    std::vector<int> order(static_cast<std::size_t>(in.candidates()));
    std::iota(order.begin(), order.end(), 0);
    std::vector<int> hits(n, 0);
    std::vector<double> direction(n, 0.0);
    out.bound = std::numeric_limits<double>::infinity();
    out.lambda = lambda;
    double pi = 1.0;
    int stale = 0;
    for (; out.iterations < max_iterations; ++out.iterations) {
        if (out.iterations % 8 == 0) {
            check(control);
        }
        const double bound = evaluate(in, p, lambda, score, order);
        if (bound < out.bound - 1e-12 * std::abs(bound)) {
            out.bound = bound;
            out.lambda = lambda;
            stale = 0;
        } else if (++stale >= 12) {
            pi *= 0.5;
            stale = 0;
        }
        if (relaxed_choice && out.iterations % 20 == 19 && out.iterations < 200) {
            relaxed_choice(order);
        }
        if (settled(out.bound) || pi < 1e-5) {
            break;
        }
        // Subgradient: how often each item is covered by the relaxed choice, minus 1 where
        // the relaxation still counts the item itself.
        std::fill(hits.begin(), hits.end(), 0);
        for (int j = 0; j < p; ++j) {
            const auto c = static_cast<std::size_t>(order[static_cast<std::size_t>(j)]);
            for (int k = in.set_start[c]; k < in.set_start[c + 1]; ++k) {
                ++hits[static_cast<std::size_t>(in.set_items[static_cast<std::size_t>(k)])];
            }
        }
        double dot = 0;
        double prev2 = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double g = hits[i] - (lambda[i] < in.weight[i] ? 1.0 : 0.0);
            dot += g * direction[i];
            prev2 += direction[i] * direction[i];
        }
        const double beta = prev2 > 0 && dot < 0 ? -1.5 * dot / prev2 : 0.0;
        double norm2 = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double g = hits[i] - (lambda[i] < in.weight[i] ? 1.0 : 0.0);
            direction[i] = g + beta * direction[i];
            norm2 += direction[i] * direction[i];
        }
        if (norm2 == 0) {
            break;  // the relaxed choice covers each counted item exactly once: optimal
        }
        const double t = pi * std::max(bound - incumbent(), 1e-9 * bound) / norm2;
        for (std::size_t i = 0; i < n; ++i) {
            lambda[i] = std::clamp(lambda[i] - t * direction[i], 0.0, in.weight[i]);
        }
    }
    evaluate(in, static_cast<int>(order.size()), out.lambda, score, order);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const double sa = score[static_cast<std::size_t>(a)];
        const double sb = score[static_cast<std::size_t>(b)];
        return sa != sb ? sa > sb : a < b;
    });
    out.order = std::move(order);
    return out;
}

std::vector<double> bounds_by_count(const Instance& in, const std::vector<double>& lambda,
                                    int max_k) {
    std::vector<double> score(static_cast<std::size_t>(in.candidates()));
    std::vector<int> order(score.size());
    std::iota(order.begin(), order.end(), 0);
    const double base = evaluate(in, 0, lambda, score, order);
    std::sort(score.begin(), score.end(), std::greater<>());
    std::vector<double> out{base};
    for (int k = 0; k < max_k && k < static_cast<int>(score.size()); ++k) {
        out.push_back(out.back() + score[static_cast<std::size_t>(k)]);
    }
    while (static_cast<int>(out.size()) <= max_k) {
        out.push_back(out.back());
    }
    return out;
}

}  // namespace beltplan::analysis::max_cover_detail
