// check_plan: every value rule of issue 9 item 4, each problem one sentence with table,
// feature and field; a clean plan has none.
#include "core/plan_check.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace beltplan::core {
namespace {

core::Plan two_villages() {
    core::Plan plan = test::grid_plan({"ab"});
    plan.villages[0].population = 1200;
    plan.villages[1].population = 800;
    return plan;
}

// The only problem found, which must exist.
PlanProblem only(const std::vector<PlanProblem>& problems) {
    EXPECT_EQ(problems.size(), 1u);
    if (problems.size() != 1) {
        for (const PlanProblem& p : problems) {
            ADD_FAILURE() << p.what.message;
        }
    }
    return problems.empty() ? PlanProblem{} : problems.front();
}

TEST(PlanCheck, a_clean_plan_has_no_problem) {
    EXPECT_TRUE(check_plan(two_villages(), "p.gpkg").empty());
    EXPECT_TRUE(refuse_on_errors(check_plan(two_villages(), "p.gpkg")));
}

TEST(PlanCheck, reach_radius_must_be_positive_and_finite) {
    for (double bad : {-5.0, 0.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
        core::Plan plan = two_villages();
        plan.settings.reach_m = bad;
        const auto problems = check_plan(plan, "p.gpkg");
        ASSERT_EQ(problems.size(), 1u) << bad;
        EXPECT_TRUE(problems[0].error);
        EXPECT_EQ(problems[0].what.where.layer, "plan_meta");
        EXPECT_EQ(problems[0].what.where.field, "reach_m");
        EXPECT_NE(problems[0].what.message.find("is not a positive number of metres"),
                  std::string::npos);
    }
}

TEST(PlanCheck, negative_and_absurd_counts_are_errors_large_ones_warnings) {
    core::Plan plan = two_villages();
    plan.villages[0].population = -500;
    plan.villages[1].party_members = kMaxPeoplePerVillage + 1;
    auto problems = check_plan(plan, "p.gpkg", {{7, 9}, {}, {}, {}, {}});
    ASSERT_EQ(problems.size(), 3u);  // the third: more party members than people
    EXPECT_EQ(problems[0].what.message,
              "p.gpkg, layer 'villages', feature 7, field 'population': village 130705100201 "
              "(a): -500 is negative; a count of people is a whole number of 0 or more; "
              "correct it.");
    EXPECT_EQ(problems[1].what.where.feature, 9);
    EXPECT_EQ(problems[1].what.where.field, "party_members");
    EXPECT_TRUE(problems[1].error);
    EXPECT_FALSE(problems[2].error);

    core::Plan big = two_villages();
    big.villages[1].population = 150000;
    problems = check_plan(big, "p.gpkg");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_FALSE(problems[0].error);
    EXPECT_NE(problems[0].what.message.find("150000 is above 100000"), std::string::npos);
    EXPECT_TRUE(refuse_on_errors(problems));  // a warning does not refuse the plan
}

TEST(PlanCheck, income_and_seat_must_be_finite) {
    core::Plan plan = two_villages();
    plan.villages[0].collective_income_wan_yuan = std::nan("");
    plan.villages[1].seat = PointM{std::numeric_limits<double>::infinity(), 0};
    const auto problems = check_plan(plan, "p.gpkg");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].what.where.field, "collective_income");
    EXPECT_EQ(problems[1].what.where.field, "seat_x");
}

TEST(PlanCheck, missing_and_invalid_boundaries_name_the_village) {
    core::Plan plan = two_villages();
    plan.villages[0].shape = {};
    // A bow tie: self-intersecting.
    plan.villages[1].shape = {{Polygon{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}, {}}}};
    const auto problems = check_plan(plan, "p.gpkg");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].what.code, ErrorCode::kEmptyGeometry);
    EXPECT_NE(problems[0].what.message.find("village 130705100201 (a): it has no boundary"),
              std::string::npos);
    EXPECT_EQ(problems[1].what.code, ErrorCode::kInvalidGeometry);
    EXPECT_NE(problems[1].what.message.find("Self-intersection"), std::string::npos);
}

TEST(PlanCheck, duplicate_village_codes_name_both_features) {
    core::Plan plan = two_villages();
    plan.villages[1].code = plan.villages[0].code;
    const auto problems = check_plan(plan, "p.gpkg", {{3, 4}, {}, {}, {}, {}});
    const PlanProblem p = only(problems);
    EXPECT_EQ(p.what.code, ErrorCode::kDuplicateCode);
    EXPECT_EQ(p.what.where.feature, 4);
    EXPECT_NE(p.what.message.find("the code 130705100201 is also used by feature 3"),
              std::string::npos);
}

TEST(PlanCheck, belt_half_width_must_be_positive_and_no_roads_is_a_warning) {
    core::Plan plan = two_villages();
    plan.belts.push_back({"b1", "张小线示范带", {"张小线"}, -100});
    plan.belts.push_back({"b2", "空带", {}, 1500});
    const auto problems = check_plan(plan, "p.gpkg");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_TRUE(problems[0].error);
    EXPECT_EQ(problems[0].what.where.field, "half_width_m");
    EXPECT_NE(problems[0].what.message.find("the half-width '-100' of belt '张小线示范带'"),
              std::string::npos);
    EXPECT_FALSE(problems[1].error);
    EXPECT_EQ(problems[1].what.where.field, "roads");
}

TEST(PlanCheck, a_township_without_boundary_is_fine_an_invalid_one_an_error) {
    core::Plan plan = test::grid_plan({"ab"});  // its township is known by code only
    auto problems = check_plan(plan, "p.gpkg");
    EXPECT_TRUE(problems.empty());
    plan.townships[0].shape = {{Polygon{{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}, {}}}};
    problems = check_plan(plan, "p.gpkg");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_TRUE(problems[0].error);
    EXPECT_EQ(problems[0].what.code, ErrorCode::kInvalidGeometry);
}

TEST(PlanCheck, refusal_lists_one_sentence_per_error_then_a_count) {
    core::Plan plan = two_villages();
    plan.villages[0].population = -1;
    plan.villages[1].population = -2;
    plan.settings.reach_m = 0;
    const Status s = refuse_on_errors(check_plan(plan, "p.gpkg"), 2);
    ASSERT_FALSE(s);
    const std::string& m = s.error().message;
    EXPECT_NE(m.find("reach radius '0'"), std::string::npos) << m;
    EXPECT_NE(m.find("\n"), std::string::npos);
    EXPECT_NE(m.find("... and 1 more problems"), std::string::npos) << m;
}

}  // namespace
}  // namespace beltplan::core
