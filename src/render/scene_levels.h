// Internal to render: a polygon coverage (villages, townships) drawn at the level of detail
// the view needs. Each level is the coverage simplified once per shared boundary
// (core::ArcTopology, so neighbours keep one common boundary and no gap opens) to a tolerance
// below a pixel at the scales it is shown; the full geometry is shown when zoomed in. Levels
// are built on first use and kept.
#pragma once

#include "core/arc_simplify.h"
#include "core/geometry.h"

#include <osg/Group>
#include <osg/Switch>
#include <osg/ref_ptr>

#include <functional>
#include <optional>
#include <vector>

namespace beltplan::render::detail {

class LevelledPolygons {
public:
    // Builds the drawing of one level from its shapes (input order) and boundary arcs (every
    // shared boundary once).
    using Builder =
        std::function<osg::ref_ptr<osg::Group>(const std::vector<const core::MultiPolygon*>& shapes,
                                               const std::vector<core::LineString>& arcs)>;

    // Borrows `shapes`, which must outlive this object. extent_m: the coverage's larger side,
    // from which the tolerances of the simplified levels follow.
    LevelledPolygons(std::vector<const core::MultiPolygon*> shapes, double extent_m, Builder build);

    // The node to put in the scene: a switch with one child per level built so far.
    osg::ref_ptr<osg::Switch> node() const { return switch_; }

    // Shows the coarsest level that moves no boundary by more than a pixel of m_per_px
    // metres (building it if needed); m_per_px <= 0 shows the full geometry. Returns the
    // level's node when it was built by this call, else null.
    osg::Node* show_for(double m_per_px);
    // The level shown: its tolerance in metres, 0 for the full geometry.
    double shown_tolerance_m() const { return shown_tolerance_m_; }
    // Tolerances of the simplified levels, coarsest first.
    const std::vector<double>& tolerances() const { return tolerances_; }

private:
    // The node of a level (index tolerances_.size() = full geometry); `built` says whether
    // this call built it.
    osg::Node* level(std::size_t index, bool& built);

    std::vector<const core::MultiPolygon*> shapes_;
    std::optional<core::ArcTopology> topology_;  // built with the first level
    std::vector<double> tolerances_;
    Builder build_;
    osg::ref_ptr<osg::Switch> switch_;
    std::vector<osg::ref_ptr<osg::Node>> levels_;  // by index, null until built
    double shown_tolerance_m_ = -1.0;
};

}  // namespace beltplan::render::detail
