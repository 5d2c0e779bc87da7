// Network reach on random noisy road layers against an independent computation of DESIGN.md
// section 2 written another way: quadratic relabelling instead of union-find, a scan of every
// segment instead of R-trees, all-pairs Floyd-Warshall instead of Dijkstra.
#include "analysis/road_network.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

namespace beltplan::analysis {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------------------------
// The reference graph
// ---------------------------------------------------------------------------------------------

struct RefEdge {
    int u = 0;  // labels
    int v = 0;
    core::PointM pa;
    core::PointM pb;
    double length = 0;
};

struct RefGraph {
    std::vector<RefEdge> edges;
    std::vector<int> nodes;         // distinct labels
    std::vector<double> all_pairs;  // nodes x nodes
    double between(int a, int b) const {
        const auto ia = std::lower_bound(nodes.begin(), nodes.end(), a) - nodes.begin();
        const auto ib = std::lower_bound(nodes.begin(), nodes.end(), b) - nodes.begin();
        return all_pairs[static_cast<std::size_t>(ia) * nodes.size() +
                         static_cast<std::size_t>(ib)];
    }
};

double seg_t(const core::PointM& p, const core::PointM& a, const core::PointM& b) {
    const double len2 = (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y);
    if (len2 == 0) {
        return 0;
    }
    return std::clamp(((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len2, 0.0, 1.0);
}

core::PointM at_t(const core::PointM& a, const core::PointM& b, double t) {
    return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

// Every label equal to `from` becomes `to`.
void relabel(std::vector<int>& label, int from, int to) {
    for (int& l : label) {
        l = l == from ? to : l;
    }
}

void merge(std::vector<int>& label, int a, int b) {
    const int la = label[static_cast<std::size_t>(a)];
    const int lb = label[static_cast<std::size_t>(b)];
    if (la != lb) {
        relabel(label, std::max(la, lb), std::min(la, lb));
    }
}

struct Cut {
    double t;
    int point;  // index into the label array
};

RefGraph reference_graph(const core::Plan& plan) {
    std::vector<core::PointM> pts;
    std::vector<int> owner;               // line of each point
    std::vector<std::vector<int>> lines;  // point indices
    for (const core::Road& r : plan.roads) {
        for (const core::LineString& l : r.parts) {
            lines.emplace_back();
            for (const core::PointM& p : l.points) {
                lines.back().push_back(static_cast<int>(pts.size()));
                pts.push_back(p);
                owner.push_back(static_cast<int>(lines.size()) - 1);
            }
        }
    }
    std::vector<int> label(pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) {
        label[i] = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < pts.size(); ++i) {
        for (std::size_t j = 0; j < pts.size(); ++j) {
            if (core::distance_m(pts[i], pts[j]) <= 1.0) {
                merge(label, static_cast<int>(i), static_cast<int>(j));
            }
        }
    }
    // Segments numbered by line then position: (line, first point).
    std::vector<std::pair<int, int>> segs;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        for (std::size_t k = 0; k + 1 < lines[l].size(); ++k) {
            segs.emplace_back(static_cast<int>(l), lines[l][k]);
        }
    }
    std::vector<std::vector<Cut>> cuts(segs.size());
    std::vector<std::pair<int, int>> same_point;  // join points to unite after all joins
    for (std::size_t l = 0; l < lines.size(); ++l) {
        for (int end : {lines[l].front(), lines[l].back()}) {
            const core::PointM p = pts[static_cast<std::size_t>(end)];
            int best = -1;
            double best_d = 1.0;
            double best_t = 0;
            for (std::size_t g = 0; g < segs.size(); ++g) {
                bool meets = false;
                for (int q : lines[static_cast<std::size_t>(segs[g].first)]) {
                    meets = meets || label[static_cast<std::size_t>(q)] ==
                                         label[static_cast<std::size_t>(end)];
                }
                const core::PointM a = pts[static_cast<std::size_t>(segs[g].second)];
                const core::PointM b = pts[static_cast<std::size_t>(segs[g].second) + 1];
                const double t = seg_t(p, a, b);
                const double d = core::distance_m(p, at_t(a, b, t));
                if (!meets && (d < best_d || (d == best_d && best < 0))) {
                    best = static_cast<int>(g);
                    best_d = d;
                    best_t = t;
                }
            }
            if (best >= 0) {
                cuts[static_cast<std::size_t>(best)].push_back({best_t, end});
            }
        }
    }
    // A join point is the end's node; points on one segment at the same t are one node.
    for (std::size_t g = 0; g < segs.size(); ++g) {
        for (const Cut& c : cuts[g]) {
            if (c.t == 0 || c.t == 1) {
                merge(label, c.point, segs[g].second + (c.t == 0 ? 0 : 1));
            }
            for (const Cut& o : cuts[g]) {
                if (o.t == c.t) {
                    merge(label, c.point, o.point);
                }
            }
        }
    }
    std::vector<RefEdge> candidates;
    for (std::size_t g = 0; g < segs.size(); ++g) {
        const int ia = segs[g].second;
        const core::PointM a = pts[static_cast<std::size_t>(ia)];
        const core::PointM b = pts[static_cast<std::size_t>(ia) + 1];
        std::vector<std::pair<double, int>> stops{{0.0, label[static_cast<std::size_t>(ia)]}};
        std::vector<Cut> inner = cuts[g];
        std::sort(inner.begin(), inner.end(), [](const Cut& x, const Cut& y) { return x.t < y.t; });
        for (const Cut& c : inner) {
            if (c.t > stops.back().first && c.t < 1) {
                stops.emplace_back(c.t, label[static_cast<std::size_t>(c.point)]);
            }
        }
        stops.emplace_back(1.0, label[static_cast<std::size_t>(ia) + 1]);
        for (std::size_t k = 0; k + 1 < stops.size(); ++k) {
            const core::PointM pa = at_t(a, b, stops[k].first);
            const core::PointM pb = k + 2 == stops.size() ? b : at_t(a, b, stops[k + 1].first);
            const core::PointM qa = k == 0 ? a : pa;
            candidates.push_back(
                {stops[k].second, stops[k + 1].second, qa, pb, core::distance_m(qa, pb)});
        }
    }
    RefGraph g;
    std::map<std::pair<int, int>, std::size_t> best;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const RefEdge& e = candidates[k];
        if (e.u == e.v) {
            continue;
        }
        const auto key = std::minmax(e.u, e.v);
        auto it = best.find(key);
        if (it == best.end() || e.length < candidates[it->second].length) {
            best[key] = k;
        }
    }
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const RefEdge& e = candidates[k];
        if (e.u != e.v && best.at(std::minmax(e.u, e.v)) == k) {
            g.edges.push_back(e);
            g.nodes.push_back(e.u);
            g.nodes.push_back(e.v);
        }
    }
    std::sort(g.nodes.begin(), g.nodes.end());
    g.nodes.erase(std::unique(g.nodes.begin(), g.nodes.end()), g.nodes.end());
    const std::size_t n = g.nodes.size();
    g.all_pairs.assign(n * n, kInf);
    for (std::size_t i = 0; i < n; ++i) {
        g.all_pairs[i * n + i] = 0;
    }
    auto index = [&](int label_value) {
        return static_cast<std::size_t>(
            std::lower_bound(g.nodes.begin(), g.nodes.end(), label_value) - g.nodes.begin());
    };
    for (const RefEdge& e : g.edges) {
        const std::size_t a = index(e.u);
        const std::size_t b = index(e.v);
        g.all_pairs[a * n + b] = std::min(g.all_pairs[a * n + b], e.length);
        g.all_pairs[b * n + a] = std::min(g.all_pairs[b * n + a], e.length);
    }
    for (std::size_t k = 0; k < n; ++k) {
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                g.all_pairs[i * n + j] = std::min(g.all_pairs[i * n + j],
                                                  g.all_pairs[i * n + k] + g.all_pairs[k * n + j]);
            }
        }
    }
    return g;
}

struct RefJoin {
    int edge = -1;
    double t = 0;
    double leg = kInf;
};

RefJoin ref_join(const RefGraph& g, const core::PointM& p) {
    RefJoin j;
    for (std::size_t k = 0; k < g.edges.size(); ++k) {
        const double t = seg_t(p, g.edges[k].pa, g.edges[k].pb);
        const double d = core::distance_m(p, at_t(g.edges[k].pa, g.edges[k].pb, t));
        if (d < j.leg) {
            j = {static_cast<int>(k), t, d};
        }
    }
    return j;
}

double ref_distance(const RefGraph& g, const RefJoin& s, const RefJoin& v) {
    if (s.edge < 0 || v.edge < 0) {
        return kInf;
    }
    const RefEdge& es = g.edges[static_cast<std::size_t>(s.edge)];
    const RefEdge& ev = g.edges[static_cast<std::size_t>(v.edge)];
    // The shortest way between the two join points: directly along one shared segment, or
    // out through an end of each.
    double best = s.edge == v.edge ? std::abs(s.t - v.t) * es.length : kInf;
    for (int side_s = 0; side_s < 2; ++side_s) {
        for (int side_v = 0; side_v < 2; ++side_v) {
            const double along_s = side_s == 0 ? s.t * es.length : (1 - s.t) * es.length;
            const double along_v = side_v == 0 ? v.t * ev.length : (1 - v.t) * ev.length;
            const double mid = g.between(side_s == 0 ? es.u : es.v, side_v == 0 ? ev.u : ev.v);
            best = std::min(best, along_s + mid + along_v);
        }
    }
    return s.leg + best + v.leg;
}

// ---------------------------------------------------------------------------------------------
// Random noisy layers
// ---------------------------------------------------------------------------------------------

core::Road line(std::vector<core::PointM> pts) {
    core::Road r;
    r.name = "r";
    r.parts.push_back(core::LineString{std::move(pts)});
    return r;
}

// A 3 x 3 grid of trunks (some crossings with a vertex, some bridges), branches ending within
// 0-1.5 m of a trunk vertex or segment, a chain of close vertices, near-duplicate segments.
core::Plan noisy_layer(std::mt19937& rng) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto jitter = [&](double m) { return (unit(rng) * 2 - 1) * m; };
    core::Plan plan;
    for (int k = 0; k < 3; ++k) {
        std::vector<core::PointM> h;
        std::vector<core::PointM> v;
        for (int i = 0; i <= 6; ++i) {
            const bool vertex_here = unit(rng) < 0.6;
            if (i % 2 == 0 || vertex_here) {
                h.push_back({i * 500.0 + jitter(0.4), 500.0 + k * 1000 + jitter(0.4)});
            }
            if (i % 2 == 0 || unit(rng) < 0.6) {
                v.push_back({500.0 + k * 1000 + jitter(0.4), i * 500.0 + jitter(0.4)});
            }
        }
        plan.roads.push_back(line(h));
        plan.roads.push_back(line(v));
    }
    const std::size_t trunks = plan.roads.size();
    for (int b = 0; b < 14; ++b) {
        const auto& trunk = plan.roads[static_cast<std::size_t>(rng() % trunks)].parts[0].points;
        const std::size_t i = rng() % (trunk.size() - 1);
        const double t = unit(rng) < 0.5 ? 0.0 : unit(rng);
        const core::PointM on = at_t(trunk[i], trunk[i + 1], t);
        const double angle = unit(rng) * 6.283185307;
        const double off = unit(rng) * 1.5;
        const core::PointM end{on.x + off * std::cos(angle), on.y + off * std::sin(angle)};
        const core::PointM start{end.x + jitter(400), end.y + jitter(400)};
        plan.roads.push_back(b % 2 == 0 ? line({start, end}) : line({end, start}));
    }
    // A chain of vertices 0.3-0.9 m apart, continuing into a road.
    std::vector<core::PointM> chain{{1500 + jitter(1), 1500 + jitter(1)}};
    for (int k = 0; k < 5; ++k) {
        chain.push_back({chain.back().x + 0.3 + 0.6 * unit(rng), chain.back().y});
    }
    chain.push_back({chain.back().x + 300, chain.back().y + 300});
    plan.roads.push_back(line(chain));
    // Near-duplicates of a few trunk segments.
    for (int d = 0; d < 3; ++d) {
        const auto& trunk = plan.roads[static_cast<std::size_t>(rng() % trunks)].parts[0].points;
        const std::size_t i = rng() % (trunk.size() - 1);
        plan.roads.push_back(line({{trunk[i].x + jitter(0.5), trunk[i].y + jitter(0.5)},
                                   {trunk[i + 1].x + jitter(0.5), trunk[i + 1].y + jitter(0.5)}}));
    }
    for (int k = 0; k < 40; ++k) {
        core::Village v;
        v.code = std::to_string(k);
        v.name = v.code;
        v.seat = core::PointM{unit(rng) * 3000, unit(rng) * 3000};
        v.shape.parts.push_back(core::Polygon{{*v.seat, *v.seat, *v.seat}, {}});
        plan.villages.push_back(v);
    }
    for (int k = 0; k < 4; ++k) {
        core::Site s;
        s.id = "s" + std::to_string(k);
        s.position = {unit(rng) * 3000, unit(rng) * 3000};
        plan.sites.push_back(s);
    }
    return plan;
}

TEST(RoadGraphCrosscheck, reach_matches_an_independent_computation_on_noisy_layers) {
    std::mt19937 rng(20261213);
    int finite = 0;
    for (int round = 0; round < 30; ++round) {
        const core::Plan plan = noisy_layer(rng);
        const RoadNetwork net(plan);
        const RefGraph ref = reference_graph(plan);
        ASSERT_EQ(net.segment_count(), ref.edges.size()) << "round " << round;
        const std::vector<Reach> reach = network_reach(plan, net);
        for (std::size_t v = 0; v < plan.villages.size(); ++v) {
            const RefJoin village = ref_join(ref, *plan.villages[v].seat);
            double expected = kInf;
            for (const core::Site& s : plan.sites) {
                expected =
                    std::min(expected, ref_distance(ref, ref_join(ref, s.position), village));
            }
            if (std::isinf(expected)) {
                EXPECT_TRUE(std::isinf(reach[v].distance_m)) << "round " << round << " v " << v;
                continue;
            }
            ++finite;
            EXPECT_NEAR(reach[v].distance_m, expected, 1e-6 * expected)
                << "round " << round << " village " << v;
        }
    }
    EXPECT_GT(finite, 600);  // most villages reach a site: the check compares real distances
}

}  // namespace
}  // namespace beltplan::analysis
