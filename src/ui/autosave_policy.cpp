// AutosavePolicy: a clock and a changed flag; edit_in_progress asks the editor and ImGui.
#include "ui/autosave_policy.h"

#include "ui/editor.h"

#include <imgui.h>

namespace beltplan::ui {

bool AutosavePolicy::due(Clock::time_point now, bool in_progress) const {
    return changed_since_write_ && !in_progress &&
           std::chrono::duration<double>(now - last_write_).count() >= interval_s_;
}

void AutosavePolicy::written(Clock::time_point now) {
    last_write_ = now;
    changed_since_write_ = false;
}

void AutosavePolicy::saved(Clock::time_point now) {
    last_write_ = now;
    changed_since_write_ = false;
}

bool edit_in_progress(const EditorState& state) {
    return !state.drag.site.empty() || ImGui::IsAnyItemActive();
}

}  // namespace beltplan::ui
