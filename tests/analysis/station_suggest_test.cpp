// Work stations on grids: k connected groups of even size, seats inside, errors in words.
#include "analysis/station_suggest.h"

#include "analysis/contiguity.h"
#include "analysis/joint_orgs.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::analysis {
namespace {

core::Plan grid_4x6() {
    return test::grid_plan({"abcdef", "ghijkl", "mnopqr", "stuvwx"});
}

// Each group as a station JointOrg must be valid by DESIGN.md section 2.
void expect_valid(const core::Plan& plan, const ContiguityGraph& graph, const Suggestion& s) {
    for (const SuggestedGroup& g : s.groups) {
        core::JointOrg org;
        org.mode = core::JointOrgMode::kStation;
        org.lead = plan.villages[static_cast<std::size_t>(g.lead)].code;
        for (int m : g.members) {
            org.members.push_back(plan.villages[static_cast<std::size_t>(m)].code);
        }
        const JointOrgCheck check = validate_joint_org(plan, graph, org);
        EXPECT_TRUE(check.valid) << check.problems.front().sentence;
    }
}

TEST(StationSuggest, splits_a_grid_township_into_even_connected_groups) {
    const core::Plan plan = grid_4x6();
    const ContiguityGraph graph = contiguity(plan, {});
    StationSuggestOptions o;
    o.town_code = "130705100";
    o.k = 4;
    o.tolerance = 0.0;
    const auto s = suggest_stations(plan, graph, o);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_EQ(s->groups.size(), 4u);
    std::vector<int> seen(plan.villages.size(), 0);
    for (const SuggestedGroup& g : s->groups) {
        EXPECT_EQ(g.members.size(), 6u);
        EXPECT_TRUE(g.within_tolerance);
        EXPECT_EQ(g.members.front(), g.lead);
        for (int m : g.members) {
            ++seen[static_cast<std::size_t>(m)];
        }
    }
    EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 24);  // every village exactly once
    EXPECT_EQ(s->value, 4);
    expect_valid(plan, graph, *s);
}

TEST(StationSuggest, balances_by_population_within_tolerance) {
    core::Plan plan = grid_4x6();
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        plan.villages[i].population = 500 + static_cast<std::int64_t>((i * 37) % 11) * 100;
    }
    const ContiguityGraph graph = contiguity(plan, {});
    StationSuggestOptions o;
    o.k = 3;
    o.by_population = true;
    o.tolerance = 0.1;
    const auto s = suggest_stations(plan, graph, o);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_EQ(s->groups.size(), 3u);
    for (const SuggestedGroup& g : s->groups) {
        EXPECT_TRUE(g.within_tolerance) << g.explanation;
    }
    expect_valid(plan, graph, *s);
}

TEST(StationSuggest, refuses_more_pieces_than_stations_and_missing_population) {
    core::Plan plan = test::grid_plan({"ab.cd.ef"});
    StationSuggestOptions o;
    o.town_code = "130705100";
    o.k = 2;
    auto s = suggest_stations(plan, contiguity(plan, {}), o);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("3 separate pieces"), std::string::npos);
    o.k = 3;
    o.by_population = true;
    s = suggest_stations(plan, contiguity(plan, {}), o);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("has no population"), std::string::npos);
}

TEST(StationSuggest, keeps_seats_given_by_code) {
    const core::Plan plan = grid_4x6();
    StationSuggestOptions o;
    o.town_code = "130705100";
    o.k = 2;
    o.seats = {plan.villages[0].code, plan.villages[23].code};
    const auto s = suggest_stations(plan, contiguity(plan, {}), o);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->groups[0].lead, 0);
    EXPECT_EQ(s->groups[1].lead, 23);
    EXPECT_EQ(s->groups[0].members.size(), 12u);
}

}  // namespace
}  // namespace beltplan::analysis
