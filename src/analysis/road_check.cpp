// Road layer check: pieces by union-find over the graph's nodes, dangling ends and crossings by
// an R-tree over the graph's segments, duplicates and dropped segments from the build report.
#include "analysis/road_check.h"

#include "core/messages.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

namespace beltplan::analysis {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;
using Entry = std::pair<BBox, int>;
using Tree = bgi::rtree<Entry, bgi::rstar<16>>;

using Segment = RoadNetwork::SegmentInfo;

Tree segment_tree(const RoadNetwork& net) {
    std::vector<Entry> entries;
    for (int i = 0; i < static_cast<int>(net.segment_count()); ++i) {
        const Segment& s = net.segment(i);
        entries.emplace_back(BBox(BPoint(std::min(s.pa.x, s.pb.x), std::min(s.pa.y, s.pb.y)),
                                  BPoint(std::max(s.pa.x, s.pb.x), std::max(s.pa.y, s.pb.y))),
                             i);
    }
    return Tree(entries.begin(), entries.end());
}

// Pieces (connected components), the longest first.
void find_pieces(const RoadNetwork& net, RoadCheck& out) {
    std::vector<int> parent(net.node_count());
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[static_cast<std::size_t>(x)] != x) {
            x = parent[static_cast<std::size_t>(x)] =
                parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
        }
        return x;
    };
    const int n = static_cast<int>(net.segment_count());
    for (int i = 0; i < n; ++i) {
        parent[static_cast<std::size_t>(find(net.segment(i).a))] = find(net.segment(i).b);
    }
    std::map<int, int> piece_of_root;
    std::vector<RoadGraphPiece> pieces;
    std::vector<int> raw(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const Segment& s = net.segment(i);
        const auto [it, fresh] = piece_of_root.emplace(find(s.a), static_cast<int>(pieces.size()));
        if (fresh) {
            pieces.emplace_back();
        }
        RoadGraphPiece& p = pieces[static_cast<std::size_t>(it->second)];
        p.length_m += s.length_m;
        ++p.segments;
        p.box.expand(s.pa);
        p.box.expand(s.pb);
        raw[static_cast<std::size_t>(i)] = it->second;
        out.length_m += s.length_m;
    }
    std::vector<int> order(pieces.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return pieces[static_cast<std::size_t>(a)].length_m >
               pieces[static_cast<std::size_t>(b)].length_m;
    });
    std::vector<int> rank(pieces.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        rank[static_cast<std::size_t>(order[k])] = static_cast<int>(k);
        out.pieces.push_back(pieces[static_cast<std::size_t>(order[k])]);
    }
    for (int r : raw) {
        out.segment_piece.push_back(rank[static_cast<std::size_t>(r)]);
    }
}

void place_villages_and_sites(const core::Plan& plan, const RoadNetwork& net, RoadCheck& out) {
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        const Attachment a = net.attach(core::anchor(plan.villages[v]));
        const int piece =
            a.segment < 0 ? -1 : out.segment_piece[static_cast<std::size_t>(a.segment)];
        out.village_piece.push_back(piece);
        if (piece >= 0) {
            out.pieces[static_cast<std::size_t>(piece)].villages.push_back(static_cast<int>(v));
        }
        if (piece > 0) {
            out.cut_off.push_back(static_cast<int>(v));
        }
    }
    for (const core::Site& s : plan.sites) {
        const Attachment a = net.attach(s.position);
        if (a.segment >= 0) {
            ++out.pieces[static_cast<std::size_t>(
                             out.segment_piece[static_cast<std::size_t>(a.segment)])]
                  .sites;
        }
    }
}

// Line ends joined to nothing, with another line's segment within the undershoot distance.
void dangling_ends(const RoadNetwork& net, const Tree& tree, double within_m,
                   std::vector<RoadProblem>& out) {
    std::vector<Entry> near;
    for (const RoadNetwork::LineEnd& e : net.build_report().ends) {
        if (e.node < 0 || e.joined_segment || net.degree(e.node) != 1) {
            continue;
        }
        near.clear();
        tree.query(bgi::intersects(BBox(BPoint(e.at.x - within_m, e.at.y - within_m),
                                        BPoint(e.at.x + within_m, e.at.y + within_m))),
                   std::back_inserter(near));
        std::sort(near.begin(), near.end(),
                  [](const Entry& a, const Entry& b) { return a.second < b.second; });
        double best = within_m;
        RoadProblem p;
        for (const Entry& entry : near) {
            const Segment& s = net.segment(entry.second);
            if ((s.road == e.road && s.part == e.part) || s.a == e.node || s.b == e.node) {
                continue;  // its own line, or a road it already meets in its node
            }
            const double d = core::distance_to_segment_m(e.at, s.pa, s.pb);
            if (d < best || (d == best && p.other_road < 0)) {
                best = d;
                const double dx = s.pb.x - s.pa.x;
                const double dy = s.pb.y - s.pa.y;
                const double len2 = dx * dx + dy * dy;
                const double t =
                    len2 == 0 ? 0
                              : std::clamp(((e.at.x - s.pa.x) * dx + (e.at.y - s.pa.y) * dy) / len2,
                                           0.0, 1.0);
                p.line.points = {e.at, {s.pa.x + t * dx, s.pa.y + t * dy}};
                p.other_road = s.road;
            }
        }
        if (p.other_road >= 0) {
            p.kind = RoadProblemKind::kDanglingEnd;
            p.at = e.at;
            p.road = e.road;
            p.length_m = best;
            out.push_back(std::move(p));
        }
    }
}

double cross(const core::PointM& o, const core::PointM& a, const core::PointM& b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

bool on_segment(const core::PointM& p, const core::PointM& a, const core::PointM& b) {
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
           p.y <= std::max(a.y, b.y);
}

// Where segments ab and cd meet, if they do (a shared point of collinear overlaps too).
bool meet(const Segment& s, const Segment& o, core::PointM& at) {
    const double d1 = cross(o.pa, o.pb, s.pa);
    const double d2 = cross(o.pa, o.pb, s.pb);
    const double d3 = cross(s.pa, s.pb, o.pa);
    const double d4 = cross(s.pa, s.pb, o.pb);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
        const double t = d3 / (d3 - d4);
        at = {o.pa.x + t * (o.pb.x - o.pa.x), o.pa.y + t * (o.pb.y - o.pa.y)};
        return true;
    }
    const std::pair<double, std::pair<const core::PointM*, const Segment*>> touches[] = {
        {d1, {&s.pa, &o}}, {d2, {&s.pb, &o}}, {d3, {&o.pa, &s}}, {d4, {&o.pb, &s}}};
    for (const auto& [d, which] : touches) {
        if (d == 0 && on_segment(*which.first, which.second->pa, which.second->pb)) {
            at = *which.first;
            return true;
        }
    }
    return false;
}

// Pairs of segments that meet without a common node, one per pair of lines and place.
void crossings(const RoadNetwork& net, const Tree& tree, std::vector<RoadProblem>& out) {
    std::map<std::pair<std::pair<int, int>, std::pair<int, int>>, std::vector<core::PointM>> seen;
    std::vector<Entry> near;
    for (int i = 0; i < static_cast<int>(net.segment_count()); ++i) {
        const Segment& s = net.segment(i);
        near.clear();
        tree.query(
            bgi::intersects(BBox(BPoint(std::min(s.pa.x, s.pb.x), std::min(s.pa.y, s.pb.y)),
                                 BPoint(std::max(s.pa.x, s.pb.x), std::max(s.pa.y, s.pb.y)))),
            std::back_inserter(near));
        std::sort(near.begin(), near.end(),
                  [](const Entry& a, const Entry& b) { return a.second < b.second; });
        for (const Entry& entry : near) {
            const Segment& o = net.segment(entry.second);
            core::PointM at;
            if (entry.second <= i || s.a == o.a || s.a == o.b || s.b == o.a || s.b == o.b ||
                !meet(s, o, at)) {
                continue;
            }
            auto& places =
                seen[std::minmax(std::make_pair(s.road, s.part), std::make_pair(o.road, o.part))];
            const bool again =
                std::any_of(places.begin(), places.end(), [&](const core::PointM& q) {
                    return core::distance_m(q, at) <= RoadNetwork::kToleranceM;
                });
            if (again) {
                continue;
            }
            places.push_back(at);
            RoadProblem p;
            p.kind = RoadProblemKind::kCrossing;
            p.at = at;
            p.road = s.road;
            p.other_road = o.road;
            out.push_back(std::move(p));
        }
    }
}

void dropped_segments(const RoadNetwork& net, std::vector<RoadProblem>& out) {
    auto add = [&](const RoadNetwork::DroppedSegment& d, RoadProblemKind kind, int other) {
        RoadProblem p;
        p.kind = kind;
        p.at = {0.5 * (d.pa.x + d.pb.x), 0.5 * (d.pa.y + d.pb.y)};
        p.line.points = {d.pa, d.pb};
        p.road = d.road;
        p.other_road = other;
        p.length_m = d.length_m;
        out.push_back(std::move(p));
    };
    for (const auto& d : net.build_report().duplicates) {
        add(d, RoadProblemKind::kDuplicate, d.kept >= 0 ? net.segment(d.kept).road : -1);
    }
    for (const auto& d : net.build_report().collapsed) {
        if (d.length_m == 0.0) {
            add(d, RoadProblemKind::kZeroLength, -1);
        }
    }
    for (const auto& d : net.build_report().collapsed) {
        if (d.length_m > 0.0) {
            add(d, RoadProblemKind::kCollapsed, -1);
        }
    }
}

std::string road_name(const core::Plan& plan, int road) {
    if (road < 0 || road >= static_cast<int>(plan.roads.size())) {
        return "?";
    }
    const std::string& name = plan.roads[static_cast<std::size_t>(road)].name;
    return name.empty() ? "#" + std::to_string(road + 1) : name;
}

std::string metres(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

}  // namespace

std::string to_code(RoadProblemKind kind) {
    switch (kind) {
        case RoadProblemKind::kDanglingEnd:
            return "dangling_end";
        case RoadProblemKind::kCrossing:
            return "crossing";
        case RoadProblemKind::kDuplicate:
            return "duplicate";
        case RoadProblemKind::kZeroLength:
            return "zero_length";
        case RoadProblemKind::kCollapsed:
            return "collapsed";
    }
    return "?";
}

int RoadCheck::count(RoadProblemKind kind) const {
    return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                          [&](const RoadProblem& p) { return p.kind == kind; }));
}

bool RoadCheck::has_problems() const {
    return !problems.empty() || !cut_off.empty();
}

RoadCheck check_roads(const core::Plan& plan, const RoadNetwork& network,
                      const RoadCheckOptions& options) {
    RoadCheck out;
    find_pieces(network, out);
    place_villages_and_sites(plan, network, out);
    const Tree tree = segment_tree(network);
    dangling_ends(network, tree, options.undershoot_m, out.problems);
    crossings(network, tree, out.problems);
    dropped_segments(network, out.problems);
    return out;
}

std::string describe(const core::Plan& plan, const RoadProblem& p) {
    const std::string x = metres(p.at.x, 1);
    const std::string y = metres(p.at.y, 1);
    const std::string road = road_name(plan, p.road);
    switch (p.kind) {
        case RoadProblemKind::kDanglingEnd:
            return core::tr("roads.problem.dangling_end",
                            {road, metres(p.length_m, 1), road_name(plan, p.other_road), x, y});
        case RoadProblemKind::kCrossing:
            return core::tr("roads.problem.crossing", {road, road_name(plan, p.other_road), x, y});
        case RoadProblemKind::kDuplicate:
            return core::tr("roads.problem.duplicate",
                            {road, metres(p.length_m, 2), x, y, road_name(plan, p.other_road)});
        case RoadProblemKind::kZeroLength:
            return core::tr("roads.problem.zero_length", {road, x, y});
        case RoadProblemKind::kCollapsed:
            return core::tr("roads.problem.collapsed", {road, metres(p.length_m, 2), x, y});
    }
    return "";
}

std::string problems_line(const RoadCheck& check, const std::string& plan_path) {
    if (!check.has_problems()) {
        return "";
    }
    std::vector<std::string> parts;
    if (!check.cut_off.empty()) {
        parts.push_back(core::tr("roads.count.cut_off", {std::to_string(check.pieces.size()),
                                                         std::to_string(check.cut_off.size())}));
    }
    const std::pair<RoadProblemKind, const char*> kinds[] = {
        {RoadProblemKind::kDanglingEnd, "roads.count.dangling_end"},
        {RoadProblemKind::kCrossing, "roads.count.crossing"},
        {RoadProblemKind::kDuplicate, "roads.count.duplicate"},
        {RoadProblemKind::kZeroLength, "roads.count.zero_length"},
        {RoadProblemKind::kCollapsed, "roads.count.collapsed"}};
    for (const auto& [kind, key] : kinds) {
        if (const int n = check.count(kind); n > 0) {
            parts.push_back(core::tr(key, {std::to_string(n)}));
        }
    }
    std::string joined;
    for (const std::string& part : parts) {
        joined += (joined.empty() ? "" : core::tr("roads.separator")) + part;
    }
    return core::tr("roads.report_line", {joined, plan_path});
}

}  // namespace beltplan::analysis
