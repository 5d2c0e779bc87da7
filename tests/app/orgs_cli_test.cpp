// `beltplan orgs`, `contiguity` with manual edits and `export --layer contiguity_edits`, run
// as the executable on grid plans saved to a temporary folder.
#include "io/plan_file.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace beltplan {
namespace {

using nlohmann::json;

// a b . c  /  d e . f: two blocks split by an empty column; J1 {a, b} valid, J2 {b, c} of the
// same mode overlaps J1 and is split by the gap, J3 {d, f} joined by a manual link.
std::string write_org_plan(const test::TempDir& dir) {
    core::Plan plan = test::grid_plan({"ab.c", "de.f"});
    plan.crs = core::CrsInfo{};
    plan.crs.epsg = 4547;
    auto code = [&plan](std::size_t i) { return plan.villages[i].code; };  // a b c d e f
    plan.villages[0].collective_income_wan_yuan = 50.0;
    plan.villages[1].collective_income_wan_yuan = 20.0;
    plan.joint_orgs = {
        {"J1", "甲", core::JointOrgMode::kStrongWeak, {code(0), code(1)}, code(0)},
        {"J2", "乙", core::JointOrgMode::kStrongWeak, {code(1), code(2)}, code(2)},
        {"J3", "丙", core::JointOrgMode::kRegional, {code(3), code(5)}, code(5)},
    };
    plan.contiguity_edits = {{code(3), code(5), true, "桥"},
                             {code(0), "999999999999", false, "typo"}};
    const std::string path = dir.file("orgs.gpkg");
    const core::Status saved = io::write_plan(plan, path);
    EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().message);
    return path;
}

TEST(CliOrgs, json_lists_validity_reasons_and_rule_lead) {
    test::TempDir dir;
    const std::string plan = write_org_plan(dir);
    auto run = test::run_beltplan("orgs '" + plan + "' --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    ASSERT_EQ(j["joint_orgs"].size(), 3u);
    EXPECT_EQ(j["valid"], 1);
    EXPECT_EQ(j["invalid"], 2);
    EXPECT_EQ(j["contiguity_edits_applied"], 1);
    EXPECT_EQ(j["skipped_edits"].size(), 1u);
    const json& j1 = j["joint_orgs"][0];
    EXPECT_EQ(j1["valid"], false);  // overlaps J2
    EXPECT_EQ(j1["problems"][0]["kind"], "overlap");
    EXPECT_EQ(j1["rule_lead"], "130705100201");
    EXPECT_DOUBLE_EQ(j1["area_km2"].get<double>(), 2.0);
    const json& j2 = j["joint_orgs"][1];
    EXPECT_EQ(j2["valid"], false);
    std::vector<std::string> kinds;
    for (const auto& p : j2["problems"]) {
        kinds.push_back(p["kind"]);
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"not_contiguous", "overlap"}));
    EXPECT_EQ(j["joint_orgs"][2]["valid"], true);  // d - f linked across the gap
}

// --snap counts villages within the gap as neighbours: the 1 km empty column no longer splits
// J2 {b, c}, which is then only invalid for overlapping J1.
TEST(CliOrgs, snap_joins_villages_across_a_gap_for_validity) {
    test::TempDir dir;
    const std::string plan = write_org_plan(dir);
    auto run = test::run_beltplan("orgs '" + plan + "' --json --snap 1000.5");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    EXPECT_DOUBLE_EQ(j["snap_m"].get<double>(), 1000.5);
    std::vector<std::string> kinds;
    for (const auto& p : j["joint_orgs"][1]["problems"]) {
        kinds.push_back(p["kind"]);
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"overlap"}));
    auto text = test::run_beltplan("orgs '" + plan + "' --snap 1000.5");
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("queen contiguity within 1000.5 m"), std::string::npos) << text.out;
    auto bad = test::run_beltplan("orgs '" + plan + "' --snap -1");
    EXPECT_EQ(bad.exit_code, 2);
}
TEST(CliOrgs, text_names_invalid_orgs_and_reasons) {
    test::TempDir dir;
    const std::string plan = write_org_plan(dir);
    auto run = test::run_beltplan("orgs '" + plan + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("3 joint organizations: 1 valid, 2 invalid"), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("J2 乙 [strong_weak] INVALID"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("not contiguous"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("999999999999"), std::string::npos) << run.out;
}

TEST(CliOrgs, contiguity_applies_edits_unless_told_not_to) {
    test::TempDir dir;
    const std::string plan = write_org_plan(dir);
    auto with = test::run_beltplan("contiguity '" + plan + "' --json");
    ASSERT_EQ(with.exit_code, 0) << with.err;
    const json jw = json::parse(with.out);
    auto without = test::run_beltplan("contiguity '" + plan + "' --json --no-edits");
    ASSERT_EQ(without.exit_code, 0) << without.err;
    const json jo = json::parse(without.out);
    EXPECT_EQ(jw["pairs"].get<int>(), jo["pairs"].get<int>() + 1);
    EXPECT_EQ(jw["edits_applied"], 1);
    EXPECT_EQ(jo["edits_applied"], 0);
    EXPECT_EQ(jw["skipped_edits"].size(), 1u);
    auto text = test::run_beltplan("contiguity '" + plan + "'");
    EXPECT_NE(text.out.find("1 of 2 manual links and cuts applied"), std::string::npos) << text.out;
}

TEST(CliOrgs, export_writes_contiguity_edits_as_csv) {
    test::TempDir dir;
    const std::string plan = write_org_plan(dir);
    const std::string out = dir.file("edits.csv");
    auto run =
        test::run_beltplan("export '" + plan + "' --layer contiguity_edits -o '" + out + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = test::read_text(out);
    EXPECT_NE(text.find("a,b,kind,reason"), std::string::npos) << text;
    EXPECT_NE(text.find(",link,桥"), std::string::npos) << text;
    EXPECT_NE(text.find(",cut,typo"), std::string::npos) << text;
}

}  // namespace
}  // namespace beltplan
