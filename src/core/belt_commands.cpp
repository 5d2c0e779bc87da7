// Belt and contiguity edit commands: validation against roads and villages, then the edit.
#include "core/belt_commands.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>

namespace beltplan::core {

namespace {

constexpr const char* kBelts = "belts";

ChangeSet belt_change(const std::string& id) {
    ChangeSet c;
    c.belts.push_back(id);
    c.layers.push_back(kBelts);
    return c;
}

// An Error for the first road name the plan has no road of; nullopt when all are known.
std::optional<Error> unknown_road(const Plan& plan, const std::vector<std::string>& roads) {
    for (const std::string& name : roads) {
        const bool known = std::any_of(plan.roads.begin(), plan.roads.end(),
                                       [&name](const Road& r) { return r.name == name; });
        if (!known) {
            return unknown_reference(kBelts, "roads", "road", name);
        }
    }
    return std::nullopt;
}

Error bad_half_width() {
    return make_error(ErrorCode::kBadValue, {"", kBelts, -1, "half_width_m"},
                      "the belt half-width must be a positive number of metres.");
}

bool positive(double m) {
    return std::isfinite(m) && m > 0.0;
}

}  // namespace

// ------------------------------------------------------------------------------------------
// Belts

Result<ChangeSet> AddBelt::apply(Plan& plan) {
    if (belt_.id.empty()) {
        return make_error(ErrorCode::kBadValue, {"", kBelts, -1, "id"},
                          "the new belt has no id; give it one.");
    }
    if (find_belt(plan, belt_.id) >= 0) {
        return make_error(ErrorCode::kDuplicateCode, {"", kBelts, -1, "id"},
                          "a belt with id '" + belt_.id + "' already exists.");
    }
    if (std::optional<Error> e = unknown_road(plan, belt_.roads)) {
        return *e;
    }
    if (!positive(belt_.half_width_m)) {
        return bad_half_width();
    }
    plan.belts.push_back(belt_);
    return belt_change(belt_.id);
}

ChangeSet AddBelt::revert(Plan& plan) {
    const int i = find_belt(plan, belt_.id);
    if (i >= 0) {
        plan.belts.erase(plan.belts.begin() + i);
    }
    return belt_change(belt_.id);
}

Result<ChangeSet> RemoveBelt::apply(Plan& plan) {
    const int i = find_belt(plan, id_);
    if (i < 0) {
        return unknown_reference(kBelts, "id", "belt", id_);
    }
    index_ = static_cast<std::size_t>(i);
    removed_ = plan.belts[index_];
    plan.belts.erase(plan.belts.begin() + i);
    return belt_change(id_);
}

ChangeSet RemoveBelt::revert(Plan& plan) {
    plan.belts.insert(plan.belts.begin() + static_cast<std::ptrdiff_t>(index_), removed_);
    return belt_change(id_);
}

Result<ChangeSet> SetBeltRoads::apply(Plan& plan) {
    const int i = find_belt(plan, id_);
    if (i < 0) {
        return unknown_reference(kBelts, "id", "belt", id_);
    }
    if (std::optional<Error> e = unknown_road(plan, to_)) {
        return *e;
    }
    Belt& belt = plan.belts[static_cast<std::size_t>(i)];
    from_ = belt.roads;
    belt.roads = to_;
    return belt_change(id_);
}

ChangeSet SetBeltRoads::revert(Plan& plan) {
    plan.belts[static_cast<std::size_t>(find_belt(plan, id_))].roads = from_;
    return belt_change(id_);
}

Result<ChangeSet> SetBeltHalfWidth::apply(Plan& plan) {
    const int i = find_belt(plan, id_);
    if (i < 0) {
        return unknown_reference(kBelts, "id", "belt", id_);
    }
    if (!positive(to_m_)) {
        return bad_half_width();
    }
    Belt& belt = plan.belts[static_cast<std::size_t>(i)];
    from_m_ = belt.half_width_m;
    belt.half_width_m = to_m_;
    return belt_change(id_);
}

ChangeSet SetBeltHalfWidth::revert(Plan& plan) {
    plan.belts[static_cast<std::size_t>(find_belt(plan, id_))].half_width_m = from_m_;
    return belt_change(id_);
}

std::string SetBeltHalfWidth::label() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, " to %g m", to_m_);
    return "Set half-width of belt " + id_ + buf;
}

bool SetBeltHalfWidth::merge(const Command& next) {
    const auto* width = dynamic_cast<const SetBeltHalfWidth*>(&next);
    if (width == nullptr || width->id_ != id_) {
        return false;
    }
    to_m_ = width->to_m_;
    return true;
}

}  // namespace beltplan::core
