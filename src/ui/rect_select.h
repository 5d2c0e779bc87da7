// Selecting villages with a rectangle drawn on the map (Shift + drag with the select tool):
// the villages whose anchor lies inside the rectangle.
#pragma once

#include "core/plan.h"
#include "ui/map_view.h"

#include <vector>

namespace beltplan::ui {

// Indices of the villages whose anchor (seat, else centroid) is inside the screen rectangle
// spanned by `a` and `b` (any two opposite corners), ascending.
std::vector<int> villages_in_rect(const core::Plan& plan, const MapView& view, ScreenPoint a,
                                  ScreenPoint b);

// Draws the rectangle being dragged over the map.
void draw_select_rect(ScreenPoint a, ScreenPoint b);

}  // namespace beltplan::ui
