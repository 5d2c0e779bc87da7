// Township layout and village seats of the sample: an invented but plausible arrangement of
// the 24 towns (streets clustered at the city seat, belt towns strung along their roads),
// regions with target areas from a raster weighted Voronoi, then one seat per village.
#pragma once

#include "core/geometry.h"
#include "io/crs.h"
#include "sample/rng.h"
#include "sample/world.h"

#include <vector>

namespace beltplan::tools {

// Sets each town's site and target area, then assigns every raster cell inside the outline
// to a town so that areas match the targets and every town is one 4-connected region.
TownRaster layout_towns(std::vector<TownState>& towns, const core::Polygon& outline,
                        const io::CoordinateTransform& to_m, const core::PointM& city, Rng& rng);

// Places every village seat inside its town's region: belt villages spread along the line
// through their road's towns, the town seat village at the town site, the rest by
// best-candidate sampling. Sets TownState::seat and seat_village.
void place_villages(std::vector<TownState>& towns, std::vector<VillageState>& villages,
                    const std::vector<BeltRoadSpec>& belts, const TownRaster& raster, Rng& rng);

// Moves the seats of villages outside the largest part of their township's shape into that
// part (best-candidate sampling); returns how many moved. Town seats follow their village.
int pull_in_exclaves(std::vector<TownState>& towns, std::vector<VillageState>& villages,
                     const std::vector<core::MultiPolygon>& town_shapes, const TownRaster& raster,
                     Rng& rng);

// Distance from p to a polyline and the position of its nearest point along it, metres.
struct LinearRef {
    double distance_m = 0.0;
    double along_m = 0.0;
};
LinearRef locate(const std::vector<core::PointM>& line, const core::PointM& p);

}  // namespace beltplan::tools
