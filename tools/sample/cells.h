// Village and township polygons of the sample: one Voronoi diagram of all village seats
// clipped to the outline, coordinates on a 0.01 m grid, checked for a clean tiling.
#pragma once

#include "core/geometry.h"
#include "sample/world.h"

#include <vector>

namespace beltplan::tools {

// What the tiling checks found; a clean tiling has zeros in every count of problems.
struct TilingReport {
    double outline_km2 = 0.0;
    double cells_km2 = 0.0;   // sum of village cell areas
    double union_km2 = 0.0;   // area of the union of all cells
    int invalid_cells = 0;    // cells GEOS finds invalid
    int multipart_cells = 0;  // cells with more than one part
    int empty_cells = 0;
    int t_junctions = 0;         // a vertex of one cell on another's edge but not its vertex
    int queen_pairs_shared = 0;  // pairs sharing a vertex
    int touching_pairs = 0;      // pairs whose boundaries touch (within 5 mm)
    int township_parts_max = 0;  // most parts of any township union
};

// Voronoi cells of the village seats clipped to the outline, rounded to the 0.01 m grid.
std::vector<core::MultiPolygon> make_village_cells(const std::vector<VillageState>& villages,
                                                   const core::Polygon& outline);

// Checks the tiling (validity, areas, shared vertices, adjacency) and fills the report.
TilingReport check_tiling(const std::vector<core::MultiPolygon>& cells,
                          const core::Polygon& outline);

// Township shapes: the union of each town's village cells; counts parts into the report.
std::vector<core::MultiPolygon> make_township_shapes(const std::vector<TownState>& towns,
                                                     const std::vector<VillageState>& villages,
                                                     const std::vector<core::MultiPolygon>& cells,
                                                     TilingReport& report);

}  // namespace beltplan::tools
