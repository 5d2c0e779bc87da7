// Map input (hover, click select, pan, zoom to cursor, add and drag sites) and the overlay
// drawn over the map: site markers, the hovered and selected village outlines.
#include "core/joint_org_commands.h"
#include "core/site_commands.h"
#include "render/palette.h"
#include "ui/editor.h"
#include "ui/strings.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace beltplan::ui {

namespace {

constexpr float kSitePickPx = 12.f;
constexpr float kClickSlopPx = 4.f;

ImU32 to_imu32(const render::Rgba& c, float alpha = 1.f) {
    return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, c.a * alpha));
}

void add_site_at(const core::Plan& plan, const core::PointM& at, EditorState& state,
                 EditorOutput& out) {
    core::Site site;
    site.id = free_site_id(plan);
    site.name = std::string(tr(Str::kNewSiteName)) + " " + site.id;
    site.position = at;
    site.level = core::SiteLevel::kTown;
    state.selected_site = site.id;
    state.selected_village = -1;
    out.commands.push_back(std::make_unique<core::AddSite>(std::move(site)));
    out.end_merge = true;
}

void on_left_press(const EditorContext& context, EditorState& state, ScreenPoint m,
                   EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    if (state.tool == Tool::kAddSite) {
        add_site_at(plan, state.view.to_world(m), state, out);
        return;
    }
    const int site =
        state.tool == Tool::kMeasure ? -1 : site_near(plan, state.view, m, kSitePickPx);
    if (site >= 0) {
        state.dragging_site = plan.sites[static_cast<std::size_t>(site)].id;
        state.selected_site = state.dragging_site;
        state.selected_village = -1;
        return;
    }
    state.panning = true;
}

// Adds the hovered village to the selected joint organization, or removes it; with none
// selected, starts a new one led by that village.
void toggle_member(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    if (state.hovered_village < 0) {
        return;
    }
    const int org = core::find_joint_org(plan, state.selected_org);
    if (org < 0) {
        state.selected_village = state.hovered_village;
        out.commands.push_back(new_joint_org(plan, state));
        out.end_merge = true;
        return;
    }
    const std::string& code = plan.villages[static_cast<std::size_t>(state.hovered_village)].code;
    const auto& members = plan.joint_orgs[static_cast<std::size_t>(org)].members;
    if (std::find(members.begin(), members.end(), code) != members.end()) {
        out.commands.push_back(
            std::make_unique<core::RemoveJointOrgMember>(state.selected_org, code));
    } else {
        out.commands.push_back(std::make_unique<core::AddJointOrgMember>(state.selected_org, code));
    }
    out.end_merge = true;
}

void on_left_release(const EditorContext& context, EditorState& state, ScreenPoint m,
                     EditorOutput& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!state.dragging_site.empty()) {
        state.dragging_site.clear();
        out.end_merge = true;
    } else if (state.panning && io.MouseDragMaxDistanceSqr[0] <= kClickSlopPx * kClickSlopPx) {
        if (state.tool == Tool::kMeasure) {
            state.measure.push_back(state.view.to_world(m));
        } else if (state.tool == Tool::kJointOrg) {
            toggle_member(context, state, out);
        } else {
            state.selected_village = state.hovered_village;
            state.selected_site.clear();
        }
    }
    state.panning = false;
}

void outline(ImDrawList* draw, const MapView& view, const core::MultiPolygon& shape, ImU32 color,
             float thickness) {
    std::vector<ImVec2> points;
    for (const core::Polygon& part : shape.parts) {
        points.clear();
        for (const core::PointM& p : part.outer) {
            const ScreenPoint s = view.to_screen(p);
            points.emplace_back(s.x, s.y);
        }
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), color, ImDrawFlags_Closed,
                          thickness);
    }
}

void star(ImDrawList* draw, ImVec2 c, float r, ImU32 fill, ImU32 line) {
    ImVec2 p[10];
    for (int i = 0; i < 10; ++i) {
        const float a = -1.5707963f + static_cast<float>(i) * 0.62831853f;
        const float radius = (i % 2 == 0) ? r : r * 0.45f;
        p[i] = ImVec2(c.x + radius * std::cos(a), c.y + radius * std::sin(a));
    }
    for (int i = 0; i < 10; ++i) {
        draw->AddTriangleFilled(c, p[i], p[(i + 1) % 10], fill);
    }
    draw->AddPolyline(p, 10, line, ImDrawFlags_Closed, 1.f);
}

}  // namespace

void handle_map_input(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool busy = !state.dragging_site.empty() || state.panning;
    if ((io.WantCaptureMouse && !busy) || !ImGui::IsMousePosValid()) {
        state.hovered_village = -1;
        return;
    }
    const ScreenPoint m{io.MousePos.x, io.MousePos.y};
    if (io.MouseWheel != 0.f) {
        state.view.zoom_at(m, std::pow(1.25, static_cast<double>(io.MouseWheel)));
    }
    state.hovered_village = context.picker->village_at(state.view.to_world(m));
    if (ImGui::IsMouseClicked(0)) {
        on_left_press(context, state, m, out);
    } else if (ImGui::IsMouseDown(0)) {
        if (!state.dragging_site.empty() && (io.MouseDelta.x != 0.f || io.MouseDelta.y != 0.f)) {
            out.commands.push_back(
                std::make_unique<core::MoveSite>(state.dragging_site, state.view.to_world(m)));
        } else if (state.panning) {
            state.view.pan_px(io.MouseDelta.x, io.MouseDelta.y);
        }
    }
    if (ImGui::IsMouseReleased(0)) {
        on_left_release(context, state, m, out);
    }
    if (state.tool == Tool::kMeasure && ImGui::IsMouseReleased(1) &&
        io.MouseDragMaxDistanceSqr[1] <= kClickSlopPx * kClickSlopPx) {
        state.measure.clear();
    }
    if ((ImGui::IsMouseDown(1) && !ImGui::IsMouseClicked(1)) ||
        (ImGui::IsMouseDown(2) && !ImGui::IsMouseClicked(2))) {
        state.view.pan_px(io.MouseDelta.x, io.MouseDelta.y);
    }
    if (state.hovered_village >= 0 && state.dragging_site.empty() && !state.panning) {
        const core::Village& v =
            context.plan->villages[static_cast<std::size_t>(state.hovered_village)];
        ImGui::SetTooltip("%s", v.name.c_str());
    }
}

void draw_map_overlay(const EditorContext& context, const EditorState& state) {
    const core::Plan& plan = *context.plan;
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    if (state.hovered_village >= 0) {
        outline(draw, state.view,
                plan.villages[static_cast<std::size_t>(state.hovered_village)].shape,
                IM_COL32(40, 40, 40, 200), 1.5f);
    }
    if (state.selected_village >= 0) {
        outline(draw, state.view,
                plan.villages[static_cast<std::size_t>(state.selected_village)].shape,
                IM_COL32(20, 90, 200, 255), 3.f);
    }
    if (context.target != nullptr) {
        for (const analysis::SuggestedSite& t : context.target->sites) {
            const ScreenPoint p = state.view.to_screen(t.position);
            draw->AddCircle(ImVec2(p.x, p.y), 9.f, IM_COL32(0, 150, 60, 255), 0, 3.f);
        }
    }
    const ImU32 line = IM_COL32(255, 255, 255, 255);
    for (const core::Site& s : plan.sites) {
        const ScreenPoint p = state.view.to_screen(s.position);
        const ImVec2 c(p.x, p.y);
        if (s.level == core::SiteLevel::kDistrict) {
            star(draw, c, 10.f, to_imu32(render::hex(render::colors::kSiteDistrict)), line);
        } else {
            draw->AddCircleFilled(c, 6.f, to_imu32(render::hex(render::colors::kSiteTown)));
            draw->AddCircle(c, 6.f, line, 0, 1.5f);
        }
        if (s.id == state.selected_site) {
            draw->AddCircle(c, 14.f, IM_COL32(20, 90, 200, 255), 0, 2.5f);
        }
    }
}

}  // namespace beltplan::ui
