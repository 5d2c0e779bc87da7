// The village table panel (find, sort, select several, edit values) and the legend panel with
// the layer list, placed in the map area between the side columns.
#include "core/messages.h"
#include "ui/editor.h"
#include "ui/panel_layout.h"

#include <imgui.h>

#include <algorithm>
#include <limits>

namespace beltplan::ui {

namespace {

constexpr double kFlySpanM = 6000.0;

// The layers the list offers, in drawing order from the bottom.
const render::Layer kListedLayers[] = {
    render::Layer::kBasemap,   render::Layer::kTownships,    render::Layer::kVillages,
    render::Layer::kRoads,     render::Layer::kReach,        render::Layer::kBelts,
    render::Layer::kJointOrgs, render::Layer::kWorkStations, render::Layer::kSites,
    render::Layer::kLabels,    render::Layer::kRoadProblems};

void fill_layer_rows(const EditorContext& context, LayerState& layers) {
    if (!layers.rows.empty()) {
        return;
    }
    const core::Plan& plan = *context.plan;
    for (render::Layer layer : kListedLayers) {
        LayerRow row{layer, true, true};
        if (layer == render::Layer::kBasemap) {
            row.available = false;  // the window has no basemap yet (render --basemap has)
            row.shown = false;
        }
        if ((layer == render::Layer::kRoads || layer == render::Layer::kRoadProblems) &&
            plan.roads.empty()) {
            row.available = false;
        }
        layers.rows.push_back(row);
    }
}

FillMode fill_mode(const EditorContext& context, const EditorState& state) {
    if (context.comparison != nullptr) {
        return FillMode::kCompare;
    }
    return static_cast<FillMode>(std::clamp(state.style.color_mode, 0, 4));
}

}  // namespace

bool LayerState::shown(render::Layer layer) const {
    for (const LayerRow& r : rows) {
        if (r.layer == layer) {
            return r.shown;
        }
    }
    return true;
}

double village_distance_m(const EditorContext& context, std::size_t village) {
    if (context.analysis == nullptr) {
        return std::numeric_limits<double>::infinity();
    }
    const auto& reach = context.analysis->reach();
    return village < reach.size() ? reach[village].distance_m
                                  : std::numeric_limits<double>::infinity();
}

void draw_find_panel(const EditorContext& context, EditorState& state, EditorOutput& out) {
    FindState& find = state.find;
    find.table.follow_map(state.selection.selected_village);
    if (!find.shown) {
        return;
    }
    place_next_panel(Panel::kVillages);
    const std::string title = core::tr("window.villages_panel") + "###villages";
    if (!ImGui::Begin(title.c_str(), &find.shown, panel_window_flags())) {
        ImGui::End();
        return;
    }
    VillageTableInputs in;
    in.plan = context.plan;
    if (context.analysis != nullptr) {
        in.distance_m = [&context](std::size_t i) { return village_distance_m(context, i); };
        in.reach_m = context.analysis->radius_m();
        in.belts = &context.analysis->belts();
    }
    in.version = context.plan_version;
    VillageTableOutput table;
    find.table.draw(in, table);
    for (core::CommandPtr& c : table.commands) {
        out.commands.push_back(std::move(c));
        out.end_merge = true;
    }
    if (!table.error.empty()) {
        state.status = table.error;
    }
    if (table.selection_changed) {
        state.selection.selected_village = find.table.primary();
        state.selection.selected_site.clear();
    }
    if (table.fly_to) {
        state.view.fly_to(
            core::anchor(context.plan->villages[static_cast<std::size_t>(*table.fly_to)]),
            kFlySpanM);
    }
    ImGui::End();
}

void draw_legend_panel(const EditorContext& context, EditorState& state, EditorOutput& out) {
    LayerState& layers = state.layers;
    fill_layer_rows(context, layers);
    if (!layers.legend_shown) {
        return;
    }
    place_next_panel(Panel::kLegend);
    const std::string title = core::tr("window.legend_panel") + "###legend";
    if (!ImGui::Begin(title.c_str(), &layers.legend_shown, panel_window_flags())) {
        ImGui::End();
        return;
    }
    LegendInputs in;
    in.fill = context.legend;
    in.mode = fill_mode(context, state);
    if (context.analysis != nullptr) {
        in.distance = context.analysis->distance();
        in.reach_m = context.analysis->radius_m();
    }
    in.sites_shown = layers.shown(render::Layer::kSites);
    in.reach_shown = layers.shown(render::Layer::kReach);
    in.belts_shown = layers.shown(render::Layer::kBelts) && !context.plan->belts.empty();
    in.orgs_shown = layers.shown(render::Layer::kJointOrgs);
    draw_legend(in);
    if (ImGui::CollapsingHeader(core::tr("window.layers").c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen)) {
        for (const LayerRow& changed : draw_layer_list(layers.rows)) {
            out.layers.push_back(changed);
        }
    }
    ImGui::End();
}

}  // namespace beltplan::ui
