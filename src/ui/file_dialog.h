// The window's file dialog (open a plan, save as, compare with, export): folders and the files
// of the wanted kinds in a list, Chinese names shown as they are, the recent plans, a name
// field for saving. One modal at a time; draw() returns the chosen path once.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::ui {

class RecentFiles;

// One row of a folder listing.
struct FileEntry {
    std::string name;  // as stored on disk (UTF-8 on a UTF-8 system)
    bool folder = false;
    std::uintmax_t size_bytes = 0;
};

// The subfolders (hidden ones left out) and the files whose name ends in one of
// `extensions` (".gpkg", case ignored; empty = every file) of `folder`: folders first, each
// group by name. An error sentence when the folder cannot be read.
core::Result<std::vector<FileEntry>> list_folder(const std::string& folder,
                                                 const std::vector<std::string>& extensions);

// A file name as ImGui can draw it: bytes that are not UTF-8 (a GBK name from an old archive)
// become U+FFFD, so the row still shows and can be chosen.
std::string displayable_name(const std::string& name);

// kFolder chooses a folder: the one shown, or a folder whose name is typed.
enum class FileDialogMode { kOpen, kSave, kFolder };

class FileDialog {
public:
    // Opens the dialog on `folder` (the current folder when "" or missing). In kSave mode
    // `file_name` fills the name field and the first extension is added to a name typed
    // without one.
    void open(FileDialogMode mode, std::string title, const std::string& folder,
              std::vector<std::string> extensions, const std::string& file_name = "");
    bool is_open() const { return open_; }
    void close() { open_ = false; }

    // Draws the modal dialog while open. Returns the chosen path (absolute) in the frame the
    // planner confirms; the dialog is closed then. `recent` (may be null) lists recent plans.
    std::optional<std::string> draw(const RecentFiles* recent);

    // The dialog's model, also driven by tests.
    void enter(const std::string& folder);  // shows another folder (errors in error())
    void up();                              // the parent folder
    // The path a click on `name` (or the typed name) chooses: in kOpen mode an existing file
    // of the folder (nullopt for a folder or a missing file, with error() saying why); in
    // kSave mode the folder joined with the name, the first extension added when it has none
    // of them. Names with '/' are taken as paths relative to the folder.
    std::optional<std::string> choose(const std::string& name);

    FileDialogMode mode() const { return mode_; }
    const std::string& folder() const { return folder_; }
    const std::vector<FileEntry>& entries() const { return entries_; }
    const std::string& error() const { return error_; }
    const std::string& name_field() const { return name_; }
    void set_name_field(const std::string& name) { name_ = name; }

private:
    void draw_places(const RecentFiles* recent, std::optional<std::string>& chosen);
    void draw_list(std::optional<std::string>& chosen);
    void draw_footer(std::optional<std::string>& chosen);
    // Confirms `path`: in kSave mode an existing file asks first.
    void confirm(const std::string& path, std::optional<std::string>& chosen);
    std::optional<std::string> choose_folder(const std::string& name);

    bool open_ = false;
    bool popup_open_ = false;  // the ImGui popup was opened
    FileDialogMode mode_ = FileDialogMode::kOpen;
    std::string title_;
    std::string folder_;
    std::vector<std::string> extensions_;
    std::vector<FileEntry> entries_;
    std::string name_;
    std::string error_;
    std::string overwrite_;  // kSave: the existing file waiting for "replace?"
    int selected_ = -1;
};

}  // namespace beltplan::ui
