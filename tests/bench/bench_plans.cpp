// Deterministic benchmark plans (std::mt19937_64 raw output, so identical on every platform).
#include "bench_plans.h"

#include <cmath>
#include <random>
#include <string>

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
