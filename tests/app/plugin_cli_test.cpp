// A crashing plugin in the default plugins folder (beside the executable) cannot take beltplan
// down: `suggest list` and the built-in strategies work, and running the plugin's own strategy
// is one sentence naming it, exit 1, the plan unchanged.
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

// A beltplan executable (a hard link, else a copy) in a temp folder whose plugins/ holds the
// shipped plugins and the crashing test plugin.
class BeltplanWithCrashingPlugin {
public:
    BeltplanWithCrashingPlugin() {
        std::error_code ec;
        fs::create_hard_link(BELTPLAN_EXE, exe(), ec);
        if (ec) {
            fs::copy_file(BELTPLAN_EXE, exe());
        }
        fs::create_directory(dir_.file("plugins"));
        for (const auto& e : fs::directory_iterator(BELTPLAN_PLUGIN_DIR)) {
            fs::copy_file(e.path(), dir_.file("plugins/" + e.path().filename().string()));
        }
        fs::copy_file(plugin_source(), plugin());
    }
    std::string exe() const { return dir_.file("beltplan"); }
    std::string plugin() const { return dir_.file("plugins/libbeltplan_plugin_crashing.so"); }
    static std::string plugin_source() {
        return std::string(BELTPLAN_TEST_PLUGIN_DIR) + "/crashing/libbeltplan_plugin_crashing.so";
    }

    // Runs it with BELTPLAN_TEST_CRASH=where.
    test::CommandOutput run(const std::string& where, const std::string& args) const {
        test::TempDir out;
        const std::string cmd = "BELTPLAN_TEST_CRASH=" + where + " '" + exe() + "' " + args +
                                " >'" + out.file("o") + "' 2>'" + out.file("e") + "' </dev/null";
        const int status = std::system(cmd.c_str());
        test::CommandOutput r;
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = test::read_text(out.file("o"));
        r.err = test::read_text(out.file("e"));
        return r;
    }

private:
    test::TempDir dir_;
};

std::string plan_copy(const test::TempDir& dir) {
    fs::copy_file(test::source_path("maps/xuanhua.gpkg"), dir.file("plan.gpkg"));
    return "'" + dir.file("plan.gpkg") + "'";
}

TEST(PluginCli, suggest_list_and_builtins_work_with_a_plugin_crashing_in_its_entry_point) {
    BeltplanWithCrashingPlugin beltplan;
    test::TempDir dir;
    const std::string plan = plan_copy(dir);
    const std::string warning = "beltplan: warning: plugin " + beltplan.plugin() +
                                " crashed (signal 11, Segmentation fault) while being loaded";
    for (const char* where : {"entry", "create"}) {
        auto list = beltplan.run(where, "suggest list");
        EXPECT_EQ(list.exit_code, 0) << where << list.err;
        EXPECT_NE(list.out.find("sites ("), std::string::npos) << list.out;
        EXPECT_NE(list.out.find("strong_weak ("), std::string::npos);
        EXPECT_NE(list.err.find(warning), std::string::npos) << list.err;
        auto sites = beltplan.run(where, "suggest sites " + plan + " --json");
        EXPECT_EQ(sites.exit_code, 0) << sites.err;
        EXPECT_NE(sites.out.find("\"strategy\": \"sites\""), std::string::npos);
    }
}

TEST(PluginCli, a_strategy_crashing_in_compute_is_one_sentence_and_the_plan_is_unchanged) {
    BeltplanWithCrashingPlugin beltplan;
    test::TempDir dir;
    const std::string plan = plan_copy(dir);
    const std::string before = test::read_text(dir.file("plan.gpkg"));
    auto run = beltplan.run("compute", "suggest sites " + plan + " --strategy crashing --apply");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "beltplan: plugin " + beltplan.plugin() +
                           " crashed (signal 11, Segmentation fault) while running strategy "
                           "'crashing' (error E603); the plan is unchanged and the built-in "
                           "strategies are still available.\n");
    EXPECT_EQ(test::read_text(dir.file("plan.gpkg")), before);
    auto list = beltplan.run("compute", "suggest list");
    EXPECT_EQ(list.exit_code, 0);
    EXPECT_NE(list.out.find("crashing ("), std::string::npos);
}

}  // namespace
}  // namespace beltplan
