// RecentFiles: a small text file of absolute paths, newest first.
#include "ui/recent_files.h"

#include "core/messages.h"
#include "core/safe_file.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace beltplan::ui {

namespace fs = std::filesystem;

RecentFiles::RecentFiles(std::string store_path) : store_(std::move(store_path)) {}

std::string RecentFiles::default_store_path() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg != nullptr && xdg[0] == '/') {
        return (fs::path(xdg) / "beltplan" / "recent.txt").string();
    }
    const char* home = std::getenv("HOME");
    if (home != nullptr && home[0] != '\0') {
        return (fs::path(home) / ".config" / "beltplan" / "recent.txt").string();
    }
    return "";
}

core::Status RecentFiles::load() {
    paths_.clear();
    std::error_code ec;
    if (store_.empty() || !fs::exists(store_, ec)) {
        return core::Ok{};
    }
    std::ifstream in(store_);
    if (!in) {
        return core::make_error(core::ErrorCode::kOpenFailed, {store_, "", -1, ""},
                                core::tr("window.recent_unreadable"));
    }
    std::string line;
    while (std::getline(in, line) && paths_.size() < kMax) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!line.empty() && std::find(paths_.begin(), paths_.end(), line) == paths_.end()) {
            paths_.push_back(line);
        }
    }
    return core::Ok{};
}

core::Status RecentFiles::add(const std::string& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    const std::string p = ec ? path : absolute.lexically_normal().string();
    paths_.erase(std::remove(paths_.begin(), paths_.end(), p), paths_.end());
    paths_.insert(paths_.begin(), p);
    if (paths_.size() > kMax) {
        paths_.resize(kMax);
    }
    return save();
}

core::Status RecentFiles::remove(const std::string& path) {
    paths_.erase(std::remove(paths_.begin(), paths_.end(), path), paths_.end());
    return save();
}

core::Status RecentFiles::save() const {
    if (store_.empty()) {
        return core::Ok{};
    }
    std::error_code ec;
    fs::create_directories(fs::path(store_).parent_path(), ec);
    std::string text;
    for (const std::string& p : paths_) {
        text += p + "\n";
    }
    return core::write_file_atomically(store_, text);
}

}  // namespace beltplan::ui
