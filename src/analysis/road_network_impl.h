// Private state of RoadNetwork shared by its construction (road_network_build.cpp) and its
// queries (road_network.cpp). Not part of the analysis interface.
#pragma once

#include "analysis/road_network.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <vector>

namespace beltplan::analysis {

namespace road_graph {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BSegment = bg::model::segment<BPoint>;
using SegmentEntry = std::pair<BSegment, int>;
using SegmentTree = bgi::rtree<SegmentEntry, bgi::rstar<16>>;

struct Arc {
    int to = 0;
    double length_m = 0.0;
};

// The nearest point of segment ab to p: orthogonal projection clamped to the segment.
inline double project(const core::PointM& p, const core::PointM& a, const core::PointM& b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (len2 == 0.0) {
        return 0.0;
    }
    const double t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
    return t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
}

inline core::PointM lerp(const core::PointM& a, const core::PointM& b, double t) {
    return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

}  // namespace road_graph

struct RoadNetwork::Impl {
    std::vector<core::PointM> nodes;
    std::vector<SegmentInfo> segments;
    std::vector<std::vector<road_graph::Arc>> arcs;
    road_graph::SegmentTree tree;
    BuildReport report;

    // Builds everything above from the plan's road lines (road_network_build.cpp).
    void build(const core::Plan& plan);
};

}  // namespace beltplan::analysis
