// The legend of the map's current colouring (it follows the colour mode and the distance
// mode: 沿道路 when distances are along roads) and the layer list that shows and hides the
// map's layers, both drawn into the current ImGui window while the planner edits.
#pragma once

#include "core/plan.h"
#include "render/map_scene.h"
#include "render/village_colors.h"

#include <array>
#include <string>
#include <vector>

namespace beltplan::ui {

// The colour modes of the coverage panel's "colour by" combo, in its order.
enum class FillMode { kCoverage, kDistance, kJointOrg, kKind, kPopulation, kCompare };

struct LegendInputs {
    const render::Legend* fill = nullptr;  // colours (and labels) of the village fill
    FillMode mode = FillMode::kCoverage;
    core::DistanceMode distance = core::DistanceMode::kEuclidean;
    double reach_m = 3000.0;
    bool sites_shown = true;
    bool reach_shown = true;
    bool belts_shown = true;
    bool orgs_shown = true;
};

// The legend as the window shows it, in the window's language: the mode's title, a line
// saying how distances are measured (coverage and distance modes), the fill classes (labels of
// the known modes retold from the catalogue, others as the colouring gives them), then the
// symbols of the shown layers (sites, reach, belts, joint organizations).
render::Legend window_legend(const LegendInputs& in);
// "沿道路 3 km 内" / "直线 3 km 内" ("within 3 km along roads" / "within 3 km straight line").
std::string reach_phrase(core::DistanceMode distance, double reach_m);

// Draws the legend (title, subtitle, swatches).
void draw_legend(const LegendInputs& in);

// One row of the layer list.
struct LayerRow {
    render::Layer layer;
    bool shown = true;
    bool available = true;  // false: the plan has nothing for it (no basemap, no roads)
};

// Draws a checkbox per layer; returns the rows whose box the planner changed (with the new
// value in `shown`).
std::vector<LayerRow> draw_layer_list(std::vector<LayerRow>& rows);
// The catalogue name of a layer ("村界" / "Villages").
std::string layer_name(render::Layer layer);

}  // namespace beltplan::ui
