// The compare panel: the open plan beside another plan file (this year's plan and a proposal,
// or two options), measured with the open plan's radius and distance mode: totals side by
// side, belts' largest gaps, and the villages that gained or lost coverage or changed group,
// each a click away on the map (which the app colours by the same status).
#include "core/messages.h"
#include "ui/editor.h"
#include "ui/panel_layout.h"
#include "ui/strings.h"
#include "ui/suggestion_view.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <cinttypes>
#include <cstdio>

namespace beltplan::ui {

namespace {

constexpr double kFlySpanM = 6000.0;

void row(const char* label, const std::string& a, const std::string& b, const std::string& d) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(a.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(b.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(d.c_str());
}

std::string number(std::int64_t v) {
    return std::to_string(v);
}

std::string signed_number(std::int64_t v) {
    return v == 0 ? "0" : (v > 0 ? "+" : "") + std::to_string(v);
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

std::string points(double delta_share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1f", delta_share * 100.0);
    return buf;
}

void draw_totals(const analysis::PlanComparison& c) {
    if (!ImGui::BeginTable("##compare_totals", 4,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                               ImGuiTableFlags_SizingStretchProp)) {
        return;
    }
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn(tr(Str::kThisPlan), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr(Str::kOtherPlan), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr(Str::kChange), ImGuiTableColumnFlags_WidthStretch, 1.f);
    ImGui::TableHeadersRow();
    const analysis::CoverageCount& a = c.a.total;
    const analysis::CoverageCount& b = c.b.total;
    row(tr(Str::kVillages), number(a.villages), number(b.villages),
        signed_number(b.villages - a.villages));
    row(tr(Str::kSites), number(c.a.sites), number(c.b.sites),
        signed_number(c.b.sites - c.a.sites));
    row(tr(Str::kVillagesCovered), number(a.covered), number(b.covered),
        signed_number(b.covered - a.covered));
    row(tr(Str::kVillageShare), percent(analysis::village_share(a)),
        percent(analysis::village_share(b)),
        points(analysis::village_share(b) - analysis::village_share(a)));
    row(tr(Str::kPopulationCovered), number(a.covered_population), number(b.covered_population),
        signed_number(b.covered_population - a.covered_population));
    row(tr(Str::kPopulationShare), percent(analysis::population_share(a)),
        percent(analysis::population_share(b)),
        points(analysis::population_share(b) - analysis::population_share(a)));
    row(tr(Str::kJointOrg), number(c.a.joint_orgs), number(c.b.joint_orgs),
        signed_number(c.b.joint_orgs - c.a.joint_orgs));
    row(tr(Str::kValid), number(c.a.valid_joint_orgs), number(c.b.valid_joint_orgs),
        signed_number(c.b.valid_joint_orgs - c.a.valid_joint_orgs));
    if (!c.belts.empty()) {
        row(tr(Str::kLargestGap), "", "", "");
    }
    for (const analysis::BeltComparison& belt : c.belts) {
        const std::string label = "  " + (belt.name.empty() ? belt.id : belt.name);
        const std::string ga = belt.a.present ? format_length(belt.a.largest_gap_m) : "-";
        const std::string gb = belt.b.present ? format_length(belt.b.largest_gap_m) : "-";
        const std::string d = belt.a.present && belt.b.present
                                  ? signed_number(static_cast<std::int64_t>(belt.b.largest_gap_m -
                                                                            belt.a.largest_gap_m)) +
                                        " " + tr(Str::kMetres)
                                  : "";
        row(label.c_str(), ga, gb, d);
    }
    ImGui::EndTable();
}

// One list of villages (gained, lost, regrouped); a click selects the village and flies there.
void draw_villages(const EditorContext& context, const analysis::PlanComparison& c,
                   analysis::VillageChange which, Str title, EditorState& state) {
    int count = 0;
    for (const analysis::VillageComparison& v : c.villages) {
        count += (which == analysis::VillageChange::kRegrouped ? v.regrouped : v.status == which)
                     ? 1
                     : 0;
    }
    const std::string header =
        std::string(tr(title)) + " (" + std::to_string(count) + ")###" + analysis::to_code(which);
    if (count == 0 || !ImGui::TreeNode(header.c_str())) {
        if (count == 0) {
            ImGui::TextDisabled("%s (0)", tr(title));
        }
        return;
    }
    for (const analysis::VillageComparison& v : c.villages) {
        const bool listed =
            which == analysis::VillageChange::kRegrouped ? v.regrouped : v.status == which;
        if (!listed) {
            continue;
        }
        char line[256];
        if (which == analysis::VillageChange::kRegrouped) {
            const std::string from = v.orgs_a.empty() ? "-" : v.orgs_a.front().name;
            const std::string to = v.orgs_b.empty() ? "-" : v.orgs_b.front().name;
            std::snprintf(line, sizeof line, "%s  %s -> %s##%s", v.name.c_str(), from.c_str(),
                          to.c_str(), v.code.c_str());
        } else {
            std::snprintf(line, sizeof line, "%s  %s -> %s##%s", v.name.c_str(),
                          format_length(v.distance_a_m).c_str(),
                          format_length(v.distance_b_m).c_str(), v.code.c_str());
        }
        if (ImGui::Selectable(line,
                              v.index_a >= 0 && v.index_a == state.selection.selected_village) &&
            v.index_a >= 0) {
            state.selection.selected_village = v.index_a;
            state.view.fly_to(
                core::anchor(context.plan->villages[static_cast<std::size_t>(v.index_a)]),
                kFlySpanM);
        }
    }
    ImGui::TreePop();
}

}  // namespace

void draw_compare_panel(const EditorContext& context, EditorState& state, EditorOutput& out) {
    if (context.compare_path.empty()) {
        return;
    }
    place_next_panel(Panel::kCompare);
    if (!ImGui::Begin((std::string(tr(Str::kCompare)) + "###compare").c_str(), nullptr,
                      panel_window_flags())) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s: %s", tr(Str::kOtherPlan), context.compare_path.c_str());
    if (ImGui::SmallButton(tr(Str::kCloseCompare))) {
        out.close_compare = true;
    }
    note_item("compare.close");
    if (context.compare_running) {
        ImGui::SameLine();
        ImGui::Text("%s %c", tr(Str::kComputing),
                    "|/-\\"[static_cast<int>(ImGui::GetTime() * 8) & 3]);
    }
    if (!context.compare_error.empty()) {
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1.f), "%s", context.compare_error.c_str());
    }
    const analysis::PlanComparison* c = context.comparison;
    if (c == nullptr) {
        ImGui::End();
        return;
    }
    char radius[32];
    std::snprintf(radius, sizeof radius, "%.0f", context.plan->settings.reach_m);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(core::tr("window.compare_settings",
                          {radius, context.plan->settings.distance == core::DistanceMode::kNetwork
                                       ? tr(Str::kNetwork)
                                       : tr(Str::kEuclidean)}));
    ImGui::PopStyleColor();
    draw_totals(*c);
    if (context.legend != nullptr) {
        // The map's colours while comparing.
        ImDrawList* draw = ImGui::GetWindowDrawList();
        for (const render::LegendEntry& e : context.legend->entries) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            draw->AddRectFilled(ImVec2(p.x, p.y + 2.f), ImVec2(p.x + h * 1.4f, p.y + h - 2.f),
                                ImGui::GetColorU32(ImVec4(e.color.r, e.color.g, e.color.b, 1.f)));
            ImGui::Dummy(ImVec2(h * 1.5f, h));
            ImGui::SameLine();
            ImGui::TextUnformatted(e.label.c_str());
        }
    }
    ImGui::TextUnformatted(
        core::tr("window.sites_changed",
                 {std::to_string(c->sites_added.size()), std::to_string(c->sites_removed.size()),
                  std::to_string(c->sites_moved.size())})
            .c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr(Str::kCompareMarkers));
    ImGui::PopStyleColor();
    draw_villages(context, *c, analysis::VillageChange::kGained, Str::kGainedCoverage, state);
    draw_villages(context, *c, analysis::VillageChange::kLost, Str::kLostCoverage, state);
    draw_villages(context, *c, analysis::VillageChange::kRegrouped, Str::kChangedGroup, state);
    draw_villages(context, *c, analysis::VillageChange::kOnlyA, Str::kOnlyThisPlan, state);
    ImGui::End();
}

}  // namespace beltplan::ui
