// Every edit of a plan is a Command (STYLE.md section 5): it stores ids and before/after
// values, never pointers, validates its input, and reverts exactly; a ChangeSet says what moved.
#pragma once

#include "core/plan.h"
#include "core/result.h"

#include <memory>
#include <string>
#include <vector>

namespace beltplan::core {

// What one edit touched; drives incremental analysis and the render update. Lists keep
// first-seen order without repeats.
struct ChangeSet {
    std::vector<std::string> villages;    // village codes whose org, edit or site link changed
    std::vector<std::string> sites;       // site ids added, moved, removed or changed
    std::vector<std::string> joint_orgs;  // joint org ids
    std::vector<std::string> belts;       // belt ids
    std::vector<std::string> settings;    // "reach_m", "distance"
    std::vector<std::string> layers;      // plan file layers touched ("sites", "plan_meta", ...)
    bool contiguity_changed = false;      // plan.contiguity_edits changed

    // Adds everything of `other`.
    void merge(const ChangeSet& other);
    bool empty() const;
    bool operator==(const ChangeSet& o) const;
};

// Adds `item` to `list` unless it is already there.
void add_unique(std::vector<std::string>& list, const std::string& item);

// One reversible edit.
class Command {
public:
    virtual ~Command() = default;
    // Checks the input against the plan and applies it. On an Error the plan is untouched.
    virtual Result<ChangeSet> apply(Plan& plan) = 0;
    // Undoes the last apply. Precondition: the plan is exactly as apply left it.
    virtual ChangeSet revert(Plan& plan) = 0;
    // Short text for the history list ("Move site S1").
    virtual std::string label() const = 0;
    // Absorbs `next`, an edit of the same field applied right after this one, so that one
    // revert undoes both; false (the default) when it cannot.
    virtual bool merge(const Command& next);
};

using CommandPtr = std::unique_ptr<Command>;

// Several commands as one entry (e.g. accepting several suggested groups at once): applies
// children in order, reverts them last-to-first. When a child fails, the ones already applied
// are reverted and the child's Error is returned, so the plan is untouched.
class GroupCommand : public Command {
public:
    GroupCommand(std::string label, std::vector<CommandPtr> children);
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return label_; }
    std::size_t size() const { return children_.size(); }

private:
    std::string label_;
    std::vector<CommandPtr> children_;
};

// ------------------------------------------------------------------------------------------
// Shared by the command files: lookups by id and code, and the errors commands return.

// Position of the site / joint org / belt with this id, or -1.
int find_site(const Plan& plan, const std::string& id);
int find_joint_org(const Plan& plan, const std::string& id);
int find_belt(const Plan& plan, const std::string& id);
bool has_village(const Plan& plan, const std::string& code);

// "there is no <what> '<id>'" as a kUnknownReference Error on `layer`, field `field`.
Error unknown_reference(const std::string& layer, const std::string& field, const std::string& what,
                        const std::string& id);

}  // namespace beltplan::core
