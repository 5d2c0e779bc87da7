// The OpenSceneGraph scene of a plan and its analysis: batched village polygons coloured in the
// shader from per-village values and uniforms, townships, roads, sites, reach, belts, joint
// organizations, work stations, labels and an optional basemap, each a layer that can be shown
// or hidden. It draws analysis results and computes none. Independent of how the GL context is
// made: the offscreen renderer and the window both draw root().
#pragma once

#include "analysis/plan_analysis.h"
#include "analysis/road_check.h"
#include "core/plan.h"
#include "core/raster_image.h"
#include "render/palette.h"
#include "render/village_colors.h"

#include <osg/Group>
#include <osg/Image>
#include <osg/LineWidth>
#include <osg/Uniform>
#include <osg/ref_ptr>
#include <osgText/Font>

#include <array>
#include <memory>
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
    kRoadProblems,  // empty until set_road_problems (the window's road check)
};
inline constexpr std::size_t kLayerCount = 11;

// "basemap", "townships", "villages", "roads", "reach", "belts", "orgs", "stations", "sites",
// "labels", "road_problems"; nullopt when unknown.
std::optional<Layer> parse_layer(const std::string& text);
const char* to_code(Layer layer);

class VillageValues;
namespace detail {
class ScaleLevels;
}

// What the scene is built from. Pointers are borrowed for the constructor only.
struct SceneInputs {
    const core::Plan* plan = nullptr;  // required
    // The plan's analysis (analysis->plan() is *plan): reach, belts, joint organizations,
    // work stations and the roads within reach. Null: those layers stay empty and every
    // village has no reach value.
    const analysis::PlanAnalysis* analysis = nullptr;
    const core::RasterImage* basemap = nullptr;  // optional, in plan CRS
    osg::ref_ptr<osgText::Font> font;            // labels; null = no labels
    bool extruded = false;                       // 2.5D villages (walls and roofs)
    // The scale first shown (metres per pixel); 0 = full detail. Villages and townships are
    // drawn at the level of detail of the scale (set_view_scale), built on first need.
    double m_per_px = 0.0;
};

class MapScene {
public:
    // Builds every layer. Precondition: inputs.plan is set; the plan outlives the scene and
    // its village and township shapes do not change (finer levels of detail are built from
    // them when first shown).
    explicit MapScene(const SceneInputs& inputs);
    ~MapScene();

    // The scene: one child per layer, in drawing order, under a transform to plan metres.
    osg::ref_ptr<osg::Group> root() const { return root_; }
    // The node of one layer (an osg::Group; empty when the plan has nothing for it).
    osg::ref_ptr<osg::Group> layer(Layer layer) const;

    void set_visible(Layer layer, bool visible);
    // Draws these road problems (analysis::check_roads of the plan) in Layer::kRoadProblems,
    // replacing those drawn before.
    void set_road_problems(const std::vector<analysis::RoadProblem>& problems);
    bool visible(Layer layer) const;

    // Colours the villages by `coloring`: its rule and palette become uniforms; a coloring on
    // the custom channel also writes that channel of every village. The geometry is untouched.
    void set_coloring(const VillageColoring& coloring);
    // The reach radius the villages, discs and road stretches are drawn with: one uniform.
    void set_reach_radius(double radius_m);
    // Follows `analysis` after an update that returned `delta`: the reach values of the
    // villages it lists (only those texels are uploaded), the radius, and the layers it made
    // dirty (reach, belts, joint organizations, work stations, sites and label obstacles).
    void update(const analysis::PlanAnalysis& analysis, const analysis::AnalysisDelta& delta);

    // Heights of the 2.5D view (metres, per village; scaled by height_scale on the GPU).
    void set_village_heights(const std::vector<float>& heights_m, float height_scale = 1.f);
    // Rebuilds the site markers. update() does it only while the sites layer is shown (the
    // window hides it and draws live markers of its own); call it before showing the layer.
    void set_sites(const core::Plan& plan);
    bool sites_stale() const { return sites_stale_; }

    // The scale the map is drawn at (metres per pixel; 0 = full detail): villages, townships
    // and roads are shown simplified to under a pixel (shared boundaries kept shared), in full
    // when zoomed in. The window calls it before each frame, a map before it renders.
    void set_view_scale(double m_per_px);
    // Tolerance in metres of the village outlines shown (0 = full geometry).
    double village_detail_m() const;

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
    // The per-village values the shader reads (tests check what was written and uploaded).
    const VillageValues& values() const { return *values_; }
    // The reach radius uniform as the shader sees it.
    float reach_radius_uniform() const;

private:
    // Rebuilds the reach layer when the discs need other sides for their size on screen.
    void fit_discs();
    // Swaps a layer's children for those of `fresh`, keeping its node (visibility, name).
    void replace_layer(Layer layer, osg::ref_ptr<osg::Group> fresh);
    void set_reach_layer(const analysis::PlanAnalysis& analysis);
    void set_joint_orgs(const analysis::PlanAnalysis& analysis);
    // Scales the line widths of a subgraph built after the scene (a new level of detail).
    void adopt_line_widths(osg::Node* node);

    osg::ref_ptr<osg::Group> root_;
    std::array<osg::ref_ptr<osg::Group>, kLayerCount> layers_;
    std::unique_ptr<VillageValues> values_;
    // Layers drawn at the level of detail of the view (village_levels_ is null in 2.5D).
    std::vector<std::unique_ptr<detail::ScaleLevels>> levels_;
    detail::ScaleLevels* village_levels_ = nullptr;
    osg::ref_ptr<osg::Image> heights_;
    osg::ref_ptr<osg::Uniform> height_scale_;
    osg::ref_ptr<osg::Uniform> px_scale_;
    osg::ref_ptr<osg::Uniform> reach_m_;
    osg::ref_ptr<osg::StateSet> fill_uniforms_;  // the colouring uniforms of the village programs
    float pixel_scale_ = 1.f;
    bool sites_stale_ = false;                          // sites moved while their layer was hidden
    const analysis::PlanAnalysis* analysis_ = nullptr;  // the last one given (borrowed)
    double m_per_px_ = 0.0;                             // the view scale; 0 = full detail
    double radius_m_ = 0.0;                             // the reach radius drawn
    int disc_sides_ = 0;                                // of the reach layer as built
    std::vector<std::pair<osg::ref_ptr<osg::LineWidth>, float>> line_widths_;  // base widths
    std::size_t village_count_ = 0;
    core::Box bounds_;
    core::PointM origin_;
};

}  // namespace beltplan::render
