// File > Export map and File > Export tables in the window (issue 11 item 3): the exported PNG
// is the meeting map of render::render_map for the same request, pixel for pixel, with none of
// the window's panels; the tables read back with GDAL's XLSX driver hold the window's coverage
// per township; a folder that does not exist is refused and nothing is written.
#include "analysis/plan_analysis.h"
#include "app/window_app.h"
#include "core/messages.h"
#include "render/map_render.h"
#include "support/test_support.h"
#include "ui/editor.h"
#include "window/window_fixture.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <utility>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

struct GdalCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using Dataset = std::unique_ptr<GDALDataset, GdalCloser>;

// The PNG's pixels as RGBA rows (row 0 at the top); empty when GDAL cannot read it.
core::RasterImage read_png(const std::string& path) {
    GDALAllRegister();
    const char* drivers[] = {"PNG", nullptr};
    Dataset ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER, drivers, nullptr, nullptr));
    core::RasterImage img;
    if (!ds || ds->GetRasterCount() < 3) {
        return img;
    }
    img.width = ds->GetRasterXSize();
    img.height = ds->GetRasterYSize();
    img.rgba.assign(static_cast<std::size_t>(img.width) * img.height * 4, 255);
    const int bands = std::min(ds->GetRasterCount(), 4);
    for (int b = 1; b <= bands; ++b) {
        const CPLErr err = ds->GetRasterBand(b)->RasterIO(
            GF_Read, 0, 0, img.width, img.height, img.rgba.data() + (b - 1), img.width, img.height,
            GDT_Byte, 4, static_cast<GSpacing>(img.width) * 4, nullptr);
        if (err != CE_None) {
            return core::RasterImage{};
        }
    }
    return img;
}

std::uint32_t pixel(const core::RasterImage& img, int x, int y) {
    const std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           p[3];
}

// Every channel of an RGBA pixel at least 250 of 255.
bool near_white(std::uint32_t rgba) {
    return (rgba >> 24) >= 250 && ((rgba >> 16) & 0xff) >= 250 && ((rgba >> 8) & 0xff) >= 250;
}

// Pixels (RGB) that differ between two images of one size.
int differing_pixels(const core::RasterImage& a, const core::RasterImage& b) {
    int n = 0;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            n += (pixel(a, x, y) >> 8) != (pixel(b, x, y) >> 8) ? 1 : 0;
        }
    }
    return n;
}

class WindowExport : public test::WindowFixture {
protected:
    // Opens File > Export map or tables from the menu; the dialog's fields to fill.
    ui::ExportDialog& open_dialog(const char* menu_item) {
        EXPECT_TRUE(click_item("menu.file"));
        EXPECT_TRUE(click_item(menu_item));
        ui::ExportDialog& dialog = app_->editor().files.exporter;
        EXPECT_TRUE(dialog.is_open());
        return dialog;
    }
    // Presses Export in the dialog.
    void press_export() {
        frames(2);
        ASSERT_TRUE(click_item("export.go"));
        frames(2);
    }
    // The window's map request drawn by the render library, as `beltplan render` draws it.
    render::MapImage reference(const render::MapRequest& request) {
        render::MapInputs in;
        in.plan = &app_->plan();
        in.analysis = &app_->analysis();
        auto image = render::render_map(in, request);
        EXPECT_TRUE(image) << image.error().message;
        return image ? std::move(*image) : render::MapImage{};
    }
};

TEST_F(WindowExport, whole_plan_png_is_the_render_of_the_same_request_without_panels) {
    const std::string png = dir_.file(u8"会议图.png");
    ui::ExportDialog& dialog = open_dialog("menu.export_map");
    dialog.fields().scope = ui::MapScope::kWholePlan;
    dialog.fields().width_px = 900;
    dialog.fields().height_px = 620;
    dialog.fields().path = png;
    screenshot("window_export_dialog.png");
    press_export();
    EXPECT_FALSE(dialog.is_open());
    EXPECT_EQ(app_->status(), core::tr("window.export_wrote", {png}));

    if (const char* shots = std::getenv("BELTPLAN_SCREENSHOT_DIR")) {
        fs::copy_file(png, std::string(shots) + "/window_export_map.png",
                      fs::copy_options::overwrite_existing);
    }
    const core::RasterImage exported = read_png(png);
    ASSERT_EQ(exported.width, 900);
    ASSERT_EQ(exported.height, 620);
    render::MapRequest request;  // what `beltplan render --size 900x620` asks (coverage)
    request.width = 900;
    request.height = 620;
    request.coloring.mode = render::ColorMode::kCoverage;
    request.coloring.attribute = "population";
    const render::MapImage expected = reference(request);
    ASSERT_EQ(expected.image.width, 900);
    EXPECT_EQ(differing_pixels(exported, expected.image), 0);
    // Known places: the first village's seat and the plan's middle.
    const core::Plan& plan = app_->plan();
    const core::Box box = core::bounds(plan);
    for (const core::PointM at :
         {core::anchor(plan.villages.front()),
          core::PointM{0.5 * (box.min_x + box.max_x), 0.5 * (box.min_y + box.max_y)}}) {
        const render::PagePoint p = expected.pixel(at);
        const int x = static_cast<int>(p.x);
        const int y = static_cast<int>(p.y);
        ASSERT_TRUE(x >= 0 && y >= 0 && x < 900 && y < 620);
        EXPECT_EQ(pixel(exported, x, y), pixel(expected.image, x, y)) << x << "," << y;
    }
    // Where the window draws its menu bar (top left, grey with the word 文件/File) the export
    // has the white title band of the map.
    const std::string grab = dir_.file("window.png");
    app_->capture_next_frame(grab);
    frames(1);
    ASSERT_EQ(app_->capture_result(), "ok");
    const core::RasterImage window = read_png(grab);
    ASSERT_GE(window.width, 100);
    for (const auto& [x, y] : {std::pair{4, 4}, std::pair{20, 12}, std::pair{60, 10}}) {
        EXPECT_TRUE(near_white(pixel(exported, x, y))) << std::hex << pixel(exported, x, y);
        EXPECT_FALSE(near_white(pixel(window, x, y))) << "the window's menu bar at " << x;
    }
}

TEST_F(WindowExport, current_view_png_shows_the_view_between_the_panels) {
    const core::Plan& plan = app_->plan();
    const core::PointM seat = core::anchor(plan.villages.front());
    app_->editor().view.fly_to(seat, 6000.0);
    frames(2);
    const core::Box seen = ui::visible_map_extent(app_->editor());
    const std::string png = dir_.file("view.png");
    ui::ExportDialog& dialog = open_dialog("menu.export_map");
    EXPECT_EQ(dialog.fields().scope, ui::MapScope::kCurrentView);
    dialog.fields().width_px = 800;
    dialog.fields().height_px = 600;
    dialog.fields().path = png;
    press_export();
    EXPECT_EQ(app_->status(), core::tr("window.export_wrote", {png}));

    render::MapRequest request;
    request.width = 800;
    request.height = 600;
    request.coloring.attribute = "population";
    request.extent = seen;
    const render::MapImage expected = reference(request);
    const core::RasterImage exported = read_png(png);
    ASSERT_EQ(exported.width, 800);
    EXPECT_EQ(differing_pixels(exported, expected.image), 0);
    // The map shows the view flown to (the seat inside it), not the whole plan.
    const core::Box shown = expected.view.visible();
    EXPECT_TRUE(shown.min_x <= seen.min_x && shown.max_x >= seen.max_x &&
                shown.min_y <= seen.min_y && shown.max_y >= seen.max_y);
    EXPECT_TRUE(seat.x > seen.min_x && seat.x < seen.max_x && seat.y > seen.min_y &&
                seat.y < seen.max_y);
    EXPECT_LT(shown.width(), core::bounds(plan).width() / 3.0);
}

TEST_F(WindowExport, tables_read_back_with_gdal_hold_the_coverage_per_township) {
    const std::string xlsx = dir_.file("tables.xlsx");
    ui::ExportDialog& dialog = open_dialog("menu.export_tables");
    dialog.fields().path = xlsx;
    frames(2);
    screenshot("window_export_tables_dialog.png");
    press_export();
    EXPECT_FALSE(dialog.is_open());
    EXPECT_EQ(app_->status(), core::tr("window.export_wrote_tables", {xlsx, "7"}));

    GDALAllRegister();
    const char* drivers[] = {"XLSX", nullptr};
    Dataset ds(GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr));
    ASSERT_TRUE(ds) << "GDAL's XLSX driver cannot open the workbook";
    EXPECT_EQ(ds->GetLayerCount(), 7);
    OGRLayer* towns = ds->GetLayerByName(core::tr("outputs.sheet.townships").c_str());
    ASSERT_NE(towns, nullptr);
    const auto& by_town = app_->analysis().coverage().by_township;
    ASSERT_EQ(by_town.size(), 24u) << "the sample plan has 24 townships";
    ASSERT_EQ(towns->GetFeatureCount(), 24);
    towns->ResetReading();
    std::int64_t covered = 0;
    for (const auto& t : by_town) {
        std::unique_ptr<OGRFeature> f(towns->GetNextFeature());
        ASSERT_TRUE(f);
        EXPECT_EQ(std::string(f->GetFieldAsString(0)), t.key);
        EXPECT_EQ(std::string(f->GetFieldAsString(1)), t.name);
        EXPECT_EQ(f->GetFieldAsInteger64(2), t.villages);
        EXPECT_EQ(f->GetFieldAsInteger64(3), t.covered);
        covered += f->GetFieldAsInteger64(3);
    }
    EXPECT_EQ(covered, app_->analysis().coverage().total.covered);

    // The same tables as a folder of CSV files.
    const std::string folder = dir_.file("tables-csv");
    open_dialog("menu.export_tables").set_table_format(ui::TableFormat::kCsvFolder);
    app_->editor().files.exporter.fields().path = folder;
    press_export();
    EXPECT_EQ(app_->status(), core::tr("window.export_wrote_tables", {folder, "7"}));
    int csv = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        csv += entry.path().extension() == ".csv" ? 1 : 0;
    }
    EXPECT_EQ(csv, 7);
}

TEST_F(WindowExport, a_folder_that_does_not_exist_is_refused_and_nothing_is_written) {
    const std::string missing = dir_.file("no/such");
    ui::ExportDialog& dialog = open_dialog("menu.export_map");
    dialog.fields().path = missing + "/map.png";
    const std::string before = app_->status();
    press_export();
    EXPECT_TRUE(dialog.is_open()) << "the dialog stays open with the sentence";
    EXPECT_EQ(dialog.error(), core::tr("window.file_not_found", {missing}));
    EXPECT_FALSE(fs::exists(dir_.file("no")));
    EXPECT_EQ(app_->status(), before);

    // A target the writer cannot replace (a folder of that name): the status line says why
    // and the folder stays as it was, with no temporary file left beside it.
    const std::string taken = dir_.file("taken.png");
    fs::create_directory(taken);
    dialog.fields().path = taken;
    press_export();
    const std::string failed = core::tr("window.export_failed", {""});
    EXPECT_EQ(app_->status().substr(0, failed.size()), failed) << app_->status();
    EXPECT_TRUE(fs::is_directory(taken));
    EXPECT_TRUE(fs::is_empty(taken));
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir_.path())) {
        files += entry.path().filename().string().find("taken") != std::string::npos ? 1 : 0;
    }
    EXPECT_EQ(files, 1) << "a temporary file was left";
}

}  // namespace
}  // namespace beltplan
