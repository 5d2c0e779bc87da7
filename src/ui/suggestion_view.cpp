// Suggested sites and groups named and explained on the map and in lists.
#include "ui/suggestion_view.h"

#include "core/messages.h"
#include "ui/editor.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace beltplan::ui {

namespace {

constexpr float kRingPx = 9.f;

const core::Village* village_at(const core::Plan& plan, int index) {
    return index >= 0 && static_cast<std::size_t>(index) < plan.villages.size()
               ? &plan.villages[static_cast<std::size_t>(index)]
               : nullptr;
}

bool overlaps(const ImVec2& a_min, const ImVec2& a_max, const std::vector<ImVec4>& placed) {
    return std::any_of(placed.begin(), placed.end(), [&](const ImVec4& b) {
        return a_min.x < b.z && a_max.x > b.x && a_min.y < b.w && a_max.y > b.y;
    });
}

// A label with a white halo so it reads over any village colour.
void halo_text(ImDrawList* draw, ImVec2 at, ImU32 color, const std::string& text) {
    const ImU32 halo = IM_COL32(255, 255, 255, 230);
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)}) {
        draw->AddText(ImVec2(at.x + d.x, at.y + d.y), halo, text.c_str());
    }
    draw->AddText(at, color, text.c_str());
}

void reason_tooltip(const std::string& name, const std::string& reason) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(name.c_str());
    if (!reason.empty()) {
        ImGui::Separator();
        text_wrapped(reason, ImGui::GetFontSize() * 22.f);
    }
    ImGui::EndTooltip();
}

}  // namespace

std::string suggested_site_name(const core::Plan& plan, const analysis::SuggestedSite& site) {
    const core::Village* v = village_at(plan, site.village);
    return core::tr("window.suggested_site_name", {v != nullptr ? v->name : site.road});
}

std::string suggested_group_name(const core::Plan& plan, const analysis::SuggestedGroup& group) {
    const core::Village* lead = village_at(plan, group.lead);
    const std::string name = lead != nullptr ? lead->name : "";
    return core::tr(group.mode == core::JointOrgMode::kStation ? "window.suggested_station_name"
                                                               : "window.suggested_group_name",
                    {name});
}

core::Box group_box(const core::Plan& plan, const analysis::SuggestedGroup& group) {
    core::Box box{1e300, 1e300, -1e300, -1e300};
    for (int m : group.members) {
        if (const core::Village* v = village_at(plan, m)) {
            const core::Box b = core::bounds(v->shape);
            box = {std::min(box.min_x, b.min_x), std::min(box.min_y, b.min_y),
                   std::max(box.max_x, b.max_x), std::max(box.max_y, b.max_y)};
        }
    }
    return box;
}

void fly_to_box(MapView& view, const core::Box& box, double min_span_m) {
    if (box.min_x > box.max_x) {
        return;  // nothing to show
    }
    const double span = std::max({box.width() * 1.4, box.height() * 1.4, min_span_m});
    view.fly_to({(box.min_x + box.max_x) / 2.0, (box.min_y + box.max_y) / 2.0}, span);
}

void draw_suggested_site_labels(const core::Plan& plan, const MapView& view,
                                const analysis::Suggestion& suggestion, unsigned color) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ImGuiIO& io = ImGui::GetIO();
    std::vector<ImVec4> placed;
    int hovered = -1;
    for (std::size_t i = 0; i < suggestion.sites.size(); ++i) {
        const analysis::SuggestedSite& s = suggestion.sites[i];
        const ScreenPoint p = view.to_screen(s.position);
        if (p.x < -50.f || p.y < -50.f || p.x > view.width_px() + 50.f ||
            p.y > view.height_px() + 50.f) {
            continue;
        }
        if (std::hypot(io.MousePos.x - p.x, io.MousePos.y - p.y) <= kRingPx + 3.f) {
            hovered = static_cast<int>(i);
        }
        const std::string name = suggested_site_name(plan, s);
        const ImVec2 size = ImGui::CalcTextSize(name.c_str());
        const ImVec2 at(p.x + kRingPx + 3.f, p.y - size.y / 2.f);
        const ImVec2 end(at.x + size.x, at.y + size.y);
        if (overlaps(at, end, placed)) {
            continue;  // crowded: the tooltip and the list still name it
        }
        placed.emplace_back(at.x, at.y, end.x, end.y);
        halo_text(draw, at, color, name);
    }
    if (hovered >= 0 && !io.WantCaptureMouse) {
        const analysis::SuggestedSite& s = suggestion.sites[static_cast<std::size_t>(hovered)];
        reason_tooltip(suggested_site_name(plan, s), s.explanation);
    }
}

void draw_suggested_group_labels(const core::Plan& plan, const MapView& view,
                                 const analysis::Suggestion& suggestion,
                                 const std::vector<char>& ticked) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ImGuiIO& io = ImGui::GetIO();
    std::vector<ImVec4> placed;
    for (std::size_t g = 0; g < suggestion.groups.size(); ++g) {
        const analysis::SuggestedGroup& group = suggestion.groups[g];
        const core::Village* lead = village_at(plan, group.lead);
        if (lead == nullptr || (!ticked.empty() && (g >= ticked.size() || ticked[g] == 0))) {
            continue;
        }
        const ScreenPoint p = view.to_screen(core::anchor(*lead));
        const std::string name = suggested_group_name(plan, group);
        const ImVec2 size = ImGui::CalcTextSize(name.c_str());
        const ImVec2 at(p.x - size.x / 2.f, p.y + 6.f);
        const ImVec2 end(at.x + size.x, at.y + size.y);
        if (!overlaps(at, end, placed)) {
            placed.emplace_back(at.x, at.y, end.x, end.y);
            halo_text(draw, at, IM_COL32(60, 20, 90, 255), name);
        }
        if (!io.WantCaptureMouse && std::hypot(io.MousePos.x - p.x, io.MousePos.y - p.y) <= 8.f) {
            reason_tooltip(name, group.explanation);
        }
    }
}

std::optional<int> draw_suggested_site_list(const core::Plan& plan,
                                            const analysis::Suggestion& suggestion,
                                            const char* list_id, float height_px) {
    std::optional<int> clicked;
    if (!ImGui::BeginChild(list_id, ImVec2(0.f, height_px), true)) {
        ImGui::EndChild();
        return clicked;
    }
    for (std::size_t i = 0; i < suggestion.sites.size(); ++i) {
        const analysis::SuggestedSite& s = suggestion.sites[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string name = suggested_site_name(plan, s);
        if (ImGui::Selectable(name.c_str())) {
            clicked = static_cast<int>(i);
        }
        note_item(std::string(list_id) + "." + std::to_string(i));
        if (!s.explanation.empty()) {
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            text_wrapped_limited(s.explanation, 2);
            ImGui::PopStyleColor();
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    return clicked;
}

}  // namespace beltplan::ui
