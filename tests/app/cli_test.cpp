// The beltplan executable end to end: arguments, input files, JSON output and exit codes.
#include "analysis/coverage.h"
#include "io/plan_file.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace beltplan {
namespace {

using nlohmann::json;

// The 4x4 grid with a site at a's centre, saved as a plan file.
std::string write_grid_plan(const test::TempDir& dir) {
    core::Plan plan = test::grid_plan({"abcd", "efgh", "ijkl", "mnop"});
    plan.crs = core::CrsInfo{};
    plan.crs.epsg = 4547;
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        plan.villages[i].population = 1000;
    }
    test::add_site(plan, 500, 3500);
    plan.settings.reach_m = 1000.0;
    const std::string path = dir.file("grid.gpkg");
    const core::Status saved = io::write_plan(plan, path);
    EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().message);
    return path;
}

TEST(Cli, report_json_on_grid_gives_hand_counts) {
    test::TempDir dir;
    const std::string plan = write_grid_plan(dir);
    auto run = test::run_beltplan("report '" + plan + "' --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["villages"], 16);
    EXPECT_EQ(j["sites"], 1);
    EXPECT_EQ(j["radius_m"], 1000.0);
    EXPECT_EQ(j["distance"], "euclidean");
    EXPECT_EQ(j["covered_villages"], 3);
    EXPECT_EQ(j["population"], 16000);
    EXPECT_EQ(j["covered_population"], 3000);
    ASSERT_EQ(j["by_township"].size(), 1u);
    EXPECT_EQ(j["by_township"][0]["code"], "130705100");
    EXPECT_EQ(j["by_township"][0]["covered_villages"], 3);
    EXPECT_EQ(j["uncovered"].size(), 13u);
}

TEST(Cli, report_radius_flag_overrides_plan_setting) {
    test::TempDir dir;
    const std::string plan = write_grid_plan(dir);
    auto run = test::run_beltplan("report '" + plan + "' --radius 1500 --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(json::parse(run.out)["covered_villages"], 4);
}

TEST(Cli, network_report_without_roads_says_so) {
    test::TempDir dir;
    const std::string plan = write_grid_plan(dir);
    auto run = test::run_beltplan("report '" + plan + "' --distance network");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("layer 'roads'"), std::string::npos) << run.err;
}

TEST(Cli, report_on_missing_file_names_it_and_fails) {
    auto run = test::run_beltplan("report /nonexistent/plan.gpkg");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("/nonexistent/plan.gpkg"), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty());
}

TEST(Cli, bad_usage_exits_two) {
    EXPECT_EQ(test::run_beltplan("report").exit_code, 2);
    EXPECT_EQ(test::run_beltplan("report x.gpkg --radius -5").exit_code, 2);
    EXPECT_EQ(test::run_beltplan("report x.gpkg --distance flying").exit_code, 2);
    EXPECT_EQ(test::run_beltplan("import -o x.gpkg").exit_code, 2);  // --villages missing
}

TEST(Cli, import_refuses_to_overwrite_without_force) {
    test::TempDir dir;
    const std::string plan = write_grid_plan(dir);
    const std::string before = test::read_text(plan);
    auto run = test::run_beltplan("import --villages '" + plan + "' -o '" + plan + "'");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("--force"), std::string::npos) << run.err;
    EXPECT_EQ(test::read_text(plan), before);
}

TEST(Cli, bad_field_map_is_a_usage_error) {
    test::TempDir dir;
    const std::string plan = write_grid_plan(dir);
    auto run = test::run_beltplan("import --villages '" + plan + "' -o '" + dir.file("o.gpkg") +
                                  "' --field villages.code");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("ROLE.TARGET=SOURCE"), std::string::npos) << run.err;
}

// The sample plan: the report must agree with coverage counted here independently.
TEST(Cli, sample_report_matches_independent_count) {
    const std::string sample = test::source_path("maps/xuanhua.gpkg");
    auto plan = io::read_plan(sample);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(plan->villages.size(), 404u);
    EXPECT_EQ(plan->townships.size(), 24u);
    long long covered = 0;
    for (const auto& v : plan->villages) {
        double best = INFINITY;
        for (const auto& s : plan->sites) {
            best = std::min(best, std::hypot(core::anchor(v).x - s.position.x,
                                             core::anchor(v).y - s.position.y));
        }
        covered += best <= plan->settings.reach_m ? 1 : 0;
    }
    auto run = test::run_beltplan("report '" + sample + "' --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["villages"], 404);
    EXPECT_EQ(j["sites"], plan->sites.size());
    EXPECT_EQ(j["covered_villages"], covered);
    EXPECT_GT(covered, 0);
    EXPECT_LT(covered, 404);
    EXPECT_EQ(j["by_township"].size(), 24u);
    long long sum = 0;
    for (const auto& t : j["by_township"]) {
        sum += t["covered_villages"].get<long long>();
    }
    EXPECT_EQ(sum, covered);
}

TEST(Cli, info_lists_layers_and_crs_of_sample) {
    auto run = test::run_beltplan("info '" + test::source_path("maps/xuanhua.gpkg") + "' --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["crs_epsg"], 4547);
    std::vector<std::string> names;
    for (const auto& l : j["layers"]) {
        names.push_back(l["name"]);
    }
    for (const char* want :
         {"villages", "townships", "roads", "sites", "joint_orgs", "belts", "work_stations"}) {
        EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
    }
}

TEST(Cli, contiguity_writes_exact_rook_pairs) {
    test::TempDir dir;
    const std::string plan = write_grid_plan(dir);
    const std::string out = dir.file("pairs.csv");
    auto run = test::run_beltplan("contiguity '" + plan + "' --rule rook --out '" + out + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = test::read_text(out);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 24);
    EXPECT_NE(text.find("130705100201,130705100202\n"), std::string::npos);  // a,b
    EXPECT_NE(text.find("130705100201,130705100205\n"), std::string::npos);  // a,e
    EXPECT_EQ(text.find("130705100201,130705100206\n"), std::string::npos);  // a,f corner
    EXPECT_NE(run.out.find("24 neighbour pairs"), std::string::npos) << run.out;
}

TEST(Cli, contiguity_json_counts_queen_pairs_and_islands) {
    test::TempDir dir;
    const std::string plan = write_grid_plan(dir);
    auto run = test::run_beltplan("contiguity '" + plan + "' --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["pairs"], 42);
    EXPECT_EQ(j["islands"].size(), 0u);
    EXPECT_EQ(j["pair_list"].size(), 42u);
}

}  // namespace
}  // namespace beltplan
