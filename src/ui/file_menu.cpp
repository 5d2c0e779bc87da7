// draw_file_menu: ImGui menu items with their shortcuts.
#include "ui/file_menu.h"

#include "core/messages.h"
#include "ui/editor.h"
#include "ui/file_dialog.h"
#include "ui/recent_files.h"

#include <imgui.h>

#include <filesystem>

namespace beltplan::ui {

namespace {

bool item(const char* key, const char* shortcut, const char* note, bool enabled = true) {
    const bool chosen = ImGui::MenuItem(core::tr(key).c_str(), shortcut, false, enabled);
    note_item(note);
    return chosen;
}

void recent_menu(const FileMenuState& state, FileChoice& choice) {
    const bool any = state.recent != nullptr && !state.recent->paths().empty();
    if (!ImGui::BeginMenu(core::tr("window.menu_open_recent").c_str(), any)) {
        return;
    }
    for (std::size_t i = 0; i < state.recent->paths().size(); ++i) {
        const std::string& path = state.recent->paths()[i];
        std::error_code ec;
        const bool exists = std::filesystem::exists(path, ec);
        const std::string label =
            displayable_name(std::filesystem::path(path).filename().string()) + "##" +
            std::to_string(i);
        if (ImGui::MenuItem(label.c_str(), nullptr, false, exists)) {
            choice = {FileAction::kOpenRecent, path};
        }
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("%s", displayable_name(path).c_str());
        }
    }
    ImGui::EndMenu();
}

}  // namespace

FileChoice draw_file_menu(const FileMenuState& state) {
    FileChoice choice;
    const bool open = ImGui::BeginMenu((core::tr("window.menu_file") + "###file_menu").c_str());
    note_item("menu.file");
    if (!open) {
        return choice;
    }
    if (item("window.menu_new_import", nullptr, "menu.new_import", state.import_available)) {
        choice.action = FileAction::kNewFromImport;
    }
    if (item("window.menu_open", "Ctrl+O", "menu.open")) {
        choice.action = FileAction::kOpen;
    }
    recent_menu(state, choice);
    ImGui::Separator();
    if (item("window.menu_save", "Ctrl+S", "menu.save", state.dirty)) {
        choice.action = FileAction::kSave;
    }
    if (item("window.menu_save_as", "Ctrl+Shift+S", "menu.save_as")) {
        choice.action = FileAction::kSaveAs;
    }
    ImGui::Separator();
    if (item("window.compare_with", nullptr, "menu.compare")) {
        choice.action = FileAction::kCompare;
    }
    if (item("window.menu_export_map", nullptr, "menu.export_map")) {
        choice.action = FileAction::kExportMap;
    }
    if (item("window.menu_export_tables", nullptr, "menu.export_tables")) {
        choice.action = FileAction::kExportTables;
    }
    ImGui::Separator();
    if (item("window.menu_quit", "Ctrl+Q", "menu.quit")) {
        choice.action = FileAction::kQuit;
    }
    ImGui::EndMenu();
    return choice;
}

}  // namespace beltplan::ui
