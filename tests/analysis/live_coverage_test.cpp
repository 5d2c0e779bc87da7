// Live coverage after moving sites equals coverage computed from scratch.
#include "analysis/live_coverage.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <random>

namespace beltplan::analysis {
namespace {

TEST(LiveCoverage, moving_a_site_matches_a_full_recompute) {
    core::Plan plan = test::grid_plan({"abcdefgh", "ijklmnop", "qrstuvwx", "yzABCDEF"});
    test::add_site(plan, 500, 3500);
    test::add_site(plan, 7500, 500);
    test::add_site(plan, 4000, 2000);
    LiveEuclideanCoverage live(plan);
    std::mt19937_64 rng(7);
    for (int step = 0; step < 200; ++step) {
        const int site = static_cast<int>(rng() % plan.sites.size());
        const core::PointM to{static_cast<double>(rng() % 8000), static_cast<double>(rng() % 4000)};
        live.move_site(site, to);
        plan.sites[static_cast<std::size_t>(site)].position = to;
        const auto fresh = euclidean_reach(plan);
        for (std::size_t v = 0; v < fresh.size(); ++v) {
            ASSERT_DOUBLE_EQ(live.reach()[v].distance_m, fresh[v].distance_m)
                << "step " << step << " village " << v;
        }
    }
}

TEST(LiveCoverage, reports_exactly_the_villages_that_changed) {
    core::Plan plan = test::grid_plan({"abcd"});
    test::add_site(plan, 500, 500);
    test::add_site(plan, 3500, 500);
    LiveEuclideanCoverage live(plan);
    // Moving the west site onto b's centre changes a (farther now) and b (nearer).
    const auto changed = live.move_site(0, {1500, 500});
    EXPECT_EQ(changed, (std::vector<int>{0, 1}));
    EXPECT_DOUBLE_EQ(live.reach()[0].distance_m, 1000);
    EXPECT_DOUBLE_EQ(live.reach()[1].distance_m, 0);
}

}  // namespace
}  // namespace beltplan::analysis
