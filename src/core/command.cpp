// ChangeSet bookkeeping, the group command, and the lookups shared by the concrete commands.
#include "core/command.h"

#include <algorithm>
#include <utility>

namespace beltplan::core {

void add_unique(std::vector<std::string>& list, const std::string& item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) {
        list.push_back(item);
    }
}

void ChangeSet::merge(const ChangeSet& other) {
    auto add_all = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
        for (const std::string& s : from) {
            add_unique(to, s);
        }
    };
    add_all(villages, other.villages);
    add_all(sites, other.sites);
    add_all(joint_orgs, other.joint_orgs);
    add_all(belts, other.belts);
    add_all(settings, other.settings);
    add_all(layers, other.layers);
    contiguity_changed = contiguity_changed || other.contiguity_changed;
}

bool ChangeSet::empty() const {
    return villages.empty() && sites.empty() && joint_orgs.empty() && belts.empty() &&
           settings.empty() && layers.empty() && !contiguity_changed;
}

bool ChangeSet::operator==(const ChangeSet& o) const {
    return villages == o.villages && sites == o.sites && joint_orgs == o.joint_orgs &&
           belts == o.belts && settings == o.settings && layers == o.layers &&
           contiguity_changed == o.contiguity_changed;
}

bool Command::merge(const Command& /*next*/) {
    return false;
}

GroupCommand::GroupCommand(std::string label, std::vector<CommandPtr> children)
    : label_(std::move(label)), children_(std::move(children)) {}

Result<ChangeSet> GroupCommand::apply(Plan& plan) {
    ChangeSet changes;
    for (std::size_t i = 0; i < children_.size(); ++i) {
        Result<ChangeSet> applied = children_[i]->apply(plan);
        if (!applied) {
            for (std::size_t j = i; j > 0; --j) {
                children_[j - 1]->revert(plan);
            }
            return applied.error();
        }
        changes.merge(applied.value());
    }
    return changes;
}

ChangeSet GroupCommand::revert(Plan& plan) {
    ChangeSet changes;
    for (auto it = children_.rbegin(); it != children_.rend(); ++it) {
        changes.merge((*it)->revert(plan));
    }
    return changes;
}

namespace {

template <typename T>
int find_by_id(const std::vector<T>& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace

int find_site(const Plan& plan, const std::string& id) {
    return find_by_id(plan.sites, id);
}

int find_joint_org(const Plan& plan, const std::string& id) {
    return find_by_id(plan.joint_orgs, id);
}

int find_belt(const Plan& plan, const std::string& id) {
    return find_by_id(plan.belts, id);
}

bool has_village(const Plan& plan, const std::string& code) {
    return std::any_of(plan.villages.begin(), plan.villages.end(),
                       [&code](const Village& v) { return v.code == code; });
}

Error unknown_reference(const std::string& layer, const std::string& field, const std::string& what,
                        const std::string& id) {
    return make_error(ErrorCode::kUnknownReference, {"", layer, -1, field},
                      "there is no " + what + " '" + id + "' in the plan.");
}

}  // namespace beltplan::core
