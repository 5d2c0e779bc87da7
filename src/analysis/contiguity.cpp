// Contiguity by sorting boundary vertices (queen) or edges (rook) and pairing equal keys;
// snapped contiguity and island gaps through an R-tree of boundary segments; then the plan's
// manual links and cuts.
#include "analysis/contiguity.h"

#include "core/messages.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>

namespace beltplan::analysis {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

// ------------------------------------------------------------------------------------------
// [SECTION] Boundary walking
// ------------------------------------------------------------------------------------------

// Calls f(a, b) for every edge of every ring of the shape.
template <typename F>
void for_each_edge(const core::MultiPolygon& shape, F&& f) {
    auto ring_edges = [&f](const core::Ring& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            f(ring[i], ring[i + 1]);
        }
    };
    for (const core::Polygon& part : shape.parts) {
        ring_edges(part.outer);
        for (const core::Ring& hole : part.holes) {
            ring_edges(hole);
        }
    }
}

bool less_point(const core::PointM& a, const core::PointM& b) {
    return a.x < b.x || (a.x == b.x && a.y < b.y);
}

// Adds all pairs of distinct villages among the sorted run [first, last) of (key, village).
template <typename It>
void pair_run(It first, It last, std::vector<std::pair<int, int>>& pairs) {
    for (It i = first; i != last; ++i) {
        for (It j = std::next(i); j != last; ++j) {
            if (i->second != j->second) {
                pairs.emplace_back(std::min(i->second, j->second), std::max(i->second, j->second));
            }
        }
    }
}

// Pairs villages whose entries share a key. Entries are deduplicated per village first.
template <typename Key>
void pair_equal_keys(std::vector<std::pair<Key, int>>& entries,
                     std::vector<std::pair<int, int>>& pairs) {
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    auto run = entries.begin();
    while (run != entries.end()) {
        auto end = std::find_if(run, entries.end(),
                                [&run](const auto& e) { return e.first != run->first; });
        if (std::distance(run, end) > 1) {
            pair_run(run, end, pairs);
        }
        run = end;
    }
}

using Key2 = std::tuple<double, double>;
using Key4 = std::tuple<double, double, double, double>;

void exact_pairs(const core::Plan& plan, ContiguityRule rule,
                 std::vector<std::pair<int, int>>& pairs) {
    if (rule == ContiguityRule::kQueen) {
        std::vector<std::pair<Key2, int>> vertices;
        for (std::size_t v = 0; v < plan.villages.size(); ++v) {
            for_each_edge(plan.villages[v].shape, [&](const core::PointM& a, const core::PointM&) {
                vertices.emplace_back(Key2{a.x, a.y}, static_cast<int>(v));
            });
        }
        pair_equal_keys(vertices, pairs);
        return;
    }
    std::vector<std::pair<Key4, int>> edges;
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        for_each_edge(plan.villages[v].shape, [&](core::PointM a, core::PointM b) {
            if (a == b) {
                return;
            }
            if (less_point(b, a)) {
                std::swap(a, b);
            }
            edges.emplace_back(Key4{a.x, a.y, b.x, b.y}, static_cast<int>(v));
        });
    }
    pair_equal_keys(edges, pairs);
}

// ------------------------------------------------------------------------------------------
// [SECTION] Segment index for snapping and gaps
// ------------------------------------------------------------------------------------------

using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;
using BSegment = bg::model::segment<BPoint>;
using SegmentEntry = std::pair<BSegment, int>;
using SegmentTree = bgi::rtree<SegmentEntry, bgi::rstar<16>>;

SegmentTree build_segment_tree(const core::Plan& plan) {
    std::vector<SegmentEntry> segments;
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        for_each_edge(plan.villages[v].shape, [&](const core::PointM& a, const core::PointM& b) {
            segments.emplace_back(BSegment(BPoint(a.x, a.y), BPoint(b.x, b.y)),
                                  static_cast<int>(v));
        });
    }
    return SegmentTree(segments.begin(), segments.end());
}

BBox grown(const BSegment& s, double by) {
    BBox box;
    bg::envelope(s, box);
    box.min_corner().set<0>(box.min_corner().get<0>() - by);
    box.min_corner().set<1>(box.min_corner().get<1>() - by);
    box.max_corner().set<0>(box.max_corner().get<0>() + by);
    box.max_corner().set<1>(box.max_corner().get<1>() + by);
    return box;
}

// Villages other than `self` whose boundary comes within `tol` of segment s (rook: of both
// its ends), appended to out.
void near_villages(const SegmentTree& tree, const BSegment& s, int self, double tol, bool rook,
                   std::vector<std::pair<int, int>>& out) {
    std::vector<SegmentEntry> hits;
    tree.query(bgi::intersects(grown(s, tol)), std::back_inserter(hits));
    std::vector<int> end_a;
    std::vector<int> end_b;
    for (const SegmentEntry& h : hits) {
        if (h.second == self) {
            continue;
        }
        if (!rook) {
            if (bg::comparable_distance(s, h.first) <= tol * tol) {
                out.emplace_back(std::min(self, h.second), std::max(self, h.second));
            }
            continue;
        }
        if (bg::distance(s.first, h.first) <= tol) {
            end_a.push_back(h.second);
        }
        if (bg::distance(s.second, h.first) <= tol) {
            end_b.push_back(h.second);
        }
    }
    std::sort(end_b.begin(), end_b.end());
    for (int v : end_a) {
        if (std::binary_search(end_b.begin(), end_b.end(), v)) {
            out.emplace_back(std::min(self, v), std::max(self, v));
        }
    }
}

void snapped_pairs(const core::Plan& plan, const ContiguityOptions& options,
                   std::vector<std::pair<int, int>>& pairs) {
    const SegmentTree tree = build_segment_tree(plan);
    const bool rook = options.rule == ContiguityRule::kRook;
    for (const SegmentEntry& e : tree) {
        near_villages(tree, e.first, e.second, options.snap_m, rook, pairs);
    }
}

// ------------------------------------------------------------------------------------------
// [SECTION] Manual edits
// ------------------------------------------------------------------------------------------

std::string edit_text(const core::ContiguityEdit& e, std::size_t i) {
    return core::tr(e.link ? "analysis.contiguity.edit_link" : "analysis.contiguity.edit_cut",
                    {std::to_string(i + 1), e.a, e.b});
}

// Applies plan.contiguity_edits in order to the sorted, unique pairs.
void apply_edits(const core::Plan& plan, ContiguityGraph& g) {
    const auto index = core::village_index(plan);
    for (std::size_t i = 0; i < plan.contiguity_edits.size(); ++i) {
        const core::ContiguityEdit& e = plan.contiguity_edits[i];
        const auto ia = index.find(e.a);
        const auto ib = index.find(e.b);
        if (ia == index.end() || ib == index.end()) {
            const std::string& code = ia == index.end() ? e.a : e.b;
            g.unknown_edits.push_back(
                {i, core::tr("analysis.contiguity.edit_unknown", {edit_text(e, i), code})});
            continue;
        }
        if (ia->second == ib->second) {
            g.unknown_edits.push_back(
                {i, core::tr("analysis.contiguity.edit_same", {edit_text(e, i)})});
            continue;
        }
        const std::pair<int, int> pair(static_cast<int>(std::min(ia->second, ib->second)),
                                       static_cast<int>(std::max(ia->second, ib->second)));
        auto at = std::lower_bound(g.pairs.begin(), g.pairs.end(), pair);
        const bool present = at != g.pairs.end() && *at == pair;
        if (e.link && !present) {
            g.pairs.insert(at, pair);
        } else if (!e.link && present) {
            g.pairs.erase(at);
        }
        ++g.edits_applied;
    }
}

// Fills the neighbour lists from the pairs.
void fill_neighbours(const core::Plan& plan, ContiguityGraph& g) {
    g.neighbours.assign(plan.villages.size(), {});
    for (const auto& [a, b] : g.pairs) {
        g.neighbours[static_cast<std::size_t>(a)].push_back(b);
        g.neighbours[static_cast<std::size_t>(b)].push_back(a);
    }
    for (auto& n : g.neighbours) {
        std::sort(n.begin(), n.end());
    }
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] Public functions
// ------------------------------------------------------------------------------------------

ContiguityGraph contiguity(const core::Plan& plan, const ContiguityOptions& options) {
    ContiguityGraph g;
    if (options.snap_m > 0.0) {
        snapped_pairs(plan, options, g.pairs);
    } else {
        exact_pairs(plan, options.rule, g.pairs);
    }
    std::sort(g.pairs.begin(), g.pairs.end());
    g.pairs.erase(std::unique(g.pairs.begin(), g.pairs.end()), g.pairs.end());
    if (options.apply_plan_edits && !plan.contiguity_edits.empty()) {
        apply_edits(plan, g);
    }
    fill_neighbours(plan, g);
    return g;
}

ContiguityGraph with_plan_edits(const core::Plan& plan, const ContiguityGraph& geometric) {
    ContiguityGraph g;
    g.pairs = geometric.pairs;
    if (!plan.contiguity_edits.empty()) {
        apply_edits(plan, g);
    }
    fill_neighbours(plan, g);
    return g;
}

std::vector<std::pair<std::string, std::string>> code_pairs(const core::Plan& plan,
                                                            const ContiguityGraph& graph) {
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(graph.pairs.size());
    for (const auto& [a, b] : graph.pairs) {
        const std::string& ca = plan.villages[static_cast<std::size_t>(a)].code;
        const std::string& cb = plan.villages[static_cast<std::size_t>(b)].code;
        out.emplace_back(std::min(ca, cb), std::max(ca, cb));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Island> find_islands(const core::Plan& plan, const ContiguityGraph& graph) {
    std::vector<Island> islands;
    SegmentTree tree;
    bool built = false;
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        if (!graph.neighbours[v].empty()) {
            continue;
        }
        if (!built) {
            tree = build_segment_tree(plan);
            built = true;
        }
        Island island;
        island.village = static_cast<int>(v);
        island.gap_m = std::numeric_limits<double>::infinity();
        for_each_edge(plan.villages[v].shape, [&](const core::PointM& a, const core::PointM& b) {
            const BSegment s(BPoint(a.x, a.y), BPoint(b.x, b.y));
            // Nearest segments by true distance; widen the query while all are its own.
            std::vector<SegmentEntry> hits;
            for (std::size_t k = 16; k <= tree.size() * 4; k *= 4) {
                hits.clear();
                tree.query(bgi::nearest(s, static_cast<unsigned>(k)), std::back_inserter(hits));
                std::sort(hits.begin(), hits.end(),
                          [&s](const SegmentEntry& x, const SegmentEntry& y) {
                              return bg::comparable_distance(s, x.first) <
                                     bg::comparable_distance(s, y.first);
                          });
                auto other = std::find_if(
                    hits.begin(), hits.end(),
                    [&island](const SegmentEntry& h) { return h.second != island.village; });
                if (other != hits.end()) {
                    const double d = bg::distance(s, other->first);
                    if (d < island.gap_m) {
                        island.gap_m = d;
                        island.nearest = other->second;
                    }
                    break;
                }
                if (hits.size() < k) {
                    break;
                }
            }
        });
        if (island.nearest < 0) {
            island.gap_m = 0.0;
        }
        islands.push_back(island);
    }
    return islands;
}

double suggest_snap_m(const std::vector<Island>& islands, double max_gap_m) {
    static const double kLadder[] = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100};
    double needed = 0.0;
    for (const Island& i : islands) {
        if (i.nearest >= 0 && i.gap_m <= max_gap_m) {
            needed = std::max(needed, i.gap_m);
        }
    }
    if (needed == 0.0) {
        return 0.0;
    }
    for (double step : kLadder) {
        if (step >= needed * 1.0001) {
            return step;
        }
    }
    return needed;
}

}  // namespace beltplan::analysis
