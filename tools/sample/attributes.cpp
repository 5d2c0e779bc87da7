// Village attributes, sites and belts: plausible generated values, deterministic per seed.
#include "sample/attributes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace beltplan::tools {

namespace {

double distance_to_roads_m(const core::PointM& p, const std::vector<core::Road>& roads,
                           const char* road_class) {
    double best = 1e300;
    for (const core::Road& r : roads) {
        if (r.road_class != road_class) {
            continue;
        }
        for (const core::LineString& part : r.parts) {
            for (std::size_t i = 0; i + 1 < part.points.size(); ++i) {
                best = std::min(best,
                                core::distance_to_segment_m(p, part.points[i], part.points[i + 1]));
            }
        }
    }
    return best;
}

core::VillageKind choose_kind(const VillageState& v, const TownState& town, double to_city_m,
                              double to_county_road_m, Rng& rng) {
    if (v.type == "居委会") {
        return core::VillageKind::kHub;
    }
    const bool at_seat = core::distance_m(v.seat, town.seat) < 1500.0;
    if (at_seat || (to_county_road_m < 400.0 && rng.chance(0.35))) {
        return core::VillageKind::kHub;
    }
    if (to_city_m < 9000.0) {
        return core::VillageKind::kTidal;
    }
    if ((town.mountain && to_county_road_m > 2500.0 && rng.chance(0.6)) ||
        (to_county_road_m > 4500.0 && rng.chance(0.5))) {
        return core::VillageKind::kHollow;
    }
    return core::VillageKind::kBasic;
}

std::int64_t population_for(core::VillageKind kind, bool community, Rng& rng) {
    double median = 900.0, lo = 300.0, hi = 2200.0;
    if (community) {
        median = 4200.0, lo = 2000.0, hi = 8000.0;
    } else if (kind == core::VillageKind::kHub) {
        median = 1800.0, lo = 900.0, hi = 3000.0;
    } else if (kind == core::VillageKind::kTidal) {
        median = 1500.0, lo = 500.0, hi = 3000.0;
    } else if (kind == core::VillageKind::kHollow) {
        median = 480.0, lo = 300.0, hi = 900.0;
    }
    return static_cast<std::int64_t>(std::lround(std::clamp(rng.lognormal(median, 0.35), lo, hi)));
}

double income_for(core::VillageKind kind, Rng& rng) {
    double median = 6.0;
    if (kind == core::VillageKind::kHub) {
        median = 28.0;
    } else if (kind == core::VillageKind::kTidal) {
        median = 18.0;
    } else if (kind == core::VillageKind::kHollow) {
        if (rng.chance(0.3)) {
            return 0.0;
        }
        median = 2.0;
    }
    return std::round(std::min(rng.lognormal(median, 1.0), 400.0) * 10.0) / 10.0;
}

}  // namespace

void assign_attributes(std::vector<core::Village>& out, const std::vector<TownState>& towns,
                       const std::vector<VillageState>& villages,
                       const std::vector<core::Road>& roads, const core::PointM& city, Rng& rng) {
    for (std::size_t i = 0; i < villages.size(); ++i) {
        const VillageState& v = villages[i];
        const TownState& town = towns[static_cast<std::size_t>(v.town)];
        core::Village& o = out[i];
        const bool community = v.type == "居委会";
        o.kind = choose_kind(v, town, core::distance_m(v.seat, city),
                             distance_to_roads_m(v.seat, roads, "county"), rng);
        o.population = population_for(o.kind, community, rng);
        const double share = o.kind == core::VillageKind::kHollow ? rng.uniform(0.04, 0.06)
                                                                  : rng.uniform(0.03, 0.05);
        o.party_members =
            std::max<std::int64_t>(5, std::lround(static_cast<double>(*o.population) * share));
        if (!community) {
            o.collective_income_wan_yuan = income_for(o.kind, rng);
        }
        const double weak_p = o.kind == core::VillageKind::kHollow ? 0.12
                              : o.kind == core::VillageKind::kHub  ? 0.01
                                                                   : 0.04;
        o.weak_org = rng.chance(weak_p);
        o.leader = rng.chance(0.10);
    }
}

std::vector<core::Site> make_sites(const std::vector<TownState>& towns,
                                   const std::vector<VillageState>& villages,
                                   const std::vector<core::Village>& out, Rng& rng) {
    static const char* const kThemes[] = {"党建+产业", "乡村振兴", "红色教育", "党建+治理",
                                          "党建+文化"};
    std::vector<core::Site> sites;
    std::vector<bool> used(villages.size(), false);
    auto add = [&](std::size_t v, core::SiteLevel level, const std::string& theme) {
        const double angle = rng.uniform(0.0, 2.0 * Rng::kPi);
        const double r = rng.uniform(40.0, 180.0);
        core::Site s;
        char id[16];
        std::snprintf(id, sizeof id, "site-%03zu", sites.size() + 1);
        s.id = id;
        s.name = villages[v].short_name + "示范点";
        s.position = {std::round((villages[v].seat.x + r * std::cos(angle)) * 100.0) / 100.0,
                      std::round((villages[v].seat.y + r * std::sin(angle)) * 100.0) / 100.0};
        s.level = level;
        s.theme = theme;
        s.village_code = villages[v].code;
        sites.push_back(std::move(s));
        used[v] = true;
    };
    for (std::size_t v = 0; v < villages.size(); ++v) {
        if (villages[v].belt >= 0) {
            add(v, core::SiteLevel::kDistrict, kThemes[rng.index(3)]);
        }
    }
    // Town-level sites at the seats of rural towns the belts do not reach.
    for (const TownState& t : towns) {
        bool has_belt = false;
        for (const VillageState& v : villages) {
            has_belt = has_belt || (&towns[static_cast<std::size_t>(v.town)] == &t && v.belt >= 0);
        }
        if (!t.urban && !has_belt && t.seat_village >= 0) {
            add(static_cast<std::size_t>(t.seat_village), core::SiteLevel::kTown,
                kThemes[rng.index(5)]);
        }
    }
    // The rest: district-level sites in three city communities, then town-level sites at hub
    // villages, drawn until the practice figure of 38 is reached.
    for (int k = 0; k < 3; ++k) {
        for (int guard = 0; guard < 1000; ++guard) {
            const std::size_t v = rng.index(villages.size());
            if (!used[v] && towns[static_cast<std::size_t>(villages[v].town)].urban) {
                add(v, core::SiteLevel::kDistrict, "党建+治理");
                break;
            }
        }
    }
    for (int guard = 0; sites.size() < 38 && guard < 100000; ++guard) {
        const std::size_t v = rng.index(villages.size());
        if (!used[v] && out[v].kind == core::VillageKind::kHub && villages[v].type == "村委会") {
            add(v, core::SiteLevel::kTown, kThemes[rng.index(5)]);
        }
    }
    return sites;
}

std::vector<core::Belt> make_belts(const std::vector<BeltRoadSpec>& belts) {
    std::vector<core::Belt> out;
    for (const BeltRoadSpec& b : belts) {
        core::Belt belt;
        belt.id = b.id;
        belt.name = b.name + "示范带";
        belt.roads = {b.name};
        belt.half_width_m = 1500.0;
        out.push_back(std::move(belt));
    }
    return out;
}

}  // namespace beltplan::tools
