// Commands on the attributes of villages (the values a planner corrects in the village table):
// name, population, party members, collective income, kind and the two flags. Each names its
// village by code and keeps the values it replaced; a value can also be set to missing.
#pragma once

#include "core/command.h"

#include <cstdint>
#include <optional>
#include <string>

namespace beltplan::core {

// The editable attributes of a village; unset members are left as they are. For the optional
// values, an engaged member holding nullopt sets the value to missing.
struct VillageFields {
    std::optional<std::string> name;
    std::optional<std::optional<std::int64_t>> population;
    std::optional<std::optional<std::int64_t>> party_members;
    std::optional<std::optional<double>> collective_income_wan_yuan;
    std::optional<VillageKind> kind;  // kUnknown = missing
    std::optional<std::optional<bool>> weak_org;
    std::optional<std::optional<bool>> leader;
};

// Sets attributes of one village. Refused, with the plan untouched: unknown code, an empty
// name, a negative population or party member count, more party members than people, a
// non-finite income.
class SetVillageFields : public Command {
public:
    SetVillageFields(std::string code, VillageFields fields)
        : code_(std::move(code)), fields_(std::move(fields)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override;

private:
    std::string code_;
    VillageFields fields_;
    Village before_;  // attributes only; the shape is never touched
};

}  // namespace beltplan::core
