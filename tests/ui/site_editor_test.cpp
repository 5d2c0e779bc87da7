// The site fields in the inspector: renaming, the village link and the position are commands;
// a code that is no village is refused with a sentence and no command.
#include "ui/site_editor.h"

#include "analysis/strategy.h"
#include "core/site_commands.h"
#include "support/grid_plan.h"
#include "ui/headless_imgui.h"
#include "ui/strings.h"
#include "ui/suggestion_view.h"

#include <gtest/gtest.h>
#include <imgui.h>

namespace beltplan {
namespace {

class SiteEditorTest : public ::testing::Test {
protected:
    void SetUp() override {
        ui::set_language(ui::Language::kChinese);
        plan_ = test::grid_plan({"ab", "cd"});
        test::add_site(plan_, 500.0, 500.0, "S1");
        plan_.sites[0].name = u8"旧名";
    }
    // Draws the editor until the queue is empty; applies what it asked for.
    void run(test::HeadlessImGui& gui, bool focus_name = false) {
        auto draw = [&] {
            std::vector<core::CommandPtr> out;
            editor_.draw(plan_, "S1", out, focus_name);
            focus_name = false;
            for (core::CommandPtr& c : out) {
                ASSERT_TRUE(c->apply(plan_));
                ++applied_;
            }
        };
        gui.frame(draw);
        gui.drain(draw);
    }
    // Replaces the text of the focused field with `text` and presses Enter.
    static void replace_text(test::HeadlessImGui& gui, const std::u32string& text) {
        gui.mods(ui::kModCtrl);
        gui.tap('a');
        gui.mods(0);
        gui.commit_text(text);
        gui.tap(ImGui::GetIO().KeyMap[ImGuiKey_Enter]);
    }

    core::Plan plan_;
    ui::SiteEditor editor_;
    int applied_ = 0;
};

TEST_F(SiteEditorTest, a_new_site_takes_its_name_as_typed) {
    test::HeadlessImGui gui;
    run(gui, true);  // the name field takes the keyboard, as for a site just added
    replace_text(gui, U"张家示范点");
    run(gui);
    EXPECT_EQ(plan_.sites[0].name, u8"张家示范点");
    EXPECT_EQ(applied_, 1);
}

TEST_F(SiteEditorTest, an_unknown_village_code_is_refused_with_a_sentence) {
    test::HeadlessImGui gui;
    run(gui);
    ASSERT_TRUE(gui.click_item("site.village"));
    run(gui);
    replace_text(gui, U"999");
    run(gui);
    EXPECT_EQ(applied_, 0);
    EXPECT_NE(editor_.error().find("999"), std::string::npos) << editor_.error();
    EXPECT_EQ(plan_.sites[0].village_code, "");
    ASSERT_TRUE(gui.click_item("site.village"));  // Enter left the field
    run(gui);
    replace_text(gui, std::u32string(plan_.villages[2].code.begin(), plan_.villages[2].code.end()));
    run(gui);
    EXPECT_EQ(applied_, 1);
    EXPECT_EQ(plan_.sites[0].village_code, plan_.villages[2].code);
    EXPECT_EQ(editor_.error(), "");
}

TEST(SuggestionView, names_and_the_box_of_a_group) {
    ui::set_language(ui::Language::kChinese);
    core::Plan plan = test::grid_plan({"ab", "cd"}, 1000.0);
    plan.villages[1].name = u8"李家村";
    analysis::SuggestedSite site;
    site.village = 1;
    EXPECT_EQ(ui::suggested_site_name(plan, site), u8"李家村示范点");
    analysis::SuggestedGroup group;
    group.members = {0, 1};
    group.lead = 1;
    EXPECT_EQ(ui::suggested_group_name(plan, group), u8"李家村联合党组织");
    const core::Box box = ui::group_box(plan, group);
    EXPECT_DOUBLE_EQ(box.width(), 2000.0);
    EXPECT_DOUBLE_EQ(box.height(), 1000.0);
    ui::MapView view;
    view.set_viewport(1000, 800);
    view.set({0.0, 0.0}, 100.0);
    ui::fly_to_box(view, box, 0.0);
    EXPECT_DOUBLE_EQ(view.center().x, (box.min_x + box.max_x) / 2.0);
    EXPECT_DOUBLE_EQ(view.center().y, (box.min_y + box.max_y) / 2.0);
    EXPECT_LE(view.m_per_px() * 800.0, 2000.0 * 1.4 + 1e-6);
    EXPECT_GE(view.m_per_px() * 1000.0, 2000.0);
}

}  // namespace
}  // namespace beltplan
