// `beltplan compare` run as the executable on two small plans saved to a temporary folder:
// exact JSON numbers, the rows of --out and the errors.
#include "io/plan_file.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <utility>

namespace beltplan {
namespace {

using nlohmann::json;

// a b c d in one row of 1 km cells, populations 100 200 300 400, radius 1000.
// A: s1 at a's centre, s2 far away; J1 {a, b}. Covered: a b.
core::Plan row_plan() {
    core::Plan plan = test::grid_plan({"abcd"});
    plan.crs = core::CrsInfo{};
    plan.crs.epsg = 4547;
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        plan.villages[i].population = static_cast<std::int64_t>(100 * (i + 1));
    }
    plan.settings.reach_m = 1000;
    test::add_site(plan, 500, 500, "s1");
    test::add_site(plan, 20000, 20000, "s2");
    plan.joint_orgs = {{"J1",
                        "甲",
                        core::JointOrgMode::kStrongWeak,
                        {plan.villages[0].code, plan.villages[1].code},
                        plan.villages[0].code}};
    return plan;
}

struct Plans {
    std::string a;
    std::string b;
};

// B: s1 moved to the b/c border (covers b c), s2 removed, s3 added far away; J1 becomes
// {b, c, d}. So a loses coverage and leaves J1, c gains and joins, d joins, b is unchanged.
Plans write_plans(const test::TempDir& dir) {
    core::Plan a = row_plan();
    core::Plan b = row_plan();
    b.sites[0].position = {2000, 500};
    b.sites.pop_back();
    test::add_site(b, -20000, 20000, "s3");
    b.joint_orgs[0].members = {b.villages[1].code, b.villages[2].code, b.villages[3].code};
    b.joint_orgs[0].lead = b.villages[1].code;
    Plans p{dir.file("a.gpkg"), dir.file("b.gpkg")};
    for (const auto& [plan, path] : {std::pair{&a, p.a}, {&b, p.b}}) {
        const core::Status saved = io::write_plan(*plan, path);
        EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().message);
    }
    return p;
}

std::vector<std::string> codes(const json& list) {
    std::vector<std::string> out;
    for (const auto& v : list) {
        out.push_back(v["code"]);
    }
    return out;
}

TEST(CliCompare, json_gives_hand_counts) {
    test::TempDir dir;
    const Plans p = write_plans(dir);
    auto run = test::run_beltplan("compare '" + p.a + "' '" + p.b + "' --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["a"]["villages"], 4);
    EXPECT_EQ(j["a"]["covered_villages"], 2);
    EXPECT_EQ(j["a"]["population"], 1000);
    EXPECT_EQ(j["a"]["covered_population"], 300);
    EXPECT_EQ(j["b"]["covered_villages"], 2);
    EXPECT_EQ(j["b"]["covered_population"], 500);
    EXPECT_EQ(j["a"]["radius_m"], 1000.0);
    EXPECT_EQ(j["b"]["distance"], "euclidean");
    EXPECT_EQ(j["a"]["joint_orgs"], 1);
    EXPECT_EQ(j["b"]["valid_joint_orgs"], 1);
    EXPECT_EQ(j["settings_differ"], false);
    EXPECT_EQ(j["common_villages"], 4);
    ASSERT_EQ(j["by_township"].size(), 1u);
    EXPECT_EQ(j["by_township"][0]["covered_a"], 2);
    EXPECT_EQ(j["by_township"][0]["covered_b"], 2);
    EXPECT_EQ(j["by_township"][0]["change"], 0);
    using Codes = std::vector<std::string>;
    EXPECT_EQ(codes(j["villages_gained"]), (Codes{"130705100203"}));
    EXPECT_EQ(codes(j["villages_lost"]), (Codes{"130705100201"}));
    EXPECT_EQ(codes(j["villages_regrouped"]),
              (Codes{"130705100201", "130705100203", "130705100204"}));
    EXPECT_TRUE(j["only_in_a"].empty());
    EXPECT_TRUE(j["only_in_b"].empty());
    EXPECT_EQ(j["villages_lost"][0]["distance_a_m"], 0.0);
    EXPECT_EQ(j["villages_lost"][0]["distance_b_m"], 1500.0);
    ASSERT_EQ(j["sites_added"].size(), 1u);
    EXPECT_EQ(j["sites_added"][0]["id"], "s3");
    ASSERT_EQ(j["sites_removed"].size(), 1u);
    EXPECT_EQ(j["sites_removed"][0]["id"], "s2");
    ASSERT_EQ(j["sites_moved"].size(), 1u);
    EXPECT_EQ(j["sites_moved"][0]["id"], "s1");
    EXPECT_EQ(j["sites_moved"][0]["distance_m"], 1500.0);
    EXPECT_TRUE(j["orgs_added"].empty());
    EXPECT_TRUE(j["orgs_removed"].empty());
    ASSERT_EQ(j["orgs_changed"].size(), 1u);
    EXPECT_EQ(j["orgs_changed"][0]["joined"], (Codes{"130705100203", "130705100204"}));
    EXPECT_EQ(j["orgs_changed"][0]["left"], (Codes{"130705100201"}));
    EXPECT_EQ(j["orgs_changed"][0]["lead_changed"], true);
}

TEST(CliCompare, out_writes_one_row_per_differing_village) {
    test::TempDir dir;
    const Plans p = write_plans(dir);
    const std::string out = dir.file("diff.csv");
    auto run = test::run_beltplan("compare '" + p.a + "' '" + p.b + "' --out '" + out + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(test::read_text(out),
              "\xEF\xBB\xBF"
              "code,name,town_code,status,covered_a,covered_b,distance_a_m,distance_b_m,org_a,"
              "org_b\n"
              "130705100201,a,130705100,lost,1,0,0.0,1500.0,J1,\n"
              "130705100203,c,130705100,gained,0,1,2000.0,500.0,,J1\n"
              "130705100204,d,130705100,regrouped,0,0,3000.0,1500.0,,J1\n");
    EXPECT_NE(run.out.find("Wrote 3 villages that differ to"), std::string::npos) << run.out;
    EXPECT_FALSE(std::filesystem::exists(out + ".tmp"));
}

TEST(CliCompare, radius_flag_applies_to_both_plans) {
    test::TempDir dir;
    const Plans p = write_plans(dir);
    auto run = test::run_beltplan("compare '" + p.a + "' '" + p.b + "' --radius 1500 --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_EQ(j["a"]["radius_m"], 1500.0);
    EXPECT_EQ(j["a"]["covered_villages"], 2);  // c is 2000 m from s1
    EXPECT_EQ(j["b"]["covered_villages"], 4);  // a and d are 1500 m from the b/c border
    EXPECT_EQ(codes(j["villages_gained"]),
              (std::vector<std::string>{"130705100203", "130705100204"}));
    EXPECT_TRUE(j["villages_lost"].empty());
}

TEST(CliCompare, text_shows_the_table_and_the_changed_villages) {
    test::TempDir dir;
    const Plans p = write_plans(dir);
    auto run = test::run_beltplan("compare '" + p.a + "' '" + p.b + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("Both measured within 1000 m, euclidean distance."), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  covered population" + std::string(14, ' ') +
                           "300          500         +200"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("Villages that lost coverage (1):\n  130705100201 a  0 m -> 1500 m"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  130705100204 d  none -> J1"), std::string::npos) << run.out;
}

TEST(CliCompare, missing_file_is_one_line_and_exit_one) {
    test::TempDir dir;
    const Plans p = write_plans(dir);
    auto run = test::run_beltplan("compare '" + p.a + "' /nonexistent/b.gpkg");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("/nonexistent/b.gpkg"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << run.err;
    EXPECT_TRUE(run.out.empty());
}

TEST(CliCompare, plans_without_a_common_village_are_refused) {
    test::TempDir dir;
    const Plans p = write_plans(dir);
    core::Plan other = row_plan();
    for (auto& v : other.villages) {
        v.code = "9" + v.code.substr(1);
    }
    other.joint_orgs.clear();
    const std::string path = dir.file("other.gpkg");
    ASSERT_TRUE(io::write_plan(other, path).ok());
    auto run = test::run_beltplan("compare '" + p.a + "' '" + path + "' --json");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.err.find("share no village code"), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty());
}

}  // namespace
}  // namespace beltplan
