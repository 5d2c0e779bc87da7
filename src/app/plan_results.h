// The analysis results that `report` and `render` present (maps, atlas, tables), computed in
// one place from a plan and the command's radius and distance mode. The analysis state of
// issue 10 (one PlanAnalysis object) replaces the body of analyse_plan() and nothing else.
#pragma once

#include "analysis/belts.h"
#include "analysis/coverage.h"
#include "analysis/joint_orgs.h"
#include "analysis/road_network.h"
#include "core/plan.h"
#include "core/result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::app {

struct PlanResults {
    double radius_m = 0.0;
    core::DistanceMode distance = core::DistanceMode::kEuclidean;
    std::unique_ptr<analysis::RoadNetwork> network;  // network mode only
    std::vector<analysis::Reach> reach;              // per village
    analysis::CoverageReport coverage;
    std::vector<analysis::BeltResult> belts;    // plan.belts order, at radius_m
    std::vector<analysis::JointOrgCheck> orgs;  // only when asked for (tables)
};

// Reach, coverage and belts of `plan` with `radius_m` (unset: the plan's) and `distance`
// ("": the plan's; euclidean | network); the joint-organization checks when `with_orgs`.
// Errors name plan_path: a radius that is not a positive number, network distance without
// roads.
core::Result<PlanResults> analyse_plan(const core::Plan& plan, const std::string& plan_path,
                                       std::optional<double> radius_m, const std::string& distance,
                                       bool with_orgs = false);

}  // namespace beltplan::app
