// The undo/redo history of one open plan (STYLE.md section 5): push applies and records a
// command, consecutive edits of one field merge, and a saved mark tells unsaved changes.
#pragma once

#include "core/command.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::core {

// One stack per open plan; the plan is passed to each call and never stored.
class UndoStack {
public:
    // Applies `command` to `plan`. On success it is recorded, merged into the previous entry
    // when that accepts it (Command::merge, not across seal() or the saved mark), and the redo
    // list is cleared. On an Error nothing changes.
    Result<ChangeSet> push(Plan& plan, CommandPtr command);
    // Reverts the newest entry; an empty ChangeSet when there is none.
    ChangeSet undo(Plan& plan);
    // Applies the newest undone entry again; an empty ChangeSet when there is none. An Error
    // (the plan was changed outside the stack) drops the redo list.
    Result<ChangeSet> redo(Plan& plan);

    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    std::size_t undo_count() const { return done_.size(); }
    std::size_t redo_count() const { return undone_.size(); }
    // Labels of the entries that undo and redo would handle next; "" when none.
    std::string undo_label() const;
    std::string redo_label() const;
    // Labels of all undoable entries, oldest first (the history list).
    std::vector<std::string> history() const;

    // Ends the current run of merges: the next push starts a new entry (a drag ended).
    void seal() { sealed_ = true; }
    // The plan as it is now has been saved.
    void mark_saved();
    // True when the plan differs from the last saved state (or was never marked and has edits).
    bool dirty() const;
    // Forgets all history; the current state counts as saved.
    void clear();

private:
    std::vector<CommandPtr> done_;
    std::vector<CommandPtr> undone_;        // newest undone last
    std::optional<std::size_t> saved_ = 0;  // done_.size() at the save; nullopt: unreachable
    bool sealed_ = false;
};

}  // namespace beltplan::core
