// Coverage (DESIGN.md section 2): each village's reach distance to the nearest site, and the
// covered shares by count and population, overall, per township and per village kind.
#pragma once

#include "core/plan.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace beltplan::analysis {

// Reach of one village: distance from its anchor to the nearest site, and that site.
struct Reach {
    double distance_m = std::numeric_limits<double>::infinity();  // infinite when no site
    int site = -1;                                                // index in plan.sites
};

// Euclidean reach of every village (same order as plan.villages), from its anchor.
std::vector<Reach> euclidean_reach(const core::Plan& plan);

// Counts for one group of villages (everything, a township or a kind).
struct CoverageCount {
    std::string key;   // township code or kind code ("" for the total)
    std::string name;  // township name or kind user term
    std::int64_t villages = 0;
    std::int64_t covered = 0;
    std::int64_t population = 0;          // sum over villages with a known population
    std::int64_t covered_population = 0;  // same, covered ones
    std::int64_t missing_population = 0;  // villages whose population is unknown
};

struct UncoveredVillage {
    std::string code;
    std::string name;
    std::string town_code;
    double distance_m = 0.0;  // infinite when the plan has no site
};

struct CoverageReport {
    double radius_m = 0.0;
    core::DistanceMode distance = core::DistanceMode::kEuclidean;
    std::int64_t sites = 0;
    CoverageCount total;
    std::vector<CoverageCount> by_township;   // in plan.townships order, then unknown codes
    std::vector<CoverageCount> by_kind;       // hub, tidal, basic, hollow, unknown; only if present
    std::vector<UncoveredVillage> uncovered;  // farthest first
};

// Sums reach into the report: a village is covered when its reach distance <= radius_m.
// Precondition: reach.size() == plan.villages.size().
CoverageReport summarize_coverage(const core::Plan& plan, const std::vector<Reach>& reach,
                                  double radius_m, core::DistanceMode distance);

// Share helpers: covered / all, 0 for an empty group.
double village_share(const CoverageCount& c);
double population_share(const CoverageCount& c);

}  // namespace beltplan::analysis
