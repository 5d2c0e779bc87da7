// The map layers of a page as document items: village fills grouped by colour (one path per
// colour), outlines from the shared arcs (each boundary drawn once), townships, roads by class,
// reach (belts, groups, sites and labels in map_groups.cpp and map_marks.cpp), in order.
// Index: [SECTION] Geometry, [SECTION] Areas, [SECTION] Lines, [SECTION] Layers.
#include "render/doc_shapes.h"
#include "render/label_placement.h"
#include "render/map_compose.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace beltplan::render::compose {

// ------------------------------------------------------------------------------------------
// [SECTION] Geometry
// ------------------------------------------------------------------------------------------

namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

bool meets(const core::Box& a, const core::Box& b) {
    return a.valid() && b.valid() && a.min_x <= b.max_x && b.min_x <= a.max_x &&
           a.min_y <= b.max_y && b.min_y <= a.max_y;
}

void add_ring(PathItem& p, const MapView& v, const core::Ring& r) {
    if (r.size() < 4) {
        return;
    }
    p.begin_subpath();
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        p.add(v.to_page(r[i]));
    }
}

void add_shape(PathItem& p, const MapView& v, const core::MultiPolygon& m) {
    for (const core::Polygon& part : m.parts) {
        add_ring(p, v, part.outer);
        for (const core::Ring& h : part.holes) {
            add_ring(p, v, h);
        }
    }
}

void add_line(PathItem& p, const MapView& v, const core::LineString& l) {
    if (l.points.size() < 2) {
        return;
    }
    p.begin_subpath();
    for (const core::PointM& q : l.points) {
        p.add(v.to_page(q));
    }
}

PathItem stroke_item(const Rgba& color, double width, bool round) {
    PathItem p;
    p.closed = false;
    p.style.stroke = color;
    p.style.stroke_width = width;
    p.style.round = round;
    return p;
}

// The view's plan extent widened by `margin` page units (lines and markers near the edge).
core::Box view_box(const MapView& v, double margin) {
    core::Box b = v.visible();
    const double m = margin * v.metres_per_unit;
    return {b.min_x - m, b.min_y - m, b.max_x + m, b.max_y + m};
}

std::uint32_t pack(const Rgba& c) {
    return (static_cast<std::uint32_t>(to_byte(c.r)) << 24) | (to_byte(c.g) << 16) |
           (to_byte(c.b) << 8) | to_byte(c.a);
}

namespace {

// True when the page draws village boundaries (outlines, group edges, belt members).
bool draws_village_arcs(const PageContext& page) {
    const core::Plan& plan = page.plan();
    if (page.detail.sites == SiteStyle::kTownshipSummary) {
        return false;
    }
    return page.detail.village_outlines ||
           (page.shows(Layer::kJointOrgs) && !plan.joint_orgs.empty()) ||
           (page.shows(Layer::kWorkStations) && !plan.work_stations.empty());
}

}  // namespace

PageGeometry page_geometry(const PageContext& page) {
    const core::Plan& plan = page.plan();
    const core::Box box = view_box(page.view, 20.0);
    const double tol = page.detail.simplify_units * page.view.metres_per_unit;
    PageGeometry g;
    std::vector<const core::MultiPolygon*> shapes;
    std::size_t vertices = 0;
    if (page.detail.sites != SiteStyle::kTownshipSummary) {
        for (std::size_t i = 0; i < plan.villages.size(); ++i) {
            if (meets(core::bounds(plan.villages[i].shape), box)) {
                g.villages.push_back(i);
                shapes.push_back(&plan.villages[i].shape);
                vertices += core::vertex_count(plan.villages[i].shape);
            }
        }
    }
    // Rings of a few corners (grids, simple parcels) gain nothing from simplifying.
    const bool detailed = vertices > 8 * shapes.size();
    if (draws_village_arcs(page) || detailed) {
        g.village_s = core::ArcTopology(shapes).simplify(tol);
        for (const core::MultiPolygon& m : g.village_s.shapes) {
            g.village_fill.push_back(&m);
        }
    } else {
        g.village_fill = shapes;
    }
    shapes.clear();
    for (std::size_t i = 0; i < plan.townships.size(); ++i) {
        if (meets(core::bounds(plan.townships[i].shape), box)) {
            g.townships.push_back(i);
            shapes.push_back(&plan.townships[i].shape);
        }
    }
    g.township_s = core::ArcTopology(shapes).simplify(tol);
    return g;
}

MapView fit_clear_of_frame(const core::Box& box, const FrameLayout& layout, double margin) {
    const PageRect& area = layout.map_area;
    const MapView full = MapView::fit(box, area, margin);
    double left = area.x0;
    double right = area.x1;
    for (const PageRect* r : {&layout.stats, &layout.legend}) {
        left = r->width() > 0.0 ? std::max(left, r->x1 + 8.0 * layout.unit) : left;
    }
    for (const PageRect* r : {&layout.north_arrow, &layout.scale_bar}) {
        right = r->width() > 0.0 ? std::min(right, r->x0 - 8.0 * layout.unit) : right;
    }
    if (right - left < 0.5 * area.width()) {
        return full;
    }
    const MapView clear = MapView::fit_within(box, {left, area.y0, right, area.y1}, area, margin);
    return clear.metres_per_unit <= 1.15 * full.metres_per_unit ? clear : full;
}

std::vector<PagePoint> sites_on_page(const core::Plan& plan, const MapView& view) {
    std::vector<PagePoint> out;
    for (const core::Site& s : plan.sites) {
        const PagePoint p = view.to_page(s.position);
        if (view.area.contains(p)) {
            out.push_back(p);
        }
    }
    return out;
}

std::size_t villages_in_view(const core::Plan& plan, const MapView& view) {
    const core::Box box = view.visible();
    std::size_t n = 0;
    for (const core::Village& v : plan.villages) {
        n += meets(core::bounds(v.shape), box) ? 1 : 0;
    }
    return n;
}

Rgba summary_color(double share) {
    // ColorBrewer RdYlGn, five classes: low shares red, high shares green.
    static const std::uint32_t kClasses[] = {0xd7191c, 0xfdae61, 0xffffbf, 0xa6d96a, 0x1a9641};
    return hex(kClasses[std::clamp(static_cast<int>(share * 5.0), 0, 4)]);
}

// ------------------------------------------------------------------------------------------
// [SECTION] Areas
// ------------------------------------------------------------------------------------------

namespace {

void add_village_fills(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                       const PageRect& clip) {
    DocLayer& layer = doc.add_layer("villages", clip);
    const float opacity = page.in->basemap != nullptr ? 0.7f : 1.f;
    std::map<std::uint32_t, std::size_t> item_of;  // colour -> item index
    for (std::size_t k = 0; k < g.villages.size(); ++k) {
        const core::Village& v = page.plan().villages[g.villages[k]];
        Rgba c = page.fill[g.villages[k]];
        if (!page.focus_town.empty() && v.town_code != page.focus_town) {
            c = hex(0xe4e4e4);
        }
        if (c.a <= 0.f) {
            continue;
        }
        c.a *= opacity;
        auto [it, added] = item_of.emplace(pack(c), layer.items.size());
        if (added) {
            PathItem p;
            p.style.fill = c;
            layer.items.push_back(std::move(p));
        }
        add_shape(std::get<PathItem>(layer.items[it->second]), page.view, *g.village_fill[k]);
    }
}

void add_township_summary(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                          const PageRect& clip) {
    DocLayer& layer = doc.add_layer("township_summary", clip);
    std::unordered_map<std::string, double> share;
    for (const analysis::CoverageCount& t : page.in->analysis->coverage().by_township) {
        share[t.key] = analysis::village_share(t);
    }
    std::map<std::uint32_t, std::size_t> item_of;
    for (std::size_t k = 0; k < g.townships.size(); ++k) {
        const core::Township& t = page.plan().townships[g.townships[k]];
        const auto it = share.find(t.code);
        const Rgba c = it == share.end() ? hex(colors::kNoData) : summary_color(it->second);
        auto [slot, added] = item_of.emplace(pack(c), layer.items.size());
        if (added) {
            PathItem p;
            p.style.fill = c;
            layer.items.push_back(std::move(p));
        }
        add_shape(std::get<PathItem>(layer.items[slot->second]), page.view, g.township_s.shapes[k]);
    }
}

void add_townships(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                   const PageRect& clip, bool fills) {
    DocLayer& layer = doc.add_layer(fills ? "townships" : "township_lines", clip);
    if (fills) {
        for (std::size_t k = 0; k < g.townships.size(); ++k) {
            const std::size_t t = g.townships[k];
            PathItem p;
            p.style.fill =
                page.focus_town.empty() || page.plan().townships[t].code == page.focus_town
                    ? mix(categorical(t), hex(0xffffff), 0.55f)
                    : hex(0xf0f0f0);
            add_shape(p, page.view, g.township_s.shapes[k]);
            layer.items.push_back(std::move(p));
        }
        return;
    }
    // Thinner where townships are small on the page.
    const double town_size = page.detail.village_size * 10.0;
    PathItem lines =
        stroke_item(hex(colors::kTownshipLine), std::clamp(town_size / 30.0, 0.6, 2.2) * page.unit);
    for (const core::LineString& arc : g.township_s.arcs) {
        add_line(lines, page.view, arc);
    }
    layer.items.push_back(std::move(lines));
}

void add_village_lines(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                       const PageRect& clip) {
    DocLayer& layer = doc.add_layer("village_lines", clip);
    PathItem lines = stroke_item(hex(colors::kVillageLine), 0.7 * page.unit);
    for (const core::LineString& arc : g.village_s.arcs) {
        add_line(lines, page.view, arc);
    }
    layer.items.push_back(std::move(lines));
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] Lines
// ------------------------------------------------------------------------------------------

namespace {

void add_roads(MapDocument& doc, const PageContext& page, const PageRect& clip) {
    DocLayer& layer = doc.add_layer("roads", clip);
    std::set<std::string> belt_roads;
    for (const core::Belt& b : page.plan().belts) {
        belt_roads.insert(b.roads.begin(), b.roads.end());
    }
    const core::Box box = view_box(page.view, 10.0);
    const double tol = page.detail.simplify_units * page.view.metres_per_unit;
    std::map<int, std::pair<RoadStyle, std::vector<core::LineString>>> by_rank;
    for (const core::Road& road : page.plan().roads) {
        const RoadStyle style =
            belt_roads.count(road.name) != 0 ? belt_road_style() : road_style(road.road_class);
        // Where villages are too small for outlines, township and village roads are noise.
        if (!page.detail.village_outlines && style.rank < 2) {
            continue;
        }
        auto& entry =
            by_rank.emplace(style.rank, std::make_pair(style, std::vector<core::LineString>{}))
                .first->second;
        for (const core::LineString& part : road.parts) {
            if (meets(core::bounds(part), box)) {
                entry.second.push_back(core::simplify_line(part, tol));
            }
        }
    }
    const double u = page.unit;
    for (const auto& [rank, entry] : by_rank) {  // minor classes first, belt roads on top
        const RoadStyle& s = entry.first;
        if (s.casing_px > 0.f) {
            PathItem casing = stroke_item(s.casing, s.casing_px * u);
            for (const core::LineString& l : entry.second) {
                add_line(casing, page.view, l);
            }
            layer.items.push_back(std::move(casing));
        }
        PathItem fill = stroke_item(s.fill, s.width_px * u);
        for (const core::LineString& l : entry.second) {
            add_line(fill, page.view, l);
        }
        layer.items.push_back(std::move(fill));
    }
}

void add_reach(MapDocument& doc, const PageContext& page, const PageRect& clip) {
    DocLayer& layer = doc.add_layer("reach", clip);
    const Rgba c = hex(colors::kReach);
    const core::Plan& plan = page.plan();
    const analysis::PlanAnalysis& results = *page.in->analysis;
    if (results.distance() == core::DistanceMode::kNetwork) {
        PathItem lines = stroke_item({c.r, c.g, c.b, 0.45f}, 7.0 * page.unit);
        for (const core::LineString& l :
             analysis::roads_within(results.road_pieces(), results.radius_m())) {
            add_line(lines, page.view, l);
        }
        layer.items.push_back(std::move(lines));
        return;
    }
    const double r = results.radius_m() / page.view.metres_per_unit;
    if (r < 1.0) {
        return;
    }
    PathItem discs;
    discs.style.fill = {c.r, c.g, c.b, 0.08f};
    discs.style.stroke = {c.r, c.g, c.b, 0.55f};
    discs.style.stroke_width = 1.0;
    const PageRect& a = page.view.area;
    for (const core::Site& s : plan.sites) {
        const PagePoint p = page.view.to_page(s.position);
        if (p.x + r < a.x0 || p.x - r > a.x1 || p.y + r < a.y0 || p.y - r > a.y1) {
            continue;
        }
        discs.begin_subpath();
        for (int i = 0; i < 72; ++i) {
            const double t = 2.0 * kPi * i / 72.0;
            discs.add({p.x + r * std::cos(t), p.y + r * std::sin(t)});
        }
    }
    layer.items.push_back(std::move(discs));
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] Layers
// ------------------------------------------------------------------------------------------

void add_map_layers(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                    const std::vector<PageRect>& reserved) {
    const PageRect clip = page.view.area;
    if (page.shows(Layer::kBasemap) && page.in->basemap != nullptr && !page.in->basemap->empty()) {
        const core::Box& b = page.in->basemap->bounds;
        const PagePoint a = page.view.to_page({b.min_x, b.max_y});
        const PagePoint z = page.view.to_page({b.max_x, b.min_y});
        RasterItem r;
        r.image = std::make_shared<core::RasterImage>(*page.in->basemap);
        r.rect = {a.x, a.y, z.x, z.y};
        doc.add_layer("basemap", clip).items.push_back(std::move(r));
    }
    const bool summary = page.detail.sites == SiteStyle::kTownshipSummary;
    if (page.shows(Layer::kTownships) && page.in->basemap == nullptr) {
        add_townships(doc, page, g, clip, true);
    }
    if (page.shows(Layer::kVillages)) {
        summary ? add_township_summary(doc, page, g, clip) : add_village_fills(doc, page, g, clip);
        if (page.detail.village_outlines && !summary) {
            add_village_lines(doc, page, g, clip);
        }
    }
    if (page.shows(Layer::kTownships)) {
        add_townships(doc, page, g, clip, false);
    }
    // Drawing order as the window's scene: reach and belt bands under the roads, outlines
    // of belt members and groups over them, then markers and names.
    const bool markers =
        page.detail.sites == SiteStyle::kMarkers || page.detail.sites == SiteStyle::kSmallMarkers;
    if (page.shows(Layer::kReach) && markers && !page.plan().sites.empty()) {
        add_reach(doc, page, clip);
    }
    const bool belts = page.shows(Layer::kBelts) && !page.plan().belts.empty();
    if (belts) {
        add_belt_bands(doc, page, clip);
    }
    if (page.shows(Layer::kRoads)) {
        add_roads(doc, page, clip);
    }
    if (belts && page.detail.village_outlines) {  // else the band alone: no navy carpet
        add_belt_members(doc, page, g, clip);
    }
    if (page.shows(Layer::kJointOrgs) && !page.plan().joint_orgs.empty()) {
        add_orgs(doc, page, g, clip);
    }
    if (page.shows(Layer::kWorkStations) && !page.plan().work_stations.empty()) {
        add_stations(doc, page, g, clip);
    }
    if (!page.focus_town.empty()) {  // the atlas page's township, outlined above its groups
        PathItem outline = stroke_item(hex(0x222222), 3.0 * page.unit);
        for (std::size_t k = 0; k < g.townships.size(); ++k) {
            if (page.plan().townships[g.townships[k]].code == page.focus_town) {
                for (const core::Polygon& part : g.township_s.shapes[k].parts) {
                    add_ring(outline, page.view, part.outer);
                }
            }
        }
        outline.closed = true;  // rings, stroked only (no fill)
        doc.add_layer("focus_outline", clip).items.push_back(std::move(outline));
    }
    const std::vector<PageRect> marks = add_sites(doc, page, g, clip, reserved);
    if (page.shows(Layer::kLabels)) {
        add_labels(doc, page, g, marks, reserved);
    }
}

}  // namespace beltplan::render::compose
