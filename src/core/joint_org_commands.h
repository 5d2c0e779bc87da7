// Commands on joint organizations: create and delete, members, lead, mode and name. Each
// names its org by id and villages by code; validity (contiguity, overlaps) is analysis's job.
#pragma once

#include "core/command.h"

#include <string>

namespace beltplan::core {

// Appends a joint organization. Refused: empty or taken id, a member or lead that is not a
// village, a member listed twice.
class CreateJointOrg : public Command {
public:
    explicit CreateJointOrg(JointOrg org) : org_(std::move(org)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Create joint organization " + org_.id; }

private:
    JointOrg org_;
};

// Deletes a joint organization; revert puts it back at the same position.
class DeleteJointOrg : public Command {
public:
    explicit DeleteJointOrg(std::string id) : id_(std::move(id)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Delete joint organization " + id_; }

private:
    std::string id_;
    std::size_t index_ = 0;
    JointOrg removed_;
};

// Appends a village to the members. Refused: unknown org or village, already a member.
class AddJointOrgMember : public Command {
public:
    AddJointOrgMember(std::string id, std::string code)
        : id_(std::move(id)), code_(std::move(code)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Add " + code_ + " to " + id_; }

private:
    std::string id_;
    std::string code_;
};

// Removes a village from the members (the lead is left as it is). Refused: not a member.
class RemoveJointOrgMember : public Command {
public:
    RemoveJointOrgMember(std::string id, std::string code)
        : id_(std::move(id)), code_(std::move(code)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Remove " + code_ + " from " + id_; }

private:
    std::string id_;
    std::string code_;
    std::size_t index_ = 0;
};

// Sets the lead village ("" clears it). Refused: unknown org, a code that is not a village.
class SetJointOrgLead : public Command {
public:
    SetJointOrgLead(std::string id, std::string code) : id_(std::move(id)), to_(std::move(code)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Set lead of " + id_ + " to " + to_; }

private:
    std::string id_;
    std::string to_;
    std::string from_;
};

// Sets the mode. Refused: unknown org.
class SetJointOrgMode : public Command {
public:
    SetJointOrgMode(std::string id, JointOrgMode mode) : id_(std::move(id)), to_(mode) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override;

private:
    std::string id_;
    JointOrgMode to_;
    JointOrgMode from_ = JointOrgMode::kStrongWeak;
};

// Sets the name. Refused: unknown org.
class SetJointOrgName : public Command {
public:
    SetJointOrgName(std::string id, std::string name) : id_(std::move(id)), to_(std::move(name)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Rename " + id_ + " to " + to_; }

private:
    std::string id_;
    std::string to_;
    std::string from_;
};

}  // namespace beltplan::core
