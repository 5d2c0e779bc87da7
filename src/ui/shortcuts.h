// The window's keyboard shortcuts: Ctrl+Z undo, Ctrl+Shift+Z and Ctrl+Y redo, Ctrl+S save,
// Ctrl+Shift+S save as, Ctrl+O open, Ctrl+Q quit, Ctrl+F find a village.
#pragma once

namespace beltplan::ui {

enum class Shortcut { kNone, kUndo, kRedo, kSave, kSaveAs, kOpen, kQuit, kFind };

// The shortcut pressed in the current ImGui frame, kNone when none. While a text field has
// the keyboard, Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z belong to the field and are not reported.
Shortcut pressed_shortcut();

}  // namespace beltplan::ui
