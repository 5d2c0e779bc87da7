// Export on a full disk, for every format: the export fails with a sentence naming the file,
// the previous output stays byte-identical (every part of a Shapefile) and no temporary file
// is left. The full disk is a file-size limit (RLIMIT_FSIZE) in a forked child.
#include "io/export.h"
#include "io/plan_fixture.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> folder_contents(const std::string& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::directory_iterator(dir)) {
        files[e.path().filename().string()] = test::read_text(e.path().string());
    }
    return files;
}

io::ExportOptions options(const std::string& path) {
    io::ExportOptions o;
    o.layer = "villages";
    o.out_path = path;
    return o;
}

// Exports once normally, then again in a child limited to `limit` bytes per file; the child
// exits 0 when the export was refused with a sentence naming the output.
void expect_full_disk_refused(const std::string& extension) {
    test::TempDir dir;
    const std::string path = dir.file("out." + extension);
    core::Plan plan = test::sample_plan();
    ASSERT_TRUE(io::export_layer(plan, options(path)));
    const auto before = folder_contents(dir.path());
    std::size_t largest = 0;
    for (const auto& [name, bytes] : before) {
        largest = std::max(largest, bytes.size());
    }
    plan.villages[0].name = "改过的名字";  // the new output differs from the old
    const pid_t child = ::fork();
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlim_t limit = static_cast<rlim_t>(largest / 2);
        rlimit r{limit, limit};
        ::setrlimit(RLIMIT_FSIZE, &r);
        const core::Status s = io::export_layer(plan, options(path));
        const bool named =
            !s && s.error().message.find("out.") != std::string::npos &&
            s.error().message.find("previous file is unchanged") != std::string::npos;
        ::_exit(named ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << extension;
    EXPECT_EQ(WEXITSTATUS(status), 0) << extension << ": the export past the limit was not refused";
    EXPECT_EQ(folder_contents(dir.path()), before) << extension;
}

TEST(ExportTrust, geojson_on_a_full_disk_keeps_the_old_file) {
    expect_full_disk_refused("geojson");
}
TEST(ExportTrust, kml_on_a_full_disk_keeps_the_old_file) {
    expect_full_disk_refused("kml");
}
TEST(ExportTrust, xlsx_on_a_full_disk_keeps_the_old_file) {
    expect_full_disk_refused("xlsx");
}
TEST(ExportTrust, csv_on_a_full_disk_keeps_the_old_file) {
    expect_full_disk_refused("csv");
}
TEST(ExportTrust, gpkg_on_a_full_disk_keeps_the_old_file) {
    expect_full_disk_refused("gpkg");
}
TEST(ExportTrust, shapefile_on_a_full_disk_keeps_every_old_part) {
    expect_full_disk_refused("shp");
}

TEST(ExportTrust, a_shapefile_export_replaces_all_parts_and_leaves_no_temporary) {
    test::TempDir dir;
    const std::string path = dir.file("v.shp");
    core::Plan plan = test::sample_plan();
    ASSERT_TRUE(io::export_layer(plan, options(path)));
    std::ofstream(dir.file("v.qix")) << "index of an older export";
    plan.villages.pop_back();
    ASSERT_TRUE(io::export_layer(plan, options(path)));
    const auto files = folder_contents(dir.path());
    std::vector<std::string> names;
    for (const auto& [name, bytes] : files) {
        names.push_back(name);
    }
    EXPECT_EQ(names, (std::vector<std::string>{"v.cpg", "v.dbf", "v.prj", "v.shp", "v.shx"}));
}

}  // namespace
}  // namespace beltplan
