// The joint organization editor: create a group from the selected village, add or remove
// members by clicking the map (tool kJointOrg) or in the list, choose lead, mode and name; the
// validity of DESIGN.md section 2 is shown live with the reasons.
#include "core/joint_org_commands.h"
#include "core/messages.h"
#include "ui/editor.h"
#include "ui/strings.h"
#include "ui/suggestion_view.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace beltplan::ui {

namespace {

const Str kModeLabels[] = {Str::kModeStrongWeak, Str::kModeRegional, Str::kModeLeader,
                           Str::kModeStation};
const core::JointOrgMode kModes[] = {core::JointOrgMode::kStrongWeak, core::JointOrgMode::kRegional,
                                     core::JointOrgMode::kLeader, core::JointOrgMode::kStation};

const std::string& village_name(const core::Plan& plan, const std::string& code) {
    for (const core::Village& v : plan.villages) {
        if (v.code == code) {
            return v.name;
        }
    }
    return code;
}

// Taking a member out; taking out the lead also clears the lead (one undo step), so an org
// never names a lead that is not among its members.
core::CommandPtr remove_member(const core::JointOrg& org, const std::string& code) {
    if (code != org.lead) {
        return std::make_unique<core::RemoveJointOrgMember>(org.id, code);
    }
    std::vector<core::CommandPtr> steps;
    steps.push_back(std::make_unique<core::RemoveJointOrgMember>(org.id, code));
    steps.push_back(std::make_unique<core::SetJointOrgLead>(org.id, ""));
    return std::make_unique<core::GroupCommand>(core::tr("window.cmd_remove_lead", {code}),
                                                std::move(steps));
}

void draw_org(const EditorContext& context, const core::JointOrg& org,
              const analysis::JointOrgCheck* check, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    static std::string buffer_org;
    static char name[256] = "";
    if (buffer_org != org.id || !ImGui::IsAnyItemActive()) {
        buffer_org = org.id;
        std::snprintf(name, sizeof name, "%s", org.name.c_str());
    }
    ImGui::InputText(tr(Str::kName), name, sizeof name);
    if (ImGui::IsItemDeactivatedAfterEdit() && org.name != name) {
        out.commands.push_back(std::make_unique<core::SetJointOrgName>(org.id, name));
    }
    int mode = static_cast<int>(org.mode);
    const char* modes[] = {tr(kModeLabels[0]), tr(kModeLabels[1]), tr(kModeLabels[2]),
                           tr(kModeLabels[3])};
    if (ImGui::Combo(tr(Str::kMode), &mode, modes, 4)) {
        out.commands.push_back(std::make_unique<core::SetJointOrgMode>(org.id, kModes[mode]));
    }
    if (ImGui::BeginCombo(tr(Str::kLead), org.lead.empty()
                                              ? tr(Str::kNone)
                                              : village_name(plan, org.lead).c_str())) {
        for (const std::string& m : org.members) {
            if (ImGui::Selectable((village_name(plan, m) + "##" + m).c_str(), m == org.lead)) {
                out.commands.push_back(std::make_unique<core::SetJointOrgLead>(org.id, m));
            }
        }
        ImGui::EndCombo();
    }
    if (check != nullptr) {
        if (check->valid) {
            ImGui::TextColored(ImVec4(0.1f, 0.55f, 0.2f, 1.f), "%s", tr(Str::kValid));
        } else {
            ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1.f), "%s", tr(Str::kInvalid));
            for (const auto& p : check->problems) {
                bullet_wrapped(p.sentence);  // never cut at the panel edge or inside a number
            }
        }
    }
    ImGui::TextDisabled("%s (%zu)", tr(Str::kOrgMembers), org.members.size());
    for (const std::string& m : org.members) {
        ImGui::PushID(m.c_str());
        if (ImGui::SmallButton(tr(Str::kRemove))) {
            out.commands.push_back(remove_member(org, m));
            out.end_merge = true;
        }
        ImGui::SameLine();
        ImGui::Text("%s%s", village_name(plan, m).c_str(), m == org.lead ? " *" : "");
        ImGui::PopID();
    }
    const bool remove = ImGui::Button(core::tr("window.delete_org").c_str());
    note_item("org.delete");
    if (remove) {
        out.commands.push_back(std::make_unique<core::DeleteJointOrg>(org.id));
        out.end_merge = true;
    }
}

const Str kSuggestLabels[] = {Str::kModeStrongWeak, Str::kModeRegional, Str::kModeLeader};
const core::JointOrgMode kSuggestModes[] = {
    core::JointOrgMode::kStrongWeak, core::JointOrgMode::kRegional, core::JointOrgMode::kLeader};

// Colours that tell neighbouring suggested groups apart.
const ImU32 kGroupColors[] = {IM_COL32(214, 39, 40, 255),  IM_COL32(31, 119, 180, 255),
                              IM_COL32(44, 160, 44, 255),  IM_COL32(148, 103, 189, 255),
                              IM_COL32(255, 127, 14, 255), IM_COL32(23, 190, 207, 255),
                              IM_COL32(140, 86, 75, 255),  IM_COL32(188, 189, 34, 255)};

// The suggested groups, three lines each (so the clipper can skip what is not shown): a tick
// box with the group's name and a button that brings the map to it, the members, the reason
// (whole in a tooltip).
void draw_group_list(const core::Plan& plan, const analysis::Suggestion& s, EditorState& state) {
    if (!ImGui::BeginChild("##suggested", ImVec2(0.f, 220.f), true)) {
        ImGui::EndChild();
        return;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.groups.size()));
    while (clipper.Step()) {
        for (int g = clipper.DisplayStart; g < clipper.DisplayEnd; ++g) {
            const analysis::SuggestedGroup& group = s.groups[static_cast<std::size_t>(g)];
            std::string members;
            for (int m : group.members) {
                members += (members.empty() ? "" : u8"、") +
                           plan.villages[static_cast<std::size_t>(m)].name +
                           (m == group.lead ? "*" : "");
            }
            bool on = state.suggestions.merge_pick[static_cast<std::size_t>(g)] != 0;
            ImGui::PushID(g);
            ImGui::PushStyleColor(ImGuiCol_CheckMark,
                                  kGroupColors[static_cast<std::size_t>(g) % 8]);
            if (ImGui::Checkbox(suggested_group_name(plan, group).c_str(), &on)) {
                state.suggestions.merge_pick[static_cast<std::size_t>(g)] = on ? 1 : 0;
            }
            note_item("merge.group." + std::to_string(g));
            ImGui::PopStyleColor();
            ImGui::SameLine();
            if (ImGui::SmallButton(core::tr("window.show_on_map").c_str())) {
                fly_to_box(state.view, group_box(plan, group));
            }
            note_item("merge.show." + std::to_string(g));
            ImGui::Indent();
            text_wrapped_limited(members, 1);
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (!text_wrapped_limited(group.explanation.empty() ? " " : group.explanation, 1) &&
                ImGui::IsItemHovered() && !group.explanation.empty()) {
                ImGui::BeginTooltip();
                text_wrapped(group.explanation, ImGui::GetFontSize() * 22.f);
                ImGui::EndTooltip();
            }
            ImGui::PopStyleColor();
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

// Run a merge strategy, then tick the groups to keep and accept them as one edit.
void draw_merge_suggestions(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    if (!ImGui::CollapsingHeader(tr(Str::kSuggestGroups), ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    const char* modes[] = {tr(kSuggestLabels[0]), tr(kSuggestLabels[1]), tr(kSuggestLabels[2])};
    ImGui::SetNextItemWidth(140.f);
    ImGui::Combo("##suggest_mode", &state.suggestions.merge_mode, modes, 3);
    ImGui::SameLine();
    const JobStatus& job = context.job(JobKind::kMerges);
    if (draw_job_progress(job, JobKind::kMerges, out)) {
        return;
    }
    const bool start =
        ImGui::SmallButton((std::string(tr(Str::kSuggestGroups)) + "##merge_run").c_str());
    note_item("merge.suggest");
    if (start) {
        JobRequest request;
        request.kind = JobKind::kMerges;
        request.mode = kSuggestModes[std::clamp(state.suggestions.merge_mode, 0, 2)];
        out.start_job = request;
    }
    if (job.answer == nullptr) {
        return;
    }
    const analysis::Suggestion& s = *job.answer;
    if (state.suggestions.merge_serial != job.serial) {
        state.suggestions.merge_serial = job.serial;
        state.suggestions.merge_pick.assign(s.groups.size(), 1);
    }
    text_wrapped(core::tr("window.groups_result",
                          {std::to_string(s.groups.size()), std::to_string(s.unplaced.size())}));
    if (answer_current(job)) {
        const bool ticked = ImGui::SmallButton(tr(Str::kAcceptTicked));
        note_item("merge.accept_ticked");
        if (ticked) {
            for (std::size_t g = 0; g < state.suggestions.merge_pick.size(); ++g) {
                if (state.suggestions.merge_pick[g]) {
                    out.accept_groups.push_back(static_cast<int>(g));
                }
            }
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Str::kAcceptAll))) {
            for (std::size_t g = 0; g < s.groups.size(); ++g) {
                out.accept_groups.push_back(static_cast<int>(g));
            }
        }
        ImGui::SameLine();
    }
    if (ImGui::SmallButton(tr(Str::kDiscard))) {
        out.discard_job = JobKind::kMerges;
    }
    draw_group_list(plan, s, state);
    if (!s.unplaced.empty() && ImGui::TreeNode(tr(Str::kNotPlaced))) {
        for (const analysis::UnplacedVillage& u : s.unplaced) {
            bullet_wrapped(plan.villages[static_cast<std::size_t>(u.village)].name + ": " +
                           u.reason);
        }
        ImGui::TreePop();
    }
}

}  // namespace

core::CommandPtr new_joint_org(const core::Plan& plan, EditorState& state) {
    const core::Village& v =
        plan.villages[static_cast<std::size_t>(state.selection.selected_village)];
    core::JointOrg org;
    org.id = free_org_id(plan);
    org.name = v.name + tr(Str::kJointOrg);
    org.members = {v.code};
    org.lead = v.code;
    state.selection.selected_org = org.id;
    state.tool = Tool::kJointOrg;
    state.dialogs.focus_org_tab = true;
    return std::make_unique<core::CreateJointOrg>(std::move(org));
}

void draw_joint_org_tab(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    const bool can_create = state.selection.selected_village >= 0;
    if (!can_create) {
        ImGui::BeginDisabled();
    }
    if (ImGui::Button(tr(Str::kNewJointOrg)) && can_create) {
        out.commands.push_back(new_joint_org(plan, state));
        out.end_merge = true;
    }
    if (!can_create) {
        ImGui::EndDisabled();
    }
    draw_merge_suggestions(context, state, out);
    ImGui::Separator();
    for (std::size_t i = 0; i < plan.joint_orgs.size(); ++i) {
        const core::JointOrg& org = plan.joint_orgs[i];
        const std::vector<analysis::JointOrgCheck>& checks = context.analysis->org_checks();
        const bool valid = i >= checks.size() || checks[i].valid;
        const std::string label = std::string(valid ? "  " : "! ") + org.name + " (" +
                                  std::to_string(org.members.size()) + ")##" + org.id;
        if (ImGui::Selectable(label.c_str(), org.id == state.selection.selected_org)) {
            state.selection.selected_org =
                org.id == state.selection.selected_org ? std::string() : org.id;
        }
        if (org.id == state.selection.selected_org) {
            ImGui::Indent();
            const analysis::JointOrgCheck* check = i < checks.size() ? &checks[i] : nullptr;
            draw_org(context, org, check, out);
            ImGui::Unindent();
        }
    }
}

void draw_merge_preview(const EditorContext& context, const EditorState& state) {
    const analysis::Suggestion* s = context.job(JobKind::kMerges).answer;
    if (s == nullptr || state.suggestions.merge_serial != context.job(JobKind::kMerges).serial) {
        return;
    }
    const core::Plan& plan = *context.plan;
    const core::Box visible = state.view.visible();
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    std::vector<ImVec2> points;
    for (std::size_t g = 0; g < s->groups.size(); ++g) {
        const analysis::SuggestedGroup& group = s->groups[g];
        const bool ticked =
            g < state.suggestions.merge_pick.size() && state.suggestions.merge_pick[g] != 0;
        const ImU32 color = ticked ? kGroupColors[g % 8] : IM_COL32(120, 120, 120, 140);
        for (int m : group.members) {
            const core::Village& v = plan.villages[static_cast<std::size_t>(m)];
            const core::Box b = core::bounds(v.shape);
            if (b.max_x < visible.min_x || b.min_x > visible.max_x || b.max_y < visible.min_y ||
                b.min_y > visible.max_y) {
                continue;  // large plans: only what is on screen
            }
            for (const core::Polygon& part : v.shape.parts) {
                points.clear();
                for (const core::PointM& p : part.outer) {
                    const ScreenPoint sp = state.view.to_screen(p);
                    points.emplace_back(sp.x, sp.y);
                }
                draw->AddPolyline(points.data(), static_cast<int>(points.size()), color,
                                  ImDrawFlags_Closed, m == group.lead ? 3.5f : 2.f);
            }
            if (m == group.lead && ticked) {
                const ScreenPoint c = state.view.to_screen(core::anchor(v));
                draw->AddCircleFilled(ImVec2(c.x, c.y), 4.f, color);
            }
        }
    }
    draw_suggested_group_labels(plan, state.view, *s, state.suggestions.merge_pick);
}

void draw_joint_org_overlay(const EditorContext& context, const EditorState& state) {
    const core::Plan& plan = *context.plan;
    const int index = core::find_joint_org(plan, state.selection.selected_org);
    if (index < 0) {
        return;
    }
    const core::JointOrg& org = plan.joint_orgs[static_cast<std::size_t>(index)];
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    std::vector<ImVec2> points;
    for (const core::Village& v : plan.villages) {
        bool member = false;
        for (const std::string& m : org.members) {
            member = member || m == v.code;
        }
        if (!member) {
            continue;
        }
        for (const core::Polygon& part : v.shape.parts) {
            points.clear();
            for (const core::PointM& p : part.outer) {
                const ScreenPoint s = state.view.to_screen(p);
                points.emplace_back(s.x, s.y);
            }
            draw->AddPolyline(points.data(), static_cast<int>(points.size()),
                              IM_COL32(130, 30, 160, 255), ImDrawFlags_Closed,
                              v.code == org.lead ? 4.f : 2.5f);
        }
    }
}

}  // namespace beltplan::ui
