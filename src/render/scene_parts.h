// Internal to render: the builders of each scene layer and the small geometry helpers they
// share (local frame, 2D state, line batches, screen-size markers).
#pragma once

#include "analysis/belts.h"
#include "analysis/plan_analysis.h"
#include "analysis/road_check.h"
#include "core/plan.h"
#include "core/raster_image.h"
#include "render/palette.h"
#include "render/scene_levels.h"

#include <osg/Array>
#include <osg/Geometry>
#include <osg/Group>
#include <osg/Texture2D>
#include <osg/Uniform>
#include <osg/ref_ptr>

#include <memory>
#include <vector>

namespace beltplan::render::detail {

// Plan metres relative to a local origin, so float vertices keep centimetre precision.
struct Frame {
    core::PointM origin;
    osg::Vec3 at(const core::PointM& p, float z = 0.f) const {
        return {static_cast<float>(p.x - origin.x), static_cast<float>(p.y - origin.y), z};
    }
};

inline osg::Vec4 vec4(const Rgba& c) {
    return {c.r, c.g, c.b, c.a};
}

// Flat 2D drawing state: no lighting, no depth test, blending on, drawn in render bin `bin`.
void set_2d_state(osg::StateSet* state, int bin);
// Draws `count` vertices of the geometry's arrays as `mode` primitives.
void add_draw_arrays(osg::Geometry* geometry, GLenum mode, std::size_t count);
// Stencil state that lets each pixel be blended once per `ref` (overlapping translucent
// shapes of one group do not darken each other). The camera must clear the stencil.
void set_blend_once(osg::StateSet* state, int ref);

// A batch of line segments (pairs of vertices) of one colour and width: one draw call.
class LineBatch {
public:
    void add_segment(const osg::Vec3& a, const osg::Vec3& b);
    void add_ring(const Frame& frame, const core::Ring& ring);
    void add_line(const Frame& frame, const core::LineString& line);
    void add_shape(const Frame& frame, const core::MultiPolygon& shape);
    bool empty() const { return vertices_->empty(); }
    // The geometry, or null when empty.
    osg::ref_ptr<osg::Geometry> build(const Rgba& color, float width_px, int bin) const;

private:
    osg::ref_ptr<osg::Vec3Array> vertices_ = new osg::Vec3Array;
};

// Triangles of one colour (per vertex), one draw call.
class TriangleBatch {
public:
    void add_triangle(const osg::Vec3& a, const osg::Vec3& b, const osg::Vec3& c,
                      const Rgba& color);
    void add_shape(const Frame& frame, const core::MultiPolygon& shape, const Rgba& color);
    // A disc of radius_m around centre, as `segments` triangles.
    void add_disc(const osg::Vec3& centre, float radius_m, const Rgba& color, int segments = 48);
    // A quad band of half-width w around segment ab.
    void add_band(const osg::Vec3& a, const osg::Vec3& b, float half_width_m, const Rgba& color);
    bool empty() const { return vertices_->empty(); }
    osg::ref_ptr<osg::Geometry> build(int bin) const;

private:
    osg::ref_ptr<osg::Vec3Array> vertices_ = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec4Array> colors_ = new osg::Vec4Array;
};

enum class MarkerShape { kStar, kCircle, kDiamond, kSquare };

// Sizes of the site markers, pixels across at pixel scale 1 (district star, town circle).
inline constexpr float kSiteStarPx = 20.f;
inline constexpr float kSiteCirclePx = 12.f;

// Outer radius in pixels of a marker of size_px across, its white rim included.
inline float marker_radius_px(MarkerShape shape, float size_px) {
    return size_px / 2.f + 2.f * (shape == MarkerShape::kStar ? 1.6f : 1.f);
}

// Markers of constant pixel size (the "marker" program): all in one draw call.
class MarkerBatch {
public:
    // A marker of `size_px` across with a white rim, at `at`.
    void add(MarkerShape shape, const osg::Vec3& at, float size_px, const Rgba& fill);
    bool empty() const { return vertices_->empty(); }
    // A group holding the markers' geometry and the callback that feeds bp_viewport_px.
    osg::ref_ptr<osg::Group> build(int bin) const;

private:
    void add_polygon(const std::vector<osg::Vec2>& outline, const osg::Vec3& at, const Rgba& color);
    osg::ref_ptr<osg::Vec3Array> vertices_ = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> offsets_ = new osg::Vec2Array;
    osg::ref_ptr<osg::Vec4Array> colors_ = new osg::Vec4Array;
};

// Layer builders; each returns a group (possibly empty).
struct VillageTextures {
    osg::ref_ptr<osg::Texture2D> values;   // RGBA32F per village (render/village_values.h)
    osg::ref_ptr<osg::Texture2D> heights;  // R32F per village (2.5D)
    osg::ref_ptr<osg::Uniform> height_scale;
    osg::ref_ptr<osg::Uniform> opacity;  // village fill opacity (below 1 over a basemap)
};
// Villages at levels of detail: per level one fill geometry (bp_village per vertex, coloured by
// the "village" program) and the shared boundaries once as lines. Borrows the plan's shapes.
std::unique_ptr<ScaleLevels> village_levels(const core::Plan& plan, const Frame& frame,
                                            const VillageTextures& textures, double extent_m);
// The 2.5D villages: roofs and walls in one geometry (the "extrude" program), full detail.
osg::ref_ptr<osg::Group> build_extruded_villages(const core::Plan& plan, const Frame& frame,
                                                 const VillageTextures& textures);
// Townships at levels of detail: light fills and strong outlines of the shared boundaries.
std::unique_ptr<ScaleLevels> township_levels(const core::Plan& plan, const Frame& frame,
                                             double extent_m);
osg::ref_ptr<osg::Group> build_basemap(const core::RasterImage& image, const Frame& frame);
// Roads by class at levels of detail (each line simplified, its ends kept).
std::unique_ptr<ScaleLevels> road_levels(const core::Plan& plan, const Frame& frame,
                                         double extent_m);
osg::ref_ptr<osg::Group> build_sites(const core::Plan& plan, const Frame& frame);
// Reach drawn with the bp_reach_m uniform: a disc and rim around every site (straight line),
// or the road pieces with their distance along the roads (network), cut in the shader.
// disc_sides: sides of the polygon drawn for a disc (disc_sides_for the radius on screen).
osg::ref_ptr<osg::Group> build_reach(const analysis::PlanAnalysis& analysis, const Frame& frame,
                                     int disc_sides);
// Sides of a disc of radius_px pixels drawn within about half a pixel of the circle.
int disc_sides_for(double radius_px);
osg::ref_ptr<osg::Group> build_belts(const core::Plan& plan, const Frame& frame,
                                     const std::vector<analysis::BeltResult>& belts);
// Outlines (analysis::PlanAnalysis::org_outlines) in the colours `colors` gives each group
// (joint_org_color_indices), leads marked.
osg::ref_ptr<osg::Group> build_joint_orgs(const core::Plan& plan, const Frame& frame,
                                          const std::vector<core::MultiPolygon>& outlines,
                                          const std::vector<int>& colors);
osg::ref_ptr<osg::Group> build_work_stations(const core::Plan& plan, const Frame& frame,
                                             const std::vector<core::MultiPolygon>& outlines);
// The road problems of analysis::check_roads: a diamond at each place, segments and gaps as
// lines, all in road_problem_color().
osg::ref_ptr<osg::Group> build_road_problems(const Frame& frame,
                                             const std::vector<analysis::RoadProblem>& problems);
Rgba road_problem_color();

// Render bins: the drawing order of the 2D layers.
namespace bin {
inline constexpr int kBasemap = 10;
inline constexpr int kTownshipFill = 20;
inline constexpr int kVillageFill = 30;
inline constexpr int kVillageLine = 40;
inline constexpr int kTownshipLine = 50;
inline constexpr int kReachFill = 60;
inline constexpr int kBeltBand = 70;
inline constexpr int kRoad = 80;  // 80..89: classes from minor to belt roads
inline constexpr int kReachLine = 100;
inline constexpr int kOutline = 110;
inline constexpr int kMarker = 120;
inline constexpr int kLabel = 130;
}  // namespace bin

}  // namespace beltplan::render::detail
