// FileStamp from stat(2) and the file's first bytes; FileLock with flock(2).
#include "core/file_stamp.h"

#include "core/messages.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace beltplan::core {
namespace {

constexpr std::size_t kHeadBytes = 100;

std::string errno_text(int error) {
    return std::error_code(error, std::generic_category()).message();
}

}  // namespace

Result<FileStamp> file_stamp(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return make_error(ErrorCode::kOpenFailed, {path, "", -1, ""},
                          tr("trust.cannot_stamp", {errno_text(error)}));
    }
    struct stat st {};
    FileStamp stamp;
    if (::fstat(fd, &st) == 0) {
        stamp.device = static_cast<std::uint64_t>(st.st_dev);
        stamp.inode = static_cast<std::uint64_t>(st.st_ino);
        stamp.size = static_cast<std::int64_t>(st.st_size);
        stamp.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 +
                         static_cast<std::int64_t>(st.st_mtim.tv_nsec);
        char head[kHeadBytes];
        const ssize_t n = ::pread(fd, head, sizeof head, 0);
        if (n > 0) {
            stamp.head.assign(head, static_cast<std::size_t>(n));
        }
    }
    ::close(fd);
    return stamp;
}

bool file_unchanged(const std::string& path, const FileStamp& stamp) {
    Result<FileStamp> now = file_stamp(path);
    return now && *now == stamp;
}

Result<FileLock> FileLock::acquire(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return make_error(ErrorCode::kOpenFailed, {path, "", -1, ""},
                          tr("trust.cannot_stamp", {errno_text(error)}));
    }
    int rc = 0;
    do {
        rc = ::flock(fd, LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int error = errno;
        ::close(fd);
        return make_error(ErrorCode::kWriteFailed, {path, "", -1, ""},
                          tr("trust.cannot_lock", {errno_text(error)}));
    }
    return FileLock(fd);
}

FileLock::FileLock(FileLock&& other) noexcept : fd_(other.fd_) {
    other.fd_ = -1;
}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

FileLock::~FileLock() {
    if (fd_ >= 0) {
        ::close(fd_);  // releases the flock
    }
}

}  // namespace beltplan::core
