// Panel rectangles from the window size; ImGui's next-window calls to put them there.
#include "ui/panel_layout.h"

#include <imgui.h>

#include <algorithm>
#include <array>

namespace beltplan::ui {

namespace {

constexpr float kMarginPx = 8.f;

// The ImGui context and window size each panel was last placed for, and the frame it was last
// drawn in: a new context (a new window) places every panel again, also when it reuses the
// address of an old one, as its frames start again from zero.
struct Placed {
    ImGuiContext* context = nullptr;
    ImVec2 size;
    int frame = 0;
};
std::array<Placed, kPanelCount>& placed_for() {
    static std::array<Placed, kPanelCount> placed{};
    return placed;
}

}  // namespace

PanelRect default_rect(Panel panel, float w, float h) {
    const float top = kMenuBarPx + 6.f;
    const float column_h = h - top - kMarginPx;
    const float left_x = kMarginPx;
    const float right_x = w - kSideColumnPx - kMarginPx;
    const float coverage_h = std::max(300.f, column_h * 0.64f);
    const float inspector_h = std::max(220.f, column_h * 0.48f);
    const float map_x0 = left_x + kSideColumnPx + kMarginPx;
    const float map_x1 = right_x - kMarginPx;
    switch (panel) {
        case Panel::kCoverage:
            return {left_x, top, kSideColumnPx, coverage_h};
        case Panel::kBelts:
            return {left_x, top + coverage_h + kMarginPx, kSideColumnPx,
                    column_h - coverage_h - kMarginPx};
        case Panel::kInspector:
            return {right_x, top, kSideColumnPx, inspector_h};
        case Panel::kLists:
            return {right_x, top + inspector_h + kMarginPx, kSideColumnPx,
                    column_h - inspector_h - kMarginPx};
        case Panel::kCompare:
            return {right_x, top, kSideColumnPx, column_h};
        case Panel::kLegend: {
            const float lw = std::min(230.f, std::max(160.f, map_x1 - map_x0));
            const float lh = std::min(300.f, column_h * 0.42f);
            return {map_x1 - lw, h - kMarginPx - lh, lw, lh};
        }
        case Panel::kRoadProblems:
            return {map_x0, top, std::max(320.f, std::min(460.f, map_x1 - map_x0)),
                    std::min(220.f, column_h * 0.3f)};
        case Panel::kVillages: {
            const float vh = std::min(320.f, column_h * 0.42f);
            return {map_x0, h - kMarginPx - vh, std::max(320.f, map_x1 - map_x0), vh};
        }
    }
    return {};
}

void place_next_panel(Panel panel) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    Placed& seen = placed_for()[static_cast<std::size_t>(panel)];
    const int frame = ImGui::GetFrameCount();
    const bool new_context = seen.context != ImGui::GetCurrentContext() || frame < seen.frame;
    seen.frame = frame;
    if (new_context || seen.size.x != display.x || seen.size.y != display.y) {
        const PanelRect r = default_rect(panel, display.x, display.y);
        ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(r.w, r.h), ImGuiCond_Always);
        seen = {ImGui::GetCurrentContext(), display, frame};
        return;
    }
    // No larger than the window; ImGui itself keeps a dragged panel's edge in reach.
    ImGui::SetNextWindowSizeConstraints(ImVec2(160.f, 80.f), display);
}

int panel_window_flags() {
    return ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
}

}  // namespace beltplan::ui
