// draw_editor: the menu bar, keyboard shortcuts, the quit confirmation and the status line;
// the map tools and panels live in map_tools.cpp and panels_*.cpp.
#include "ui/editor.h"

#include "core/command.h"
#include "core/messages.h"
#include "ui/imgui_osg.h"
#include "ui/shortcuts.h"
#include "ui/strings.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace beltplan::ui {

namespace {

constexpr float kPanelWidthPx = 356.f;  // coverage panel left, inspector right, with margins
constexpr float kMenuHeightPx = 26.f;

std::map<std::string, ScreenPoint>& noted_items() {
    static std::map<std::string, ScreenPoint> items;
    return items;
}

void draw_menu(const EditorContext& context, EditorState& state, EditorOutput& out) {
    if (!ImGui::BeginMainMenuBar()) {
        return;
    }
    FileMenuState files;
    files.import_available = context.import_available;
    files.dirty = context.dirty;
    files.recent = context.recent;
    handle_file_choice(draw_file_menu(files), context, state, out);
    if (ImGui::MenuItem(tr(Str::kMenuUndo), "Ctrl+Z", false, context.can_undo)) {
        out.undo = true;
    }
    if (ImGui::MenuItem(tr(Str::kMenuRedo), "Ctrl+Y", false, context.can_redo)) {
        out.redo = true;
    }
    if (ImGui::MenuItem(tr(Str::kMenuFit))) {
        fit_to_plan(context.plan_bounds, state);
    }
    if (ImGui::MenuItem(tr(Str::kView25D), "F3", state.style.tilted)) {
        state.style.tilted = !state.style.tilted;
    }
    if (ImGui::MenuItem(tr(Str::kPresentation), "F5")) {
        state.presentation.on = true;
        out.fullscreen = true;
    }
    if (ImGui::MenuItem(core::tr("window.menu_villages").c_str(), "Ctrl+F", state.find.shown)) {
        state.find.shown = !state.find.shown;
    }
    note_item("menu.villages");
    if (ImGui::MenuItem(core::tr("window.menu_legend").c_str(), nullptr,
                        state.layers.legend_shown)) {
        state.layers.legend_shown = !state.layers.legend_shown;
    }
    if (ImGui::MenuItem(tr(Str::kLanguageName))) {
        set_language(language() == Language::kChinese ? Language::kEnglish : Language::kChinese);
    }
    ImGui::Separator();
    if (ImGui::RadioButton(tr(Str::kToolSelect), state.tool == Tool::kSelect)) {
        state.tool = Tool::kSelect;
    }
    if (ImGui::RadioButton(tr(Str::kToolAddSite), state.tool == Tool::kAddSite)) {
        state.tool = Tool::kAddSite;
    }
    if (ImGui::RadioButton(tr(Str::kToolMeasure), state.tool == Tool::kMeasure)) {
        state.tool = Tool::kMeasure;
    }
    if (ImGui::RadioButton(tr(Str::kToolJointOrg), state.tool == Tool::kJointOrg)) {
        state.tool = Tool::kJointOrg;
    }
    if (!context.plan->belts.empty() &&
        ImGui::RadioButton(tr(Str::kToolPickRoad), state.tool == Tool::kPickRoad)) {
        state.tool = Tool::kPickRoad;
    }
    ImGui::Separator();
    const Str hint = state.tool == Tool::kAddSite ? Str::kAddSiteHint
                     : state.tool == Tool::kMeasure
                         ? (state.measure.along_roads ? Str::kAlongRoadsHint : Str::kMeasureHint)
                     : state.tool == Tool::kJointOrg ? Str::kJointOrgHint
                     : state.tool == Tool::kPickRoad ? Str::kPickRoadHint
                                                     : Str::kDragSiteHint;
    ImGui::TextDisabled("%s", tr(hint));
    ImGui::Separator();
    // The saved state is the history's, never the last message's.
    ImGui::TextColored(
        context.dirty ? ImVec4(0.75f, 0.35f, 0.f, 1.f) : ImVec4(0.1f, 0.5f, 0.2f, 1.f), "%s",
        StatusLine::saved_state(context.dirty).c_str());
    note_item("status.saved_state");
    const std::string message = state.status.message(context.plan_version);
    if (!message.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted(message.c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", message.c_str());
        }
    }
    ImGui::EndMainMenuBar();
}

void handle_shortcuts(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && ImGui::IsKeyPressed(kKeyIndexF3, false)) {
        state.style.tilted = !state.style.tilted;
    }
    if (!io.WantTextInput && !state.presentation.on && ImGui::IsKeyPressed(kKeyIndexF5, false)) {
        state.presentation.on = true;
        out.fullscreen = true;
    }
    switch (pressed_shortcut()) {
        case Shortcut::kUndo:
            out.undo = context.can_undo;
            break;
        case Shortcut::kRedo:
            out.redo = context.can_redo;
            break;
        case Shortcut::kSave:
            out.save = true;
            break;
        case Shortcut::kSaveAs:
            handle_file_choice({FileAction::kSaveAs, ""}, context, state, out);
            break;
        case Shortcut::kOpen:
            handle_file_choice({FileAction::kOpen, ""}, context, state, out);
            break;
        case Shortcut::kQuit:
            out.quit_request = true;
            break;
        case Shortcut::kFind:
            state.find.shown = true;
            state.find.table.focus_filter();
            break;
        case Shortcut::kNone:
            break;
    }
}

}  // namespace

EditorOutput draw_editor(const EditorContext& context, EditorState& state) {
    EditorOutput out;
    forget_noted_items();
    state.view.set_viewport(static_cast<int>(ImGui::GetIO().DisplaySize.x),
                            static_cast<int>(ImGui::GetIO().DisplaySize.y));
    handle_map_input(context, state, out);
    draw_map_overlay(context, state);
    if (!state.style.tilted) {
        draw_joint_org_overlay(context, state);
        draw_merge_preview(context, state);
        handle_measure(context, state);
    }
    if (state.presentation.on) {
        draw_presentation(context, state, out);
    } else if (state.dialogs.show_panels) {
        draw_menu(context, state, out);
        draw_coverage_panel(context, state, out);
        if (context.compare_path.empty()) {
            draw_inspector(context, state, out);
            draw_sites_panel(context, state, out);
        } else {
            draw_compare_panel(context, state, out);  // the whole right column
        }
        draw_belts_panel(context, state, out);
        draw_legend_panel(context, state, out);
        draw_find_panel(context, state, out);
        draw_road_problems_panel(context, state);
    }
    handle_shortcuts(context, state, out);
    draw_file_dialogs(context, state, out);
    return out;
}

void fit_to_plan(const core::Box& bounds, EditorState& state) {
    if (state.presentation.on || !state.dialogs.show_panels) {
        state.view.fit(bounds);
    } else {
        state.view.fit(bounds, 0.03, kPanelWidthPx, kMenuHeightPx, kPanelWidthPx, 0.f);
    }
}

core::Box visible_map_extent(const EditorState& state) {
    const MapView& v = state.view;
    const bool panels = !state.presentation.on && state.dialogs.show_panels &&
                        v.width_px() > 2.f * kPanelWidthPx + 64.f;
    const float left = panels ? kPanelWidthPx : 0.f;
    const float right = static_cast<float>(v.width_px()) - left;
    const float top = panels ? kMenuHeightPx : 0.f;
    const core::PointM a = v.to_world({left, static_cast<float>(v.height_px())});
    const core::PointM b = v.to_world({right, top});
    return core::Box{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x),
                     std::max(a.y, b.y)};
}

std::string free_site_id(const core::Plan& plan) {
    for (std::size_t n = plan.sites.size() + 1;; ++n) {
        std::string id = "S" + std::to_string(n);
        if (core::find_site(plan, id) < 0) {
            return id;
        }
    }
}

void note_item(const std::string& key) {
    if (ImGui::IsItemVisible()) {
        const ImVec2 a = ImGui::GetItemRectMin();
        const ImVec2 b = ImGui::GetItemRectMax();
        noted_items()[key] = ScreenPoint{(a.x + b.x) / 2.f, (a.y + b.y) / 2.f};
    }
}

void note_point(const std::string& key, ScreenPoint p) {
    noted_items()[key] = p;
}

void forget_noted_items() {
    noted_items().clear();
}

std::optional<ScreenPoint> item_center(const std::string& key) {
    const auto found = noted_items().find(key);
    if (found == noted_items().end()) {
        return std::nullopt;
    }
    return found->second;
}

std::string free_org_id(const core::Plan& plan) {
    for (std::size_t n = plan.joint_orgs.size() + 1;; ++n) {
        std::string id = "J" + std::to_string(n);
        if (core::find_joint_org(plan, id) < 0) {
            return id;
        }
    }
}

bool draw_job_progress(const JobStatus& job, JobKind kind, EditorOutput& out) {
    if (!job.running) {
        if (!job.error.empty()) {
            ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1.f), "%s: %s", tr(Str::kFailed),
                               job.error.c_str());
        }
        return false;
    }
    ImGui::Text("%s %c", tr(Str::kComputing), "|/-\\"[static_cast<int>(ImGui::GetTime() * 8) & 3]);
    ImGui::SameLine();
    if (job.progress > 0.0) {
        char done[16];
        std::snprintf(done, sizeof done, "%.0f%%", job.progress * 100.0);
        ImGui::ProgressBar(static_cast<float>(job.progress), ImVec2(80.f, 0.f), done);
        ImGui::SameLine();
    }
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", job.elapsed_s);
    ImGui::TextDisabled("%s", core::tr("window.elapsed", {seconds}).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::kCancel))) {
        out.cancel_job = kind;
    }
    return true;
}

bool answer_current(const JobStatus& job) {
    if (!job.stale) {
        return true;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.4f, 0.f, 1.f));
    ImGui::TextWrapped("%s", tr(Str::kAnswerStale));
    ImGui::PopStyleColor();
    return false;
}

std::string format_length(double metres) {
    char buf[64];
    if (!std::isfinite(metres)) {
        return "-";
    }
    if (metres >= 1000.0) {
        std::snprintf(buf, sizeof buf, "%.2f %s", metres / 1000.0, tr(Str::kKilometres));
    } else {
        std::snprintf(buf, sizeof buf, "%.0f %s", metres, tr(Str::kMetres));
    }
    return buf;
}

}  // namespace beltplan::ui
