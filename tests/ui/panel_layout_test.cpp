// The default panel places: side columns stacked without overlap inside the window, the
// legend and the village table in the map area between the columns.
#include "ui/panel_layout.h"

#include "ui/headless_imgui.h"

#include <gtest/gtest.h>
#include <imgui.h>

namespace beltplan {
namespace {

bool inside(const ui::PanelRect& r, float w, float h) {
    return r.x >= 0.f && r.y >= 0.f && r.x + r.w <= w && r.y + r.h <= h && r.w > 0.f && r.h > 0.f;
}

bool overlap(const ui::PanelRect& a, const ui::PanelRect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

TEST(PanelLayout, columns_stack_inside_the_window_at_common_sizes) {
    for (const auto& [w, h] : {std::pair{1280.f, 800.f}, {1920.f, 1080.f}, {1024.f, 700.f}}) {
        using ui::Panel;
        const auto r = [&](Panel p) { return ui::default_rect(p, w, h); };
        for (Panel p : {Panel::kCoverage, Panel::kBelts, Panel::kInspector, Panel::kLists,
                        Panel::kCompare, Panel::kLegend, Panel::kVillages}) {
            EXPECT_TRUE(inside(r(p), w, h)) << static_cast<int>(p) << " at " << w << "x" << h;
            EXPECT_GE(r(p).y, ui::kMenuBarPx) << "under the menu bar";
        }
        EXPECT_FALSE(overlap(r(Panel::kCoverage), r(Panel::kBelts)));
        EXPECT_FALSE(overlap(r(Panel::kInspector), r(Panel::kLists)));
        for (Panel side : {Panel::kCoverage, Panel::kBelts, Panel::kInspector, Panel::kLists}) {
            EXPECT_FALSE(overlap(r(side), r(Panel::kLegend)));
            EXPECT_FALSE(overlap(r(side), r(Panel::kVillages)));
        }
        EXPECT_GE(r(Panel::kCoverage).h, 300.f) << "room for the uncovered list";
    }
}

// A panel goes to its place at the start and again after the window is resized; in between a
// planner's move is kept.
TEST(PanelLayout, panels_return_to_their_place_when_the_window_is_resized) {
    test::HeadlessImGui gui(1280.f, 800.f);
    ImVec2 pos;
    auto draw = [&] {
        ui::place_next_panel(ui::Panel::kInspector);
        ImGui::Begin("inspector", nullptr, ui::panel_window_flags());
        pos = ImGui::GetWindowPos();
        ImGui::End();
    };
    gui.frame(draw, false);
    const ui::PanelRect want = ui::default_rect(ui::Panel::kInspector, 1280.f, 800.f);
    EXPECT_EQ(pos.x, want.x);
    EXPECT_EQ(pos.y, want.y);
    gui.frame(
        [&] {
            ImGui::SetNextWindowPos(ImVec2(500.f, 300.f));  // as if dragged there
            draw();
        },
        false);
    gui.frame(draw, false);
    EXPECT_EQ(pos.x, 500.f);
    test::HeadlessImGui larger(1920.f, 1080.f);  // the window grew
    larger.frame(draw, false);
    EXPECT_EQ(pos.x, ui::default_rect(ui::Panel::kInspector, 1920.f, 1080.f).x);
}

}  // namespace
}  // namespace beltplan
