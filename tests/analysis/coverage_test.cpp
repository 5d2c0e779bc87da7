// Coverage counts on a 4x4 grid of 1 km villages whose answers are worked out by hand.
#include "analysis/coverage.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace beltplan::analysis {
namespace {

// a b c d / e f g h / i j k l / m n o p; anchors at cell centres (500 + 1000c, 3500 - 1000r).
core::Plan grid_with_people() {
    core::Plan plan = test::grid_plan({"abcd", "efgh", "ijkl", "mnop"});
    for (std::size_t i = 0; i + 1 < plan.villages.size(); ++i) {
        plan.villages[i].population = static_cast<std::int64_t>(i + 1) * 100;
    }
    // p (the last) has no population: reported, never counted as zero people.
    return plan;
}

TEST(Coverage, counts_villages_within_radius_of_the_corner_site) {
    core::Plan plan = grid_with_people();
    test::add_site(plan, 500, 3500);  // at a's centre
    const auto reach = euclidean_reach(plan);
    // R = 1000: a (0 m), b and e (1000 m, boundary counts as covered).
    CoverageReport r = summarize_coverage(plan, reach, 1000.0, core::DistanceMode::kEuclidean);
    EXPECT_EQ(r.total.villages, 16);
    EXPECT_EQ(r.total.covered, 3);
    EXPECT_EQ(r.total.population, 12000);  // 100 + ... + 1500; p unknown
    EXPECT_EQ(r.total.covered_population, 100 + 200 + 500);
    EXPECT_EQ(r.total.missing_population, 1);
    // R = 1500 adds f at sqrt(2) km.
    r = summarize_coverage(plan, reach, 1500.0, core::DistanceMode::kEuclidean);
    EXPECT_EQ(r.total.covered, 4);
    EXPECT_EQ(r.uncovered.size(), 12u);
    EXPECT_EQ(r.uncovered.front().name, "p");  // farthest first
    EXPECT_NEAR(r.uncovered.front().distance_m, std::sqrt(2.0) * 3000.0, 1e-9);
}

TEST(Coverage, nearest_of_two_sites_wins) {
    core::Plan plan = grid_with_people();
    test::add_site(plan, 500, 3500, "nw");
    test::add_site(plan, 3500, 500, "se");
    const auto reach = euclidean_reach(plan);
    const auto idx = core::village_index(plan);
    EXPECT_EQ(reach[idx.at(plan.villages[15].code)].site, 1);  // p -> se
    EXPECT_EQ(reach[idx.at(plan.villages[0].code)].site, 0);   // a -> nw
    const auto r = summarize_coverage(plan, reach, 1000.0, core::DistanceMode::kEuclidean);
    EXPECT_EQ(r.total.covered, 6);  // a b e + p o l
}

TEST(Coverage, seat_replaces_centroid_as_anchor) {
    core::Plan plan = grid_with_people();
    test::add_site(plan, 500, 3500);
    plan.villages[15].seat = core::PointM{600, 3400};  // p's seat drawn next to the site
    const auto r =
        summarize_coverage(plan, euclidean_reach(plan), 1000.0, core::DistanceMode::kEuclidean);
    EXPECT_EQ(r.total.covered, 4);
}

TEST(Coverage, groups_by_township_and_kind) {
    core::Plan plan = grid_with_people();
    test::add_site(plan, 500, 3500);
    core::Township second;
    second.code = "130705101";
    second.name = "second";
    plan.townships.push_back(second);
    for (std::size_t i = 8; i < 16; ++i) {  // the southern half
        plan.villages[i].town_code = second.code;
        plan.villages[i].kind = core::VillageKind::kHollow;
    }
    plan.villages[0].kind = core::VillageKind::kHub;
    const auto r =
        summarize_coverage(plan, euclidean_reach(plan), 1000.0, core::DistanceMode::kEuclidean);
    ASSERT_EQ(r.by_township.size(), 2u);
    EXPECT_EQ(r.by_township[0].villages, 8);
    EXPECT_EQ(r.by_township[0].covered, 3);
    EXPECT_EQ(r.by_township[1].villages, 8);
    EXPECT_EQ(r.by_township[1].covered, 0);
    EXPECT_EQ(r.by_township[1].missing_population, 1);
    ASSERT_EQ(r.by_kind.size(), 3u);  // hub, hollow, unknown
    EXPECT_EQ(r.by_kind[0].key, "hub");
    EXPECT_EQ(r.by_kind[0].covered, 1);
    EXPECT_EQ(r.by_kind[1].key, "hollow");
    EXPECT_EQ(r.by_kind[1].villages, 8);
    EXPECT_EQ(r.by_kind[2].key, "unknown");
    EXPECT_EQ(r.by_kind[2].villages, 7);
}

TEST(Coverage, plan_without_sites_covers_nothing) {
    core::Plan plan = grid_with_people();
    const auto reach = euclidean_reach(plan);
    EXPECT_TRUE(std::isinf(reach[0].distance_m));
    const auto r = summarize_coverage(plan, reach, 5000.0, core::DistanceMode::kEuclidean);
    EXPECT_EQ(r.total.covered, 0);
    EXPECT_EQ(r.uncovered.size(), 16u);
    EXPECT_DOUBLE_EQ(village_share(r.total), 0.0);
}

TEST(Coverage, village_with_unknown_town_gets_its_own_row) {
    core::Plan plan = grid_with_people();
    plan.villages[3].town_code = "999999999";
    const auto r =
        summarize_coverage(plan, euclidean_reach(plan), 1.0, core::DistanceMode::kEuclidean);
    ASSERT_EQ(r.by_township.size(), 2u);
    EXPECT_EQ(r.by_township[1].key, "999999999");
    EXPECT_EQ(r.by_township[1].villages, 1);
}

TEST(Coverage, populations_beyond_what_a_plan_may_hold_are_unknown_never_summed) {
    // Issue 9: INT64_MAX twice overflowed the sum (UBSan); such values are counted as missing.
    core::Plan plan = test::grid_plan({"abc"});
    plan.villages[0].population = INT64_MAX;
    plan.villages[1].population = INT64_MAX;
    plan.villages[2].population = 250;
    test::add_site(plan, 500, 500);
    const CoverageReport r =
        summarize_coverage(plan, euclidean_reach(plan), 5000.0, core::DistanceMode::kEuclidean);
    EXPECT_EQ(r.total.population, 250);
    EXPECT_EQ(r.total.covered_population, 250);
    EXPECT_EQ(r.total.missing_population, 2);
    EXPECT_DOUBLE_EQ(population_share(r.total), 1.0);
}

}  // namespace
}  // namespace beltplan::analysis
