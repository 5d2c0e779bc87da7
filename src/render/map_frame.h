// The furniture of a meeting-ready map, laid out in page units: title and subtitle, the
// statistics box, the legend, the scale bar (true at print size), the north arrow and the
// data's provenance line. One layout for every output (PNG, PDF, SVG, atlas pages).
#pragma once

#include "render/map_document.h"
#include "render/palette.h"

#include <string>
#include <vector>

namespace beltplan::render {

// How a legend entry is drawn.
enum class LegendMark {
    kFill,       // a swatch
    kLine,       // a thin line
    kThickLine,  // a thick line
    kBand,       // a translucent band with a road through it
    kCircle,     // a translucent disc (reach)
    kStar,       // a district site
    kDot,        // a town site, a density dot (size says which)
    kDiamond,    // a lead village
    kSquare,     // a work station seat
    kNumber,     // a count printed on the map
};

struct LegendRow {
    std::string label;  // UTF-8, shown as is
    Rgba color;
    LegendMark mark = LegendMark::kFill;
    double size = 1.0;  // marks: share of the full marker size
};

struct MapLegend {
    std::string title;
    std::vector<LegendRow> rows;
};

struct MapFrameContent {
    std::string title;
    std::string subtitle;
    MapLegend legend;
    std::vector<std::string> stats;  // lines of the statistics box (top left)
    std::string provenance;          // one line at the bottom
    double metres_per_unit = 0.0;    // scale bar; 0 = none (tilted view)
    std::string scale_text;          // e.g. "1:250,000" under the bar (printed pages)
    double north_deg = 0.0;          // direction of north, clockwise from up
};

// Where the furniture goes on a page of width x height units.
struct FrameLayout {
    double unit = 1.0;  // size unit: 1 at 1000 units on the short side (at least 0.8)
    PageRect map_area;  // between the title band and the provenance band
    PageRect stats;     // boxes drawn over the map (labels keep clear of them)
    PageRect legend;
    PageRect scale_bar;
    PageRect north_arrow;
};

// Size unit of the furniture for a page: 1 at 1000 units on the short side, at least 0.8.
double frame_unit(double width, double height);

// The layout of `content` on a page; boxes are empty (zero size) when their content is.
// `panel`: width kept free at the right of the map (the atlas page's overview and figures).
FrameLayout layout_frame(const MapFrameContent& content, double width, double height,
                         double panel = 0.0);

// Appends the furniture as layers "title", "stats", "legend", "scale_bar", "north_arrow",
// "provenance".
void add_frame(MapDocument& doc, const MapFrameContent& content, const FrameLayout& layout);

// A legend box of `legend` with its top-left corner at `at` (also used by atlas pages).
void add_legend(DocLayer& layer, const MapLegend& legend, const PagePoint& at, double unit);
// Size of that box.
PagePoint legend_size(const MapLegend& legend, double unit);

// A "nice" scale bar length (1, 2 or 5 times a power of ten metres) at most target_m.
double nice_length_m(double target_m);

// "1:250,000" for the scale of a view printed at its page size.
std::string scale_ratio_text(double metres_per_unit);

}  // namespace beltplan::render
