// The File menu reports each choice; Save follows the real saved state; the status line drops a
// "saved" message once the plan changes again.
#include "ui/file_menu.h"

#include "ui/headless_imgui.h"
#include "ui/status_line.h"
#include "ui/strings.h"

#include <gtest/gtest.h>
#include <imgui.h>

namespace beltplan {
namespace {

// Each menu item (its noted name) and the action it reports.
ui::FileAction action_of(const std::string& item) {
    const std::pair<const char*, ui::FileAction> items[] = {
        {"menu.new_import", ui::FileAction::kNewFromImport},
        {"menu.open", ui::FileAction::kOpen},
        {"menu.save", ui::FileAction::kSave},
        {"menu.save_as", ui::FileAction::kSaveAs},
        {"menu.compare", ui::FileAction::kCompare},
        {"menu.export_map", ui::FileAction::kExportMap},
        {"menu.export_tables", ui::FileAction::kExportTables},
        {"menu.quit", ui::FileAction::kQuit}};
    for (const auto& [name, action] : items) {
        if (item == name) {
            return action;
        }
    }
    return ui::FileAction::kNone;
}

class FileMenuTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FileMenuTest, each_item_reports_its_action) {
    test::HeadlessImGui gui;
    ui::FileMenuState state;
    state.dirty = true;
    state.import_available = true;
    std::vector<ui::FileAction> chosen;
    auto draw = [&] {
        if (ImGui::BeginMainMenuBar()) {
            const ui::FileChoice c = ui::draw_file_menu(state);
            if (c.action != ui::FileAction::kNone) {
                chosen.push_back(c.action);
            }
            ImGui::EndMainMenuBar();
        }
    };
    gui.frame(draw, false);
    ASSERT_TRUE(gui.click_item("menu.file"));
    gui.drain(draw, 2, 2000, false);
    ASSERT_TRUE(gui.click_item(GetParam())) << GetParam();
    gui.drain(draw, 2, 2000, false);
    ASSERT_EQ(chosen.size(), 1u);
    EXPECT_EQ(chosen[0], action_of(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(Items, FileMenuTest,
                         ::testing::Values("menu.new_import", "menu.open", "menu.save",
                                           "menu.save_as", "menu.compare", "menu.export_map",
                                           "menu.export_tables", "menu.quit"),
                         [](const auto& p) { return p.param.substr(5); });

TEST(StatusLine, a_message_goes_with_the_next_edit) {
    ui::set_language(ui::Language::kChinese);
    ui::StatusLine status;
    status = u8"已保存到 plan.gpkg";
    EXPECT_EQ(status.message(7), u8"已保存到 plan.gpkg");
    EXPECT_EQ(status.message(7), u8"已保存到 plan.gpkg") << "still true";
    EXPECT_EQ(status.message(8), "") << "an edit after the save";
    EXPECT_TRUE(status.empty());
    status = "the disk is full";
    EXPECT_EQ(status.message(8), "the disk is full");
    EXPECT_EQ(ui::StatusLine::saved_state(true), u8"未保存");
    EXPECT_EQ(ui::StatusLine::saved_state(false), u8"已保存");
}

}  // namespace
}  // namespace beltplan
