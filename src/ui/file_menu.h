// The File menu: New from import, Open, Open recent, Save, Save as, Compare with, Export map,
// Export tables, Quit. It only reports the planner's choice; the app asks the unsaved-changes
// question where a choice would replace or close the plan.
#pragma once

#include <string>

namespace beltplan::ui {

class RecentFiles;

enum class FileAction {
    kNone,
    kNewFromImport,
    kOpen,        // show the file dialog
    kOpenRecent,  // open `path` (after the unsaved question)
    kSave,
    kSaveAs,
    kCompare,
    kExportMap,
    kExportTables,
    kQuit,
};

struct FileChoice {
    FileAction action = FileAction::kNone;
    std::string path;  // kOpenRecent
};

struct FileMenuState {
    bool import_available = false;  // the import dialog exists in this build
    bool dirty = false;             // Save is enabled only with unsaved changes
    const RecentFiles* recent = nullptr;
};

// Draws the File menu inside a menu bar (between BeginMainMenuBar and EndMainMenuBar).
FileChoice draw_file_menu(const FileMenuState& state);

}  // namespace beltplan::ui
