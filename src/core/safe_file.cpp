// SafeFile: temporary name, fsync, rename, fsync of the folder; stale temporaries of dead
// processes found by the pid in their name.
#include "core/safe_file.h"

#include "core/messages.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <utility>

namespace beltplan::core {
namespace {

namespace fs = std::filesystem;

std::atomic<unsigned> g_counter{0};

// Flushes a file or folder to disk; false when it cannot be opened or synced.
bool sync_path(const std::string& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

void remove_with_side_files(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
        fs::remove(fs::path(path + suffix), ec);
    }
}

Error write_error(const std::string& target, const std::string& why) {
    return make_error(ErrorCode::kWriteFailed, {target, "", -1, ""},
                      tr("safe_file.write_failed", {why}));
}

bool process_alive(long pid) {
    if (pid <= 0) {
        return false;
    }
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// SQLite's journal, WAL and shared-memory files beside a database.
bool side_file(const std::string& name) {
    return ends_with(name, "-journal") || ends_with(name, "-wal") || ends_with(name, "-shm");
}

// The pid in ".<prefix>.tmp-<pid>[-<n><ext>]", or -1 when the name is not such a file.
long temp_pid(const std::string& name, const std::string& prefix) {
    const std::string head = "." + prefix + ".tmp-";
    if (name.compare(0, head.size(), head) != 0) {
        return -1;
    }
    const char* digits = name.c_str() + head.size();
    char* end = nullptr;
    const long pid = std::strtol(digits, &end, 10);
    if (end == digits) {
        return -1;
    }
    return pid;
}

}  // namespace

SafeFile::SafeFile(std::string target, std::string temp)
    : target_(std::move(target)), temp_(std::move(temp)) {}

SafeFile::SafeFile(SafeFile&& other) noexcept
    : target_(std::move(other.target_)), temp_(std::move(other.temp_)), done_(other.done_) {
    other.done_ = true;
}

SafeFile& SafeFile::operator=(SafeFile&& other) noexcept {
    if (this != &other) {
        abandon();
        target_ = std::move(other.target_);
        temp_ = std::move(other.temp_);
        done_ = other.done_;
        other.done_ = true;
    }
    return *this;
}

SafeFile::~SafeFile() {
    abandon();
}

Result<SafeFile> SafeFile::begin(const std::string& target) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(fs::path(target), ec);
    if (target.empty() || ec || absolute.filename().empty()) {
        return make_error(ErrorCode::kBadArgument, {target, "", -1, ""},
                          tr("safe_file.no_file_name"));
    }
    const fs::path folder = absolute.parent_path();
    if (!fs::is_directory(folder, ec)) {
        return make_error(ErrorCode::kWriteFailed, {target, "", -1, ""},
                          tr("safe_file.no_folder", {folder.string()}));
    }
    const std::string name = "." + absolute.stem().string() + ".tmp-" +
                             std::to_string(static_cast<long long>(::getpid())) + "-" +
                             std::to_string(g_counter.fetch_add(1)) + absolute.extension().string();
    const std::string temp = (folder / name).string();
    remove_with_side_files(temp);
    return SafeFile(absolute.string(), temp);
}

Status SafeFile::sync_temp() {
    if (done_) {
        return write_error(target_, tr("safe_file.already_done"));
    }
    std::error_code ec;
    if (!fs::is_regular_file(temp_, ec)) {
        abandon();
        return write_error(target_, tr("safe_file.nothing_written"));
    }
    if (!sync_path(temp_, false)) {
        const std::string why = std::error_code(errno, std::generic_category()).message();
        abandon();
        return write_error(target_, why);
    }
    return Ok{};
}

Status SafeFile::commit() {
    Status synced = sync_temp();
    if (!synced) {
        return synced;
    }
    std::error_code ec;
    fs::rename(temp_, target_, ec);
    if (ec) {
        abandon();
        return write_error(target_, ec.message());
    }
    done_ = true;
    sync_path(fs::path(target_).parent_path().string(), true);
    return Ok{};
}

Status SafeFile::commit_over(const FileStamp& expected, FileStamp* written) {
    Status synced = sync_temp();
    if (!synced) {
        return synced;
    }
    Result<FileLock> lock = FileLock::acquire(target_);
    Result<FileStamp> now = file_stamp(target_);
    if (!lock || !now || *now != expected) {
        abandon();
        return make_error(ErrorCode::kWriteFailed, {target_, "", -1, ""}, tr("trust.plan_changed"));
    }
    Status renamed = commit();
    if (renamed && written != nullptr) {
        Result<FileStamp> after = file_stamp(target_);
        *written = after ? *after : FileStamp{};
    }
    return renamed;
}

void SafeFile::abandon() {
    if (!done_ && !temp_.empty()) {
        remove_with_side_files(temp_);
    }
    done_ = true;
}

namespace {

// A target's previous file kept under a hard link while a group is renamed into place.
struct Backup {
    std::string target;
    std::string saved;  // "" when the target did not exist
};

void restore(const std::vector<Backup>& backups, std::size_t count) {
    std::error_code ec;
    for (std::size_t i = 0; i < count; ++i) {
        if (backups[i].saved.empty()) {
            fs::remove(backups[i].target, ec);
        } else {
            fs::rename(backups[i].saved, backups[i].target, ec);
        }
    }
}

}  // namespace

Status commit_together(std::vector<SafeFile>& files, const std::vector<std::string>& remove) {
    for (SafeFile& f : files) {
        Status synced = f.sync_temp();
        if (!synced) {
            for (SafeFile& other : files) {
                other.abandon();
            }
            return synced;
        }
    }
    std::vector<Backup> backups;
    std::error_code ec;
    for (SafeFile& f : files) {
        Backup b{f.target_, ""};
        if (fs::exists(f.target_, ec)) {
            b.saved = f.temp_ + ".old";
            fs::remove(b.saved, ec);
            fs::create_hard_link(f.target_, b.saved, ec);
            if (ec) {
                b.saved.clear();  // no hard links here: the old file cannot be put back
            }
        }
        backups.push_back(std::move(b));
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        fs::rename(files[i].temp_, files[i].target_, ec);
        if (ec) {
            const std::string why = ec.message();
            restore(backups, i);
            for (SafeFile& f : files) {
                f.abandon();
            }
            return write_error(files[i].target_, why);
        }
        files[i].done_ = true;
    }
    for (const Backup& b : backups) {
        if (!b.saved.empty()) {
            fs::remove(b.saved, ec);
        }
    }
    for (const std::string& path : remove) {
        fs::remove(path, ec);
    }
    if (!files.empty()) {
        sync_path(fs::path(files.front().target_).parent_path().string(), true);
    }
    return Ok{};
}

Status SafeFile::write(std::string_view bytes) {
    std::ofstream out(temp_, std::ios::binary | std::ios::trunc);
    if (!out) {
        return write_error(target_, tr("safe_file.cannot_create"));
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    out.close();
    if (out.fail()) {
        return write_error(target_, tr("safe_file.disk_full"));
    }
    return Ok{};
}

Status write_file_atomically(const std::string& target, std::string_view bytes) {
    Result<SafeFile> file = SafeFile::begin(target);
    if (!file) {
        return file.error();
    }
    Status written = file->write(bytes);
    if (!written) {
        return written;
    }
    return file->commit();
}

Status write_file_atomically(const std::string& target,
                             const std::function<void(std::ostream&)>& write) {
    Result<SafeFile> file = SafeFile::begin(target);
    if (!file) {
        return file.error();
    }
    {
        std::ofstream out(file->temp_path(), std::ios::binary | std::ios::trunc);
        if (!out) {
            return write_error(target, tr("safe_file.cannot_create"));
        }
        write(out);
        out.flush();
        if (!out) {
            return write_error(target, tr("safe_file.disk_full"));
        }
        out.close();
        if (out.fail()) {
            return write_error(target, tr("safe_file.disk_full"));
        }
    }
    return file->commit();
}

std::vector<std::string> stale_temporaries(const std::string& target) {
    std::vector<std::string> found;
    std::error_code ec;
    const fs::path absolute = fs::absolute(fs::path(target), ec);
    if (ec) {
        return found;
    }
    const std::string full = absolute.filename().string();
    const std::string stem = absolute.stem().string();
    for (fs::directory_iterator it(absolute.parent_path(), ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (side_file(name)) {
            continue;  // side files go with their main file
        }
        // ".<name>.tmp-<pid>" is the naming of beltplan before SafeFile: never made now, so
        // stale even when the pid is ours (reused after the killed process).
        const long old_style = temp_pid(name, full);
        const bool exact_old =
            old_style > 0 && name == "." + full + ".tmp-" + std::to_string(old_style);
        const long pid = old_style > 0 ? old_style : temp_pid(name, stem);
        const bool ours = pid == static_cast<long>(::getpid());
        if (pid > 0 && ((ours && exact_old) || (!ours && !process_alive(pid)))) {
            found.push_back(it->path().string());
        }
    }
    return found;
}

int remove_stale_temporaries(const std::string& target) {
    int removed = 0;
    for (const std::string& path : stale_temporaries(target)) {
        remove_with_side_files(path);
        ++removed;
    }
    return removed;
}

}  // namespace beltplan::core
