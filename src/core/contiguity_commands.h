// Commands on the manual contiguity edits: links between villages whose boundaries do not touch
// (a bridge over a river) and cuts between touching ones (a ridge no road crosses).
#pragma once

#include "core/command.h"

#include <cstddef>
#include <string>

namespace beltplan::core {

// Appends a manual contiguity link or cut. Refused: a village code not in the plan, or the
// same village twice.
class AddContiguityEdit : public Command {
public:
    explicit AddContiguityEdit(ContiguityEdit edit) : edit_(std::move(edit)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override;

private:
    ContiguityEdit edit_;
};

// Removes plan.contiguity_edits[index]; revert puts it back there. Refused: no such index.
class RemoveContiguityEdit : public Command {
public:
    explicit RemoveContiguityEdit(std::size_t index) : index_(index) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override;

private:
    std::size_t index_;
    ContiguityEdit removed_;
};

}  // namespace beltplan::core
