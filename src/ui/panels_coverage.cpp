// The coverage panel: reach radius and distance mode (as commands), totals, the per-township
// table and the uncovered villages (click to fly there).
#include "core/messages.h"
#include "core/settings_commands.h"
#include "ui/editor.h"
#include "ui/panel_layout.h"
#include "ui/strings.h"
#include "ui/suggestion_view.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace beltplan::ui {

namespace {

constexpr float kMinRadiusM = 500.f;
constexpr float kMaxRadiusM = 20000.f;
constexpr double kFlySpanM = 6000.0;

void draw_totals(const analysis::CoverageReport& report) {
    const analysis::CoverageCount& t = report.total;
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%lld / %lld  (%.1f%%)",
                  static_cast<long long>(t.covered), static_cast<long long>(t.villages),
                  analysis::village_share(t) * 100.0);
    ImGui::TextUnformatted(tr(Str::kVillagesCovered));
    ImGui::ProgressBar(static_cast<float>(analysis::village_share(t)), ImVec2(-1.f, 0.f), overlay);
    std::snprintf(overlay, sizeof overlay, "%lld / %lld  (%.1f%%)",
                  static_cast<long long>(t.covered_population),
                  static_cast<long long>(t.population), analysis::population_share(t) * 100.0);
    ImGui::TextUnformatted(tr(Str::kPopulationCovered));
    ImGui::ProgressBar(static_cast<float>(analysis::population_share(t)), ImVec2(-1.f, 0.f),
                       overlay);
}

void draw_township_table(const analysis::CoverageReport& report) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##towns", 3, flags, ImVec2(0.f, 170.f))) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(Str::kTownship), ImGuiTableColumnFlags_WidthStretch, 2.f);
    ImGui::TableSetupColumn(tr(Str::kCovered), ImGuiTableColumnFlags_WidthStretch, 1.f);
    ImGui::TableSetupColumn(tr(Str::kShare), ImGuiTableColumnFlags_WidthStretch, 1.f);
    ImGui::TableHeadersRow();
    for (const analysis::CoverageCount& c : report.by_township) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.name.empty() ? c.key.c_str() : c.name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%lld/%lld", static_cast<long long>(c.covered),
                    static_cast<long long>(c.villages));
        ImGui::TableNextColumn();
        ImGui::Text("%.1f%%", analysis::village_share(c) * 100.0);
    }
    ImGui::EndTable();
}

// "How many more sites reach X%": runs off the render thread (the app polls it each frame)
// and can be cancelled; the answer is drawn on the map and can be accepted as one edit.
void draw_target(const EditorContext& context, EditorState& state, EditorOutput& out) {
    ImGui::TextUnformatted(tr(Str::kTargetShare));
    ImGui::SetNextItemWidth(120.f);
    float percent = state.suggestions.target_share * 100.f;
    if (ImGui::SliderFloat("##target", &percent, 10.f, 100.f, "%.0f%%")) {
        state.suggestions.target_share = percent / 100.f;
    }
    ImGui::SameLine();
    const JobStatus& job = context.job(JobKind::kTarget);
    if (draw_job_progress(job, JobKind::kTarget, out)) {
        return;
    }
    const bool start = ImGui::SmallButton(tr(Str::kComputeTarget));
    note_item("target.compute");
    if (start) {
        JobRequest request;
        request.kind = JobKind::kTarget;
        request.share = state.suggestions.target_share;
        out.start_job = request;
    }
    if (job.answer != nullptr) {
        const analysis::Suggestion& t = *job.answer;
        const double share = t.total > 0 ? t.value / t.total * 100.0 : 0.0;
        char percent_text[32];
        std::snprintf(percent_text, sizeof percent_text, "%.1f%%", share);
        text_wrapped(
            core::tr("window.target_result", {std::to_string(t.sites.size()), percent_text}));
        if (answer_current(job) && !t.sites.empty()) {
            if (ImGui::SmallButton(tr(Str::kAcceptAll))) {
                out.accept_target = true;
            }
            ImGui::SameLine();
        }
        if (ImGui::SmallButton(tr(Str::kDiscard))) {
            out.discard_job = JobKind::kTarget;
        }
        if (const std::optional<int> row =
                draw_suggested_site_list(*context.plan, t, "##target_sites", 110.f)) {
            state.view.fly_to(t.sites[static_cast<std::size_t>(*row)].position, kFlySpanM);
        }
    }
}

void draw_uncovered(const EditorContext& context, const analysis::CoverageReport& report,
                    EditorState& state) {
    ImGui::Text("%s (%zu)", tr(Str::kUncovered), report.uncovered.size());
    // At least six rows: the panel scrolls rather than squeeze the list to nothing.
    const float rows_h = ImGui::GetTextLineHeightWithSpacing() * 6.f + 8.f;
    const float height = std::max(ImGui::GetContentRegionAvail().y, rows_h);
    if (!ImGui::BeginChild("##uncovered", ImVec2(0.f, height), true)) {
        ImGui::EndChild();
        return;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(report.uncovered.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const analysis::UncoveredVillage& u = report.uncovered[static_cast<std::size_t>(i)];
            const std::string label = u.name + "  " + format_length(u.distance_m) + "##" + u.code;
            if (!ImGui::Selectable(label.c_str())) {
                continue;
            }
            const core::Plan& plan = *context.plan;
            for (std::size_t v = 0; v < plan.villages.size(); ++v) {
                if (plan.villages[v].code == u.code) {
                    state.selection.selected_village = static_cast<int>(v);
                    state.selection.selected_site.clear();
                    state.view.fly_to(core::anchor(plan.villages[v]), kFlySpanM);
                    break;
                }
            }
        }
    }
    ImGui::EndChild();
}

}  // namespace

void draw_coverage_panel(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    place_next_panel(Panel::kCoverage);
    if (!ImGui::Begin((std::string(tr(Str::kCoverage)) + "###coverage").c_str(), nullptr,
                      panel_window_flags())) {
        ImGui::End();
        return;
    }
    float radius = static_cast<float>(plan.settings.reach_m);
    ImGui::TextUnformatted(tr(Str::kRadius));
    ImGui::SetNextItemWidth(-1.f);
    if (ImGui::SliderFloat("##radius", &radius, kMinRadiusM, kMaxRadiusM, "%.0f")) {
        out.commands.push_back(std::make_unique<core::SetReachRadius>(radius));
    }
    note_item("coverage.radius");
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        out.end_merge = true;
    }
    ImGui::TextUnformatted(tr(Str::kDistanceMode));
    ImGui::SameLine();
    const core::DistanceMode mode = plan.settings.distance;
    if (ImGui::RadioButton(tr(Str::kEuclidean), mode == core::DistanceMode::kEuclidean) &&
        mode != core::DistanceMode::kEuclidean) {
        out.commands.push_back(
            std::make_unique<core::SetDistanceMode>(core::DistanceMode::kEuclidean));
    }
    ImGui::SameLine();
    const bool along_roads =
        ImGui::RadioButton(tr(Str::kNetwork), mode == core::DistanceMode::kNetwork);
    note_item("coverage.along_roads");
    if (along_roads && mode != core::DistanceMode::kNetwork) {
        out.commands.push_back(
            std::make_unique<core::SetDistanceMode>(core::DistanceMode::kNetwork));
    }
    // How the villages are filled (the map's colouring modes; never undone, not in the plan).
    const char* modes[] = {tr(Str::kCoverage), tr(Str::kDistance), tr(Str::kJointOrg),
                           tr(Str::kKind), tr(Str::kPopulation)};
    ImGui::TextUnformatted(tr(Str::kColorBy));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.f);
    ImGui::Combo("##color_by", &state.style.color_mode, modes, 5);
    if (const auto& problem = context.analysis->problem()) {
        // Along roads on a plan without roads: no figure is better than a wrong one.
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.2f, 0.1f, 1.f));
        ImGui::TextWrapped("%s", problem->message.c_str());
        ImGui::PopStyleColor();
        ImGui::End();
        return;
    }
    const analysis::CoverageReport& report = context.analysis->coverage();
    draw_totals(report);
    ImGui::TextDisabled("%s: %.1f ms", tr(Str::kAnalysisTime), context.analysis->last_update_ms());
    draw_target(context, state, out);
    ImGui::Separator();
    ImGui::TextUnformatted(tr(Str::kByTownship));
    draw_township_table(report);
    draw_uncovered(context, report, state);
    ImGui::End();
}

}  // namespace beltplan::ui
