// Stopping a strategy on request and the progress it reports: what the window's cancel button
// and progress bar rely on.
#include "analysis/run_control.h"

#include "analysis/strategy.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <optional>
#include <thread>

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

// 4,900 villages of 1 km on a 70 x 70 grid with uneven population and one site: "fewest sites
// for 99.9%" takes long enough to be stopped once it has started.
core::Plan large_plan() {
    core::Plan plan;
    constexpr int kSide = 70;
    for (int y = 0; y < kSide; ++y) {
        for (int x = 0; x < kSide; ++x) {
            core::Village v;
            v.code = std::to_string(100000 + y * kSide + x);
            v.name = v.code;
            v.town_code = "1";
            v.population = 100 + (x * 37 + y * 91) % 900;
            const double x0 = x * 1000.0;
            const double y0 = y * 1000.0;
            v.shape.parts.push_back(core::Polygon{
                {{x0, y0}, {x0 + 1000, y0}, {x0 + 1000, y0 + 1000}, {x0, y0 + 1000}, {x0, y0}},
                {}});
            plan.villages.push_back(std::move(v));
        }
    }
    test::add_site(plan, 500, 500);
    return plan;
}

TEST(RunControl, a_stop_during_the_run_ends_it_cancelled) {
    const core::Plan plan = large_plan();
    const std::unique_ptr<Strategy> sites = make_sites_strategy();
    RunControl control;
    std::optional<core::Result<Suggestion>> result;
    std::thread run([&] { result = sites->run(plan, {{"target", "0.999"}}, &control); });
    while (control.progress() == 0.0) {
        std::this_thread::yield();  // it has started once it reports progress
    }
    control.request_stop();
    run.join();
    ASSERT_TRUE(result.has_value());
    ASSERT_FALSE(*result) << "the run finished before the stop";
    EXPECT_EQ(result->error().code, core::ErrorCode::kCancelled);
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
