// Settings commands: validation first, then the setting, keeping the value it replaced.
#include "core/settings_commands.h"

#include "core/messages.h"

#include <cmath>
#include <cstdio>

namespace beltplan::core {

namespace {

ChangeSet setting_change(const char* setting) {
    ChangeSet c;
    c.settings.push_back(setting);
    c.layers.push_back("plan_meta");
    return c;
}

}  // namespace

Result<ChangeSet> SetReachRadius::apply(Plan& plan) {
    if (!std::isfinite(to_m_) || to_m_ <= 0.0) {
        return make_error(ErrorCode::kBadValue, {"", "plan_meta", -1, "reach_m"},
                          tr("commands.bad_radius"));
    }
    from_m_ = plan.settings.reach_m;
    plan.settings.reach_m = to_m_;
    return setting_change("reach_m");
}

ChangeSet SetReachRadius::revert(Plan& plan) {
    plan.settings.reach_m = from_m_;
    return setting_change("reach_m");
}

std::string SetReachRadius::label() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "Set reach radius to %g m", to_m_);
    return buf;
}

bool SetReachRadius::merge(const Command& next) {
    const auto* radius = dynamic_cast<const SetReachRadius*>(&next);
    if (radius == nullptr) {
        return false;
    }
    to_m_ = radius->to_m_;
    return true;
}

Result<ChangeSet> SetDistanceMode::apply(Plan& plan) {
    from_ = plan.settings.distance;
    plan.settings.distance = to_;
    return setting_change("distance");
}

ChangeSet SetDistanceMode::revert(Plan& plan) {
    plan.settings.distance = from_;
    return setting_change("distance");
}

std::string SetDistanceMode::label() const {
    return std::string("Set distance to ") + to_code(to_);
}

}  // namespace beltplan::core
