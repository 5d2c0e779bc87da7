// Belt gap suggestions: the fewest new sites along each belt road so that no stretch of road
// between consecutive belt sites (or from a road end) is longer than G metres.
#pragma once

#include "analysis/strategy.h"
#include "core/plan.h"

#include <string>
#include <vector>

namespace beltplan::analysis {

struct BeltGapOptions {
    double max_gap_m = 5000.0;
    std::string belt_id;            // "" = every belt
    RunControl* control = nullptr;  // may be null; once asked to stop, the call throws Stopped
};

// The fewest new sites so that no gap exceeds `gap`, on one line from 0 to `length`, given
// the sorted positions of the existing sites: a gap g needs ceil(g / G) - 1 sites, spaced
// evenly, and gaps are independent, so the count is the minimum. Positions in metres.
std::vector<double> fill_gaps(const std::vector<double>& sites, double length_m, double max_gap_m);

// New sites on every stretch of the chosen belts, each with the point on the road, the
// village it stands in (else the nearest village) and the gap it splits.
core::Result<Suggestion> suggest_belt_gaps(const core::Plan& plan, const BeltGapOptions& options);

}  // namespace beltplan::analysis
