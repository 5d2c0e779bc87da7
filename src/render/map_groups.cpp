// Belts, joint organizations and work stations on a page: belt bands as wide translucent
// strokes, and each group outlined by the arcs on its edge (an arc with the group on one side
// only), so shared boundaries are drawn once and groups need no polygon union.
#include "render/map_compose.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace beltplan::render::compose {

namespace {

// Arcs on the edge of each group: an arc with the group on one side only. `groups_of[k]`
// lists the groups of village g.villages[k].
std::vector<PathItem> group_edges(const PageContext& page, const PageGeometry& g,
                                  const std::vector<std::vector<int>>& groups_of,
                                  const std::vector<Rgba>& group_color, double width) {
    std::vector<PathItem> items;
    std::map<std::uint32_t, std::size_t> item_of;
    static const std::vector<int> kNone;
    for (std::size_t a = 0; a < g.village_s.arcs.size(); ++a) {
        const auto& sides = g.village_s.arc_shapes[a];
        const auto& left = sides[0] >= 0 ? groups_of[static_cast<std::size_t>(sides[0])] : kNone;
        const auto& right = sides[1] >= 0 ? groups_of[static_cast<std::size_t>(sides[1])] : kNone;
        for (const auto* side : {&left, &right}) {
            const auto& other = side == &left ? right : left;
            for (int grp : *side) {
                if (std::find(other.begin(), other.end(), grp) != other.end()) {
                    continue;
                }
                const Rgba c = group_color[static_cast<std::size_t>(grp)];
                auto [it, added] = item_of.emplace(pack(c), items.size());
                if (added) {
                    items.push_back(stroke_item(c, width));
                }
                add_line(items[it->second], page.view, g.village_s.arcs[a]);
            }
        }
    }
    return items;
}

// For every village in view, the groups (indices) whose member list names it.
template <typename Group>
std::vector<std::vector<int>> membership(const PageContext& page, const PageGeometry& g,
                                         const std::vector<Group>& groups) {
    std::unordered_map<std::string, std::size_t> slot;
    for (std::size_t k = 0; k < g.villages.size(); ++k) {
        slot.emplace(page.plan().villages[g.villages[k]].code, k);
    }
    std::vector<std::vector<int>> out(g.villages.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
        for (const std::string& code : groups[i].members) {
            if (auto it = slot.find(code); it != slot.end()) {
                out[it->second].push_back(static_cast<int>(i));
            }
        }
    }
    return out;
}

void add_seats(DocLayer& layer, const PageContext& page, MarkerShape shape, double size,
               const std::vector<std::pair<std::string, Rgba>>& seats) {
    const auto index = core::village_index(page.plan());
    std::map<std::uint32_t, MarkerItem> by_color;
    for (const auto& [code, color] : seats) {
        auto it = index.find(code);
        if (it == index.end()) {
            continue;
        }
        MarkerItem& m = by_color[pack(color)];
        m.shape = shape;
        m.size = size;
        m.fill = color;
        m.rim_width = 1.0 * page.unit;
        m.at.push_back(page.view.to_page(core::anchor(page.plan().villages[it->second])));
    }
    for (auto& [key, m] : by_color) {
        layer.items.push_back(std::move(m));
    }
}

}  // namespace

void add_belt_bands(MapDocument& doc, const PageContext& page, const PageRect& clip) {
    DocLayer& layer = doc.add_layer("belt_bands", clip);
    const core::Plan& plan = page.plan();
    for (const core::Belt& belt : plan.belts) {
        PathItem band = stroke_item(hex(colors::kBelt, 0.28f),
                                    2.0 * belt.half_width_m / page.view.metres_per_unit);
        for (const core::Road& road : plan.roads) {
            if (std::find(belt.roads.begin(), belt.roads.end(), road.name) != belt.roads.end()) {
                for (const core::LineString& part : road.parts) {
                    add_line(band, page.view, part);
                }
            }
        }
        layer.items.push_back(std::move(band));
    }
}

void add_belt_members(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                      const PageRect& clip) {
    DocLayer& layer = doc.add_layer("belt_members", clip);
    std::set<std::size_t> members;
    for (const analysis::BeltResult& r : page.in->analysis->belts()) {
        for (int v : r.members) {
            members.insert(static_cast<std::size_t>(v));
        }
    }
    PathItem outlines = stroke_item(hex(colors::kBeltMember), 1.6 * page.unit);
    for (std::size_t a = 0; a < g.village_s.arcs.size(); ++a) {
        for (int side : g.village_s.arc_shapes[a]) {
            if (side >= 0 && members.count(g.villages[static_cast<std::size_t>(side)]) != 0) {
                add_line(outlines, page.view, g.village_s.arcs[a]);
                break;
            }
        }
    }
    layer.items.push_back(std::move(outlines));
}

void add_orgs(MapDocument& doc, const PageContext& page, const PageGeometry& g,
              const PageRect& clip) {
    DocLayer& layer = doc.add_layer("orgs", clip);
    const core::Plan& plan = page.plan();
    const std::vector<int> color = joint_org_color_indices(plan, page.in->analysis->contiguity());
    std::vector<Rgba> line_color;
    std::vector<std::pair<std::string, Rgba>> leads;
    for (std::size_t i = 0; i < plan.joint_orgs.size(); ++i) {
        const Rgba base = categorical(static_cast<std::size_t>(color[i]));
        line_color.push_back(mix(base, hex(0x000000), 0.35f));
        leads.emplace_back(plan.joint_orgs[i].lead, mix(base, hex(0x000000), 0.45f));
    }
    for (PathItem& p :
         group_edges(page, g, membership(page, g, plan.joint_orgs), line_color, 3.0 * page.unit)) {
        layer.items.push_back(std::move(p));
    }
    add_seats(layer, page, MarkerShape::kDiamond, 13.0 * page.unit, leads);
}

void add_stations(MapDocument& doc, const PageContext& page, const PageGeometry& g,
                  const PageRect& clip) {
    DocLayer& layer = doc.add_layer("stations", clip);
    const core::Plan& plan = page.plan();
    const std::vector<Rgba> color(plan.work_stations.size(), hex(colors::kStation));
    for (PathItem& p :
         group_edges(page, g, membership(page, g, plan.work_stations), color, 2.6 * page.unit)) {
        layer.items.push_back(std::move(p));
    }
    std::vector<std::pair<std::string, Rgba>> seats;
    for (const core::WorkStation& ws : plan.work_stations) {
        seats.emplace_back(ws.seat_village, hex(colors::kStation));
    }
    add_seats(layer, page, MarkerShape::kSquare, 12.0 * page.unit, seats);
}

}  // namespace beltplan::render::compose
