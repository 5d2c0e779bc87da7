// regional and leader merges: each candidate lead grows a connected group of the nearest
// eligible villages within the distance; a lazy greedy takes the lead that gathers the most,
// so few, full groups form. A village is joined only next to the lead or to a member.
#include "analysis/merge_suggest.h"
#include "core/messages.h"

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
                    {static_cast<int>(v),
                     core::tr("analysis.merge.already_in", {core::tr(std::string("analysis.mode.") +
                                                                     core::to_code(options.mode)),
                                                            taken[v]})});
            }
            continue;
        }
        if (member && regional && !village.population) {
            out.unplaced.push_back({static_cast<int>(v), core::tr("analysis.merge.no_population")});
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
    s << std::fixed << m / 1000.0;
    return core::tr("analysis.unit.km", {s.str()});
}

// A count as a stream writes it (the summaries wrote them so before the catalogue).
std::string count_text(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

SuggestedGroup make_group(const core::Plan& plan, const MergeSuggestOptions& options, int lead,
                          const std::vector<std::pair<int, double>>& members) {
    SuggestedGroup g;
    g.lead = lead;
    g.mode = options.mode;
    g.members.push_back(lead);
    const core::Village& l = plan.villages[static_cast<std::size_t>(lead)];
    std::string list;
    for (std::size_t k = 0; k < members.size(); ++k) {
        g.members.push_back(members[k].first);
        list += (k == 0 ? "" : core::tr("analysis.list.comma")) +
                core::tr("analysis.merge.member_distance",
                         {plan.villages[static_cast<std::size_t>(members[k].first)].name,
                          km(members[k].second)});
    }
    g.size = static_cast<double>(g.members.size());
    g.explanation =
        options.mode == core::JointOrgMode::kRegional
            ? core::tr("analysis.merge.regional_group",
                       {l.name, std::to_string(*l.population), list, km(options.max_distance_m)})
            : core::tr("analysis.merge.leader_group", {l.name, list, km(options.max_distance_m)});
    return g;
}

// Why an eligible village stayed out: no lead in range, none connected, or full groups
// (`full` tells the last: some group could have reached it).
std::string grouped_reason(const core::Plan& plan, const ContiguityGraph& graph,
                           const Eligibility& e, const MergeSuggestOptions& options, int v,
                           bool& full) {
    full = false;
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
                full = true;
                return core::tr("analysis.merge.groups_full",
                                {std::to_string(options.max_members)});
            }
        }
    }
    const std::string lead_words = core::tr(regional ? "analysis.merge.lead_words_regional"
                                                     : "analysis.merge.lead_words_leader");
    return core::tr(
        in_range ? "analysis.merge.no_lead_connected" : "analysis.merge.no_lead_in_range",
        {lead_words, km(options.max_distance_m)});
}

}  // namespace

Suggestion suggest_grouped(const core::Plan& plan, const ContiguityGraph& graph,
                           const MergeSuggestOptions& options) {
    Suggestion out;
    out.strategy = core::to_code(options.mode);
    out.value_unit = core::tr("analysis.unit.villages_placed");
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
        bool full = false;
        const std::string why = grouped_reason(plan, graph, e, options, static_cast<int>(v), full);
        reachable += full ? 1 : 0;
        out.unplaced.push_back({static_cast<int>(v), why});
    }
    out.upper_bound = reachable;  // villages some group could reach, ignoring group sizes
    out.proven_optimal = out.value >= reachable;
    out.summary =
        core::tr(options.mode == core::JointOrgMode::kRegional ? "analysis.merge.regional_summary"
                                                               : "analysis.merge.leader_summary",
                 {count_text(out.total), count_text(out.value), std::to_string(out.groups.size()),
                  std::to_string(options.max_members), km(options.max_distance_m)});
    return out;
}

}  // namespace beltplan::analysis
