// Simplification of a polygon coverage (villages, townships) that keeps shared boundaries
// shared: the rings are split into arcs at the vertices where neighbours change (TopoJSON's
// model), each arc is simplified once (Douglas-Peucker, ends fixed) and the rings are rebuilt
// from the simplified arcs, so two neighbours never get two different versions of their
// common boundary and no gap or overlap opens between them.
#pragma once

#include "core/geometry.h"

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace beltplan::core {

// A coverage simplified at one tolerance.
struct SimplifiedCoverage {
    std::vector<MultiPolygon> shapes;  // one per input shape, same order; empty if it was empty
    std::vector<LineString> arcs;      // every boundary once (draw outlines from these)
    std::vector<std::array<int, 2>> arc_shapes;  // the shapes on the two sides of each arc
                                                 // (input indices; -1 = none, the outer edge)
};

// The arcs of a coverage, built once; simplify() then costs one pass over the vertices for
// any tolerance (every vertex carries the tolerance at which Douglas-Peucker drops it).
// Boundaries are shared when the neighbours use identical vertices (as GIS coverages and
// beltplan's plans do); a boundary drawn with different vertices by two neighbours is two arcs.
class ArcTopology {
public:
    ArcTopology() = default;
    // Builds the arcs of `shapes` (borrowed for the call). Rings with fewer than three distinct
    // corners are left out (a part whose outer ring is left out goes with its holes).
    explicit ArcTopology(const std::vector<const MultiPolygon*>& shapes);

    std::size_t shape_count() const { return shape_count_; }
    std::size_t arc_count() const { return arcs_.size(); }
    // Number of arc vertices (shared boundaries counted once).
    std::size_t vertex_count() const { return arc_vertices_.size(); }

    // Every arc simplified once at tolerance_m (a vertex nearer than that to the simplified
    // line is dropped) and the shapes rebuilt from them. Every ring keeps at least three
    // corners (a tiny village stays a triangle, not nothing). Simplified rings may touch or
    // cross by up to the tolerance; at tolerance 0 only collinear vertices are dropped.
    SimplifiedCoverage simplify(double tolerance_m) const;

private:
    struct Arc {
        std::uint32_t first = 0;  // into arc_vertices_
        std::uint32_t count = 0;  // vertices, both ends included (closed: front == back)
        std::array<int, 2> sides = {-1, -1};
    };
    struct RingRefs {
        std::uint32_t shape = 0;
        std::uint32_t first_ref = 0;
        std::uint32_t ref_count = 0;
        bool hole = false;
    };

    void add_ring_arcs(const std::vector<std::uint32_t>& ring, std::uint32_t shape);
    std::uint32_t find_or_add_arc(std::vector<std::uint32_t>& seq, bool& reversed);
    void compute_thresholds(const Arc& arc);
    void keep_three_corners(std::vector<std::uint8_t>& kept) const;

    std::vector<PointM> points_;
    std::vector<bool> junction_;
    std::vector<std::uint32_t> arc_vertices_;  // point ids of every arc, arc after arc
    std::vector<double> thresholds_;           // parallel to arc_vertices_
    std::vector<Arc> arcs_;
    std::vector<std::uint32_t> refs_;  // arc index * 2 + reversed, ring after ring
    std::vector<RingRefs> rings_;      // input order: per shape, per part, outer then holes
    std::unordered_multimap<std::uint64_t, std::uint32_t> arc_index_;  // hash -> arc, building
    std::size_t shape_count_ = 0;
};

// Douglas-Peucker simplification of one line with its ends kept (roads, belt lines).
LineString simplify_line(const LineString& line, double tolerance_m);

}  // namespace beltplan::core
