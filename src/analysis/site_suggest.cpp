// Site suggestions: the covering instance of a plan (Euclidean or along roads), the p-site and
// target-share questions, and an explanation of every new site.
#include "analysis/site_suggest.h"

#include "analysis/coverage.h"
#include "analysis/plan_analysis.h"
#include "analysis/road_network.h"
#include "core/messages.h"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <cmath>
#include <sstream>
#include <unordered_map>

namespace beltplan::analysis {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;
using Entry = std::pair<BPoint, int>;

std::string whole(double v) {
    return std::to_string(std::llround(v));
}

std::string percent(double share, int digits = 1) {
    std::ostringstream s;
    s.precision(digits);
    s << std::fixed << share * 100.0 << "%";
    return s.str();
}

// For each candidate village, the items within radius_m of its anchor in straight line; along
// roads the straight-line hits are then checked by a bounded Dijkstra from the candidate.
void fill_sets(const core::Plan& plan, const SiteSuggestOptions& options,
               const std::vector<core::PointM>& anchors, SiteCoverInstance& inst) {
    std::vector<Entry> entries;
    for (std::size_t k = 0; k < inst.item_village.size(); ++k) {
        const core::PointM& a = anchors[static_cast<std::size_t>(inst.item_village[k])];
        entries.emplace_back(BPoint(a.x, a.y), static_cast<int>(k));
    }
    const bgi::rtree<Entry, bgi::rstar<16>> tree(entries.begin(), entries.end());
    const double r = options.radius_m;
    const bool network = options.distance == core::DistanceMode::kNetwork;
    std::optional<RoadNetwork> roads;
    std::vector<Attachment> attached;
    if (network) {
        roads.emplace(plan);
        for (const core::PointM& a : anchors) {
            attached.push_back(roads->attach(a));
        }
    }
    inst.problem.sets.assign(plan.villages.size(), {});
    std::vector<Entry> hits;
    for (std::size_t c = 0; c < anchors.size(); ++c) {
        if (c % 256 == 0) {
            check(options.control);
            report(options.control, 0.4 * static_cast<double>(c) / anchors.size());
        }
        const core::PointM& a = anchors[c];
        hits.clear();
        tree.query(bgi::intersects(BBox(BPoint(a.x - r, a.y - r), BPoint(a.x + r, a.y + r))),
                   std::back_inserter(hits));
        std::vector<int>& set = inst.problem.sets[c];
        if (!network) {
            for (const Entry& e : hits) {
                const core::PointM& b = anchors[static_cast<std::size_t>(
                    inst.item_village[static_cast<std::size_t>(e.second)])];
                if (core::distance_m(a, b) <= r) {
                    set.push_back(e.second);
                }
            }
        } else if (!hits.empty() && attached[c].segment >= 0) {
            const std::vector<Attachment> source{attached[c]};
            const auto nodes = roads->from_sources(source, r);
            for (const Entry& e : hits) {
                const auto v =
                    static_cast<std::size_t>(inst.item_village[static_cast<std::size_t>(e.second)]);
                if (roads->distance_to(attached[v], source, nodes).distance_m <= r) {
                    set.push_back(e.second);
                }
            }
        }
        std::sort(set.begin(), set.end());
    }
}

}  // namespace

SiteCoverInstance build_site_cover(const core::Plan& plan, const SiteSuggestOptions& options) {
    SiteCoverInstance inst;
    // The one distance switch; without roads every village is unreached (the strategy refuses
    // such a plan before it gets here).
    auto reached = village_reach(plan, options.distance);
    std::vector<Reach> reach = reached ? std::move(reached.value()) : std::vector<Reach>{};
    reach.resize(plan.villages.size());
    std::vector<core::PointM> anchors;
    anchors.reserve(plan.villages.size());
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        const core::Village& village = plan.villages[v];
        anchors.push_back(core::anchor(village));
        double w = 1.0;
        if (options.by_population) {
            w = village.population ? static_cast<double>(*village.population) : 0.0;
            inst.missing_population += village.population ? 0 : 1;
        }
        inst.total += w;
        if (reach[v].distance_m <= options.radius_m) {
            inst.baseline += w;
        } else if (w > 0) {
            inst.item_village.push_back(static_cast<int>(v));
            inst.problem.weight.push_back(w);
        }
    }
    fill_sets(plan, options, anchors, inst);
    return inst;
}

namespace {

// Sites of a solution with what each adds, in the order of their contribution.
void explain_sites(const core::Plan& plan, const SiteSuggestOptions& options,
                   const SiteCoverInstance& inst, const MaxCoverSolution& sol, Suggestion& out) {
    std::unordered_map<std::string, std::string> town_name;
    for (const core::Township& t : plan.townships) {
        town_name[t.code] = t.name;
    }
    std::vector<char> covered(inst.item_village.size(), 0);
    for (std::size_t k = 0; k < sol.chosen.size(); ++k) {
        const int c = sol.chosen[k];
        const core::Village& v = plan.villages[static_cast<std::size_t>(c)];
        std::vector<std::string> names;
        double people = 0;
        for (int item : inst.problem.sets[static_cast<std::size_t>(c)]) {
            if (covered[static_cast<std::size_t>(item)]) {
                continue;
            }
            covered[static_cast<std::size_t>(item)] = 1;
            const core::Village& reached = plan.villages[static_cast<std::size_t>(
                inst.item_village[static_cast<std::size_t>(item)])];
            names.push_back(reached.name);
            people += reached.population ? static_cast<double>(*reached.population) : 0.0;
        }
        std::string list;
        for (std::size_t n = 0; n < names.size() && n < 6; ++n) {
            list += (n == 0 ? "" : core::tr("roads.separator")) + names[n];
        }
        list += names.size() > 6 ? core::tr("sites.and_more") : "";
        const std::string why = core::tr(
            options.distance == core::DistanceMode::kNetwork ? "sites.why_network" : "sites.why",
            {v.name, town_name[v.town_code], std::to_string(names.size()), whole(people),
             whole(options.radius_m), list});
        out.sites.push_back(SuggestedSite{c, core::anchor(v), sol.gain[k], "", -1, 0, why});
    }
}

// The smallest count in [lo, hi] whose solve reaches `need`, hi known to reach it (binary
// search; a count whose bound falls short of `need` raises the proven lower count `lo_proven`).
MaxCoverSolution search_count(const SiteCoverInstance& inst, const MaxCoverOptions& solver,
                              double need, int lo, MaxCoverSolution best, int* lo_proven) {
    int hi = static_cast<int>(best.chosen.size());
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        MaxCoverSolution s = solve_max_cover(inst.problem, mid, solver);
        if (s.value >= need) {
            hi = mid;
            best = std::move(s);
        } else {
            lo = mid + 1;
            if (s.upper_bound < need) {
                *lo_proven = std::max(*lo_proven, mid + 1);
            }
        }
    }
    return best;
}

// Fewest new sites reaching `need` weight beyond the baseline: the greedy order gives a count
// that is enough, a Lagrangian bound of every count a count that is needed (`*needed`), and a
// binary search between them the smallest count the solver reaches it with.
MaxCoverSolution fewest_sites(const SiteCoverInstance& inst, const SiteSuggestOptions& options,
                              double need, Suggestion& out, int* needed) {
    const MaxCoverSolution all =
        greedy_max_cover(inst.problem, static_cast<int>(inst.problem.sets.size()));
    std::size_t p = 0;
    double reached = 0;
    while (p < all.chosen.size() && reached < need) {
        reached += all.gain[p++];
    }
    MaxCoverSolution best = all;
    best.chosen.resize(p);
    best.gain.resize(p);
    best.value = reached;
    *needed = 0;
    if (reached < need) {
        out.notes.push_back(core::tr("sites.target_unreachable"));
        return best;
    }
    MaxCoverOptions solver = options.solver;
    solver.enough_value = need;
    solver.control = options.control;
    *needed = fewest_sets_lower_bound(inst.problem, need, static_cast<int>(p), solver);
    if (*needed < static_cast<int>(p)) {
        best = search_count(inst, solver, need, std::max(*needed, 1), std::move(best), needed);
    }
    out.proven_optimal = *needed >= static_cast<int>(best.chosen.size());
    return best;
}

// A share as a percentage with the fewest decimals (1 to 4) that still tell it apart from
// `other`, so that a bound never reads as the value it bounds.
std::string percent_apart(double share, double other) {
    int digits = 1;
    while (digits < 4 && percent(share, digits) == percent(other, digits)) {
        ++digits;
    }
    return percent(share, digits);
}

std::string add_summary(const SiteCoverInstance& inst, const SiteSuggestOptions& options,
                        const MaxCoverSolution& sol, const Suggestion& out) {
    const double total = std::max(inst.total, 1e-9);
    const std::string unit =
        core::tr(options.by_population ? "sites.unit_people" : "sites.unit_villages");
    const std::string reached = core::tr(
        "sites.add_reached", {std::to_string(sol.chosen.size()), percent(inst.baseline / total),
                              percent(out.value / total), whole(out.value), unit});
    if (out.proven_optimal) {
        return reached + core::tr("sites.add_optimal", {std::to_string(options.add)});
    }
    return reached +
           core::tr("sites.add_bound",
                    {std::to_string(options.add), whole(out.upper_bound), unit,
                     percent_apart(out.upper_bound / total, out.value / total),
                     whole(out.upper_bound - out.value),
                     percent_apart((out.upper_bound - out.value) / out.upper_bound, 0.0)});
}

std::string target_summary(const SiteCoverInstance& inst, double target, std::size_t sites,
                           int needed, const Suggestion& out) {
    const double total = std::max(inst.total, 1e-9);
    const std::string head =
        core::tr("sites.target_enough",
                 {percent(target), std::to_string(sites), percent(out.value / total)});
    if (sites == 0) {
        return head + core::tr("sites.target_already");
    }
    if (out.proven_optimal) {
        return head + core::tr("sites.target_fewest", {std::to_string(sites)});
    }
    return head + core::tr("sites.target_needed", {std::to_string(needed)});
}

}  // namespace

Suggestion suggest_sites(const core::Plan& plan, const SiteSuggestOptions& options) {
    const SiteCoverInstance inst = build_site_cover(plan, options);
    report(options.control, 0.4);
    Suggestion out;
    out.strategy = "sites";
    out.value_unit = options.by_population ? "population" : "villages";
    out.baseline = inst.baseline;
    out.total = inst.total;
    if (inst.missing_population > 0) {
        out.notes.push_back(
            core::tr("sites.missing_population", {std::to_string(inst.missing_population)}));
    }
    MaxCoverSolution sol;
    if (options.target_share) {
        const double need = *options.target_share * inst.total - inst.baseline;
        int needed = 0;
        if (need > 0) {
            sol = fewest_sites(inst, options, need, out, &needed);
        } else {
            out.proven_optimal = true;
        }
        out.value = inst.baseline + sol.value;
        out.summary = target_summary(inst, *options.target_share, sol.chosen.size(), needed, out);
    } else {
        MaxCoverOptions solver = options.solver;
        solver.control = options.control;
        sol = solve_max_cover(inst.problem, options.add, solver);
        // Proven only when the bound meets the value (whole weights: bounds are rounded down).
        out.proven_optimal = sol.upper_bound <= sol.value;
        out.value = inst.baseline + sol.value;
        out.upper_bound = inst.baseline + sol.upper_bound;
        out.summary = add_summary(inst, options, sol, out);
    }
    explain_sites(plan, options, inst, sol, out);
    return out;
}

}  // namespace beltplan::analysis
