// Queries of the road graph: nearest-segment attachment through an R-tree, multi-source
// Dijkstra, incremental source moves and point-to-point paths. Construction: road_network_build.
#include "analysis/road_network.h"

#include "analysis/road_network_impl.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <queue>
#include <unordered_map>

namespace beltplan::analysis {

using road_graph::Arc;
using road_graph::BPoint;
using road_graph::SegmentEntry;
using Segment = RoadNetwork::SegmentInfo;
namespace bg = road_graph::bg;
namespace bgi = road_graph::bgi;

RoadNetwork::RoadNetwork(const core::Plan& plan) : impl_(std::make_unique<Impl>()) {
    impl_->build(plan);
}

RoadNetwork::~RoadNetwork() = default;
RoadNetwork::RoadNetwork(RoadNetwork&&) noexcept = default;
RoadNetwork& RoadNetwork::operator=(RoadNetwork&&) noexcept = default;

std::size_t RoadNetwork::node_count() const {
    return impl_->nodes.size();
}
std::size_t RoadNetwork::segment_count() const {
    return impl_->segments.size();
}
double RoadNetwork::segment_length_m(int segment) const {
    return impl_->segments[static_cast<std::size_t>(segment)].length_m;
}
const RoadNetwork::SegmentInfo& RoadNetwork::segment(int segment) const {
    return impl_->segments[static_cast<std::size_t>(segment)];
}
core::PointM RoadNetwork::node_position(int node) const {
    return impl_->nodes[static_cast<std::size_t>(node)];
}
int RoadNetwork::degree(int node) const {
    return static_cast<int>(impl_->arcs[static_cast<std::size_t>(node)].size());
}
const RoadNetwork::BuildReport& RoadNetwork::build_report() const {
    return impl_->report;
}

Attachment RoadNetwork::attach(const core::PointM& p) const {
    Attachment best;
    if (impl_->segments.empty()) {
        return best;
    }
    best.access_m = std::numeric_limits<double>::infinity();
    // The R-tree orders candidates by box distance, a lower bound of the segment distance:
    // take the k nearest boxes, and ask for more only while the farthest box could still
    // hold a nearer segment.
    const BPoint q(p.x, p.y);
    std::vector<SegmentEntry> candidates;
    for (unsigned k = 8;; k *= 4) {
        candidates.clear();
        impl_->tree.query(bgi::nearest(q, k), std::back_inserter(candidates));
        double farthest_box = 0.0;
        for (const SegmentEntry& c : candidates) {
            const Segment& s = impl_->segments[static_cast<std::size_t>(c.second)];
            const double t = road_graph::project(p, s.pa, s.pb);
            const core::PointM at = road_graph::lerp(s.pa, s.pb, t);
            const double d = core::distance_m(p, at);
            if (d < best.access_m || (d == best.access_m && c.second < best.segment)) {
                best = Attachment{c.second, t, d, at};
            }
            bg::model::box<BPoint> box;
            bg::envelope(c.first, box);
            farthest_box = std::max(farthest_box, bg::distance(q, box));
        }
        if (candidates.size() < k || farthest_box > best.access_m) {
            break;
        }
    }
    return best;
}

RoadNetwork::NodeDistances RoadNetwork::from_sources(const std::vector<Attachment>& sources,
                                                     double cutoff_m) const {
    NodeDistances out;
    out.distance_m.assign(impl_->nodes.size(), std::numeric_limits<double>::infinity());
    out.source.assign(impl_->nodes.size(), -1);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    auto offer = [&](int node, double d, int source) {
        auto n = static_cast<std::size_t>(node);
        if (d < out.distance_m[n] && d <= cutoff_m) {
            out.distance_m[n] = d;
            out.source[n] = source;
            queue.emplace(d, node);
        }
    };
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const Attachment& a = sources[i];
        if (a.segment < 0) {
            continue;
        }
        out.on_segment.emplace_back(a.segment, static_cast<int>(i));
        const Segment& s = impl_->segments[static_cast<std::size_t>(a.segment)];
        offer(s.a, a.access_m + a.t * s.length_m, static_cast<int>(i));
        offer(s.b, a.access_m + (1.0 - a.t) * s.length_m, static_cast<int>(i));
    }
    std::sort(out.on_segment.begin(), out.on_segment.end());
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        const auto n = static_cast<std::size_t>(node);
        if (d > out.distance_m[n]) {
            continue;
        }
        for (const Arc& arc : impl_->arcs[n]) {
            offer(arc.to, d + arc.length_m, out.source[n]);
        }
    }
    return out;
}

std::vector<int> RoadNetwork::move_source(NodeDistances& nodes, std::vector<Attachment>& sources,
                                          int source, const Attachment& to) const {
    const auto k = static_cast<std::size_t>(source);
    // Keep on_segment sorted: drop the old entry, add the new one.
    auto& on = nodes.on_segment;
    on.erase(std::remove(on.begin(), on.end(), std::make_pair(sources[k].segment, source)),
             on.end());
    sources[k] = to;
    if (to.segment >= 0) {
        on.insert(std::lower_bound(on.begin(), on.end(), std::make_pair(to.segment, source)),
                  std::make_pair(to.segment, source));
    }
    // 1. Forget what the moved source reached.
    std::vector<int> changed;
    std::vector<char> reset(impl_->nodes.size(), 0);
    for (std::size_t n = 0; n < nodes.source.size(); ++n) {
        if (nodes.source[n] == source) {
            nodes.distance_m[n] = std::numeric_limits<double>::infinity();
            nodes.source[n] = -1;
            reset[n] = 1;
            changed.push_back(static_cast<int>(n));
        }
    }
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    auto offer = [&](int node, double d, int src) {
        const auto n = static_cast<std::size_t>(node);
        if (d < nodes.distance_m[n]) {
            if (!reset[n]) {
                reset[n] = 1;
                changed.push_back(node);
            }
            nodes.distance_m[n] = d;
            nodes.source[n] = src;
            queue.emplace(d, node);
        }
    };
    // 2. Re-reach the forgotten nodes from kept neighbours and from sources beside them.
    for (int node : std::vector<int>(changed)) {
        for (const Arc& arc : impl_->arcs[static_cast<std::size_t>(node)]) {
            const auto u = static_cast<std::size_t>(arc.to);
            if (nodes.source[u] >= 0) {
                offer(node, nodes.distance_m[u] + arc.length_m, nodes.source[u]);
            }
        }
    }
    for (const auto& [segment, src] : on) {
        const Segment& s = impl_->segments[static_cast<std::size_t>(segment)];
        const Attachment& a = sources[static_cast<std::size_t>(src)];
        offer(s.a, a.access_m + a.t * s.length_m, src);
        offer(s.b, a.access_m + (1.0 - a.t) * s.length_m, src);
    }
    // 3. Relax outwards; only improvements travel.
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        const auto n = static_cast<std::size_t>(node);
        if (d > nodes.distance_m[n]) {
            continue;
        }
        for (const Arc& arc : impl_->arcs[n]) {
            offer(arc.to, d + arc.length_m, nodes.source[n]);
        }
    }
    return changed;
}

Reach RoadNetwork::distance_to(const Attachment& target, const std::vector<Attachment>& sources,
                               const NodeDistances& nodes) const {
    Reach r;
    if (target.segment < 0) {
        return r;
    }
    const Segment& s = impl_->segments[static_cast<std::size_t>(target.segment)];
    auto via = [&](int node, double along) {
        const auto n = static_cast<std::size_t>(node);
        const double d = nodes.distance_m[n] + along + target.access_m;
        if (d < r.distance_m) {
            r = Reach{d, nodes.source[n]};
        }
    };
    via(s.a, target.t * s.length_m);
    via(s.b, (1.0 - target.t) * s.length_m);
    // Sources on the target's own segment are reached along it without passing a node.
    auto first = std::lower_bound(nodes.on_segment.begin(), nodes.on_segment.end(),
                                  std::make_pair(target.segment, -1));
    for (auto it = first; it != nodes.on_segment.end() && it->first == target.segment; ++it) {
        const Attachment& src = sources[static_cast<std::size_t>(it->second)];
        const double d = src.access_m + std::abs(src.t - target.t) * s.length_m + target.access_m;
        if (d < r.distance_m) {
            r = Reach{d, it->second};
        }
    }
    return r;
}

RoadNetwork::Path RoadNetwork::path_between(const core::PointM& from,
                                            const core::PointM& to) const {
    Path path;
    const Attachment a = attach(from);
    const Attachment b = attach(to);
    if (a.segment < 0 || b.segment < 0) {
        return path;
    }
    const Segment& sa = impl_->segments[static_cast<std::size_t>(a.segment)];
    const Segment& sb = impl_->segments[static_cast<std::size_t>(b.segment)];
    const auto inf = std::numeric_limits<double>::infinity();
    std::vector<double> dist(impl_->nodes.size(), inf);
    std::vector<int> previous(impl_->nodes.size(), -1);  // -1: reached straight from `a`
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    auto offer = [&](int node, double d, int from_node) {
        const auto n = static_cast<std::size_t>(node);
        if (d < dist[n]) {
            dist[n] = d;
            previous[n] = from_node;
            queue.emplace(d, node);
        }
    };
    offer(sa.a, a.t * sa.length_m, -1);
    offer(sa.b, (1.0 - a.t) * sa.length_m, -1);
    // The best way in to `b` so far: directly along a shared segment, or through an end node.
    double best = a.segment == b.segment ? std::abs(a.t - b.t) * sa.length_m : inf;
    int best_node = -1;  // -1 with a finite best: along the shared segment
    auto try_target = [&](int node) {
        const auto n = static_cast<std::size_t>(node);
        const double along = node == sb.a ? b.t * sb.length_m : (1.0 - b.t) * sb.length_m;
        if (dist[n] + along < best) {
            best = dist[n] + along;
            best_node = node;
        }
    };
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        const auto n = static_cast<std::size_t>(node);
        if (d > dist[n]) {
            continue;
        }
        if (d >= best) {
            break;  // nothing left in the queue can do better
        }
        if (node == sb.a || node == sb.b) {
            try_target(node);
        }
        for (const Arc& arc : impl_->arcs[n]) {
            offer(arc.to, d + arc.length_m, node);
        }
    }
    if (!std::isfinite(best)) {
        return path;  // the two points lie on roads that do not connect
    }
    path.road_m = best;
    path.distance_m = a.access_m + best + b.access_m;
    std::vector<core::PointM> nodes_back;
    for (int node = best_node; node >= 0; node = previous[static_cast<std::size_t>(node)]) {
        nodes_back.push_back(impl_->nodes[static_cast<std::size_t>(node)]);
    }
    path.points.push_back(from);
    path.points.push_back(a.at);
    path.points.insert(path.points.end(), nodes_back.rbegin(), nodes_back.rend());
    path.points.push_back(b.at);
    path.points.push_back(to);
    return path;
}

std::vector<Reach> network_reach(const core::Plan& plan, const RoadNetwork& network) {
    std::vector<Reach> reach(plan.villages.size());
    if (network.empty() || plan.sites.empty()) {
        return reach;
    }
    std::vector<Attachment> sources;
    sources.reserve(plan.sites.size());
    for (const core::Site& s : plan.sites) {
        sources.push_back(network.attach(s.position));
    }
    const RoadNetwork::NodeDistances nodes = network.from_sources(sources);
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        reach[v] =
            network.distance_to(network.attach(core::anchor(plan.villages[v])), sources, nodes);
    }
    return reach;
}

}  // namespace beltplan::analysis
