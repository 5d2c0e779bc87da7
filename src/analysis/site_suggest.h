// Site suggestions (maximal covering location): with the existing sites kept, where p new
// sites reach the most population within R, and how many new sites reach a target share.
#pragma once

#include "analysis/max_cover.h"
#include "analysis/strategy.h"
#include "core/plan.h"

#include <optional>
#include <vector>

namespace beltplan::analysis {

struct SiteSuggestOptions {
    int add = 1;                         // p new sites (ignored when target_share is set)
    std::optional<double> target_share;  // 0..1: fewest new sites reaching this share
    double radius_m = 3000.0;
    core::DistanceMode distance = core::DistanceMode::kEuclidean;
    bool by_population = true;  // false: count villages
    MaxCoverOptions solver;
    RunControl* control = nullptr;  // may be null; once asked to stop, the call throws Stopped
};

// The covering instance of a plan: items are the villages no existing site reaches, candidates
// are all village anchors. Indices map back to plan.villages.
struct SiteCoverInstance {
    MaxCoverProblem problem;
    std::vector<int> item_village;  // item -> village
    double baseline = 0;            // weight already covered by existing sites
    double total = 0;               // weight of every village
    int missing_population = 0;     // villages without population (weight 0 by population)
};

// Builds the instance: coverage sets by Euclidean distance (R-tree) or along roads (a Dijkstra
// bounded by R from each candidate).
SiteCoverInstance build_site_cover(const core::Plan& plan, const SiteSuggestOptions& options);

// Solves "add p sites" or "reach target share" and explains each new site in plain words.
Suggestion suggest_sites(const core::Plan& plan, const SiteSuggestOptions& options);

}  // namespace beltplan::analysis
