// No input is lost however many events arrive between two frames: typing, Backspace, quick
// Ctrl+Z taps and clicks all reach ImGui in order (the window fed io.KeysDown once per frame
// and lost a press and release that fell between two frames).
#include "ui/input_queue.h"

#include "ui/headless_imgui.h"
#include "ui/shortcuts.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

namespace beltplan {
namespace {

class InputQueueTest : public ::testing::Test {
protected:
    // A text field holding `text_`, focused on the first frame.
    void field() {
        if (focus_) {
            ImGui::SetKeyboardFocusHere();
            focus_ = false;
        }
        char buf[512];
        std::snprintf(buf, sizeof buf, "%s", text_.c_str());
        ImGui::InputText("##field", buf, sizeof buf);
        text_ = buf;
    }
    // The io.KeysDown index the bridge maps an ImGui key to.
    static int key_index(ImGuiKey key) { return ImGui::GetIO().KeyMap[key]; }

    test::HeadlessImGui gui_;
    std::string text_;
    bool focus_ = true;
};

TEST_F(InputQueueTest, sixty_characters_typed_during_one_slow_frame_all_arrive) {
    gui_.frame([&] { field(); });
    gui_.frame([&] { field(); });
    const std::string typed = "beltplan keeps every key 0123456789 typed while frames crawl.";
    ASSERT_EQ(typed.size(), 61u);
    gui_.type(typed.substr(0, 60));
    const int frames = gui_.drain([&] { field(); });
    EXPECT_EQ(text_, typed.substr(0, 60));
    EXPECT_GT(frames, 0);
    EXPECT_EQ(gui_.input().pending(), 0u);
}

TEST_F(InputQueueTest, fifty_backspaces_between_frames_delete_fifty_characters) {
    text_ = std::string(80, 'x');
    gui_.frame([&] { field(); });
    const int backspace = key_index(ImGuiKey_Backspace);
    gui_.frame([&] { field(); });
    const int end = key_index(ImGuiKey_End);
    gui_.tap(end);
    for (int i = 0; i < 50; ++i) {
        gui_.tap(backspace);
    }
    gui_.drain([&] { field(); });
    EXPECT_EQ(text_.size(), 30u);
}

TEST_F(InputQueueTest, characters_and_backspace_keep_their_order) {
    // Typed straight after the focus request, before the field took the keyboard.
    gui_.frame([&] { field(); });
    const int backspace = key_index(ImGuiKey_Backspace);
    gui_.type("abc");
    gui_.tap(backspace);
    gui_.type("d");
    gui_.commit_text(U"张家村");
    gui_.drain([&] { field(); });
    EXPECT_EQ(text_, u8"abd张家村");
}

TEST_F(InputQueueTest, quick_ctrl_z_taps_each_undo_and_shift_or_y_redo) {
    std::vector<ui::Shortcut> seen;
    auto draw = [&] {
        const ui::Shortcut s = ui::pressed_shortcut();
        if (s != ui::Shortcut::kNone) {
            seen.push_back(s);
        }
    };
    gui_.frame(draw);
    for (int i = 0; i < 5; ++i) {  // five taps, all before the next frame
        gui_.mods(ui::kModCtrl);
        gui_.tap('z');
        gui_.mods(0);
    }
    gui_.mods(ui::kModCtrl);
    gui_.mods(ui::kModCtrl | ui::kModShift);
    gui_.tap('z');
    gui_.mods(ui::kModCtrl);
    gui_.mods(0);
    gui_.mods(ui::kModCtrl);
    gui_.tap('y');
    gui_.mods(0);
    gui_.mods(ui::kModCtrl);
    gui_.mods(ui::kModCtrl | ui::kModShift);
    gui_.tap('s');
    gui_.mods(0);
    gui_.drain(draw);
    using S = ui::Shortcut;
    EXPECT_EQ(seen, (std::vector<S>{S::kUndo, S::kUndo, S::kUndo, S::kUndo, S::kUndo, S::kRedo,
                                    S::kRedo, S::kSaveAs}));
}

TEST_F(InputQueueTest, a_press_and_release_between_frames_still_click_and_in_place) {
    int clicks = 0;
    ImVec2 button_centre;
    auto draw = [&] {
        ImGui::SetCursorPos(ImVec2(200.f, 100.f));
        if (ImGui::Button("press me", ImVec2(120.f, 40.f))) {
            ++clicks;
        }
        const ImVec2 a = ImGui::GetItemRectMin();
        const ImVec2 b = ImGui::GetItemRectMax();
        button_centre = ImVec2((a.x + b.x) / 2.f, (a.y + b.y) / 2.f);
    };
    gui_.frame(draw);
    // Two clicks on the button and a move away, all inside one slow frame.
    gui_.click(button_centre.x, button_centre.y);
    gui_.click(button_centre.x + 10.f, button_centre.y);
    gui_.move(900.f, 700.f);
    gui_.drain(draw);
    EXPECT_EQ(clicks, 2);
}

TEST(InputQueue, moves_in_a_row_keep_only_the_last_position) {
    ui::InputQueue q;
    ui::InputEvent move;
    move.type = ui::InputEvent::Type::kMove;
    for (int i = 0; i < 100; ++i) {
        move.x = static_cast<float>(i);
        q.push(move);
    }
    EXPECT_EQ(q.pending(), 1u);
}

}  // namespace
}  // namespace beltplan
