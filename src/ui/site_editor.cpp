// SiteEditor: ImGui fields over buffers that follow the plan while they are not being edited.
#include "ui/site_editor.h"

#include "core/messages.h"
#include "core/site_commands.h"
#include "ui/editor.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <memory>

namespace beltplan::ui {

namespace {

// True when the item just drawn was committed: Enter, or left after a change.
bool committed(bool entered) {
    return entered || ImGui::IsItemDeactivatedAfterEdit();
}

const core::Village* find_village(const core::Plan& plan, const std::string& code) {
    for (const core::Village& v : plan.villages) {
        if (v.code == code) {
            return &v;
        }
    }
    return nullptr;
}

}  // namespace

void SiteEditor::load(const core::Site& site) {
    site_ = site.id;
    std::snprintf(name_, sizeof name_, "%s", site.name.c_str());
    std::snprintf(theme_, sizeof theme_, "%s", site.theme.c_str());
    std::snprintf(village_, sizeof village_, "%s", site.village_code.c_str());
    x_ = site.position.x;
    y_ = site.position.y;
    error_.clear();
}

bool SiteEditor::draw(const core::Plan& plan, const std::string& id,
                      std::vector<core::CommandPtr>& out, bool focus_name) {
    const int index = core::find_site(plan, id);
    if (index < 0) {
        return false;
    }
    const core::Site& site = plan.sites[static_cast<std::size_t>(index)];
    if (site_ != site.id || !ImGui::IsAnyItemActive()) {
        const std::string keep = site_ == site.id ? error_ : std::string();
        load(site);
        error_ = keep;
    }
    ImGui::TextDisabled("%s %s", core::tr("window.code").c_str(), site.id.c_str());
    draw_text_fields(site, out, focus_name);
    int level = site.level == core::SiteLevel::kDistrict ? 0 : 1;
    const std::string district = core::tr("window.level_district");
    const std::string town = core::tr("window.level_town");
    const char* levels[] = {district.c_str(), town.c_str()};
    if (ImGui::Combo(core::tr("window.level").c_str(), &level, levels, 2)) {
        core::SiteFields fields;
        fields.level = level == 0 ? core::SiteLevel::kDistrict : core::SiteLevel::kTown;
        out.push_back(std::make_unique<core::SetSiteFields>(site.id, fields));
    }
    note_item("site.level");
    draw_village(plan, site, out);
    draw_position(site, out);
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.15f, 0.1f, 1.f));
        text_wrapped(error_);
        ImGui::PopStyleColor();
    }
    return true;
}

void SiteEditor::draw_text_fields(const core::Site& site, std::vector<core::CommandPtr>& out,
                                  bool focus_name) {
    if (focus_name) {
        ImGui::SetKeyboardFocusHere();
    }
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    bool entered = ImGui::InputText(core::tr("window.name").c_str(), name_, sizeof name_, flags);
    note_item("site.name");
    if (committed(entered) && site.name != name_) {
        if (name_[0] == '\0') {
            error_ = core::tr("window.site_empty_name");
        } else {
            core::SiteFields fields;
            fields.name = std::string(name_);
            out.push_back(std::make_unique<core::SetSiteFields>(site.id, fields));
            error_.clear();
        }
    }
    entered = ImGui::InputText(core::tr("window.theme").c_str(), theme_, sizeof theme_, flags);
    note_item("site.theme");
    if (committed(entered) && site.theme != theme_) {
        core::SiteFields fields;
        fields.theme = std::string(theme_);
        out.push_back(std::make_unique<core::SetSiteFields>(site.id, fields));
    }
}

void SiteEditor::draw_village(const core::Plan& plan, const core::Site& site,
                              std::vector<core::CommandPtr>& out) {
    const bool entered = ImGui::InputTextWithHint(
        core::tr("window.site_village").c_str(), core::tr("window.site_village_hint").c_str(),
        village_, sizeof village_, ImGuiInputTextFlags_EnterReturnsTrue);
    note_item("site.village");
    if (committed(entered) && site.village_code != village_) {
        if (village_[0] != '\0' && find_village(plan, village_) == nullptr) {
            error_ = core::tr("window.site_unknown_village", {village_});
        } else {
            core::SiteFields fields;
            fields.village_code = std::string(village_);
            out.push_back(std::make_unique<core::SetSiteFields>(site.id, fields));
            error_.clear();
        }
    }
    if (const core::Village* v = find_village(plan, site.village_code)) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", v->name.c_str());
    }
}

void SiteEditor::draw_position(const core::Site& site, std::vector<core::CommandPtr>& out) {
    ImGui::TextDisabled("%s", core::tr("window.site_position").c_str());
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
    bool entered = ImGui::InputDouble("X##site_x", &x_, 0.0, 0.0, "%.1f", flags);
    bool done = committed(entered);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.8f);
    entered = ImGui::InputDouble("Y##site_y", &y_, 0.0, 0.0, "%.1f", flags);
    done = done || committed(entered);
    if (done && (x_ != site.position.x || y_ != site.position.y)) {
        if (!std::isfinite(x_) || !std::isfinite(y_)) {
            error_ = core::tr("window.site_bad_position");
            return;
        }
        out.push_back(std::make_unique<core::MoveSite>(site.id, core::PointM{x_, y_}));
        error_.clear();
    }
}

}  // namespace beltplan::ui
