// The plugin host: shipped plugins load, a wrong API version is refused with one sentence
// while the others load, a missing folder and a throwing strategy are handled.
#include "app/plugin_host.h"

#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

const char* kShipped[] = {"belt_gaps", "leader", "regional", "sites", "stations", "strong_weak"};

TEST(PluginHost, loads_every_shipped_plugin) {
    analysis::StrategyRegistry registry;
    const auto problems = app::load_plugin_dir(BELTPLAN_PLUGIN_DIR, registry, true);
    EXPECT_TRUE(problems.empty()) << problems.front();
    for (const char* name : kShipped) {
        const auto* entry = registry.find(name);
        ASSERT_NE(entry, nullptr) << name;
        EXPECT_NE(entry->origin.find("libbeltplan_plugin_"), std::string::npos);
        EXPECT_FALSE(entry->strategy->params().empty());
    }
}

TEST(PluginHost, wrong_api_version_is_refused_with_one_message_and_the_rest_load) {
    test::TempDir dir;
    for (const auto& e : fs::directory_iterator(BELTPLAN_PLUGIN_DIR)) {
        fs::copy_file(e.path(), dir.file(e.path().filename().string()));
    }
    fs::copy_file(std::string(BELTPLAN_TEST_PLUGIN_DIR) + "/libbeltplan_plugin_bad_version.so",
                  dir.file("libbeltplan_plugin_bad_version.so"));
    std::ofstream(dir.file("notes.txt")) << "not a plugin, and not a .so either";
    analysis::StrategyRegistry registry;
    const auto problems = app::load_plugin_dir(dir.path(), registry, true);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("libbeltplan_plugin_bad_version.so"), std::string::npos);
    EXPECT_NE(problems[0].find("version 999"), std::string::npos);
    EXPECT_NE(problems[0].find("E602"), std::string::npos);
    EXPECT_EQ(registry.find("bad_version"), nullptr);
    EXPECT_EQ(registry.entries().size(), 6u);
}

TEST(PluginHost, a_file_that_is_no_library_is_refused_in_one_sentence) {
    test::TempDir dir;
    std::ofstream(dir.file("libbroken.so")) << "garbage";
    analysis::StrategyRegistry registry;
    const auto problems = app::load_plugin_dir(dir.path(), registry, true);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("could not be opened"), std::string::npos);
    EXPECT_NE(problems[0].find("E601"), std::string::npos);
}

TEST(PluginHost, missing_folder_is_one_message_or_silent) {
    analysis::StrategyRegistry registry;
    EXPECT_EQ(app::load_plugin_dir("/nonexistent/plugins", registry, true).size(), 1u);
    EXPECT_TRUE(app::load_plugin_dir("/nonexistent/plugins", registry, false).empty());
    EXPECT_TRUE(registry.entries().empty());
}

TEST(PluginHost, a_throwing_strategy_returns_an_error_not_an_exception) {
    analysis::StrategyRegistry registry;
    ASSERT_EQ(
        app::load_plugin(std::string(BELTPLAN_TEST_PLUGIN_DIR) + "/libbeltplan_plugin_throwing.so",
                         registry),
        "");
    const auto* entry = registry.find("throwing");
    ASSERT_NE(entry, nullptr);
    const core::Plan plan = test::grid_plan({"ab"});
    const auto result = entry->strategy->run(plan, {});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("boom"), std::string::npos);
}

TEST(PluginHost, plugin_strategy_gives_the_same_answer_as_the_built_in_one) {
    analysis::StrategyRegistry plugins;
    ASSERT_EQ(app::load_plugin(std::string(BELTPLAN_PLUGIN_DIR) + "/libbeltplan_plugin_sites.so",
                               plugins),
              "");
    analysis::StrategyRegistry builtin;
    analysis::register_builtin_strategies(builtin);
    core::Plan plan = test::grid_plan({"abcdefg"});
    for (core::Village& v : plan.villages) {
        v.population = 100;
    }
    const analysis::Params params{{"add", "2"}, {"radius", "1000"}};
    const auto a = plugins.find("sites")->strategy->run(plan, params);
    const auto b = builtin.find("sites")->strategy->run(plan, params);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->value, 600);
    EXPECT_EQ(a->value, b->value);
    const auto bad = plugins.find("sites")->strategy->run(plan, {{"target", "2"}});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("option target must lie between"), std::string::npos);
}

}  // namespace
}  // namespace beltplan
