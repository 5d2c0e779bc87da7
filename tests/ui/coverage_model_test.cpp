// CoverageModel and VillagePicker on a 50,000-village plan: a site move is synced and re-summed
// well within a frame, and hovering finds the village under the cursor quickly.
#include "ui/coverage_model.h"

#include "analysis/coverage.h"
#include "core/site_commands.h"
#include "ui/picking.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <random>

namespace beltplan {
namespace {

// A side x side grid of 500 m square villages and `sites` sites from a fixed seed.
core::Plan big_plan(int side, int sites) {
    core::Plan plan;
    plan.townships.push_back({"130705100", "T", {}, {}});
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            core::Village v;
            v.code = std::to_string(130705100000LL + r * side + c);
            v.name = "v" + std::to_string(r * side + c);
            v.town_code = "130705100";
            const double x = c * 500.0;
            const double y = r * 500.0;
            v.shape.parts.push_back(
                {{{x, y}, {x + 500, y}, {x + 500, y + 500}, {x, y + 500}, {x, y}}, {}});
            v.population = 1000;
            plan.villages.push_back(std::move(v));
        }
    }
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> at(0.0, side * 500.0);
    for (int i = 0; i < sites; ++i) {
        core::Site s;
        s.id = "S" + std::to_string(i + 1);
        s.position = {at(rng), at(rng)};
        plan.sites.push_back(s);
    }
    return plan;
}

double ms(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

TEST(CoverageModel, a_site_move_on_50k_villages_syncs_within_a_frame_and_matches_analysis) {
    core::Plan plan = big_plan(224, 300);
    auto start = std::chrono::steady_clock::now();
    ui::CoverageModel model(plan);
    const double build_ms = ms(start);
    core::MoveSite move(plan.sites[5].id, {30000.0, 40000.0});
    auto changes = move.apply(plan);
    ASSERT_TRUE(changes);
    start = std::chrono::steady_clock::now();
    EXPECT_TRUE(model.sync(changes.value()));
    const double sync_ms = ms(start);
    const analysis::CoverageReport expected = analysis::summarize_coverage(
        plan, analysis::euclidean_reach(plan), plan.settings.reach_m, plan.settings.distance);
    EXPECT_EQ(model.report().total.covered, expected.total.covered);
    EXPECT_EQ(model.report().uncovered.size(), expected.uncovered.size());
    ui::VillagePicker picker(plan);
    start = std::chrono::steady_clock::now();
    const int hit = picker.village_at({250.0 + 500.0 * 100, 250.0 + 500.0 * 200});
    const double pick_ms = ms(start);
    EXPECT_EQ(hit, 200 * 224 + 100);
    std::cout << "50,176 villages: build " << build_ms << " ms, move sync " << sync_ms
              << " ms, hover pick " << pick_ms << " ms\n";
    EXPECT_LT(sync_ms, 100.0);
    EXPECT_LT(pick_ms, 20.0);
}

}  // namespace
}  // namespace beltplan
