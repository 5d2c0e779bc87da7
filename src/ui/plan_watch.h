// Notices when another program changed the open plan file: the file's size, change time and
// inode, read again at most once a second, compared with how the window last read or wrote it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace beltplan::ui {

// What identifies one version of a file on disk.
struct FileStamp {
    std::uint64_t inode = 0;
    std::int64_t size_bytes = 0;
    std::int64_t modified_ns = 0;
    bool operator==(const FileStamp& o) const {
        return inode == o.inode && size_bytes == o.size_bytes && modified_ns == o.modified_ns;
    }
    bool operator!=(const FileStamp& o) const { return !(*this == o); }
    // The stamp of `path` now; nullopt when it cannot be read (removed, no permission).
    static std::optional<FileStamp> of(const std::string& path);
};

class PlanWatch {
public:
    using Clock = std::chrono::steady_clock;
    // The window read or wrote `path` just now: that version is its own.
    void reset(const std::string& path);
    // True once when the file differs from the version the window knows (changed, replaced
    // or removed); checks the disk at most once per second of `now`.
    bool changed(Clock::time_point now = Clock::now());
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::optional<FileStamp> known_;
    Clock::time_point last_check_{};
    bool reported_ = false;
};

}  // namespace beltplan::ui
