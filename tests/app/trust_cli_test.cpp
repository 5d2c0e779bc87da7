// Issue 9 through the beltplan executable: a full disk (a file-size ulimit) fails every
// export format and the plan save with exit 1 and leaves the old files byte-identical; a bad
// value in a plan is refused by every command; two `suggest --apply` at once: exactly one
// wins; stale temporaries are named by `info` and removed by the next save.
#include "support/test_support.h"

#include <fcntl.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

std::string q(const std::string& path) {
    return "'" + path + "'";
}

std::string copy_sample(const test::TempDir& dir, const std::string& name = "plan.gpkg") {
    const std::string path = dir.file(name);
    fs::copy_file(test::source_path("maps/xuanhua.gpkg"), path);
    return path;
}

// Runs one SQL statement on a GeoPackage through GDAL (as another program would edit it).
void run_sql(const std::string& path, const std::string& sql) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_NE(ds, nullptr);
    ds->ReleaseResultSet(ds->ExecuteSQL(sql.c_str(), nullptr, nullptr));
}

std::map<std::string, std::string> folder_contents(const std::string& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::directory_iterator(dir)) {
        files[e.path().filename().string()] = test::read_text(e.path().string());
    }
    return files;
}

// beltplan with every file it writes limited to `kib` KiB (SIGXFSZ ignored, so a write past
// the limit fails with EFBIG as on a full disk).
test::CommandOutput run_limited(const std::string& args, int kib) {
    test::TempDir dir;
    const std::string cmd = "bash -c \"trap '' XFSZ; ulimit -f " + std::to_string(kib) +
                            "; exec '" + BELTPLAN_EXE + "' " + args + "\" >" + q(dir.file("out")) +
                            " 2>" + q(dir.file("err")) + " </dev/null";
    const int status = std::system(cmd.c_str());
    test::CommandOutput r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = test::read_text(dir.file("out"));
    r.err = test::read_text(dir.file("err"));
    return r;
}

TEST(TrustCli, every_export_format_on_a_full_disk_exits_1_and_keeps_the_old_file) {
    test::TempDir dir;
    const std::string plan = copy_sample(dir);
    const std::string out_dir = dir.file("out");
    fs::create_directory(out_dir);
    for (const char* ext : {"geojson", "kml", "xlsx", "csv", "gpkg", "shp"}) {
        const std::string out = out_dir + "/villages." + ext;
        auto good = test::run_beltplan("export " + q(plan) + " --layer villages -o " + q(out));
        ASSERT_EQ(good.exit_code, 0) << ext << good.err;
        const auto before = folder_contents(out_dir);
        // The same export again, limited to 16 KiB: any truncated file would differ.
        auto full = run_limited("export " + q(plan) + " --layer villages -o " + q(out), 16);
        EXPECT_EQ(full.exit_code, 1) << ext << ": " << full.out << full.err;
        EXPECT_NE(full.err.find(out_dir + "/villages."), std::string::npos) << full.err;
        EXPECT_NE(full.err.find("the previous file is unchanged"), std::string::npos) << full.err;
        EXPECT_EQ(full.out.find("Wrote"), std::string::npos) << ext;
        EXPECT_EQ(folder_contents(out_dir), before) << ext;
    }
}

TEST(TrustCli, a_plan_save_on_a_full_disk_exits_1_and_keeps_the_plan) {
    test::TempDir dir;
    const std::string plan = copy_sample(dir);
    const std::string before = test::read_text(plan);
    auto run = run_limited("suggest sites " + q(plan) + " --apply", 64);
    EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
    EXPECT_NE(run.err.find(plan), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("previous file is unchanged"), std::string::npos) << run.err;
    EXPECT_EQ(run.out.find("Applied"), std::string::npos);
    EXPECT_EQ(test::read_text(plan), before);
    EXPECT_EQ(folder_contents(dir.path()).size(), 1u);  // no temporary left
}

TEST(TrustCli, a_bad_reach_radius_is_refused_by_every_command) {
    for (const char* value : {"-5", "0", "nan", "inf", "abc"}) {
        test::TempDir dir;
        const std::string plan = copy_sample(dir);
        run_sql(plan,
                std::string("UPDATE plan_meta SET value = '") + value + "' WHERE key = 'reach_m'");
        const std::string sentence = plan +
                                     ", layer 'plan_meta', field 'reach_m': the reach "
                                     "radius '" +
                                     value + "' is not a positive number of metres";
        for (const std::string& cmd :
             {"report " + q(plan), "suggest sites " + q(plan), "belts " + q(plan),
              "render " + q(plan) + " -o " + q(dir.file("m.png")), "orgs " + q(plan),
              "contiguity " + q(plan), "compare " + q(plan) + " " + q(plan)}) {
            auto run = test::run_beltplan(cmd);
            EXPECT_EQ(run.exit_code, 1) << cmd << " with " << value << ": " << run.out;
            EXPECT_NE(run.err.find(sentence), std::string::npos) << cmd << ": " << run.err;
        }
        EXPECT_FALSE(fs::exists(dir.file("m.png")));
    }
}

TEST(TrustCli, an_overflowing_population_is_refused_not_summed) {
    test::TempDir dir;
    const std::string plan = copy_sample(dir);
    run_sql(plan, "UPDATE villages SET population = 1e308 WHERE fid = 1");
    auto run = test::run_beltplan("report " + q(plan) + " --json");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("layer 'villages', feature 1, field 'population'"), std::string::npos)
        << run.err;
}

TEST(TrustCli, a_belt_without_roads_has_no_gap_figure_and_exits_1) {
    test::TempDir dir;
    const std::string plan = copy_sample(dir);
    run_sql(plan, "UPDATE belts SET roads = '' WHERE fid = 1");
    auto run = test::run_beltplan("belts " + q(plan));
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.out.find("largest gap: 0 m on  from"), std::string::npos) << run.out;
    EXPECT_NE(run.err.find("belt '张小线示范带' (belt-zhangxiao) has no road to measure"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.out.find("洋新线示范带"), std::string::npos);  // the other belts still shown
    run_sql(plan, "UPDATE belts SET roads = '张小线', half_width_m = -100 WHERE fid = 1");
    auto negative = test::run_beltplan("belts " + q(plan) + " --json");
    EXPECT_EQ(negative.exit_code, 1);
    EXPECT_EQ(negative.out, "");
    EXPECT_NE(negative.err.find("the half-width '-100' of belt '张小线示范带'"), std::string::npos)
        << negative.err;
}

// The PIDs waiting for a flock on the file with this inode, from /proc/locks.
int blocked_waiters(ino_t inode) {
    std::ifstream locks("/proc/locks");
    std::string line;
    int waiting = 0;
    const std::string tail = ":" + std::to_string(inode) + " ";
    while (std::getline(locks, line)) {
        if (line.find("->") != std::string::npos && line.find(tail) != std::string::npos) {
            ++waiting;
        }
    }
    return waiting;
}

long long site_count(const std::string& path) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    return ds == nullptr ? -1 : ds->GetLayerByName("sites")->GetFeatureCount(TRUE);
}

pid_t spawn_beltplan(const std::vector<std::string>& args, const std::string& out,
                     const std::string& err) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv;
        std::string exe = BELTPLAN_EXE;
        argv.push_back(exe.data());
        std::vector<std::string> copy = args;
        for (std::string& a : copy) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(o, 1);
        ::dup2(e, 2);
        ::execv(exe.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

TEST(TrustCli, of_two_suggest_apply_at_once_exactly_one_succeeds) {
    test::TempDir dir;
    const std::string plan = copy_sample(dir);
    struct stat st {};
    ASSERT_EQ(::stat(plan.c_str(), &st), 0);
    // Hold the lock a save takes, so both processes read the plan and then wait at the lock;
    // release it once /proc/locks shows both waiting.
    // O_CLOEXEC: the beltplans forked from here must not share (and so hold) this lock.
    const int fd = ::open(plan.c_str(), O_RDONLY | O_CLOEXEC);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);
    pid_t pids[2];
    for (int k = 0; k < 2; ++k) {
        pids[k] = spawn_beltplan({"suggest", "sites", plan, "--apply"},
                                 dir.file("out" + std::to_string(k)),
                                 dir.file("err" + std::to_string(k)));
    }
    for (int i = 0; i < 6000 && blocked_waiters(st.st_ino) < 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_EQ(blocked_waiters(st.st_ino), 2);
    ::close(fd);
    int codes[2];
    for (int k = 0; k < 2; ++k) {
        int status = 0;
        ::waitpid(pids[k], &status, 0);
        codes[k] = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    ASSERT_EQ(codes[0] + codes[1], 1) << codes[0] << " " << codes[1];
    const int loser = codes[0] == 1 ? 0 : 1;
    EXPECT_NE(test::read_text(dir.file("out" + std::to_string(1 - loser))).find("Applied"),
              std::string::npos);
    const std::string err = test::read_text(dir.file("err" + std::to_string(loser)));
    EXPECT_NE(err.find(plan + ": the plan was changed by another program since it was opened; "
                              "save as a new file or reopen."),
              std::string::npos)
        << err;
    EXPECT_EQ(site_count(plan), site_count(test::source_path("maps/xuanhua.gpkg")) + 1);
    EXPECT_EQ(folder_contents(dir.path()).size(), 5u);  // plan, two out, two err
}

TEST(TrustCli, info_names_a_stale_temporary_and_the_next_save_removes_it) {
    test::TempDir dir;
    const std::string plan = copy_sample(dir);
    const pid_t dead = ::fork();
    if (dead == 0) {
        ::_exit(0);
    }
    ::waitpid(dead, nullptr, 0);
    const std::string stale = dir.file(".plan.gpkg.tmp-" + std::to_string(dead));
    std::ofstream(stale) << std::string(1'200'000, 'x');
    auto info = test::run_beltplan("info " + q(plan));
    ASSERT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("the temporary file " + stale + " (1.2 MB) was left by a beltplan"),
              std::string::npos)
        << info.out;
    auto apply = test::run_beltplan("suggest sites " + q(plan) + " --apply");
    ASSERT_EQ(apply.exit_code, 0) << apply.err;
    EXPECT_FALSE(fs::exists(stale));
}

}  // namespace
}  // namespace beltplan
