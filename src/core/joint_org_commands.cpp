// Joint organization commands: validation against the plan's villages and orgs, then the edit.
#include "core/joint_org_commands.h"

#include <algorithm>
#include <utility>

namespace beltplan::core {

namespace {

constexpr const char* kLayer = "joint_orgs";

// The org and its members as touched villages.
ChangeSet org_change(const JointOrg& org) {
    ChangeSet c;
    c.joint_orgs.push_back(org.id);
    for (const std::string& code : org.members) {
        add_unique(c.villages, code);
    }
    c.layers.push_back(kLayer);
    return c;
}

ChangeSet org_change(const std::string& id, const std::string& village) {
    ChangeSet c;
    c.joint_orgs.push_back(id);
    if (!village.empty()) {
        c.villages.push_back(village);
    }
    c.layers.push_back(kLayer);
    return c;
}

// The org with this id, or an Error naming it.
Result<JointOrg*> org_of(Plan& plan, const std::string& id) {
    const int i = find_joint_org(plan, id);
    if (i < 0) {
        return unknown_reference(kLayer, "id", "joint organization", id);
    }
    return &plan.joint_orgs[static_cast<std::size_t>(i)];
}

// The org with this id; the caller's apply succeeded, so it exists.
JointOrg& existing(Plan& plan, const std::string& id) {
    return plan.joint_orgs[static_cast<std::size_t>(find_joint_org(plan, id))];
}

}  // namespace

Result<ChangeSet> CreateJointOrg::apply(Plan& plan) {
    if (org_.id.empty()) {
        return make_error(ErrorCode::kBadValue, {"", kLayer, -1, "id"},
                          "the new joint organization has no id; give it one.");
    }
    if (find_joint_org(plan, org_.id) >= 0) {
        return make_error(ErrorCode::kDuplicateCode, {"", kLayer, -1, "id"},
                          "a joint organization with id '" + org_.id + "' already exists.");
    }
    for (std::size_t i = 0; i < org_.members.size(); ++i) {
        const std::string& code = org_.members[i];
        if (!has_village(plan, code)) {
            return unknown_reference(kLayer, "members", "village", code);
        }
        if (std::find(org_.members.begin(), org_.members.begin() + static_cast<std::ptrdiff_t>(i),
                      code) != org_.members.begin() + static_cast<std::ptrdiff_t>(i)) {
            return make_error(
                ErrorCode::kBadValue, {"", kLayer, -1, "members"},
                "village '" + code + "' is listed twice in joint organization '" + org_.id + "'.");
        }
    }
    if (!org_.lead.empty() && !has_village(plan, org_.lead)) {
        return unknown_reference(kLayer, "lead", "village", org_.lead);
    }
    plan.joint_orgs.push_back(org_);
    return org_change(org_);
}

ChangeSet CreateJointOrg::revert(Plan& plan) {
    const int i = find_joint_org(plan, org_.id);
    if (i >= 0) {
        plan.joint_orgs.erase(plan.joint_orgs.begin() + i);
    }
    return org_change(org_);
}

Result<ChangeSet> DeleteJointOrg::apply(Plan& plan) {
    const int i = find_joint_org(plan, id_);
    if (i < 0) {
        return unknown_reference(kLayer, "id", "joint organization", id_);
    }
    index_ = static_cast<std::size_t>(i);
    removed_ = plan.joint_orgs[index_];
    plan.joint_orgs.erase(plan.joint_orgs.begin() + i);
    return org_change(removed_);
}

ChangeSet DeleteJointOrg::revert(Plan& plan) {
    plan.joint_orgs.insert(plan.joint_orgs.begin() + static_cast<std::ptrdiff_t>(index_), removed_);
    return org_change(removed_);
}

Result<ChangeSet> AddJointOrgMember::apply(Plan& plan) {
    Result<JointOrg*> org = org_of(plan, id_);
    if (!org) {
        return org.error();
    }
    if (!has_village(plan, code_)) {
        return unknown_reference(kLayer, "members", "village", code_);
    }
    std::vector<std::string>& members = org.value()->members;
    if (std::find(members.begin(), members.end(), code_) != members.end()) {
        return make_error(
            ErrorCode::kBadValue, {"", kLayer, -1, "members"},
            "village '" + code_ + "' is already a member of joint organization '" + id_ + "'.");
    }
    members.push_back(code_);
    return org_change(id_, code_);
}

ChangeSet AddJointOrgMember::revert(Plan& plan) {
    std::vector<std::string>& members = existing(plan, id_).members;
    members.erase(std::find(members.begin(), members.end(), code_));
    return org_change(id_, code_);
}

Result<ChangeSet> RemoveJointOrgMember::apply(Plan& plan) {
    Result<JointOrg*> org = org_of(plan, id_);
    if (!org) {
        return org.error();
    }
    std::vector<std::string>& members = org.value()->members;
    auto it = std::find(members.begin(), members.end(), code_);
    if (it == members.end()) {
        return make_error(
            ErrorCode::kUnknownReference, {"", kLayer, -1, "members"},
            "village '" + code_ + "' is not a member of joint organization '" + id_ + "'.");
    }
    index_ = static_cast<std::size_t>(it - members.begin());
    members.erase(it);
    return org_change(id_, code_);
}

ChangeSet RemoveJointOrgMember::revert(Plan& plan) {
    std::vector<std::string>& members = existing(plan, id_).members;
    members.insert(members.begin() + static_cast<std::ptrdiff_t>(index_), code_);
    return org_change(id_, code_);
}

Result<ChangeSet> SetJointOrgLead::apply(Plan& plan) {
    Result<JointOrg*> org = org_of(plan, id_);
    if (!org) {
        return org.error();
    }
    if (!to_.empty() && !has_village(plan, to_)) {
        return unknown_reference(kLayer, "lead", "village", to_);
    }
    from_ = org.value()->lead;
    org.value()->lead = to_;
    ChangeSet c = org_change(id_, from_);
    if (!to_.empty()) {
        add_unique(c.villages, to_);
    }
    return c;
}

ChangeSet SetJointOrgLead::revert(Plan& plan) {
    existing(plan, id_).lead = from_;
    ChangeSet c = org_change(id_, from_);
    if (!to_.empty()) {
        add_unique(c.villages, to_);
    }
    return c;
}

Result<ChangeSet> SetJointOrgMode::apply(Plan& plan) {
    Result<JointOrg*> org = org_of(plan, id_);
    if (!org) {
        return org.error();
    }
    from_ = org.value()->mode;
    org.value()->mode = to_;
    return org_change(*org.value());
}

ChangeSet SetJointOrgMode::revert(Plan& plan) {
    JointOrg& org = existing(plan, id_);
    org.mode = from_;
    return org_change(org);
}

std::string SetJointOrgMode::label() const {
    return "Set mode of " + id_ + " to " + to_code(to_);
}

Result<ChangeSet> SetJointOrgName::apply(Plan& plan) {
    Result<JointOrg*> org = org_of(plan, id_);
    if (!org) {
        return org.error();
    }
    from_ = org.value()->name;
    org.value()->name = to_;
    return org_change(id_, "");
}

ChangeSet SetJointOrgName::revert(Plan& plan) {
    existing(plan, id_).name = from_;
    return org_change(id_, "");
}

}  // namespace beltplan::core
