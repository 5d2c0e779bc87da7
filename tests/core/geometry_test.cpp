// Exact results of the planar helpers on shapes whose answers are known by hand.
#include "core/geometry.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace beltplan::core {
namespace {

Ring square(double x0, double y0, double size) {
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}

TEST(Geometry, area_of_square_with_hole) {
    Polygon p{square(0, 0, 10), {square(2, 2, 2)}};
    EXPECT_DOUBLE_EQ(area_m2(p), 96.0);
    EXPECT_DOUBLE_EQ(signed_area_m2(square(0, 0, 10)), 100.0);
}

TEST(Geometry, area_is_exact_in_gauss_kruger_coordinates) {
    // Coordinates in the millions, as in EPSG:4547; the shifted origin keeps it exact.
    MultiPolygon m{{Polygon{square(586627.0, 4318979.0, 1000.0), {}}}};
    EXPECT_DOUBLE_EQ(area_m2(m), 1e6);
}

TEST(Geometry, centroid_weights_exclave_by_area) {
    MultiPolygon m{{Polygon{square(0, 0, 2), {}}, Polygon{square(10, 0, 2), {}}}};
    const PointM c = centroid(m);
    EXPECT_DOUBLE_EQ(c.x, 6.0);
    EXPECT_DOUBLE_EQ(c.y, 1.0);
}

TEST(Geometry, centroid_ignores_ring_orientation) {
    Ring cw = square(0, 0, 4);
    std::reverse(cw.begin(), cw.end());
    const PointM c = centroid(MultiPolygon{{Polygon{cw, {}}}});
    EXPECT_DOUBLE_EQ(c.x, 2.0);
    EXPECT_DOUBLE_EQ(c.y, 2.0);
}

TEST(Geometry, contains_respects_holes_and_boundary) {
    MultiPolygon m{{Polygon{square(0, 0, 10), {square(4, 4, 2)}}}};
    EXPECT_TRUE(contains(m, {1, 1}));
    EXPECT_TRUE(contains(m, {0, 5}));   // on the outer boundary
    EXPECT_FALSE(contains(m, {5, 5}));  // inside the hole
    EXPECT_TRUE(contains(m, {4, 5}));   // on the hole's boundary
    EXPECT_FALSE(contains(m, {11, 5}));
}

TEST(Geometry, distances_to_segment_and_shape) {
    EXPECT_DOUBLE_EQ(distance_to_segment_m({5, 3}, {0, 0}, {10, 0}), 3.0);
    EXPECT_DOUBLE_EQ(distance_to_segment_m({13, 4}, {0, 0}, {10, 0}), 5.0);
    MultiPolygon m{{Polygon{square(0, 0, 10), {}}}};
    EXPECT_DOUBLE_EQ(distance_to_shape_m(m, {5, 5}), 0.0);
    EXPECT_DOUBLE_EQ(distance_to_shape_m(m, {13, 14}), 5.0);
}

TEST(Geometry, length_and_bounds) {
    LineString l{{{0, 0}, {3, 4}, {3, 10}}};
    EXPECT_DOUBLE_EQ(length_m(l), 11.0);
    const Box b = bounds(l);
    EXPECT_DOUBLE_EQ(b.max_y, 10.0);
    EXPECT_DOUBLE_EQ(b.width(), 3.0);
}

}  // namespace
}  // namespace beltplan::core
