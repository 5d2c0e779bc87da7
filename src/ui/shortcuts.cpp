// pressed_shortcut: key indices are the lower-case ASCII codes the bridge maps keys to.
#include "ui/shortcuts.h"

#include <imgui.h>

namespace beltplan::ui {

Shortcut pressed_shortcut() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.KeyAlt) {
        return Shortcut::kNone;
    }
    auto pressed = [](char key) { return ImGui::IsKeyPressed(key, false); };
    if (pressed('s')) {
        return io.KeyShift ? Shortcut::kSaveAs : Shortcut::kSave;
    }
    if (pressed('q')) {
        return Shortcut::kQuit;
    }
    if (pressed('o')) {
        return Shortcut::kOpen;
    }
    if (io.WantTextInput) {
        return Shortcut::kNone;  // the field's own undo, redo and search
    }
    if (pressed('f')) {
        return Shortcut::kFind;
    }
    if (pressed('z')) {
        return io.KeyShift ? Shortcut::kRedo : Shortcut::kUndo;
    }
    if (pressed('y')) {
        return Shortcut::kRedo;
    }
    return Shortcut::kNone;
}

}  // namespace beltplan::ui
