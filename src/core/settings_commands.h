// Commands on the plan settings that coverage depends on: the reach radius and the distance
// mode. Each keeps the value it replaced.
#pragma once

#include "core/command.h"

#include <string>

namespace beltplan::core {

// Sets plan.settings.reach_m. Refused: not a positive finite number of metres. Consecutive
// changes (a dragged slider) merge into one entry.
class SetReachRadius : public Command {
public:
    explicit SetReachRadius(double reach_m) : to_m_(reach_m) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override;
    bool merge(const Command& next) override;

private:
    double to_m_;
    double from_m_ = 0.0;
};

// Sets plan.settings.distance.
class SetDistanceMode : public Command {
public:
    explicit SetDistanceMode(DistanceMode mode) : to_(mode) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override;

private:
    DistanceMode to_;
    DistanceMode from_ = DistanceMode::kEuclidean;
};

}  // namespace beltplan::core
