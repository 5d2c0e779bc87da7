// RoadReachField: road vertex pairs placed on their network segments once; per set of node
// distances, the exact piecewise-linear distance along each pair (lower envelope of V shapes).
#include "analysis/reach_roads.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace beltplan::analysis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSampleM = 25.0;  // sampling step of pairs that span several segments
constexpr int kMaxSamples = 64;

core::PointM lerp(const core::PointM& a, const core::PointM& b, double u) {
    return {a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u};
}

// A point of a road and the distance there.
struct Valley {
    double u = 0.0;  // 0..1 along the pair
    double m = kInf;
};

}  // namespace

RoadReachField::RoadReachField(const core::Plan& plan, const RoadNetwork& network)
    : network_(network) {
    for (const core::Road& road : plan.roads) {
        for (const core::LineString& line : road.parts) {
            for (std::size_t i = 0; i + 1 < line.points.size(); ++i) {
                Pair pair{line.points[i], line.points[i + 1], -1, 0.0, 0.0};
                const double len = core::distance_m(pair.a, pair.b);
                // The middle lies inside the pair's segment; a point halfway to `a` says which
                // way the segment runs, and both give the vertices' positions on it.
                const Attachment mid = network.attach(lerp(pair.a, pair.b, 0.5));
                const Attachment quarter = network.attach(lerp(pair.a, pair.b, 0.25));
                if (len > 0.0 && mid.segment >= 0 && quarter.segment == mid.segment) {
                    const double step = 2.0 * (quarter.t - mid.t);  // t from the middle to a
                    pair.t_a = mid.t + step;
                    pair.t_b = mid.t - step;
                    const double span =
                        std::abs(pair.t_b - pair.t_a) * network.segment_length_m(mid.segment);
                    const bool inside = std::min(pair.t_a, pair.t_b) > -1e-9 &&
                                        std::max(pair.t_a, pair.t_b) < 1.0 + 1e-9;
                    if (inside && std::abs(span - len) <= 1e-6 * std::max(len, 1.0)) {
                        pair.segment = mid.segment;
                        pair.t_a = std::clamp(pair.t_a, 0.0, 1.0);
                        pair.t_b = std::clamp(pair.t_b, 0.0, 1.0);
                    }
                }
                pairs_.push_back(pair);
            }
        }
    }
}

std::vector<RoadPiece> RoadReachField::pieces(const std::vector<Attachment>& sources,
                                              const RoadNetwork::NodeDistances& nodes) const {
    std::vector<RoadPiece> out;
    out.reserve(pairs_.size() * 2);
    for (const Pair& pair : pairs_) {
        add_pair(pair, sources, nodes, out);
    }
    return out;
}

void RoadReachField::add_pair(const Pair& pair, const std::vector<Attachment>& sources,
                              const RoadNetwork::NodeDistances& nodes,
                              std::vector<RoadPiece>& out) const {
    auto at = [&](int segment, double t, const core::PointM& p) {
        const Attachment on{segment, t, 0.0, p};
        return network_.distance_to(on, sources, nodes).distance_m;
    };
    const double len = core::distance_m(pair.a, pair.b);
    if (pair.segment < 0) {
        const int n = std::clamp(static_cast<int>(std::ceil(len / kSampleM)), 1, kMaxSamples);
        core::PointM prev = pair.a;
        const Attachment first = network_.attach(prev);
        double prev_m = network_.distance_to(first, sources, nodes).distance_m - first.access_m;
        for (int k = 1; k <= n; ++k) {
            const core::PointM p = lerp(pair.a, pair.b, static_cast<double>(k) / n);
            const Attachment on = network_.attach(p);
            const double m = network_.distance_to(on, sources, nodes).distance_m - on.access_m;
            out.push_back({prev, p, prev_m, m});
            prev = p;
            prev_m = m;
        }
        return;
    }
    std::vector<Valley> valleys{{0.0, at(pair.segment, pair.t_a, pair.a)},
                                {1.0, at(pair.segment, pair.t_b, pair.b)}};
    const double dt = pair.t_b - pair.t_a;
    auto first = std::lower_bound(nodes.on_segment.begin(), nodes.on_segment.end(),
                                  std::make_pair(pair.segment, -1));
    for (auto it = first; it != nodes.on_segment.end() && it->first == pair.segment; ++it) {
        const Attachment& src = sources[static_cast<std::size_t>(it->second)];
        const double u = dt != 0.0 ? (src.t - pair.t_a) / dt : -1.0;
        if (u > 0.0 && u < 1.0) {
            valleys.push_back({u, src.access_m});
        }
    }
    std::sort(valleys.begin(), valleys.end(),
              [](const Valley& x, const Valley& y) { return x.u < y.u; });
    // The distance at each valley through the others (slope: one metre per metre of road).
    for (Valley& v : valleys) {
        for (const Valley& w : valleys) {
            v.m = std::min(v.m, w.m + std::abs(v.u - w.u) * len);
        }
    }
    for (std::size_t i = 0; i + 1 < valleys.size(); ++i) {
        const Valley& x = valleys[i];
        const Valley& y = valleys[i + 1];
        const core::PointM px = lerp(pair.a, pair.b, x.u);
        const core::PointM py = lerp(pair.a, pair.b, y.u);
        if (!std::isfinite(x.m) || len <= 0.0) {
            out.push_back({px, py, x.m, y.m});
            continue;
        }
        // Where the rise from x meets the rise from y.
        const double peak = std::clamp(((y.m - x.m) / len + x.u + y.u) / 2.0, x.u, y.u);
        const double peak_m = x.m + (peak - x.u) * len;
        const core::PointM pp = lerp(pair.a, pair.b, peak);
        if (peak > x.u) {
            out.push_back({px, pp, x.m, peak_m});
        }
        if (peak < y.u) {
            out.push_back({pp, py, peak_m, y.m});
        }
    }
}

std::vector<core::LineString> roads_within(const std::vector<RoadPiece>& pieces, double radius_m) {
    std::vector<core::LineString> out;
    core::LineString run;
    auto flush = [&] {
        if (run.points.size() >= 2) {
            out.push_back(run);
        }
        run.points.clear();
    };
    for (const RoadPiece& p : pieces) {
        const bool in_a = p.a_m <= radius_m;
        const bool in_b = p.b_m <= radius_m;
        if (!in_a && !in_b) {
            flush();
            continue;
        }
        core::PointM from = p.a;
        core::PointM to = p.b;
        if (in_a != in_b) {
            // An unreachable end (a sampled pair) keeps nothing past the reachable one.
            const bool finite = std::isfinite(p.a_m) && std::isfinite(p.b_m);
            const double f = finite ? (radius_m - p.a_m) / (p.b_m - p.a_m) : (in_a ? 0.0 : 1.0);
            (in_a ? to : from) = lerp(p.a, p.b, std::clamp(f, 0.0, 1.0));
        }
        if (run.points.empty() || !(run.points.back() == from)) {
            flush();
            run.points.push_back(from);
        }
        run.points.push_back(to);
        if (!in_b) {
            flush();
        }
    }
    flush();
    return out;
}

}  // namespace beltplan::analysis
