// Sites as the generalisation chose them, the per-township site counts of the summary, the
// placed names (townships, villages, counties the plan names), and the legend of what a page
// draws, in the catalogue's language.
#include "analysis/report_tables.h"
#include "core/messages.h"
#include "render/doc_shapes.h"
#include "render/label_placement.h"
#include "render/map_compose.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace beltplan::render::compose {

namespace {

// Full marker sizes at u = 1 (across) and their rims.
constexpr double kStarUnits = 20.0;
constexpr double kCircleUnits = 12.0;

std::string percent_text(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", share * 100.0);
    return buf;
}

// Township names may name their county in an extra field; the first such field wins.
std::string county_name(const core::Township& t) {
    static const char* const kFields[] = {"county", "county_name", "县", "县区", "区县", "县名"};
    for (const char* f : kFields) {
        for (const core::ExtraField& e : t.extra) {
            if (e.name == f && e.value.type == core::FieldValue::Type::kString &&
                !e.value.text.empty()) {
                return e.value.text;
            }
        }
    }
    return "";
}

// County names at the label point of their largest township, when the plan names 2+ counties
// and most townships are too small on the page for their own names.
void county_labels(const PageContext& page, const PageGeometry& g, std::vector<LabelSpec>& out) {
    std::map<std::string, std::pair<std::size_t, double>> largest;  // name -> township, area
    std::size_t small = 0;
    for (std::size_t t : g.townships) {
        const core::Township& town = page.plan().townships[t];
        const double area = core::area_m2(town.shape);
        small += std::sqrt(area) / page.view.metres_per_unit <
                         text_width_units(town.name, 17.0 * page.unit) / 2
                     ? 1
                     : 0;
        const std::string name = county_name(town);
        if (!name.empty() && (largest.count(name) == 0 || largest[name].second < area)) {
            largest[name] = {t, area};
        }
    }
    if (largest.size() < 2 || small * 2 < g.townships.size()) {
        return;
    }
    for (const auto& [name, best] : largest) {
        const core::MultiPolygon& shape = page.plan().townships[best.first].shape;
        out.push_back({name, label_point(shape), 22.f, 3, 0.0, hex(0x000000), LabelRoom{}});
    }
}

}  // namespace

std::vector<PageRect> add_sites(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                                const PageRect& clip, const std::vector<PageRect>& reserved) {
    std::vector<PageRect> boxes;
    const core::Plan& plan = page.plan();
    const double u = page.unit;
    if (page.detail.sites == SiteStyle::kTownshipSummary) {
        // The count of sites of each township at its label point, where it fits.
        std::vector<int> count(plan.townships.size(), 0);
        for (int t : analysis::site_townships(plan)) {
            count[static_cast<std::size_t>(std::max(t, 0))] += t >= 0 ? 1 : 0;
        }
        std::vector<LabelSpec> specs;
        for (std::size_t t : g.townships) {
            const core::MultiPolygon& shape = plan.townships[t].shape;
            specs.push_back({std::to_string(count[t]),
                             label_point(shape),
                             11.f,
                             3,
                             0.5 * std::sqrt(core::area_m2(shape)),
                             hex(colors::kText),
                             {}});
        }
        LabelPlacementOptions options;
        options.scale = u;
        options.reserved = reserved;
        options.bounds = page.view.area;
        options.budget = specs.size() + 1;
        DocLayer& layer = doc.add_layer("site_counts", clip);
        for (const PlacedLabel& p : place_labels(specs, page.view, options)) {
            TextItem text = doc::text(specs[p.label].text, p.centre, 11.0 * u, hex(colors::kText),
                                      true, Align::kCentre);
            text.halo = hex(0xffffff, 0.9f);
            text.halo_width = 1.5 * u;
            boxes.push_back(p.box);
            layer.items.push_back(std::move(text));
        }
        return boxes;
    }
    if (!page.shows(Layer::kSites) || plan.sites.empty()) {
        return boxes;
    }
    DocLayer& layer = doc.add_layer("sites", clip);
    const bool dots = page.detail.sites == SiteStyle::kDots;
    const double scale = page.detail.sites == SiteStyle::kSmallMarkers ? kSmallMarkerScale : 1.0;
    MarkerItem town;
    MarkerItem district;
    town.shape = MarkerShape::kCircle;
    district.shape = dots ? MarkerShape::kCircle : MarkerShape::kStar;
    town.fill = hex(colors::kSiteTown, dots ? 0.85f : 1.f);
    district.fill = hex(colors::kSiteDistrict, dots ? 0.85f : 1.f);
    town.size = (dots ? kDotSize : kCircleUnits * scale) * u;
    district.size = (dots ? kDotSize : kStarUnits * scale) * u;
    town.rim_width = dots ? 0.0 : 1.5 * scale * u;
    district.rim_width = dots ? 0.0 : 1.8 * scale * u;
    for (const core::Site& s : plan.sites) {
        const PagePoint p = page.view.to_page(s.position);
        if (!page.view.area.contains(p)) {
            continue;
        }
        MarkerItem& m = s.level == core::SiteLevel::kDistrict ? district : town;
        m.at.push_back(p);
        const double r = m.size / 2 + m.rim_width;
        if (!dots) {
            boxes.push_back({p.x - r, p.y - r, p.x + r, p.y + r});
        }
    }
    layer.items.push_back(std::move(town));  // district stars on top where they meet
    layer.items.push_back(std::move(district));
    return boxes;
}

void add_labels(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                const std::vector<PageRect>& marks, const std::vector<PageRect>& reserved) {
    const core::Plan& plan = page.plan();
    const double u = page.unit;
    const double mpu = page.view.metres_per_unit;
    std::vector<LabelSpec> specs;
    // Village names grow on pages where villages are large (a township zoomed to fill a page).
    const float village_size = page.detail.village_size >= 120.0 * u  ? 14.f
                               : page.detail.village_size >= 70.0 * u ? 12.5f
                                                                      : 10.5f;
    for (std::size_t t : g.townships) {
        const core::Township& town = plan.townships[t];
        const bool focus = page.focus_town.empty() || town.code == page.focus_town;
        if (town.name.empty()) {
            continue;
        }
        const core::PointM at = label_point(town.shape);
        // A township's name must fit inside it (extent counts twice the half-width).
        specs.push_back({town.name, at, 17.f, 2, 0.5 * std::sqrt(core::area_m2(town.shape)),
                         focus ? hex(0x000000) : hex(0x808080), label_room(town.shape, at)});
    }
    for (std::size_t v : g.villages) {
        const core::Village& village = plan.villages[v];
        if (village.name.empty() ||
            (!page.focus_town.empty() && village.town_code != page.focus_town)) {
            continue;
        }
        // Only villages wide enough on the page for their name are worth a label point.
        const double extent = std::sqrt(core::area_m2(village.shape));
        if (extent / mpu < 0.5 * text_width_units(village.name, village_size * u)) {
            continue;
        }
        const core::PointM at = label_point(village.shape);
        specs.push_back({village.name, at, village_size, 1, extent, hex(0x404040),
                         label_room(village.shape, at)});
    }
    county_labels(page, g, specs);
    LabelPlacementOptions options;
    options.scale = u;
    options.markers = marks;
    options.reserved = reserved;
    options.bounds = page.view.area;
    DocLayer& layer = doc.add_layer("labels", page.view.area);
    for (const PlacedLabel& p : place_labels(specs, page.view, options)) {
        const LabelSpec& spec = specs[p.label];
        TextItem t = doc::text(spec.text, p.centre, spec.size_px * u, spec.color,
                               spec.priority >= 2, Align::kCentre);
        t.halo = hex(0xffffff, 0.9f);
        t.halo_width = 0.12 * t.size;
        layer.items.push_back(std::move(t));
    }
}

MapLegend page_legend(const PageContext& page, const Legend& village_legend) {
    const core::Plan& plan = page.plan();
    const MapInputs& in = *page.in;
    MapLegend legend;
    legend.title = village_legend.title;
    const bool summary = page.detail.sites == SiteStyle::kTownshipSummary;
    if (!page.shows(Layer::kVillages)) {
        legend.title = core::tr("outputs.legend.title");
    } else if (summary) {
        legend.title = core::tr("outputs.legend.summary_title");
        for (int c = 4; c >= 0; --c) {
            legend.rows.push_back({percent_text(c / 5.0) + " – " + percent_text((c + 1) / 5.0),
                                   summary_color((c + 0.5) / 5.0)});
        }
    } else {
        for (const LegendEntry& e : village_legend.entries) {
            legend.rows.push_back({e.label, e.color, LegendMark::kFill});
        }
    }
    if (!page.focus_town.empty()) {
        legend.rows.push_back({core::tr("outputs.legend.other_townships"), hex(0xe4e4e4)});
    }
    auto has_level = [&](core::SiteLevel level) {
        return std::any_of(plan.sites.begin(), plan.sites.end(),
                           [&](const core::Site& s) { return s.level == level; });
    };
    const SiteStyle style = page.detail.sites;
    if (summary) {
        legend.rows.push_back(
            {core::tr("outputs.legend.site_count"), hex(colors::kText), LegendMark::kNumber});
    } else if (page.shows(Layer::kSites) && !plan.sites.empty()) {
        const bool small = style == SiteStyle::kSmallMarkers;
        const double size = style == SiteStyle::kDots ? 0.3 : (small ? kSmallMarkerScale : 1.0);
        if (has_level(core::SiteLevel::kDistrict)) {
            legend.rows.push_back(
                {core::tr(style == SiteStyle::kDots ? "outputs.legend.dots_district"
                          : small                   ? "outputs.legend.site_district_small"
                                                    : "outputs.legend.site_district"),
                 hex(colors::kSiteDistrict),
                 style == SiteStyle::kDots ? LegendMark::kDot : LegendMark::kStar, size});
        }
        if (has_level(core::SiteLevel::kTown)) {
            legend.rows.push_back({core::tr(style == SiteStyle::kDots ? "outputs.legend.dots_town"
                                            : small ? "outputs.legend.site_town_small"
                                                    : "outputs.legend.site_town"),
                                   hex(colors::kSiteTown), LegendMark::kDot,
                                   style == SiteStyle::kDots ? 0.4 : size});
        }
    }
    const bool markers = style == SiteStyle::kMarkers || style == SiteStyle::kSmallMarkers;
    if (page.shows(Layer::kReach) && markers && !plan.sites.empty()) {
        const bool network = in.analysis->distance() == core::DistanceMode::kNetwork;
        const std::string r = format_distance(in.analysis->radius_m());
        legend.rows.push_back(
            {core::tr(network ? "outputs.legend.reach_road" : "outputs.legend.reach_circle", {r}),
             hex(colors::kReach, network ? 0.5f : 0.3f),
             network ? LegendMark::kThickLine : LegendMark::kCircle});
    }
    if (page.shows(Layer::kBelts) && !plan.belts.empty()) {
        legend.rows.push_back(
            {core::tr("outputs.legend.belt", {format_distance(plan.belts[0].half_width_m)}),
             hex(colors::kBelt, 0.28f), LegendMark::kBand});
        legend.rows.push_back(
            {core::tr("outputs.legend.belt_road"), hex(colors::kBeltRoad), LegendMark::kThickLine});
        if (!in.analysis->belts().empty() && page.detail.village_outlines) {
            legend.rows.push_back({core::tr("outputs.legend.belt_member"), hex(colors::kBeltMember),
                                   LegendMark::kLine});
        }
    }
    if (page.shows(Layer::kJointOrgs) && !plan.joint_orgs.empty()) {
        legend.rows.push_back(
            {core::tr("outputs.legend.orgs"), hex(0x555555), LegendMark::kDiamond});
    }
    if (page.shows(Layer::kWorkStations) && !plan.work_stations.empty()) {
        legend.rows.push_back(
            {core::tr("outputs.legend.station"), hex(colors::kStation), LegendMark::kSquare});
    }
    if (page.shows(Layer::kRoads) && !plan.roads.empty()) {
        legend.rows.push_back({core::tr("outputs.legend.road"), hex(0x8c6d46), LegendMark::kLine});
    }
    if (page.shows(Layer::kTownships) && !plan.townships.empty()) {
        legend.rows.push_back({core::tr("outputs.legend.township"), hex(colors::kTownshipLine),
                               LegendMark::kThickLine});
    }
    if (in.approximate_areas) {
        legend.rows.push_back({core::tr("outputs.legend.approximate"), hex(0xffffff, 0.f)});
    }
    return legend;
}

}  // namespace beltplan::render::compose
