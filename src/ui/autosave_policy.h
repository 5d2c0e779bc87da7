// When the window writes its autosave: only between complete edits (never while a site is
// dragged, a slider is held or a field is being typed in), once the interval has passed since
// the last autosave, and only when the plan changed since then.
#pragma once

#include <chrono>

namespace beltplan::ui {

struct EditorState;

class AutosavePolicy {
public:
    using Clock = std::chrono::steady_clock;

    explicit AutosavePolicy(double interval_s = 60.0, Clock::time_point start = Clock::now())
        : interval_s_(interval_s), last_write_(start) {}

    // The plan changed (any applied edit, also the steps of a drag).
    void changed() { changed_since_write_ = true; }
    // True when the autosave should be written now: changes since the last write, the
    // interval passed, and `edit_in_progress` false.
    bool due(Clock::time_point now, bool edit_in_progress) const;
    // The autosave was written at `now`.
    void written(Clock::time_point now);
    // Writing it failed at `now`: tried again after the interval, the changes still pending.
    void failed(Clock::time_point now) { last_write_ = now; }
    // The plan was saved (or the changes discarded): nothing is left to autosave.
    void saved(Clock::time_point now);

private:
    double interval_s_;
    Clock::time_point last_write_;
    bool changed_since_write_ = false;
};

// True while the planner is in the middle of an edit: a site is dragged, or an ImGui item is
// active (a slider held, a field being typed in). Needs the current ImGui context.
bool edit_in_progress(const EditorState& state);

}  // namespace beltplan::ui
