// Belts on a 10x3 grid of 1 km villages with a road through the middle row: members by band
// width, sites in order along the road, gaps and reach share known by hand.
#include "analysis/belts.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::analysis {
namespace {

core::Plan belt_plan() {
    core::Plan plan = test::grid_plan({"abcdefghij", "klmnopqrst", "uvwxyzABCD"});
    core::Road road;
    road.name = "张小线";
    road.parts.push_back(core::LineString{{{0, 1500}, {4000, 1500}, {10000, 1500}}});
    plan.roads.push_back(road);
    test::add_site(plan, 7000, 1400, "east");
    test::add_site(plan, 2000, 1600, "west");
    test::add_site(plan, 5000, 3000, "far");  // 1500 m off the road
    core::Belt belt;
    belt.id = "b1";
    belt.name = "张小线示范带";
    belt.roads = {"张小线"};
    belt.half_width_m = 600;
    plan.belts.push_back(belt);
    return plan;
}

TEST(Belts, members_are_villages_within_the_band) {
    core::Plan plan = belt_plan();
    EXPECT_EQ(analyze_belt(plan, plan.belts[0], 1000).members.size(), 30u);  // 500 m to rows
    plan.belts[0].half_width_m = 400;
    const BeltResult r = analyze_belt(plan, plan.belts[0], 1000);
    ASSERT_EQ(r.members.size(), 10u);
    EXPECT_EQ(plan.villages[static_cast<std::size_t>(r.members.front())].name, "k");
    EXPECT_EQ(plan.villages[static_cast<std::size_t>(r.members.back())].name, "t");
}

TEST(Belts, sites_ordered_along_the_road_with_largest_gap) {
    const core::Plan plan = belt_plan();
    const BeltResult r = analyze_belt(plan, plan.belts[0], 1000);
    ASSERT_EQ(r.stretches.size(), 1u);
    ASSERT_EQ(r.site_count(), 2);                // "far" is outside the band
    EXPECT_EQ(r.stretches[0].sites[0].site, 1);  // west first
    EXPECT_DOUBLE_EQ(r.stretches[0].sites[0].position_m, 2000);
    EXPECT_DOUBLE_EQ(r.stretches[0].sites[0].offset_m, 100);
    EXPECT_DOUBLE_EQ(r.stretches[0].sites[1].position_m, 7000);
    EXPECT_DOUBLE_EQ(r.largest_gap.from_m, 2000);
    EXPECT_DOUBLE_EQ(r.largest_gap.to_m, 7000);
    EXPECT_DOUBLE_EQ(r.road_length_m, 10000);
}

TEST(Belts, reach_share_merges_overlapping_intervals) {
    const core::Plan plan = belt_plan();
    EXPECT_DOUBLE_EQ(analyze_belt(plan, plan.belts[0], 1000).reach_share(), 0.4);
    EXPECT_DOUBLE_EQ(analyze_belt(plan, plan.belts[0], 3000).reach_share(), 1.0);
    EXPECT_DOUBLE_EQ(analyze_belt(plan, plan.belts[0], 2500).reach_share(), 0.95);
}

TEST(Belts, road_without_sites_is_one_gap_and_missing_roads_are_named) {
    core::Plan plan = belt_plan();
    plan.sites.clear();
    plan.belts[0].roads.push_back("洋新线");
    const BeltResult r = analyze_belt(plan, plan.belts[0], 1000);
    EXPECT_DOUBLE_EQ(r.largest_gap.length_m(), 10000);
    EXPECT_DOUBLE_EQ(r.reach_share(), 0.0);
    ASSERT_EQ(r.missing_roads.size(), 1u);
    EXPECT_EQ(r.missing_roads[0], "洋新线");
}

}  // namespace
}  // namespace beltplan::analysis
