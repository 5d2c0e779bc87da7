// Internal to render: the parts of composing a map document, shared by the single map and the
// atlas pages: what a page shows (view, detail, colours, visible layers, a focus township),
// its geometry simplified for the page, the map layers, the legend and the labels.
#pragma once

#include "core/arc_simplify.h"
#include "render/generalize.h"
#include "render/map_frame.h"
#include "render/map_render.h"

#include <array>
#include <string>
#include <vector>

namespace beltplan::render::compose {

// Everything a page's map layers are drawn from.
struct PageContext {
    const MapInputs* in = nullptr;
    MapView view;
    double unit = 1.0;  // frame unit u
    MapDetail detail;
    std::vector<Rgba> fill;  // per village (plan order)
    std::array<bool, kLayerCount> visible{};
    std::string focus_town;  // atlas: villages of other townships are greyed ("" = none)
    const core::Plan& plan() const { return *in->plan; }
    bool shows(Layer l) const { return visible[static_cast<std::size_t>(l)]; }
};

// The shapes a page shows, simplified once to its resolution (shared boundaries stay shared).
// The villages' arcs are built only when something draws them (outlines, groups, belt
// members) or when simplifying saves work (detailed boundaries); the summary draws none.
struct PageGeometry {
    std::vector<std::size_t> villages;                    // plan indices of villages in view
    std::vector<const core::MultiPolygon*> village_fill;  // parallel: simplified or original
    core::SimplifiedCoverage village_s;                   // arcs (and simplified shapes) if built
    std::vector<std::size_t> townships;                   // plan indices of townships in view
    core::SimplifiedCoverage township_s;
};
PageGeometry page_geometry(const PageContext& page);

// The view of `box` in the layout's map area, kept clear of the frame boxes at its sides
// (statistics and legend at the left, north arrow and scale bar at the right) when that costs
// the map at most 15% of its scale; else the boxes lie over the map.
MapView fit_clear_of_frame(const core::Box& box, const FrameLayout& layout, double margin);

// The village colouring of a map from its analysis (reach, radius, the contiguity graph for
// joint-organization colours).
core::Result<VillageColoring> village_coloring(const MapInputs& in, const ColoringRequest& request);
// The legend of the village fill: the coverage legend says how distance is measured (along
// roads or straight); other modes keep the colouring's own legend.
Legend village_legend(const MapInputs& in, ColorMode mode, const Legend& coloring_legend);
// The subtitle (reach radius, distance mode, approximate areas) and the provenance line.
std::string map_subtitle(const MapInputs& in);
std::string provenance_line(const core::Plan& plan);

// Settles the view of `extent` on a page and what depends on it: the detail the view allows,
// the legend of that detail, the scale bar, the layout; then, when `clear_of_frame`, the view
// again kept clear of the frame boxes, and the detail, legend and layout of the final view.
// `panel`: page width kept right of the map (atlas).
void settle_view(PageContext& page, MapFrameContent& frame, FrameLayout& layout,
                 const MapRequest& req, const Legend& village_legend, const core::Box& extent,
                 double page_width, double page_height, double panel, double margin);

// Drawing helpers: rings, shapes and lines onto a path item through a view; a stroke-only
// item; the view's plan extent widened by `margin` page units; boxes that meet; a colour as a
// map key.
void add_ring(PathItem& p, const MapView& v, const core::Ring& r);
void add_shape(PathItem& p, const MapView& v, const core::MultiPolygon& m);
void add_line(PathItem& p, const MapView& v, const core::LineString& l);
PathItem stroke_item(const Rgba& color, double width, bool round = true);
core::Box view_box(const MapView& v, double margin);
bool meets(const core::Box& a, const core::Box& b);
std::uint32_t pack(const Rgba& c);

// Belt bands (under the roads), belt member outlines, joint organizations and work stations
// (the arcs on each group's edge, lead and seat markers).
void add_belt_bands(MapDocument& doc, const PageContext& page, const PageRect& clip);
void add_belt_members(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                      const PageRect& clip);
void add_orgs(MapDocument& doc, const PageContext& page, const PageGeometry& g,
              const PageRect& clip);
void add_stations(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                  const PageRect& clip);

// Page positions of the sites inside the view (for the generalisation and label obstacles).
std::vector<PagePoint> sites_on_page(const core::Plan& plan, const MapView& view);
// Villages whose bounds meet the view.
std::size_t villages_in_view(const core::Plan& plan, const MapView& view);

// Adds the map layers (basemap .. labels) clipped to the view's area.
void add_map_layers(MapDocument& doc, const PageContext& page, const PageGeometry& geometry,
                    const std::vector<PageRect>& reserved);

// Sites as the page's detail says (markers, small markers, dots, or per-township counts);
// returns the page boxes of what was drawn, which labels keep clear of.
std::vector<PageRect> add_sites(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                                const PageRect& clip, const std::vector<PageRect>& reserved);
// Township and village names (counties' when the plan names them) placed clear of `marks`
// and `reserved` (frame boxes).
void add_labels(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                const std::vector<PageRect>& marks, const std::vector<PageRect>& reserved);

// The legend of what the page draws: village fill, sites as drawn, reach, belts, groups,
// roads, township lines, approximate areas.
MapLegend page_legend(const PageContext& page, const Legend& village_legend);

// Township covered share classes of the summary choropleth.
Rgba summary_color(double share);

}  // namespace beltplan::render::compose
