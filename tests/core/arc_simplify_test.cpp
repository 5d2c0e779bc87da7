// Coverage simplification: arcs found where neighbours change, each shared boundary simplified
// once (neighbours keep identical vertices), rings never below a triangle, enclaves and
// islands, and a jittered grid like make_synthetic's staying a gap-free, valid tiling.
#include "core/arc_simplify.h"

#include "core/geos_ops.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>
#include <utility>

namespace beltplan::core {
namespace {

MultiPolygon poly(Ring outer, std::vector<Ring> holes = {}) {
    outer.push_back(outer.front());
    for (Ring& h : holes) {
        h.push_back(h.front());
    }
    return MultiPolygon{{Polygon{std::move(outer), std::move(holes)}}};
}

std::vector<const MultiPolygon*> ptrs(const std::vector<MultiPolygon>& shapes) {
    std::vector<const MultiPolygon*> out;
    for (const MultiPolygon& s : shapes) {
        out.push_back(&s);
    }
    return out;
}

// Two unit squares side by side; their common edge x = 1 wiggles through (1.02, 0.5).
std::vector<MultiPolygon> wiggly_pair() {
    return {poly({{0, 0}, {1, 0}, {1.02, 0.5}, {1, 1}, {0, 1}}),
            poly({{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1.02, 0.5}})};
}

std::set<std::pair<double, double>> vertex_set(const MultiPolygon& m) {
    std::set<std::pair<double, double>> out;
    for (const Polygon& p : m.parts) {
        for (const PointM& q : p.outer) {
            out.insert({q.x, q.y});
        }
        for (const Ring& h : p.holes) {
            for (const PointM& q : h) {
                out.insert({q.x, q.y});
            }
        }
    }
    return out;
}

TEST(ArcSimplify, two_neighbours_have_three_arcs) {
    const auto shapes = wiggly_pair();
    const ArcTopology topo(ptrs(shapes));
    EXPECT_EQ(topo.arc_count(), 3u);  // the shared edge and each outer side
    const SimplifiedCoverage s = topo.simplify(0.0);
    int shared = 0;
    for (const auto& sides : s.arc_shapes) {
        if (sides[0] != -1 && sides[1] != -1) {
            ++shared;
            EXPECT_EQ(std::set<int>({sides[0], sides[1]}), std::set<int>({0, 1}));
        }
    }
    EXPECT_EQ(shared, 1);
    EXPECT_EQ(vertex_set(s.shapes[0]), vertex_set(shapes[0]));
    EXPECT_NEAR(area_m2(s.shapes[0]), area_m2(shapes[0]), 1e-12);
    EXPECT_NEAR(area_m2(s.shapes[1]), area_m2(shapes[1]), 1e-12);
}

TEST(ArcSimplify, shared_wiggle_goes_from_both_neighbours_at_once) {
    const auto shapes = wiggly_pair();
    const ArcTopology topo(ptrs(shapes));
    const SimplifiedCoverage kept = topo.simplify(0.01);  // the wiggle is 0.02 off the line
    EXPECT_EQ(vertex_set(kept.shapes[0]).count({1.02, 0.5}), 1u);
    EXPECT_EQ(vertex_set(kept.shapes[1]).count({1.02, 0.5}), 1u);
    const SimplifiedCoverage dropped = topo.simplify(0.05);
    EXPECT_EQ(vertex_set(dropped.shapes[0]).count({1.02, 0.5}), 0u);
    EXPECT_EQ(vertex_set(dropped.shapes[1]).count({1.02, 0.5}), 0u);
    EXPECT_NEAR(area_m2(dropped.shapes[0]), 1.0, 1e-12);
    EXPECT_NEAR(area_m2(dropped.shapes[1]), 1.0, 1e-12);
}

TEST(ArcSimplify, an_enclave_and_its_hole_are_one_arc) {
    // A 4x4 square with a hole; the enclave fills the hole exactly.
    const Ring inner{{1, 1}, {3, 1}, {3.1, 2}, {3, 3}, {1, 3}};
    const std::vector<MultiPolygon> shapes{poly({{0, 0}, {4, 0}, {4, 4}, {0, 4}}, {inner}),
                                           poly(inner)};
    const ArcTopology topo(ptrs(shapes));
    EXPECT_EQ(topo.arc_count(), 2u);
    const SimplifiedCoverage s = topo.simplify(0.5);  // drops (3.1, 2) from both
    ASSERT_EQ(s.shapes[0].parts.size(), 1u);
    ASSERT_EQ(s.shapes[0].parts[0].holes.size(), 1u);
    EXPECT_EQ(vertex_set(s.shapes[1]).size(), 4u);
    std::set<std::pair<double, double>> hole;
    for (const PointM& p : s.shapes[0].parts[0].holes[0]) {
        hole.insert({p.x, p.y});
    }
    EXPECT_EQ(hole, vertex_set(s.shapes[1]));
    EXPECT_NEAR(area_m2(s.shapes[0]) + area_m2(s.shapes[1]), 16.0, 1e-12);
}

TEST(ArcSimplify, rings_stay_triangles_at_any_tolerance) {
    // An island (one closed arc) and a pair whose rings are two arcs each.
    std::vector<MultiPolygon> shapes = wiggly_pair();
    shapes.push_back(poly({{10, 10}, {11, 10}, {11.5, 10.4}, {11, 11}, {10, 11}}));
    const ArcTopology topo(ptrs(shapes));
    const SimplifiedCoverage s = topo.simplify(1e9);
    for (const MultiPolygon& m : s.shapes) {
        ASSERT_EQ(m.parts.size(), 1u);
        EXPECT_GE(m.parts[0].outer.size(), 4u);  // three corners and the closing point
        EXPECT_GT(area_m2(m), 0.0);
    }
}

TEST(ArcSimplify, degenerate_rings_are_left_out) {
    const std::vector<MultiPolygon> shapes{poly({{0, 0}, {1, 0}, {1, 0}}),
                                           poly({{0, 0}, {1, 0}, {1, 1}})};
    const ArcTopology topo(ptrs(shapes));
    const SimplifiedCoverage s = topo.simplify(0.0);
    EXPECT_TRUE(s.shapes[0].empty());
    EXPECT_EQ(s.shapes[1].parts.size(), 1u);
}

// A jittered grid of cols x rows cells sharing vertices exactly, with extra jittered vertices
// on every edge (like real boundaries), as make_synthetic builds them.
std::vector<MultiPolygon> jittered_grid(int cols, int rows, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> jitter(-0.2, 0.2);
    std::vector<PointM> corner((cols + 1) * (rows + 1));
    for (int j = 0; j <= rows; ++j) {
        for (int i = 0; i <= cols; ++i) {
            const bool edge = i == 0 || j == 0 || i == cols || j == rows;
            corner[j * (cols + 1) + i] = {i + (edge ? 0 : jitter(rng)),
                                          j + (edge ? 0 : jitter(rng))};
        }
    }
    // Edge midpoints: keyed by the two corner indices so both cells get the same points.
    std::map<std::pair<int, int>, std::vector<PointM>> middles;
    auto edge_points = [&](int a, int b) {
        const auto key = std::minmax(a, b);
        auto it = middles.find(key);
        if (it == middles.end()) {
            std::vector<PointM> pts;
            const PointM& p = corner[key.first];
            const PointM& q = corner[key.second];
            // The frame stays straight; inner edges wiggle by up to 0.01.
            const bool frame = (p.x == q.x && (p.x == 0.0 || p.x == cols)) ||
                               (p.y == q.y && (p.y == 0.0 || p.y == rows));
            const double w = frame ? 0.0 : 0.05;
            for (int k = 1; k <= 4; ++k) {
                const double t = k / 5.0;
                pts.push_back({p.x + (q.x - p.x) * t + w * jitter(rng),
                               p.y + (q.y - p.y) * t + w * jitter(rng)});
            }
            it = middles.emplace(key, pts).first;
        }
        std::vector<PointM> pts = it->second;
        if (a != key.first) {
            std::reverse(pts.begin(), pts.end());
        }
        return pts;
    };
    std::vector<MultiPolygon> out;
    for (int j = 0; j < rows; ++j) {
        for (int i = 0; i < cols; ++i) {
            const int c[4] = {j * (cols + 1) + i, j * (cols + 1) + i + 1,
                              (j + 1) * (cols + 1) + i + 1, (j + 1) * (cols + 1) + i};
            Ring ring;
            for (int k = 0; k < 4; ++k) {
                ring.push_back(corner[c[k]]);
                const std::vector<PointM> mid = edge_points(c[k], c[(k + 1) % 4]);
                ring.insert(ring.end(), mid.begin(), mid.end());
            }
            out.push_back(poly(ring));
        }
    }
    return out;
}

TEST(ArcSimplify, jittered_grid_stays_a_tiling_without_gaps) {
    const int cols = 12;
    const int rows = 9;
    const auto shapes = jittered_grid(cols, rows, 7);
    const ArcTopology topo(ptrs(shapes));
    for (double tol : {0.0, 0.02, 0.08, 0.3, 0.6}) {  // below 0.707: the frame keeps its corners
        const SimplifiedCoverage s = topo.simplify(tol);
        double total = 0.0;
        std::map<std::pair<std::pair<double, double>, std::pair<double, double>>, int> edges;
        for (const MultiPolygon& m : s.shapes) {
            ASSERT_EQ(m.parts.size(), 1u);
            total += area_m2(m);
            const Ring& r = m.parts[0].outer;
            for (std::size_t i = 0; i + 1 < r.size(); ++i) {
                ++edges[{{r[i].x, r[i].y}, {r[i + 1].x, r[i + 1].y}}];
            }
        }
        // Every directed edge is used once, and an interior edge also backwards by the
        // neighbour: a gap or an overlap would leave an edge without its twin.
        int unmatched = 0;
        for (const auto& [e, n] : edges) {
            EXPECT_EQ(n, 1);
            if (edges.count({e.second, e.first}) == 0) {
                ++unmatched;
                const bool on_frame = (e.first.first == e.second.first &&
                                       (e.first.first == 0.0 || e.first.first == cols)) ||
                                      (e.first.second == e.second.second &&
                                       (e.first.second == 0.0 || e.first.second == rows));
                EXPECT_TRUE(on_frame) << "tol " << tol << ": a gap at (" << e.first.first << ", "
                                      << e.first.second << ")";
            }
        }
        EXPECT_GT(unmatched, 0);
        EXPECT_NEAR(total, cols * rows, 1e-9) << "tol " << tol;
        if (tol <= 0.02) {
            for (const MultiPolygon& m : s.shapes) {
                EXPECT_EQ(validity_problem(m), "");
            }
        }
    }
}

TEST(ArcSimplify, larger_tolerance_keeps_fewer_vertices_and_arcs_hold_each_once) {
    const auto shapes = jittered_grid(6, 5, 3);
    const ArcTopology topo(ptrs(shapes));
    std::size_t ring_vertices = 0;
    for (const MultiPolygon& m : shapes) {
        ring_vertices += m.parts[0].outer.size() - 1;
    }
    // Interior boundaries are stored once: about half the ring vertices plus the junctions.
    EXPECT_LT(topo.vertex_count(), ring_vertices * 3 / 4);
    std::size_t previous = std::numeric_limits<std::size_t>::max();
    for (double tol : {0.0, 0.01, 0.03, 0.1, 1.0}) {
        std::size_t n = 0;
        for (const LineString& a : topo.simplify(tol).arcs) {
            n += a.points.size();
        }
        EXPECT_LE(n, previous);
        previous = n;
    }
    // At a tolerance beyond the edge wiggle only grid corners remain.
    for (const LineString& a : topo.simplify(1.0).arcs) {
        EXPECT_EQ(a.points.size(), 2u);
    }
}

TEST(ArcSimplify, simplify_line_keeps_ends_and_far_vertices) {
    const LineString line{{{0, 0}, {1, 0.01}, {2, 0}, {3, 1}, {4, 0}}};
    const LineString s = simplify_line(line, 0.1);
    ASSERT_EQ(s.points.size(), 4u);
    EXPECT_EQ(s.points.front(), (PointM{0, 0}));
    EXPECT_EQ(s.points[2], (PointM{3, 1}));
    EXPECT_EQ(s.points.back(), (PointM{4, 0}));
    EXPECT_EQ(simplify_line(line, 0.0).points.size(), 5u);
}

}  // namespace
}  // namespace beltplan::core
