// Label placement on a page: names tried in priority order and kept only where their box meets
// no kept box and no reserved box (the legend, the statistics); a name on a site marker steps
// just clear of it, below, above, right or left, within its feature (LabelRoom), or is left
// out. The same rules as the window's LabelLayer, on page units instead of a GL camera.
#pragma once

#include "render/label_layer.h"
#include "render/map_document.h"

#include <vector>

namespace beltplan::render {

struct LabelPlacementOptions {
    double scale = 1.0;              // multiplies label sizes (the frame unit)
    std::vector<PageRect> markers;   // boxes no label may cover; a label moves off them
    std::vector<PageRect> reserved;  // boxes where no label goes (frame boxes)
    PageRect bounds;                 // labels stay inside (the map area)
    std::size_t budget = 0;          // most labels drawn; 0 = one per 5,000 units² of bounds
    double max_cover = 0.12;         // share of the bounds that label boxes may cover
};

struct PlacedLabel {
    std::size_t label = 0;  // index into the labels given
    PagePoint centre;
    PageRect box;
};

// Places `labels` (plan metres) on the page through `view`. Higher priority first, then larger
// features; a label whose feature is narrower on the page than half its name is skipped.
std::vector<PlacedLabel> place_labels(const std::vector<LabelSpec>& labels, const MapView& view,
                                      const LabelPlacementOptions& options);

}  // namespace beltplan::render
