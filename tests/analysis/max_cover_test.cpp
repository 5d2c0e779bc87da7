// Maximal covering solver: exact answers against brute force, and the bound never below them.
#include "analysis/max_cover.h"

#include "analysis/max_cover_internal.h"

#include <gtest/gtest.h>

#include <algorithm>
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
            EXPECT_EQ(s.value, opt) << "round " << round << " p " << p;
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

// The Fano plane: 7 items, 7 sets of 3 (its lines), two lines share exactly one item. Two sets
// cover at most 5 items, but the linear relaxation (each set at 2/7) reaches 6: no bound from
// the relaxation can prove the 5.
MaxCoverProblem fano() {
    return {{1, 1, 1, 1, 1, 1, 1},
            {{0, 1, 2}, {0, 3, 4}, {0, 5, 6}, {1, 3, 5}, {1, 4, 6}, {2, 3, 6}, {2, 4, 5}}};
}

TEST(MaxCover, a_bound_above_the_value_leaves_the_answer_unproven) {
    const MaxCoverSolution s = solve_max_cover(fano(), 2);
    EXPECT_EQ(s.value, 5);
    EXPECT_EQ(s.upper_bound, 6);  // the relaxation's value, rounded down: the multipliers converged
    EXPECT_GT(s.upper_bound, s.value);
    const MaxCoverSolution all = solve_max_cover(fano(), 3);  // three lines through one point
    EXPECT_EQ(all.value, 7);
    EXPECT_EQ(all.upper_bound, 7);
}

TEST(MaxCover, fewest_sets_lower_bound_is_what_the_relaxation_proves) {
    // All 7 items: two sets can never cover them (bound 6), so at least 3 are needed.
    EXPECT_EQ(fewest_sets_lower_bound(fano(), 7, 3), 3);
    // 6 items: the relaxation allows 6 with two sets, so it proves only 2 (the answer is 3).
    EXPECT_EQ(fewest_sets_lower_bound(fano(), 6, 3), 2);
    EXPECT_EQ(fewest_sets_lower_bound(fano(), 0, 3), 0);
    EXPECT_EQ(fewest_sets_lower_bound(fano(), 8, 3), 8);  // more than all: beyond every count
}

TEST(MaxCover, lagrangian_fixing_keeps_the_sure_set_and_drops_the_hopeless_ones) {
    // Item 0 (100 people) only candidate 0 covers; two more of weight 1 come from c1 or c2.
    const MaxCoverProblem pr{{100, 1, 1, 1, 1, 1}, {{0}, {1, 2}, {2, 3}, {4}, {5}}};
    const max_cover_detail::Instance in(pr);
    const std::vector<double> lambda = pr.weight;  // scores 100, 2, 2, 1, 1; bound 102
    const auto red = max_cover_detail::reduce(in, 2, lambda, 102, 10);
    ASSERT_TRUE(red.has_value());
    EXPECT_EQ(red->fixed_in, std::vector<int>{0});   // without it: at most 4
    EXPECT_EQ(red->free, (std::vector<int>{1, 2}));  // c3, c4 bring at most 101
    EXPECT_DOUBLE_EQ(red->fixed_value, 100);
    EXPECT_EQ(red->p, 1);
    EXPECT_EQ(red->problem.weight, (std::vector<double>{1, 1, 1}));
    EXPECT_EQ(red->problem.sets, (std::vector<std::vector<int>>{{0, 1}, {1, 2}}));
    EXPECT_FALSE(max_cover_detail::reduce(in, 2, lambda, 102, 1).has_value());  // too many free
}

TEST(MaxCover, the_same_problem_gives_the_same_answer) {
    std::mt19937 rng(11);
    MaxCoverProblem pr;
    for (int i = 0; i < 400; ++i) {
        pr.weight.push_back(1 + static_cast<double>(rng() % 50));
    }
    for (int c = 0; c < 300; ++c) {
        std::vector<int> set;
        for (int k = 0; k < 8; ++k) {
            set.push_back(static_cast<int>(rng() % 400));
        }
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        pr.sets.push_back(set);
    }
    const MaxCoverSolution a = solve_max_cover(pr, 30);
    const MaxCoverSolution b = solve_max_cover(pr, 30);
    EXPECT_EQ(a.chosen, b.chosen);
    EXPECT_EQ(a.upper_bound, b.upper_bound);
    EXPECT_GE(a.value, greedy_max_cover(pr, 30).value);
    EXPECT_EQ(a.greedy_value, greedy_max_cover(pr, 30).value);
    EXPECT_DOUBLE_EQ(cover_value(pr, a.chosen), a.value);
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
