// The road problems layer (analysis::check_roads): a magenta diamond at each problem's place
// and, where the problem has one, its segment or the gap of a dangling end as a line.
#include "render/scene_parts.h"

namespace beltplan::render::detail {

namespace {

constexpr float kProblemMarkerPx = 16.f;
constexpr float kProblemLinePx = 3.f;

}  // namespace

Rgba road_problem_color() {
    return hex(0xd0109a);  // magenta: no village fill, road or site marker uses it
}

osg::ref_ptr<osg::Group> build_road_problems(const Frame& frame,
                                             const std::vector<analysis::RoadProblem>& problems) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    LineBatch lines;
    MarkerBatch markers;
    for (const analysis::RoadProblem& problem : problems) {
        if (problem.line.points.size() >= 2) {
            lines.add_line(frame, problem.line);
        }
        markers.add(MarkerShape::kDiamond, frame.at(problem.at), kProblemMarkerPx,
                    road_problem_color());
    }
    if (!lines.empty()) {
        group->addChild(lines.build(road_problem_color(), kProblemLinePx, bin::kOutline).get());
    }
    if (!markers.empty()) {
        group->addChild(markers.build(bin::kMarker).get());
    }
    return group;
}

}  // namespace beltplan::render::detail
