// Town arrangement (invented positions), raster weighted Voronoi with target areas, contiguity
// repair, and village seat placement.
//
// Index: [SECTION] Town positions  [SECTION] Weighted regions  [SECTION] Village seats
#include "sample/layout.h"

#include "sample/outline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace beltplan::tools {

namespace {

// ------------------------------------------------------------------------------------------
// [SECTION] Town positions
// ------------------------------------------------------------------------------------------

// Invented approximate positions (WGS-84) of the rural town sites, fitted by eye to the outline
// of the default seed so that the belt towns line up along their roads: 张小线 across the
// north from north-west to north-east, 洋新线 south-west of the city, 宣赤线 from the city
// eastwards. Hill towns get more area per village. Another seed gives another outline; sites
// falling outside it move to the nearest inside cell.
struct RuralPlace {
    const char* name;
    double lon;
    double lat;
    bool mountain;
};
constexpr RuralPlace kRuralPlaces[] = {
    {"河子西乡", 114.75, 40.64, true},  {"沙岭子镇", 114.83, 40.68, false},
    {"大仓盖镇", 114.88, 40.75, false}, {"东望山乡", 115.01, 40.75, true},
    {"春光乡", 115.00, 40.63, false},   {"贾家营镇", 115.14, 40.67, false},
    {"顾家营镇", 115.21, 40.67, false}, {"赵川镇", 115.24, 40.61, true},
    {"李家堡乡", 115.34, 40.54, true},  {"江家屯乡", 114.84, 40.59, false},
    {"洋河南镇", 114.96, 40.56, false}, {"侯家庙乡", 115.09, 40.57, false},
    {"深井镇", 115.00, 40.48, true},    {"崞村镇", 115.17, 40.47, true},
    {"塔儿村乡", 115.33, 40.45, true},  {"庞家堡镇", 115.45, 40.49, true},
    {"王家湾乡", 115.07, 40.31, true},
};

// Street offices around the city seat: bearing (degrees from east) and distance, metres.
struct UrbanPlace {
    const char* name;
    double bearing_deg;
    double distance_m;
};
constexpr UrbanPlace kUrbanPlaces[] = {
    {"皇城街道办事处", 0.0, 0.0},        {"天泰寺街道办事处", 140.0, 1900.0},
    {"大北街街道办事处", 80.0, 2000.0},  {"建国街街道办事处", 20.0, 2100.0},
    {"工业街街道办事处", -40.0, 2300.0}, {"南大街街道办事处", -95.0, 1900.0},
    {"南关街道办事处", -150.0, 2000.0},
};

constexpr double kUrbanKm2PerCommunity = 0.8;
constexpr double kRuralKm2PerVillage = 5.0;

void place_town_sites(std::vector<TownState>& towns, const io::CoordinateTransform& to_m,
                      const core::PointM& city, double outline_area_m2) {
    double urban_m2 = 0.0;
    double rural_weight = 0.0;
    for (TownState& t : towns) {
        for (const UrbanPlace& u : kUrbanPlaces) {
            if (t.name == u.name) {
                const double a = u.bearing_deg * Rng::kPi / 180.0;
                t.site = {city.x + u.distance_m * std::cos(a), city.y + u.distance_m * std::sin(a)};
                t.urban = true;
                t.target_area_m2 = t.village_count * kUrbanKm2PerCommunity * 1e6;
                urban_m2 += t.target_area_m2;
            }
        }
        for (const RuralPlace& r : kRuralPlaces) {
            if (t.name == r.name) {
                double x = r.lon;
                double y = r.lat;
                to_m.apply(x, y);
                t.site = {x, y};
                t.mountain = r.mountain;
                t.target_area_m2 = std::max(
                    40.0, t.village_count * kRuralKm2PerVillage * (r.mountain ? 1.3 : 0.8));  // km2

                rural_weight += t.target_area_m2;
            }
        }
    }
    for (TownState& t : towns) {
        if (!t.urban) {
            t.target_area_m2 *= (outline_area_m2 - urban_m2) / rural_weight;
        }
    }
}

// ------------------------------------------------------------------------------------------
// [SECTION] Weighted regions
// ------------------------------------------------------------------------------------------

// Multiplicatively weighted Voronoi on the raster: a cell goes to the town minimising
// distance / weight, so every region contains its own site.
void assign_cells(TownRaster& r, const std::vector<TownState>& towns, const std::vector<double>& w,
                  const std::vector<int>& inside) {
    for (int i : inside) {
        const core::PointM c = r.centre(i);
        double best = 1e300;
        for (std::size_t t = 0; t < towns.size(); ++t) {
            const double d = core::distance_m(c, towns[t].site) / w[t];
            if (d < best) {
                best = d;
                r.town[static_cast<std::size_t>(i)] = static_cast<int>(t);
            }
        }
    }
}

// Keeps each town's largest 4-connected component; other cells join a neighbouring town.
void make_contiguous(TownRaster& r, std::size_t town_count) {
    const int n = r.nx * r.ny;
    std::vector<int> component(static_cast<std::size_t>(n), -1);
    std::vector<int> size;
    std::vector<int> owner;
    std::vector<int> stack;
    for (int s = 0; s < n; ++s) {
        if (r.town[static_cast<std::size_t>(s)] < 0 ||
            component[static_cast<std::size_t>(s)] >= 0) {
            continue;
        }
        const int id = static_cast<int>(size.size());
        size.push_back(0);
        owner.push_back(r.town[static_cast<std::size_t>(s)]);
        stack.assign(1, s);
        component[static_cast<std::size_t>(s)] = id;
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            ++size[static_cast<std::size_t>(id)];
            const int x = i % r.nx;
            const int y = i / r.nx;
            const int nb[4] = {x > 0 ? i - 1 : -1, x + 1 < r.nx ? i + 1 : -1, y > 0 ? i - r.nx : -1,
                               y + 1 < r.ny ? i + r.nx : -1};
            for (int j : nb) {
                if (j >= 0 && component[static_cast<std::size_t>(j)] < 0 &&
                    r.town[static_cast<std::size_t>(j)] == r.town[static_cast<std::size_t>(i)]) {
                    component[static_cast<std::size_t>(j)] = id;
                    stack.push_back(j);
                }
            }
        }
    }
    std::vector<int> largest(town_count, -1);
    for (std::size_t c = 0; c < size.size(); ++c) {
        int& l = largest[static_cast<std::size_t>(owner[c])];
        if (l < 0 || size[c] > size[static_cast<std::size_t>(l)]) {
            l = static_cast<int>(c);
        }
    }
    for (int i = 0; i < n; ++i) {
        const int c = component[static_cast<std::size_t>(i)];
        if (c >= 0 && largest[static_cast<std::size_t>(owner[static_cast<std::size_t>(c)])] != c) {
            r.town[static_cast<std::size_t>(i)] = -2;  // to reassign
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < n; ++i) {
            if (r.town[static_cast<std::size_t>(i)] != -2) {
                continue;
            }
            const int x = i % r.nx;
            const int y = i / r.nx;
            const int nb[4] = {x > 0 ? i - 1 : -1, x + 1 < r.nx ? i + 1 : -1, y > 0 ? i - r.nx : -1,
                               y + 1 < r.ny ? i + r.nx : -1};
            for (int j : nb) {
                if (j >= 0 && r.town[static_cast<std::size_t>(j)] >= 0) {
                    r.town[static_cast<std::size_t>(i)] = r.town[static_cast<std::size_t>(j)];
                    changed = true;
                    break;
                }
            }
        }
    }
}

}  // namespace

TownRaster layout_towns(std::vector<TownState>& towns, const core::Polygon& outline,
                        const io::CoordinateTransform& to_m, const core::PointM& city, Rng& rng) {
    (void)rng;
    const core::MultiPolygon shape{{outline}};
    const core::Box box = core::bounds(shape);
    TownRaster r;
    r.cell_m = 200.0;
    r.x0 = std::floor(box.min_x / r.cell_m) * r.cell_m;
    r.y0 = std::floor(box.min_y / r.cell_m) * r.cell_m;
    r.nx = static_cast<int>(std::ceil((box.max_x - r.x0) / r.cell_m));
    r.ny = static_cast<int>(std::ceil((box.max_y - r.y0) / r.cell_m));
    r.town.assign(static_cast<std::size_t>(r.nx * r.ny), -1);
    std::vector<int> inside;
    for (int i = 0; i < r.nx * r.ny; ++i) {
        if (core::contains(shape, r.centre(i))) {
            inside.push_back(i);
        }
    }
    const double cell_area = r.cell_m * r.cell_m;
    place_town_sites(towns, to_m, city, static_cast<double>(inside.size()) * cell_area);
    // Sites outside the outline move to the nearest inside cell.
    for (TownState& t : towns) {
        if (!core::contains(shape, t.site)) {
            int best = inside.front();
            for (int i : inside) {
                if (core::distance_m(r.centre(i), t.site) <
                    core::distance_m(r.centre(best), t.site)) {
                    best = i;
                }
            }
            t.site = r.centre(best);
        }
    }
    std::vector<double> w(towns.size(), 1.0);
    for (int iter = 0; iter < 300; ++iter) {
        assign_cells(r, towns, w, inside);
        std::vector<double> area(towns.size(), 0.0);
        for (int i : inside) {
            area[static_cast<std::size_t>(r.town[static_cast<std::size_t>(i)])] += cell_area;
        }
        for (std::size_t t = 0; t < towns.size(); ++t) {
            w[t] *= std::pow(towns[t].target_area_m2 / std::max(area[t], cell_area), 0.25);
        }
    }
    assign_cells(r, towns, w, inside);
    make_contiguous(r, towns.size());
    // Each site moves onto its own region (the nearest cell of the town).
    for (std::size_t t = 0; t < towns.size(); ++t) {
        int best = -1;
        for (int i : inside) {
            if (r.town[static_cast<std::size_t>(i)] == static_cast<int>(t) &&
                (best < 0 || core::distance_m(r.centre(i), towns[t].site) <
                                 core::distance_m(r.centre(best), towns[t].site))) {
                best = i;
            }
        }
        if (best >= 0) {
            towns[t].site = r.centre(best);
        }
    }
    return r;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Village seats
// ------------------------------------------------------------------------------------------

LinearRef locate(const std::vector<core::PointM>& line, const core::PointM& p) {
    LinearRef best{1e300, 0.0};
    double start = 0.0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const core::PointM& a = line[i];
        const core::PointM& b = line[i + 1];
        const double len = core::distance_m(a, b);
        double t = 0.0;
        if (len > 0) {
            t = ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / (len * len);
            t = std::clamp(t, 0.0, 1.0);
        }
        const core::PointM q{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        const double d = core::distance_m(p, q);
        if (d < best.distance_m) {
            best = {d, start + t * len};
        }
        start += len;
    }
    return best;
}

namespace {

constexpr double kMinSeatSpacingM = 700.0;

double nearest_seat_m(const std::vector<core::PointM>& placed, const core::PointM& p) {
    double best = 1e300;
    for (const core::PointM& q : placed) {
        best = std::min(best, core::distance_m(p, q));
    }
    return best;
}

core::PointM jittered(const TownRaster& r, int cell, Rng& rng) {
    const core::PointM c = r.centre(cell);
    return round_cm(core::PointM{c.x + rng.uniform(-0.45, 0.45) * r.cell_m,
                                 c.y + rng.uniform(-0.45, 0.45) * r.cell_m});
}

// Belt villages of one road in one town, spread along the guide line through the towns.
void place_belt_villages(const std::vector<core::PointM>& guide, const std::vector<int>& cells,
                         const std::vector<int>& members, std::vector<VillageState>& villages,
                         std::vector<core::PointM>& placed, const TownRaster& r, Rng& rng) {
    std::vector<std::pair<double, int>> near;  // (distance to guide, cell)
    for (int c : cells) {
        near.push_back({locate(guide, r.centre(c)).distance_m, c});
    }
    std::sort(near.begin(), near.end());
    const std::size_t keep = std::max<std::size_t>(
        members.size() * 12,
        static_cast<std::size_t>(std::count_if(near.begin(), near.end(),
                                               [](const auto& e) { return e.first < 500.0; })));
    near.resize(std::min(near.size(), keep));
    std::vector<std::pair<double, int>> along;
    for (const auto& e : near) {
        along.push_back({locate(guide, r.centre(e.second)).along_m, e.second});
    }
    std::sort(along.begin(), along.end());
    for (std::size_t k = 0; k < members.size(); ++k) {
        std::size_t at = static_cast<std::size_t>((k + 0.5) / members.size() * along.size());
        for (std::size_t tries = 0; tries < along.size(); ++tries, at = (at + 1) % along.size()) {
            const core::PointM p = jittered(r, along[at].second, rng);
            if (nearest_seat_m(placed, p) >= kMinSeatSpacingM || tries + 1 == along.size()) {
                villages[static_cast<std::size_t>(members[k])].seat = p;
                placed.push_back(p);
                break;
            }
        }
    }
}

}  // namespace

void place_villages(std::vector<TownState>& towns, std::vector<VillageState>& villages,
                    const std::vector<BeltRoadSpec>& belts, const TownRaster& r, Rng& rng) {
    std::vector<std::vector<int>> cells(towns.size());
    for (int i = 0; i < r.nx * r.ny; ++i) {
        if (r.town[static_cast<std::size_t>(i)] >= 0) {
            cells[static_cast<std::size_t>(r.town[static_cast<std::size_t>(i)])].push_back(i);
        }
    }
    std::vector<bool> done(villages.size(), false);
    std::vector<core::PointM> placed;
    for (std::size_t b = 0; b < belts.size(); ++b) {
        std::vector<core::PointM> guide;
        for (int t : belts[b].towns) {
            guide.push_back(towns[static_cast<std::size_t>(t)].site);
        }
        for (int t : belts[b].towns) {
            std::vector<int> members;
            for (std::size_t v = 0; v < villages.size(); ++v) {
                if (villages[v].town == t && villages[v].belt == static_cast<int>(b)) {
                    members.push_back(static_cast<int>(v));
                    done[v] = true;
                }
            }
            place_belt_villages(guide, cells[static_cast<std::size_t>(t)], members, villages,
                                placed, r, rng);
        }
    }
    // Town seat villages: the village named like the town, else its first 村委会.
    for (std::size_t t = 0; t < towns.size(); ++t) {
        TownState& town = towns[t];
        if (town.urban) {
            town.seat = round_cm(town.site);
            continue;
        }
        const std::string stem = town.name.substr(0, town.name.size() - town.type.size());
        int seat = -1;
        for (std::size_t v = 0; v < villages.size() && seat < 0; ++v) {
            if (villages[v].town == static_cast<int>(t) && villages[v].short_name == stem) {
                seat = static_cast<int>(v);
            }
        }
        for (std::size_t v = 0; v < villages.size() && seat < 0; ++v) {
            if (villages[v].town == static_cast<int>(t) && villages[v].type == "村委会" &&
                !done[v]) {
                seat = static_cast<int>(v);
            }
        }
        town.seat_village = seat;
        if (!done[static_cast<std::size_t>(seat)]) {
            std::vector<std::pair<double, int>> by_distance;
            for (int c : cells[t]) {
                by_distance.push_back({core::distance_m(r.centre(c), town.site), c});
            }
            std::sort(by_distance.begin(), by_distance.end());
            for (const auto& e : by_distance) {
                const core::PointM p = jittered(r, e.second, rng);
                if (nearest_seat_m(placed, p) >= kMinSeatSpacingM) {
                    villages[static_cast<std::size_t>(seat)].seat = p;
                    placed.push_back(p);
                    break;
                }
            }
            done[static_cast<std::size_t>(seat)] = true;
        }
        town.seat = villages[static_cast<std::size_t>(seat)].seat;
    }
    // Everything else: best of 16 candidates, farthest from every seat placed so far.
    for (std::size_t v = 0; v < villages.size(); ++v) {
        if (done[v]) {
            continue;
        }
        const std::vector<int>& own = cells[static_cast<std::size_t>(villages[v].town)];
        core::PointM best;
        double best_d = -1.0;
        for (int k = 0; k < 16; ++k) {
            const core::PointM p = jittered(r, own[rng.index(own.size())], rng);
            const double d = nearest_seat_m(placed, p);
            if (d > best_d) {
                best_d = d;
                best = p;
            }
        }
        villages[v].seat = best;
        placed.push_back(best);
        done[v] = true;
    }
}

}  // namespace beltplan::tools

namespace beltplan::tools {

int pull_in_exclaves(std::vector<TownState>& towns, std::vector<VillageState>& villages,
                     const std::vector<core::MultiPolygon>& town_shapes, const TownRaster& r,
                     Rng& rng) {
    int moved = 0;
    std::vector<core::PointM> placed;
    for (const VillageState& v : villages) {
        placed.push_back(v.seat);
    }
    for (std::size_t t = 0; t < towns.size(); ++t) {
        const core::MultiPolygon& shape = town_shapes[t];
        if (shape.parts.size() < 2) {
            continue;
        }
        std::size_t main = 0;
        for (std::size_t p = 1; p < shape.parts.size(); ++p) {
            if (core::area_m2(shape.parts[p]) > core::area_m2(shape.parts[main])) {
                main = p;
            }
        }
        const core::MultiPolygon main_part{{shape.parts[main]}};
        std::vector<int> inside;
        for (int i = 0; i < r.nx * r.ny; ++i) {
            if (r.town[static_cast<std::size_t>(i)] == static_cast<int>(t) &&
                core::contains(main_part, r.centre(i))) {
                inside.push_back(i);
            }
        }
        for (std::size_t v = 0; v < villages.size() && !inside.empty(); ++v) {
            if (villages[v].town != static_cast<int>(t) ||
                core::contains(main_part, villages[v].seat)) {
                continue;
            }
            core::PointM best;
            double best_d = -1.0;
            for (int k = 0; k < 16; ++k) {
                const core::PointM p = jittered(r, inside[rng.index(inside.size())], rng);
                const double d = nearest_seat_m(placed, p);
                if (d > best_d) {
                    best_d = d;
                    best = p;
                }
            }
            villages[v].seat = best;
            placed[v] = best;
            ++moved;
        }
        if (towns[t].seat_village >= 0) {
            towns[t].seat = villages[static_cast<std::size_t>(towns[t].seat_village)].seat;
        }
    }
    return moved;
}

}  // namespace beltplan::tools
