// The inspector (the selected village's attributes, reach, nearest site, joint organizations
// and belts; or the selected site's level, theme and delete) and the list of sites.
#include "core/site_commands.h"
#include "ui/editor.h"
#include "ui/panel_layout.h"
#include "ui/strings.h"

#include <imgui.h>

#include <cstring>
#include <memory>

namespace beltplan::ui {

namespace {

constexpr double kFlySpanM = 6000.0;

void row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.c_str());
}

template <typename T>
std::string or_unknown(const std::optional<T>& v) {
    return v ? std::to_string(*v) : std::string(tr(Str::kUnknown));
}

std::string yes_no(const std::optional<bool>& v) {
    return v ? std::string(*v ? tr(Str::kYes) : tr(Str::kNo)) : std::string(tr(Str::kUnknown));
}

std::string township_name(const core::Plan& plan, const std::string& code) {
    for (const core::Township& t : plan.townships) {
        if (t.code == code) {
            return t.name;
        }
    }
    return code;
}

void draw_village(const EditorContext& context, int index) {
    const core::Plan& plan = *context.plan;
    const core::Village& v = plan.villages[static_cast<std::size_t>(index)];
    ImGui::Text("%s  %s", tr(Str::kVillage), v.name.c_str());
    if (!ImGui::BeginTable("##village", 2, ImGuiTableFlags_RowBg)) {
        return;
    }
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, 120.f);
    row(tr(Str::kCode), v.code);
    row(tr(Str::kTownship), township_name(plan, v.town_code));
    row(tr(Str::kPopulation), or_unknown(v.population));
    row(tr(Str::kPartyMembers), or_unknown(v.party_members));
    char income[32] = "";
    if (v.collective_income_wan_yuan) {
        std::snprintf(income, sizeof income, "%.1f", *v.collective_income_wan_yuan);
    }
    row(tr(Str::kIncome), v.collective_income_wan_yuan ? income : tr(Str::kUnknown));
    const char* kind =
        language() == Language::kChinese ? core::user_term(v.kind) : core::to_code(v.kind);
    row(tr(Str::kKind), v.kind != core::VillageKind::kUnknown ? kind : tr(Str::kUnknown));
    row(tr(Str::kWeakOrg), yes_no(v.weak_org));
    row(tr(Str::kLeader), yes_no(v.leader));
    const auto& reach = context.analysis->reach();
    const analysis::Reach r = reach[static_cast<std::size_t>(index)];
    row(tr(Str::kReachDistance), format_length(r.distance_m));
    row(tr(Str::kNearestSite),
        r.site >= 0 ? plan.sites[static_cast<std::size_t>(r.site)].name : tr(Str::kNone));
    std::string orgs;
    for (const core::JointOrg& org : plan.joint_orgs) {
        for (const std::string& m : org.members) {
            if (m == v.code) {
                orgs += (orgs.empty() ? "" : "\n") + org.name + (org.lead == v.code ? " *" : "");
            }
        }
    }
    row(tr(Str::kJointOrg), orgs.empty() ? tr(Str::kNone) : orgs);
    std::string belts;
    for (const analysis::BeltResult& b : context.analysis->belts()) {
        for (int m : b.members) {
            if (m == index) {
                belts += (belts.empty() ? "" : "\n") + b.name;
            }
        }
    }
    row(tr(Str::kBelts), belts.empty() ? tr(Str::kNone) : belts);
    ImGui::EndTable();
}

void draw_site(const EditorContext& context, const std::string& id, EditorState& state,
               EditorOutput& out) {
    // A site added in this frame is in the plan only once the app applied the command: the
    // selection stays, and the app drops it if the site really is gone.
    const int index = core::find_site(*context.plan, id);
    if (index < 0) {
        return;
    }
    const core::Site& s = context.plan->sites[static_cast<std::size_t>(index)];
    ImGui::Text("%s  %s", tr(Str::kSite), s.name.c_str());
    std::vector<core::CommandPtr> edits;
    state.site.fields.draw(*context.plan, id, edits, state.site.focus_name);
    state.site.focus_name = false;
    for (core::CommandPtr& c : edits) {
        out.commands.push_back(std::move(c));
        out.end_merge = true;
    }
    const bool remove = ImGui::Button(tr(Str::kDelete));
    note_item("site.delete");
    if (remove) {
        out.commands.push_back(std::make_unique<core::RemoveSite>(s.id));
        out.end_merge = true;
        state.selection.selected_site.clear();
    }
    note_item("site.delete");
}

void draw_site_table(const EditorContext& context, EditorState& state) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("##sites", 3, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Str::kName), ImGuiTableColumnFlags_WidthStretch, 2.f);
        ImGui::TableSetupColumn(tr(Str::kLevel), ImGuiTableColumnFlags_WidthStretch, 1.f);
        ImGui::TableSetupColumn(tr(Str::kTheme), ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableHeadersRow();
        for (const core::Site& s : context.plan->sites) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string label = s.name + "##" + s.id;
            if (ImGui::Selectable(label.c_str(), s.id == state.selection.selected_site,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                state.selection.selected_site = s.id;
                state.selection.selected_village = -1;
                state.view.fly_to(s.position, kFlySpanM);
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.level == core::SiteLevel::kDistrict ? tr(Str::kLevelDistrict)
                                                                         : tr(Str::kLevelTown));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.theme.c_str());
        }
        ImGui::EndTable();
    }
}

}  // namespace

void draw_inspector(const EditorContext& context, EditorState& state, EditorOutput& out) {
    place_next_panel(Panel::kInspector);
    if (!ImGui::Begin((std::string(tr(Str::kInspector)) + "###inspector").c_str(), nullptr,
                      panel_window_flags())) {
        ImGui::End();
        return;
    }
    if (!state.selection.selected_site.empty()) {
        draw_site(context, state.selection.selected_site, state, out);
    } else if (state.selection.selected_village >= 0 &&
               static_cast<std::size_t>(state.selection.selected_village) <
                   context.plan->villages.size()) {
        draw_village(context, state.selection.selected_village);
    } else {
        ImGui::TextWrapped("%s", tr(Str::kNothingSelected));
    }
    ImGui::End();
}

void draw_sites_panel(const EditorContext& context, EditorState& state, EditorOutput& out) {
    place_next_panel(Panel::kLists);
    const std::string title =
        std::string(tr(Str::kSites)) + " (" + std::to_string(context.plan->sites.size()) + ")  " +
        tr(Str::kJointOrg) + " (" + std::to_string(context.plan->joint_orgs.size()) + ")###sites";
    if (!ImGui::Begin(title.c_str(), nullptr, panel_window_flags())) {
        ImGui::End();
        return;
    }
    if (ImGui::BeginTabBar("##lists")) {
        if (ImGui::BeginTabItem(tr(Str::kSites))) {
            draw_site_table(context, state);
            ImGui::EndTabItem();
        }
        const ImGuiTabItemFlags org_flags =
            state.dialogs.focus_org_tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
        state.dialogs.focus_org_tab = false;
        if (ImGui::BeginTabItem(tr(Str::kJointOrg), nullptr, org_flags)) {
            draw_joint_org_tab(context, state, out);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
}

}  // namespace beltplan::ui
