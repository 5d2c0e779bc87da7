// `beltplan roads` and the road line of `report --distance network`, run as the executable on a
// small plan whose road problems are known by construction.
#include "io/plan_file.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>

namespace beltplan {
namespace {

using nlohmann::json;

core::Road road(const std::string& name, std::vector<core::PointM> pts) {
    core::Road r;
    r.name = name;
    r.parts.push_back(core::LineString{std::move(pts)});
    return r;
}

// Villages a b c d (1 km cells, anchors at x = 500, 1500, 2500, 3500 and y = 500) and a site
// on the trunk along y = 0. The branch stops 5 m short of the trunk, the overpass crosses it
// with no vertex, the island road lies apart: b, c and d reach only those small pieces.
std::string write_road_plan(const test::TempDir& dir, bool with_problems) {
    core::Plan plan = test::grid_plan({"abcd"});
    plan.crs.epsg = 4547;
    plan.roads.push_back(road("trunk", {{0, 0}, {3000, 0}}));
    if (with_problems) {
        plan.roads.push_back(road("branch", {{1500, 900}, {1500, 5}}));
        plan.roads.push_back(road("overpass", {{2500, -300}, {2500, 300}}));
        plan.roads.push_back(road("island", {{3500, 500}, {3900, 500}}));
    }
    test::add_site(plan, 100, 50);
    const std::string path = dir.file(with_problems ? "roads.gpkg" : "clean.gpkg");
    const core::Status saved = io::write_plan(plan, path);
    EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().message);
    return path;
}

TEST(CliRoads, json_lists_pieces_cut_off_villages_and_problems) {
    test::TempDir dir;
    auto run = test::run_beltplan("roads '" + write_road_plan(dir, true) + "' --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["lines"], 4);
    ASSERT_EQ(j["pieces"].size(), 4u);
    EXPECT_DOUBLE_EQ(j["pieces"][0]["length_m"].get<double>(), 3000.0);
    EXPECT_EQ(j["pieces"][0]["sites"], 1);
    EXPECT_DOUBLE_EQ(j["pieces"][1]["length_m"].get<double>(), 895.0);
    ASSERT_EQ(j["cut_off"].size(), 3u);
    EXPECT_EQ(j["cut_off"][0]["name"], "b");
    EXPECT_EQ(j["counts"]["dangling_end"], 1);
    EXPECT_EQ(j["counts"]["crossing"], 1);
    EXPECT_EQ(j["counts"]["duplicate"], 0);
    const json& end = j["problems"][0];
    EXPECT_EQ(end["kind"], "dangling_end");
    EXPECT_EQ(end["road"], "branch");
    EXPECT_EQ(end["other_road"], "trunk");
    EXPECT_DOUBLE_EQ(end["length_m"].get<double>(), 5.0);
    const json& cross = j["problems"][1];
    EXPECT_EQ(cross["kind"], "crossing");
    EXPECT_DOUBLE_EQ(cross["x"].get<double>(), 2500.0);
    EXPECT_DOUBLE_EQ(cross["y"].get<double>(), 0.0);
}

TEST(CliRoads, out_writes_the_problems_as_a_geopackage) {
    test::TempDir dir;
    const std::string out = dir.file("problems.gpkg");
    auto run = test::run_beltplan("roads '" + write_road_plan(dir, true) + "' --out '" + out + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("Problems written to"), std::string::npos) << run.out;
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    ASSERT_NE(ds, nullptr);
    OGRLayer* points = ds->GetLayerByName("road_problems");
    ASSERT_NE(points, nullptr);
    std::map<std::string, int> kinds;
    for (auto& f : *points) {
        ++kinds[f->GetFieldAsString("kind")];
    }
    EXPECT_EQ(kinds, (std::map<std::string, int>{{"crossing", 1}, {"dangling_end", 1}}));
    ASSERT_NE(ds->GetLayerByName("small_pieces"), nullptr);
    EXPECT_EQ(ds->GetLayerByName("small_pieces")->GetFeatureCount(), 3);        // one segment each
    EXPECT_EQ(ds->GetLayerByName("road_problem_lines")->GetFeatureCount(), 1);  // the 5 m gap
}

TEST(CliRoads, report_along_roads_warns_in_one_line_only_when_roads_have_problems) {
    test::TempDir dir;
    auto noisy =
        test::run_beltplan("report '" + write_road_plan(dir, true) + "' --distance network");
    ASSERT_EQ(noisy.exit_code, 0) << noisy.err;
    EXPECT_NE(noisy.err.find("Road layer: the network is in 4 pieces and 3 villages reach only"),
              std::string::npos)
        << noisy.err;
    EXPECT_NE(noisy.err.find("1 crossings without a junction"), std::string::npos) << noisy.err;
    EXPECT_EQ(noisy.err.find('\n'), noisy.err.size() - 1);  // one line
    auto clean =
        test::run_beltplan("report '" + write_road_plan(dir, false) + "' --distance network");
    ASSERT_EQ(clean.exit_code, 0) << clean.err;
    EXPECT_EQ(clean.err, "");
}

TEST(CliRoads, a_plan_without_roads_or_a_missing_folder_is_refused) {
    test::TempDir dir;
    core::Plan plan = test::grid_plan({"ab"});
    plan.crs.epsg = 4547;
    const std::string path = dir.file("bare.gpkg");
    ASSERT_TRUE(io::write_plan(plan, path).ok());
    auto bare = test::run_beltplan("roads '" + path + "'");
    EXPECT_EQ(bare.exit_code, 1);
    EXPECT_NE(bare.err.find("the plan has no road lines to check"), std::string::npos) << bare.err;
    const std::string nowhere = dir.file("missing/problems.gpkg");
    auto out =
        test::run_beltplan("roads '" + write_road_plan(dir, true) + "' --out '" + nowhere + "'");
    EXPECT_EQ(out.exit_code, 1);
    EXPECT_NE(out.err.find("does not exist"), std::string::npos) << out.err;
    EXPECT_FALSE(std::filesystem::exists(nowhere));
}

}  // namespace
}  // namespace beltplan
