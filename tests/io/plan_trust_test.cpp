// Issue 9 at the plan file: values that would give a wrong figure are refused where the plan
// is read (one sentence naming table, feature, field); a save on a full disk or over a plan
// changed since it was read leaves the file as it was; stale temporaries are cleaned.
#include "io/plan_file.h"
#include "io/plan_fixture.h"
#include "support/test_support.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

// The fixture plan written to dir/plan.gpkg, then changed by one SQL statement run through
// GDAL (as another program editing the GeoPackage would).
std::string plan_with(const test::TempDir& dir, const std::string& sql) {
    const std::string path = dir.file("plan.gpkg");
    EXPECT_TRUE(io::write_plan(test::sample_plan(), path));
    if (!sql.empty()) {
        GDALAllRegister();
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        EXPECT_NE(ds, nullptr);
        ds->ReleaseResultSet(ds->ExecuteSQL(sql.c_str(), nullptr, nullptr));
    }
    return path;
}

// The error read_plan gives for the changed plan (a test failure when it reads).
core::Error refused(const std::string& sql) {
    test::TempDir dir;
    const std::string path = plan_with(dir, sql);
    core::Result<core::Plan> read = io::read_plan(path);
    EXPECT_FALSE(read) << sql;
    return read ? core::Error{} : read.error();
}

TEST(PlanTrust, absurd_populations_are_refused_naming_feature_and_field) {
    for (const char* value : {"1e308", "9223372036854775807", "-500"}) {
        const core::Error e =
            refused(std::string("UPDATE villages SET population = ") + value + " WHERE fid = 2");
        EXPECT_EQ(e.where.layer, "villages") << value;
        EXPECT_EQ(e.where.feature, 2) << value;
        EXPECT_EQ(e.where.field, "population") << value;
        EXPECT_EQ(e.code, core::ErrorCode::kBadValue);
        const bool negative = value[0] == '-';
        EXPECT_NE(e.message.find(negative ? "is negative" : "more than any village has"),
                  std::string::npos)
            << e.message;
    }
}

TEST(PlanTrust, a_bad_reach_radius_is_refused_for_every_reader) {
    for (const char* value : {"-5", "0", "nan", "inf", "abc"}) {
        const core::Error e = refused(std::string("UPDATE plan_meta SET value = '") + value +
                                      "' WHERE key = 'reach_m'");
        EXPECT_EQ(e.where.layer, "plan_meta") << value;
        EXPECT_EQ(e.where.field, "reach_m") << value;
        EXPECT_NE(e.message.find("is not a positive number of metres"), std::string::npos)
            << e.message;
        // 'abc' is named as it is written, never as 0.
        EXPECT_NE(e.message.find(std::string("'") + (value == std::string("abc") ? "abc" : "")),
                  std::string::npos);
    }
}

TEST(PlanTrust, null_geometry_duplicate_code_and_nan_income_are_refused) {
    core::Error e = refused("UPDATE villages SET geom = NULL WHERE fid = 3");
    EXPECT_EQ(e.code, core::ErrorCode::kEmptyGeometry);
    EXPECT_EQ(e.where.feature, 3);
    EXPECT_NE(e.message.find("village 130705001003 (Xinzhuang): it has no boundary"),
              std::string::npos)
        << e.message;
    e = refused("UPDATE villages SET code = '130705001001' WHERE fid = 4");
    EXPECT_EQ(e.code, core::ErrorCode::kDuplicateCode);
    EXPECT_EQ(e.where.feature, 4);
    EXPECT_NE(e.message.find("also used by feature 1"), std::string::npos) << e.message;
    e = refused("UPDATE villages SET collective_income = 1e999 WHERE fid = 1");
    EXPECT_EQ(e.where.field, "collective_income");
}

TEST(PlanTrust, a_negative_belt_half_width_is_refused) {
    const core::Error e = refused("UPDATE belts SET half_width_m = -100");
    EXPECT_EQ(e.where.layer, "belts");
    EXPECT_EQ(e.where.field, "half_width_m");
    EXPECT_NE(e.message.find("the half-width '-100' of belt '洋河示范带'"), std::string::npos)
        << e.message;
}

TEST(PlanTrust, several_problems_are_one_sentence_each) {
    const core::Error e = refused("UPDATE villages SET population = -1 WHERE fid IN (1, 2)");
    EXPECT_NE(e.message.find("feature 1, field 'population'"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("\n"), std::string::npos);
    EXPECT_NE(e.message.find("feature 2, field 'population'"), std::string::npos) << e.message;
}

TEST(PlanTrust, a_large_population_is_read_with_a_warning) {
    test::TempDir dir;
    const std::string path =
        plan_with(dir, "UPDATE villages SET population = 150000 WHERE fid = 1");
    core::Result<io::LoadedPlan> loaded = io::load_plan(path);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(loaded->plan.villages[0].population, 150000);
    ASSERT_EQ(loaded->warnings.size(), 1u);
    EXPECT_NE(loaded->warnings[0].find("150000 is above 100000"), std::string::npos);
    core::Result<io::PlanFileInfo> info = io::inspect_plan(path);
    ASSERT_TRUE(info);
    EXPECT_NE(std::find(info->warnings.begin(), info->warnings.end(), loaded->warnings[0]),
              info->warnings.end());
}

TEST(PlanTrust, inspect_names_what_every_command_refuses) {
    test::TempDir dir;
    const std::string path = plan_with(dir, "UPDATE villages SET population = -3 WHERE fid = 4");
    core::Result<io::PlanFileInfo> info = io::inspect_plan(path);
    ASSERT_TRUE(info) << info.error().message;
    bool found = false;
    for (const std::string& w : info->warnings) {
        found = found || (w.find("every command refuses this plan") != std::string::npos &&
                          w.find("feature 4, field 'population'") != std::string::npos);
    }
    EXPECT_TRUE(found);
}

TEST(PlanTrust, a_save_on_a_full_disk_leaves_the_plan_byte_identical) {
    test::TempDir dir;
    const std::string path = plan_with(dir, "");
    const std::string before = test::read_text(path);
    core::Plan changed = test::sample_plan();
    changed.sites.pop_back();
    const pid_t child = ::fork();
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{32768, 32768};  // far below a plan file (about 200 kB)
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const core::Status s = io::write_plan(changed, path);
        ::_exit(!s && s.error().message.find(path) != std::string::npos &&
                        s.error().message.find("previous file is unchanged") != std::string::npos
                    ? 0
                    : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the save past the limit was not refused";
    EXPECT_EQ(test::read_text(path), before);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(PlanTrust, a_save_removes_temporaries_of_dead_beltplans_and_info_names_them) {
    test::TempDir dir;
    const std::string path = plan_with(dir, "");
    const pid_t dead = ::fork();
    if (dead == 0) {
        ::_exit(0);
    }
    ::waitpid(dead, nullptr, 0);
    const std::string stale = dir.file(".plan.tmp-" + std::to_string(dead) + "-0.gpkg");
    std::ofstream(stale) << std::string(2'500'000, 'x');
    core::Result<io::PlanFileInfo> info = io::inspect_plan(path);
    ASSERT_TRUE(info);
    const std::string expected = "the temporary file " + stale +
                                 " (2.5 MB) was left by a beltplan that was stopped while saving";
    bool named = false;
    for (const std::string& w : info->warnings) {
        named = named || w.find(expected) != std::string::npos;
    }
    EXPECT_TRUE(named);
    ASSERT_TRUE(io::write_plan(test::sample_plan(), path));
    EXPECT_FALSE(fs::exists(stale));
}

TEST(PlanTrust, save_plan_refuses_a_file_changed_since_it_was_read) {
    test::TempDir dir;
    const std::string path = plan_with(dir, "");
    core::Result<io::LoadedPlan> loaded = io::load_plan(path);
    ASSERT_TRUE(loaded);
    // Another program edits the plan in place (as QGIS would).
    plan_with(dir, "UPDATE villages SET name = 'edited' WHERE fid = 1");
    const std::string edited = test::read_text(path);
    EXPECT_FALSE(io::plan_file_unchanged(path, loaded->stamp));
    core::Result<core::FileStamp> saved = io::save_plan(loaded->plan, path, loaded->stamp);
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().message,
              path +
                  ": the plan was changed by another program since it was opened; save as a "
                  "new file or reopen.");
    EXPECT_EQ(test::read_text(path), edited);
}

TEST(PlanTrust, save_plan_over_an_unchanged_file_works_twice_with_the_returned_stamp) {
    test::TempDir dir;
    const std::string path = plan_with(dir, "");
    core::Result<io::LoadedPlan> loaded = io::load_plan(path);
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(io::plan_file_unchanged(path, loaded->stamp));
    loaded->plan.settings.reach_m = 4000;
    core::Result<core::FileStamp> first = io::save_plan(loaded->plan, path, loaded->stamp);
    ASSERT_TRUE(first) << first.error().message;
    loaded->plan.settings.reach_m = 5000;
    core::Result<core::FileStamp> second = io::save_plan(loaded->plan, path, *first);
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(io::read_plan(path)->settings.reach_m, 5000);
}

// Two processes read the plan, then both save a different change: exactly one save wins.
TEST(PlanTrust, of_two_processes_saving_one_plan_exactly_one_succeeds) {
    test::TempDir dir;
    const std::string path = plan_with(dir, "");
    int ready[2];
    int go[2];
    ASSERT_EQ(::pipe(ready), 0);
    ASSERT_EQ(::pipe(go), 0);
    pid_t children[2];
    for (int k = 0; k < 2; ++k) {
        children[k] = ::fork();
        if (children[k] == 0) {
            core::Result<io::LoadedPlan> loaded = io::load_plan(path);
            ::close(go[1]);
            (void)!::write(ready[1], "r", 1);
            char byte = 0;
            (void)!::read(go[0], &byte, 1);  // returns 0 when the parent closes the pipe
            if (!loaded) {
                ::_exit(3);
            }
            loaded->plan.name = "saved by child " + std::to_string(k);
            core::Result<core::FileStamp> saved = io::save_plan(loaded->plan, path, loaded->stamp);
            const bool refused = !saved && saved.error().message.find(
                                               "changed by another program") != std::string::npos;
            ::_exit(saved ? 0 : refused ? 1 : 2);
        }
    }
    char bytes[2];
    ASSERT_EQ(::read(ready[0], bytes, 1), 1);
    ASSERT_EQ(::read(ready[0], bytes + 1, 1), 1);
    ::close(go[1]);  // both have read the plan: let them save at once
    int codes[2];
    for (int k = 0; k < 2; ++k) {
        int status = 0;
        ::waitpid(children[k], &status, 0);
        ASSERT_TRUE(WIFEXITED(status));
        codes[k] = WEXITSTATUS(status);
    }
    EXPECT_EQ(codes[0] + codes[1], 1) << codes[0] << " " << codes[1];
    const int winner = codes[0] == 0 ? 0 : 1;
    EXPECT_EQ(io::read_plan(path)->name, "saved by child " + std::to_string(winner));
}

}  // namespace
}  // namespace beltplan
