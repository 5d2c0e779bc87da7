// The two questions that keep work from being lost: "save the changes?" before the window
// closes or another plan replaces this one (Save / Discard / Cancel), and "restore the
// autosave?" when a plan opens with a newer autosave beside it (Restore / Discard).
#pragma once

#include <string>

namespace beltplan::ui {

// What the planner was doing when the unsaved-changes question came up.
enum class PendingAction {
    kNone,
    kQuit,       // close button, Ctrl+Q, File > Quit
    kOpen,       // File > Open (target: the plan to open)
    kNewImport,  // File > New from import
    kReload,     // reload the plan another program changed (target: the plan)
};

enum class UnsavedChoice { kAsking, kSave, kDiscard, kCancel };

class UnsavedQuestion {
public:
    // Starts asking before `action` (on `target`, e.g. the plan to open next).
    void ask(PendingAction action, std::string target = "");
    bool asking() const { return action_ != PendingAction::kNone; }
    PendingAction action() const { return action_; }
    const std::string& target() const { return target_; }
    // Draws the modal while asking; returns kAsking until a button (or Esc = Cancel) is
    // pressed. The answer is returned once; action() and target() stay until done().
    UnsavedChoice draw(const std::string& plan_name);
    // The pending action was carried out or given up.
    void done();

private:
    PendingAction action_ = PendingAction::kNone;
    std::string target_;
    bool answered_ = false;
    bool opened_ = false;
};

enum class AutosaveChoice { kAsking, kRestore, kDiscard };

class AutosaveQuestion {
public:
    // Asks about the autosave at `path`, written at `written` ("2024-05-03 14:22").
    void ask(std::string path, std::string written);
    bool asking() const { return !path_.empty(); }
    const std::string& path() const { return path_; }
    // Draws the modal while asking; the answer once, then the question is closed.
    AutosaveChoice draw(const std::string& plan_name);

private:
    std::string path_;
    std::string written_;
    bool opened_ = false;
};

enum class DiskChangeChoice { kAsking, kReload, kSaveAs, kKeep };

// Another program changed the plan file since it was opened or saved here: Reload (the
// unsaved question comes first when there are changes), Save as (keep this version under
// another name), or Keep editing (a plain save will then refuse, as the file changed).
class DiskChangeQuestion {
public:
    void ask(std::string path);
    bool asking() const { return !path_.empty(); }
    DiskChangeChoice draw(const std::string& plan_name, bool unsaved);

private:
    std::string path_;
    bool opened_ = false;
};

// "YYYY-MM-DD HH:MM" in local time of the file's last change; "" when it cannot be read.
std::string file_time_text(const std::string& path);

}  // namespace beltplan::ui
