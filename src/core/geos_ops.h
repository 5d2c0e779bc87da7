// Robust geometry operations backed by GEOS (reentrant C API, one context per thread):
// validity with a reason, repair, union and buffer. Used by io (repair) and tools.
#pragma once

#include "core/geometry.h"

#include <string>
#include <vector>

namespace beltplan::core {

// "" when the shape is valid, else GEOS's reason ("Self-intersection[x y]", "Too few points").
std::string validity_problem(const MultiPolygon& shape);
// Repairs the shape with GEOSMakeValid and keeps its polygonal part (may become empty).
MultiPolygon make_valid(const MultiPolygon& shape);
// Union of all shapes (dissolve); empty for no input.
MultiPolygon union_all(const std::vector<const MultiPolygon*>& shapes);
// Intersection of two shapes, polygonal part.
MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b);
// Snaps every coordinate to a grid of `grid_m` metres, keeping the result valid.
MultiPolygon snap_to_grid(const MultiPolygon& shape, double grid_m);
// Triangles covering the shape (holes respected) as consecutive vertex triples: a fan for
// convex rings without holes, else GEOS's constrained Delaunay triangulation. Empty when GEOS
// cannot triangulate the shape.
std::vector<PointM> triangulate(const MultiPolygon& shape);
// Voronoi cells of the points, each clipped to `clip`; cell i belongs to points[i].
std::vector<MultiPolygon> voronoi_cells(const std::vector<PointM>& points,
                                        const MultiPolygon& clip);

}  // namespace beltplan::core
