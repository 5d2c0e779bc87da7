// Belt members by polygon-to-road distance, sites by linear referencing, gaps and reach.
#include "analysis/belts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace beltplan::analysis {

namespace {

// Projection of p onto a polyline: distance from the line and position along it.
struct Projection {
    double distance_m = std::numeric_limits<double>::infinity();
    double position_m = 0;
};

Projection project(const core::LineString& line, const core::PointM& p) {
    Projection best;
    double walked = 0;
    for (std::size_t i = 0; i + 1 < line.points.size(); ++i) {
        const core::PointM& a = line.points[i];
        const core::PointM& b = line.points[i + 1];
        const double len = core::distance_m(a, b);
        double t = 0;
        if (len > 0) {
            t = std::clamp(((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (len * len),
                           0.0, 1.0);
        }
        const double d = core::distance_m(p, {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
        if (d < best.distance_m) {
            best = {d, walked + t * len};
        }
        walked += len;
    }
    return best;
}

bool segments_cross(const core::PointM& a, const core::PointM& b, const core::PointM& c,
                    const core::PointM& d) {
    auto orient = [](const core::PointM& p, const core::PointM& q, const core::PointM& r) {
        const double v = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
        return (v > 0) - (v < 0);
    };
    const int o1 = orient(a, b, c);
    const int o2 = orient(a, b, d);
    const int o3 = orient(c, d, a);
    const int o4 = orient(c, d, b);
    return o1 != o2 && o3 != o4;
}

// Distance between a village shape and a polyline (0 when they touch or cross).
double shape_line_distance(const core::MultiPolygon& shape, const core::LineString& line) {
    double best = std::numeric_limits<double>::infinity();
    for (const core::PointM& p : line.points) {
        best = std::min(best, core::distance_to_shape_m(shape, p));
        if (best == 0) {
            return 0;
        }
    }
    auto ring_scan = [&](const core::Ring& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            for (std::size_t j = 0; j + 1 < line.points.size(); ++j) {
                if (segments_cross(ring[i], ring[i + 1], line.points[j], line.points[j + 1])) {
                    best = 0;
                    return;
                }
                best = std::min(
                    best, core::distance_to_segment_m(ring[i], line.points[j], line.points[j + 1]));
            }
        }
    };
    for (const core::Polygon& part : shape.parts) {
        ring_scan(part.outer);
        for (const core::Ring& hole : part.holes) {
            ring_scan(hole);
        }
        if (best == 0) {
            return 0;
        }
    }
    return best;
}

bool boxes_near(const core::Box& a, const core::Box& b, double by) {
    return a.min_x - by <= b.max_x && b.min_x <= a.max_x + by && a.min_y - by <= b.max_y &&
           b.min_y <= a.max_y + by;
}

// Sites along one stretch, gaps and covered length (intervals of +-R around each site).
void measure_stretch(BeltStretch& s, double reach_m, BeltResult& r) {
    std::sort(s.sites.begin(), s.sites.end(),
              [](const BeltSite& a, const BeltSite& b) { return a.position_m < b.position_m; });
    double prev = 0;
    auto consider_gap = [&](double from, double to) {
        if (to - from > r.largest_gap.length_m()) {
            r.largest_gap = BeltGap{s.road, s.part, from, to};
        }
    };
    double covered = 0;
    double covered_to = 0;
    for (const BeltSite& site : s.sites) {
        consider_gap(prev, site.position_m);
        prev = site.position_m;
        const double lo = std::max({0.0, site.position_m - reach_m, covered_to});
        const double hi = std::min(s.length_m, site.position_m + reach_m);
        if (hi > lo) {
            covered += hi - lo;
        }
        covered_to = std::max(covered_to, hi);
    }
    consider_gap(prev, s.length_m);
    r.road_length_m += s.length_m;
    r.reach_length_m += covered;
}

}  // namespace

int BeltResult::site_count() const {
    int n = 0;
    for (const BeltStretch& s : stretches) {
        n += static_cast<int>(s.sites.size());
    }
    return n;
}

std::vector<int> belt_members(const core::Plan& plan, const core::Belt& belt) {
    const double w = belt.half_width_m;
    std::vector<char> member(plan.villages.size(), 0);
    for (const std::string& name : belt.roads) {
        for (const core::Road& road : plan.roads) {
            if (road.name != name) {
                continue;
            }
            for (const core::LineString& line : road.parts) {
                const core::Box lb = core::bounds(line);
                for (std::size_t v = 0; v < plan.villages.size(); ++v) {
                    if (!member[v] && boxes_near(core::bounds(plan.villages[v].shape), lb, w) &&
                        shape_line_distance(plan.villages[v].shape, line) <= w) {
                        member[v] = 1;
                    }
                }
            }
        }
    }
    std::vector<int> members;
    for (std::size_t v = 0; v < member.size(); ++v) {
        if (member[v]) {
            members.push_back(static_cast<int>(v));
        }
    }
    return members;
}

BeltResult belt_sites(const core::Plan& plan, const core::Belt& belt, double reach_m) {
    BeltResult r;
    r.belt_id = belt.id;
    r.name = belt.name;
    const double w = belt.half_width_m;
    for (const std::string& name : belt.roads) {
        bool found = false;
        for (const core::Road& road : plan.roads) {
            if (road.name != name) {
                continue;
            }
            found = true;
            for (std::size_t p = 0; p < road.parts.size(); ++p) {
                const core::LineString& line = road.parts[p];
                BeltStretch s{name, static_cast<int>(p), core::length_m(line), {}};
                // A site within w of the line lies within w of its box; the margin keeps a
                // site at exactly w whatever the rounding of the projection.
                const core::Box lb = core::bounds(line);
                const double by = w + 1e-6 * (1.0 + w);
                for (std::size_t i = 0; i < plan.sites.size(); ++i) {
                    core::Box site_box;
                    site_box.expand(plan.sites[i].position);
                    if (!boxes_near(site_box, lb, by)) {
                        continue;
                    }
                    const Projection pr = project(line, plan.sites[i].position);
                    if (pr.distance_m <= w) {
                        s.sites.push_back({static_cast<int>(i), pr.position_m, pr.distance_m});
                    }
                }
                r.stretches.push_back(std::move(s));
            }
        }
        if (!found) {
            r.missing_roads.push_back(name);
        }
    }
    measure_belt(r, reach_m);
    return r;
}

void measure_belt(BeltResult& result, double reach_m) {
    result.largest_gap = BeltGap{};
    result.road_length_m = 0;
    result.reach_length_m = 0;
    for (BeltStretch& s : result.stretches) {
        measure_stretch(s, reach_m, result);
    }
}

BeltResult analyze_belt(const core::Plan& plan, const core::Belt& belt, double reach_m) {
    BeltResult r = belt_sites(plan, belt, reach_m);
    r.members = belt_members(plan, belt);
    return r;
}

std::vector<BeltResult> analyze_belts(const core::Plan& plan) {
    std::vector<BeltResult> out;
    for (const core::Belt& b : plan.belts) {
        out.push_back(analyze_belt(plan, b, plan.settings.reach_m));
    }
    return out;
}

}  // namespace beltplan::analysis
