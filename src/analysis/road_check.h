// The health of a plan's road layer, as the road graph of DESIGN.md section 2 sees it:
// connected pieces with their length and the villages that reach only a small piece, dangling
// ends close to another road but not joined (probable undershoots), crossings without a
// junction (bridges or missing nodes), duplicate segments and segments that collapsed into one
// node. Pure data: the CLI prints it, io writes it as a GeoPackage, the window draws it.
#pragma once

#include "analysis/road_network.h"
#include "core/plan.h"

#include <string>
#include <vector>

namespace beltplan::analysis {

struct RoadCheckOptions {
    double undershoot_m = 20.0;  // a dangling end this close to another road is reported
};

enum class RoadProblemKind {
    kDanglingEnd,  // a line end joined to nothing, within undershoot_m of another road
    kCrossing,     // two lines cross with no node in common (a bridge, or a missing node)
    kDuplicate,    // a segment parallel to a shorter one between the same two nodes (dropped)
    kZeroLength,   // a segment whose two vertices are the same point (dropped)
    kCollapsed,    // a segment shorter than the tolerance whose ends became one node (dropped)
};

// Stable code of a kind ("dangling_end", "crossing", "duplicate", "zero_length", "collapsed").
std::string to_code(RoadProblemKind kind);

struct RoadProblem {
    RoadProblemKind kind = RoadProblemKind::kDanglingEnd;
    core::PointM at;        // where to look: the end, the crossing, the segment's middle
    core::LineString line;  // the segment concerned, or the gap from a dangling end to the road
    int road = -1;          // index in plan.roads
    int other_road = -1;    // the road missed, crossed or duplicated; -1 when none
    double length_m = 0.0;  // dangling: the gap; duplicate, collapsed: the segment's length
};

// A connected piece of the road graph.
struct RoadGraphPiece {
    double length_m = 0.0;
    int segments = 0;
    int sites = 0;              // sites whose nearest segment lies in this piece
    std::vector<int> villages;  // villages (plan order) whose nearest segment lies in it
    core::Box box;              // bounds of its segments
};

struct RoadCheck {
    std::vector<RoadGraphPiece> pieces;  // the longest first
    std::vector<int> segment_piece;      // per network segment: index into pieces
    std::vector<int> village_piece;      // per village: index into pieces, -1 without roads
    std::vector<int> cut_off;            // villages that reach only a piece other than the first
    std::vector<RoadProblem> problems;   // by kind, then in road layer order
    double length_m = 0.0;               // all segments of the graph

    int count(RoadProblemKind kind) const;
    // True when distances along roads may be longer than real: more than one piece with
    // villages on a smaller one, or any dangling end, crossing, duplicate or dropped segment.
    bool has_problems() const;
};

// Checks the road layer through the graph built from it (the same plan).
RoadCheck check_roads(const core::Plan& plan, const RoadNetwork& network,
                      const RoadCheckOptions& options = {});

// One sentence for a problem (catalogue "roads.problem.*"), naming the roads and the place.
std::string describe(const core::Plan& plan, const RoadProblem& problem);

// The one line `report --distance network` prints when has_problems(), or "" when none.
std::string problems_line(const RoadCheck& check, const std::string& plan_path);

}  // namespace beltplan::analysis
