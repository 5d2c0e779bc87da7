// The editor's panels and map input drawn in an ImGui context without a window (no display, no
// GL): mouse input fed by hand, the returned commands checked by applying them to the plan.
#include "analysis/plan_analysis.h"
#include "core/command.h"
#include "support/grid_plan.h"
#include "ui/bare_imgui.h"
#include "ui/editor.h"
#include "ui/picking.h"

#include <gtest/gtest.h>

#include <memory>

namespace beltplan {
namespace {

// A 4 x 4 grid of 1 km villages, sites S1 at A's centre and S2 at P's, a belt along the road
// y = 2000, radius 1500.
core::Plan sample() {
    core::Plan plan = test::grid_plan({"ABCD", "EFGH", "IJKL", "MNOP"});
    plan.settings.reach_m = 1500;
    test::add_site(plan, 500, 3500, "S1");
    test::add_site(plan, 3500, 500, "S2");
    core::Road road;
    road.name = "r1";
    road.parts.push_back(core::LineString{{{0, 2000}, {4000, 2000}}});
    plan.roads.push_back(road);
    plan.belts.push_back({"B1", "belt", {"r1"}, 600});
    return plan;
}

// One panel (or the map input) driven frame by frame; the commands of the frames so far.
class PanelTest : public ::testing::Test {
protected:
    void SetUp() override { state_.view.set_viewport(1280, 800); }

    template <typename Draw>
    ui::EditorOutput frame(Draw&& draw) {
        ui::EditorOutput out;
        ui::forget_noted_items();
        imgui_.frame([&] { draw(context(), state_, out); });
        return out;
    }
    // A few frames first: windows take their size and scroll bars in the first ones.
    template <typename Draw>
    void settle(Draw&& draw) {
        for (int i = 0; i < 3; ++i) {
            frame(draw);
        }
    }
    ui::EditorContext context() {
        ui::EditorContext c;
        c.plan = &plan_;
        c.analysis = analysis_.get();
        c.picker = &picker_;
        c.plan_bounds = core::bounds(plan_);
        return c;
    }
    // Presses and releases the control noted as `key` in the last frame; the commands.
    template <typename Draw>
    std::vector<core::CommandPtr> click(const std::string& key, Draw&& draw) {
        const std::optional<ui::ScreenPoint> at = ui::item_center(key);
        EXPECT_TRUE(at.has_value()) << key << " is not on screen";
        if (!at) {
            return {};
        }
        std::vector<core::CommandPtr> commands;
        for (bool down : {true, false}) {
            imgui_.mouse(at->x, at->y, down);
            ui::EditorOutput out = frame(draw);
            for (core::CommandPtr& c : out.commands) {
                commands.push_back(std::move(c));
            }
        }
        return commands;
    }

    core::Plan plan_ = sample();
    std::unique_ptr<analysis::PlanAnalysis> analysis_ =
        std::make_unique<analysis::PlanAnalysis>(plan_);
    ui::VillagePicker picker_{plan_};
    ui::EditorState state_;
    test::BareImGui imgui_;
};

TEST_F(PanelTest, the_radius_slider_returns_one_reach_radius_command) {
    settle(ui::draw_coverage_panel);
    std::vector<core::CommandPtr> commands = click("coverage.radius", ui::draw_coverage_panel);
    ASSERT_EQ(commands.size(), 1u);
    ASSERT_TRUE(commands[0]->apply(plan_));
    // The slider runs from 500 to 20000 m over about 300 px (65 m a pixel); the click at its
    // middle gives 10250 m within a pixel and a half.
    EXPECT_NEAR(plan_.settings.reach_m, 10250.0, 100.0);
}

TEST_F(PanelTest, along_roads_returns_a_distance_mode_command) {
    settle(ui::draw_coverage_panel);
    std::vector<core::CommandPtr> commands = click("coverage.along_roads", ui::draw_coverage_panel);
    ASSERT_EQ(commands.size(), 1u);
    ASSERT_TRUE(commands[0]->apply(plan_));
    EXPECT_EQ(plan_.settings.distance, core::DistanceMode::kNetwork);
}

TEST_F(PanelTest, a_plan_without_roads_along_roads_shows_no_coverage_figures) {
    plan_.roads.clear();
    plan_.belts.clear();
    plan_.settings.distance = core::DistanceMode::kNetwork;
    analysis_ = std::make_unique<analysis::PlanAnalysis>(plan_);
    ASSERT_TRUE(analysis_->problem());
    settle(ui::draw_coverage_panel);
    EXPECT_TRUE(ui::item_center("coverage.radius").has_value());
    EXPECT_FALSE(ui::item_center("target.compute").has_value())
        << "the panel went on to the figures";
    // With roads the same panel shows them.
    plan_ = sample();
    analysis_ = std::make_unique<analysis::PlanAnalysis>(plan_);
    settle(ui::draw_coverage_panel);
    EXPECT_TRUE(ui::item_center("target.compute").has_value());
}

TEST_F(PanelTest, delete_removes_the_selected_site) {
    state_.selection.selected_site = "S2";
    settle(ui::draw_inspector);
    std::vector<core::CommandPtr> commands = click("site.delete", ui::draw_inspector);
    ASSERT_EQ(commands.size(), 1u);
    ASSERT_TRUE(commands[0]->apply(plan_));
    ASSERT_EQ(plan_.sites.size(), 1u);
    EXPECT_EQ(plan_.sites[0].id, "S1");
    EXPECT_TRUE(state_.selection.selected_site.empty());
}

TEST_F(PanelTest, the_half_width_slider_edits_the_shown_belt) {
    settle(ui::draw_belts_panel);
    EXPECT_EQ(state_.selection.selected_belt, "B1");
    std::vector<core::CommandPtr> commands = click("belts.half_width", ui::draw_belts_panel);
    ASSERT_EQ(commands.size(), 1u);
    ASSERT_TRUE(commands[0]->apply(plan_));
    EXPECT_NE(plan_.belts[0].half_width_m, 600.0);
    EXPECT_GT(plan_.belts[0].half_width_m, 0.0);
}

// A press on a site's marker and a move with the button held: one MoveSite per moved frame,
// to the plan point under the cursor.
TEST_F(PanelTest, dragging_a_site_on_the_map_moves_it_under_the_cursor) {
    state_.view.fit(core::bounds(plan_));
    const ui::ScreenPoint s1 = state_.view.to_screen(plan_.sites[0].position);
    imgui_.mouse(s1.x, s1.y, false);
    settle(ui::handle_map_input);
    imgui_.mouse(s1.x, s1.y, true);
    ui::EditorOutput pressed = frame(ui::handle_map_input);
    EXPECT_TRUE(pressed.commands.empty());
    EXPECT_EQ(state_.drag.site, "S1");
    const ui::ScreenPoint to{s1.x + 40.f, s1.y + 25.f};
    imgui_.mouse(to.x, to.y, true);
    ui::EditorOutput moved = frame(ui::handle_map_input);
    ASSERT_EQ(moved.commands.size(), 1u);
    ASSERT_TRUE(moved.commands[0]->apply(plan_));
    const core::PointM want = state_.view.to_world(to);
    EXPECT_NEAR(plan_.sites[0].position.x, want.x, 1e-6);
    EXPECT_NEAR(plan_.sites[0].position.y, want.y, 1e-6);
    imgui_.mouse(to.x, to.y, false);
    ui::EditorOutput released = frame(ui::handle_map_input);
    EXPECT_TRUE(released.end_merge);
    EXPECT_TRUE(state_.drag.site.empty());
}

}  // namespace
}  // namespace beltplan
