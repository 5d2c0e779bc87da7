// UndoStack: two lists of commands (done, undone), a merge rule and a saved mark.
#include "core/undo_stack.h"

#include <utility>

namespace beltplan::core {

Result<ChangeSet> UndoStack::push(Plan& plan, CommandPtr command) {
    Result<ChangeSet> applied = command->apply(plan);
    if (!applied) {
        return applied;
    }
    if (saved_ && *saved_ > done_.size()) {
        saved_.reset();  // the saved state was in the redo list, which is now dropped
    }
    undone_.clear();
    const bool top_is_saved = saved_ && *saved_ == done_.size();
    if (!sealed_ && !done_.empty() && !top_is_saved && done_.back()->merge(*command)) {
        return applied;
    }
    done_.push_back(std::move(command));
    sealed_ = false;
    return applied;
}

ChangeSet UndoStack::undo(Plan& plan) {
    if (done_.empty()) {
        return {};
    }
    CommandPtr command = std::move(done_.back());
    done_.pop_back();
    ChangeSet changes = command->revert(plan);
    undone_.push_back(std::move(command));
    sealed_ = true;
    return changes;
}

Result<ChangeSet> UndoStack::redo(Plan& plan) {
    if (undone_.empty()) {
        return ChangeSet{};
    }
    CommandPtr command = std::move(undone_.back());
    undone_.pop_back();
    Result<ChangeSet> applied = command->apply(plan);
    if (!applied) {
        undone_.clear();
        return applied;
    }
    done_.push_back(std::move(command));
    sealed_ = true;
    return applied;
}

std::string UndoStack::undo_label() const {
    return done_.empty() ? std::string() : done_.back()->label();
}

std::string UndoStack::redo_label() const {
    return undone_.empty() ? std::string() : undone_.back()->label();
}

std::vector<std::string> UndoStack::history() const {
    std::vector<std::string> labels;
    labels.reserve(done_.size());
    for (const CommandPtr& c : done_) {
        labels.push_back(c->label());
    }
    return labels;
}

void UndoStack::mark_saved() {
    saved_ = done_.size();
    sealed_ = true;
}

bool UndoStack::dirty() const {
    return !saved_ || *saved_ != done_.size();
}

void UndoStack::clear() {
    done_.clear();
    undone_.clear();
    saved_ = 0;
    sealed_ = false;
}

}  // namespace beltplan::core
