// Stopping a strategy on request and the progress it reports: what the window's cancel button
// and progress bar rely on.
#include "analysis/run_control.h"

#include "analysis/strategy.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::analysis {
namespace {

// Fifteen villages with population and income, one site, one road carrying one belt.
core::Plan small_plan() {
    core::Plan plan = test::grid_plan({"abcde", "fghij", "klmno"});
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        plan.villages[i].population = 100 * static_cast<std::int64_t>(i + 1);
        plan.villages[i].collective_income_wan_yuan = 1.0 + static_cast<double>(i);
    }
    test::add_site(plan, 500, 2500);
    core::Road road;
    road.name = "R";
    road.parts.push_back(core::LineString{{{0, 1500}, {5000, 1500}}});
    plan.roads.push_back(road);
    core::Belt belt;
    belt.id = "B";
    belt.name = "B";
    belt.roads = {"R"};
    plan.belts.push_back(belt);
    return plan;
}

TEST(RunControl, progress_only_grows_and_stays_between_zero_and_one) {
    RunControl control;
    EXPECT_EQ(control.progress(), 0.0);
    control.report(0.5);
    control.report(0.2);
    EXPECT_DOUBLE_EQ(control.progress(), 0.5);
    control.report(7.0);
    EXPECT_DOUBLE_EQ(control.progress(), 1.0);
    EXPECT_FALSE(control.stop_requested());
    EXPECT_NO_THROW(control.check());
    control.request_stop();
    EXPECT_THROW(control.check(), Stopped);
}

TEST(RunControl, every_shipped_strategy_ends_cancelled_when_asked_to_stop) {
    StrategyRegistry registry;
    register_builtin_strategies(registry);
    ASSERT_EQ(registry.entries().size(), 6u);
    const core::Plan plan = small_plan();
    for (const auto& [name, entry] : registry.entries()) {
        RunControl control;
        control.request_stop();
        const core::Result<Suggestion> result = entry.strategy->run(plan, {}, &control);
        ASSERT_FALSE(result) << name;
        EXPECT_EQ(result.error().code, core::ErrorCode::kCancelled) << name;
        EXPECT_NE(result.error().message.find(name), std::string::npos) << name;
    }
}

TEST(RunControl, a_run_with_a_control_answers_as_one_without_and_ends_at_all_done) {
    const core::Plan plan = small_plan();
    const std::unique_ptr<Strategy> sites = make_sites_strategy();
    const Params params{{"add", "2"}, {"radius", "1000"}};
    RunControl control;
    const core::Result<Suggestion> watched = sites->run(plan, params, &control);
    const core::Result<Suggestion> plain = sites->run(plan, params);
    ASSERT_TRUE(watched) << watched.error().message;
    ASSERT_TRUE(plain);
    ASSERT_EQ(watched->sites.size(), 2u);
    ASSERT_EQ(plain->sites.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(watched->sites[i].village, plain->sites[i].village);
    }
    EXPECT_EQ(watched->value, plain->value);
    EXPECT_DOUBLE_EQ(control.progress(), 1.0);
}

}  // namespace
}  // namespace beltplan::analysis
