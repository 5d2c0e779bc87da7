// Where the window's panels go: a left column (coverage above, belts below), a right column
// (inspector above, sites and joint organizations below; or the comparison), the legend and
// layers at the bottom right of the map, the village table along the bottom of the map, the road
// problems list at the top of the map. Panels are placed there at the start and again whenever the
// window changes size; in between the planner may move and resize them (never larger than the
// window).
#pragma once

namespace beltplan::ui {

enum class Panel {
    kCoverage,
    kBelts,
    kInspector,
    kLists,
    kCompare,
    kLegend,
    kVillages,
    kRoadProblems
};
inline constexpr int kPanelCount = 8;

struct PanelRect {
    float x = 0.f;
    float y = 0.f;
    float w = 0.f;
    float h = 0.f;
};

// Width of the side columns, and the menu bar's height.
inline constexpr float kSideColumnPx = 340.f;
inline constexpr float kMenuBarPx = 26.f;

// The default rectangle of a panel in a window of the given size.
PanelRect default_rect(Panel panel, float display_w, float display_h);

// Before ImGui::Begin of a panel: its default place when the window is new or resized since the
// panel was last placed, else only a size limit (the window's size).
void place_next_panel(Panel panel);

// Flags every panel uses: opaque, resizable, no saved ini.
int panel_window_flags();

}  // namespace beltplan::ui
