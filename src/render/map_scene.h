// The OpenSceneGraph scene of a plan: batched village polygons coloured through a per-village
// lookup texture, townships, roads, sites, reach, belts, joint organizations, work stations,
// labels and an optional basemap, each a layer that can be shown or hidden. Independent of how
// the GL context is made: the offscreen renderer and the window both draw root().
#pragma once

#include "analysis/belts.h"
#include "analysis/contiguity.h"
#include "analysis/coverage.h"
#include "analysis/road_network.h"
#include "core/plan.h"
#include "core/raster_image.h"
#include "render/palette.h"

#include <osg/Group>
#include <osg/Image>
#include <osg/LineWidth>
#include <osg/Uniform>
#include <osg/ref_ptr>
#include <osgText/Font>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace beltplan::render {

enum class Layer {
    kBasemap,
    kTownships,
    kVillages,
    kRoads,
    kReach,
    kBelts,
    kJointOrgs,
    kWorkStations,
    kSites,
    kLabels,
};
inline constexpr std::size_t kLayerCount = 10;

// "basemap", "townships", "villages", "roads", "reach", "belts", "orgs", "stations", "sites",
// "labels"; nullopt when unknown.
std::optional<Layer> parse_layer(const std::string& text);
const char* to_code(Layer layer);

// What the scene is built from. Pointers are borrowed for the constructor only.
struct SceneInputs {
    const core::Plan* plan = nullptr;    // required
    std::vector<analysis::Reach> reach;  // per village; may be empty
    double radius_m = 3000.0;            // reach radius shown
    core::DistanceMode distance = core::DistanceMode::kEuclidean;
    const analysis::RoadNetwork* network = nullptr;  // network mode: stretches within R
    std::vector<analysis::BeltResult> belts;         // analysis of plan.belts
    const core::RasterImage* basemap = nullptr;      // optional, in plan CRS
    osg::ref_ptr<osgText::Font> font;                // labels; null = no labels
    bool extruded = false;                           // 2.5D villages (walls and roofs)
};

class MapScene {
public:
    // Builds every layer. Precondition: inputs.plan is set.
    explicit MapScene(const SceneInputs& inputs);

    // The scene: one child per layer, in drawing order, under a transform to plan metres.
    osg::ref_ptr<osg::Group> root() const { return root_; }
    // The node of one layer (an osg::Group; empty when the plan has nothing for it).
    osg::ref_ptr<osg::Group> layer(Layer layer) const;

    void set_visible(Layer layer, bool visible);
    bool visible(Layer layer) const;

    // Recolours the villages by rewriting the lookup texture; the geometry is untouched.
    // Precondition: fill.size() == village_count(). Alpha 0 hides a village.
    void set_village_colors(const std::vector<Rgba>& fill);
    // Heights of the 2.5D view (metres, per village; scaled by height_scale on the GPU).
    void set_village_heights(const std::vector<float>& heights_m, float height_scale = 1.f);
    // Rebuilds only the reach layer (after sites moved or the radius changed).
    void set_reach(const core::Plan& plan, double radius_m, core::DistanceMode distance,
                   const analysis::RoadNetwork* network);

    // Rebuild only the belts layer (roads or half-width changed, sites moved) or the joint
    // organizations layer (groups edited); the rest of the scene is untouched.
    void set_belts(const core::Plan& plan, const std::vector<analysis::BeltResult>& belts);
    // Rebuild only the site markers (sites added, moved or removed).
    void set_sites(const core::Plan& plan);
    // `graph`: the plan's queen graph, when the caller keeps one (saves recomputing it).
    void set_joint_orgs(const core::Plan& plan, const analysis::ContiguityGraph* graph = nullptr);

    // Multiplies line widths, marker and label sizes (1 = sized for a 1000 px map).
    void set_pixel_scale(float scale);

    // Points (plan metres) whose site marker no label may cover, replacing the plan's site
    // positions taken at construction (call after sites moved, or with markers drawn
    // elsewhere, as the window's live stars are). Each keeps a square of
    // site_marker_radius_px() around it clear, whether or not the sites layer is shown.
    void set_label_obstacles(const std::vector<core::PointM>& points_m);
    // Screen radius of a site marker at pixel scale 1: the district star with its white rim.
    // Markers drawn outside the scene (the window's) should be no larger.
    static float site_marker_radius_px();

    std::size_t village_count() const { return village_count_; }
    // Extent of the plan (villages and townships) in plan metres.
    const core::Box& bounds() const { return bounds_; }
    // Plan metres of the local origin the geometry is stored relative to (float precision).
    const core::PointM& origin() const { return origin_; }
    // The per-village colour texture image (RGBA8, row-major by village index).
    osg::ref_ptr<osg::Image> color_image() const { return colors_; }

private:
    // Swaps a layer's children for those of `fresh`, keeping its node (visibility, name).
    void replace_layer(Layer layer, osg::ref_ptr<osg::Group> fresh);

    osg::ref_ptr<osg::Group> root_;
    std::array<osg::ref_ptr<osg::Group>, kLayerCount> layers_;
    osg::ref_ptr<osg::Image> colors_;
    osg::ref_ptr<osg::Image> heights_;
    osg::ref_ptr<osg::Uniform> height_scale_;
    osg::ref_ptr<osg::Uniform> px_scale_;
    float pixel_scale_ = 1.f;
    std::vector<std::pair<osg::ref_ptr<osg::LineWidth>, float>> line_widths_;  // base widths
    std::size_t village_count_ = 0;
    core::Box bounds_;
    core::PointM origin_;
};

}  // namespace beltplan::render
