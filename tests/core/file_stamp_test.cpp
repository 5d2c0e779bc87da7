// FileStamp tells a file that was rewritten (in place or by rename) from the one read; the
// lock serialises savers.
#include "core/file_stamp.h"

#include "support/test_support.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace beltplan::core {
namespace {

namespace fs = std::filesystem;

TEST(FileStamp, same_file_same_stamp) {
    test::TempDir dir;
    std::ofstream(dir.file("p.gpkg")) << "SQLite format 3 header";
    Result<FileStamp> a = file_stamp(dir.file("p.gpkg"));
    Result<FileStamp> b = file_stamp(dir.file("p.gpkg"));
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b);
    EXPECT_EQ(a->size, 22);
    EXPECT_EQ(a->head, "SQLite format 3 header");
    EXPECT_TRUE(file_unchanged(dir.file("p.gpkg"), *a));
}

TEST(FileStamp, a_rewrite_of_the_same_size_in_place_is_a_change) {
    test::TempDir dir;
    const std::string path = dir.file("p.gpkg");
    std::ofstream(path) << "version 1";
    Result<FileStamp> read = file_stamp(path);
    ASSERT_TRUE(read);
    std::ofstream(path, std::ios::in | std::ios::out) << "version 2";  // same inode and size
    EXPECT_FALSE(file_unchanged(path, *read));
}

TEST(FileStamp, a_file_renamed_over_it_is_a_change_even_with_equal_bytes) {
    test::TempDir dir;
    const std::string path = dir.file("p.gpkg");
    std::ofstream(path) << "same";
    Result<FileStamp> read = file_stamp(path);
    ASSERT_TRUE(read);
    std::ofstream(dir.file("new")) << "same";
    fs::rename(dir.file("new"), path);
    EXPECT_FALSE(file_unchanged(path, *read));
}

TEST(FileStamp, a_missing_file_is_an_error_and_changed) {
    test::TempDir dir;
    Result<FileStamp> stamp = file_stamp(dir.file("none.gpkg"));
    ASSERT_FALSE(stamp);
    EXPECT_NE(stamp.error().message.find("none.gpkg"), std::string::npos);
    EXPECT_FALSE(file_unchanged(dir.file("none.gpkg"), FileStamp{}));
}

TEST(FileLock, is_exclusive_until_released) {
    test::TempDir dir;
    const std::string path = dir.file("p.gpkg");
    std::ofstream(path) << "x";
    const int fd = ::open(path.c_str(), O_RDONLY);
    ASSERT_GE(fd, 0);
    {
        Result<FileLock> held = FileLock::acquire(path);
        ASSERT_TRUE(held);
        // flock belongs to the open file description: another open must not get it now.
        EXPECT_NE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    }
    EXPECT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);  // released when the FileLock died
    ::close(fd);
}

}  // namespace
}  // namespace beltplan::core
