// ArcTopology: vertices shared by identical coordinates, junctions where a vertex has other
// than two distinct neighbours, rings cut into arcs at junctions and deduplicated, and a
// Douglas-Peucker threshold per arc vertex so any tolerance is one pass.
#include "core/arc_simplify.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <tuple>
#include <unordered_map>

namespace beltplan::core {

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kAlways = std::numeric_limits<double>::infinity();

struct PointHash {
    std::size_t operator()(const PointM& p) const {
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        const double px = p.x + 0.0;  // -0.0 and 0.0 hash alike (they compare equal)
        const double py = p.y + 0.0;
        std::memcpy(&x, &px, sizeof x);
        std::memcpy(&y, &py, sizeof y);
        return static_cast<std::size_t>(x * 0x9E3779B97F4A7C15ULL ^ (y + (x << 6) + (x >> 2)));
    }
};

std::uint64_t hash_ids(const std::vector<std::uint32_t>& ids) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::uint32_t v : ids) {
        h = (h ^ v) * 1099511628211ULL;
    }
    return h;
}

// Douglas-Peucker over points [a, b] of `at(i)`: thr[k] is the largest tolerance that keeps
// vertex k, capped by the vertex that split its range (so keeping thr > tol is exactly the
// result of Douglas-Peucker at tol).
template <typename At>
void douglas_peucker(const At& at, std::size_t a, std::size_t b, double cap, double* thr) {
    std::vector<std::tuple<std::size_t, std::size_t, double>> stack{{a, b, cap}};
    while (!stack.empty()) {
        const auto [i, j, limit] = stack.back();
        stack.pop_back();
        if (j <= i + 1) {
            continue;
        }
        double best = -1.0;
        std::size_t k = i + 1;
        for (std::size_t m = i + 1; m < j; ++m) {
            const double d = distance_to_segment_m(at(m), at(i), at(j));
            if (d > best) {
                best = d;
                k = m;
            }
        }
        const double t = std::min(best, limit);
        thr[k] = t;
        stack.emplace_back(i, k, t);
        stack.emplace_back(k, j, t);
    }
}

}  // namespace

ArcTopology::ArcTopology(const std::vector<const MultiPolygon*>& shapes)
    : shape_count_(shapes.size()) {
    std::size_t vertices = 0;
    for (const MultiPolygon* shape : shapes) {
        vertices += core::vertex_count(*shape);
    }
    std::unordered_map<PointM, std::uint32_t, PointHash> ids;
    ids.reserve(vertices);  // shared boundaries: about half as many distinct points
    points_.reserve(vertices / 2);
    arc_vertices_.reserve(vertices);
    arc_index_.reserve(vertices / 2);
    auto ring_ids = [&](const Ring& ring) {
        std::vector<std::uint32_t> out;
        out.reserve(ring.size());
        for (const PointM& p : ring) {
            const auto [it, added] = ids.emplace(p, static_cast<std::uint32_t>(points_.size()));
            if (added) {
                points_.push_back(p);
            }
            if (out.empty() || out.back() != it->second) {
                out.push_back(it->second);
            }
        }
        while (out.size() > 1 && out.front() == out.back()) {
            out.pop_back();
        }
        return out;
    };
    struct Pending {
        std::vector<std::uint32_t> ids;
        std::uint32_t shape = 0;
        bool hole = false;
    };
    std::vector<Pending> pending;
    for (std::size_t s = 0; s < shapes.size(); ++s) {
        for (const Polygon& part : shapes[s]->parts) {
            std::vector<std::uint32_t> outer = ring_ids(part.outer);
            if (outer.size() < 3) {
                continue;
            }
            pending.push_back({std::move(outer), static_cast<std::uint32_t>(s), false});
            for (const Ring& hole : part.holes) {
                std::vector<std::uint32_t> h = ring_ids(hole);
                if (h.size() >= 3) {
                    pending.push_back({std::move(h), static_cast<std::uint32_t>(s), true});
                }
            }
        }
    }
    // A junction has other than two distinct neighbours over all the rings through it.
    std::vector<std::uint32_t> neighbours(2 * points_.size(), kNone);
    junction_.assign(points_.size(), false);
    auto link = [&](std::uint32_t v, std::uint32_t w) {
        std::uint32_t& a = neighbours[2 * v];
        std::uint32_t& b = neighbours[2 * v + 1];
        if (a == w || b == w) {
            return;
        }
        if (a == kNone) {
            a = w;
        } else if (b == kNone) {
            b = w;
        } else {
            junction_[v] = true;
        }
    };
    for (const Pending& p : pending) {
        const std::size_t n = p.ids.size();
        for (std::size_t i = 0; i < n; ++i) {
            link(p.ids[i], p.ids[(i + n - 1) % n]);
            link(p.ids[i], p.ids[(i + 1) % n]);
        }
    }
    for (std::size_t v = 0; v < points_.size(); ++v) {
        if (neighbours[2 * v + 1] == kNone) {
            junction_[v] = true;
        }
    }
    for (const Pending& p : pending) {
        RingRefs ring;
        ring.shape = p.shape;
        ring.hole = p.hole;
        ring.first_ref = static_cast<std::uint32_t>(refs_.size());
        add_ring_arcs(p.ids, p.shape);
        ring.ref_count = static_cast<std::uint32_t>(refs_.size()) - ring.first_ref;
        rings_.push_back(ring);
    }
    arc_index_ = {};  // only needed while building
    thresholds_.assign(arc_vertices_.size(), 0.0);
    for (const Arc& arc : arcs_) {
        compute_thresholds(arc);
    }
}

void ArcTopology::add_ring_arcs(const std::vector<std::uint32_t>& ring, std::uint32_t shape) {
    const std::size_t n = ring.size();
    std::size_t start = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (junction_[ring[i]]) {
            start = i;
            break;
        }
    }
    if (start == n) {
        // A ring that meets no other (an island, or an enclave and its hole, which both
        // pick the same smallest vertex id): one closed arc from a canonical vertex.
        start = static_cast<std::size_t>(std::min_element(ring.begin(), ring.end()) - ring.begin());
        junction_[ring[start]] = true;
    }
    std::vector<std::uint32_t> seq{ring[start]};
    for (std::size_t k = 1; k <= n; ++k) {
        const std::uint32_t v = ring[(start + k) % n];
        seq.push_back(v);
        if (!junction_[v]) {
            continue;
        }
        bool reversed = false;
        const std::uint32_t arc = find_or_add_arc(seq, reversed);
        refs_.push_back(arc * 2 + (reversed ? 1 : 0));
        std::array<int, 2>& sides = arcs_[arc].sides;
        (sides[0] == -1 ? sides[0] : sides[1]) = static_cast<int>(shape);
        seq.assign(1, v);
    }
}

std::uint32_t ArcTopology::find_or_add_arc(std::vector<std::uint32_t>& seq, bool& reversed) {
    // One direction per arc: from the smaller end id (closed arcs: smaller second vertex).
    reversed =
        seq.front() > seq.back() || (seq.front() == seq.back() && seq[1] > seq[seq.size() - 2]);
    if (reversed) {
        std::reverse(seq.begin(), seq.end());
    }
    const std::uint64_t h = hash_ids(seq);
    auto [lo, hi] = arc_index_.equal_range(h);
    for (auto it = lo; it != hi; ++it) {
        const Arc& a = arcs_[it->second];
        if (a.count == seq.size() &&
            std::equal(seq.begin(), seq.end(), arc_vertices_.begin() + a.first)) {
            return it->second;
        }
    }
    const auto id = static_cast<std::uint32_t>(arcs_.size());
    Arc arc;
    arc.first = static_cast<std::uint32_t>(arc_vertices_.size());
    arc.count = static_cast<std::uint32_t>(seq.size());
    arcs_.push_back(arc);
    arc_vertices_.insert(arc_vertices_.end(), seq.begin(), seq.end());
    arc_index_.emplace(h, id);
    return id;
}

void ArcTopology::compute_thresholds(const Arc& arc) {
    const std::uint32_t* ids = arc_vertices_.data() + arc.first;
    double* thr = thresholds_.data() + arc.first;
    const std::size_t n = arc.count;
    auto at = [&](std::size_t i) -> const PointM& { return points_[ids[i]]; };
    thr[0] = kAlways;
    thr[n - 1] = kAlways;
    if (ids[0] != ids[n - 1]) {
        douglas_peucker(at, 0, n - 1, kAlways, thr);
        return;
    }
    // A closed arc has no base line: keep the vertex farthest from its start, and the one
    // farthest from that diagonal, so the ring stays a triangle at least.
    std::size_t far = 1;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        if (distance_m(at(0), at(i)) > distance_m(at(0), at(far))) {
            far = i;
        }
    }
    douglas_peucker(at, 0, far, kAlways, thr);
    douglas_peucker(at, far, n - 1, kAlways, thr);
    thr[far] = kAlways;
    std::size_t third = n;
    double best = -1.0;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        const double d = distance_to_segment_m(at(i), at(0), at(far));
        if (i != far && d > best) {
            best = d;
            third = i;
        }
    }
    if (third < n) {
        thr[third] = kAlways;
    }
}

void ArcTopology::keep_three_corners(std::vector<std::uint8_t>& kept) const {
    for (const RingRefs& ring : rings_) {
        for (;;) {
            std::size_t corners = 0;
            std::size_t candidate = kNone;
            for (std::uint32_t r = 0; r < ring.ref_count; ++r) {
                const Arc& arc = arcs_[refs_[ring.first_ref + r] / 2];
                for (std::uint32_t i = 0; i < arc.count; ++i) {
                    const std::size_t v = arc.first + i;
                    corners += i + 1 < arc.count && kept[v] != 0 ? 1 : 0;
                    if (kept[v] == 0 &&
                        (candidate == kNone || thresholds_[v] > thresholds_[candidate])) {
                        candidate = v;
                    }
                }
            }
            if (corners >= 3 || candidate == kNone) {
                break;
            }
            kept[candidate] = 1;
        }
    }
}

SimplifiedCoverage ArcTopology::simplify(double tolerance_m) const {
    std::vector<std::uint8_t> kept(arc_vertices_.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        kept[i] = thresholds_[i] > tolerance_m ? 1 : 0;
    }
    keep_three_corners(kept);
    SimplifiedCoverage out;
    out.shapes.resize(shape_count_);
    out.arcs.reserve(arcs_.size());
    out.arc_shapes.reserve(arcs_.size());
    for (const Arc& arc : arcs_) {
        LineString line;
        for (std::uint32_t i = 0; i < arc.count; ++i) {
            if (kept[arc.first + i] != 0) {
                line.points.push_back(points_[arc_vertices_[arc.first + i]]);
            }
        }
        out.arcs.push_back(std::move(line));
        out.arc_shapes.push_back(arc.sides);
    }
    for (const RingRefs& ring : rings_) {
        Ring points;
        for (std::uint32_t r = 0; r < ring.ref_count; ++r) {
            const std::uint32_t ref = refs_[ring.first_ref + r];
            const Arc& arc = arcs_[ref / 2];
            // Each arc adds its vertices but the last: the next arc starts there.
            for (std::uint32_t k = 0; k + 1 < arc.count; ++k) {
                const std::uint32_t i = (ref & 1U) != 0 ? arc.count - 1 - k : k;
                if (kept[arc.first + i] != 0) {
                    points.push_back(points_[arc_vertices_[arc.first + i]]);
                }
            }
        }
        if (points.empty()) {
            continue;
        }
        points.push_back(points.front());
        MultiPolygon& shape = out.shapes[ring.shape];
        if (!ring.hole) {
            shape.parts.push_back(Polygon{std::move(points), {}});
        } else if (!shape.parts.empty()) {
            shape.parts.back().holes.push_back(std::move(points));
        }
    }
    return out;
}

LineString simplify_line(const LineString& line, double tolerance_m) {
    const std::size_t n = line.points.size();
    if (n < 3) {
        return line;
    }
    std::vector<double> thr(n, 0.0);
    thr[0] = kAlways;
    thr[n - 1] = kAlways;
    douglas_peucker([&](std::size_t i) -> const PointM& { return line.points[i]; }, 0, n - 1,
                    kAlways, thr.data());
    LineString out;
    for (std::size_t i = 0; i < n; ++i) {
        if (thr[i] > tolerance_m) {
            out.points.push_back(line.points[i]);
        }
    }
    return out;
}

}  // namespace beltplan::core
