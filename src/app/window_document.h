// The plan open in the window as a document: its file, the plan, its undo history, whether it
// came from the autosave, and the saving (Ctrl+S over the plan, every minute to the autosave).
#pragma once

#include "core/command.h"
#include "core/plan.h"
#include "core/result.h"
#include "core/undo_stack.h"

#include <chrono>
#include <cstddef>
#include <string>

namespace beltplan::app {

class PlanDocument {
public:
    // Reads the plan at `path`, or a newer autosave of it (then marked restored: unsaved).
    core::Status open(const std::string& path);

    const std::string& path() const { return path_; }
    core::Plan& plan() { return plan_; }
    const core::Plan& plan() const { return plan_; }
    core::UndoStack& history() { return history_; }
    const core::UndoStack& history() const { return history_; }
    bool restored() const { return restored_; }
    // Unsaved changes: edits since the last save, or a plan restored from the autosave.
    bool dirty() const { return history_.dirty() || restored_; }
    // Grows with every change applied to the plan (answers computed on older versions are
    // stale).
    std::size_t version() const { return version_; }

    // Counts a change applied to the plan.
    void changed();
    // Writes the plan over its file (temporary file renamed over it), marks the history
    // saved and removes the autosave.
    core::Status save();
    // Every minute with edits since the last autosave, writes the plan to autosave_path().
    void autosave_if_due();
    // <plan>.autosave.gpkg beside the plan.
    std::string autosave_path() const;
    // Removes the autosave (the planner quit, saved or not).
    void drop_autosave() const;

private:
    std::string path_;
    core::Plan plan_;
    core::UndoStack history_;
    bool restored_ = false;
    std::size_t version_ = 0;
    std::size_t edits_since_autosave_ = 0;
    std::chrono::steady_clock::time_point last_autosave_ = std::chrono::steady_clock::now();
};

}  // namespace beltplan::app
