// ExportDialog: the export fields, their checks and the modal that shows them.
#include "ui/export_dialog.h"

#include "core/messages.h"
#include "ui/editor.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace beltplan::ui {

namespace fs = std::filesystem;

namespace {

constexpr int kMinSidePx = 64;
constexpr int kMaxSidePx = 20000;

// <plan folder>/<plan stem><suffix>
std::string beside_plan(const std::string& plan_path, const std::string& suffix) {
    const fs::path p(plan_path);
    return (p.parent_path() / (p.stem().string() + suffix)).string();
}

const char* format_name(MapFormat f) {
    switch (f) {
        case MapFormat::kPng:
            return "PNG";
        case MapFormat::kPdf:
            return "PDF";
        case MapFormat::kSvg:
            return "SVG";
    }
    return "PNG";
}

}  // namespace

const char* extension(MapFormat format) {
    switch (format) {
        case MapFormat::kPng:
            return ".png";
        case MapFormat::kPdf:
            return ".pdf";
        case MapFormat::kSvg:
            return ".svg";
    }
    return ".png";
}

const std::vector<SizePreset>& size_presets() {
    static const std::vector<SizePreset> presets = {
        {"window.size_screen", 1600, 1100}, {"window.size_a4", 3508, 2480},
        {"window.size_a3", 4961, 3508},     {"window.size_poster", 7680, 4320},
        {"window.size_custom", 0, 0},
    };
    return presets;
}

void ExportDialog::open_map(const std::string& plan_path, std::vector<MapFormat> formats) {
    formats_ = formats.empty() ? std::vector<MapFormat>{MapFormat::kPng} : std::move(formats);
    fields_ = ExportRequest{};
    fields_.kind = ExportKind::kMap;
    fields_.format = formats_.front();
    fields_.path = beside_plan(plan_path, std::string("-map") + extension(fields_.format));
    preset_ = 0;
    error_.clear();
    open_ = true;
    popup_open_ = false;
}

void ExportDialog::open_tables(const std::string& plan_path) {
    fields_ = ExportRequest{};
    fields_.kind = ExportKind::kTables;
    fields_.path = beside_plan(plan_path, "-report.xlsx");
    error_.clear();
    open_ = true;
    popup_open_ = false;
}

void ExportDialog::set_format(MapFormat format) {
    fields_.format = format;
    fs::path p(fields_.path);
    p.replace_extension(extension(format));
    fields_.path = p.string();
}

void ExportDialog::set_table_format(TableFormat format) {
    fields_.tables = format;
    fs::path p(fields_.path);
    p.replace_extension(format == TableFormat::kXlsx ? ".xlsx" : "");
    fields_.path = p.string();
}

std::optional<ExportRequest> ExportDialog::request() {
    if (fields_.path.empty()) {
        error_ = core::tr("window.file_no_name");
        return std::nullopt;
    }
    std::error_code ec;
    const fs::path folder = fs::path(fields_.path).parent_path();
    if (!folder.empty() && !fs::is_directory(folder, ec)) {
        error_ = core::tr("window.file_not_found", {folder.string()});
        return std::nullopt;
    }
    if (fields_.kind == ExportKind::kMap) {
        const auto bad = [](int v) { return v < kMinSidePx || v > kMaxSidePx; };
        if (bad(fields_.width_px) || bad(fields_.height_px)) {
            error_ = core::tr("window.export_bad_size",
                              {std::to_string(kMinSidePx), std::to_string(kMaxSidePx)});
            return std::nullopt;
        }
    }
    error_.clear();
    return fields_;
}

void ExportDialog::draw_map_fields() {
    ImGui::TextUnformatted(core::tr("window.export_format").c_str());
    for (MapFormat f : formats_) {
        ImGui::SameLine();
        if (ImGui::RadioButton(format_name(f), fields_.format == f)) {
            set_format(f);
        }
        note_item(std::string("export.format.") + format_name(f));
    }
    ImGui::TextUnformatted(core::tr("window.export_scope").c_str());
    ImGui::SameLine();
    if (ImGui::RadioButton(core::tr("window.export_current_view").c_str(),
                           fields_.scope == MapScope::kCurrentView)) {
        fields_.scope = MapScope::kCurrentView;
    }
    ImGui::SameLine();
    if (ImGui::RadioButton(core::tr("window.export_whole_plan").c_str(),
                           fields_.scope == MapScope::kWholePlan)) {
        fields_.scope = MapScope::kWholePlan;
    }
    const auto& presets = size_presets();
    const SizePreset& chosen = presets[static_cast<std::size_t>(preset_)];
    const bool typed = chosen.width_px != fields_.width_px || chosen.height_px != fields_.height_px;
    const std::string preview = core::tr(typed ? "window.size_custom" : chosen.key);
    if (ImGui::BeginCombo(core::tr("window.export_size").c_str(), preview.c_str())) {
        for (std::size_t i = 0; i < presets.size(); ++i) {
            if (ImGui::Selectable(core::tr(presets[i].key).c_str(),
                                  static_cast<int>(i) == preset_)) {
                preset_ = static_cast<int>(i);
                if (presets[i].width_px > 0) {
                    fields_.width_px = presets[i].width_px;
                    fields_.height_px = presets[i].height_px;
                }
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SetNextItemWidth(110.f);
    ImGui::InputInt("##w", &fields_.width_px, 0);
    ImGui::SameLine();
    ImGui::TextUnformatted("x");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110.f);
    ImGui::InputInt("##h", &fields_.height_px, 0);
    ImGui::SameLine();
    ImGui::TextDisabled("px");
    char title[256];
    std::snprintf(title, sizeof title, "%s", fields_.title.c_str());
    if (ImGui::InputTextWithHint(core::tr("window.export_title").c_str(),
                                 core::tr("window.export_title_hint").c_str(), title,
                                 sizeof title)) {
        fields_.title = title;
    }
}

void ExportDialog::draw_table_fields() {
    text_wrapped(core::tr("window.export_tables_hint"));
    ImGui::TextUnformatted(core::tr("window.export_format").c_str());
    for (TableFormat f : {TableFormat::kXlsx, TableFormat::kCsvFolder}) {
        const bool xlsx = f == TableFormat::kXlsx;
        ImGui::SameLine();
        if (ImGui::RadioButton(
                core::tr(xlsx ? "window.export_tables_xlsx" : "window.export_tables_csv").c_str(),
                fields_.tables == f)) {
            set_table_format(f);
        }
        note_item(xlsx ? "export.tables.xlsx" : "export.tables.csv");
    }
}

std::optional<ExportRequest> ExportDialog::draw() {
    std::optional<ExportRequest> done;
    if (!open_) {
        return done;
    }
    const std::string id =
        core::tr(fields_.kind == ExportKind::kMap ? "window.export_map" : "window.export_tables") +
        "###export";
    if (!popup_open_) {
        ImGui::OpenPopup(id.c_str());
        popup_open_ = true;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x / 2.f, display.y / 2.f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    // Height 0 fits the contents every frame: a sentence shown after Export keeps the buttons
    // in view.
    ImGui::SetNextWindowSize(ImVec2(std::min(620.f, display.x - 40.f), 0.f), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        open_ = false;
        return done;
    }
    if (fields_.kind == ExportKind::kMap) {
        draw_map_fields();
    } else {
        draw_table_fields();
    }
    char path[1024];
    std::snprintf(path, sizeof path, "%s", fields_.path.c_str());
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 100.f);
    if (ImGui::InputText("##path", path, sizeof path)) {
        fields_.path = path;
    }
    note_item("export.path");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("window.export_browse").c_str())) {
        const bool folder =
            fields_.kind == ExportKind::kTables && fields_.tables == TableFormat::kCsvFolder;
        const std::string ext =
            fields_.kind == ExportKind::kMap ? extension(fields_.format) : ".xlsx";
        browse_.open(FileDialogMode::kSave, core::tr("window.export_browse"),
                     fs::path(fields_.path).parent_path().string(),
                     folder ? std::vector<std::string>{} : std::vector<std::string>{ext},
                     fs::path(fields_.path).filename().string());
    }
    if (auto chosen = browse_.draw(nullptr)) {
        fields_.path = *chosen;
    }
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.15f, 0.1f, 1.f));
        text_wrapped(error_);
        ImGui::PopStyleColor();
    }
    const bool go = ImGui::Button(core::tr("window.export_go").c_str());
    note_item("export.go");
    if (go) {
        done = request();
        open_ = !done.has_value();
    }
    ImGui::SameLine();
    if (ImGui::Button(core::tr("window.cancel").c_str())) {
        open_ = false;
    }
    if (!open_) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return done;
}

}  // namespace beltplan::ui
