// `beltplan import` end to end on department-style files (issues 8 and 9): a folder of files in
// one go, the summary in the user's language, unmatched site rows beside the plan, a plan that
// is never replaced by a damaged source, and figures that come out right downstream.
#include "io/county_fixture.h"
#include "io/plan_file.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

namespace beltplan {
namespace {

namespace county = test::county;
namespace fs = std::filesystem;

// Villages with seat columns 驻地经度/驻地纬度 in degrees on a GK layer, townships, and a site
// sheet with WGS-84 coordinates at every seat; written as a folder.
std::string write_department_folder(const test::TempDir& dir) {
    fs::create_directory(dir.file("data"));
    county::LayerData villages{
        "村界",
        wkbPolygon,
        4547,
        {{"村代码"}, {"村名称"}, {"驻地经度", OFTReal}, {"驻地纬度", OFTReal}},
        {}};
    std::string sheet = "示范点名称,所在村,乡镇,级别,经度,纬度\n";
    for (const county::Village& v : county::villages()) {
        const core::LonLat c = county::centre(v);
        char lon[32];
        char lat[32];
        std::snprintf(lon, sizeof lon, "%.7f", c.lon + 0.002);  // seats off the square's centre
        std::snprintf(lat, sizeof lat, "%.7f", c.lat + 0.001);
        villages.rows.push_back({county::village_wkt(v, "EPSG:4547"), {v.code, v.name, lon, lat}});
        sheet += std::string(v.short_name) + "示范点," + v.short_name + "," + v.town_name +
                 ",镇级," + lon + "," + lat + "\n";
    }
    villages.options = {"ENCODING=CP936"};
    county::write_dataset(dir.file("data/村界.shp"), "ESRI Shapefile", {villages});
    std::ofstream(dir.file("data/示范点.csv")) << sheet;
    return dir.file("data");
}

TEST(ImportCli, a_folder_goes_in_and_seats_in_degrees_give_the_right_coverage) {
    test::TempDir dir;
    const std::string folder = write_department_folder(dir);
    const std::string plan = dir.file("plan.gpkg");
    auto run = test::run_beltplan("import '" + folder + "' -o '" + plan + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err << run.out;
    EXPECT_NE(run.out.find("== Import summary =="), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Wrote " + plan + ": 11 villages, 2 townships, 0 roads, 11 sites."),
              std::string::npos)
        << run.out;
    // Every site stands on its village's seat: all 11 covered even at a 50 m radius. Read as
    // metres (before), the seats were 4,000 km away and coverage was 0 %.
    auto report = test::run_beltplan("report '" + plan + "' --radius 50 --json");
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const nlohmann::json j = nlohmann::json::parse(report.out);
    EXPECT_EQ(j["villages"], 11);
    EXPECT_EQ(j["covered_villages"], 11);
}

TEST(ImportCli, the_summary_speaks_chinese_in_a_chinese_locale) {
    test::TempDir dir;
    const std::string folder = write_department_folder(dir);
    setenv("BELTPLAN_LANG", "zh", 1);
    auto run = test::run_beltplan("import '" + folder + "' -o '" + dir.file("p.gpkg") + "'");
    unsetenv("BELTPLAN_LANG");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("== 导入摘要 =="), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("已写入"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("Import summary"), std::string::npos);
}

TEST(ImportCli, unmatched_site_rows_are_written_beside_the_plan) {
    test::TempDir dir;
    const std::string folder = write_department_folder(dir);
    std::ofstream(dir.file("sites.csv")) << "示范点名称,所在村,乡镇,级别\n"
                                            "甲,屈家庄,沙岭子镇,区级\n"
                                            "乙,东山村,崞村镇,区级\n";
    const std::string plan = dir.file("plan.gpkg");
    auto run = test::run_beltplan("import --villages '" + folder + "/村界.shp' --sites '" +
                                  dir.file("sites.csv") + "' -o '" + plan + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string csv = dir.file("plan.unmatched_sites.csv");
    EXPECT_NE(run.out.find("1 site rows matched no village or several and were written to " + csv),
              std::string::npos)
        << run.out;
    EXPECT_NE(test::read_text(csv).find("2,乙,东山村,崞村镇,no village found"), std::string::npos);
    core::Result<core::Plan> read = io::read_plan(plan);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->sites.size(), 1u);
}

TEST(ImportCli, a_cut_dbf_never_replaces_a_plan_even_with_force) {
    test::TempDir dir;
    const std::string folder = write_department_folder(dir);
    const std::string plan = dir.file("plan.gpkg");
    ASSERT_EQ(test::run_beltplan("import '" + folder + "' -o '" + plan + "'").exit_code, 0);
    const std::string before = test::read_text(plan);
    const std::string dbf = folder + "/村界.dbf";
    county::truncate_file(dbf, static_cast<std::size_t>(fs::file_size(dbf)) / 2);
    auto run = test::run_beltplan("import '" + folder + "' -o '" + plan + "' --force");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find(dbf + ": the header declares 11 records but only "), std::string::npos)
        << run.err;
    EXPECT_EQ(test::read_text(plan), before);  // byte for byte
}

TEST(ImportCli, no_source_is_a_usage_error) {
    test::TempDir dir;
    auto run = test::run_beltplan("import -o '" + dir.file("x.gpkg") + "'");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("no source given"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace beltplan
