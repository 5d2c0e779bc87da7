// The plugin host: shipped plugins load, a wrong API version is refused with one sentence
// while the others load, a missing folder and a throwing strategy are handled.
#include "app/plugin_host.h"

#include "app/plugin_wire.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
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

// Sets BELTPLAN_TEST_CRASH (where the crashing test plugin dies) for one test.
class CrashAt {
public:
    explicit CrashAt(const char* where) { ::setenv("BELTPLAN_TEST_CRASH", where, 1); }
    ~CrashAt() { ::unsetenv("BELTPLAN_TEST_CRASH"); }
    CrashAt(const CrashAt&) = delete;
    CrashAt& operator=(const CrashAt&) = delete;
};

std::string crashing_plugin() {
    return std::string(BELTPLAN_TEST_PLUGIN_DIR) + "/crashing/libbeltplan_plugin_crashing.so";
}

TEST(PluginHost, a_plugin_crashing_while_loaded_is_one_sentence_and_the_rest_load) {
    for (const char* where : {"entry", "create"}) {
        CrashAt crash(where);
        test::TempDir dir;
        for (const auto& e : fs::directory_iterator(BELTPLAN_PLUGIN_DIR)) {
            fs::copy_file(e.path(), dir.file(e.path().filename().string()));
        }
        fs::copy_file(crashing_plugin(), dir.file("libbeltplan_plugin_crashing.so"));
        analysis::StrategyRegistry registry;
        const auto problems = app::load_plugin_dir(dir.path(), registry, true);
        ASSERT_EQ(problems.size(), 1u) << where;
        EXPECT_EQ(problems[0], "plugin " + dir.file("libbeltplan_plugin_crashing.so") +
                                   " crashed (signal 11, Segmentation fault) while being loaded "
                                   "(error E603); it is not loaded, and the built-in strategies "
                                   "are still available.");
        EXPECT_EQ(registry.entries().size(), 6u);
        EXPECT_EQ(registry.find("crashing"), nullptr);
    }
}

TEST(PluginHost, a_strategy_crashing_in_compute_is_an_error_naming_the_plugin) {
    CrashAt crash("compute");
    analysis::StrategyRegistry registry;
    analysis::register_builtin_strategies(registry);
    ASSERT_EQ(app::load_plugin(crashing_plugin(), registry), "");
    core::Plan plan = test::grid_plan({"abc"});
    const core::Plan before = plan;
    const auto result = registry.find("crashing")->strategy->run(plan, {});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, core::ErrorCode::kPluginCrashed);
    EXPECT_EQ(result.error().message,
              "plugin " + crashing_plugin() +
                  " crashed (signal 11, Segmentation fault) while running strategy 'crashing' "
                  "(error E603); the plan is unchanged and the built-in strategies are still "
                  "available.");
    EXPECT_EQ(plan, before);
    // This process lives on and a built-in strategy still answers.
    for (core::Village& v : plan.villages) {
        v.population = 10;
    }
    const auto sites = registry.find("sites")->strategy->run(plan, {{"add", "1"}});
    ASSERT_TRUE(sites.ok()) << sites.error().message;
    EXPECT_EQ(sites->value, 30);
}

TEST(PluginHost, a_stop_request_ends_the_plugin_process) {
    analysis::StrategyRegistry registry;
    ASSERT_EQ(app::load_plugin(std::string(BELTPLAN_PLUGIN_DIR) + "/libbeltplan_plugin_sites.so",
                               registry),
              "");
    analysis::RunControl control;
    control.request_stop();
    const auto result =
        registry.find("sites")->strategy->run(test::grid_plan({"ab"}), {}, &control);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, core::ErrorCode::kCancelled);
}

TEST(PluginWire, a_suggestion_survives_the_pipe_exactly_and_garbage_is_refused) {
    analysis::Suggestion s;
    s.strategy = "sites";
    s.summary = "两个新点";
    s.sites = {{3, {1.5, -2.25}, 120, "张小线", 1, 250.5, "because"}};
    s.groups = {{{1, 2, 4}, 1, core::JointOrgMode::kRegional, "130705100", 3, false, "group"}};
    s.unplaced = {{5, "no neighbour"}};
    s.value = 420;
    s.total = 1000;
    s.proven_optimal = true;
    s.notes = {"a", ""};
    std::string bytes = app::wire::encode(s) + app::wire::encode_progress(0.5);
    std::string partial = bytes.substr(0, 10);
    auto none = app::wire::take_messages(partial);
    ASSERT_TRUE(none && none->empty());  // incomplete: kept for later
    auto messages = app::wire::take_messages(bytes);
    ASSERT_TRUE(messages);
    ASSERT_EQ(messages->size(), 2u);
    const analysis::Suggestion& back = *(*messages)[0].suggestion;
    EXPECT_EQ(back.summary, s.summary);
    EXPECT_EQ(back.sites[0].position, s.sites[0].position);
    EXPECT_EQ(back.sites[0].road, "张小线");
    EXPECT_EQ(back.groups[0].members, s.groups[0].members);
    EXPECT_EQ(back.groups[0].mode, core::JointOrgMode::kRegional);
    EXPECT_FALSE(back.groups[0].within_tolerance);
    EXPECT_EQ(back.unplaced[0].village, 5);
    EXPECT_TRUE(std::isnan(back.upper_bound));
    EXPECT_EQ(back.notes, s.notes);
    EXPECT_EQ((*messages)[1].progress, 0.5);
    std::string garbage = std::string("S") + std::string(8, '\0') + "";
    garbage[1] = 4;  // a 4-byte suggestion cannot be whole
    garbage += "abcd";
    EXPECT_FALSE(app::wire::take_messages(garbage));
}

}  // namespace
}  // namespace beltplan
