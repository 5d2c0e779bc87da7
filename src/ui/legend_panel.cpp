// window_legend retells the colouring's legend in the window's language; draw_legend and
// draw_layer_list are the ImGui side.
#include "ui/legend_panel.h"

#include "core/messages.h"
#include "render/palette.h"
#include "ui/editor.h"
#include "ui/text_wrap.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace beltplan::ui {

namespace {

const char* title_key(FillMode mode) {
    switch (mode) {
        case FillMode::kCoverage:
            return "window.legend_coverage";
        case FillMode::kDistance:
            return "window.legend_distance";
        case FillMode::kJointOrg:
            return "window.legend_orgs";
        case FillMode::kKind:
            return "window.legend_kind";
        case FillMode::kPopulation:
            return "window.legend_population";
        case FillMode::kCompare:
            return "window.legend_compare";
    }
    return "window.legend_coverage";
}

std::string km_text(double metres) {
    char buf[32];
    const double km = metres / 1000.0;
    if (metres < 1000.0) {
        std::snprintf(buf, sizeof buf, "%.0f m", metres);
    } else {
        std::snprintf(buf, sizeof buf,
                      std::fabs(km - std::round(km)) < 0.05 ? "%.0f km" : "%.1f km", km);
    }
    return buf;
}

// The fill entries with the labels the window can tell in its own language.
std::vector<render::LegendEntry> fill_entries(const LegendInputs& in) {
    std::vector<render::LegendEntry> entries;
    if (in.fill == nullptr) {
        return entries;
    }
    entries = in.fill->entries;
    if (in.mode == FillMode::kCoverage && entries.size() == 2) {
        entries[0].label =
            core::tr("window.legend_covered", {reach_phrase(in.distance, in.reach_m)});
        entries[1].label = core::tr("window.legend_uncovered");
    }
    if (in.mode == FillMode::kKind && entries.size() == 5) {
        const char* keys[] = {"window.kind_hub", "window.kind_tidal", "window.kind_basic",
                              "window.kind_hollow", "window.legend_no_kind"};
        for (std::size_t i = 0; i < 5; ++i) {
            entries[i].label = core::tr(keys[i]);
        }
    }
    if (in.mode == FillMode::kJointOrg && !entries.empty()) {
        entries.back().label = core::tr("window.legend_no_org");
    }
    if (in.mode == FillMode::kPopulation && !entries.empty() &&
        entries.back().color.r == render::hex(render::colors::kNoData).r &&
        entries.back().label.find_first_of("0123456789") == std::string::npos) {
        entries.back().label = core::tr("window.missing");
    }
    return entries;
}

ImU32 to_u32(const render::Rgba& c) {
    return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, c.a));
}

// A swatch of `symbol` at the cursor, one text line high.
void swatch(const render::LegendEntry& e) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 fill = to_u32(e.color);
    const ImU32 edge = IM_COL32(90, 90, 90, 255);
    const ImVec2 c(p.x + h * 0.75f, p.y + h * 0.5f);
    switch (e.symbol) {
        case render::LegendSymbol::kLine:
        case render::LegendSymbol::kThickLine:
            draw->AddLine(ImVec2(p.x, c.y), ImVec2(p.x + h * 1.5f, c.y), fill,
                          e.symbol == render::LegendSymbol::kLine ? 2.f : 4.f);
            break;
        case render::LegendSymbol::kCircle:
            draw->AddCircle(c, h * 0.4f, fill, 0, 2.f);
            break;
        case render::LegendSymbol::kSiteDistrict:
        case render::LegendSymbol::kSiteTown:
        case render::LegendSymbol::kLead:
            draw->AddCircleFilled(
                c, h * (e.symbol == render::LegendSymbol::kSiteTown ? 0.28f : 0.38f), fill);
            draw->AddCircle(c, h * 0.38f, IM_COL32(255, 255, 255, 255), 0, 1.f);
            break;
        case render::LegendSymbol::kBand:
        case render::LegendSymbol::kFill:
            draw->AddRectFilled(ImVec2(p.x, p.y + 2.f), ImVec2(p.x + h * 1.5f, p.y + h - 2.f),
                                fill);
            draw->AddRect(ImVec2(p.x, p.y + 2.f), ImVec2(p.x + h * 1.5f, p.y + h - 2.f), edge);
            break;
    }
    ImGui::Dummy(ImVec2(h * 1.5f, h));
    ImGui::SameLine();
}

}  // namespace

std::string reach_phrase(core::DistanceMode distance, double reach_m) {
    return core::tr(distance == core::DistanceMode::kNetwork ? "window.reach_along_roads"
                                                             : "window.reach_straight",
                    {km_text(reach_m)});
}

render::Legend window_legend(const LegendInputs& in) {
    render::Legend legend;
    legend.title = core::tr(title_key(in.mode));
    legend.entries = fill_entries(in);
    using render::LegendSymbol;
    if (in.sites_shown) {
        legend.entries.push_back({core::tr("window.legend_site_district"),
                                  render::hex(render::colors::kSiteDistrict),
                                  LegendSymbol::kSiteDistrict});
        legend.entries.push_back({core::tr("window.legend_site_town"),
                                  render::hex(render::colors::kSiteTown), LegendSymbol::kSiteTown});
    }
    if (in.reach_shown) {
        legend.entries.push_back(
            {core::tr("window.legend_reach", {reach_phrase(in.distance, in.reach_m)}),
             render::hex(render::colors::kReach),
             in.distance == core::DistanceMode::kNetwork ? LegendSymbol::kThickLine
                                                         : LegendSymbol::kCircle});
    }
    if (in.belts_shown) {
        legend.entries.push_back({core::tr("window.legend_belt_road"),
                                  render::hex(render::colors::kBeltRoad),
                                  LegendSymbol::kThickLine});
    }
    return legend;
}

void draw_legend(const LegendInputs& in) {
    const render::Legend legend = window_legend(in);
    ImGui::TextUnformatted(legend.title.c_str());
    if (in.mode == FillMode::kCoverage || in.mode == FillMode::kDistance) {
        ImGui::TextDisabled("%s", core::tr(in.distance == core::DistanceMode::kNetwork
                                               ? "window.distance_along_roads"
                                               : "window.distance_straight")
                                      .c_str());
    }
    for (const render::LegendEntry& e : legend.entries) {
        swatch(e);
        text_wrapped(e.label);
    }
}

std::string layer_name(render::Layer layer) {
    return core::tr(std::string("window.layer_") + render::to_code(layer));
}

std::vector<LayerRow> draw_layer_list(std::vector<LayerRow>& rows) {
    std::vector<LayerRow> changed;
    for (LayerRow& row : rows) {
        if (!row.available) {
            ImGui::BeginDisabled();
        }
        bool shown = row.shown;
        if (ImGui::Checkbox(layer_name(row.layer).c_str(), &shown) && row.available) {
            row.shown = shown;
            changed.push_back(row);
        }
        note_item(std::string("layers.") + render::to_code(row.layer));
        if (!row.available) {
            ImGui::EndDisabled();
        }
    }
    return changed;
}

}  // namespace beltplan::ui
