// Belt gaps on a straight road: the fewest new sites, evenly spaced, on the road.
#include "analysis/belt_gap_suggest.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::analysis {
namespace {

TEST(BeltGapSuggest, fill_gaps_places_the_fewest_evenly) {
    EXPECT_EQ(fill_gaps({3000, 9000}, 20000, 5000),
              (std::vector<double>{6000, 9000 + 11000.0 / 3, 9000 + 22000.0 / 3}));
    EXPECT_TRUE(fill_gaps({3000}, 6000, 3000).empty());  // gaps of exactly G are allowed
    EXPECT_EQ(fill_gaps({}, 10000, 4000).size(), 2u);    // ends count as gap bounds
    EXPECT_TRUE(fill_gaps({}, 900, 1000).empty());
}

TEST(BeltGapSuggest, new_sites_stand_on_a_straight_belt_road) {
    core::Plan plan = test::grid_plan({"abcdefghijklmnopqrst"});
    core::Road road;
    road.name = "张小线";
    road.parts.push_back(core::LineString{{{0, 500}, {20000, 500}}});
    plan.roads.push_back(road);
    core::Belt belt;
    belt.id = "b1";
    belt.name = "张小线示范带";
    belt.roads = {"张小线"};
    belt.half_width_m = 500;
    plan.belts.push_back(belt);
    test::add_site(plan, 3000, 600);
    test::add_site(plan, 9000, 400);
    BeltGapOptions o;
    o.max_gap_m = 5000;
    const auto s = suggest_belt_gaps(plan, o);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_EQ(s->sites.size(), 3u);
    EXPECT_EQ(s->value, 3);
    EXPECT_TRUE(s->proven_optimal);
    EXPECT_NEAR(s->sites[0].position.x, 6000, 1e-6);
    EXPECT_NEAR(s->sites[0].position.y, 500, 1e-6);
    EXPECT_NEAR(s->sites[2].position_m, 9000 + 22000.0 / 3, 1e-6);
    EXPECT_EQ(plan.villages[static_cast<std::size_t>(s->sites[1].village)].name, "m");
    EXPECT_NE(s->sites[2].explanation.find("(road end)"), std::string::npos);
}

TEST(BeltGapSuggest, unknown_belt_is_an_error_in_words) {
    core::Plan plan = test::grid_plan({"ab"});
    BeltGapOptions o;
    o.belt_id = "nope";
    const auto s = suggest_belt_gaps(plan, o);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("no belt nope"), std::string::npos);
}

}  // namespace
}  // namespace beltplan::analysis
