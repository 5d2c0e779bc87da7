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

// Roads on every cell boundary of a 6x4 grid of 1 km villages.
core::Plan grid_with_roads() {
    core::Plan plan = test::grid_plan({"abcdef", "ghijkl", "mnopqr", "stuvwx"});
    for (int y = 0; y <= 4; ++y) {
        core::Road r;
        r.name = "h" + std::to_string(y);
        core::LineString line;
        for (int x = 0; x <= 6; ++x) {
            line.points.push_back({x * 1000.0, y * 1000.0});
        }
        r.parts.push_back(line);
        plan.roads.push_back(r);
    }
    for (int x = 0; x <= 6; ++x) {
        core::Road r;
        r.name = "v" + std::to_string(x);
        core::LineString line;
        for (int y = 0; y <= 4; ++y) {
            line.points.push_back({x * 1000.0, y * 1000.0});
        }
        r.parts.push_back(line);
        plan.roads.push_back(r);
    }
    test::add_site(plan, 500, 3500);
    test::add_site(plan, 5500, 500);
    test::add_site(plan, 2500, 1500);
    return plan;
}

TEST(LiveCoverage, network_moves_match_a_full_recompute) {
    core::Plan plan = grid_with_roads();
    const RoadNetwork network(plan);
    LiveNetworkCoverage live(plan, network);
    std::mt19937_64 rng(11);
    for (int step = 0; step < 300; ++step) {
        const int site = static_cast<int>(rng() % plan.sites.size());
        const core::PointM to{static_cast<double>(rng() % 6000), static_cast<double>(rng() % 4000)};
        live.move_site(site, to);
        plan.sites[static_cast<std::size_t>(site)].position = to;
        const auto fresh = network_reach(plan, network);
        for (std::size_t v = 0; v < fresh.size(); ++v) {
            ASSERT_NEAR(live.reach()[v].distance_m, fresh[v].distance_m, 1e-6)
                << "step " << step << " village " << v;
        }
    }
}

TEST(LiveCoverage, network_move_reports_changed_villages) {
    core::Plan plan = grid_with_roads();
    const RoadNetwork network(plan);
    LiveNetworkCoverage live(plan, network);
    // a's anchor and site 0 both stand at (500,3500), 500 m from four roads; ties go to the
    // first segment, on road h3 (y = 3000), so both join at (500,3000): 500 + 0 + 500.
    EXPECT_NEAR(live.reach()[0].distance_m, 1000.0, 1e-9);
    // Moved 10 m below the top road h4: 10 + 500 to a corner + 1000 down + 500 along h3
    // + 500 access.
    const auto changed = live.move_site(0, {500, 3990});
    EXPECT_FALSE(changed.empty());
    EXPECT_NEAR(live.reach()[0].distance_m, 2510.0, 1e-9);
}

}  // namespace
}  // namespace beltplan::analysis
