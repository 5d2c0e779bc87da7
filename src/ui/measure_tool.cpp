// The measure tool: the clicked polyline and its closing polygon drawn over the map, with the
// length along the line and the enclosed area in a small window.
#include "ui/editor.h"
#include "ui/strings.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace beltplan::ui {

namespace {

std::string format_area(double m2) {
    char buf[64];
    if (m2 >= 1.0e6) {
        std::snprintf(buf, sizeof buf, "%.3f %s²", m2 / 1.0e6, tr(Str::kKilometres));
    } else {
        std::snprintf(buf, sizeof buf, "%.0f %s²", m2, tr(Str::kMetres));
    }
    return buf;
}

}  // namespace

void handle_measure(EditorState& state) {
    if (state.tool != Tool::kMeasure || state.measure.empty()) {
        return;
    }
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    std::vector<ImVec2> points;
    for (const core::PointM& p : state.measure) {
        const ScreenPoint s = state.view.to_screen(p);
        points.emplace_back(s.x, s.y);
    }
    if (points.size() >= 3) {
        draw->AddConvexPolyFilled(points.data(), static_cast<int>(points.size()),
                                  IM_COL32(255, 200, 0, 50));
    }
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(200, 60, 0, 255),
                      ImDrawFlags_None, 2.5f);
    for (const ImVec2& p : points) {
        draw->AddCircleFilled(p, 4.f, IM_COL32(200, 60, 0, 255));
    }
    core::LineString line;
    line.points = state.measure;
    core::Ring ring = state.measure;
    ring.push_back(ring.front());
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 12.f),
                            ImGuiCond_Always, ImVec2(0.5f, 1.f));
    ImGui::Begin("##measure", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    const double length_m = core::length_m(line);
    ImGui::Text("%s: %s (%.0f %s)", tr(Str::kLength), format_length(length_m).c_str(), length_m,
                tr(Str::kMetres));
    if (state.measure.size() >= 3) {
        ImGui::SameLine();
        ImGui::Text("   %s: %s", tr(Str::kArea),
                    format_area(std::fabs(core::signed_area_m2(ring))).c_str());
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::kClear))) {
        state.measure.clear();
    }
    ImGui::End();
}

}  // namespace beltplan::ui
