// The questions that keep work: Save / Discard / Cancel before closing, Restore / Discard of
// an autosave with its time, and when the autosave may be written.
#include "ui/confirm_dialogs.h"

#include "support/test_support.h"
#include "ui/autosave_policy.h"
#include "ui/headless_imgui.h"
#include "ui/strings.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>

namespace beltplan {
namespace {

class UnsavedQuestionTest : public ::testing::TestWithParam<const char*> {};

TEST_P(UnsavedQuestionTest, each_button_answers_once) {
    test::HeadlessImGui gui;
    ui::UnsavedQuestion question;
    question.ask(ui::PendingAction::kOpen, "/plans/other.gpkg");
    std::vector<ui::UnsavedChoice> answers;
    auto draw = [&] {
        const ui::UnsavedChoice c = question.draw(u8"宣化区");
        if (c != ui::UnsavedChoice::kAsking) {
            answers.push_back(c);
        }
    };
    gui.frame(draw, false);
    gui.frame(draw, false);
    ASSERT_TRUE(gui.click_item(GetParam()));
    gui.drain(draw, 4, 2000, false);
    ASSERT_EQ(answers.size(), 1u);
    const std::string button = GetParam();
    if (button == "unsaved.save") {
        EXPECT_EQ(answers[0], ui::UnsavedChoice::kSave);
    } else if (button == "unsaved.discard") {
        EXPECT_EQ(answers[0], ui::UnsavedChoice::kDiscard);
    } else {
        EXPECT_EQ(answers[0], ui::UnsavedChoice::kCancel);
    }
    if (answers[0] == ui::UnsavedChoice::kCancel) {
        EXPECT_FALSE(question.asking()) << "Cancel gives the action up";
    } else {
        EXPECT_EQ(question.action(), ui::PendingAction::kOpen);  // until the app carries it out
        EXPECT_EQ(question.target(), "/plans/other.gpkg");
        question.done();
        EXPECT_FALSE(question.asking());
    }
}

INSTANTIATE_TEST_SUITE_P(Buttons, UnsavedQuestionTest,
                         ::testing::Values("unsaved.save", "unsaved.discard", "unsaved.cancel"),
                         [](const auto& p) { return std::string(p.param).substr(8); });

TEST(AutosaveQuestion, restore_or_discard_with_the_autosave_time) {
    test::TempDir dir;
    const std::string autosave = dir.file("plan.autosave.gpkg");
    std::ofstream(autosave) << "x";
    const std::string when = ui::file_time_text(autosave);
    EXPECT_TRUE(std::regex_match(when, std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d)"))) << when;
    EXPECT_EQ(ui::file_time_text(dir.file("none")), "");
    for (const char* button : {"autosave.restore", "autosave.discard"}) {
        test::HeadlessImGui gui;
        ui::AutosaveQuestion question;
        question.ask(autosave, when);
        std::vector<ui::AutosaveChoice> answers;
        auto draw = [&] {
            const ui::AutosaveChoice c = question.draw("plan");
            if (c != ui::AutosaveChoice::kAsking) {
                answers.push_back(c);
            }
        };
        gui.frame(draw, false);
        gui.frame(draw, false);
        ASSERT_TRUE(gui.click_item(button));
        gui.drain(draw, 4, 2000, false);
        ASSERT_EQ(answers.size(), 1u);
        EXPECT_EQ(answers[0], std::string(button) == "autosave.restore"
                                  ? ui::AutosaveChoice::kRestore
                                  : ui::AutosaveChoice::kDiscard);
        EXPECT_FALSE(question.asking());
    }
}

TEST(AutosavePolicy, writes_only_between_complete_edits_after_the_interval) {
    using Clock = ui::AutosavePolicy::Clock;
    const Clock::time_point t0 = Clock::now();
    auto at = [&](double s) {
        return t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
    };
    ui::AutosavePolicy policy(60.0, t0);
    EXPECT_FALSE(policy.due(at(120), false)) << "nothing changed";
    policy.changed();
    EXPECT_FALSE(policy.due(at(30), false)) << "too soon";
    EXPECT_FALSE(policy.due(at(61), true)) << "in the middle of a drag";
    EXPECT_TRUE(policy.due(at(61), false));
    policy.written(at(61));
    EXPECT_FALSE(policy.due(at(200), false));
    policy.changed();
    policy.failed(at(201));
    EXPECT_FALSE(policy.due(at(230), false)) << "a failed write is not retried every frame";
    EXPECT_TRUE(policy.due(at(262), false)) << "but after the interval";
    policy.saved(at(150));
    EXPECT_FALSE(policy.due(at(300), false)) << "saved: nothing to autosave";
}

}  // namespace
}  // namespace beltplan
