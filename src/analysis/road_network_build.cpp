// Construction of the road graph to DESIGN.md section 2 (QGIS's topology tolerance, 1 m):
// 1. every vertex of every line is a possible junction; vertices within 1 m of each other are
//    one node, transitively (union-find over a 1 m grid);
// 2. a line end joins the nearest segment within 1 m of a line that has no vertex in the end's
//    node yet, at the nearest point of that segment, which is split there;
// 3. segments keep the length between their own vertices (or join points); a segment whose
//    ends fall in one node is dropped, and of parallel segments between two nodes the
//    shortest counts (ties: the first in the road layer's order).
// Lines that cross with no vertex within 1 m stay apart (a bridge).
#include "analysis/road_network_impl.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <unordered_map>

namespace beltplan::analysis {

namespace {

using namespace road_graph;

constexpr double kTol = RoadNetwork::kToleranceM;

// A road line as a run of vertices in one flat array.
struct Line {
    int road = 0;
    int part = 0;
    int first = 0;  // index of its first vertex
    int count = 0;
};

// Union-find whose root is always the smallest member, so node numbering is deterministic.
class Components {
public:
    explicit Components(std::size_t n) : parent_(n) {
        std::iota(parent_.begin(), parent_.end(), 0);
    }
    int find(int x) {
        while (parent_[static_cast<std::size_t>(x)] != x) {
            auto& p = parent_[static_cast<std::size_t>(x)];
            p = parent_[static_cast<std::size_t>(p)];
            x = p;
        }
        return x;
    }
    // True when the two were apart.
    bool unite(int a, int b) {
        a = find(a);
        b = find(b);
        if (a == b) {
            return false;
        }
        parent_[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
        return true;
    }
    void grow(std::size_t n) {
        const std::size_t old = parent_.size();
        parent_.resize(n);
        std::iota(parent_.begin() + static_cast<std::ptrdiff_t>(old), parent_.end(),
                  static_cast<int>(old));
    }

private:
    std::vector<int> parent_;
};

double dist2(const core::PointM& a, const core::PointM& b) {
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return dx * dx + dy * dy;
}

// Lines of 2+ finite vertices; a non-finite vertex ends one line and starts another.
void collect_lines(const core::Plan& plan, std::vector<Line>& lines,
                   std::vector<core::PointM>& vertices, std::vector<int>& vertex_line) {
    for (std::size_t r = 0; r < plan.roads.size(); ++r) {
        const auto& parts = plan.roads[r].parts;
        for (std::size_t k = 0; k < parts.size(); ++k) {
            Line line{static_cast<int>(r), static_cast<int>(k), static_cast<int>(vertices.size()),
                      0};
            auto close = [&] {
                if (line.count < 2) {
                    vertices.resize(static_cast<std::size_t>(line.first));
                    vertex_line.resize(vertices.size());
                } else {
                    lines.push_back(line);
                }
                line.first = static_cast<int>(vertices.size());
                line.count = 0;
            };
            for (const core::PointM& p : parts[k].points) {
                if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
                    close();
                    continue;
                }
                vertices.push_back(p);
                vertex_line.push_back(static_cast<int>(lines.size()));
                ++line.count;
            }
            close();
        }
    }
}

// Rule 1: vertices within the tolerance are one node, transitively.
int cluster_vertices(const std::vector<core::PointM>& v, Components& nodes) {
    std::unordered_map<std::uint64_t, std::vector<int>> cells;
    auto key = [](std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy));
    };
    int merged = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto cx = static_cast<std::int64_t>(std::floor(v[i].x / kTol));
        const auto cy = static_cast<std::int64_t>(std::floor(v[i].y / kTol));
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto cell = cells.find(key(cx + dx, cy + dy));
                if (cell == cells.end()) {
                    continue;
                }
                for (int j : cell->second) {
                    if (dist2(v[i], v[static_cast<std::size_t>(j)]) <= kTol * kTol &&
                        nodes.unite(static_cast<int>(i), j)) {
                        ++merged;
                    }
                }
            }
        }
        cells[key(cx, cy)].push_back(static_cast<int>(i));
    }
    return merged;
}

// A line end joining a raw segment in its middle.
struct Split {
    int segment = 0;  // raw segment: its first vertex's index
    double t = 0.0;
    int end = 0;   // the end vertex
    int node = 0;  // id of the join point in Components (after the vertices)
};

// Rule 2: each line end joins the nearest raw segment within the tolerance among lines that
// have no vertex in the end's node yet (ties: the lower segment in layer order).
std::vector<Split> join_ends(const std::vector<Line>& lines, const std::vector<core::PointM>& v,
                             const std::vector<int>& vertex_line, Components& nodes) {
    std::vector<SegmentEntry> entries;
    for (const Line& l : lines) {
        for (int i = l.first; i + 1 < l.first + l.count; ++i) {
            const auto& a = v[static_cast<std::size_t>(i)];
            const auto& b = v[static_cast<std::size_t>(i) + 1];
            entries.emplace_back(BSegment(BPoint(a.x, a.y), BPoint(b.x, b.y)), i);
        }
    }
    const SegmentTree raw(entries.begin(), entries.end());
    // (node, line) for every vertex: which lines already meet in each node.
    std::vector<std::pair<int, int>> node_lines;
    for (std::size_t i = 0; i < v.size(); ++i) {
        node_lines.emplace_back(nodes.find(static_cast<int>(i)), vertex_line[i]);
    }
    std::sort(node_lines.begin(), node_lines.end());
    auto meets = [&](int node, int line) {
        return std::binary_search(node_lines.begin(), node_lines.end(), std::make_pair(node, line));
    };
    std::vector<Split> splits;
    std::vector<SegmentEntry> near;
    for (const Line& l : lines) {
        for (const int end : {l.first, l.first + l.count - 1}) {
            const core::PointM& p = v[static_cast<std::size_t>(end)];
            const int node = nodes.find(end);
            near.clear();
            raw.query(bgi::intersects(bg::model::box<BPoint>(BPoint(p.x - kTol, p.y - kTol),
                                                             BPoint(p.x + kTol, p.y + kTol))),
                      std::back_inserter(near));
            double best_d2 = kTol * kTol;
            Split best{-1, 0.0, end, -1};
            for (const SegmentEntry& e : near) {
                const int s = e.second;
                if (meets(node, vertex_line[static_cast<std::size_t>(s)])) {
                    continue;
                }
                const auto& a = v[static_cast<std::size_t>(s)];
                const auto& b = v[static_cast<std::size_t>(s) + 1];
                const double t = project(p, a, b);
                const double d2 = dist2(p, lerp(a, b, t));
                if (d2 < best_d2 || (d2 == best_d2 && (best.segment < 0 || s < best.segment))) {
                    best_d2 = d2;
                    best.segment = s;
                    best.t = t;
                }
            }
            if (best.segment >= 0) {
                splits.push_back(best);
            }
        }
    }
    // Join points are nodes of their own, one per distinct point of a segment.
    std::sort(splits.begin(), splits.end(), [](const Split& x, const Split& y) {
        return std::tie(x.segment, x.t, x.end) < std::tie(y.segment, y.t, y.end);
    });
    nodes.grow(v.size() + splits.size());
    for (std::size_t k = 0; k < splits.size(); ++k) {
        Split& s = splits[k];
        s.node = static_cast<int>(v.size() + k);
        if (s.t <= 0.0 || s.t >= 1.0) {  // the nearest point is a vertex: join its node
            nodes.unite(s.node, s.segment + (s.t <= 0.0 ? 0 : 1));
        }
        if (k > 0 && splits[k - 1].segment == s.segment && splits[k - 1].t == s.t) {
            nodes.unite(s.node, splits[k - 1].node);
        }
        nodes.unite(s.node, s.end);
    }
    return splits;
}

// A piece of raw segment between two consecutive cut points (vertices or join points).
struct Piece {
    int from = 0;  // ids in Components
    int to = 0;
    core::PointM pa;
    core::PointM pb;
    int road = 0;
    int part = 0;
};

std::vector<Piece> cut_pieces(const std::vector<Line>& lines, const std::vector<core::PointM>& v,
                              const std::vector<Split>& splits) {
    std::vector<Piece> pieces;
    std::size_t next = 0;  // splits are sorted by raw segment, then t
    for (const Line& l : lines) {
        for (int i = l.first; i + 1 < l.first + l.count; ++i) {
            int from = i;
            core::PointM at = v[static_cast<std::size_t>(i)];
            const core::PointM& b = v[static_cast<std::size_t>(i) + 1];
            double last_t = 0.0;
            for (; next < splits.size() && splits[next].segment == i; ++next) {
                const Split& s = splits[next];
                if (s.t <= last_t || s.t >= 1.0) {
                    continue;  // at a vertex, or at the same point as the last: nodes united
                }
                const core::PointM join = lerp(v[static_cast<std::size_t>(i)], b, s.t);
                pieces.push_back({from, s.node, at, join, l.road, l.part});
                from = s.node;
                at = join;
                last_t = s.t;
            }
            pieces.push_back({from, i + 1, at, b, l.road, l.part});
        }
    }
    return pieces;
}

// Rule 3: pieces whose ends are one node are dropped (reported as collapsed); of parallel
// pieces between two nodes the shortest counts, the first in layer order on a tie.
struct Selection {
    std::map<std::pair<int, int>, std::size_t> between;  // node pair -> the piece that counts
    std::vector<std::pair<std::size_t, std::pair<int, int>>> dropped;  // duplicates
};

Selection select_pieces(const std::vector<Piece>& pieces, Components& comp,
                        RoadNetwork::BuildReport& report) {
    Selection out;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const Piece& p = pieces[k];
        const int a = comp.find(p.from);
        const int b = comp.find(p.to);
        if (a == b) {
            report.collapsed.push_back(
                {p.pa, p.pb, core::distance_m(p.pa, p.pb), p.road, p.part, -1});
            continue;
        }
        const auto pair = std::minmax(a, b);
        const auto [it, fresh] = out.between.emplace(pair, k);
        if (fresh) {
            continue;
        }
        const Piece& other = pieces[it->second];
        if (core::distance_m(p.pa, p.pb) < core::distance_m(other.pa, other.pb)) {
            out.dropped.emplace_back(it->second, pair);
            it->second = k;
        } else {
            out.dropped.emplace_back(k, pair);
        }
    }
    std::sort(out.dropped.begin(), out.dropped.end());
    return out;
}

// Line ends: their node and whether they joined a segment's middle.
void record_ends(const std::vector<Line>& lines, const std::vector<core::PointM>& v,
                 const std::vector<Split>& splits, Components& comp,
                 const std::unordered_map<int, int>& node_id, RoadNetwork::BuildReport& report) {
    std::vector<char> joined(v.size(), 0);
    for (const Split& s : splits) {
        joined[static_cast<std::size_t>(s.end)] = 1;
    }
    for (const Line& l : lines) {
        for (const int end : {l.first, l.first + l.count - 1}) {
            RoadNetwork::LineEnd e;
            e.at = v[static_cast<std::size_t>(end)];
            e.road = l.road;
            e.part = l.part;
            const auto found = node_id.find(comp.find(end));
            e.node = found == node_id.end() ? -1 : found->second;
            e.joined_segment = joined[static_cast<std::size_t>(end)] != 0;
            report.ends.push_back(e);
        }
    }
}

}  // namespace

void RoadNetwork::Impl::build(const core::Plan& plan) {
    std::vector<Line> lines;
    std::vector<core::PointM> v;
    std::vector<int> vertex_line;
    collect_lines(plan, lines, v, vertex_line);
    Components comp(v.size());
    report.merged_vertices = cluster_vertices(v, comp);
    const std::vector<Split> splits = join_ends(lines, v, vertex_line, comp);
    const std::vector<Piece> pieces = cut_pieces(lines, v, splits);
    const Selection kept = select_pieces(pieces, comp, report);
    // Nodes numbered in order of appearance, segments in layer order; a node is drawn at its
    // first vertex (the smallest member is always a vertex: join points come after them).
    std::unordered_map<int, int> node_id;
    auto node_for = [&](int member) {
        const int root = comp.find(member);
        const auto [it, fresh] = node_id.emplace(root, static_cast<int>(nodes.size()));
        if (fresh) {
            nodes.push_back(v[static_cast<std::size_t>(root)]);
        }
        return it->second;
    };
    std::vector<int> segment_of(pieces.size(), -1);
    std::vector<std::size_t> order;
    for (const auto& entry : kept.between) {
        order.push_back(entry.second);
    }
    std::sort(order.begin(), order.end());
    for (std::size_t k : order) {
        const Piece& p = pieces[k];
        segment_of[k] = static_cast<int>(segments.size());
        segments.push_back({node_for(p.from), node_for(p.to), p.pa, p.pb,
                            core::distance_m(p.pa, p.pb), p.road, p.part});
    }
    for (const auto& [piece, pair] : kept.dropped) {
        const Piece& p = pieces[piece];
        report.duplicates.push_back({p.pa, p.pb, core::distance_m(p.pa, p.pb), p.road, p.part,
                                     segment_of[kept.between.at(pair)]});
    }
    record_ends(lines, v, splits, comp, node_id, report);
    arcs.assign(nodes.size(), {});
    std::vector<SegmentEntry> entries;
    entries.reserve(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const SegmentInfo& s = segments[i];
        arcs[static_cast<std::size_t>(s.a)].push_back({s.b, s.length_m});
        arcs[static_cast<std::size_t>(s.b)].push_back({s.a, s.length_m});
        entries.emplace_back(BSegment(BPoint(s.pa.x, s.pa.y), BPoint(s.pb.x, s.pb.y)),
                             static_cast<int>(i));
    }
    tree = SegmentTree(entries.begin(), entries.end());
}

}  // namespace beltplan::analysis
