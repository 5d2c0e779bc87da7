// Road generation: belt roads, county links (Kruskal + shortcuts), township trees (Prim), and
// shared vertices at every crossing.
//
// Index: [SECTION] Helpers  [SECTION] Belt roads  [SECTION] County links
//        [SECTION] Township roads  [SECTION] Junctions
#include "sample/roads.h"

#include "sample/outline.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <string>
#include <tuple>

namespace beltplan::tools {

namespace {

// ------------------------------------------------------------------------------------------
// [SECTION] Helpers
// ------------------------------------------------------------------------------------------

using Key = std::pair<double, double>;
Key key(const core::PointM& p) {
    return {p.x, p.y};
}

// A polyline from a to b with one midpoint pushed sideways, so roads do not look ruled.
std::vector<core::PointM> bent(const core::PointM& a, const core::PointM& b, Rng& rng) {
    const double len = core::distance_m(a, b);
    const double shift = std::clamp(rng.normal() * 0.06 * len, -600.0, 600.0);
    const core::PointM mid{(a.x + b.x) / 2 + shift * -(b.y - a.y) / std::max(len, 1.0),
                           (a.y + b.y) / 2 + shift * (b.x - a.x) / std::max(len, 1.0)};
    if (len < 400.0) {
        return {a, b};
    }
    return {a, round_cm(mid), b};
}

// A polyline through the anchors, each leg bent.
core::LineString through(const std::vector<core::PointM>& anchors, Rng& rng) {
    core::LineString line;
    for (std::size_t i = 0; i + 1 < anchors.size(); ++i) {
        const std::vector<core::PointM> leg = bent(anchors[i], anchors[i + 1], rng);
        line.points.insert(line.points.end(), leg.begin() + (i == 0 ? 0 : 1), leg.end());
    }
    return line;
}

bool inside_along(const core::MultiPolygon& outline, const core::PointM& a, const core::PointM& b) {
    const int steps = std::max(1, static_cast<int>(core::distance_m(a, b) / 250.0));
    for (int s = 0; s <= steps; ++s) {
        const double t = static_cast<double>(s) / steps;
        if (!core::contains(outline, {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)})) {
            return false;
        }
    }
    return true;
}

int find(std::vector<int>& parent, int i) {
    while (parent[static_cast<std::size_t>(i)] != i) {
        i = parent[static_cast<std::size_t>(i)] =
            parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(i)])];
    }
    return i;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Belt roads
// ------------------------------------------------------------------------------------------

// Anchor points of a belt road: its villages' seats and its towns' seats ordered by their
// projection on the road's main axis, extended at each end to the nearest town seat beyond.
std::vector<core::PointM> belt_anchors(const BeltRoadSpec& belt, std::size_t b,
                                       const std::vector<TownState>& towns,
                                       const std::vector<VillageState>& villages) {
    const core::PointM from = towns[static_cast<std::size_t>(belt.towns.front())].site;
    const core::PointM to = towns[static_cast<std::size_t>(belt.towns.back())].site;
    const double len = core::distance_m(from, to);
    const core::PointM axis{(to.x - from.x) / len, (to.y - from.y) / len};
    auto along = [&](const core::PointM& p) {
        return (p.x - from.x) * axis.x + (p.y - from.y) * axis.y;
    };
    std::vector<core::PointM> pts;
    std::set<Key> seen;
    for (const VillageState& v : villages) {
        if (v.belt == static_cast<int>(b) && seen.insert(key(v.seat)).second) {
            pts.push_back(v.seat);
        }
    }
    for (int t : belt.towns) {
        const core::PointM s = towns[static_cast<std::size_t>(t)].seat;
        if (seen.insert(key(s)).second) {
            pts.push_back(s);
        }
    }
    std::sort(pts.begin(), pts.end(), [&](const core::PointM& p, const core::PointM& q) {
        return along(p) < along(q) || (along(p) == along(q) && key(p) < key(q));
    });
    // Extensions: the nearest other town seat (or the city) beyond each end, within 12 km.
    const double lo = along(pts.front());
    const double hi = along(pts.back());
    const core::PointM* start = nullptr;
    const core::PointM* end = nullptr;
    for (const TownState& t : towns) {
        if (seen.count(key(t.seat)) != 0) {
            continue;
        }
        const double s = along(t.seat);
        if (s < lo - 500.0 && core::distance_m(t.seat, pts.front()) < 12000.0 &&
            (start == nullptr ||
             core::distance_m(t.seat, pts.front()) < core::distance_m(*start, pts.front()))) {
            start = &t.seat;
        }
        if (s > hi + 500.0 && core::distance_m(t.seat, pts.back()) < 12000.0 &&
            (end == nullptr ||
             core::distance_m(t.seat, pts.back()) < core::distance_m(*end, pts.back()))) {
            end = &t.seat;
        }
    }
    if (start != nullptr) {
        pts.insert(pts.begin(), *start);
    }
    if (end != nullptr) {
        pts.push_back(*end);
    }
    return pts;
}

// ------------------------------------------------------------------------------------------
// [SECTION] County links
// ------------------------------------------------------------------------------------------

struct Edge {
    double length_m;
    int a;
    int b;
    bool operator<(const Edge& o) const {
        return std::tie(length_m, a, b) < std::tie(o.length_m, o.a, o.b);
    }
};

// Shortest path length between two seats over the edges so far (Dijkstra on a tiny graph).
double graph_distance(const std::vector<Edge>& edges, int n, int from, int to) {
    std::vector<double> dist(static_cast<std::size_t>(n), 1e300);
    std::vector<bool> done(static_cast<std::size_t>(n), false);
    dist[static_cast<std::size_t>(from)] = 0.0;
    for (int round = 0; round < n; ++round) {
        int u = -1;
        for (int i = 0; i < n; ++i) {
            if (!done[static_cast<std::size_t>(i)] &&
                (u < 0 || dist[static_cast<std::size_t>(i)] < dist[static_cast<std::size_t>(u)])) {
                u = i;
            }
        }
        done[static_cast<std::size_t>(u)] = true;
        for (const Edge& e : edges) {
            const int v = e.a == u ? e.b : (e.b == u ? e.a : -1);
            if (v >= 0) {
                dist[static_cast<std::size_t>(v)] =
                    std::min(dist[static_cast<std::size_t>(v)],
                             dist[static_cast<std::size_t>(u)] + e.length_m);
            }
        }
    }
    return dist[static_cast<std::size_t>(to)];
}

std::vector<Edge> county_links(const std::vector<TownState>& towns,
                               const std::vector<std::vector<core::PointM>>& belt_lines,
                               const core::MultiPolygon& outline) {
    const int n = static_cast<int>(towns.size());
    std::vector<Edge> graph;  // belt-road legs between seats, then the chosen links
    std::vector<int> parent(static_cast<std::size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    for (const auto& line : belt_lines) {
        int previous = -1;
        double run = 0.0;
        for (std::size_t k = 0; k < line.size(); ++k) {
            run += k > 0 ? core::distance_m(line[k - 1], line[k]) : 0.0;
            for (int t = 0; t < n; ++t) {
                if (towns[static_cast<std::size_t>(t)].seat == line[k]) {
                    if (previous >= 0) {
                        graph.push_back({run, previous, t});
                        parent[static_cast<std::size_t>(find(parent, previous))] = find(parent, t);
                    }
                    previous = t;
                    run = 0.0;
                }
            }
        }
    }
    std::vector<Edge> candidates;
    for (int a = 0; a < n; ++a) {
        for (int b = a + 1; b < n; ++b) {
            const core::PointM& pa = towns[static_cast<std::size_t>(a)].seat;
            const core::PointM& pb = towns[static_cast<std::size_t>(b)].seat;
            if (inside_along(outline, pa, pb)) {
                candidates.push_back({core::distance_m(pa, pb), a, b});
            }
        }
    }
    std::sort(candidates.begin(), candidates.end());
    std::vector<Edge> links;
    for (const Edge& e : candidates) {
        if (find(parent, e.a) != find(parent, e.b)) {
            parent[static_cast<std::size_t>(find(parent, e.a))] = find(parent, e.b);
            links.push_back(e);
            graph.push_back(e);
        }
    }
    // Shortcuts where the tree makes a long detour.
    int extras = 0;
    for (const Edge& e : candidates) {
        if (extras < 6 && e.length_m < 15000.0 &&
            graph_distance(graph, n, e.a, e.b) > 1.7 * e.length_m) {
            links.push_back(e);
            graph.push_back(e);
            ++extras;
        }
    }
    return links;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Township roads
// ------------------------------------------------------------------------------------------

// Prim's tree over the town seat and its villages' seats, skipping legs a belt road already
// covers; one Road per town with one part per leg.
core::Road township_road(const TownState& town, int t, const std::vector<VillageState>& villages,
                         const std::set<std::pair<Key, Key>>& belt_legs, Rng& rng) {
    std::vector<core::PointM> nodes{town.seat};
    std::set<Key> seen{key(town.seat)};
    for (const VillageState& v : villages) {
        if (v.town == t && seen.insert(key(v.seat)).second) {
            nodes.push_back(v.seat);
        }
    }
    core::Road road;
    const std::string stem =
        town.urban ? town.name.substr(0, town.name.size() - std::string("办事处").size())
                   : town.name;
    road.name = stem + (town.urban ? "社区道路" : "村道");
    road.road_class = "township";
    std::vector<bool> in(nodes.size(), false);
    std::vector<double> best(nodes.size(), 1e300);
    std::vector<std::size_t> via(nodes.size(), 0);
    best[0] = 0.0;
    for (std::size_t round = 0; round < nodes.size(); ++round) {
        std::size_t u = nodes.size();
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (!in[i] && (u == nodes.size() || best[i] < best[u])) {
                u = i;
            }
        }
        in[u] = true;
        if (round > 0) {
            const Key a = key(nodes[via[u]]);
            const Key b = key(nodes[u]);
            if (belt_legs.count({a, b}) == 0 && belt_legs.count({b, a}) == 0) {
                road.parts.push_back({bent(nodes[via[u]], nodes[u], rng)});
            }
        }
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const double d = core::distance_m(nodes[u], nodes[i]);
            if (!in[i] && d < best[i]) {
                best[i] = d;
                via[i] = u;
            }
        }
    }
    return road;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Junctions
// ------------------------------------------------------------------------------------------

struct SegmentRef {
    std::size_t road;
    std::size_t part;
    std::size_t index;  // segment from points[index] to points[index + 1]
};

// Inserts a shared vertex wherever two road segments cross; a crossing within 1 m of a
// segment end uses that end.
void add_junctions(std::vector<core::Road>& roads) {
    std::vector<SegmentRef> segs;
    for (std::size_t r = 0; r < roads.size(); ++r) {
        for (std::size_t p = 0; p < roads[r].parts.size(); ++p) {
            for (std::size_t i = 0; i + 1 < roads[r].parts[p].points.size(); ++i) {
                segs.push_back({r, p, i});
            }
        }
    }
    auto pt = [&](const SegmentRef& s, std::size_t k) {
        return roads[s.road].parts[s.part].points[s.index + k];
    };
    // Insertions per segment: (parameter, point).
    std::vector<std::vector<std::pair<double, core::PointM>>> inserts(segs.size());
    for (std::size_t i = 0; i < segs.size(); ++i) {
        const core::PointM a = pt(segs[i], 0), b = pt(segs[i], 1);
        for (std::size_t j = i + 1; j < segs.size(); ++j) {
            const core::PointM c = pt(segs[j], 0), d = pt(segs[j], 1);
            if (std::max(a.x, b.x) < std::min(c.x, d.x) ||
                std::max(c.x, d.x) < std::min(a.x, b.x) ||
                std::max(a.y, b.y) < std::min(c.y, d.y) ||
                std::max(c.y, d.y) < std::min(a.y, b.y)) {
                continue;
            }
            if (a == c || a == d || b == c || b == d) {
                continue;  // already joined at a shared end
            }
            const double den = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x);
            if (den == 0.0) {
                continue;
            }
            const double t = ((c.x - a.x) * (d.y - c.y) - (c.y - a.y) * (d.x - c.x)) / den;
            const double u = ((c.x - a.x) * (b.y - a.y) - (c.y - a.y) * (b.x - a.x)) / den;
            if (t < 0.0 || t > 1.0 || u < 0.0 || u > 1.0) {
                continue;
            }
            core::PointM x = round_cm(core::PointM{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
            for (const core::PointM& end : {a, b, c, d}) {
                if (core::distance_m(x, end) < 1.0) {
                    x = end;
                }
            }
            if (x != a && x != b) {
                inserts[i].push_back({t, x});
            }
            if (x != c && x != d) {
                inserts[j].push_back({u, x});
            }
        }
    }
    for (std::size_t r = 0, s = 0; r < roads.size(); ++r) {
        for (core::LineString& part : roads[r].parts) {
            std::vector<core::PointM> out{part.points.front()};
            for (std::size_t i = 0; i + 1 < part.points.size(); ++i, ++s) {
                std::sort(inserts[s].begin(), inserts[s].end(),
                          [](const auto& p, const auto& q) { return p.first < q.first; });
                for (const auto& ins : inserts[s]) {
                    if (out.back() != ins.second) {
                        out.push_back(ins.second);
                    }
                }
                if (out.back() != part.points[i + 1]) {
                    out.push_back(part.points[i + 1]);
                }
            }
            part.points = std::move(out);
        }
    }
}

}  // namespace

std::vector<core::Road> make_roads(const std::vector<TownState>& towns,
                                   const std::vector<VillageState>& villages,
                                   const std::vector<BeltRoadSpec>& belts,
                                   const core::Polygon& outline, Rng& rng) {
    std::vector<core::Road> roads;
    std::vector<std::vector<core::PointM>> belt_lines;
    std::set<std::pair<Key, Key>> belt_legs;
    for (std::size_t b = 0; b < belts.size(); ++b) {
        belt_lines.push_back(belt_anchors(belts[b], b, towns, villages));
        const auto& anchors = belt_lines.back();
        for (std::size_t k = 0; k + 1 < anchors.size(); ++k) {
            belt_legs.insert({key(anchors[k]), key(anchors[k + 1])});
        }
        core::Road road;
        road.name = belts[b].name;
        road.road_class = "county";
        road.parts.push_back(through(anchors, rng));
        roads.push_back(std::move(road));
    }
    const core::MultiPolygon shape{{outline}};
    int number = 401;
    for (const Edge& e : county_links(towns, belt_lines, shape)) {
        core::Road road;
        road.name = "X" + std::to_string(number++);
        road.road_class = "county";
        road.parts.push_back({bent(towns[static_cast<std::size_t>(e.a)].seat,
                                   towns[static_cast<std::size_t>(e.b)].seat, rng)});
        roads.push_back(std::move(road));
    }
    for (std::size_t t = 0; t < towns.size(); ++t) {
        core::Road road = township_road(towns[t], static_cast<int>(t), villages, belt_legs, rng);
        if (!road.parts.empty()) {
            roads.push_back(std::move(road));
        }
    }
    add_junctions(roads);
    return roads;
}

}  // namespace beltplan::tools
