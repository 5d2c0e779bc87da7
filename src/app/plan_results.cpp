// analyse_plan: the one place the CLI's presenting commands compute what they show.
#include "app/plan_results.h"

#include "core/messages.h"

#include <cmath>

namespace beltplan::app {

core::Result<PlanResults> analyse_plan(const core::Plan& plan, const std::string& plan_path,
                                       std::optional<double> radius_m, const std::string& distance,
                                       bool with_orgs) {
    PlanResults r;
    r.radius_m = radius_m.value_or(plan.settings.reach_m);
    if (!(r.radius_m > 0.0) || !std::isfinite(r.radius_m)) {
        return core::make_error(core::ErrorCode::kBadValue, {plan_path, "plan_meta", -1, "reach_m"},
                                core::tr("outputs.bad_radius", {std::to_string(r.radius_m)}));
    }
    r.distance = distance.empty()
                     ? plan.settings.distance
                     : core::parse_distance_mode(distance).value_or(plan.settings.distance);
    if (r.distance == core::DistanceMode::kNetwork) {
        r.network = std::make_unique<analysis::RoadNetwork>(plan);
        if (r.network->empty()) {
            return core::make_error(core::ErrorCode::kBadPlan, {plan_path, "roads", -1, ""},
                                    core::tr("outputs.no_roads"));
        }
        r.reach = analysis::network_reach(plan, *r.network);
    } else {
        r.reach = analysis::euclidean_reach(plan);
    }
    r.coverage = analysis::summarize_coverage(plan, r.reach, r.radius_m, r.distance);
    for (const core::Belt& belt : plan.belts) {
        r.belts.push_back(analysis::analyze_belt(plan, belt, r.radius_m));
    }
    if (with_orgs) {
        r.orgs = analysis::validate_all(plan);
    }
    return r;
}

}  // namespace beltplan::app
