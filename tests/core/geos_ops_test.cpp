// GEOS-backed operations: validity reasons, repair, union, Voronoi cells.
#include "core/geos_ops.h"

#include <gtest/gtest.h>

#include <set>

namespace beltplan::core {
namespace {

Ring square(double x0, double y0, double size) {
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}

TEST(GeosOps, valid_square_has_no_problem) {
    EXPECT_EQ(validity_problem(MultiPolygon{{Polygon{square(0, 0, 1), {}}}}), "");
}

TEST(GeosOps, bow_tie_is_named_and_repaired_into_two_triangles) {
    Ring bow{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}};
    MultiPolygon m{{Polygon{bow, {}}}};
    const std::string reason = validity_problem(m);
    EXPECT_NE(reason.find("Self-intersection"), std::string::npos) << reason;
    const MultiPolygon fixed = make_valid(m);
    EXPECT_EQ(validity_problem(fixed), "");
    EXPECT_EQ(fixed.parts.size(), 2u);
    EXPECT_NEAR(area_m2(fixed), 50.0, 1e-9);
}

TEST(GeosOps, too_few_points_is_named) {
    Ring bad{{0, 0}, {1, 0}, {0, 0}};
    EXPECT_NE(validity_problem(MultiPolygon{{Polygon{bad, {}}}}).find("Too few points"),
              std::string::npos);
    EXPECT_TRUE(make_valid(MultiPolygon{{Polygon{bad, {}}}}).empty());
}

TEST(GeosOps, union_of_adjacent_squares_is_one_rectangle) {
    MultiPolygon a{{Polygon{square(0, 0, 1), {}}}};
    MultiPolygon b{{Polygon{square(1, 0, 1), {}}}};
    MultiPolygon c{{Polygon{square(5, 5, 1), {}}}};
    const MultiPolygon ab = union_all({&a, &b});
    ASSERT_EQ(ab.parts.size(), 1u);
    EXPECT_DOUBLE_EQ(area_m2(ab), 2.0);
    EXPECT_EQ(union_all({&a, &b, &c}).parts.size(), 2u);  // exclave kept
}

TEST(GeosOps, voronoi_cells_tile_the_clip_in_input_order) {
    MultiPolygon clip{{Polygon{square(0, 0, 100), {}}}};
    std::vector<PointM> pts{{25, 25}, {75, 25}, {25, 75}, {75, 75}};
    const auto cells = voronoi_cells(pts, clip);
    ASSERT_EQ(cells.size(), 4u);
    double total = 0.0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        EXPECT_TRUE(contains(cells[i], pts[i]));
        EXPECT_NEAR(area_m2(cells[i]), 2500.0, 1e-6);
        total += area_m2(cells[i]);
    }
    EXPECT_NEAR(total, 10000.0, 1e-6);
}

}  // namespace
}  // namespace beltplan::core
