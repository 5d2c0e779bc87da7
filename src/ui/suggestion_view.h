// Suggestions as a planner reads them: each suggested site and group carries its name and the
// strategy's reason, on the map (names beside the rings, the reason when hovered) and in the
// list (reason wrapped, the whole of it in a tooltip); a click on a row brings the map to it.
#pragma once

#include "analysis/strategy.h"
#include "core/plan.h"
#include "ui/map_view.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::ui {

// The name a suggested site gets when accepted ("<村名>示范点", as analysis names it).
std::string suggested_site_name(const core::Plan& plan, const analysis::SuggestedSite& site);
// The name of a suggested group ("<牵头村>联合党组织", work stations "<牵头村>工作站").
std::string suggested_group_name(const core::Plan& plan, const analysis::SuggestedGroup& group);

// The span to fly to for a group: the box of its members' shapes, with a margin.
core::Box group_box(const core::Plan& plan, const analysis::SuggestedGroup& group);
// Brings a box into view, kept as large as `box` needs (at least `min_span_m` across).
void fly_to_box(MapView& view, const core::Box& box, double min_span_m = 3000.0);

// Names beside the suggested sites' rings on the map, skipping names that would overlap one
// already placed; hovering a ring shows its name and reason. `color` is the rings' colour.
void draw_suggested_site_labels(const core::Plan& plan, const MapView& view,
                                const analysis::Suggestion& suggestion, unsigned color);
// The lead's group name at each ticked suggested group on the map (ticks: one per group,
// empty = all); hovering the lead shows the reason.
void draw_suggested_group_labels(const core::Plan& plan, const MapView& view,
                                 const analysis::Suggestion& suggestion,
                                 const std::vector<char>& ticked);

// The suggested sites as a list: name, what each adds, the reason in at most two lines (the
// whole reason on hover). Returns the index of a clicked row (the caller flies the map to it).
std::optional<int> draw_suggested_site_list(const core::Plan& plan,
                                            const analysis::Suggestion& suggestion,
                                            const char* list_id, float height_px);

}  // namespace beltplan::ui
