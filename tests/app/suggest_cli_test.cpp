// `beltplan suggest` on the sample plan: JSON shapes, bounds, valid groups, plugin messages.
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
