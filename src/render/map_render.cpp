// compose_map: the page, the village colours, the view fitted to the plan, the generalisation
// for that view, the map layers and the frame, as one document; the tilted 2.5D view is drawn
// by OpenGL into the map frame of the same document.
#include "render/map_render.h"

#include "core/messages.h"
#include "render/fonts.h"
#include "render/map_compose.h"
#include "render/map_output.h"

#include <osg/Image>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace beltplan::render {

namespace {

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

const char* title_key(ColorMode mode) {
    switch (mode) {
        case ColorMode::kCoverage:
            return "outputs.title.coverage";
        case ColorMode::kDistance:
            return "outputs.title.distance";
        case ColorMode::kJointOrg:
            return "outputs.title.orgs";
        case ColorMode::kKind:
            return "outputs.title.kind";
        case ColorMode::kAttribute:
            return "outputs.title.attribute";
    }
    return "outputs.title.coverage";
}

std::vector<std::string> stats_lines(const MapInputs& in) {
    const core::Plan& plan = *in.plan;
    std::size_t district = 0;
    for (const core::Site& s : plan.sites) {
        district += s.level == core::SiteLevel::kDistrict ? 1 : 0;
    }
    std::vector<std::string> lines{
        core::tr("outputs.stats.villages", {std::to_string(plan.villages.size())}),
        core::tr("outputs.stats.sites",
                 {std::to_string(plan.sites.size()), std::to_string(district),
                  std::to_string(plan.sites.size() - district)})};
    const analysis::CoverageCount& t = in.analysis->coverage().total;
    if (t.villages > 0) {
        lines.push_back(core::tr("outputs.stats.covered",
                                 {std::to_string(t.covered), std::to_string(t.villages),
                                  percent(analysis::village_share(t))}));
        if (t.population > 0) {
            lines.push_back(
                core::tr("outputs.stats.population", {percent(analysis::population_share(t))}));
        }
    }
    return lines;
}

// The OSG 2.5D view of the plan, rendered at the map area's pixel size.
core::Result<std::shared_ptr<core::RasterImage>> tilted_view(const MapInputs& in,
                                                             const MapRequest& req,
                                                             const VillageColoring& coloring,
                                                             int width, int height,
                                                             OffscreenRenderer& gl) {
    const core::Plan& plan = *in.plan;
    auto font = load_cjk_font(false);
    if (!font) {
        return font.error();
    }
    SceneInputs s;
    s.plan = &plan;
    s.analysis = in.analysis;
    s.basemap = in.basemap;
    s.font = *font;
    s.extruded = true;
    MapScene scene(s);
    scene.set_coloring(coloring);
    for (const auto& [layer, on] : req.layers) {
        scene.set_visible(layer, on);
    }
    scene.set_visible(Layer::kReach, false);  // as the legend says
    scene.set_visible(Layer::kBelts, false);
    const int ss = std::max(width, height) <= 4096 ? 2 : 1;
    scene.set_pixel_scale(static_cast<float>(frame_unit(width, height) * ss));
    const core::Box& b = scene.bounds();
    const core::PointM o = scene.origin();
    const double extent = std::max(b.width(), b.height());
    scene.set_village_heights(
        village_heights(plan, req.extrude.empty() ? "population" : req.extrude, extent));
    const double tilt = req.tilt_deg * M_PI / 180.0;
    const double heading = req.heading_deg * M_PI / 180.0;
    const double d = extent * 0.5 / std::tan(15.0 * M_PI / 180.0) * 1.05;
    const osg::Vec3d target((b.min_x + b.max_x) / 2 - o.x, (b.min_y + b.max_y) / 2 - o.y, 0);
    const osg::Vec3d back(-std::sin(heading) * std::sin(tilt) * d,
                          -std::cos(heading) * std::sin(tilt) * d, std::cos(tilt) * d);
    ViewSetup setup;
    setup.width = width * ss;
    setup.height = height * ss;
    setup.view = osg::Matrixd::translate(-o.x, -o.y, 0.0) *
                 osg::Matrixd::lookAt(target + back, target, osg::Vec3d(0, 0, 1));
    setup.projection =
        osg::Matrixd::perspective(30.0, static_cast<double>(width) / height, d * 0.05, d * 4.0);
    setup.tile_px = req.tile_px;
    setup.clear_color = osg::Vec4(0.96f, 0.97f, 0.98f, 1.f);
    auto image = gl.render(scene.root().get(), nullptr, setup);
    if (!image) {
        return image.error();
    }
    const osg::ref_ptr<osg::Image> small = ss > 1 ? downsample(**image, ss) : *image;
    auto out = std::make_shared<core::RasterImage>();
    out->width = small->s();
    out->height = small->t();
    out->rgba.resize(static_cast<std::size_t>(out->width) * out->height * 4);
    for (int y = 0; y < out->height; ++y) {  // OSG rows run bottom-up
        std::memcpy(&out->rgba[static_cast<std::size_t>(y) * out->width * 4],
                    small->data(0, out->height - 1 - y), static_cast<std::size_t>(out->width) * 4);
    }
    return out;
}

}  // namespace

bool plan_has_approximate_areas(const core::Plan& plan) {
    return plan.approximate_village_areas;
}

std::vector<float> village_heights(const core::Plan& plan, const std::string& attribute,
                                   double extent_m) {
    std::vector<float> h(plan.villages.size(), 0.f);
    double top = 0.0;
    for (const core::Village& v : plan.villages) {
        top = std::max(top, village_attribute(v, attribute).value_or(0.0));
    }
    for (std::size_t i = 0; i < plan.villages.size() && top > 0.0; ++i) {
        const double value = village_attribute(plan.villages[i], attribute).value_or(0.0);
        h[i] = static_cast<float>(std::max(0.0, value) / top * 0.12 * extent_m);
    }
    return h;
}

std::optional<PagePoint> page_size(const MapRequest& request) {
    if (request.paper.empty()) {
        return PagePoint{static_cast<double>(request.width), static_cast<double>(request.height)};
    }
    return paper_size_units(request.paper, request.landscape);
}

double pixels_per_unit(const MapRequest& request) {
    return request.dpi / kUnitsPerInch;
}

core::Result<MapDocument> compose_map(const MapInputs& in, const MapRequest& req,
                                      OffscreenRenderer* gl) {
    const core::Plan& plan = *in.plan;
    assert(in.analysis != nullptr && &in.analysis->plan() == &plan &&
           "a map needs the analysis of its plan");
    const std::optional<PagePoint> size = page_size(req);
    if (!size) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                core::tr("outputs.unknown_paper", {req.paper}));
    }
    auto coloring = compose::village_coloring(in, req.coloring);
    if (!coloring) {
        return coloring.error();
    }
    const Legend village_legend = compose::village_legend(in, req.coloring.mode, coloring->legend);
    MapDocument doc;
    doc.width = size->x;
    doc.height = size->y;
    doc.background = hex(0xf5f7fa);
    MapFrameContent frame;
    frame.title =
        req.title.empty() ? plan.name + " " + core::tr(title_key(req.coloring.mode)) : req.title;
    doc.title = frame.title;
    frame.subtitle = compose::map_subtitle(in);
    frame.stats = stats_lines(in);
    frame.provenance = compose::provenance_line(plan);
    compose::PageContext page;
    page.in = &in;
    page.unit = frame_unit(doc.width, doc.height);
    page.fill = coloring->fill;
    page.visible.fill(true);
    for (const auto& [layer, on] : req.layers) {
        page.visible[static_cast<std::size_t>(layer)] = on;
    }
    if (req.tilted) {  // flat overlays would cut through the blocks: the scene leaves them out
        page.visible[static_cast<std::size_t>(Layer::kReach)] = false;
        page.visible[static_cast<std::size_t>(Layer::kBelts)] = false;
    }
    FrameLayout layout;
    compose::settle_view(page, frame, layout, req, village_legend,
                         req.extent ? *req.extent : core::bounds(plan), doc.width, doc.height, 0.0,
                         req.extent ? 0.0 : 0.03);
    doc.view = page.view;
    const PageRect area = layout.map_area;
    if (req.tilted) {
        if (gl == nullptr) {
            return core::make_error(core::ErrorCode::kInternal, {}, core::tr("outputs.no_gl"));
        }
        const double ppu = pixels_per_unit(req);
        auto view = tilted_view(in, req, *coloring, static_cast<int>(area.width() * ppu),
                                static_cast<int>(area.height() * ppu), *gl);
        if (!view) {
            return view.error();
        }
        RasterItem r;
        r.image = *view;
        r.rect = area;
        doc.add_layer("tilted_view", area).items.push_back(std::move(r));
    } else {
        const compose::PageGeometry geometry = compose::page_geometry(page);
        compose::add_map_layers(
            doc, page, geometry,
            {layout.stats, layout.legend, layout.scale_bar, layout.north_arrow});
    }
    add_frame(doc, frame, layout);
    return doc;
}

core::Result<MapImage> render_map(const MapInputs& inputs, const MapRequest& request,
                                  OffscreenRenderer* gl) {
    auto doc = compose_map(inputs, request, gl);
    if (!doc) {
        return doc.error();
    }
    const double ppu = pixels_per_unit(request);
    auto image = rasterize(*doc, ppu);
    if (!image) {
        return image.error();
    }
    return MapImage{std::move(*image), doc->view, ppu};
}

core::Status write_map_file(const MapInputs& inputs, const MapRequest& request,
                            const std::string& path, OffscreenRenderer* gl) {
    const std::optional<OutputFormat> format = output_format(path);
    if (!format) {
        return core::make_error(core::ErrorCode::kUnsupportedFormat, {path, "", -1, ""},
                                core::tr("outputs.unknown_format"));
    }
    auto doc = compose_map(inputs, request, gl);
    if (!doc) {
        return doc.error();
    }
    return write_map(*doc, path, *format, pixels_per_unit(request));
}

}  // namespace beltplan::render
