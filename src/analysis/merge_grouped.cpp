// regional and leader merges: each candidate lead grows a connected group of the nearest
// eligible villages within the distance; a lazy greedy takes the lead that gathers the most,
// so few, full groups form. A village is joined only next to the lead or to a member.
#include "analysis/merge_suggest.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <sstream>
#include <tuple>

namespace beltplan::analysis {

namespace {

struct Eligibility {
    std::vector<char> member;  // may join a group
    std::vector<char> lead;    // may lead a group
    bool lead_larger = false;  // regional: members smaller (population) than the lead
};

double people(const core::Village& v) {
    return v.population ? static_cast<double>(*v.population) : -1.0;
}

Eligibility eligibility(const core::Plan& plan, const MergeSuggestOptions& options,
                        const std::vector<std::string>& taken, Suggestion& out) {
    const std::size_t n = plan.villages.size();
    Eligibility e{std::vector<char>(n, 0), std::vector<char>(n, 0), false};
    const bool regional = options.mode == core::JointOrgMode::kRegional;
    e.lead_larger = regional;
    for (std::size_t v = 0; v < n; ++v) {
        const core::Village& village = plan.villages[v];
        const bool member = regional ? village.kind == core::VillageKind::kHollow
                                     : village.weak_org.value_or(false);
        const bool lead = regional
                              ? village.kind != core::VillageKind::kHollow && village.population
                              : village.leader.value_or(false) && !village.weak_org.value_or(false);
        if (!taken[v].empty()) {
            if (member) {
                out.unplaced.push_back(
                    {static_cast<int>(v), "it is already in " +
                                              std::string(core::to_code(options.mode)) +
                                              " joint organization " + taken[v] + "."});
            }
            continue;
        }
        if (member && regional && !village.population) {
            out.unplaced.push_back({static_cast<int>(v),
                                    "its population is not in the data, so no larger central "
                                    "village can be chosen for it."});
            continue;
        }
        e.member[v] = member ? 1 : 0;
        e.lead[v] = lead ? 1 : 0;
    }
    return e;
}

// Grows the group of `lead`: nearest eligible, unassigned villages within max_distance_m,
// each touching the lead or an earlier member; at most `room` members (lead excluded).
std::vector<std::pair<int, double>> grow(const core::Plan& plan, const ContiguityGraph& graph,
                                         const Eligibility& e, const std::vector<char>& assigned,
                                         int lead, double max_distance_m, int room) {
    std::vector<std::pair<int, double>> members;
    const core::PointM at = core::anchor(plan.villages[static_cast<std::size_t>(lead)]);
    const double lead_people = people(plan.villages[static_cast<std::size_t>(lead)]);
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    std::vector<int> seen{lead};
    auto push_neighbours = [&](int v) {
        for (int u : graph.neighbours[static_cast<std::size_t>(v)]) {
            if (std::find(seen.begin(), seen.end(), u) == seen.end()) {
                seen.push_back(u);
                queue.emplace(
                    core::distance_m(at, core::anchor(plan.villages[static_cast<std::size_t>(u)])),
                    u);
            }
        }
    };
    push_neighbours(lead);
    while (!queue.empty() && static_cast<int>(members.size()) < room) {
        const auto [d, v] = queue.top();
        queue.pop();
        const auto k = static_cast<std::size_t>(v);
        if (!e.member[k] || assigned[k] || d > max_distance_m ||
            (e.lead_larger && !(people(plan.villages[k]) < lead_people))) {
            continue;
        }
        members.emplace_back(v, d);
        push_neighbours(v);
    }
    return members;
}

std::string km(double m) {
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << m / 1000.0 << " km";
    return s.str();
}

SuggestedGroup make_group(const core::Plan& plan, const MergeSuggestOptions& options, int lead,
                          const std::vector<std::pair<int, double>>& members) {
    SuggestedGroup g;
    g.lead = lead;
    g.mode = options.mode;
    g.members.push_back(lead);
    const core::Village& l = plan.villages[static_cast<std::size_t>(lead)];
    std::ostringstream why;
    if (options.mode == core::JointOrgMode::kRegional) {
        why << l.name << " (population " << *l.population
            << ", the largest member) gathers the hollow villages ";
    } else {
        why << l.name << " has a capable leader; it gathers the weak organizations of ";
    }
    for (std::size_t k = 0; k < members.size(); ++k) {
        g.members.push_back(members[k].first);
        why << (k == 0 ? "" : ", ")
            << plan.villages[static_cast<std::size_t>(members[k].first)].name << " ("
            << km(members[k].second) << ")";
    }
    why << ", each within " << km(options.max_distance_m) << " and bordering the group.";
    g.size = static_cast<double>(g.members.size());
    g.explanation = why.str();
    return g;
}

// Why an eligible village stayed out: no lead in range, none connected, or full groups.
std::string grouped_reason(const core::Plan& plan, const ContiguityGraph& graph,
                           const Eligibility& e, const MergeSuggestOptions& options, int v) {
    const std::vector<char> none(plan.villages.size(), 0);
    const core::PointM at = core::anchor(plan.villages[static_cast<std::size_t>(v)]);
    const bool regional = options.mode == core::JointOrgMode::kRegional;
    bool in_range = false;
    for (std::size_t l = 0; l < plan.villages.size(); ++l) {
        if (!e.lead[l] ||
            core::distance_m(at, core::anchor(plan.villages[l])) > options.max_distance_m ||
            (regional &&
             !(people(plan.villages[static_cast<std::size_t>(v)]) < people(plan.villages[l])))) {
            continue;
        }
        in_range = true;
        const auto reach = grow(plan, graph, e, none, static_cast<int>(l), options.max_distance_m,
                                static_cast<int>(plan.villages.size()));
        for (const auto& m : reach) {
            if (m.first == v) {
                return "the groups it could join are full (at most " +
                       std::to_string(options.max_members) +
                       " villages) or formed around "
                       "other villages first.";
            }
        }
    }
    const std::string lead_words =
        regional ? "larger non-hollow village" : "village with a capable leader";
    if (!in_range) {
        return "no " + lead_words + " lies within " + km(options.max_distance_m) + ".";
    }
    return "no " + lead_words + " within " + km(options.max_distance_m) +
           " borders it or connects to it through eligible neighbours.";
}

}  // namespace

Suggestion suggest_grouped(const core::Plan& plan, const ContiguityGraph& graph,
                           const MergeSuggestOptions& options) {
    Suggestion out;
    out.strategy = core::to_code(options.mode);
    out.value_unit = "villages placed";
    const Eligibility e = eligibility(plan, options, existing_org_of(plan, options.mode), out);
    const std::size_t n = plan.villages.size();
    std::vector<char> assigned(n, 0);
    using Key = std::tuple<int, double, int>;  // (members, lead population, -index)
    std::priority_queue<Key> queue;
    for (std::size_t l = 0; l < n; ++l) {
        if (e.lead[l]) {
            queue.emplace(static_cast<int>(n), people(plan.villages[l]), -static_cast<int>(l));
        }
    }
    const int room = options.max_members - 1;
    const double leads = static_cast<double>(std::max<std::size_t>(queue.size(), 1));
    while (!queue.empty()) {
        check(options.control);
        report(options.control, 0.5 * (1.0 - static_cast<double>(queue.size()) / leads));
        Key top = queue.top();
        queue.pop();
        const int lead = -std::get<2>(top);
        const auto members = grow(plan, graph, e, assigned, lead, options.max_distance_m, room);
        if (members.empty()) {
            continue;
        }
        std::get<0>(top) = static_cast<int>(members.size());
        if (!queue.empty() && top < queue.top()) {
            queue.push(top);  // groups only shrink as villages are taken: re-queue
            continue;
        }
        assigned[static_cast<std::size_t>(lead)] = 1;
        for (const auto& m : members) {
            assigned[static_cast<std::size_t>(m.first)] = 1;
        }
        out.groups.push_back(make_group(plan, options, lead, members));
        out.value += static_cast<double>(members.size());
    }
    double reachable = 0;
    for (std::size_t v = 0; v < n; ++v) {
        if (v % 64 == 0) {
            check(options.control);  // the reasons cost the most on large plans
            report(options.control, 0.5 + 0.5 * static_cast<double>(v) / static_cast<double>(n));
        }
        if (!e.member[v] || assigned[v]) {
            out.total += e.member[v] ? 1 : 0;
            reachable += e.member[v] ? 1 : 0;
            continue;
        }
        out.total += 1;
        const std::string why = grouped_reason(plan, graph, e, options, static_cast<int>(v));
        reachable += why.rfind("the groups", 0) == 0 ? 1 : 0;
        out.unplaced.push_back({static_cast<int>(v), why});
    }
    out.upper_bound = reachable;  // villages some group could reach, ignoring group sizes
    out.proven_optimal = out.value >= reachable;
    std::ostringstream summary;
    summary << out.total << " villages are "
            << (options.mode == core::JointOrgMode::kRegional ? "hollow" : "weak organizations")
            << "; " << out.value << " of them join " << out.groups.size() << " groups of at most "
            << options.max_members << " villages within " << km(options.max_distance_m)
            << " of their lead.";
    out.summary = summary.str();
    return out;
}

}  // namespace beltplan::analysis
