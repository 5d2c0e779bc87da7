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

// Two clicked points and the shortest way between them along the roads.
void measure_along_roads(const EditorContext& context, EditorState& state) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    std::vector<ImVec2> points;
    // The search runs once per pair of points, not every frame.
    if (state.measure.points.size() < 2 || context.network == nullptr) {
        state.measure.road_path = {};
        state.measure.road_path_for.clear();
    } else if (state.measure.road_path_for != state.measure.points) {
        state.measure.road_path_for = state.measure.points;
        state.measure.road_path =
            context.network->path_between(state.measure.points[0], state.measure.points[1]);
    }
    const analysis::RoadNetwork::Path& path = state.measure.road_path;
    for (const core::PointM& p : path.points) {
        const ScreenPoint s = state.view.to_screen(p);
        points.emplace_back(s.x, s.y);
    }
    if (!points.empty()) {
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(200, 60, 0, 255),
                          ImDrawFlags_None, 3.5f);
    }
    for (std::size_t i = 0; i < state.measure.points.size() && i < 2; ++i) {
        const ScreenPoint s = state.view.to_screen(state.measure.points[i]);
        draw->AddCircleFilled(ImVec2(s.x, s.y), 5.f, IM_COL32(200, 60, 0, 255));
    }
    if (state.measure.points.size() < 2) {
        return;
    }
    if (path.found()) {
        ImGui::Text("%s: %s (%.0f %s)", tr(Str::kRoadDistance),
                    format_length(path.distance_m).c_str(), path.distance_m, tr(Str::kMetres));
        ImGui::SameLine();
        ImGui::TextDisabled("(%s %s)", tr(Str::kAlongRoads), format_length(path.road_m).c_str());
    } else {
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1.f), "%s", tr(Str::kNoRoadPath));
    }
}

// The small box at the bottom centre with the straight / along-roads switch; End() it.
void begin_measure_box(EditorState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 12.f),
                            ImGuiCond_Always, ImVec2(0.5f, 1.f));
    ImGui::Begin("##measure", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    if (ImGui::Checkbox(tr(Str::kAlongRoads), &state.measure.along_roads)) {
        state.measure.points.clear();
    }
}

}  // namespace

void handle_measure(const EditorContext& context, EditorState& state) {
    if (state.tool != Tool::kMeasure) {
        return;
    }
    if (state.measure.along_roads || state.measure.points.empty()) {
        begin_measure_box(state);
        if (state.measure.along_roads) {
            ImGui::SameLine();
            measure_along_roads(context, state);
        }
        ImGui::End();
        return;
    }
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    std::vector<ImVec2> points;
    for (const core::PointM& p : state.measure.points) {
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
    line.points = state.measure.points;
    core::Ring ring = state.measure.points;
    ring.push_back(ring.front());
    begin_measure_box(state);
    ImGui::SameLine();
    const double length_m = core::length_m(line);
    ImGui::Text("%s: %s (%.0f %s)", tr(Str::kLength), format_length(length_m).c_str(), length_m,
                tr(Str::kMetres));
    if (state.measure.points.size() >= 3) {
        ImGui::SameLine();
        ImGui::Text("   %s: %s", tr(Str::kArea),
                    format_area(std::fabs(core::signed_area_m2(ring))).c_str());
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::kClear))) {
        state.measure.points.clear();
    }
    ImGui::End();
}

}  // namespace beltplan::ui
