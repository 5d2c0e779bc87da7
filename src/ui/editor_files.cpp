// The File menu's dialogs inside the editor: which dialog a menu choice opens, and the answers
// of the dialogs and questions handed to the app through EditorOutput.
#include "core/messages.h"
#include "ui/editor.h"
#include "ui/recent_files.h"

#include <imgui.h>

#include <filesystem>

namespace beltplan::ui {

namespace {

std::string folder_of(const std::string& path) {
    return std::filesystem::path(path).parent_path().string();
}

void draw_browser(const EditorContext& context, EditorState& state, EditorOutput& out) {
    FileDialogs& f = state.files;
    const std::optional<std::string> chosen =
        f.browser.draw(f.purpose == FileDialogs::Purpose::kSaveAs ? nullptr : context.recent);
    if (!chosen) {
        return;
    }
    switch (f.purpose) {
        case FileDialogs::Purpose::kOpen:
            out.open_path = *chosen;
            break;
        case FileDialogs::Purpose::kSaveAs:
            out.save_as = *chosen;
            break;
        case FileDialogs::Purpose::kCompare:
            out.compare_with = *chosen;
            break;
    }
}

std::string plan_name(const EditorContext& context) {
    return context.plan->name.empty() ? std::filesystem::path(context.plan_path).filename().string()
                                      : context.plan->name;
}

}  // namespace

void handle_file_choice(const FileChoice& choice, const EditorContext& context, EditorState& state,
                        EditorOutput& out) {
    FileDialogs& f = state.files;
    const std::string folder = folder_of(context.plan_path);
    switch (choice.action) {
        case FileAction::kNone:
            break;
        case FileAction::kNewFromImport:
            out.new_import = true;
            break;
        case FileAction::kOpen:
            f.purpose = FileDialogs::Purpose::kOpen;
            f.browser.open(FileDialogMode::kOpen, core::tr("window.menu_open"), folder, {".gpkg"});
            break;
        case FileAction::kOpenRecent:
            out.open_path = choice.path;
            break;
        case FileAction::kSave:
            out.save = true;
            break;
        case FileAction::kSaveAs:
            f.purpose = FileDialogs::Purpose::kSaveAs;
            f.browser.open(FileDialogMode::kSave, core::tr("window.menu_save_as"), folder,
                           {".gpkg"},
                           std::filesystem::path(context.plan_path).stem().string() + "-2");
            break;
        case FileAction::kCompare:
            f.purpose = FileDialogs::Purpose::kCompare;
            f.browser.open(FileDialogMode::kOpen, core::tr("window.compare_with"), folder,
                           {".gpkg"});
            break;
        case FileAction::kExportMap:
            f.exporter.open_map(context.plan_path, context.export_formats);
            break;
        case FileAction::kExportTables:
            f.exporter.open_tables(context.plan_path);
            break;
        case FileAction::kQuit:
            out.quit_request = true;
            break;
    }
}

void draw_file_dialogs(const EditorContext& context, EditorState& state, EditorOutput& out) {
    FileDialogs& f = state.files;
    draw_browser(context, state, out);
    if (auto request = f.exporter.draw()) {
        out.export_request = *request;
    }
    out.import = f.importer.draw();
    const std::string name = plan_name(context);
    out.unsaved = f.unsaved.draw(name);
    out.autosave = f.autosave.draw(name);
    out.disk_change = f.disk_change.draw(name, context.dirty);
}

}  // namespace beltplan::ui
