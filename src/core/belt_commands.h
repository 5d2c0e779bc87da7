// Commands on demonstration belts (by id, roads by name, as in the plan file): add, remove,
// roads, half-width. The manual contiguity links and cuts are in contiguity_commands.h.
#pragma once

#include "core/command.h"

#include <string>
#include <vector>

namespace beltplan::core {

// Appends a belt. Refused: empty or taken id, a road name the plan has no road of, a
// half-width that is not a positive number of metres.
class AddBelt : public Command {
public:
    explicit AddBelt(Belt belt) : belt_(std::move(belt)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Add belt " + belt_.id; }

private:
    Belt belt_;
};

// Removes a belt; revert puts it back at the same position.
class RemoveBelt : public Command {
public:
    explicit RemoveBelt(std::string id) : id_(std::move(id)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Remove belt " + id_; }

private:
    std::string id_;
    std::size_t index_ = 0;
    Belt removed_;
};

// Replaces the road names of a belt. Refused: unknown belt or road name.
class SetBeltRoads : public Command {
public:
    SetBeltRoads(std::string id, std::vector<std::string> roads)
        : id_(std::move(id)), to_(std::move(roads)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Set roads of belt " + id_; }

private:
    std::string id_;
    std::vector<std::string> to_;
    std::vector<std::string> from_;
};

// Sets the half-width of a belt in metres. Consecutive changes of one belt merge.
class SetBeltHalfWidth : public Command {
public:
    SetBeltHalfWidth(std::string id, double half_width_m)
        : id_(std::move(id)), to_m_(half_width_m) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override;
    bool merge(const Command& next) override;

private:
    std::string id_;
    double to_m_;
    double from_m_ = 0.0;
};

}  // namespace beltplan::core
