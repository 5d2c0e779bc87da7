// The one safe writer: the target replaced only by a complete file, temporaries cleaned,
// stale temporaries of dead processes found.
#include "core/safe_file.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace beltplan::core {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fs::path fresh_dir(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("beltplan_safe_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(SafeFile, replaces_the_target_only_on_commit) {
    const fs::path dir = fresh_dir("commit");
    const fs::path target = dir / "plan.gpkg";
    std::ofstream(target) << "old";
    {
        Result<SafeFile> f = SafeFile::begin(target.string());
        ASSERT_TRUE(f) << f.error().message;
        EXPECT_NE(f->temp_path(), target.string());
        EXPECT_EQ(fs::path(f->temp_path()).extension(), ".gpkg");
        std::ofstream(f->temp_path()) << "new";
        EXPECT_EQ(read_all(target), "old");
        ASSERT_TRUE(f->commit());
    }
    EXPECT_EQ(read_all(target), "new");
    EXPECT_EQ(entries(dir), 1u);
    fs::remove_all(dir);
}

TEST(SafeFile, abandoned_write_leaves_the_old_file_and_no_temporary) {
    const fs::path dir = fresh_dir("abandon");
    const fs::path target = dir / "map.png";
    std::ofstream(target) << "old";
    {
        Result<SafeFile> f = SafeFile::begin(target.string());
        ASSERT_TRUE(f);
        std::ofstream(f->temp_path()) << "half";
    }
    EXPECT_EQ(read_all(target), "old");
    EXPECT_EQ(entries(dir), 1u);
    fs::remove_all(dir);
}

TEST(SafeFile, commit_without_content_fails_and_keeps_the_target) {
    const fs::path dir = fresh_dir("empty");
    const fs::path target = dir / "t.csv";
    std::ofstream(target) << "old";
    Result<SafeFile> f = SafeFile::begin(target.string());
    ASSERT_TRUE(f);
    const Status s = f->commit();
    EXPECT_FALSE(s);
    EXPECT_NE(s.error().message.find("t.csv"), std::string::npos);
    EXPECT_EQ(read_all(target), "old");
    fs::remove_all(dir);
}

TEST(SafeFile, two_writers_get_two_temporaries) {
    const fs::path dir = fresh_dir("two");
    Result<SafeFile> a = SafeFile::begin((dir / "x.xlsx").string());
    Result<SafeFile> b = SafeFile::begin((dir / "x.xlsx").string());
    ASSERT_TRUE(a && b);
    EXPECT_NE(a->temp_path(), b->temp_path());
    fs::remove_all(dir);
}

TEST(SafeFile, missing_folder_is_one_sentence) {
    const Status s = write_file_atomically("/nonexistent-beltplan-dir/a.txt", "x");
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("does not exist"), std::string::npos);
}

TEST(SafeFile, full_disk_is_refused_and_the_old_file_stays) {
    // A file-size limit makes every write past 16 bytes fail (EFBIG) as a full disk would,
    // even for root; it is set in a child process so the test runner is not limited.
    const fs::path dir = fresh_dir("full");
    const fs::path target = dir / "r.geojson";
    std::ofstream(target) << "old";
    const pid_t child = ::fork();
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{16, 16};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const Status s = write_file_atomically(target.string(), std::string(100000, 'x'));
        const bool message_ok = !s && s.error().message.find("r.geojson") != std::string::npos;
        ::_exit(message_ok ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "the write past the limit was not refused";
    EXPECT_EQ(read_all(target), "old");
    EXPECT_EQ(entries(dir), 1u);  // no temporary left behind
    fs::remove_all(dir);
}

TEST(SafeFile, finds_and_removes_stale_temporaries_of_dead_processes) {
    const fs::path dir = fresh_dir("stale");
    const fs::path target = dir / "plan.gpkg";
    std::ofstream(target) << "plan";
    // A child process that exits: its pid is then dead (and not reused within the test).
    const pid_t child = ::fork();
    if (child == 0) {
        ::_exit(0);
    }
    ::waitpid(child, nullptr, 0);
    const std::string dead = std::to_string(child);
    std::ofstream(dir / (".plan.gpkg.tmp-" + dead)) << "old style";
    std::ofstream(dir / (".plan.tmp-" + dead + "-0.gpkg")) << "new style";
    std::ofstream(dir / (".plan.tmp-" + std::to_string(::getpid()) + "-9.gpkg")) << "ours";
    EXPECT_EQ(stale_temporaries(target.string()).size(), 2u);
    EXPECT_EQ(remove_stale_temporaries(target.string()), 2);
    EXPECT_EQ(entries(dir), 2u);  // the plan and our own live temporary
    fs::remove_all(dir);
}

TEST(SafeFile, commit_over_refuses_a_target_changed_since_it_was_read) {
    const fs::path dir = fresh_dir("over");
    const fs::path target = dir / "plan.gpkg";
    std::ofstream(target) << "as read";
    Result<FileStamp> read = file_stamp(target.string());
    ASSERT_TRUE(read);
    std::ofstream(target, std::ios::app) << ", then edited by another program";
    Result<SafeFile> f = SafeFile::begin(target.string());
    ASSERT_TRUE(f);
    ASSERT_TRUE(f->write("ours"));
    const Status s = f->commit_over(*read, nullptr);
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message.find("the plan was changed by another program since it was "
                                     "opened; save as a new file or reopen"),
              std::string::npos)
        << s.error().message;
    EXPECT_EQ(read_all(target), "as read, then edited by another program");
    EXPECT_EQ(entries(dir), 1u);  // the temporary is gone
    fs::remove_all(dir);
}

TEST(SafeFile, commit_over_an_unchanged_target_saves_and_returns_the_new_stamp) {
    const fs::path dir = fresh_dir("over_ok");
    const fs::path target = dir / "plan.gpkg";
    std::ofstream(target) << "as read";
    Result<FileStamp> read = file_stamp(target.string());
    ASSERT_TRUE(read);
    Result<SafeFile> f = SafeFile::begin(target.string());
    ASSERT_TRUE(f && f->write("saved"));
    FileStamp written;
    ASSERT_TRUE(f->commit_over(*read, &written));
    EXPECT_EQ(read_all(target), "saved");
    EXPECT_TRUE(file_unchanged(target.string(), written));
    EXPECT_FALSE(file_unchanged(target.string(), *read));
    fs::remove_all(dir);
}

TEST(SafeFile, files_committed_together_replace_all_and_drop_stale_side_files) {
    const fs::path dir = fresh_dir("group");
    for (const char* ext : {".shp", ".dbf", ".qix"}) {
        std::ofstream(dir / (std::string("v") + ext)) << "old";
    }
    std::vector<SafeFile> files;
    for (const char* ext : {".shp", ".dbf", ".cpg"}) {
        Result<SafeFile> f = SafeFile::begin((dir / (std::string("v") + ext)).string());
        ASSERT_TRUE(f && f->write(std::string("new") + ext));
        files.push_back(std::move(f.value()));
    }
    ASSERT_TRUE(commit_together(files, {(dir / "v.qix").string()}));
    EXPECT_EQ(read_all(dir / "v.shp"), "new.shp");
    EXPECT_EQ(read_all(dir / "v.dbf"), "new.dbf");
    EXPECT_EQ(read_all(dir / "v.cpg"), "new.cpg");
    EXPECT_FALSE(fs::exists(dir / "v.qix"));
    EXPECT_EQ(entries(dir), 3u);
    fs::remove_all(dir);
}

TEST(SafeFile, a_group_with_one_file_not_written_replaces_none) {
    const fs::path dir = fresh_dir("group_fail");
    std::ofstream(dir / "v.shp") << "old shp";
    std::ofstream(dir / "v.dbf") << "old dbf";
    std::vector<SafeFile> files;
    Result<SafeFile> shp = SafeFile::begin((dir / "v.shp").string());
    Result<SafeFile> dbf = SafeFile::begin((dir / "v.dbf").string());
    ASSERT_TRUE(shp && dbf && shp->write("new shp"));
    files.push_back(std::move(shp.value()));
    files.push_back(std::move(dbf.value()));  // nothing written: the group must fail whole
    EXPECT_FALSE(commit_together(files));
    EXPECT_EQ(read_all(dir / "v.shp"), "old shp");
    EXPECT_EQ(read_all(dir / "v.dbf"), "old dbf");
    EXPECT_EQ(entries(dir), 2u);
    fs::remove_all(dir);
}

TEST(SafeFile, a_short_write_is_refused_in_a_child_with_a_file_size_limit) {
    const fs::path dir = fresh_dir("short");
    const fs::path target = dir / "v.shp";
    std::ofstream(target) << "old";
    const pid_t child = ::fork();
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{16, 16};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        bool refused = false;
        {
            Result<SafeFile> f = SafeFile::begin(target.string());
            const Status s = f ? f->write(std::string(4096, 'x')) : Status(f.error());
            refused = !s && s.error().message.find("v.shp") != std::string::npos;
        }  // the SafeFile removes its temporary here
        ::_exit(refused ? 0 : 1);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(read_all(target), "old");
    EXPECT_EQ(entries(dir), 1u);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace beltplan::core
