// The file dialog: folders and .gpkg files with Chinese names, entering folders, choosing a
// file by double-click, Save As adding the extension and asking before replacing, and the
// recent plans kept between sessions.
#include "ui/file_dialog.h"

#include "core/messages.h"
#include "support/test_support.h"
#include "ui/headless_imgui.h"
#include "ui/recent_files.h"
#include "ui/strings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

void touch(const std::string& path, std::size_t bytes = 10) {
    std::ofstream(path) << std::string(bytes, 'x');
}

class FileDialogTest : public ::testing::Test {
protected:
    void SetUp() override {
        ui::set_language(ui::Language::kChinese);
        fs::create_directories(dir_.file(u8"宣化区"));
        fs::create_directories(dir_.file("archive"));
        fs::create_directories(dir_.file(".hidden"));
        touch(dir_.file(u8"宣化区方案.gpkg"));
        touch(dir_.file("Old.GPKG"));
        touch(dir_.file("notes.txt"));
        touch(dir_.file(u8"宣化区/2024年方案.gpkg"));
    }
    test::TempDir dir_;
};

TEST_F(FileDialogTest, lists_folders_first_then_plans_only) {
    auto listed = ui::list_folder(dir_.path(), {".gpkg"});
    ASSERT_TRUE(listed) << listed.error().message;
    std::vector<std::string> names;
    for (const ui::FileEntry& e : listed.value()) {
        names.push_back(e.name + (e.folder ? "/" : ""));
    }
    EXPECT_EQ(names,
              (std::vector<std::string>{"archive/", u8"宣化区/", "Old.GPKG", u8"宣化区方案.gpkg"}));
    auto missing = ui::list_folder(dir_.file("nope"), {".gpkg"});
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("nope"), std::string::npos);
}

TEST_F(FileDialogTest, names_that_are_not_utf8_still_show) {
    EXPECT_EQ(ui::displayable_name(u8"方案.gpkg"), u8"方案.gpkg");
    EXPECT_EQ(ui::displayable_name("\xb7\xbd\xb0\xb8.gpkg"), u8"\uFFFD\uFFFD\uFFFD\uFFFD.gpkg");
}

TEST_F(FileDialogTest, open_mode_chooses_existing_plans_and_enters_folders) {
    ui::FileDialog dialog;
    dialog.open(ui::FileDialogMode::kOpen, "open", dir_.path(), {".gpkg"});
    EXPECT_EQ(dialog.choose(u8"宣化区方案.gpkg"), dir_.file(u8"宣化区方案.gpkg"));
    EXPECT_FALSE(dialog.choose("notes.txt"));
    EXPECT_FALSE(dialog.error().empty());
    EXPECT_FALSE(dialog.choose(u8"没有.gpkg"));
    EXPECT_NE(dialog.error().find(u8"没有.gpkg"), std::string::npos);
    EXPECT_FALSE(dialog.choose(u8"宣化区"));  // a folder is entered, not chosen
    EXPECT_EQ(dialog.folder(), dir_.file(u8"宣化区"));
    ASSERT_EQ(dialog.entries().size(), 1u);
    dialog.up();
    EXPECT_EQ(dialog.folder(), dir_.path());
}

TEST_F(FileDialogTest, save_mode_adds_the_extension) {
    ui::FileDialog dialog;
    dialog.open(ui::FileDialogMode::kSave, "save", dir_.path(), {".gpkg"}, u8"新方案");
    EXPECT_EQ(dialog.choose(u8"新方案"), dir_.file(u8"新方案.gpkg"));
    EXPECT_EQ(dialog.choose("b.gpkg"), dir_.file("b.gpkg"));
    EXPECT_EQ(dialog.choose(u8"宣化区/新"), dir_.file(u8"宣化区/新.gpkg"));
    EXPECT_FALSE(dialog.choose("no/such/folder/x"));
}

// In an ImGui frame: a click on a folder enters it, a double click on a plan chooses it.
TEST_F(FileDialogTest, clicks_enter_a_folder_and_a_double_click_opens_a_plan) {
    test::HeadlessImGui gui;
    ui::FileDialog dialog;
    dialog.open(ui::FileDialogMode::kOpen, "open", dir_.path(), {".gpkg"});
    std::optional<std::string> chosen;
    auto draw = [&] {
        if (auto c = dialog.draw(nullptr)) {
            chosen = c;
        }
    };
    gui.frame(draw, false);
    gui.frame(draw, false);
    ASSERT_TRUE(gui.click_item(u8"file.entry.宣化区"));
    gui.drain(draw, 2, 2000, false);
    EXPECT_EQ(dialog.folder(), dir_.file(u8"宣化区"));
    const std::string plan = u8"2024年方案.gpkg";
    ASSERT_TRUE(gui.click_item("file.entry." + plan));
    ASSERT_TRUE(gui.click_item("file.entry." + plan));
    gui.drain(draw, 2, 2000, false);
    ASSERT_TRUE(chosen.has_value());
    EXPECT_EQ(*chosen, dir_.file(u8"宣化区/2024年方案.gpkg"));
    EXPECT_FALSE(dialog.is_open());
}

// Save As onto an existing plan asks first; the second press replaces.
TEST_F(FileDialogTest, save_as_onto_an_existing_plan_asks_before_replacing) {
    test::HeadlessImGui gui;
    ui::FileDialog dialog;
    dialog.open(ui::FileDialogMode::kSave, "save", dir_.path(), {".gpkg"}, u8"宣化区方案");
    std::optional<std::string> chosen;
    auto draw = [&] {
        if (auto c = dialog.draw(nullptr)) {
            chosen = c;
        }
    };
    gui.frame(draw, false);
    gui.frame(draw, false);
    ASSERT_TRUE(gui.click_item("file.ok"));
    gui.drain(draw, 2, 2000, false);
    EXPECT_FALSE(chosen.has_value()) << "replaced without asking";
    EXPECT_TRUE(dialog.is_open());
    ASSERT_TRUE(gui.click_item("file.ok"));  // now labelled Replace
    gui.drain(draw, 2, 2000, false);
    ASSERT_TRUE(chosen.has_value());
    EXPECT_EQ(*chosen, dir_.file(u8"宣化区方案.gpkg"));
}

TEST_F(FileDialogTest, recent_plans_are_kept_newest_first_between_sessions) {
    const std::string store = dir_.file("config/beltplan/recent.txt");
    {
        ui::RecentFiles recent(store);
        ASSERT_TRUE(recent.load());
        EXPECT_TRUE(recent.paths().empty());
        ASSERT_TRUE(recent.add(dir_.file("Old.GPKG")));
        ASSERT_TRUE(recent.add(dir_.file(u8"宣化区方案.gpkg")));
        ASSERT_TRUE(recent.add(dir_.file("Old.GPKG")));  // opened again: first, once
        for (int i = 0; i < 12; ++i) {
            ASSERT_TRUE(recent.add(dir_.file("p" + std::to_string(i) + ".gpkg")));
        }
        ASSERT_TRUE(recent.add(dir_.file(u8"宣化区方案.gpkg")));
    }
    ui::RecentFiles again(store);
    ASSERT_TRUE(again.load());
    ASSERT_EQ(again.paths().size(), ui::RecentFiles::kMax);
    EXPECT_EQ(again.paths()[0], dir_.file(u8"宣化区方案.gpkg"));
    EXPECT_EQ(again.paths()[1], dir_.file("p11.gpkg"));
    EXPECT_EQ(std::count(again.paths().begin(), again.paths().end(), dir_.file("Old.GPKG")), 0);
    ASSERT_TRUE(again.remove(dir_.file("p11.gpkg")));
    ui::RecentFiles third(store);
    ASSERT_TRUE(third.load());
    EXPECT_EQ(third.paths()[1], dir_.file("p10.gpkg"));
}

TEST(RecentFiles, the_store_follows_xdg_config_home) {
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old != nullptr ? old : "";
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(ui::RecentFiles::default_store_path(), "/tmp/xdg-test/beltplan/recent.txt");
    if (old != nullptr) {
        setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    } else {
        unsetenv("XDG_CONFIG_HOME");
    }
}

}  // namespace
}  // namespace beltplan
