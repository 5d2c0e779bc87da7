// File > New from import in the window (issue 8 item 9): three villages in a GeoJSON file made
// here, read in the dialog (summary shown, nothing written), created after the planner picks
// the plan file, then shown in the window.
#include "app/window_app.h"
#include "core/messages.h"
#include "io/plan_file.h"
#include "support/test_support.h"
#include "ui/editor.h"
#include "window/window_fixture.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

// Three 0.01-degree squares in a row at 115E 40.6N (WGS-84), codes of one township.
std::string three_villages_geojson() {
    const char* names[] = {u8"东村", u8"西村", u8"南村"};
    std::string features;
    for (int i = 0; i < 3; ++i) {
        const double lon = 115.0 + 0.01 * i;
        const double lat = 40.6;
        char ring[400];
        std::snprintf(ring, sizeof ring,
                      "[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]", lon, lat,
                      lon + 0.01, lat, lon + 0.01, lat + 0.01, lon, lat + 0.01, lon, lat);
        features += std::string(i > 0 ? "," : "") +
                    R"({"type":"Feature","properties":{"XZQDM":"13070510020)" +
                    std::to_string(i + 1) + R"(","名称":")" + names[i] +
                    R"(","乡镇名称":"深井镇","人口":")" + std::to_string(100 * (i + 1)) +
                    R"("},"geometry":{"type":"Polygon","coordinates":[)" + ring + "]}}";
    }
    return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

class WindowImport : public test::WindowFixture {};

TEST_F(WindowImport, the_dialog_reads_shows_the_summary_and_creates_only_on_create) {
    const std::string source = dir_.file("villages.geojson");
    std::ofstream(source) << three_villages_geojson();
    const std::string target = dir_.file(u8"新导入.gpkg");

    ASSERT_TRUE(click_item("menu.file"));
    ASSERT_TRUE(click_item("menu.new_import"));
    ui::ImportDialog& dialog = app_->editor().files.importer;
    ASSERT_TRUE(dialog.is_open());
    // The planner added the file with Add files (the file dialog is tested in tests/ui).
    dialog.add_source(source, ui::ImportRole::kVillages);
    frames(2);
    ASSERT_TRUE(click_item("import.read"));
    ASSERT_TRUE(dialog.preview().has_value());
    EXPECT_EQ(dialog.preview()->error, "");
    EXPECT_NE(dialog.preview()->summary.find(u8"东村"), std::string::npos)
        << dialog.preview()->summary;
    EXPECT_TRUE(dialog.preview()->unmatched.empty());
    EXPECT_FALSE(fs::exists(target)) << "nothing written before Create";
    EXPECT_EQ(app_->plan_path(), path_) << "the open plan stays";
    frames(2);
    screenshot("window_import_dialog.png");

    ASSERT_TRUE(click_item("import.create"));
    ASSERT_TRUE(dialog.browser().is_open());
    EXPECT_EQ(dialog.browser().mode(), ui::FileDialogMode::kSave);
    dialog.browser().set_name_field(u8"新导入");
    frames(2);
    EXPECT_FALSE(fs::exists(target));
    ASSERT_TRUE(click_item("file.ok"));
    frames(2);
    EXPECT_TRUE(fs::exists(target));
    EXPECT_FALSE(dialog.is_open());
    EXPECT_EQ(app_->plan_path(), target);
    ASSERT_EQ(app_->plan().villages.size(), 3u);
    EXPECT_EQ(app_->plan().villages[0].name, u8"东村");
    EXPECT_EQ(app_->plan().villages[2].name, u8"南村");
    EXPECT_EQ(app_->analysis().reach().size(), 3u);
    EXPECT_EQ(app_->plan().name, "villages") << "named after its source, as the CLI does";
    EXPECT_NE(app_->title().find("villages"), std::string::npos) << app_->title();
    auto on_disk = io::read_plan(target);
    ASSERT_TRUE(on_disk) << on_disk.error().message;
    EXPECT_EQ(on_disk.value(), app_->plan());
    screenshot("window_imported.png");
}

// A source the import refuses: the sentence shows in the dialog and Create stays off.
TEST_F(WindowImport, a_refused_import_shows_its_sentence_in_the_dialog) {
    const std::string source = dir_.file("broken.geojson");
    std::ofstream(source) << "{\"type\":\"FeatureCollection\",\"features\":[";
    ASSERT_TRUE(click_item("menu.file"));
    ASSERT_TRUE(click_item("menu.new_import"));
    ui::ImportDialog& dialog = app_->editor().files.importer;
    dialog.add_source(source, ui::ImportRole::kVillages);
    frames(2);
    ASSERT_TRUE(click_item("import.read"));
    ASSERT_TRUE(dialog.preview().has_value());
    EXPECT_NE(dialog.preview()->error, "");
    EXPECT_FALSE(dialog.can_create());
    EXPECT_EQ(app_->plan_path(), path_);
}

}  // namespace
}  // namespace beltplan
