// What a file on disk is at one moment (device, inode, size, modification time and its first
// bytes, which for SQLite hold the change counter), so a save can tell whether the file is
// still the one that was read; and an exclusive advisory lock held while a save replaces it.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>

namespace beltplan::core {

struct FileStamp {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string head;  // the first 100 bytes (a SQLite file's header, change counter included)
    bool operator==(const FileStamp& o) const {
        return device == o.device && inode == o.inode && size == o.size && mtime_ns == o.mtime_ns &&
               head == o.head;
    }
    bool operator!=(const FileStamp& o) const { return !(*this == o); }
};

// The stamp of `path` now; an Error when it cannot be read (missing, no permission).
Result<FileStamp> file_stamp(const std::string& path);

// True while the file at `path` is still the one `stamp` was taken of: nothing replaced,
// truncated, appended or rewritten it in place. False when it is missing. For the window's
// file watch: call it when the window regains focus or on a timer.
bool file_unchanged(const std::string& path, const FileStamp& stamp);

// An exclusive flock(2) on an open file, released when the object dies. beltplan takes it
// on the plan file only around "check the stamp, rename the new file over it".
class FileLock {
public:
    // Blocks until the lock is held; an Error when the file cannot be opened.
    static Result<FileLock> acquire(const std::string& path);
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

private:
    explicit FileLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace beltplan::core
