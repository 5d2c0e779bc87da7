// Euclidean reach through an R-tree of sites, and the coverage summary.
#include "analysis/coverage.h"

#include "core/plan_check.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cassert>
#include <map>
#include <unordered_map>

namespace beltplan::analysis {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using SiteEntry = std::pair<BPoint, int>;

// A population counts only within 0..core::kMaxPeoplePerVillage (what read_plan accepts;
// anything else is treated as unknown), so the int64 sums cannot overflow for any plan of
// fewer than 9 * 10^11 villages.
void add_village(CoverageCount& c, const core::Village& v, bool covered) {
    ++c.villages;
    if (covered) {
        ++c.covered;
    }
    const bool known =
        v.population && *v.population >= 0 && *v.population <= core::kMaxPeoplePerVillage;
    if (known) {
        c.population += *v.population;
        if (covered) {
            c.covered_population += *v.population;
        }
    } else {
        ++c.missing_population;
    }
}

}  // namespace

std::vector<Reach> euclidean_reach(const core::Plan& plan) {
    std::vector<Reach> reach(plan.villages.size());
    if (plan.sites.empty()) {
        return reach;
    }
    std::vector<SiteEntry> entries;
    entries.reserve(plan.sites.size());
    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        const core::PointM& p = plan.sites[i].position;
        entries.emplace_back(BPoint(p.x, p.y), static_cast<int>(i));
    }
    const bgi::rtree<SiteEntry, bgi::rstar<16>> tree(entries.begin(), entries.end());
    std::vector<SiteEntry> hit;
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        const core::PointM a = core::anchor(plan.villages[v]);
        hit.clear();
        tree.query(bgi::nearest(BPoint(a.x, a.y), 1), std::back_inserter(hit));
        const core::PointM s = plan.sites[static_cast<std::size_t>(hit.front().second)].position;
        reach[v].distance_m = core::distance_m(a, s);
        reach[v].site = hit.front().second;
    }
    return reach;
}

CoverageReport summarize_coverage(const core::Plan& plan, const std::vector<Reach>& reach,
                                  double radius_m, core::DistanceMode distance) {
    assert(reach.size() == plan.villages.size() && "one reach per village");
    CoverageReport r;
    r.radius_m = radius_m;
    r.distance = distance;
    r.sites = static_cast<std::int64_t>(plan.sites.size());

    std::unordered_map<std::string, std::size_t> town_slot;
    for (const core::Township& t : plan.townships) {
        town_slot.emplace(t.code, r.by_township.size());
        r.by_township.push_back(CoverageCount{t.code, t.name});
    }
    std::map<int, CoverageCount> kinds;
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        const core::Village& v = plan.villages[i];
        const bool covered = reach[i].distance_m <= radius_m;
        add_village(r.total, v, covered);
        auto it = town_slot.find(v.town_code);
        if (it == town_slot.end()) {
            it = town_slot.emplace(v.town_code, r.by_township.size()).first;
            r.by_township.push_back(CoverageCount{v.town_code, v.town_code});
        }
        add_village(r.by_township[it->second], v, covered);
        CoverageCount& k = kinds[static_cast<int>(v.kind)];
        k.key = v.kind == core::VillageKind::kUnknown ? "unknown" : core::to_code(v.kind);
        k.name = v.kind == core::VillageKind::kUnknown ? "未分类" : core::user_term(v.kind);
        add_village(k, v, covered);
        if (!covered) {
            r.uncovered.push_back({v.code, v.name, v.town_code, reach[i].distance_m});
        }
    }
    // Known kinds in DESIGN order (hub, tidal, basic, hollow), unknown last.
    for (auto& [kind, count] : kinds) {
        if (kind != static_cast<int>(core::VillageKind::kUnknown)) {
            r.by_kind.push_back(count);
        }
    }
    auto unknown = kinds.find(static_cast<int>(core::VillageKind::kUnknown));
    if (unknown != kinds.end()) {
        r.by_kind.push_back(unknown->second);
    }
    std::stable_sort(r.uncovered.begin(), r.uncovered.end(),
                     [](const UncoveredVillage& a, const UncoveredVillage& b) {
                         return a.distance_m > b.distance_m;
                     });
    return r;
}

double village_share(const CoverageCount& c) {
    return c.villages == 0 ? 0.0 : static_cast<double>(c.covered) / static_cast<double>(c.villages);
}

double population_share(const CoverageCount& c) {
    return c.population == 0
               ? 0.0
               : static_cast<double>(c.covered_population) / static_cast<double>(c.population);
}

}  // namespace beltplan::analysis
