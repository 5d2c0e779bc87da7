// Roads within reach along the network (the reach layer of the network distance mode): every
// road line cut into pieces on which the distance from the nearest site, along the roads, is
// linear, with that distance at both ends. A map shows the roads within any radius R by
// keeping the part of each piece where the distance is at most R, so a new radius needs no
// new pieces.
#pragma once

#include "analysis/road_network.h"
#include "core/plan.h"

#include <vector>

namespace beltplan::analysis {

// A straight piece of road; the network distance varies linearly from a_m at `a` to b_m at
// `b` (both infinite when no site reaches it).
struct RoadPiece {
    core::PointM a;
    core::PointM b;
    double a_m = 0.0;
    double b_m = 0.0;
};

class RoadReachField {
public:
    // Attaches every vertex of the plan's roads to `network` once. The plan's roads and the
    // network must outlive this object and not change.
    RoadReachField(const core::Plan& plan, const RoadNetwork& network);

    // The pieces of every road line for sites attached at `sources` with node distances
    // `nodes` (RoadNetwork::from_sources over the same sources). Along one road segment the
    // distance is the lower envelope of the segment's ends and the sites standing on it, so
    // each vertex pair gives one piece per slope.
    std::vector<RoadPiece> pieces(const std::vector<Attachment>& sources,
                                  const RoadNetwork::NodeDistances& nodes) const;

private:
    // Consecutive vertices of a road line. When the pair lies along one network segment,
    // `segment` is it and t_a, t_b are the vertices' positions on it; else (a line end joined
    // part way, vertices merged) segment is -1 and the pair is sampled.
    struct Pair {
        core::PointM a;
        core::PointM b;
        int segment = -1;
        double t_a = 0.0;
        double t_b = 0.0;
    };
    void add_pair(const Pair& pair, const std::vector<Attachment>& sources,
                  const RoadNetwork::NodeDistances& nodes, std::vector<RoadPiece>& out) const;

    const RoadNetwork& network_;
    std::vector<Pair> pairs_;  // consecutive vertices of every road line
};

// The stretches of road within radius_m: each piece cut where its distance crosses radius_m,
// consecutive kept pieces of one line joined. Used for outputs drawn on the CPU.
std::vector<core::LineString> roads_within(const std::vector<RoadPiece>& pieces, double radius_m);

}  // namespace beltplan::analysis
