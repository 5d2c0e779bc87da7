// The analysis that `report` and `render` present (maps, atlas, tables): the plan's one
// analysis::PlanAnalysis, measured with the command's radius and distance mode. Nothing here
// computes a result; every figure shown is read from the PlanAnalysis.
#pragma once

#include "analysis/plan_analysis.h"
#include "core/plan.h"
#include "core/result.h"

#include <memory>
#include <optional>
#include <string>

namespace beltplan::app {

// The analysis of `plan` with `radius_m` (unset: the plan's) and `distance` ("": the plan's;
// euclidean | network). The plan must outlive it. Errors name plan_path: a radius that is not
// a positive number, distance along roads on a plan without road lines.
core::Result<std::unique_ptr<analysis::PlanAnalysis>> analyse_plan(const core::Plan& plan,
                                                                   const std::string& plan_path,
                                                                   std::optional<double> radius_m,
                                                                   const std::string& distance);

}  // namespace beltplan::app
