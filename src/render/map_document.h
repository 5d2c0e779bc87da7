// A map as a render-neutral document: a page of named layers holding styled paths, markers,
// texts and rasters in page units. The composer lays out one document per page; every output
// (PNG, PDF, SVG, the atlas) draws the same document, so they cannot drift apart.
#pragma once

#include "core/geometry.h"
#include "core/raster_image.h"
#include "render/palette.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace beltplan::render {

// Page units are CSS pixels: 96 per inch (a PNG at 96 dpi has one pixel per unit; a PDF point
// is 0.75 unit). x runs right and y down from the page's top-left corner.
inline constexpr double kUnitsPerInch = 96.0;
inline constexpr double kUnitsPerMm = kUnitsPerInch / 25.4;

struct PagePoint {
    double x = 0.0;
    double y = 0.0;
};

struct PageRect {
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    bool contains(const PagePoint& p) const {
        return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1;
    }
    bool overlaps(const PageRect& o) const {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
};

// Fill and stroke of a path item; alpha 0 switches either off.
struct PathStyle {
    Rgba fill = {0.f, 0.f, 0.f, 0.f};
    Rgba stroke = {0.f, 0.f, 0.f, 0.f};
    double stroke_width = 1.0;  // page units
    bool round = true;          // round joins and caps (roads, bands); else miter joins, butt caps
    std::vector<double> dash;   // page units, on/off; empty = solid
};

// Sub-paths of one style drawn in one go: overlapping parts of one item are filled (and a
// translucent stroke blended) once, as a union.
struct PathItem {
    PathStyle style;
    bool closed = true;                 // polygons (nonzero fill rule) or open polylines
    std::vector<PagePoint> points;      // every sub-path, one after another
    std::vector<std::uint32_t> starts;  // first point of each sub-path

    void begin_subpath() { starts.push_back(static_cast<std::uint32_t>(points.size())); }
    void add(const PagePoint& p) { points.push_back(p); }
    bool empty() const { return points.empty(); }
    // Number of points of sub-path i.
    std::size_t subpath_size(std::size_t i) const {
        return (i + 1 < starts.size() ? starts[i + 1] : points.size()) - starts[i];
    }
};

enum class MarkerShape { kStar, kCircle, kDiamond, kSquare };

// Markers of one look at many places (sites, leads, seats).
struct MarkerItem {
    MarkerShape shape = MarkerShape::kCircle;
    double size = 10.0;  // across, page units, rim excluded
    Rgba fill;
    Rgba rim = {1.f, 1.f, 1.f, 1.f};
    double rim_width = 0.0;  // page units; 0 = no rim
    std::vector<PagePoint> at;
};

enum class Align { kStart, kCentre, kEnd };

// One line of text; the box is size high (the em square) and text_width_units() wide.
struct TextItem {
    std::string text;  // UTF-8
    PagePoint at;
    double size = 12.0;  // em size, page units
    Rgba color = hex(colors::kText);
    bool bold = false;
    Align h = Align::kStart;           // at.x is the start, centre or end of the line
    Align v = Align::kCentre;          // at.y is the top, middle or bottom of the em box
    Rgba halo = {1.f, 1.f, 1.f, 0.f};  // outline behind the glyphs; alpha 0 = none
    double halo_width = 0.0;
};

// An RGBA image stretched over a rectangle (basemap, a 2.5D view rendered by OpenGL).
struct RasterItem {
    std::shared_ptr<const core::RasterImage> image;  // row 0 at the top
    PageRect rect;
    float opacity = 1.f;
};

using DocItem = std::variant<PathItem, MarkerItem, TextItem, RasterItem>;

// A named group of items, drawn in order, optionally clipped (map layers to the map frame).
struct DocLayer {
    std::string name;  // "villages", "legend", ... (SVG group ids, tests)
    std::optional<PageRect> clip;
    std::vector<DocItem> items;
};

// Plan metres onto the page: a north-up map at a uniform scale.
struct MapView {
    PageRect area;                 // the map frame on the page
    core::PointM centre;           // plan point at the centre of `area`
    double metres_per_unit = 1.0;  // ground metres per page unit
    PagePoint to_page(const core::PointM& p) const {
        return {0.5 * (area.x0 + area.x1) + (p.x - centre.x) / metres_per_unit,
                0.5 * (area.y0 + area.y1) - (p.y - centre.y) / metres_per_unit};
    }
    core::PointM to_plan(const PagePoint& q) const {
        return {centre.x + (q.x - 0.5 * (area.x0 + area.x1)) * metres_per_unit,
                centre.y - (q.y - 0.5 * (area.y0 + area.y1)) * metres_per_unit};
    }
    // The plan extent visible in the area.
    core::Box visible() const;
    // Fits `box` (plan metres) into `area` with `margin` (share of the area) around it.
    static MapView fit(const core::Box& box, const PageRect& area, double margin = 0.03);
    // Fits `box` into `inner` (a part of `area`) and returns the view of the whole `area`.
    static MapView fit_within(const core::Box& box, const PageRect& inner, const PageRect& area,
                              double margin = 0.03);
};

struct MapDocument {
    double width = 1600.0;  // page units
    double height = 1100.0;
    Rgba background = hex(0xffffff);
    std::string title;  // document metadata (PDF title)
    MapView view;       // the main map's placement (scale bar, tests)
    std::vector<DocLayer> layers;

    // Appends a layer and returns it.
    DocLayer& add_layer(const std::string& name, std::optional<PageRect> clip = std::nullopt);
    // The first layer of that name, or null.
    const DocLayer* find(const std::string& name) const;
};

// Estimated advance width, in units of the em size, of a UTF-8 line in Noto Sans CJK (CJK and
// full-width glyphs are one em, Latin letters and digits about 0.56).
double text_width_em(const std::string& utf8);
inline double text_width_units(const std::string& utf8, double size) {
    return text_width_em(utf8) * size;
}

// The page box a text item covers (for layout and tests).
PageRect text_box(const TextItem& t);

}  // namespace beltplan::render
