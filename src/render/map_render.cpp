// render_map: colours the villages, builds the scene and its frame, fits a 2D or tilted camera
// to the plan, and renders the whole image through the offscreen renderer.
#include "render/map_render.h"

#include "render/fonts.h"
#include "render/map_frame.h"

#include <osg/Viewport>
#include <osgDB/WriteFile>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>

namespace beltplan::render {

namespace {

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

const char* mode_title(ColorMode mode) {
    switch (mode) {
        case ColorMode::kCoverage:
            return "示范点覆盖图";
        case ColorMode::kDistance:
            return "到示范点距离图";
        case ColorMode::kJointOrg:
            return "联合党组织分布图";
        case ColorMode::kKind:
            return "村庄类型分布图";
        case ColorMode::kAttribute:
            return "村庄属性分级图";
    }
    return "";
}

std::vector<std::string> stats_lines(const MapInputs& in) {
    const core::Plan& plan = *in.plan;
    int district = 0;
    for (const core::Site& s : plan.sites) {
        district += s.level == core::SiteLevel::kDistrict ? 1 : 0;
    }
    std::vector<std::string> lines{
        "行政村 " + std::to_string(plan.villages.size()) + " 个",
        "示范点 " + std::to_string(plan.sites.size()) + " 个（区级 " + std::to_string(district) +
            "，乡镇级 " + std::to_string(plan.sites.size() - static_cast<std::size_t>(district)) +
            "）"};
    if (!plan.villages.empty()) {
        const analysis::CoverageReport& r = in.analysis->coverage();
        lines.push_back("覆盖村 " + std::to_string(r.total.covered) + " / " +
                        std::to_string(r.total.villages) + "（" +
                        percent(analysis::village_share(r.total)) + "）");
        if (r.total.population > 0) {
            lines.push_back("覆盖人口 " + percent(analysis::population_share(r.total)));
        }
    }
    return lines;
}

// Village legend plus a symbol for every visible layer that has something in it.
Legend full_legend(const MapInputs& in, const MapScene& scene, const Legend& villages) {
    const core::Plan& plan = *in.plan;
    Legend legend = villages;
    if (!scene.visible(Layer::kVillages)) {
        legend.entries.clear();
        legend.title = "图例";
    }
    auto shown = [&](Layer l) { return scene.visible(l) && scene.layer(l)->getNumChildren() > 0; };
    auto level_present = [&](core::SiteLevel level) {
        return std::any_of(plan.sites.begin(), plan.sites.end(),
                           [&](const core::Site& s) { return s.level == level; });
    };
    if (shown(Layer::kSites) && level_present(core::SiteLevel::kDistrict)) {
        legend.entries.push_back(
            {"区级示范点", hex(colors::kSiteDistrict), LegendSymbol::kSiteDistrict});
    }
    if (shown(Layer::kSites) && level_present(core::SiteLevel::kTown)) {
        legend.entries.push_back({"乡镇级示范点", hex(colors::kSiteTown), LegendSymbol::kSiteTown});
    }
    if (shown(Layer::kReach) && !plan.sites.empty()) {
        const bool network = in.analysis->distance() == core::DistanceMode::kNetwork;
        legend.entries.push_back(
            {(network ? "沿路 " : "半径 ") + format_distance(in.analysis->radius_m()) + " 覆盖范围",
             hex(colors::kReach, network ? 0.5f : 0.3f),
             network ? LegendSymbol::kThickLine : LegendSymbol::kCircle});
    }
    if (shown(Layer::kBelts) && !plan.belts.empty()) {
        legend.entries.push_back(
            {"示范带（道路两侧 " + format_distance(plan.belts[0].half_width_m) + "）",
             hex(colors::kBelt, 0.28f), LegendSymbol::kBand});
        legend.entries.push_back({"示范带道路", hex(colors::kBeltRoad), LegendSymbol::kThickLine});
        legend.entries.push_back({"示范带成员村", hex(colors::kBeltMember), LegendSymbol::kLine});
    }
    if (shown(Layer::kJointOrgs) && !plan.joint_orgs.empty()) {
        legend.entries.push_back({"联合党组织（◆牵头村）", hex(0x555555), LegendSymbol::kLead});
    }
    if (shown(Layer::kWorkStations) && !plan.work_stations.empty()) {
        legend.entries.push_back({"党建工作站", hex(colors::kStation), LegendSymbol::kThickLine});
    }
    if (shown(Layer::kRoads) && !plan.roads.empty()) {
        legend.entries.push_back({"道路", hex(0x8c6d46), LegendSymbol::kLine});
    }
    if (shown(Layer::kTownships) && !plan.townships.empty()) {
        legend.entries.push_back({"乡镇界", hex(colors::kTownshipLine), LegendSymbol::kThickLine});
    }
    return legend;
}

}  // namespace

// Per-village heights for the 2.5D view: the attribute scaled so the tallest is 12% of the
// plan's extent; villages without a value stay flat.
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

osg::Vec2d MapImage::pixel(const core::PointM& p) const {
    const osg::Matrixd window = osg::Matrixd::translate(1.0, 1.0, 1.0) *
                                osg::Matrixd::scale(0.5 * width, 0.5 * height, 0.5);
    const osg::Vec3d w = osg::Vec3d(p.x, p.y, 0.0) * view * projection * window;
    return {w.x(), w.y()};
}

core::Result<MapImage> render_map(OffscreenRenderer& renderer, const MapInputs& inputs,
                                  const MapRequest& request) {
    const core::Plan& plan = *inputs.plan;
    assert(inputs.analysis != nullptr && &inputs.analysis->plan() == &plan &&
           "a map needs the analysis of its plan");
    const analysis::PlanAnalysis& results = *inputs.analysis;
    auto regular = load_cjk_font(false);
    if (!regular) {
        return regular.error();
    }
    auto bold = load_cjk_font(true);
    ColoringRequest coloring_request = request.coloring;
    coloring_request.graph = &results.contiguity();
    auto coloring = color_villages(plan, results.reach(), results.radius_m(), coloring_request);
    if (!coloring) {
        return coloring.error();
    }
    SceneInputs scene_in;
    scene_in.plan = &plan;
    scene_in.analysis = &results;
    scene_in.basemap = inputs.basemap;
    scene_in.font = *regular;
    scene_in.extruded = request.tilted;
    MapScene scene(scene_in);
    scene.set_coloring(*coloring);
    for (const auto& [layer, on] : request.layers) {
        scene.set_visible(layer, on);
    }

    const int ss = request.supersample > 0
                       ? request.supersample
                       : (std::max(request.width, request.height) <= 4096 ? 2 : 1);
    const int width = request.width * ss;  // everything below is drawn at the render size
    const int height = request.height * ss;
    scene.set_pixel_scale(frame_unit(width, height));
    const core::Box& b = scene.bounds();
    const core::PointM o = scene.origin();
    MapImage out;
    out.width = request.width;
    out.height = request.height;
    out.view = osg::Matrixd::translate(-o.x, -o.y, 0.0);
    MapFrameContent frame;
    if (!request.tilted) {
        const int top = frame_top_px(width, height);
        const int bottom = frame_bottom_px(width, height);
        const double map_h = std::max(1, height - top - bottom) * 0.94;
        const double map_w = width * 0.94;
        const double mpp = std::max({b.width() / map_w, b.height() / map_h, 1e-6});
        const double cx = (b.min_x + b.max_x) / 2 - o.x;
        const double cy = (b.min_y + b.max_y) / 2 - o.y;
        const double centre_px = bottom + (height - top - bottom) / 2.0;
        out.projection =
            osg::Matrixd::ortho(cx - mpp * width / 2, cx + mpp * width / 2, cy - mpp * centre_px,
                                cy + mpp * (height - centre_px), -1e6, 1e6);
        out.metres_per_pixel = mpp * ss;
        frame.metres_per_pixel = mpp;
        scene.set_view_scale(mpp);  // outlines simplified to under a drawn pixel
    } else {
        const double extent = std::max(b.width(), b.height());
        scene.set_village_heights(village_heights(
            plan, request.extrude.empty() ? "population" : request.extrude, extent));
        const double tilt = request.tilt_deg * M_PI / 180.0;
        const double heading = request.heading_deg * M_PI / 180.0;
        const double d = extent * 0.5 / std::tan(15.0 * M_PI / 180.0) * 1.05;
        const osg::Vec3d target((b.min_x + b.max_x) / 2 - o.x, (b.min_y + b.max_y) / 2 - o.y, 0);
        const osg::Vec3d back(-std::sin(heading) * std::sin(tilt) * d,
                              -std::cos(heading) * std::sin(tilt) * d, std::cos(tilt) * d);
        out.view = osg::Matrixd::translate(-o.x, -o.y, 0.0) *
                   osg::Matrixd::lookAt(target + back, target, osg::Vec3d(0, 0, 1));
        out.projection =
            osg::Matrixd::perspective(30.0, static_cast<double>(width) / height, d * 0.05, d * 4.0);
        frame.north_deg = -request.heading_deg;
    }
    frame.title =
        request.title.empty() ? plan.name + " " + mode_title(request.coloring.mode) : request.title;
    frame.subtitle = "示范点覆盖半径 " + format_distance(results.radius_m()) + "（" +
                     (results.distance() == core::DistanceMode::kNetwork ? "沿道路" : "直线距离") +
                     "）";
    frame.legend = full_legend(inputs, scene, coloring->legend);
    frame.stats = stats_lines(inputs);
    frame.provenance =
        "数据来源：" + (plan.provenance.empty() ? std::string("未注明") : plan.provenance);
    osg::ref_ptr<osg::Camera> hud =
        build_map_frame(frame, width, height, *regular, bold ? *bold : *regular);

    ViewSetup setup;
    setup.width = width;
    setup.height = height;
    // The scene's transform adds the origin that the view takes away again.
    setup.view = out.view;
    setup.projection = out.projection;
    setup.tile_px = request.tile_px;
    setup.clear_color = osg::Vec4(0.96f, 0.97f, 0.98f, 1.f);
    auto image = renderer.render(scene.root().get(), hud.get(), setup);
    if (!image) {
        return image.error();
    }
    out.image = ss > 1 ? downsample(**image, ss) : *image;
    out.coloring = std::move(*coloring);
    return out;
}

core::Status write_png(const osg::Image& image, const std::string& path) {
    if (!osgDB::writeImageFile(image, path)) {
        return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""},
                                "the PNG could not be written (does the folder exist, and is the "
                                "osgdb_png plugin installed?).");
    }
    return core::Ok{};
}

}  // namespace beltplan::render
