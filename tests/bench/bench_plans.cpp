// Deterministic benchmark plans (std::mt19937_64 raw output, so identical on every platform).
#include "bench_plans.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace beltplan::bench {

core::Plan grid_plan(int n, int villages_per_site, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto unit = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
    // Incomes from a stream of their own, so the seats and sites stay as they were.
    std::mt19937_64 income_rng(seed ^ 0x9e3779b97f4a7c15ULL);
    auto income = [&income_rng] {
        return 1.0 + 30.0 * static_cast<double>(income_rng() >> 11) * 0x1.0p-53;
    };
    const int side = static_cast<int>(std::sqrt(static_cast<double>(n)));
    const double cell = 1000.0;
    core::Plan plan;
    plan.name = "bench";
    plan.crs.epsg = 4547;
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            const double x0 = 500000.0 + c * cell;
            const double y0 = 4400000.0 + r * cell;
            core::Village v;
            const int i = r * side + c;
            v.code = std::to_string(130000000000LL + i);
            v.name = "v" + std::to_string(i);
            v.town_code = std::to_string(130000000 + i / 100);
            core::Ring ring{
                {x0, y0}, {x0 + cell, y0}, {x0 + cell, y0 + cell}, {x0, y0 + cell}, {x0, y0}};
            v.shape.parts.push_back(core::Polygon{ring, {}});
            v.seat =
                core::PointM{x0 + cell * (0.2 + 0.6 * unit()), y0 + cell * (0.2 + 0.6 * unit())};
            v.population = 300 + static_cast<std::int64_t>(unit() * 2700.0);
            v.collective_income_wan_yuan = income();
            plan.villages.push_back(std::move(v));
        }
    }
    const int sites = std::max(1, side * side / villages_per_site);
    for (int s = 0; s < sites; ++s) {
        core::Site site;
        site.id = "s" + std::to_string(s);
        site.position = {500000.0 + unit() * side * cell, 4400000.0 + unit() * side * cell};
        plan.sites.push_back(std::move(site));
    }
    return plan;
}

namespace {

constexpr double kOriginX = 500000.0;
constexpr double kOriginY = 4400000.0;
constexpr double kCell = 1000.0;

// The side of a cell from grid node (c0, r0) to (c1, r1) (one step along a row or a column),
// with its interior vertices displaced across it by a hash of the side: the same points
// whichever village asks. Tapered to nothing at the grid nodes.
std::vector<core::PointM> side(int c0, int r0, int c1, int r1, int bends, std::uint64_t seed) {
    const bool reversed = c1 < c0 || r1 < r0;
    const int ca = std::min(c0, c1);
    const int ra = std::min(r0, r1);
    const bool horizontal = r0 == r1;
    std::mt19937_64 rng(seed ^ (static_cast<std::uint64_t>(ca) * 0x9e3779b97f4a7c15ULL) ^
                        (static_cast<std::uint64_t>(ra) * 0xc2b2ae3d27d4eb4fULL) ^
                        (horizontal ? 0x165667b19e3779f9ULL : 0ULL));
    std::vector<core::PointM> pts;
    const core::PointM a{kOriginX + ca * kCell, kOriginY + ra * kCell};
    pts.push_back(a);
    for (int k = 1; k <= bends; ++k) {
        const double t = static_cast<double>(k) / (bends + 1);
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53 * 2.0 - 1.0;
        const double off = 0.04 * kCell * u * std::sin(t * 3.14159265358979);
        pts.push_back(horizontal ? core::PointM{a.x + t * kCell, a.y + off}
                                 : core::PointM{a.x + off, a.y + t * kCell});
    }
    pts.push_back(horizontal ? core::PointM{a.x + kCell, a.y} : core::PointM{a.x, a.y + kCell});
    if (reversed) {
        std::reverse(pts.begin(), pts.end());
    }
    return pts;
}

// Appends a path of sides through grid nodes (without repeating the joining vertices).
void walk(core::Ring& ring, const std::vector<std::pair<int, int>>& nodes, int bends,
          std::uint64_t seed) {
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
        const auto s = side(nodes[i].first, nodes[i].second, nodes[i + 1].first,
                            nodes[i + 1].second, bends, seed);
        ring.insert(ring.end(), ring.empty() ? s.begin() : s.begin() + 1, s.end());
    }
}

}  // namespace

core::Plan wavy_grid_plan(int n, int bends, int villages_per_site, std::uint64_t seed) {
    core::Plan plan = grid_plan(n, villages_per_site, seed);
    const int side_n = static_cast<int>(std::sqrt(static_cast<double>(n)));
    for (int r = 0; r < side_n; ++r) {
        for (int c = 0; c < side_n; ++c) {
            core::Village& v = plan.villages[static_cast<std::size_t>(r * side_n + c)];
            core::Ring ring;
            walk(ring, {{c, r}, {c + 1, r}, {c + 1, r + 1}, {c, r + 1}, {c, r}}, bends, seed);
            v.shape.parts = {core::Polygon{ring, {}}};
            const int block = (r / 10) * ((side_n + 9) / 10) + c / 10;
            v.town_code = std::to_string(130000000 + block);
        }
    }
    // Townships: blocks of 10 x 10 villages, their outline along the villages' sides.
    const int blocks = (side_n + 9) / 10;
    for (int br = 0; br < blocks; ++br) {
        for (int bc = 0; bc < blocks; ++bc) {
            const int c0 = bc * 10;
            const int r0 = br * 10;
            const int c1 = std::min(side_n, c0 + 10);
            const int r1 = std::min(side_n, r0 + 10);
            std::vector<std::pair<int, int>> nodes;
            for (int c = c0; c <= c1; ++c) {
                nodes.emplace_back(c, r0);
            }
            for (int r = r0 + 1; r <= r1; ++r) {
                nodes.emplace_back(c1, r);
            }
            for (int c = c1 - 1; c >= c0; --c) {
                nodes.emplace_back(c, r1);
            }
            for (int r = r1 - 1; r >= r0; --r) {
                nodes.emplace_back(c0, r);
            }
            core::Township t;
            t.code = std::to_string(130000000 + br * blocks + bc);
            t.name = "t" + std::to_string(br * blocks + bc);
            core::Ring ring;
            walk(ring, nodes, bends, seed);
            t.shape.parts = {core::Polygon{ring, {}}};
            plan.townships.push_back(std::move(t));
        }
    }
    return plan;
}

void add_grid_roads(core::Plan& plan) {
    const int side = static_cast<int>(std::sqrt(static_cast<double>(plan.villages.size())));
    const double cell = 1000.0;
    for (int dir = 0; dir < 2; ++dir) {
        for (int i = 0; i <= side; ++i) {
            core::Road road;
            road.name = (dir == 0 ? "h" : "v") + std::to_string(i);
            core::LineString line;
            for (int j = 0; j <= side; ++j) {
                const double a = 500000.0 + (dir == 0 ? j : i) * cell;
                const double b = 4400000.0 + (dir == 0 ? i : j) * cell;
                line.points.push_back({a, b});
            }
            road.parts.push_back(std::move(line));
            plan.roads.push_back(std::move(road));
        }
    }
}

}  // namespace beltplan::bench
