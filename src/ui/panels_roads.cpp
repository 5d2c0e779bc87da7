// The road problems list: one sentence per problem of the road check made when the plan was
// opened, shown while the map's road problems layer is; a click flies to the problem's place.
#include "core/messages.h"
#include "ui/editor.h"
#include "ui/panel_layout.h"

#include <imgui.h>

#include <string>

namespace beltplan::ui {

namespace {

constexpr double kRoadProblemSpanM = 1500.0;  // the map's width around a problem flown to

// Notes the title bar's collapse arrow, so tests open the list as a planner does.
void note_collapse_arrow() {
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImGuiStyle& style = ImGui::GetStyle();
    note_point("road_problems.arrow", {pos.x + style.FramePadding.x + ImGui::GetFontSize() * 0.5f,
                                       pos.y + ImGui::GetFrameHeight() * 0.5f});
}

}  // namespace

void draw_road_problems_panel(const EditorContext& context, EditorState& state) {
    if (context.road_problems == nullptr || context.road_problem_text == nullptr ||
        context.road_problems->empty() || !state.layers.shown(render::Layer::kRoadProblems)) {
        return;
    }
    const std::vector<analysis::RoadProblem>& problems = *context.road_problems;
    place_next_panel(Panel::kRoadProblems);
    // Only the title with the count at first: the map stays free until the planner looks.
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_Once);
    const std::string title =
        core::tr("window.road_problems_panel", {std::to_string(problems.size())}) +
        "###road_problems";
    const bool open =
        ImGui::Begin(title.c_str(), nullptr, panel_window_flags() & ~ImGuiWindowFlags_NoCollapse);
    note_collapse_arrow();
    if (!open) {
        ImGui::End();
        return;
    }
    RoadProblemList& list = state.road_problems;
    for (std::size_t i = 0; i < problems.size() && i < context.road_problem_text->size(); ++i) {
        const std::string& sentence = (*context.road_problem_text)[i];
        ImGui::PushID(static_cast<int>(i));
        const bool clicked =
            ImGui::Selectable(sentence.c_str(), list.selected == static_cast<int>(i));
        note_item("road_problem." + std::to_string(i));
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", sentence.c_str());
        }
        ImGui::PopID();
        if (clicked) {
            list.selected = static_cast<int>(i);
            state.view.fly_to(problems[i].at, kRoadProblemSpanM);
        }
    }
    ImGui::End();
}

}  // namespace beltplan::ui
