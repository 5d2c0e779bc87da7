// SetVillageFields: checks every value first, then sets them, keeping the village as it was.
#include "core/village_commands.h"

#include "core/messages.h"

#include <cmath>

namespace beltplan::core {

namespace {

int find_village(const Plan& plan, const std::string& code) {
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        if (plan.villages[i].code == code) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

Error bad_value(const std::string& code, const char* field, const std::string& why) {
    return make_error(ErrorCode::kBadValue, {"", "villages", -1, field},
                      tr("window.village_bad_value", {code, why}));
}

ChangeSet village_change(const std::string& code) {
    ChangeSet c;
    c.villages.push_back(code);
    c.layers.push_back("villages");
    return c;
}

// The attributes a SetVillageFields may change, copied from `from` onto `to`.
void copy_attributes(const Village& from, Village& to) {
    to.name = from.name;
    to.population = from.population;
    to.party_members = from.party_members;
    to.collective_income_wan_yuan = from.collective_income_wan_yuan;
    to.kind = from.kind;
    to.weak_org = from.weak_org;
    to.leader = from.leader;
}

}  // namespace

Result<ChangeSet> SetVillageFields::apply(Plan& plan) {
    const int i = find_village(plan, code_);
    if (i < 0) {
        return unknown_reference("villages", "code", "village", code_);
    }
    Village& v = plan.villages[static_cast<std::size_t>(i)];
    if (fields_.name && fields_.name->empty()) {
        return bad_value(code_, "name", tr("window.village_empty_name"));
    }
    const std::optional<std::int64_t> population =
        fields_.population ? *fields_.population : v.population;
    const std::optional<std::int64_t> members =
        fields_.party_members ? *fields_.party_members : v.party_members;
    if (population && *population < 0) {
        return bad_value(code_, "population", tr("window.village_negative"));
    }
    if (members && *members < 0) {
        return bad_value(code_, "party_members", tr("window.village_negative"));
    }
    if (population && members && *members > *population) {
        return bad_value(code_, "party_members", tr("window.village_more_members"));
    }
    if (fields_.collective_income_wan_yuan && *fields_.collective_income_wan_yuan &&
        !std::isfinite(**fields_.collective_income_wan_yuan)) {
        return bad_value(code_, "collective_income", tr("window.village_income_not_finite"));
    }
    copy_attributes(v, before_);
    v.name = fields_.name.value_or(v.name);
    v.population = population;
    v.party_members = members;
    if (fields_.collective_income_wan_yuan) {
        v.collective_income_wan_yuan = *fields_.collective_income_wan_yuan;
    }
    v.kind = fields_.kind.value_or(v.kind);
    if (fields_.weak_org) {
        v.weak_org = *fields_.weak_org;
    }
    if (fields_.leader) {
        v.leader = *fields_.leader;
    }
    return village_change(code_);
}

ChangeSet SetVillageFields::revert(Plan& plan) {
    const int i = find_village(plan, code_);
    if (i >= 0) {
        copy_attributes(before_, plan.villages[static_cast<std::size_t>(i)]);
    }
    return village_change(code_);
}

std::string SetVillageFields::label() const {
    return tr("window.cmd_edit_village", {code_});
}

}  // namespace beltplan::core
