// The road graph of DESIGN.md section 2: road lines split at shared vertices, line ends
// within 1 m joined, points attached at the nearest point on any segment with the straight
// access leg counted. Built once from the roads; sites are attached, never built in, so
// moving a site does not rebuild the graph.
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
    // Ends of road lines within this distance are one node (DESIGN.md section 2).
    static constexpr double kJoinEndsM = 1.0;

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
