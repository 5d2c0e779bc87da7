// The import dialog: sources with their roles, Read (the app imports, nothing is written), the
// summary and the unmatched site rows, Create (the file dialog in save mode picks the plan).
#include "ui/import_dialog.h"

#include "core/messages.h"
#include "ui/editor.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <array>
#include <filesystem>

namespace beltplan::ui {

namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, kImportRoles> kRoleKeys = {
    "window.import_role_auto", "window.import_role_villages", "window.import_role_townships",
    "window.import_role_roads", "window.import_role_sites"};

std::string role_name(ImportRole role) {
    return core::tr(kRoleKeys[static_cast<std::size_t>(role)]);
}

void error_text(const std::string& sentence) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.15f, 0.1f, 1.f));
    text_wrapped(sentence);
    ImGui::PopStyleColor();
}

}  // namespace

const std::vector<std::string>& importable_extensions() {
    static const std::vector<std::string> kExtensions = {
        ".shp", ".gpkg", ".geojson", ".json", ".kml", ".kmz",    ".xlsx", ".xls",
        ".ods", ".csv",  ".fgb",     ".gml",  ".tab", ".sqlite", ".mif"};
    return kExtensions;
}

void ImportDialog::open(const std::string& folder) {
    open_ = true;
    popup_open_ = false;
    closing_ = false;
    folder_ = folder;
    sources_.clear();
    preview_.reset();
    error_.clear();
}

void ImportDialog::add_source(const std::string& path, ImportRole role) {
    sources_.push_back({path, role});
    folder_ = fs::is_directory(path) ? path : fs::path(path).parent_path().string();
    forget_preview();
}

void ImportDialog::remove_source(std::size_t index) {
    if (index < sources_.size()) {
        sources_.erase(sources_.begin() + static_cast<std::ptrdiff_t>(index));
        forget_preview();
    }
}

void ImportDialog::set_role(std::size_t index, ImportRole role) {
    if (index < sources_.size() && sources_[index].role != role) {
        sources_[index].role = role;
        forget_preview();
    }
}

void ImportDialog::forget_preview() {
    preview_.reset();
    error_.clear();
}

std::optional<ImportRequest> ImportDialog::request() {
    if (sources_.empty()) {
        error_ = core::tr("window.import_no_sources");
        return std::nullopt;
    }
    std::array<int, kImportRoles> given{};
    for (const ImportSource& s : sources_) {
        const auto role = static_cast<std::size_t>(s.role);
        if (s.role != ImportRole::kAuto && ++given[role] > 1) {
            error_ = core::tr("window.import_role_twice", {role_name(s.role)});
            return std::nullopt;
        }
    }
    error_.clear();
    return ImportRequest{sources_};
}

void ImportDialog::show_preview(ImportPreview preview) {
    preview_ = std::move(preview);
}

void ImportDialog::show_refusal(const std::string& sentence) {
    ImportPreview refused;
    refused.error = sentence;
    preview_ = std::move(refused);
}

ImportDialogOutput ImportDialog::draw() {
    ImportDialogOutput out;
    if (!open_) {
        return out;
    }
    const std::string id = core::tr("window.import_title") + "###import";
    if (!popup_open_) {
        ImGui::OpenPopup(id.c_str());
        popup_open_ = true;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x / 2.f, display.y / 2.f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(
        ImVec2(std::min(820.f, display.x - 40.f), std::min(640.f, display.y - 60.f)),
        ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        open_ = false;
        closing_ = false;
        return out;
    }
    if (closing_) {
        open_ = false;
    } else {
        draw_sources();
        draw_preview();
        draw_buttons(out);
        take_browsed(out);
    }
    if (!open_) {
        ImGui::CloseCurrentPopup();
        popup_open_ = false;
        closing_ = false;
    }
    ImGui::EndPopup();
    return out;
}

void ImportDialog::draw_sources() {
    text_wrapped(core::tr("window.import_hint"));
    ImGui::Separator();
    std::optional<std::size_t> removed;
    for (std::size_t i = 0; i < sources_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const std::string index = std::to_string(i);
        ImGui::SetNextItemWidth(180.f);
        int role = static_cast<int>(sources_[i].role);
        if (ImGui::BeginCombo("##role", role_name(sources_[i].role).c_str())) {
            for (int r = 0; r < kImportRoles; ++r) {
                if (ImGui::Selectable(role_name(static_cast<ImportRole>(r)).c_str(), r == role)) {
                    set_role(i, static_cast<ImportRole>(r));
                }
                note_item("import.role." + index + "." + std::to_string(r));
            }
            ImGui::EndCombo();
        }
        note_item("import.role." + index);
        ImGui::SameLine();
        if (ImGui::SmallButton(core::tr("window.import_remove").c_str())) {
            removed = i;
        }
        note_item("import.remove." + index);
        ImGui::SameLine();
        const bool folder = fs::is_directory(sources_[i].path);
        ImGui::TextUnformatted((displayable_name(sources_[i].path) + (folder ? "/" : "")).c_str());
        ImGui::PopID();
    }
    if (removed) {
        remove_source(*removed);
    }
    if (ImGui::Button(core::tr("window.import_add_files").c_str())) {
        browsing_ = Browse::kFiles;
        browse_.open(FileDialogMode::kOpen, core::tr("window.import_add_files"), folder_,
                     importable_extensions());
    }
    note_item("import.add_files");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("window.import_add_folder").c_str())) {
        browsing_ = Browse::kFolder;
        browse_.open(FileDialogMode::kFolder, core::tr("window.import_add_folder"), folder_,
                     importable_extensions());
    }
    note_item("import.add_folder");
}

void ImportDialog::draw_preview() {
    ImGui::Separator();
    const float buttons = ImGui::GetFrameHeightWithSpacing() * 2.f;
    ImGui::BeginChild("##import_preview", ImVec2(0.f, -buttons), true);
    if (!error_.empty()) {
        error_text(error_);
    }
    if (!preview_) {
        ImGui::TextDisabled("%s", core::tr("window.import_not_read").c_str());
    } else if (!preview_->error.empty()) {
        error_text(core::tr("window.import_refused", {preview_->error}));
    } else {
        ImGui::TextUnformatted(core::tr("window.import_summary").c_str());
        text_wrapped(preview_->summary);
        ImGui::Separator();
        ImGui::TextUnformatted(
            core::tr("window.import_unmatched", {std::to_string(preview_->unmatched.size())})
                .c_str());
        if (preview_->unmatched.empty()) {
            ImGui::TextDisabled("%s", core::tr("window.import_unmatched_none").c_str());
        }
        for (const std::string& row : preview_->unmatched) {
            text_wrapped(row);
        }
    }
    ImGui::EndChild();
}

void ImportDialog::draw_buttons(ImportDialogOutput& out) {
    if (ImGui::Button(core::tr("window.import_read").c_str())) {
        out.read = request();
    }
    note_item("import.read");
    ImGui::SameLine();
    ImGui::BeginDisabled(!can_create());
    if (ImGui::Button(core::tr("window.import_create").c_str())) {
        browsing_ = Browse::kCreate;
        const std::string stem =
            sources_.empty() ? "plan" : fs::path(sources_.front().path).stem().string();
        browse_.open(FileDialogMode::kSave, core::tr("window.import_create"), folder_, {".gpkg"},
                     stem + ".gpkg");
    }
    ImGui::EndDisabled();
    note_item("import.create");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(core::tr("window.cancel").c_str());
    note_item("import.cancel");
    if (cancel) {
        open_ = false;
        out.cancelled = true;
    }
}

// The file dialog's answer: sources to add, or where the plan goes.
void ImportDialog::take_browsed(ImportDialogOutput& out) {
    const std::optional<std::string> chosen = browse_.draw(nullptr);
    if (!chosen) {
        return;
    }
    if (browsing_ == Browse::kCreate) {
        out.create = *chosen;
    } else {
        add_source(*chosen);
    }
}

}  // namespace beltplan::ui
