// Exact planar helpers on the geometry value types: area, centroid, containment, distances.
#include "core/geometry.h"

#include <algorithm>
#include <cmath>

namespace beltplan::core {

void Box::expand(const PointM& p) {
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
}

void Box::expand(const Box& b) {
    if (!b.valid()) {
        return;
    }
    min_x = std::min(min_x, b.min_x);
    min_y = std::min(min_y, b.min_y);
    max_x = std::max(max_x, b.max_x);
    max_y = std::max(max_y, b.max_y);
}

bool Box::contains(const PointM& p) const {
    return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
}

double signed_area_m2(const Ring& ring) {
    if (ring.size() < 4) {
        return 0.0;
    }
    // Shifted origin keeps precision for GK coordinates in the millions.
    const PointM o = ring.front();
    double twice = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double x0 = ring[i].x - o.x;
        const double y0 = ring[i].y - o.y;
        const double x1 = ring[i + 1].x - o.x;
        const double y1 = ring[i + 1].y - o.y;
        twice += x0 * y1 - x1 * y0;
    }
    return twice / 2.0;
}

double area_m2(const Polygon& polygon) {
    double a = std::abs(signed_area_m2(polygon.outer));
    for (const Ring& hole : polygon.holes) {
        a -= std::abs(signed_area_m2(hole));
    }
    return a;
}

double area_m2(const MultiPolygon& shape) {
    double a = 0.0;
    for (const Polygon& p : shape.parts) {
        a += area_m2(p);
    }
    return a;
}

namespace {

// Adds a ring's first moments (relative to origin o) with the given sign.
void accumulate_ring(const Ring& ring, const PointM& o, double sign, double& a, double& cx,
                     double& cy) {
    double ra = 0.0;
    double rx = 0.0;
    double ry = 0.0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const double x0 = ring[i].x - o.x;
        const double y0 = ring[i].y - o.y;
        const double x1 = ring[i + 1].x - o.x;
        const double y1 = ring[i + 1].y - o.y;
        const double cross = x0 * y1 - x1 * y0;
        ra += cross;
        rx += (x0 + x1) * cross;
        ry += (y0 + y1) * cross;
    }
    // Orientation-independent: flip so the ring contributes with `sign`.
    const double flip = (ra < 0.0 ? -1.0 : 1.0) * sign;
    a += flip * ra / 2.0;
    cx += flip * rx / 6.0;
    cy += flip * ry / 6.0;
}

// Ray-casting parity test; points on an edge count as inside.
bool ring_contains(const Ring& ring, const PointM& p, bool& on_edge) {
    bool inside = false;
    for (std::size_t i = 0, n = ring.size(); i + 1 < n; ++i) {
        const PointM& a = ring[i];
        const PointM& b = ring[i + 1];
        if (distance_to_segment_m(p, a, b) == 0.0) {
            on_edge = true;
            return true;
        }
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < x) {
                inside = !inside;
            }
        }
    }
    return inside;
}

}  // namespace

PointM centroid(const MultiPolygon& shape) {
    if (shape.parts.empty() || shape.parts.front().outer.empty()) {
        return {};
    }
    const PointM o = shape.parts.front().outer.front();
    double a = 0.0;
    double cx = 0.0;
    double cy = 0.0;
    for (const Polygon& part : shape.parts) {
        accumulate_ring(part.outer, o, 1.0, a, cx, cy);
        for (const Ring& hole : part.holes) {
            accumulate_ring(hole, o, -1.0, a, cx, cy);
        }
    }
    if (a == 0.0) {
        return o;
    }
    return {o.x + cx / a, o.y + cy / a};
}

bool contains(const MultiPolygon& shape, const PointM& p) {
    for (const Polygon& part : shape.parts) {
        bool on_edge = false;
        if (!ring_contains(part.outer, p, on_edge)) {
            continue;
        }
        if (on_edge) {
            return true;
        }
        bool in_hole = false;
        for (const Ring& hole : part.holes) {
            bool hole_edge = false;
            if (ring_contains(hole, p, hole_edge) && !hole_edge) {
                in_hole = true;
                break;
            }
        }
        if (!in_hole) {
            return true;
        }
    }
    return false;
}

double distance_m(const PointM& a, const PointM& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

double distance_to_segment_m(const PointM& p, const PointM& a, const PointM& b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (len2 == 0.0) {
        return distance_m(p, a);
    }
    const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
    return distance_m(p, {a.x + t * dx, a.y + t * dy});
}

double distance_to_shape_m(const MultiPolygon& shape, const PointM& p) {
    if (contains(shape, p)) {
        return 0.0;
    }
    double best = std::numeric_limits<double>::infinity();
    auto scan = [&](const Ring& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            best = std::min(best, distance_to_segment_m(p, ring[i], ring[i + 1]));
        }
    };
    for (const Polygon& part : shape.parts) {
        scan(part.outer);
        for (const Ring& hole : part.holes) {
            scan(hole);
        }
    }
    return best;
}

double length_m(const LineString& line) {
    double len = 0.0;
    for (std::size_t i = 0; i + 1 < line.points.size(); ++i) {
        len += distance_m(line.points[i], line.points[i + 1]);
    }
    return len;
}

Box bounds(const MultiPolygon& shape) {
    Box b;
    for (const Polygon& part : shape.parts) {
        for (const PointM& p : part.outer) {
            b.expand(p);
        }
    }
    return b;
}

Box bounds(const LineString& line) {
    Box b;
    for (const PointM& p : line.points) {
        b.expand(p);
    }
    return b;
}

std::size_t vertex_count(const MultiPolygon& shape) {
    std::size_t n = 0;
    for (const Polygon& part : shape.parts) {
        n += part.outer.size();
        for (const Ring& hole : part.holes) {
            n += hole.size();
        }
    }
    return n;
}

}  // namespace beltplan::core
