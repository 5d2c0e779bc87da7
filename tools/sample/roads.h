// The approximate road network of the sample: the three belt roads through the seats of the
// villages the practice documents name, county links between town seats (a spanning tree
// plus a few shortcuts) and township roads to every village seat. Roads that meet share the
// meeting vertex exactly, crossings included.
#pragma once

#include "core/plan.h"
#include "sample/rng.h"
#include "sample/world.h"

#include <vector>

namespace beltplan::tools {

std::vector<core::Road> make_roads(const std::vector<TownState>& towns,
                                   const std::vector<VillageState>& villages,
                                   const std::vector<BeltRoadSpec>& belts,
                                   const core::Polygon& outline, Rng& rng);

}  // namespace beltplan::tools
