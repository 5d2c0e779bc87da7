// The joint organization editor: create a group from the selected village, add or remove
// members by clicking the map (tool kJointOrg) or in the list, choose lead, mode and name; the
// validity of DESIGN.md section 2 is shown live with the reasons.
#include "core/joint_org_commands.h"
#include "ui/editor.h"
#include "ui/strings.h"

#include <imgui.h>

#include <cstdio>
#include <memory>

namespace beltplan::ui {

namespace {

const Str kModeLabels[] = {Str::kModeStrongWeak, Str::kModeRegional, Str::kModeLeader,
                           Str::kModeStation};
const core::JointOrgMode kModes[] = {core::JointOrgMode::kStrongWeak, core::JointOrgMode::kRegional,
                                     core::JointOrgMode::kLeader, core::JointOrgMode::kStation};

std::string free_org_id(const core::Plan& plan) {
    for (std::size_t n = plan.joint_orgs.size() + 1;; ++n) {
        std::string id = "J" + std::to_string(n);
        if (core::find_joint_org(plan, id) < 0) {
            return id;
        }
    }
}

const std::string& village_name(const core::Plan& plan, const std::string& code) {
    for (const core::Village& v : plan.villages) {
        if (v.code == code) {
            return v.name;
        }
    }
    return code;
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
                ImGui::BulletText("%s", p.sentence.c_str());
            }
        }
    }
    ImGui::TextDisabled("%s (%zu)", tr(Str::kOrgMembers), org.members.size());
    for (const std::string& m : org.members) {
        ImGui::PushID(m.c_str());
        if (ImGui::SmallButton(tr(Str::kRemove))) {
            out.commands.push_back(std::make_unique<core::RemoveJointOrgMember>(org.id, m));
        }
        ImGui::SameLine();
        ImGui::Text("%s%s", village_name(plan, m).c_str(), m == org.lead ? " *" : "");
        ImGui::PopID();
    }
}

}  // namespace

core::CommandPtr new_joint_org(const core::Plan& plan, EditorState& state) {
    const core::Village& v = plan.villages[static_cast<std::size_t>(state.selected_village)];
    core::JointOrg org;
    org.id = free_org_id(plan);
    org.name = v.name + tr(Str::kJointOrg);
    org.members = {v.code};
    org.lead = v.code;
    state.selected_org = org.id;
    state.tool = Tool::kJointOrg;
    state.focus_org_tab = true;
    return std::make_unique<core::CreateJointOrg>(std::move(org));
}

void draw_joint_org_tab(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const core::Plan& plan = *context.plan;
    const bool can_create = state.selected_village >= 0;
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
    for (std::size_t i = 0; i < plan.joint_orgs.size(); ++i) {
        const core::JointOrg& org = plan.joint_orgs[i];
        const bool valid = context.org_checks == nullptr || i >= context.org_checks->size() ||
                           (*context.org_checks)[i].valid;
        const std::string label = std::string(valid ? "  " : "! ") + org.name + " (" +
                                  std::to_string(org.members.size()) + ")##" + org.id;
        if (ImGui::Selectable(label.c_str(), org.id == state.selected_org)) {
            state.selected_org = org.id == state.selected_org ? std::string() : org.id;
        }
        if (org.id == state.selected_org) {
            ImGui::Indent();
            const analysis::JointOrgCheck* check =
                context.org_checks != nullptr && i < context.org_checks->size()
                    ? &(*context.org_checks)[i]
                    : nullptr;
            draw_org(context, org, check, out);
            ImGui::Unindent();
        }
    }
}

void draw_joint_org_overlay(const EditorContext& context, const EditorState& state) {
    const core::Plan& plan = *context.plan;
    const int index = core::find_joint_org(plan, state.selected_org);
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
