// Maximal covering solver: exact answers against brute force, and the bound never below them.
#include "analysis/max_cover.h"

#include <gtest/gtest.h>

#include <random>

namespace beltplan::analysis {
namespace {

// Best value over every choice of p candidates.
double brute_force(const MaxCoverProblem& pr, int p) {
    const int n = static_cast<int>(pr.sets.size());
    double best = 0;
    for (unsigned mask = 0; mask < (1u << n); ++mask) {
        if (__builtin_popcount(mask) != p) {
            continue;
        }
        std::vector<int> chosen;
        for (int c = 0; c < n; ++c) {
            if (mask & (1u << c)) {
                chosen.push_back(c);
            }
        }
        best = std::max(best, cover_value(pr, chosen));
    }
    return best;
}

TEST(MaxCover, swap_search_beats_greedy_where_greedy_is_trapped) {
    // The middle set is heaviest alone, but the two outer sets together cover everything.
    MaxCoverProblem pr{{1, 1, 1, 1, 1, 1}, {{0, 1, 2, 3}, {0, 1, 4}, {2, 3, 5}}};
    EXPECT_EQ(greedy_max_cover(pr, 2).value, 5);
    const MaxCoverSolution s = solve_max_cover(pr, 2);
    EXPECT_EQ(s.value, 6);
    EXPECT_DOUBLE_EQ(s.upper_bound, 6);
    EXPECT_EQ(s.chosen.size(), 2u);
}

TEST(MaxCover, matches_brute_force_and_bound_holds_on_random_instances) {
    std::mt19937 rng(7);
    for (int round = 0; round < 40; ++round) {
        MaxCoverProblem pr;
        const int items = 25;
        for (int i = 0; i < items; ++i) {
            pr.weight.push_back(1 + static_cast<double>(rng() % 100));
        }
        for (int c = 0; c < 12; ++c) {
            std::vector<int> set;
            for (int i = 0; i < items; ++i) {
                if (rng() % 5 == 0) {
                    set.push_back(i);
                }
            }
            pr.sets.push_back(set);
        }
        for (int p = 1; p <= 4; ++p) {
            const double opt = brute_force(pr, p);
            const MaxCoverSolution s = solve_max_cover(pr, p);
            EXPECT_GE(s.upper_bound, opt - 1e-9) << "round " << round << " p " << p;
            EXPECT_LE(s.value, opt + 1e-9);
            EXPECT_GE(s.value, 0.97 * opt) << "round " << round << " p " << p;
            EXPECT_DOUBLE_EQ(cover_value(pr, s.chosen), s.value);
        }
    }
}

TEST(MaxCover, gains_add_up_to_the_value) {
    MaxCoverProblem pr{{3, 1, 4, 1, 5}, {{0, 1}, {1, 2}, {3, 4}, {0, 4}}};
    const MaxCoverSolution s = solve_max_cover(pr, 2);
    double sum = 0;
    for (double g : s.gain) {
        sum += g;
    }
    EXPECT_DOUBLE_EQ(sum, s.value);
    EXPECT_EQ(s.value, brute_force(pr, 2));
}

TEST(MaxCover, zero_sites_cover_nothing) {
    MaxCoverProblem pr{{1, 2}, {{0}, {1}}};
    const MaxCoverSolution s = solve_max_cover(pr, 0);
    EXPECT_TRUE(s.chosen.empty());
    EXPECT_EQ(s.value, 0);
    EXPECT_EQ(s.upper_bound, 0);
}

}  // namespace
}  // namespace beltplan::analysis
