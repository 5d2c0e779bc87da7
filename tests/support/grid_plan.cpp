// ASCII-art grid plans for tests.
#include "support/grid_plan.h"

#include "core/geos_ops.h"

#include <map>

namespace beltplan::test {

core::Plan grid_plan(const std::vector<std::string>& rows, double cell_m) {
    core::Plan plan;
    plan.name = "grid";
    plan.crs.epsg = 4547;
    std::map<char, std::vector<core::MultiPolygon>> cells;
    std::vector<char> order;
    const double top = static_cast<double>(rows.size()) * cell_m;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const char ch = rows[r][c];
            if (ch == '.' || ch == ' ') {
                continue;
            }
            if (cells.find(ch) == cells.end()) {
                order.push_back(ch);
            }
            const double x0 = static_cast<double>(c) * cell_m;
            const double y1 = top - static_cast<double>(r) * cell_m;
            const double y0 = y1 - cell_m;
            const double x1 = x0 + cell_m;
            core::Ring ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
            cells[ch].push_back(core::MultiPolygon{{core::Polygon{ring, {}}}});
        }
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        std::vector<const core::MultiPolygon*> parts;
        for (const auto& m : cells[order[i]]) {
            parts.push_back(&m);
        }
        core::Village v;
        char code[32];
        std::snprintf(code, sizeof code, "1307051002%02zu", i + 1);
        v.code = code;
        v.name = std::string(1, order[i]);
        v.town_code = "130705100";
        v.shape = parts.size() == 1 ? *parts.front() : core::union_all(parts);
        plan.villages.push_back(std::move(v));
    }
    core::Township t;
    t.code = "130705100";
    t.name = "grid town";
    plan.townships.push_back(std::move(t));
    return plan;
}

void add_site(core::Plan& plan, double x, double y, const std::string& id) {
    core::Site s;
    s.id = id.empty() ? "s" + std::to_string(plan.sites.size() + 1) : id;
    s.name = s.id;
    s.position = {x, y};
    plan.sites.push_back(std::move(s));
}

}  // namespace beltplan::test
