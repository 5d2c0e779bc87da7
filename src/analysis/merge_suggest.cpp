// strong_weak merges as an exact min-cost maximum flow (LEMON's network simplex): source -> weak
// village (capacity 1) -> adjacent strong lead (cost = anchor distance) -> sink (capacity 2),
// solved per connected piece of the weak-lead graph. The flow places as many weak villages as
// possible, then with the least total distance.
#include "analysis/merge_suggest.h"

#include "core/messages.h"

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace beltplan::analysis {

namespace {

std::string money(double wan_yuan) {
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << wan_yuan;
    return core::tr("analysis.unit.wan_yuan", {s.str()});
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

// Why a weak village stayed out, given its strong neighbours and who they lead.
std::string unplaced_reason(const core::Plan& plan, const std::vector<int>& strong_near,
                            const std::vector<int>& strong_far, double threshold,
                            const MergeSuggestOptions& options) {
    if (strong_near.empty() && strong_far.empty()) {
        return core::tr("analysis.merge.none_strong", {money(threshold)});
    }
    if (strong_near.empty()) {
        return core::tr("analysis.merge.strong_too_far", {km(options.max_distance_m)});
    }
    std::string names;
    for (int s : strong_near) {
        names += (names.empty() ? "" : core::tr("analysis.list.comma")) +
                 plan.villages[static_cast<std::size_t>(s)].name;
    }
    return core::tr("analysis.merge.strong_full", {names, std::to_string(options.max_members - 1)});
}

// Splits villages into weak (income at or below the threshold) and strong ones; villages
// without income, and weak ones already in a strong_weak org, go to out.unplaced.
void classify(const core::Plan& plan, double threshold, std::vector<int>& weak,
              std::vector<char>& strong, Suggestion& out) {
    const std::vector<std::string> taken = existing_org_of(plan, core::JointOrgMode::kStrongWeak);
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        const core::Village& village = plan.villages[v];
        if (!village.collective_income_wan_yuan) {
            out.unplaced.push_back({static_cast<int>(v), core::tr("analysis.merge.no_income")});
        } else if (!taken[v].empty()) {
            if (*village.collective_income_wan_yuan <= threshold) {
                out.unplaced.push_back(
                    {static_cast<int>(v),
                     core::tr("analysis.merge.already_in",
                              {core::tr("analysis.mode.strong_weak"), taken[v]})});
            }
        } else if (*village.collective_income_wan_yuan <= threshold) {
            weak.push_back(static_cast<int>(v));
        } else {
            strong[v] = 1;
        }
    }
}

// A lead and the weak villages it takes (village, distance), explained.
SuggestedGroup strong_weak_group(const core::Plan& plan, int lead_index,
                                 const std::vector<std::pair<int, double>>& weak) {
    const core::Village& lead = plan.villages[static_cast<std::size_t>(lead_index)];
    SuggestedGroup group;
    group.lead = lead_index;
    group.mode = core::JointOrgMode::kStrongWeak;
    group.members.push_back(lead_index);
    std::string list;
    for (std::size_t k = 0; k < weak.size(); ++k) {
        const core::Village& v = plan.villages[static_cast<std::size_t>(weak[k].first)];
        group.members.push_back(weak[k].first);
        list += (k == 0 ? "" : core::tr("analysis.list.and")) +
                core::tr("analysis.merge.weak_member",
                         {v.name, money(*v.collective_income_wan_yuan), km(weak[k].second)});
    }
    group.size = static_cast<double>(group.members.size());
    group.explanation =
        core::tr(weak.size() > 1 ? "analysis.merge.sw_group_many" : "analysis.merge.sw_group_one",
                 {lead.name, money(*lead.collective_income_wan_yuan), list});
    return group;
}

}  // namespace

std::vector<std::string> existing_org_of(const core::Plan& plan, core::JointOrgMode mode) {
    std::vector<std::string> out(plan.villages.size());
    const auto index = core::village_index(plan);
    for (const core::JointOrg& org : plan.joint_orgs) {
        if (org.mode != mode) {
            continue;
        }
        for (const std::string& code : org.members) {
            const auto it = index.find(code);
            if (it != index.end()) {
                out[it->second] = org.id.empty() ? org.name : org.id;
            }
        }
    }
    return out;
}

std::optional<double> lowest_third_income(const core::Plan& plan) {
    std::vector<double> incomes;
    for (const core::Village& v : plan.villages) {
        if (v.collective_income_wan_yuan) {
            incomes.push_back(*v.collective_income_wan_yuan);
        }
    }
    if (incomes.empty()) {
        return std::nullopt;
    }
    std::sort(incomes.begin(), incomes.end());
    const std::size_t k = std::max<std::size_t>(1, incomes.size() / 3);
    return incomes[k - 1];
}

Suggestion suggest_strong_weak(const core::Plan& plan, const ContiguityGraph& graph,
                               const MergeSuggestOptions& options, double threshold) {
    Suggestion out;
    out.strategy = "strong_weak";
    out.value_unit = core::tr("analysis.unit.weak_placed");
    const std::size_t n = plan.villages.size();
    std::vector<int> weak;
    std::vector<char> strong(n, 0);
    classify(plan, threshold, weak, strong, out);
    out.total = static_cast<double>(weak.size());

    // Each weak village's strong neighbours within reach (near) and beyond it (far).
    struct Option {
        int weak_slot;
        int lead;
        double distance_m;
    };
    std::vector<Option> options_all;
    std::vector<std::vector<int>> near(weak.size());
    std::vector<std::vector<int>> far(weak.size());
    for (std::size_t w = 0; w < weak.size(); ++w) {
        const core::PointM a = core::anchor(plan.villages[static_cast<std::size_t>(weak[w])]);
        for (int s : graph.neighbours[static_cast<std::size_t>(weak[w])]) {
            if (!strong[static_cast<std::size_t>(s)]) {
                continue;
            }
            const double d =
                core::distance_m(a, core::anchor(plan.villages[static_cast<std::size_t>(s)]));
            if (d > options.max_distance_m) {
                far[w].push_back(s);
                continue;
            }
            near[w].push_back(s);
            options_all.push_back({static_cast<int>(w), s, d});
        }
    }
    // The flow splits into independent problems, one per connected piece of the weak-lead
    // graph; solving each alone is just as exact and keeps every shortest-path search small
    // (one search over the whole plan per placed village took minutes at 50,000 villages).
    const std::size_t nodes = weak.size() + n;  // weak slots, then villages as leads
    std::vector<std::size_t> parent(nodes);
    std::iota(parent.begin(), parent.end(), 0);
    const auto root = [&parent](std::size_t x) {
        while (parent[x] != x) {
            x = parent[x] = parent[parent[x]];
        }
        return x;
    };
    for (const Option& o : options_all) {
        parent[root(static_cast<std::size_t>(o.weak_slot))] =
            root(weak.size() + static_cast<std::size_t>(o.lead));
    }
    std::map<std::size_t, std::vector<std::size_t>> pieces;  // root -> option indices
    for (std::size_t k = 0; k < options_all.size(); ++k) {
        pieces[root(static_cast<std::size_t>(options_all[k].weak_slot))].push_back(k);
    }
    std::vector<std::vector<std::pair<int, double>>> led(n);
    std::vector<char> placed(weak.size(), 0);
    std::size_t solved = 0;
    for (const auto& piece : pieces) {
        check(options.control);
        report(options.control, static_cast<double>(solved++) / pieces.size());
        // source -> weak (1) -> lead (1, decimetres) -> sink (max_members - 1), and a bypass
        // source -> sink dearer than every distance together, so the cheapest flow of all the
        // piece's supply places the most weak villages first, then takes the least distance.
        using Graph = lemon::ListDigraph;
        Graph g;
        const Graph::Node source = g.addNode();
        const Graph::Node sink = g.addNode();
        Graph::ArcMap<long long> upper(g);
        Graph::ArcMap<long long> cost(g);
        std::map<int, Graph::Node> weak_node;
        std::map<int, Graph::Node> lead_node;
        auto arc = [&](Graph::Node from, Graph::Node to, long long cap, long long c) {
            const Graph::Arc a = g.addArc(from, to);
            upper[a] = cap;
            cost[a] = c;
            return a;
        };
        long long all_costs = 0;
        std::vector<Graph::Arc> choice;
        for (std::size_t k : piece.second) {
            const Option& o = options_all[k];
            auto w = weak_node.find(o.weak_slot);
            if (w == weak_node.end()) {
                w = weak_node.emplace(o.weak_slot, g.addNode()).first;
                arc(source, w->second, 1, 0);
            }
            auto l = lead_node.find(o.lead);
            if (l == lead_node.end()) {
                l = lead_node.emplace(o.lead, g.addNode()).first;
                arc(l->second, sink, options.max_members - 1, 0);
            }
            const long long c = std::llround(o.distance_m * 10.0);  // decimetres: exact sums
            all_costs += c;
            choice.push_back(arc(w->second, l->second, 1, c));
        }
        const auto supply = static_cast<long long>(weak_node.size());
        arc(source, sink, supply, all_costs + 1);
        lemon::NetworkSimplex<Graph, long long, long long> simplex(g);
        simplex.upperMap(upper).costMap(cost).stSupply(source, sink, supply);
        if (simplex.run() != lemon::NetworkSimplex<Graph, long long, long long>::OPTIMAL) {
            throw std::logic_error("the strong_weak flow has no optimum");  // cannot happen
        }
        for (std::size_t e = 0; e < choice.size(); ++e) {
            if (simplex.flow(choice[e]) == 1) {
                const Option& o = options_all[piece.second[e]];
                led[static_cast<std::size_t>(o.lead)].emplace_back(
                    weak[static_cast<std::size_t>(o.weak_slot)], o.distance_m);
                placed[static_cast<std::size_t>(o.weak_slot)] = 1;
            }
        }
    }
    check(options.control);
    for (std::size_t s = 0; s < n; ++s) {
        if (!led[s].empty()) {
            out.groups.push_back(strong_weak_group(plan, static_cast<int>(s), led[s]));
        }
    }
    for (std::size_t w = 0; w < weak.size(); ++w) {
        if (!placed[w]) {
            out.unplaced.push_back(
                {weak[w], unplaced_reason(plan, near[w], far[w], threshold, options)});
        }
        out.value += placed[w];
    }
    out.upper_bound = out.value;  // the flow is a maximum: no grouping places more
    out.proven_optimal = true;
    out.summary = core::tr("analysis.merge.sw_summary",
                           {std::to_string(weak.size()), money(threshold), count_text(out.value),
                            std::to_string(out.groups.size())});
    return out;
}

core::Result<Suggestion> suggest_merges(const core::Plan& plan, const ContiguityGraph& graph,
                                        const MergeSuggestOptions& options) {
    if (options.max_members < 2) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                core::tr("analysis.merge.room_for_two"));
    }
    if (options.mode == core::JointOrgMode::kStrongWeak) {
        const std::optional<double> threshold =
            options.weak_income_wan_yuan ? options.weak_income_wan_yuan : lowest_third_income(plan);
        if (!threshold) {
            return core::make_error(core::ErrorCode::kBadValue, {},
                                    core::tr("analysis.merge.no_incomes"));
        }
        return suggest_strong_weak(plan, graph, options, *threshold);
    }
    if (options.mode == core::JointOrgMode::kStation) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                core::tr("analysis.merge.stations_elsewhere"));
    }
    if (!std::isfinite(options.max_distance_m)) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                core::tr("analysis.merge.needs_distance"));
    }
    return suggest_grouped(plan, graph, options);
}

}  // namespace beltplan::analysis
