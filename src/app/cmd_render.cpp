// `beltplan render`: reads a plan, analyses it (coverage straight or along roads, belts, groups),
// and writes a meeting-ready map as PNG through the offscreen renderer (no display needed).
#include "analysis/plan_analysis.h"
#include "app/commands.h"
#include "io/plan_file.h"
#include "io/raster_basemap.h"
#include "render/map_render.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace beltplan::app {

namespace {

// Largest side accepted: poster size (7680x4320) and more, drawn in tiles when needed.
constexpr int kMaxSidePx = 20000;

bool parse_size(const std::string& text, int& w, int& h) {
    char x = 0;
    char rest = 0;
    return std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &rest) == 3 &&
           (x == 'x' || x == 'X') && w >= 64 && h >= 64 && w <= kMaxSidePx && h <= kMaxSidePx;
}

// Applies --color (a mode or an attribute name) and --attribute to the request.
void set_coloring(const RenderOptions& o, render::ColoringRequest& c) {
    if (auto mode = render::parse_color_mode(o.color); mode) {
        c.mode = *mode;
        c.attribute = o.attribute.empty() ? "population" : o.attribute;
    } else {
        c.mode = render::ColorMode::kAttribute;
        c.attribute = o.color;
    }
}

}  // namespace

int run_render(const RenderOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    render::MapRequest request;
    if (!parse_size(options.size, request.width, request.height)) {
        std::cerr << "beltplan: --size '" << options.size
                  << "' is not WxH with each side from 64 to " << kMaxSidePx
                  << " pixels, e.g. --size 7680x4320.\n";
        return kExitUsage;
    }
    for (const auto* list : {&options.hide, &options.show}) {
        for (const std::string& name : *list) {
            auto layer = render::parse_layer(name);
            if (!layer) {
                std::cerr << "beltplan: unknown layer '" << name
                          << "'; layers are basemap townships villages roads reach belts orgs "
                             "stations sites labels.\n";
                return kExitUsage;
            }
            request.layers.emplace_back(*layer, list == &options.show);
        }
    }
    set_coloring(options, request.coloring);
    request.title = options.title;
    request.tilted = options.view == "3d";
    request.extrude = options.extrude;
    request.tile_px = options.tile_px;

    core::Result<core::Plan> plan = read_plan_warned(options.plan_path);
    if (!plan) {
        return fail(plan.error().message);
    }
    analysis::AnalysisOptions settings;
    settings.radius_m = options.radius_m.value_or(plan->settings.reach_m);
    settings.distance = options.distance.empty() ? plan->settings.distance
                                                 : *core::parse_distance_mode(options.distance);
    settings.file = options.plan_path;
    const analysis::PlanAnalysis results(*plan, settings);
    if (results.problem()) {
        return fail(results.problem()->message);
    }
    render::MapInputs inputs;
    inputs.plan = &*plan;
    inputs.analysis = &results;
    core::RasterImage basemap;
    if (!options.basemap.empty()) {
        const core::Box extent = core::bounds(*plan);
        const double pad = 0.05 * std::max(extent.width(), extent.height());
        const core::Box padded{extent.min_x - pad, extent.min_y - pad, extent.max_x + pad,
                               extent.max_y + pad};
        auto read = io::read_basemap(options.basemap, plan->crs, padded);
        if (!read) {
            return fail(read.error().message);
        }
        basemap = std::move(*read);
        inputs.basemap = &basemap;
    }

    auto renderer = render::OffscreenRenderer::create();
    if (!renderer) {
        return fail(renderer.error().message);
    }
    auto map = render::render_map(**renderer, inputs, request);
    if (!map) {
        return fail(options.plan_path + ": " + map.error().message);
    }
    if (core::Status written = render::write_png(*map->image, options.out_path); !written) {
        return fail(written.error().message);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("Wrote %s (%dx%d, %s%s) in %.2f s on %s\n", options.out_path.c_str(), request.width,
                request.height, render::to_code(request.coloring.mode),
                request.tilted ? ", 2.5D" : "", seconds, (*renderer)->gl_renderer().c_str());
    return kExitOk;
}

}  // namespace beltplan::app
