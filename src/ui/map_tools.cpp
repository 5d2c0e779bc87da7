// Map input (hover, click select, pan, zoom to cursor, add and drag sites) and the overlay
// drawn over the map: site markers, the hovered and selected village outlines.
#include "core/belt_commands.h"
#include "core/joint_org_commands.h"
#include "core/site_commands.h"
#include "render/palette.h"
#include "ui/editor.h"
#include "ui/rect_select.h"
#include "ui/strings.h"
#include "ui/suggestion_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace beltplan::ui {

namespace {

constexpr float kSitePickPx = 12.f;
constexpr float kClickSlopPx = 4.f;
constexpr float kRoadPickPx = 6.f;

// Adds the hovered road to the selected belt or takes it out (belts name their roads).
void toggle_belt_road(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    const int belt = core::find_belt(plan, state.selection.selected_belt);
    if (state.selection.hovered_road < 0 || belt < 0) {
        return;
    }
    const std::string& name =
        plan.roads[static_cast<std::size_t>(state.selection.hovered_road)].name;
    if (name.empty()) {
        state.status = tr(Str::kUnnamedRoad);
        return;
    }
    std::vector<std::string> roads = plan.belts[static_cast<std::size_t>(belt)].roads;
    const auto found = std::find(roads.begin(), roads.end(), name);
    if (found == roads.end()) {
        roads.push_back(name);
    } else {
        roads.erase(found);
    }
    out.commands.push_back(
        std::make_unique<core::SetBeltRoads>(state.selection.selected_belt, roads));
    out.end_merge = true;
}

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
    state.selection.selected_site = site.id;
    state.selection.selected_village = -1;
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
    const int site = state.tool == Tool::kMeasure || state.tool == Tool::kPickRoad
                         ? -1
                         : site_near(plan, state.view, m, kSitePickPx);
    if (site >= 0) {
        state.drag.site = plan.sites[static_cast<std::size_t>(site)].id;
        state.selection.selected_site = state.drag.site;
        state.selection.selected_village = -1;
        return;
    }
    if (state.tool == Tool::kSelect && ImGui::GetIO().KeyShift) {
        state.find.rect_from = m;  // Shift+drag: select the villages inside a rectangle
        return;
    }
    state.drag.panning = true;
}

// The villages inside the rectangle dragged from find.rect_from to `m` become the selection
// (with Ctrl: are added to it).
void finish_rect(const EditorContext& context, EditorState& state, ScreenPoint m) {
    std::vector<int> inside = villages_in_rect(*context.plan, state.view, *state.find.rect_from, m);
    state.find.rect_from.reset();
    if (ImGui::GetIO().KeyCtrl) {
        const std::vector<int>& had = state.find.table.selection();
        inside.insert(inside.end(), had.begin(), had.end());
    }
    state.find.table.select(std::move(inside));
    state.selection.selected_village = state.find.table.primary();
    state.selection.selected_site.clear();
}

// A click on a village with the select tool: alone selects it; Ctrl adds or removes it, Shift
// adds the villages listed between the last clicked one and it (the table's order).
void click_village(EditorState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    const int v = state.selection.hovered_village;
    if (v >= 0 && (io.KeyCtrl || io.KeyShift)) {
        state.find.table.click(v, io.KeyShift, io.KeyCtrl);
        state.selection.selected_village = state.find.table.primary();
    } else {
        state.selection.selected_village = v;
    }
    state.selection.selected_site.clear();
}

// Adds the hovered village to the selected joint organization, or removes it; with none
// selected, starts a new one led by that village.
void toggle_member(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    if (state.selection.hovered_village < 0) {
        return;
    }
    const int org = core::find_joint_org(plan, state.selection.selected_org);
    if (org < 0) {
        state.selection.selected_village = state.selection.hovered_village;
        out.commands.push_back(new_joint_org(plan, state));
        out.end_merge = true;
        return;
    }
    const std::string& code =
        plan.villages[static_cast<std::size_t>(state.selection.hovered_village)].code;
    const auto& members = plan.joint_orgs[static_cast<std::size_t>(org)].members;
    if (std::find(members.begin(), members.end(), code) != members.end()) {
        out.commands.push_back(
            std::make_unique<core::RemoveJointOrgMember>(state.selection.selected_org, code));
    } else {
        out.commands.push_back(
            std::make_unique<core::AddJointOrgMember>(state.selection.selected_org, code));
    }
    out.end_merge = true;
}

void on_left_release(const EditorContext& context, EditorState& state, ScreenPoint m,
                     EditorOutput& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (state.find.rect_from) {
        finish_rect(context, state, m);
    } else if (!state.drag.site.empty()) {
        state.drag.site.clear();
        out.end_merge = true;
    } else if (state.drag.panning && io.MouseDragMaxDistanceSqr[0] <= kClickSlopPx * kClickSlopPx) {
        if (state.tool == Tool::kMeasure) {
            if (state.measure.along_roads && state.measure.points.size() >= 2) {
                state.measure.points.clear();  // two points at a time by road
            }
            state.measure.points.push_back(state.view.to_world(m));
        } else if (state.tool == Tool::kPickRoad) {
            toggle_belt_road(context, state, out);
        } else if (state.tool == Tool::kJointOrg) {
            toggle_member(context, state, out);
        } else {
            click_village(state);
        }
    }
    state.drag.panning = false;
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

// The site markers (district stars, township dots), the selected one ringed.
void draw_site_markers(const core::Plan& plan, const EditorState& state, ImDrawList* draw);

}  // namespace

// The 2.5D view is for looking: the wheel zooms, a left drag turns and tilts the camera, a
// right or middle drag moves the map; editing waits for the 2D view.
void handle_tilted_input(EditorState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    state.selection.hovered_village = -1;
    state.selection.hovered_road = -1;
    if (io.WantCaptureMouse || !ImGui::IsMousePosValid()) {
        return;
    }
    if (io.MouseWheel != 0.f) {
        const ScreenPoint centre{state.view.width_px() / 2.f, state.view.height_px() / 2.f};
        state.view.zoom_at(centre, std::pow(1.25, static_cast<double>(io.MouseWheel)));
    }
    if (ImGui::IsMouseDown(0) && !ImGui::IsMouseClicked(0)) {
        state.style.heading_deg =
            std::fmod(state.style.heading_deg + io.MouseDelta.x * 0.3f + 360.f, 360.f);
        state.style.tilt_deg = std::clamp(state.style.tilt_deg + io.MouseDelta.y * 0.2f, 0.f, 75.f);
    }
    if ((ImGui::IsMouseDown(1) && !ImGui::IsMouseClicked(1)) ||
        (ImGui::IsMouseDown(2) && !ImGui::IsMouseClicked(2))) {
        state.view.pan_px_turned(io.MouseDelta.x, io.MouseDelta.y, state.style.heading_deg);
    }
}

void handle_map_input(const EditorContext& context, EditorState& state, EditorOutput& out) {
    if (state.style.tilted) {
        handle_tilted_input(state);
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const bool busy =
        !state.drag.site.empty() || state.drag.panning || state.find.rect_from.has_value();
    if ((io.WantCaptureMouse && !busy) || !ImGui::IsMousePosValid()) {
        state.selection.hovered_village = -1;
        return;
    }
    const ScreenPoint m{io.MousePos.x, io.MousePos.y};
    if (io.MouseWheel != 0.f) {
        state.view.zoom_at(m, std::pow(1.25, static_cast<double>(io.MouseWheel)));
    }
    state.selection.hovered_village = context.picker->village_at(state.view.to_world(m));
    state.selection.hovered_road =
        state.tool == Tool::kPickRoad ? road_at(*context.plan, state.view, m) : -1;
    if (ImGui::IsMouseClicked(0)) {
        on_left_press(context, state, m, out);
    } else if (ImGui::IsMouseDown(0)) {
        if (!state.drag.site.empty() && (io.MouseDelta.x != 0.f || io.MouseDelta.y != 0.f)) {
            out.commands.push_back(
                std::make_unique<core::MoveSite>(state.drag.site, state.view.to_world(m)));
        } else if (state.drag.panning) {
            state.view.pan_px(io.MouseDelta.x, io.MouseDelta.y);
        } else if (state.find.rect_from) {
            draw_select_rect(*state.find.rect_from, m);
        }
    }
    if (ImGui::IsMouseReleased(0)) {
        on_left_release(context, state, m, out);
    }
    if (state.tool == Tool::kMeasure && ImGui::IsMouseReleased(1) &&
        io.MouseDragMaxDistanceSqr[1] <= kClickSlopPx * kClickSlopPx) {
        state.measure.points.clear();
    }
    if ((ImGui::IsMouseDown(1) && !ImGui::IsMouseClicked(1)) ||
        (ImGui::IsMouseDown(2) && !ImGui::IsMouseClicked(2))) {
        state.view.pan_px(io.MouseDelta.x, io.MouseDelta.y);
    }
    if (state.selection.hovered_road >= 0 && !state.drag.panning) {
        const std::string& name =
            context.plan->roads[static_cast<std::size_t>(state.selection.hovered_road)].name;
        ImGui::SetTooltip("%s", name.empty() ? tr(Str::kUnnamedRoad) : name.c_str());
    } else if (state.selection.hovered_village >= 0 && state.drag.site.empty() &&
               !state.drag.panning) {
        const core::Village& v =
            context.plan->villages[static_cast<std::size_t>(state.selection.hovered_village)];
        ImGui::SetTooltip("%s", v.name.c_str());
    }
}

int road_at(const core::Plan& plan, const MapView& view, ScreenPoint p) {
    const core::PointM at = view.to_world(p);
    double best = kRoadPickPx * view.m_per_px();
    int found = -1;
    for (std::size_t r = 0; r < plan.roads.size(); ++r) {
        for (const core::LineString& part : plan.roads[r].parts) {
            for (std::size_t i = 1; i < part.points.size(); ++i) {
                const double d =
                    core::distance_to_segment_m(at, part.points[i - 1], part.points[i]);
                if (d < best) {
                    best = d;
                    found = static_cast<int>(r);
                }
            }
        }
    }
    return found;
}

void draw_map_overlay(const EditorContext& context, const EditorState& state) {
    if (state.style.tilted) {
        return;  // the overlay is drawn in 2D map coordinates; the scene shows the sites
    }
    const core::Plan& plan = *context.plan;
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    if (state.selection.hovered_village >= 0) {
        outline(draw, state.view,
                plan.villages[static_cast<std::size_t>(state.selection.hovered_village)].shape,
                IM_COL32(40, 40, 40, 200), 1.5f);
    }
    const core::Box seen = state.view.visible();
    for (int v : state.find.table.selection()) {  // several villages (table, Ctrl, rectangle)
        const core::Village& village = plan.villages[static_cast<std::size_t>(v)];
        const core::Box b = core::bounds(village.shape);
        if (v != state.selection.selected_village && b.max_x >= seen.min_x &&
            b.min_x <= seen.max_x && b.max_y >= seen.min_y && b.min_y <= seen.max_y) {
            outline(draw, state.view, village.shape, IM_COL32(20, 90, 200, 190), 2.f);
        }
    }
    if (state.selection.selected_village >= 0) {
        outline(draw, state.view,
                plan.villages[static_cast<std::size_t>(state.selection.selected_village)].shape,
                IM_COL32(20, 90, 200, 255), 3.f);
    }
    if (state.selection.hovered_road >= 0) {
        std::vector<ImVec2> points;
        for (const core::LineString& part :
             plan.roads[static_cast<std::size_t>(state.selection.hovered_road)].parts) {
            points.clear();
            for (const core::PointM& p : part.points) {
                const ScreenPoint s = state.view.to_screen(p);
                points.emplace_back(s.x, s.y);
            }
            draw->AddPolyline(points.data(), static_cast<int>(points.size()),
                              IM_COL32(20, 90, 200, 200), ImDrawFlags_None, 6.f);
        }
    }
    if (const analysis::Suggestion* t = context.job(JobKind::kTarget).answer) {
        for (const analysis::SuggestedSite& site : t->sites) {
            const ScreenPoint p = state.view.to_screen(site.position);
            draw->AddCircle(ImVec2(p.x, p.y), 9.f, IM_COL32(0, 150, 60, 255), 0, 3.f);
        }
    }
    if (const analysis::Suggestion* gaps = context.job(JobKind::kBeltGaps).answer) {
        for (const analysis::SuggestedSite& site : gaps->sites) {
            const ScreenPoint p = state.view.to_screen(site.position);
            draw->AddCircle(ImVec2(p.x, p.y), 9.f, IM_COL32(230, 120, 0, 255), 0, 3.f);
        }
    }
    if (context.comparison != nullptr) {
        // The other plan's new sites as rings, its removed ones crossed out.
        for (const analysis::SiteRef& added : context.comparison->sites_added) {
            const ScreenPoint p = state.view.to_screen(added.position);
            draw->AddCircle(ImVec2(p.x, p.y), 8.f, IM_COL32(255, 255, 255, 255), 0, 5.f);
            draw->AddCircle(ImVec2(p.x, p.y), 8.f, IM_COL32(0, 100, 30, 255), 0, 3.f);
        }
        for (const analysis::SiteRef& removed : context.comparison->sites_removed) {
            const ScreenPoint p = state.view.to_screen(removed.position);
            draw->AddLine(ImVec2(p.x - 11.f, p.y - 11.f), ImVec2(p.x + 11.f, p.y + 11.f),
                          IM_COL32(200, 30, 30, 255), 3.f);
            draw->AddLine(ImVec2(p.x - 11.f, p.y + 11.f), ImVec2(p.x + 11.f, p.y - 11.f),
                          IM_COL32(200, 30, 30, 255), 3.f);
        }
    }
    if (state.layers.shown(render::Layer::kSites)) {
        draw_site_markers(plan, state, draw);
    }
    // Suggested sites carry their names (the reason shows when a ring is hovered).
    if (const analysis::Suggestion* t = context.job(JobKind::kTarget).answer) {
        draw_suggested_site_labels(plan, state.view, *t, IM_COL32(0, 110, 45, 255));
    }
    if (const analysis::Suggestion* gaps = context.job(JobKind::kBeltGaps).answer) {
        draw_suggested_site_labels(plan, state.view, *gaps, IM_COL32(170, 80, 0, 255));
    }
}

namespace {

void draw_site_markers(const core::Plan& plan, const EditorState& state, ImDrawList* draw) {
    const ImU32 line = IM_COL32(255, 255, 255, 255);
    // Only what is on screen; where sites crowd (a 5,000-site plan at the overview) the markers
    // shrink to the room each has, so the villages stay visible.
    const core::Box seen = state.view.visible();
    const double margin = 16.0 * state.view.m_per_px();
    auto on_screen = [&](const core::PointM& p) {
        return p.x >= seen.min_x - margin && p.x <= seen.max_x + margin &&
               p.y >= seen.min_y - margin && p.y <= seen.max_y + margin;
    };
    const auto shown = std::count_if(plan.sites.begin(), plan.sites.end(),
                                     [&](const core::Site& s) { return on_screen(s.position); });
    const double room_px =
        shown > 0
            ? std::sqrt(static_cast<double>(state.view.width_px()) * state.view.height_px() / shown)
            : 1e9;
    const float scale = static_cast<float>(std::clamp(room_px / 60.0, 0.3, 1.0));
    for (const core::Site& s : plan.sites) {
        if (!on_screen(s.position)) {
            continue;
        }
        const ScreenPoint p = state.view.to_screen(s.position);
        const ImVec2 c(p.x, p.y);
        if (s.level == core::SiteLevel::kDistrict) {
            star(draw, c, 10.f * scale, to_imu32(render::hex(render::colors::kSiteDistrict)), line);
        } else {
            draw->AddCircleFilled(c, 6.f * scale, to_imu32(render::hex(render::colors::kSiteTown)));
            if (scale >= 0.6f) {
                draw->AddCircle(c, 6.f * scale, line, 0, 1.5f);
            }
        }
        if (s.id == state.selection.selected_site) {
            draw->AddCircle(c, 14.f, IM_COL32(20, 90, 200, 255), 0, 2.5f);
        }
    }
}

}  // namespace

}  // namespace beltplan::ui
