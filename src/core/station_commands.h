// Commands on work stations (工作站): a township's stations are replaced as a whole, the way a
// station suggestion splits the township.
#pragma once

#include "core/command.h"

#include <string>
#include <vector>

namespace beltplan::core {

// Replaces the work stations of township `town_code` with `stations` (each of that township).
// Refused: an unknown township, a station of another township, an empty or repeated id (also
// against other townships' stations), an unknown member or seat village.
class ReplaceWorkStations : public Command {
public:
    ReplaceWorkStations(std::string town_code, std::vector<WorkStation> stations)
        : town_code_(std::move(town_code)), stations_(std::move(stations)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Work stations of " + town_code_; }

private:
    std::string town_code_;
    std::vector<WorkStation> stations_;
    std::vector<WorkStation> replaced_;     // the township's stations before, in order
    std::vector<std::size_t> replaced_at_;  // their indices in plan.work_stations
};

}  // namespace beltplan::core
