// analyse_plan: the PlanAnalysis of the CLI's presenting commands, with their flags applied.
#include "app/plan_results.h"

#include "core/messages.h"

#include <cmath>
#include <utility>

namespace beltplan::app {

core::Result<std::unique_ptr<analysis::PlanAnalysis>> analyse_plan(const core::Plan& plan,
                                                                   const std::string& plan_path,
                                                                   std::optional<double> radius_m,
                                                                   const std::string& distance) {
    analysis::AnalysisOptions settings;
    settings.radius_m = radius_m.value_or(plan.settings.reach_m);
    if (!(*settings.radius_m > 0.0) || !std::isfinite(*settings.radius_m)) {
        return core::make_error(
            core::ErrorCode::kBadValue, {plan_path, "plan_meta", -1, "reach_m"},
            core::tr("outputs.bad_radius", {std::to_string(*settings.radius_m)}));
    }
    settings.distance = distance.empty()
                            ? plan.settings.distance
                            : core::parse_distance_mode(distance).value_or(plan.settings.distance);
    settings.file = plan_path;
    auto results = std::make_unique<analysis::PlanAnalysis>(plan, settings);
    if (results->problem()) {
        return *results->problem();
    }
    return core::Result<std::unique_ptr<analysis::PlanAnalysis>>(std::move(results));
}

}  // namespace beltplan::app
