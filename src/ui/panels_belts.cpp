// The belts panel: each belt's roads (picked by name), half-width, member villages, belt
// sites, largest gap and the share of road within reach; edits go out as commands.
#include "core/belt_commands.h"
#include "core/messages.h"
#include "ui/editor.h"
#include "ui/panel_layout.h"
#include "ui/strings.h"
#include "ui/suggestion_view.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <algorithm>
#include <memory>
#include <set>

namespace beltplan::ui {

namespace {

constexpr float kMinHalfWidthM = 100.f;
constexpr float kMaxHalfWidthM = 5000.f;

const analysis::BeltResult* result_of(const EditorContext& context, const std::string& id) {
    for (const analysis::BeltResult& r : context.analysis->belts()) {
        if (r.belt_id == id) {
            return &r;
        }
    }
    return nullptr;
}

void draw_road_picker(const core::Plan& plan, const core::Belt& belt, EditorOutput& out) {
    std::set<std::string> names;
    for (const core::Road& r : plan.roads) {
        if (!r.name.empty()) {
            names.insert(r.name);
        }
    }
    if (!ImGui::BeginCombo(tr(Str::kRoads), nullptr, ImGuiComboFlags_NoPreview)) {
        return;
    }
    for (const std::string& name : names) {
        bool on = std::find(belt.roads.begin(), belt.roads.end(), name) != belt.roads.end();
        if (ImGui::Checkbox(name.c_str(), &on)) {
            std::vector<std::string> roads = belt.roads;
            if (on) {
                roads.push_back(name);
            } else {
                roads.erase(std::remove(roads.begin(), roads.end(), name), roads.end());
            }
            out.commands.push_back(std::make_unique<core::SetBeltRoads>(belt.id, roads));
            out.end_merge = true;
        }
    }
    ImGui::EndCombo();
}

// The fewest new sites along the belt so that no stretch of road without one exceeds the gap.
void draw_gap_suggestion(const EditorContext& context, const core::Belt& belt, EditorState& state,
                         EditorOutput& out) {
    ImGui::Separator();
    ImGui::SetNextItemWidth(140.f);
    ImGui::DragFloat(tr(Str::kMaxGap), &state.suggestions.belt_gap_m, 50.f, 500.f, 50000.f, "%.0f",
                     ImGuiSliderFlags_AlwaysClamp);
    const JobStatus& job = context.job(JobKind::kBeltGaps);
    const bool this_belt = state.suggestions.belt_gap_for == belt.id;
    if (job.running && !this_belt) {
        ImGui::TextDisabled("%s", tr(Str::kOtherBelt));
        return;
    }
    if (this_belt && draw_job_progress(job, JobKind::kBeltGaps, out)) {
        return;
    }
    const bool start = ImGui::SmallButton(tr(Str::kSuggestBeltSites));
    note_item("belts.suggest");
    if (start) {
        JobRequest request;
        request.kind = JobKind::kBeltGaps;
        request.belt_id = belt.id;
        request.max_gap_m = state.suggestions.belt_gap_m;
        out.start_job = request;
        state.suggestions.belt_gap_for = belt.id;
    }
    if (job.answer == nullptr || !this_belt) {
        return;
    }
    const analysis::Suggestion& s = *job.answer;
    const bool current = answer_current(job);
    if (current && !s.sites.empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Str::kAcceptAll))) {
            out.accept_belt_sites = true;
        }
        note_item("belts.accept");
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(Str::kDiscard))) {
        out.discard_job = JobKind::kBeltGaps;
    }
    text_wrapped(
        core::tr("window.belt_sites_result",
                 {std::to_string(s.sites.size()), format_length(state.suggestions.belt_gap_m)}));
    if (const std::optional<int> row =
            draw_suggested_site_list(*context.plan, s, "##gap_sites", 150.f)) {
        state.view.fly_to(s.sites[static_cast<std::size_t>(*row)].position, 6000.0);
    }
}

void draw_belt(const EditorContext& context, const core::Belt& belt, EditorState& state,
               EditorOutput& out) {
    std::string roads;
    for (const std::string& r : belt.roads) {
        roads += (roads.empty() ? "" : u8"、") + r;
    }
    ImGui::TextWrapped("%s: %s", tr(Str::kRoads), roads.c_str());
    ImGui::SameLine();
    draw_road_picker(*context.plan, belt, out);
    float half_width = static_cast<float>(belt.half_width_m);
    ImGui::SetNextItemWidth(-120.f);
    if (ImGui::SliderFloat(tr(Str::kHalfWidth), &half_width, kMinHalfWidthM, kMaxHalfWidthM,
                           "%.0f")) {
        out.commands.push_back(std::make_unique<core::SetBeltHalfWidth>(belt.id, half_width));
    }
    note_item("belts.half_width");
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        out.end_merge = true;
    }
    const analysis::BeltResult* r = result_of(context, belt.id);
    if (r == nullptr) {
        return;
    }
    ImGui::Text("%s: %zu   %s: %d", tr(Str::kMembers), r->members.size(), tr(Str::kBeltSites),
                r->site_count());
    ImGui::Text("%s: %s (%s)", tr(Str::kLargestGap),
                format_length(r->largest_gap.length_m()).c_str(), r->largest_gap.road.c_str());
    ImGui::Text("%s:", tr(Str::kReachShare));
    ImGui::SameLine();
    char overlay[32];
    std::snprintf(overlay, sizeof overlay, "%.1f%%", r->reach_share() * 100.0);
    ImGui::ProgressBar(static_cast<float>(r->reach_share()), ImVec2(-1.f, 0.f), overlay);
    draw_gap_suggestion(context, belt, state, out);
    if (!r->missing_roads.empty()) {
        std::string missing;
        for (const std::string& m : r->missing_roads) {
            missing += (missing.empty() ? "" : u8"、") + m;
        }
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1.f), "%s: %s", tr(Str::kMissingRoads),
                           missing.c_str());
    }
}

}  // namespace

void draw_belts_panel(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    if (plan.belts.empty()) {
        return;
    }
    place_next_panel(Panel::kBelts);
    if (!ImGui::Begin((std::string(tr(Str::kBelts)) + "###belts").c_str(), nullptr,
                      panel_window_flags())) {
        ImGui::End();
        return;
    }
    if (state.selection.selected_belt.empty() ||
        core::find_belt(plan, state.selection.selected_belt) < 0) {
        state.selection.selected_belt = plan.belts.front().id;
    }
    if (ImGui::BeginTabBar("##belts")) {
        for (const core::Belt& belt : plan.belts) {
            const std::string label = (belt.name.empty() ? belt.id : belt.name) + "###" + belt.id;
            if (ImGui::BeginTabItem(label.c_str())) {
                state.selection.selected_belt = belt.id;
                draw_belt(context, belt, state, out);
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace beltplan::ui
