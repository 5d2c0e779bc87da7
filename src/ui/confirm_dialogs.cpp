// The unsaved-changes and autosave questions as ImGui modals.
#include "ui/confirm_dialogs.h"

#include "core/messages.h"
#include "ui/editor.h"
#include "ui/text_wrap.h"

#include <imgui.h>
#include <sys/stat.h>

#include <ctime>

namespace beltplan::ui {

namespace {

constexpr float kQuestionWidthPx = 460.f;

void center_next_window() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x / 2.f, display.y / 2.f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(kQuestionWidthPx, 0.f), ImGuiCond_Appearing);
}

bool escape_pressed() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

}  // namespace

void UnsavedQuestion::ask(PendingAction action, std::string target) {
    action_ = action;
    target_ = std::move(target);
    answered_ = false;
    opened_ = false;
}

void UnsavedQuestion::done() {
    action_ = PendingAction::kNone;
    target_.clear();
    answered_ = false;
    opened_ = false;
}

UnsavedChoice UnsavedQuestion::draw(const std::string& plan_name) {
    if (!asking() || answered_) {
        return UnsavedChoice::kAsking;
    }
    const std::string id = core::tr("window.unsaved_title") + "###unsaved";
    if (!opened_) {
        ImGui::OpenPopup(id.c_str());
        opened_ = true;
    }
    center_next_window();
    UnsavedChoice choice = UnsavedChoice::kAsking;
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        return choice;
    }
    const char* key = action_ == PendingAction::kQuit     ? "window.unsaved_question"
                      : action_ == PendingAction::kReload ? "window.unsaved_before_reload"
                                                          : "window.unsaved_before_open";
    text_wrapped(core::tr(key, {plan_name}));
    ImGui::Spacing();
    if (ImGui::Button(core::tr("window.menu_save").c_str())) {
        choice = UnsavedChoice::kSave;
    }
    note_item("unsaved.save");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("window.discard_changes").c_str())) {
        choice = UnsavedChoice::kDiscard;
    }
    note_item("unsaved.discard");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("window.cancel").c_str()) || escape_pressed()) {
        choice = UnsavedChoice::kCancel;
    }
    note_item("unsaved.cancel");
    if (choice != UnsavedChoice::kAsking) {
        answered_ = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    if (choice == UnsavedChoice::kCancel) {
        done();
    }
    return choice;
}

void AutosaveQuestion::ask(std::string path, std::string written) {
    path_ = std::move(path);
    written_ = std::move(written);
    opened_ = false;
}

AutosaveChoice AutosaveQuestion::draw(const std::string& plan_name) {
    if (!asking()) {
        return AutosaveChoice::kAsking;
    }
    const std::string id = core::tr("window.autosave_title") + "###autosave";
    if (!opened_) {
        ImGui::OpenPopup(id.c_str());
        opened_ = true;
    }
    center_next_window();
    AutosaveChoice choice = AutosaveChoice::kAsking;
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        return choice;
    }
    text_wrapped(core::tr("window.autosave_question", {plan_name, written_}));
    ImGui::Spacing();
    if (ImGui::Button(core::tr("window.autosave_restore").c_str())) {
        choice = AutosaveChoice::kRestore;
    }
    note_item("autosave.restore");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("window.autosave_discard").c_str())) {
        choice = AutosaveChoice::kDiscard;
    }
    note_item("autosave.discard");
    if (choice != AutosaveChoice::kAsking) {
        ImGui::CloseCurrentPopup();
        path_.clear();
    }
    ImGui::EndPopup();
    return choice;
}

void DiskChangeQuestion::ask(std::string path) {
    path_ = std::move(path);
    opened_ = false;
}

DiskChangeChoice DiskChangeQuestion::draw(const std::string& plan_name, bool unsaved) {
    if (!asking()) {
        return DiskChangeChoice::kAsking;
    }
    const std::string id = core::tr("window.changed_on_disk_title") + "###changed_on_disk";
    if (!opened_) {
        ImGui::OpenPopup(id.c_str());
        opened_ = true;
    }
    center_next_window();
    DiskChangeChoice choice = DiskChangeChoice::kAsking;
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        return choice;
    }
    text_wrapped(core::tr(unsaved ? "window.changed_on_disk_unsaved" : "window.changed_on_disk",
                          {plan_name, path_}));
    ImGui::Spacing();
    if (ImGui::Button(core::tr("window.reload").c_str())) {
        choice = DiskChangeChoice::kReload;
    }
    note_item("disk.reload");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("window.menu_save_as").c_str())) {
        choice = DiskChangeChoice::kSaveAs;
    }
    note_item("disk.save_as");
    ImGui::SameLine();
    if (ImGui::Button(core::tr("window.keep_editing").c_str()) || escape_pressed()) {
        choice = DiskChangeChoice::kKeep;
    }
    note_item("disk.keep");
    if (choice != DiskChangeChoice::kAsking) {
        ImGui::CloseCurrentPopup();
        path_.clear();
    }
    ImGui::EndPopup();
    return choice;
}

std::string file_time_text(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return "";
    }
    std::tm local{};
    const std::time_t t = info.st_mtime;
    if (localtime_r(&t, &local) == nullptr) {
        return "";
    }
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
    return buf;
}

}  // namespace beltplan::ui
