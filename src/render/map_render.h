// A meeting-ready map of a plan: the scene, coloured by a mode, framed with title, legend,
// scale bar, north arrow, statistics and provenance, rendered offscreen (2D or 2.5D) to an
// image of any size up to poster size.
#pragma once

#include "analysis/plan_analysis.h"
#include "core/plan.h"
#include "core/raster_image.h"
#include "core/result.h"
#include "render/map_scene.h"
#include "render/offscreen.h"
#include "render/village_colors.h"

#include <osg/Image>
#include <osg/Matrixd>

#include <string>
#include <utility>
#include <vector>

namespace beltplan::render {

// The plan and the analysis results a map shows. Pointers are borrowed for the call.
struct MapInputs {
    const core::Plan* plan = nullptr;
    // The plan's analysis (required): reach, radius and distance mode, belts, joint
    // organizations, work stations, the coverage the statistics quote.
    const analysis::PlanAnalysis* analysis = nullptr;
    const core::RasterImage* basemap = nullptr;  // optional local basemap in plan CRS
};

// Per-village heights for the 2.5D view: the attribute scaled so the tallest is 12% of
// extent_m; villages without a value stay flat.
std::vector<float> village_heights(const core::Plan& plan, const std::string& attribute,
                                   double extent_m);

struct MapRequest {
    int width = 1600;
    int height = 1100;
    ColoringRequest coloring;
    std::string title;           // "" = plan name and the mode's title
    bool tilted = false;         // 2.5D presentation view
    std::string extrude;         // 2.5D: attribute giving village heights (default population)
    double heading_deg = -20.0;  // 2.5D: camera heading, clockwise from north
    double tilt_deg = 50.0;      // 2.5D: camera tilt from straight down
    std::vector<std::pair<Layer, bool>> layers;  // visibility overrides
    int supersample = 0;  // render n times larger and filter down; 0 = 2 up to 4096 px, else 1
    int tile_px = 0;      // 0 = the GL limit
};

struct MapImage {
    osg::ref_ptr<osg::Image> image;  // RGBA, origin bottom-left
    VillageColoring coloring;
    double metres_per_pixel = 0.0;  // 2D only
    osg::Matrixd view;
    osg::Matrixd projection;
    int width = 0;
    int height = 0;
    // Pixel (x right, y up from the bottom row) where a plan point is drawn.
    osg::Vec2d pixel(const core::PointM& p) const;
};

// Renders the map. Errors: no CJK font, unknown attribute, no GL context.
core::Result<MapImage> render_map(OffscreenRenderer& renderer, const MapInputs& inputs,
                                  const MapRequest& request);

// Writes an image as PNG (osgDB's png plugin); an error sentence naming the file on failure.
core::Status write_png(const osg::Image& image, const std::string& path);

}  // namespace beltplan::render
