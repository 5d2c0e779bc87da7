// Generated village attributes, demonstration sites and belts of the sample plan.
#pragma once

#include "core/plan.h"
#include "sample/rng.h"
#include "sample/world.h"

#include <vector>

namespace beltplan::tools {

// Fills kind, population, party members, income, weak_org and leader of each village from
// its position: communities in the city, hubs at town seats and on county roads, tidal
// villages near the city, hollow villages far from roads in the hills, basic otherwise.
void assign_attributes(std::vector<core::Village>& out, const std::vector<TownState>& towns,
                       const std::vector<VillageState>& villages,
                       const std::vector<core::Road>& roads, const core::PointM& city, Rng& rng);

// 38 demonstration sites: one district-level site at each belt village, town-level sites at
// the seats of towns without a belt village, and a few more in the city and the belt towns.
std::vector<core::Site> make_sites(const std::vector<TownState>& towns,
                                   const std::vector<VillageState>& villages,
                                   const std::vector<core::Village>& out, Rng& rng);

// One Belt per belt road, half-width 1500 m.
std::vector<core::Belt> make_belts(const std::vector<BeltRoadSpec>& belts);

}  // namespace beltplan::tools
