// Village cells from core::voronoi_cells, rounding to the 0.01 m grid, and the tiling checks.
#include "sample/cells.h"

#include "core/geos_ops.h"
#include "sample/outline.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace beltplan::tools {

namespace {

// Rounds a ring to the grid and drops consecutive duplicates; empty when fewer than 4 remain.
core::Ring rounded(const core::Ring& ring) {
    core::Ring out;
    for (const core::PointM& p : ring) {
        const core::PointM q = round_cm(p);
        if (out.empty() || out.back() != q) {
            out.push_back(q);
        }
    }
    if (!out.empty() && out.front() != out.back()) {
        out.push_back(out.front());
    }
    if (out.size() < 4) {
        out.clear();
    }
    return out;
}

core::MultiPolygon rounded(const core::MultiPolygon& shape) {
    core::MultiPolygon out;
    for (const core::Polygon& p : shape.parts) {
        core::Polygon q{rounded(p.outer), {}};
        if (q.outer.empty()) {
            continue;
        }
        for (const core::Ring& h : p.holes) {
            core::Ring r = rounded(h);
            if (!r.empty()) {
                q.holes.push_back(std::move(r));
            }
        }
        out.parts.push_back(std::move(q));
    }
    return out;
}

template <typename F>
void for_each_ring(const core::MultiPolygon& shape, F f) {
    for (const core::Polygon& p : shape.parts) {
        f(p.outer);
        for (const core::Ring& h : p.holes) {
            f(h);
        }
    }
}

bool boxes_touch(const core::Box& a, const core::Box& b, double tol) {
    return a.min_x <= b.max_x + tol && b.min_x <= a.max_x + tol && a.min_y <= b.max_y + tol &&
           b.min_y <= a.max_y + tol;
}

// Vertices of `a` lying on the boundary of `b` (within tol): how many, and how many of those
// are not vertices of `b`.
std::pair<int, int> vertices_on_boundary(const core::MultiPolygon& a, const core::MultiPolygon& b,
                                         const std::set<std::pair<double, double>>& b_vertices,
                                         double tol) {
    int on = 0;
    int not_vertex = 0;
    for_each_ring(a, [&](const core::Ring& ra) {
        for (std::size_t i = 0; i + 1 < ra.size(); ++i) {
            const core::PointM& p = ra[i];
            bool touches = false;
            for_each_ring(b, [&](const core::Ring& rb) {
                for (std::size_t j = 0; j + 1 < rb.size() && !touches; ++j) {
                    touches = core::distance_to_segment_m(p, rb[j], rb[j + 1]) <= tol;
                }
            });
            if (touches) {
                ++on;
                not_vertex += b_vertices.count({p.x, p.y}) == 0 ? 1 : 0;
            }
        }
    });
    return {on, not_vertex};
}

}  // namespace

std::vector<core::MultiPolygon> make_village_cells(const std::vector<VillageState>& villages,
                                                   const core::Polygon& outline) {
    std::vector<core::PointM> seats;
    for (const VillageState& v : villages) {
        seats.push_back(v.seat);
    }
    std::vector<core::MultiPolygon> cells =
        core::voronoi_cells(seats, core::MultiPolygon{{outline}});
    for (core::MultiPolygon& c : cells) {
        c = rounded(c);
    }
    return cells;
}

TilingReport check_tiling(const std::vector<core::MultiPolygon>& cells,
                          const core::Polygon& outline) {
    TilingReport rep;
    rep.outline_km2 = core::area_m2(outline) / 1e6;
    std::vector<const core::MultiPolygon*> all;
    std::vector<core::Box> boxes;
    std::vector<std::set<std::pair<double, double>>> vertex_sets(cells.size());
    std::map<std::pair<double, double>, std::vector<std::size_t>> cells_at_vertex;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const core::MultiPolygon& c = cells[i];
        all.push_back(&c);
        boxes.push_back(core::bounds(c));
        rep.cells_km2 += core::area_m2(c) / 1e6;
        rep.empty_cells += c.empty() ? 1 : 0;
        rep.multipart_cells += c.parts.size() > 1 ? 1 : 0;
        rep.invalid_cells += core::validity_problem(c).empty() ? 0 : 1;
        for_each_ring(c, [&](const core::Ring& r) {
            for (std::size_t k = 0; k + 1 < r.size(); ++k) {
                if (vertex_sets[i].insert({r[k].x, r[k].y}).second) {
                    cells_at_vertex[{r[k].x, r[k].y}].push_back(i);
                }
            }
        });
    }
    rep.union_km2 = core::area_m2(core::union_all(all)) / 1e6;
    std::set<std::pair<std::size_t, std::size_t>> shared;
    for (const auto& entry : cells_at_vertex) {
        for (std::size_t a = 0; a < entry.second.size(); ++a) {
            for (std::size_t b = a + 1; b < entry.second.size(); ++b) {
                shared.insert({entry.second[a], entry.second[b]});
            }
        }
    }
    rep.queen_pairs_shared = static_cast<int>(shared.size());
    constexpr double kTol = 0.005;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        for (std::size_t j = i + 1; j < cells.size(); ++j) {
            if (!boxes_touch(boxes[i], boxes[j], kTol)) {
                continue;
            }
            const auto ij = vertices_on_boundary(cells[i], cells[j], vertex_sets[j], kTol);
            const auto ji = vertices_on_boundary(cells[j], cells[i], vertex_sets[i], kTol);
            rep.t_junctions += ij.second + ji.second;
            rep.touching_pairs += ij.first + ji.first > 0 ? 1 : 0;
        }
    }
    return rep;
}

std::vector<core::MultiPolygon> make_township_shapes(const std::vector<TownState>& towns,
                                                     const std::vector<VillageState>& villages,
                                                     const std::vector<core::MultiPolygon>& cells,
                                                     TilingReport& report) {
    std::vector<core::MultiPolygon> shapes;
    for (std::size_t t = 0; t < towns.size(); ++t) {
        std::vector<const core::MultiPolygon*> members;
        for (std::size_t v = 0; v < villages.size(); ++v) {
            if (villages[v].town == static_cast<int>(t)) {
                members.push_back(&cells[v]);
            }
        }
        shapes.push_back(rounded(core::union_all(members)));
        report.township_parts_max =
            std::max(report.township_parts_max, static_cast<int>(shapes.back().parts.size()));
    }
    return shapes;
}

}  // namespace beltplan::tools
