// FileDialog: the folder model (listing, entering, choosing) and its ImGui modal.
#include "ui/file_dialog.h"

#include "core/messages.h"
#include "ui/editor.h"
#include "ui/recent_files.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace beltplan::ui {

namespace fs = std::filesystem;

namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

bool has_extension(const std::string& name, const std::vector<std::string>& extensions) {
    if (extensions.empty()) {
        return true;
    }
    const std::string lower = lower_ascii(name);
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
        const std::string e = lower_ascii(ext);
        return lower.size() > e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0;
    });
}

std::string size_text(std::uintmax_t bytes) {
    char buf[32];
    if (bytes >= 1024u * 1024u) {
        std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    } else {
        std::snprintf(buf, sizeof buf, "%.0f kB", static_cast<double>(bytes) / 1024.0);
    }
    return buf;
}

std::string home_folder() {
    const char* home = std::getenv("HOME");
    return home != nullptr && home[0] != '\0' ? home : "/";
}

std::string extensions_text(const std::vector<std::string>& extensions) {
    std::string text;
    for (const std::string& e : extensions) {
        text += (text.empty() ? "" : " / ") + e;
    }
    return text;
}

}  // namespace

core::Result<std::vector<FileEntry>> list_folder(const std::string& folder,
                                                 const std::vector<std::string>& extensions) {
    std::vector<FileEntry> entries;
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        return core::Error{core::ErrorCode::kOpenFailed,
                           core::tr("window.folder_unreadable", {folder, ec.message()}),
                           {folder, "", -1, ""}};
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            break;
        }
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') {
            continue;  // hidden files, and the temporaries SafeFile writes
        }
        std::error_code type_ec;
        const bool folder_entry = it->is_directory(type_ec);
        if (folder_entry) {
            entries.push_back({name, true, 0});
        } else if (has_extension(name, extensions)) {
            std::error_code size_ec;
            const std::uintmax_t size = it->file_size(size_ec);
            entries.push_back({name, false, size_ec ? 0 : size});
        }
    }
    std::sort(entries.begin(), entries.end(), [](const FileEntry& a, const FileEntry& b) {
        if (a.folder != b.folder) {
            return a.folder;
        }
        const std::string la = lower_ascii(a.name);
        const std::string lb = lower_ascii(b.name);
        return la != lb ? la < lb : a.name < b.name;
    });
    return entries;
}

std::string displayable_name(const std::string& name) {
    std::string out;
    std::size_t i = 0;
    while (i < name.size()) {
        const auto b = static_cast<unsigned char>(name[i]);
        const std::size_t n = b < 0x80         ? 1
                              : (b >> 5) == 6  ? 2
                              : (b >> 4) == 14 ? 3
                              : (b >> 3) == 30 ? 4
                                               : 0;
        bool ok = n > 0 && i + n <= name.size();
        for (std::size_t k = 1; ok && k < n; ++k) {
            ok = (static_cast<unsigned char>(name[i + k]) & 0xC0) == 0x80;
        }
        if (ok) {
            out.append(name, i, n);
            i += n;
        } else {
            out += u8"\uFFFD";
            ++i;
        }
    }
    return out;
}

void FileDialog::open(FileDialogMode mode, std::string title, const std::string& folder,
                      std::vector<std::string> extensions, const std::string& file_name) {
    mode_ = mode;
    title_ = std::move(title);
    extensions_ = std::move(extensions);
    name_ = file_name;
    overwrite_.clear();
    open_ = true;
    popup_open_ = false;
    std::error_code ec;
    enter(!folder.empty() && fs::is_directory(folder, ec) ? folder : fs::current_path(ec).string());
}

void FileDialog::enter(const std::string& folder) {
    std::error_code ec;
    const std::string absolute = fs::absolute(folder, ec).lexically_normal().string();
    auto listed = list_folder(absolute, extensions_);
    selected_ = -1;
    if (!listed) {
        error_ = listed.error().message;
        return;  // stay where we were
    }
    error_.clear();
    folder_ = absolute;
    if (folder_.size() > 1 && folder_.back() == '/') {
        folder_.pop_back();
    }
    entries_ = std::move(listed.value());
}

void FileDialog::up() {
    const fs::path parent = fs::path(folder_).parent_path();
    if (!parent.empty()) {
        enter(parent.string());
    }
}

std::optional<std::string> FileDialog::choose(const std::string& name) {
    if (mode_ == FileDialogMode::kFolder) {
        return choose_folder(name);
    }
    if (name.empty()) {
        error_ = core::tr("window.file_no_name");
        return std::nullopt;
    }
    fs::path path = fs::path(name).is_absolute() ? fs::path(name) : fs::path(folder_) / name;
    path = path.lexically_normal();
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        enter(path.string());
        return std::nullopt;
    }
    if (mode_ == FileDialogMode::kOpen) {
        if (!fs::exists(path, ec)) {
            error_ = core::tr("window.file_not_found", {displayable_name(path.string())});
            return std::nullopt;
        }
        if (!has_extension(path.filename().string(), extensions_)) {
            error_ = core::tr("window.file_wrong_kind", {extensions_text(extensions_)});
            return std::nullopt;
        }
        error_.clear();
        return path.string();
    }
    if (!extensions_.empty() && !has_extension(path.filename().string(), extensions_)) {
        path += extensions_.front();
    }
    if (!fs::is_directory(path.parent_path(), ec)) {
        error_ = core::tr("window.file_not_found", {displayable_name(path.parent_path().string())});
        return std::nullopt;
    }
    error_.clear();
    return path.string();
}

// kFolder: the folder named (relative to the one shown), else the one shown.
std::optional<std::string> FileDialog::choose_folder(const std::string& name) {
    std::error_code ec;
    fs::path path = fs::path(folder_);
    if (!name.empty()) {
        const fs::path named = fs::path(name).is_absolute() ? fs::path(name) : path / name;
        if (fs::is_directory(named, ec)) {
            path = named;
        }
    }
    if (!fs::is_directory(path, ec)) {
        error_ = core::tr("window.file_not_found", {displayable_name(path.string())});
        return std::nullopt;
    }
    error_.clear();
    return path.lexically_normal().string();
}

void FileDialog::confirm(const std::string& path, std::optional<std::string>& chosen) {
    std::error_code ec;
    if (mode_ == FileDialogMode::kSave && fs::exists(path, ec) && overwrite_ != path) {
        overwrite_ = path;  // asked below the list; a second confirm replaces it
        return;
    }
    chosen = path;
    open_ = false;
}

std::optional<std::string> FileDialog::draw(const RecentFiles* recent) {
    std::optional<std::string> chosen;
    if (!open_) {
        return chosen;
    }
    const std::string id = title_ + "###file_dialog";
    if (!popup_open_) {
        ImGui::OpenPopup(id.c_str());
        popup_open_ = true;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(
        ImVec2(std::min(760.f, display.x - 40.f), std::min(480.f, display.y - 60.f)),
        ImGuiCond_Appearing);
    ImGui::SetNextWindowPos(ImVec2(display.x / 2.f, display.y / 2.f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        open_ = false;
        return chosen;
    }
    if (ImGui::Button(core::tr("window.file_up").c_str())) {
        up();
    }
    note_item("file.up");
    ImGui::SameLine();
    ImGui::TextUnformatted(displayable_name(folder_).c_str());
    const float footer =
        ImGui::GetFrameHeightWithSpacing() * 3.f + ImGui::GetTextLineHeight() * 2.f;
    ImGui::BeginChild("##places", ImVec2(200.f, -footer), true);
    draw_places(recent, chosen);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##entries", ImVec2(0.f, -footer), true);
    draw_list(chosen);
    ImGui::EndChild();
    draw_footer(chosen);
    if (!open_) {
        ImGui::CloseCurrentPopup();
        popup_open_ = false;
    }
    ImGui::EndPopup();
    return chosen;
}

void FileDialog::draw_places(const RecentFiles* recent, std::optional<std::string>& chosen) {
    if (ImGui::Selectable(core::tr("window.file_home").c_str())) {
        enter(home_folder());
    }
    if (recent == nullptr || recent->paths().empty() || mode_ != FileDialogMode::kOpen) {
        return;
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", core::tr("window.file_recent").c_str());
    for (std::size_t i = 0; i < recent->paths().size(); ++i) {
        const std::string& path = recent->paths()[i];
        std::error_code ec;
        const bool exists = fs::exists(path, ec);
        std::string label = displayable_name(fs::path(path).filename().string());
        if (!exists) {
            label += core::tr("window.file_missing");
        }
        ImGui::PushID(static_cast<int>(i));
        if (!exists) {
            ImGui::BeginDisabled();
        }
        if (ImGui::Selectable(label.c_str()) && exists) {
            enter(fs::path(path).parent_path().string());
            confirm(path, chosen);
        }
        note_item("file.recent." + std::to_string(i));
        if (!exists) {
            ImGui::EndDisabled();
        }
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("%s", displayable_name(path).c_str());
        }
        ImGui::PopID();
    }
}

void FileDialog::draw_list(std::optional<std::string>& chosen) {
    if (entries_.empty()) {
        text_wrapped(core::tr("window.file_empty_folder", {extensions_text(extensions_)}));
    }
    std::string enter_folder;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const FileEntry& e = entries_[i];
        const std::string shown = displayable_name(e.name) + (e.folder ? "/" : "");
        ImGui::PushID(static_cast<int>(i));
        if (e.folder) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.1f, 0.3f, 0.7f, 1.f));
        }
        const bool clicked = ImGui::Selectable(shown.c_str(), selected_ == static_cast<int>(i),
                                               ImGuiSelectableFlags_AllowDoubleClick);
        note_item("file.entry." + e.name);
        if (e.folder) {
            ImGui::PopStyleColor();
        } else {
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 80.f);
            ImGui::TextDisabled("%s", size_text(e.size_bytes).c_str());
        }
        ImGui::PopID();
        if (!clicked) {
            continue;
        }
        if (e.folder) {
            enter_folder = e.name;
        } else {
            selected_ = static_cast<int>(i);
            name_ = e.name;
            overwrite_.clear();
            if (ImGui::IsMouseDoubleClicked(0)) {
                if (auto path = choose(e.name)) {
                    confirm(*path, chosen);
                }
            }
        }
    }
    if (!enter_folder.empty()) {
        enter((fs::path(folder_) / enter_folder).string());
    }
}

void FileDialog::draw_footer(std::optional<std::string>& chosen) {
    char buffer[1024];
    std::snprintf(buffer, sizeof buffer, "%s", name_.c_str());
    ImGui::SetNextItemWidth(-1.f);
    const bool entered =
        ImGui::InputTextWithHint("##name", core::tr("window.file_name").c_str(), buffer,
                                 sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
    note_item("file.name");
    if (name_ != buffer) {
        name_ = buffer;
        overwrite_.clear();
    }
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.15f, 0.1f, 1.f));
        text_wrapped_limited(error_, 2);
        ImGui::PopStyleColor();
    } else if (!overwrite_.empty()) {
        text_wrapped_limited(core::tr("window.file_exists_replace",
                                      {displayable_name(fs::path(overwrite_).filename().string())}),
                             2);
    } else {
        ImGui::NewLine();
    }
    const std::string ok_label = !overwrite_.empty()              ? core::tr("window.file_replace")
                                 : mode_ == FileDialogMode::kSave ? core::tr("window.file_save")
                                 : mode_ == FileDialogMode::kFolder
                                     ? core::tr("window.file_use_folder")
                                     : core::tr("window.file_open");
    const bool ok = ImGui::Button(ok_label.c_str());
    note_item("file.ok");
    if (ok || entered) {
        if (auto path = choose(name_)) {
            confirm(*path, chosen);
        }
    }
    ImGui::SameLine();
    const bool cancel = ImGui::Button(core::tr("window.cancel").c_str()) ||
                        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
                         !ImGui::IsAnyItemActive());
    note_item("file.cancel");
    if (cancel) {
        open_ = false;
    }
}

}  // namespace beltplan::ui
