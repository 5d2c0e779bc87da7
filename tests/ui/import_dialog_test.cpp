// The import dialog without a window: sources and roles, Read asks for exactly the sources
// shown, the summary and unmatched rows shown, Create only after a read that worked, and the
// file dialog picking a folder.
#include "ui/import_dialog.h"

#include "core/messages.h"
#include "support/test_support.h"
#include "ui/editor.h"
#include "ui/headless_imgui.h"
#include "ui/strings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

TEST(ImportDialog, a_role_given_twice_is_refused_with_its_name) {
    ui::set_language(ui::Language::kEnglish);
    ui::ImportDialog dialog;
    dialog.open("");
    EXPECT_FALSE(dialog.request());
    EXPECT_EQ(dialog.error(), core::tr("window.import_no_sources"));
    dialog.add_source("/data/a.shp", ui::ImportRole::kVillages);
    dialog.add_source("/data/b.shp", ui::ImportRole::kVillages);
    dialog.add_source("/data/more");
    EXPECT_FALSE(dialog.request());
    EXPECT_NE(dialog.error().find("Villages"), std::string::npos) << dialog.error();
    dialog.set_role(1, ui::ImportRole::kRoads);
    auto request = dialog.request();
    ASSERT_TRUE(request) << dialog.error();
    ASSERT_EQ(request->sources.size(), 3u);
    EXPECT_EQ(request->sources[0].role, ui::ImportRole::kVillages);
    EXPECT_EQ(request->sources[1].role, ui::ImportRole::kRoads);
    EXPECT_EQ(request->sources[2].role, ui::ImportRole::kAuto);
    EXPECT_EQ(request->sources[2].path, "/data/more");
}

TEST(ImportDialog, create_only_after_a_read_that_worked_and_a_change_forgets_it) {
    ui::ImportDialog dialog;
    dialog.open("");
    dialog.add_source("/data/a.shp");
    EXPECT_FALSE(dialog.can_create());
    dialog.show_refusal("no villages layer");
    EXPECT_FALSE(dialog.can_create());
    dialog.show_preview({"3 villages", {"row 2"}, ""});
    EXPECT_TRUE(dialog.can_create());
    dialog.set_role(0, ui::ImportRole::kSites);
    EXPECT_FALSE(dialog.can_create()) << "the preview was of other sources";
    EXPECT_FALSE(dialog.preview());
}

// Drawn: Read returns the request once, the summary and the unmatched rows show, Create opens
// the file dialog in save mode and its answer comes back as the plan's path.
TEST(ImportDialog, read_shows_the_summary_and_create_returns_the_chosen_path) {
    ui::set_language(ui::Language::kChinese);
    test::TempDir dir;
    std::ofstream(dir.file("villages.geojson")) << "{}";
    test::HeadlessImGui gui;
    ui::ImportDialog dialog;
    dialog.open(dir.path());
    dialog.add_source(dir.file("villages.geojson"));
    std::vector<ui::ImportDialogOutput> got;
    auto draw = [&] {
        ui::ImportDialogOutput out = dialog.draw();
        if (out.read || out.create || out.cancelled) {
            got.push_back(out);
        }
    };
    gui.frame(draw, false);
    gui.frame(draw, false);
    EXPECT_FALSE(dialog.can_create());
    ASSERT_TRUE(gui.click_item("import.read"));
    gui.drain(draw, 2, 2000, false);
    ASSERT_EQ(got.size(), 1u);
    ASSERT_TRUE(got[0].read);
    ASSERT_EQ(got[0].read->sources.size(), 1u);
    EXPECT_EQ(got[0].read->sources[0].path, dir.file("villages.geojson"));
    dialog.show_preview({u8"村：3 个", {u8"第 2 行 “卫生室”"}, ""});
    gui.frame(draw, false);
    ASSERT_TRUE(gui.click_item("import.create"));
    gui.drain(draw, 2, 2000, false);
    ASSERT_TRUE(gui.click_item("file.ok"));  // the default name: villages.gpkg
    gui.drain(draw, 2, 2000, false);
    ASSERT_EQ(got.size(), 2u);
    ASSERT_TRUE(got[1].create);
    EXPECT_EQ(*got[1].create, dir.file("villages.gpkg"));
    EXPECT_FALSE(fs::exists(dir.file("villages.gpkg"))) << "the dialog writes nothing";
    EXPECT_TRUE(dialog.is_open()) << "open until the app created the plan";
}

TEST(ImportDialog, add_folder_picks_the_folder_shown) {
    test::TempDir dir;
    fs::create_directories(dir.file(u8"宣化区数据"));
    test::HeadlessImGui gui;
    ui::ImportDialog dialog;
    dialog.open(dir.path());
    auto draw = [&] { (void)dialog.draw(); };
    gui.frame(draw, false);
    gui.frame(draw, false);
    ASSERT_TRUE(gui.click_item("import.add_folder"));
    gui.drain(draw, 2, 2000, false);
    ASSERT_TRUE(gui.click_item(u8"file.entry.宣化区数据"));
    gui.drain(draw, 2, 2000, false);
    ASSERT_TRUE(gui.click_item("file.ok"));
    gui.drain(draw, 2, 2000, false);
    ASSERT_EQ(dialog.sources().size(), 1u);
    EXPECT_EQ(fs::path(dialog.sources()[0].path), fs::path(dir.file(u8"宣化区数据")));
    EXPECT_EQ(dialog.sources()[0].role, ui::ImportRole::kAuto);
}

}  // namespace
}  // namespace beltplan
