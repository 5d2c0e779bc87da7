// The plan open in the window as a document: its file, the plan, its undo history, whether it
// came from the autosave, and the saving: Ctrl+S over the plan, Save as to a new file, and the
// autosave beside the plan, written only between complete edits. A newer autosave found when
// the plan opens is offered back (Restore / Discard) rather than taken silently.
#pragma once

#include "core/command.h"
#include "core/file_stamp.h"
#include "core/plan.h"
#include "core/result.h"
#include "core/undo_stack.h"
#include "ui/autosave_policy.h"

#include <cstddef>
#include <optional>
#include <string>

namespace beltplan::app {

class PlanDocument {
public:
    // Reads the plan at `path`. A newer autosave beside it is noted in autosave_offer(), not
    // restored.
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

    // A newer autosave found at open: its path and local time ("2024-05-03 14:22").
    struct AutosaveOffer {
        std::string path;
        std::string written;
    };
    const std::optional<AutosaveOffer>& autosave_offer() const { return offer_; }
    // Takes the autosave's plan instead of the file's (unsaved until saved).
    core::Status restore_autosave();
    // Removes the autosave the planner did not want.
    void discard_autosave();

    // False once another program changed, replaced or removed the plan file since the window
    // read or wrote it (a save would be refused).
    bool file_unchanged() const;

    // Counts a change applied to the plan.
    void changed();
    // Writes the plan over its file (temporary file renamed over it, io::save_plan), marks the
    // history saved and removes the autosave. Refused with the catalogue's sentence when
    // another program changed the file since the window read or wrote it. A failure leaves the
    // file and the autosave as they were.
    core::Status save();
    // Writes the plan to `target` and works on there from now on (the old file stays as it
    // was; its autosave goes, as its changes are now saved in `target`). The file dialog asked
    // before replacing an existing `target`; later saves are checked against what was written.
    core::Status save_as(const std::string& target);
    // Writes the autosave when due: changes since the last one, the interval passed, and
    // `edit_in_progress` false (never in the middle of a drag or a slider move). A failed
    // write is returned (and tried again only after the interval).
    core::Status autosave_if_due(bool edit_in_progress);
    // Seconds between autosaves (60 unless a test says otherwise).
    void set_autosave_interval(double seconds) { autosave_ = ui::AutosavePolicy(seconds); }
    // <plan>.autosave.gpkg beside the plan.
    std::string autosave_path() const;
    // Removes the autosave (the planner quit, saved or not).
    void drop_autosave() const;

private:
    std::string path_;
    core::Plan plan_;
    core::FileStamp stamp_;  // the plan file as the window last read or wrote it
    core::UndoStack history_;
    bool restored_ = false;
    std::size_t version_ = 0;
    std::optional<AutosaveOffer> offer_;
    ui::AutosavePolicy autosave_;
};

}  // namespace beltplan::app
