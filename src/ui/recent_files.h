// The plans opened lately, newest first, kept between sessions in the user's configuration
// folder ($XDG_CONFIG_HOME/beltplan/recent.txt, else ~/.config/beltplan/recent.txt), one UTF-8
// path per line, written through core::SafeFile.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <vector>

namespace beltplan::ui {

class RecentFiles {
public:
    static constexpr std::size_t kMax = 10;

    // A list kept in `store_path`; "" keeps it in memory only.
    explicit RecentFiles(std::string store_path = default_store_path());

    // $XDG_CONFIG_HOME/beltplan/recent.txt, else $HOME/.config/beltplan/recent.txt; "" when
    // neither variable is set.
    static std::string default_store_path();

    // Reads the stored list (a missing file is an empty list); paths that no longer exist
    // are kept (a USB stick may come back) and shown as missing by the dialog.
    core::Status load();
    // Puts `path` (made absolute) first, drops an older copy of it, keeps kMax, and stores the
    // list (creating the folder). The list in memory changes even when storing fails.
    core::Status add(const std::string& path);
    // Takes `path` off the list and stores it.
    core::Status remove(const std::string& path);

    const std::vector<std::string>& paths() const { return paths_; }
    const std::string& store_path() const { return store_; }

private:
    core::Status save() const;
    std::string store_;
    std::vector<std::string> paths_;
};

}  // namespace beltplan::ui
