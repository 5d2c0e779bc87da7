// Generated plans for benchmarks: villages on a jittered square grid, from a fixed seed.
#pragma once

#include "core/plan.h"

#include <cstdint>

namespace beltplan::bench {

// n villages (rounded down to a square), 1 km cells with seats jittered inside their cell,
// collective incomes of 1-31 万元, townships of 100 villages, one site per `villages_per_site`
// villages at random positions.
core::Plan grid_plan(int n, int villages_per_site = 10, std::uint64_t seed = 20261123);

// A grid plan with boundaries like real ones: every cell side is one line shared by the two
// villages it separates, with `bends` interior vertices displaced across it (up to 4% of a
// cell, fixed seed), so neighbours share whole arcs; townships of 10 x 10 villages whose
// polygons follow the same lines. n rounded down to a square; sites as in grid_plan.
core::Plan wavy_grid_plan(int n, int bends = 6, int villages_per_site = 10,
                          std::uint64_t seed = 20261123);

// Adds a road along every row and column of cell boundaries of a grid_plan (crossings share
// vertices), like a dense rural road net: about 2 road segments per village.
void add_grid_roads(core::Plan& plan);

}  // namespace beltplan::bench
