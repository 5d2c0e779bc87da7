// The road graph of DESIGN.md section 2 (QGIS's topology tolerance, 1 m): every vertex can be
// a junction, vertices within 1 m are one node (transitively), a line end near another line's
// segment joins it there, and points attach at the nearest point of the nearest segment with
// the straight access leg counted. Built once from the roads; sites are attached, never built
// in, so moving a site does not rebuild the graph. What the construction merged, split and
// dropped is kept (build_report) for the road check.
#pragma once

#include "analysis/coverage.h"
#include "core/plan.h"

#include <limits>
#include <memory>
#include <vector>

namespace beltplan::analysis {

// Where a point joins the network.
struct Attachment {
    int segment = -1;       // index of the road segment, -1 when the network is empty
    double t = 0.0;         // 0..1 along the segment from its first node
    double access_m = 0.0;  // straight leg from the point to the segment
    core::PointM at;        // the joining point on the segment
};

class RoadNetwork {
public:
    // The topology tolerance: vertices this close are one node, and a line end this close to
    // another line's segment joins it (DESIGN.md section 2).
    static constexpr double kToleranceM = 1.0;
    static constexpr double kJoinEndsM = kToleranceM;  // the older name of the same tolerance

    // One segment of the graph: a straight piece of a road line between two nodes.
    struct SegmentInfo {
        int a = 0;  // nodes at its two ends
        int b = 0;
        core::PointM pa;        // its own geometry: original vertices, or the point where a line
        core::PointM pb;        // end joined it
        double length_m = 0.0;  // |pa pb|
        int road = -1;          // index in plan.roads, and the part of that road
        int part = -1;
    };

    // A line end, and what the construction did with it.
    struct LineEnd {
        core::PointM at;
        int road = -1;
        int part = -1;
        int node = -1;                // its node; -1 when every segment of its line was dropped
        bool joined_segment = false;  // it joined another line's segment in its middle
    };

    // A piece of road line left out of the graph: both ends fell in one node (zero length or
    // shorter than the tolerance), or a parallel segment between the same two nodes.
    struct DroppedSegment {
        core::PointM pa;
        core::PointM pb;
        double length_m = 0.0;
        int road = -1;
        int part = -1;
        int kept = -1;  // duplicates: the shorter segment that counts instead; -1 otherwise
    };

    struct BuildReport {
        std::vector<LineEnd> ends;               // two per line of 2+ vertices
        std::vector<DroppedSegment> collapsed;   // ends in one node
        std::vector<DroppedSegment> duplicates;  // parallel to a shorter segment
        int merged_vertices = 0;                 // vertices that joined another's node
    };

    explicit RoadNetwork(const core::Plan& plan);
    ~RoadNetwork();
    RoadNetwork(RoadNetwork&&) noexcept;
    RoadNetwork& operator=(RoadNetwork&&) noexcept;

    std::size_t node_count() const;
    std::size_t segment_count() const;
    bool empty() const { return segment_count() == 0; }

    // The nearest point on any segment (projected onto the segment).
    Attachment attach(const core::PointM& p) const;

    // Shortest network distance from each source attachment to every node, with the source
    // index that achieves it; stops expanding past cutoff_m.
    struct NodeDistances {
        std::vector<double> distance_m;
        std::vector<int> source;
        std::vector<std::pair<int, int>> on_segment;  // (segment, source) sorted by segment
    };
    NodeDistances from_sources(const std::vector<Attachment>& sources,
                               double cutoff_m = std::numeric_limits<double>::infinity()) const;

    // Distance from the nearest source to a target attachment (access legs included), using
    // node distances from from_sources over the same sources. Sources on the target's own
    // segment are reached directly along it.
    Reach distance_to(const Attachment& target, const std::vector<Attachment>& sources,
                      const NodeDistances& nodes) const;

    // Moves source `source` to attachment `to`, updating `nodes` in place: only nodes that
    // source served are reset and re-reached from their neighbours; the rest keep their values.
    // `sources` must be the vector `nodes` was computed from; it is updated too. Returns the
    // nodes whose distance changed.
    std::vector<int> move_source(NodeDistances& nodes, std::vector<Attachment>& sources, int source,
                                 const Attachment& to) const;

    // Length of one segment, metres.
    double segment_length_m(int segment) const;
    // One segment with its nodes, geometry and source line.
    const SegmentInfo& segment(int segment) const;
    // Where a node is drawn: the first vertex (or join point) that made it.
    core::PointM node_position(int node) const;
    // Segments at a node.
    int degree(int node) const;
    // What the construction joined and dropped (DESIGN.md section 2), for the road check.
    const BuildReport& build_report() const;

    // The shortest way along the roads from one point to another: the straight access leg
    // to the nearest segment, the roads, the leg off at the far end (the measure tool).
    struct Path {
        double distance_m = std::numeric_limits<double>::infinity();  // legs included
        double road_m = std::numeric_limits<double>::infinity();      // along the roads only
        std::vector<core::PointM> points;  // from, on-road points..., to; empty when none
        bool found() const { return !points.empty(); }
    };
    Path path_between(const core::PointM& from, const core::PointM& to) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Network reach of every village (same order as plan.villages): from its anchor along the
// roads to the nearest site. Infinite when a village or every site is off the network.
std::vector<Reach> network_reach(const core::Plan& plan, const RoadNetwork& network);

}  // namespace beltplan::analysis
