// An ImGui context without a window for panel tests (STYLE.md section 8): the window's own
// bridge (CJK font, key map, input queue) makes frames of a fixed size; input goes through the
// same InputQueue as the window's, and named controls are clicked where they were drawn.
#pragma once

#include "ui/editor.h"
#include "ui/imgui_osg.h"
#include "ui/input_queue.h"

#include <imgui.h>

#include <functional>
#include <optional>
#include <string>

namespace beltplan::test {

class HeadlessImGui {
public:
    explicit HeadlessImGui(float width = 1280.f, float height = 800.f)
        : bridge_(""), width_(width), height_(height) {}

    // One frame: `draw` runs between NewFrame and Render, inside a window filling the display
    // unless `own_window` is false.
    void frame(const std::function<void()>& draw, bool own_window = true) {
        bridge_.new_frame(static_cast<int>(width_), static_cast<int>(height_), 1.0 / 60.0);
        if (own_window) {
            ImGui::SetNextWindowPos(ImVec2(0.f, 0.f));
            ImGui::SetNextWindowSize(ImVec2(width_, height_));
            ImGui::Begin("##test", nullptr,
                         ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus);
        }
        draw();
        if (own_window) {
            ImGui::End();
        }
        bridge_.end_frame();
        ++frames_;
    }
    // Frames until every queued event was taken (and `extra` more), at most `limit`.
    int drain(const std::function<void()>& draw, int extra = 2, int limit = 2000,
              bool own_window = true) {
        int n = 0;
        while (input().pending() > 0 && n < limit) {
            frame(draw, own_window);
            ++n;
        }
        for (int i = 0; i < extra; ++i) {
            frame(draw, own_window);
        }
        return n;
    }

    ui::InputQueue& input() { return bridge_.input(); }

    void move(float x, float y) { push(ui::InputEvent::Type::kMove, x, y, 0, false); }
    void button(int b, bool down, float x, float y) {
        push(ui::InputEvent::Type::kButton, x, y, b, down);
    }
    // A left click (press and release queued together) at a noted item.
    bool click_item(const std::string& key) {
        const std::optional<ui::ScreenPoint> at = ui::item_center(key);
        if (!at) {
            return false;
        }
        click(at->x, at->y);
        return true;
    }
    void click(float x, float y) {
        move(x, y);
        button(0, true, x, y);
        button(0, false, x, y);
    }
    void key(int index, bool down) { push(ui::InputEvent::Type::kKey, 0, 0, index, down); }
    void tap(int index) {
        key(index, true);
        key(index, false);
    }
    void mods(int bits) {
        ui::InputEvent e;
        e.type = ui::InputEvent::Type::kMods;
        e.mods = bits;
        input().push(e);
    }
    // Types ASCII text as a keyboard does: key down, the character, key up.
    void type(const std::string& text) {
        for (char c : text) {
            const int index = c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
            key(index, true);
            push(ui::InputEvent::Type::kChar, 0, 0, static_cast<unsigned char>(c), false);
            key(index, false);
        }
    }
    // Types any UTF-8 text as characters only (an input method's commit).
    void commit_text(const std::u32string& text) {
        for (char32_t c : text) {
            push(ui::InputEvent::Type::kChar, 0, 0, static_cast<int>(c), false);
        }
    }
    int frames() const { return frames_; }

private:
    void push(ui::InputEvent::Type type, float x, float y, int code, bool down) {
        ui::InputEvent e;
        e.type = type;
        e.x = x;
        e.y = y;
        e.code = code;
        e.down = down;
        input().push(e);
    }

    ui::ImGuiBridge bridge_;
    float width_;
    float height_;
    int frames_ = 0;
};

}  // namespace beltplan::test
