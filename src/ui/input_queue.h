// The window's input events, queued in arrival order and handed to ImGui across frames so
// that none is lost however slow a frame is. ImGui 1.86 sees input as the state of each key
// and button at the start of a frame: a key pressed and released (or released and pressed
// again) between two frames would vanish, so each frame takes events only up to the first
// one that would change a key, button or modifier a second time.
#pragma once

#include <cstddef>
#include <deque>

namespace beltplan::ui {

// Modifier bits of InputEvent::mods.
inline constexpr int kModCtrl = 1;
inline constexpr int kModShift = 2;
inline constexpr int kModAlt = 4;

// One input event in window pixels with y down.
struct InputEvent {
    enum class Type {
        kMove,    // the cursor moved to (x, y)
        kButton,  // button `code` (0 left, 1 right, 2 middle) went down or up at (x, y)
        kWheel,   // the wheel turned by `wheel` notches (up positive)
        kKey,     // key `code` (an io.KeysDown index) went down or up
        kChar,    // character `code` (a Unicode code point) was typed
        kMods,    // the held modifiers are now `mods`
    };
    Type type = Type::kMove;
    float x = 0.f;
    float y = 0.f;
    int code = 0;
    bool down = false;
    float wheel = 0.f;
    int mods = 0;  // kMods only: kModCtrl | kModShift | kModAlt
};

class InputQueue {
public:
    // Queues an event; a move right after a move replaces it (only the last position counts).
    void push(const InputEvent& event);
    // Feeds the current ImGui context's IO with the events of one frame, in order: it stops
    // before an event that would change a key or button already changed in this frame, a
    // modifier change after a key or button change, a cursor move after a button change, a
    // press after the cursor moved, a typed character after an editing key (and the reverse),
    // so the next frame sees them.
    // Letter keys while a text field has the keyboard only carry characters and never stop a
    // frame. Characters arriving while no field has the keyboard wait one frame, so a field
    // being focused (Ctrl+F, a click) receives them. Call before ImGui::NewFrame. Returns how
    // many events it took.
    std::size_t feed_frame();
    // Events still waiting for a frame.
    std::size_t pending() const { return events_.size(); }
    // Forgets the waiting events (the window lost focus).
    void clear() { events_.clear(); }

private:
    std::deque<InputEvent> events_;
    int mods_ = 0;             // modifiers as last handed to ImGui
    bool chars_held_ = false;  // the last frame stopped before a character (no field active)
};

}  // namespace beltplan::ui
