// Map labels: township and village names placed inside their polygon and decluttered each
// frame by priority and zoom, so they never pile up. Text objects are made lazily for labels
// that are shown, so a 50,000-village plan costs nothing until it is zoomed in.
#pragma once

#include "core/plan.h"
#include "render/palette.h"

#include <osg/Group>
#include <osg/ref_ptr>
#include <osgText/Font>
#include <osgText/Text>

#include <string>
#include <vector>

namespace beltplan::render {

// How far a name's centre may move along each axis of the map (metres) and stay inside its
// feature, to clear a marker; all 0 keeps it on its anchor.
struct LabelRoom {
    double west_m = 0.0, east_m = 0.0, south_m = 0.0, north_m = 0.0;
    // The same room every way.
    static LabelRoom all(double m) { return {m, m, m, m}; }
    bool any() const { return west_m > 0.0 || east_m > 0.0 || south_m > 0.0 || north_m > 0.0; }
    // True when a move of (dx, dy) metres stays within the room on both axes.
    bool allows(double dx_m, double dy_m) const;
};

struct LabelSpec {
    std::string text;  // UTF-8
    core::PointM anchor;
    float size_px = 12.f;
    int priority = 0;       // higher first
    double extent_m = 0.0;  // size of the feature; shown only when it is on screen at least as
                            // wide as half the label (0 = always a candidate)
    Rgba color = hex(colors::kText);
    LabelRoom room = {};
};

// A rectangle in window pixels (x right, y up from the bottom row).
struct ScreenRect {
    float x0 = 0.f, y0 = 0.f, x1 = 0.f, y1 = 0.f;
    bool overlaps(const ScreenRect& o) const {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
};

// A point inside the shape, far from its boundary (the centroid of its largest part when that
// is well inside, else the best of a grid of candidates): where a name goes.
core::PointM label_point(const core::MultiPolygon& shape);
// Distances from p to the shape's boundary straight west, east, south and north (all 0 when p
// is outside): how far a name at p can move and stay inside.
LabelRoom label_room(const core::MultiPolygon& shape, const core::PointM& p);

// Township names (priority 2, larger) and village names (priority 1) of a plan.
std::vector<LabelSpec> plan_labels(const core::Plan& plan);

// Estimated width in pixels of a UTF-8 text at a size (CJK glyphs square, Latin narrower).
float text_width_px(const std::string& utf8, float size_px);

class LabelLayer : public osg::Group {
public:
    // origin: plan metres of the scene's local origin (see MapScene::origin()).
    LabelLayer(std::vector<LabelSpec> labels, osg::ref_ptr<osgText::Font> font,
               const core::PointM& origin);

    // Declutters against the current camera and draws the accepted labels.
    void traverse(osg::NodeVisitor& nv) override;
    osg::BoundingSphere computeBound() const override;
    void releaseGLObjects(osg::State* state = nullptr) const override;

    // Multiplies every label size and obstacle radius (poster output keeps proportions).
    void set_pixel_scale(float scale) { scale_ = scale; }
    // Markers no label may cover, replacing earlier ones: a screen square of 2 * radius_px
    // (at pixel scale 1) around each point (plan metres). A label on one moves just clear of
    // it, below, above, right or left, within its room, or is left out.
    void set_obstacles(std::vector<core::PointM> points_m, float radius_px);
    // Indices (into the labels given) of the labels drawn by the last cull.
    const std::vector<int>& shown() const { return shown_; }
    // Where the last cull drew them (window pixels), parallel to shown().
    const std::vector<ScreenRect>& placed() const { return placed_; }
    const std::vector<LabelSpec>& labels() const { return labels_; }

protected:
    ~LabelLayer() override;

private:
    osg::ref_ptr<osgText::Text> text_for(std::size_t i);

    std::vector<LabelSpec> labels_;  // sorted by priority, then extent, descending
    std::vector<int> order_;         // index into the caller's list
    std::vector<osg::ref_ptr<osgText::Text>> texts_;
    osg::ref_ptr<osgText::Font> font_;
    core::PointM origin_;
    float scale_ = 1.f;
    std::vector<core::PointM> obstacles_m_;
    float obstacle_radius_px_ = 0.f;
    std::vector<int> shown_;
    std::vector<ScreenRect> placed_;
};

}  // namespace beltplan::render
