// `beltplan render`: reads a plan, takes its analysis (analysis::PlanAnalysis: coverage
// straight or along roads, belts, groups), and writes a meeting-ready map as PNG, PDF or SVG
// (one map document, drawn by cairo; no display needed), or the township atlas (a PDF of one
// page per township, or a folder of PNGs).
#include "app/commands.h"
#include "app/plan_results.h"
#include "core/messages.h"
#include "io/plan_file.h"
#include "io/raster_basemap.h"
#include "render/atlas.h"
#include "render/map_output.h"
#include "render/map_render.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace beltplan::app {

namespace {

// Largest side accepted: poster size (7680x4320) and more.
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

int usage(const std::string& message) {
    std::cerr << "beltplan: " << message << "\n";
    return kExitUsage;
}

// The request of the flags; an exit code when a flag is wrong.
std::optional<int> build_request(const RenderOptions& o, render::MapRequest& req) {
    if (!parse_size(o.size, req.width, req.height)) {
        return usage(core::tr("outputs.cli.bad_size", {o.size, std::to_string(kMaxSidePx)}));
    }
    req.paper = o.paper;
    req.landscape = o.landscape;
    req.dpi = o.dpi;
    if (!render::page_size(req)) {
        return usage(core::tr("outputs.unknown_paper", {o.paper}));
    }
    if (!(o.dpi >= 36.0 && o.dpi <= 1200.0)) {
        return usage(core::tr("outputs.cli.bad_dpi"));
    }
    for (const auto* list : {&o.hide, &o.show}) {
        for (const std::string& name : *list) {
            auto layer = render::parse_layer(name);
            if (!layer) {
                return usage(core::tr("outputs.cli.bad_layer", {name}));
            }
            if (*layer == render::Layer::kRoadProblems) {
                return usage(core::tr("outputs.cli.road_problems_layer"));
            }
            req.layers.emplace_back(*layer, list == &o.show);
        }
    }
    set_coloring(o, req.coloring);
    req.title = o.title;
    req.tilted = o.view == "3d";
    req.extrude = o.extrude;
    req.tile_px = o.tile_px;
    if (!o.atlas.empty() && req.tilted) {
        return usage(core::tr("outputs.cli.atlas_flat"));
    }
    if (o.atlas.empty() && !render::output_format(o.out_path)) {
        return usage(core::tr("outputs.cli.bad_output", {o.out_path}));
    }
    return std::nullopt;
}

// What the map is drawn from: the plan and its analysis.
render::MapInputs map_inputs(const core::Plan& plan, const analysis::PlanAnalysis& results,
                             const core::RasterImage* basemap) {
    render::MapInputs in;
    in.plan = &plan;
    in.analysis = &results;
    in.basemap = basemap;
    in.approximate_areas = render::plan_has_approximate_areas(plan);
    return in;
}

std::string page_words(const render::MapRequest& req) {
    if (req.paper.empty()) {
        return std::to_string(req.width) + "x" + std::to_string(req.height);
    }
    return req.paper + (req.landscape ? " " + core::tr("outputs.cli.landscape") : "");
}

}  // namespace

int run_render(const RenderOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    render::MapRequest request;
    if (std::optional<int> bad = build_request(options, request)) {
        return *bad;
    }
    core::Result<core::Plan> plan = read_plan_warned(options.plan_path);
    if (!plan) {
        return fail(plan.error().message);
    }
    auto results = analyse_plan(*plan, options.plan_path, options.radius_m, options.distance);
    if (!results) {
        return fail(results.error().message);
    }
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
    }
    const render::MapInputs inputs =
        map_inputs(*plan, **results, options.basemap.empty() ? nullptr : &basemap);
    std::unique_ptr<render::OffscreenRenderer> gl;
    if (request.tilted) {
        auto made = render::OffscreenRenderer::create();
        if (!made) {
            return fail(made.error().message);
        }
        gl = std::move(*made);
    }
    std::string what;
    if (!options.atlas.empty()) {
        auto atlas = render::write_atlas(inputs, request, options.out_path);
        if (!atlas) {
            return fail(atlas.error().message);
        }
        what = core::tr("outputs.cli.atlas_pages", {std::to_string(atlas->pages)});
    } else {
        const core::Status written =
            render::write_map_file(inputs, request, options.out_path, gl.get());
        if (!written) {
            return fail(written.error().message);
        }
        what = render::to_code(request.coloring.mode);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.2f", seconds);
    std::cout << core::tr("outputs.cli.wrote",
                          {options.out_path, page_words(request) + ", " + what, secs})
              << "\n";
    return kExitOk;
}

}  // namespace beltplan::app
