// Village colouring modes: colours per village and legends, without any GL.
#include "render/village_colors.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::render {
namespace {

TEST(VillageColors, coverage_marks_covered_and_uncovered) {
    core::Plan plan = test::grid_plan({"AB"});
    std::vector<analysis::Reach> reach(2);
    reach[0].distance_m = 500;
    reach[1].distance_m = 5000;
    auto c = color_villages(plan, reach, 3000, {ColorMode::kCoverage, "", 5});
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->fill[0], hex(colors::kCovered));
    EXPECT_EQ(c->fill[1], hex(colors::kUncovered));
    ASSERT_EQ(c->legend.entries.size(), 2u);
    EXPECT_NE(c->legend.entries[0].label.find("3 km"), std::string::npos);
}

TEST(VillageColors, coverage_without_results_is_grey) {
    core::Plan plan = test::grid_plan({"AB"});
    auto c = color_villages(plan, {}, 3000, {ColorMode::kCoverage, "", 5});
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->fill[0], hex(colors::kNoData));
}

TEST(VillageColors, kind_uses_one_colour_per_kind) {
    core::Plan plan = test::grid_plan({"ABC"});
    plan.villages[0].kind = core::VillageKind::kHub;
    plan.villages[1].kind = core::VillageKind::kHollow;
    auto c = color_villages(plan, {}, 3000, {ColorMode::kKind, "", 5});
    ASSERT_TRUE(c.ok());
    EXPECT_NE(c->fill[0], c->fill[1]);
    EXPECT_EQ(c->fill[2], hex(colors::kNoData));
    EXPECT_EQ(c->legend.entries.front().label, "枢纽型");
}

TEST(VillageColors, attribute_classes_by_quantile_and_reports_missing) {
    core::Plan plan = test::grid_plan({"ABCDE"});
    for (int i = 0; i < 4; ++i) {
        plan.villages[static_cast<std::size_t>(i)].population = 100 * (i + 1);
    }
    auto c = color_villages(plan, {}, 3000, {ColorMode::kAttribute, "population", 4});
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->fill[0], sequential(0.f));
    EXPECT_EQ(c->fill[3], sequential(1.f));
    EXPECT_EQ(c->fill[4], hex(colors::kNoData));
    EXPECT_EQ(c->legend.entries.back().label, "无数据");
}

TEST(VillageColors, unknown_attribute_is_an_error) {
    core::Plan plan = test::grid_plan({"AB"});
    auto c = color_villages(plan, {}, 3000, {ColorMode::kAttribute, "no_such_field", 5});
    ASSERT_FALSE(c.ok());
    EXPECT_NE(c.error().message.find("no_such_field"), std::string::npos);
}

TEST(VillageColors, neighbouring_joint_orgs_get_different_colours) {
    core::Plan plan = test::grid_plan({"AABBCC"});
    auto org = [&](const char* id, int a) {
        core::JointOrg o;
        o.id = id;
        o.members = {plan.villages[static_cast<std::size_t>(a)].code};
        o.lead = o.members[0];
        plan.joint_orgs.push_back(o);
    };
    org("g1", 0);
    org("g2", 1);
    org("g3", 2);
    const analysis::ContiguityGraph graph = analysis::contiguity(plan, {});
    const std::vector<int> idx = joint_org_color_indices(plan, graph);
    EXPECT_NE(idx[0], idx[1]);
    EXPECT_NE(idx[1], idx[2]);
    auto c = color_villages(plan, {}, 3000, {ColorMode::kJointOrg, "", 5, &graph});
    ASSERT_TRUE(c.ok());
    EXPECT_NE(c->fill[0], c->fill[1]);
}

TEST(VillageColors, parses_mode_words) {
    EXPECT_EQ(parse_color_mode("orgs"), ColorMode::kJointOrg);
    EXPECT_EQ(parse_color_mode("distance"), ColorMode::kDistance);
    EXPECT_FALSE(parse_color_mode("rainbow").has_value());
}

}  // namespace
}  // namespace beltplan::render
