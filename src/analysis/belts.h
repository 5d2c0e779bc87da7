// Demonstration belts (DESIGN.md section 2): member villages within the band of half-width W
// around the belt's roads, belt sites ordered along each road, the largest gap between
// consecutive sites (and from each road end), and the share of road length within R of a
// belt site measured along the road.
#pragma once

#include "core/plan.h"

#include <string>
#include <vector>

namespace beltplan::analysis {

// One belt site on one stretch (a line of a belt road), by its position along it.
struct BeltSite {
    int site = -1;          // index in plan.sites
    double position_m = 0;  // linear reference from the stretch's start
    double offset_m = 0;    // distance from the road
};

// One line of a belt road, measured from its first vertex.
struct BeltStretch {
    std::string road;  // road name
    int part = 0;      // index of the line within the road
    double length_m = 0;
    std::vector<BeltSite> sites;  // ordered by position
};

// The longest stretch of road without a belt site.
struct BeltGap {
    std::string road;
    int part = 0;
    double from_m = 0;  // along the stretch
    double to_m = 0;
    double length_m() const { return to_m - from_m; }
};

struct BeltResult {
    std::string belt_id;
    std::string name;
    std::vector<int> members;  // indices in plan.villages, ascending
    std::vector<BeltStretch> stretches;
    std::vector<std::string> missing_roads;  // road names the plan does not have
    BeltGap largest_gap;
    double road_length_m = 0;
    double reach_length_m = 0;  // road length within R of a belt site, along the road
    double reach_share() const { return road_length_m > 0 ? reach_length_m / road_length_m : 0; }
    int site_count() const;
};

// Analyses one belt with reach radius reach_m: belt_members, then belt_sites, then
// measure_belt.
BeltResult analyze_belt(const core::Plan& plan, const core::Belt& belt, double reach_m);

// The parts of analyze_belt, so a caller that keeps results redoes only what an edit touched.
// Members (indices in plan.villages, ascending): depend on the belt's roads and half-width.
std::vector<int> belt_members(const core::Plan& plan, const core::Belt& belt);
// A result without members: the stretches of the belt's roads with the sites within the
// half-width ordered along them, missing roads, the largest gap and the reach at reach_m.
BeltResult belt_sites(const core::Plan& plan, const core::Belt& belt, double reach_m);
// Recomputes the largest gap, road length and reach length of `result` at reach_m from its
// stretches (the radius changed, the sites did not).
void measure_belt(BeltResult& result, double reach_m);

// Every belt of the plan, with the plan's reach radius.
std::vector<BeltResult> analyze_belts(const core::Plan& plan);

}  // namespace beltplan::analysis
