// PlanWatch: stat() of the plan file compared with the stamp taken at the last read or save.
#include "ui/plan_watch.h"

#include <sys/stat.h>

namespace beltplan::ui {

std::optional<FileStamp> FileStamp::of(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return std::nullopt;
    }
    FileStamp s;
    s.inode = static_cast<std::uint64_t>(info.st_ino);
    s.size_bytes = static_cast<std::int64_t>(info.st_size);
    s.modified_ns = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 +
                    static_cast<std::int64_t>(info.st_mtim.tv_nsec);
    return s;
}

void PlanWatch::reset(const std::string& path) {
    path_ = path;
    known_ = FileStamp::of(path);
    reported_ = false;
    last_check_ = Clock::now();
}

bool PlanWatch::changed(Clock::time_point now) {
    if (path_.empty() || reported_ || now - last_check_ < std::chrono::seconds(1)) {
        return false;
    }
    last_check_ = now;
    const std::optional<FileStamp> seen = FileStamp::of(path_);
    if (seen == known_) {
        return false;
    }
    reported_ = true;
    return true;
}

}  // namespace beltplan::ui
