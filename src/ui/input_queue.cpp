// InputQueue: one frame's share of the queued events goes to ImGuiIO; what would collide with
// a change already made in this frame waits for the next one.
#include "ui/input_queue.h"

#include <imgui.h>

#include <bitset>

namespace beltplan::ui {

namespace {

// Key indices below this are printable keys ('a', '1', ' '); above are editing keys.
constexpr int kFirstSpecialKey = 256;
constexpr int kKeyCount = 512;

// What one frame has taken so far.
struct FrameTaken {
    std::bitset<kKeyCount> keys;
    std::bitset<3> buttons;
    bool any_transition = false;  // a key or button changed
    bool editing_key = false;     // an editing key (or a Ctrl/Alt combination) went down
    bool chars = false;           // a character was typed
    bool wheel = false;
    bool moved = false;  // the cursor moved to a new place
};

bool valid_key(int code) {
    return code >= 0 && code < kKeyCount;
}

}  // namespace

void InputQueue::push(const InputEvent& event) {
    if (event.type == InputEvent::Type::kMove && !events_.empty() &&
        events_.back().type == InputEvent::Type::kMove) {
        events_.back() = event;
        return;
    }
    events_.push_back(event);
}

std::size_t InputQueue::feed_frame() {
    ImGuiIO& io = ImGui::GetIO();
    FrameTaken taken;
    std::size_t count = 0;
    const bool typing = io.WantTextInput;
    bool held_for_char = false;
    while (!events_.empty()) {
        const InputEvent& e = events_.front();
        bool wait = false;
        switch (e.type) {
            case InputEvent::Type::kMove:
                wait = taken.buttons.any() || taken.wheel;
                if (!wait) {
                    taken.moved = taken.moved || io.MousePos.x != e.x || io.MousePos.y != e.y;
                    io.MousePos = ImVec2(e.x, e.y);
                }
                break;
            case InputEvent::Type::kButton:
                // A press waits for a frame that starts with the cursor already there, as
                // ImGui decides what is hovered from the frame before.
                wait = e.code < 0 || e.code > 2 ||
                       taken.buttons[static_cast<std::size_t>(e.code)] || (e.down && taken.moved);
                if (!wait) {
                    io.MousePos = ImVec2(e.x, e.y);
                    io.MouseDown[e.code] = e.down;
                    taken.buttons.set(static_cast<std::size_t>(e.code));
                    taken.any_transition = true;
                }
                break;
            case InputEvent::Type::kWheel:
                io.MouseWheel += e.wheel;
                taken.wheel = true;
                break;
            case InputEvent::Type::kKey: {
                if (!valid_key(e.code)) {
                    break;  // not a key ImGui tracks
                }
                const bool combo = (mods_ & (kModCtrl | kModAlt)) != 0;
                const bool passive = typing && e.code < kFirstSpecialKey && !combo;
                if (passive) {
                    io.KeysDown[e.code] = e.down;  // its character is what a text field uses
                    break;
                }
                const bool editing = e.code >= kFirstSpecialKey || combo;
                wait = taken.keys[static_cast<std::size_t>(e.code)] ||
                       (e.down && editing && taken.chars);
                if (!wait) {
                    io.KeysDown[e.code] = e.down;
                    taken.keys.set(static_cast<std::size_t>(e.code));
                    taken.any_transition = true;
                    taken.editing_key = taken.editing_key || (e.down && editing);
                }
                break;
            }
            case InputEvent::Type::kChar:
                wait = taken.editing_key || (!typing && !chars_held_);
                held_for_char = !taken.editing_key && wait;
                if (!wait) {
                    io.AddInputCharacter(static_cast<unsigned>(e.code));
                    taken.chars = true;
                }
                break;
            case InputEvent::Type::kMods:
                wait = taken.any_transition && e.mods != mods_;
                if (!wait) {
                    mods_ = e.mods;
                    io.KeyCtrl = (mods_ & kModCtrl) != 0;
                    io.KeyShift = (mods_ & kModShift) != 0;
                    io.KeyAlt = (mods_ & kModAlt) != 0;
                }
                break;
        }
        if (wait) {
            break;
        }
        events_.pop_front();
        ++count;
    }
    chars_held_ = held_for_char;
    return count;
}

}  // namespace beltplan::ui
