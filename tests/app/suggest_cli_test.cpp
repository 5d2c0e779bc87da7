// `beltplan suggest` on the sample plan: JSON shapes, bounds, valid groups, plugin messages.
#include "core/command.h"
#include "io/plan_file.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>

namespace beltplan {
namespace {

using nlohmann::json;

std::string sample() {
    return "'" + test::source_path("maps/xuanhua.gpkg") + "'";
}

TEST(SuggestCli, sites_json_reports_value_bound_and_plugin_origin) {
    auto run = test::run_beltplan("suggest sites " + sample() + " --add 3 --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const json j = json::parse(run.out);
    EXPECT_EQ(j["strategy"], "sites");
    EXPECT_NE(j["origin"].get<std::string>().find("libbeltplan_plugin_sites.so"),
              std::string::npos);
    EXPECT_EQ(j["sites"].size(), 3u);
    EXPECT_GE(j["upper_bound"].get<double>(), j["value"].get<double>());
    EXPECT_GT(j["value"].get<double>(), j["baseline"].get<double>());
    EXPECT_LE(j["gap"].get<double>(), 0.01);
}

TEST(SuggestCli, strong_weak_groups_have_two_or_three_members_and_one_lead) {
    auto run = test::run_beltplan("suggest merges " + sample() + " --mode strong_weak --json");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    std::set<std::string> seen;
    ASSERT_FALSE(j["groups"].empty());
    for (const json& g : j["groups"]) {
        EXPECT_GE(g["members"].size(), 2u);
        EXPECT_LE(g["members"].size(), 3u);
        EXPECT_EQ(g["members"][0]["code"], g["lead"]["code"]);
        for (const json& m : g["members"]) {
            EXPECT_TRUE(seen.insert(m["code"].get<std::string>()).second);
        }
    }
    EXPECT_EQ(j["proven_optimal"], true);
}

TEST(SuggestCli, stations_and_belt_gaps_run_on_the_sample) {
    auto stations = test::run_beltplan("suggest stations " + sample() + " --k 3 --json");
    ASSERT_EQ(stations.exit_code, 0) << stations.err;
    EXPECT_FALSE(json::parse(stations.out)["groups"].empty());
    auto gaps = test::run_beltplan("suggest belt-gaps " + sample() + " --gap 3000 --json");
    ASSERT_EQ(gaps.exit_code, 0) << gaps.err;
    EXPECT_EQ(json::parse(gaps.out)["proven_optimal"], true);
}

// --apply --out: the suggested groups become the plan's joint organizations in a new file,
// exactly as the JSON lists them; the plan given is not touched.
TEST(SuggestCli, apply_writes_the_suggested_groups_into_a_new_plan) {
    test::TempDir dir;
    const std::string out = dir.file("with_groups.gpkg");
    auto run =
        test::run_beltplan("suggest merges " + sample() + " --json --apply --out '" + out + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    ASSERT_FALSE(j["groups"].empty());
    EXPECT_EQ(j["applied"]["joint_orgs"].get<std::size_t>(), j["groups"].size());
    EXPECT_EQ(j["applied"]["path"], out);
    auto written = io::read_plan(out);
    ASSERT_TRUE(written) << written.error().message;
    ASSERT_EQ(written->joint_orgs.size(), j["groups"].size());
    for (std::size_t g = 0; g < j["groups"].size(); ++g) {
        const json& group = j["groups"][g];
        const core::JointOrg& org = written->joint_orgs[g];
        ASSERT_EQ(org.members.size(), group["members"].size());
        for (std::size_t m = 0; m < org.members.size(); ++m) {
            EXPECT_EQ(org.members[m], group["members"][m]["code"]);
        }
        EXPECT_EQ(org.lead, group["lead"]["code"]);
        EXPECT_EQ(org.mode, core::JointOrgMode::kStrongWeak);
    }
    auto original = io::read_plan(test::source_path("maps/xuanhua.gpkg"));
    ASSERT_TRUE(original);
    EXPECT_TRUE(original->joint_orgs.empty()) << "the sample plan was changed";
}

// --apply alone updates the plan in place (safe save): the suggested sites are added with
// free ids, at the suggested positions, named after their village.
TEST(SuggestCli, apply_adds_the_suggested_sites_in_place) {
    test::TempDir dir;
    const std::string plan = dir.file("plan.gpkg");
    std::filesystem::copy_file(test::source_path("maps/xuanhua.gpkg"), plan);
    const auto before = io::read_plan(plan);
    ASSERT_TRUE(before);
    auto run = test::run_beltplan("suggest sites '" + plan + "' --add 2 --json --apply");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json j = json::parse(run.out);
    ASSERT_EQ(j["sites"].size(), 2u);
    auto after = io::read_plan(plan);
    ASSERT_TRUE(after) << after.error().message;
    ASSERT_EQ(after->sites.size(), before->sites.size() + 2);
    for (std::size_t k = 0; k < 2; ++k) {
        const core::Site& added = after->sites[before->sites.size() + k];
        const json& suggested = j["sites"][k];
        EXPECT_EQ(core::find_site(*before, added.id), -1) << added.id << " was taken";
        EXPECT_EQ(added.village_code, suggested["village"]["code"]);
        EXPECT_EQ(added.name, suggested["village"]["name"].get<std::string>() + "示范点");
        EXPECT_NEAR(added.position.x, suggested["x"].get<double>(), 1e-6);
        EXPECT_NEAR(added.position.y, suggested["y"].get<double>(), 1e-6);
    }
}

TEST(SuggestCli, out_without_apply_is_a_usage_error_and_writes_nothing) {
    test::TempDir dir;
    auto run =
        test::run_beltplan("suggest sites " + sample() + " --out '" + dir.file("x.gpkg") + "'");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("--apply"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.gpkg")));
}

TEST(SuggestCli, missing_plugin_folder_warns_once_and_still_suggests) {
    auto run = test::run_beltplan("suggest sites " + sample() + " --plugins /nonexistent/plugins");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("plugin folder /nonexistent/plugins does not exist"), std::string::npos);
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1);  // one line
    EXPECT_NE(run.out.find("A site at"), std::string::npos);
}

TEST(SuggestCli, bad_option_value_is_a_usage_error_in_words) {
    auto run = test::run_beltplan("suggest sites " + sample() + " --target 1.5");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("option target must lie between"), std::string::npos);
}

}  // namespace
}  // namespace beltplan
