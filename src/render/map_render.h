// A meeting-ready map of a plan: composed once as a map document (every layer, labels placed,
// generalised to the page; title, legend, scale bar, north arrow, statistics, provenance) and
// drawn to PNG, PDF or SVG from that one document. The 2.5D view is drawn by OpenGL into the
// map frame of the same document.
#pragma once

#include "analysis/plan_analysis.h"
#include "core/plan.h"
#include "core/raster_image.h"
#include "core/result.h"
#include "render/map_document.h"
#include "render/map_scene.h"
#include "render/offscreen.h"
#include "render/village_colors.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace beltplan::render {

// The plan and the analysis results a map shows. Pointers are borrowed for the call. Render
// draws these results; it computes none of them.
struct MapInputs {
    const core::Plan* plan = nullptr;
    // The plan's analysis (required; analysis->plan() is *plan): reach, radius and distance
    // mode, coverage, contiguity, belts, joint organizations, work stations, road pieces.
    const analysis::PlanAnalysis* analysis = nullptr;
    const core::RasterImage* basemap = nullptr;  // optional local basemap in plan CRS
    bool approximate_areas = false;  // village areas are approximate (from seats; plan_meta)
};

// True when the plan's village areas are approximate (Voronoi cells of the village seats, as
// import builds for plans of village points: Plan::approximate_village_areas, kept in the
// plan file). The one place maps read it.
bool plan_has_approximate_areas(const core::Plan& plan);

// Per-village heights for the 2.5D view: the attribute scaled so the tallest is 12% of
// extent_m; villages without a value stay flat.
std::vector<float> village_heights(const core::Plan& plan, const std::string& attribute,
                                   double extent_m);

struct MapRequest {
    int width = 1600;  // page size in page units (pixels at 96 dpi) when no paper is named
    int height = 1100;
    std::string paper;       // "A4".."A0": page size of the paper, --size ignored
    bool landscape = false;  // paper turned
    double dpi = 96.0;       // PNG pixels per inch (96: one pixel per page unit)
    ColoringRequest coloring;
    std::string title;           // "" = plan name and the mode's title
    bool tilted = false;         // 2.5D presentation view (needs an OffscreenRenderer)
    std::string extrude;         // 2.5D: attribute giving village heights (default population)
    double heading_deg = -20.0;  // 2.5D: camera heading, clockwise from north
    double tilt_deg = 50.0;      // 2.5D: camera tilt from straight down
    std::vector<std::pair<Layer, bool>> layers;  // visibility overrides
    int tile_px = 0;                             // 2.5D: largest GL tile (0 = the GL limit)
    // Plan metres the map shows (the window's current view), fitted into the map frame with no
    // margin; unset: the whole plan with a 3% margin. Single maps only (the atlas ignores it).
    std::optional<core::Box> extent;
};

// Page size in page units, and PNG pixels per page unit, of a request (nullopt: unknown paper).
std::optional<PagePoint> page_size(const MapRequest& request);
double pixels_per_unit(const MapRequest& request);

// Lays out the whole map as a document. `gl` is needed for the tilted view only.
// Errors: unknown paper or attribute, no CJK font (tilted view), no GL context (tilted view).
core::Result<MapDocument> compose_map(const MapInputs& inputs, const MapRequest& request,
                                      OffscreenRenderer* gl = nullptr);

// The map drawn to pixels (tests, the window's preview).
struct MapImage {
    core::RasterImage image;  // RGBA, row 0 at the top
    MapView view;             // page placement of the map (page units)
    double px_per_unit = 1.0;
    // Pixel (x right, y down from the top row) where a plan point is drawn (2D only).
    PagePoint pixel(const core::PointM& p) const {
        const PagePoint q = view.to_page(p);
        return {q.x * px_per_unit, q.y * px_per_unit};
    }
};
core::Result<MapImage> render_map(const MapInputs& inputs, const MapRequest& request,
                                  OffscreenRenderer* gl = nullptr);

// Composes and writes the map; the format follows the extension (.png .pdf .svg). Through
// core::SafeFile: an existing file is replaced only by a complete one.
core::Status write_map_file(const MapInputs& inputs, const MapRequest& request,
                            const std::string& path, OffscreenRenderer* gl = nullptr);

}  // namespace beltplan::render
