// Internal to render: a layer drawn at the level of detail the view needs. Level k is built by
// the caller's builder at tolerance extent/64/4^k (no boundary or line moves more than that),
// the full geometry (tolerance 0) when zoomed in past the finest; a view of m metres a pixel
// shows the coarsest level whose tolerance is at most m. Levels are built on first use and
// kept. Polygon coverages (villages, townships) simplify each shared boundary once
// (core::ArcTopology), so neighbours keep one common boundary and no gap opens.
#pragma once

#include "core/arc_simplify.h"
#include "core/geometry.h"

#include <osg/Group>
#include <osg/Switch>
#include <osg/ref_ptr>

#include <functional>
#include <memory>
#include <vector>

namespace beltplan::render::detail {

class ScaleLevels {
public:
    // Builds the drawing of one level at a tolerance in metres (0: the full geometry).
    using Builder = std::function<osg::ref_ptr<osg::Node>(double tolerance_m)>;

    // extent_m: the layer's larger side, from which the tolerances follow.
    ScaleLevels(double extent_m, Builder build);

    // The node to put in the scene: a switch with one child per level built so far.
    osg::ref_ptr<osg::Switch> node() const { return switch_; }

    // Shows the level for m_per_px metres a pixel (building it if needed); m_per_px <= 0 shows
    // the full geometry. Returns the level's node when this call built it, else null.
    osg::Node* show_for(double m_per_px);
    // The level shown: its tolerance in metres, 0 for the full geometry, -1 before any.
    double shown_tolerance_m() const { return shown_tolerance_m_; }
    // Tolerances of the simplified levels, coarsest first.
    const std::vector<double>& tolerances() const { return tolerances_; }

private:
    std::vector<double> tolerances_;
    Builder build_;
    osg::ref_ptr<osg::Switch> switch_;
    std::vector<osg::ref_ptr<osg::Node>> levels_;  // by index; the last is the full geometry
    double shown_tolerance_m_ = -1.0;
};

// A polygon coverage at one tolerance (0: as it is): its shapes (input order) and boundary
// arcs (every shared boundary once).
using CoverageBuilder = std::function<osg::ref_ptr<osg::Node>(
    double tolerance_m, const std::vector<const core::MultiPolygon*>& shapes,
    const std::vector<core::LineString>& arcs)>;

// Levels of a polygon coverage. Borrows `shapes`, which must outlive the levels; the arcs are
// found when the first level is built.
std::unique_ptr<ScaleLevels> coverage_levels(std::vector<const core::MultiPolygon*> shapes,
                                             double extent_m, CoverageBuilder build);

}  // namespace beltplan::render::detail
