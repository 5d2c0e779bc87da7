// strong_weak merges as an exact min-cost maximum flow (Boost Graph Library): source -> weak
// village (capacity 1) -> adjacent strong lead (cost = anchor distance) -> sink (capacity 2).
// The flow places as many weak villages as possible, then with the least total distance.
#include "analysis/merge_suggest.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace beltplan::analysis {

namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, long>>>>>;
using Edge = Traits::edge_descriptor;

Edge add_arc(FlowGraph& g, std::size_t from, std::size_t to, long capacity, long cost) {
    const Edge e = boost::add_edge(from, to, g).first;
    const Edge r = boost::add_edge(to, from, g).first;
    boost::put(boost::edge_capacity, g, e, capacity);
    boost::put(boost::edge_capacity, g, r, 0);
    boost::put(boost::edge_weight, g, e, cost);
    boost::put(boost::edge_weight, g, r, -cost);
    boost::put(boost::edge_reverse, g, e, r);
    boost::put(boost::edge_reverse, g, r, e);
    return e;
}

std::string money(double wan_yuan) {
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << wan_yuan << " 万元";
    return s.str();
}

std::string km(double m) {
    std::ostringstream s;
    s.precision(1);
    s << std::fixed << m / 1000.0 << " km";
    return s.str();
}

// Why a weak village stayed out, given its strong neighbours and who they lead.
std::string unplaced_reason(const core::Plan& plan, const std::vector<int>& strong_near,
                            const std::vector<int>& strong_far, double threshold,
                            const MergeSuggestOptions& options) {
    if (strong_near.empty() && strong_far.empty()) {
        return "none of its neighbours is strong (collective income above " + money(threshold) +
               ") and free to lead.";
    }
    if (strong_near.empty()) {
        return "its strong neighbours are farther than " + km(options.max_distance_m) + ".";
    }
    std::string names;
    for (int s : strong_near) {
        names += (names.empty() ? "" : ", ") + plan.villages[static_cast<std::size_t>(s)].name;
    }
    return "its strong neighbours (" + names + ") already lead " +
           std::to_string(options.max_members - 1) +
           " weak villages each, and moving any of those would leave another weak village out.";
}

// Splits villages into weak (income at or below the threshold) and strong ones; villages
// without income, and weak ones already in a strong_weak org, go to out.unplaced.
void classify(const core::Plan& plan, double threshold, std::vector<int>& weak,
              std::vector<char>& strong, Suggestion& out) {
    const std::vector<std::string> taken = existing_org_of(plan, core::JointOrgMode::kStrongWeak);
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        const core::Village& village = plan.villages[v];
        if (!village.collective_income_wan_yuan) {
            out.unplaced.push_back({static_cast<int>(v),
                                    "its collective income is not in the data, so it is neither "
                                    "weak nor strong."});
        } else if (!taken[v].empty()) {
            if (*village.collective_income_wan_yuan <= threshold) {
                out.unplaced.push_back(
                    {static_cast<int>(v),
                     "it is already in strong_weak joint organization " + taken[v] + "."});
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
    std::ostringstream why;
    why << lead.name << " (income " << money(*lead.collective_income_wan_yuan)
        << ") leads its weak neighbour" << (weak.size() > 1 ? "s " : " ");
    for (std::size_t k = 0; k < weak.size(); ++k) {
        const core::Village& v = plan.villages[static_cast<std::size_t>(weak[k].first)];
        group.members.push_back(weak[k].first);
        why << (k == 0 ? "" : " and ") << v.name << " (" << money(*v.collective_income_wan_yuan)
            << ", " << km(weak[k].second) << " away)";
    }
    why << "; it is the strongest member.";
    group.size = static_cast<double>(group.members.size());
    group.explanation = why.str();
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
    out.value_unit = "weak villages placed";
    const std::size_t n = plan.villages.size();
    std::vector<int> weak;
    std::vector<char> strong(n, 0);
    classify(plan, threshold, weak, strong, out);
    out.total = static_cast<double>(weak.size());

    // Nodes: 0 source, 1 sink, 2.. weak villages, then one node per village as a lead.
    FlowGraph g(2 + weak.size() + n);
    const std::size_t lead_base = 2 + weak.size();
    struct Option {
        int weak_slot;
        int lead;
        double distance_m;
        Edge edge;
    };
    std::vector<Option> arcs;
    std::vector<std::vector<int>> near(weak.size());
    std::vector<std::vector<int>> far(weak.size());
    std::vector<char> lead_used(n, 0);
    for (std::size_t w = 0; w < weak.size(); ++w) {
        add_arc(g, 0, 2 + w, 1, 0);
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
            const long cost = std::lround(d * 10.0);  // decimetres: integer costs stay exact
            arcs.push_back({static_cast<int>(w), s, d,
                            add_arc(g, 2 + w, lead_base + static_cast<std::size_t>(s), 1, cost)});
            if (!lead_used[static_cast<std::size_t>(s)]) {
                lead_used[static_cast<std::size_t>(s)] = 1;
                add_arc(g, lead_base + static_cast<std::size_t>(s), 1, options.max_members - 1, 0);
            }
        }
    }
    check(options.control);
    report(options.control, 0.2);
    boost::successive_shortest_path_nonnegative_weights(g, 0, 1);  // not interruptible
    check(options.control);
    report(options.control, 0.9);

    std::vector<std::vector<std::pair<int, double>>> led(n);
    std::vector<char> placed(weak.size(), 0);
    for (const Option& o : arcs) {
        if (boost::get(boost::edge_residual_capacity, g, o.edge) == 0) {
            led[static_cast<std::size_t>(o.lead)].emplace_back(
                weak[static_cast<std::size_t>(o.weak_slot)], o.distance_m);
            placed[static_cast<std::size_t>(o.weak_slot)] = 1;
        }
    }
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
    std::ostringstream summary;
    summary << weak.size() << " villages are weak (collective income at or below "
            << money(threshold) << "); " << out.value << " of them join " << out.groups.size()
            << " strong_weak groups of 2-3 villages with an adjacent strong lead. This is the "
               "most that can be placed, with the least total distance.";
    out.summary = summary.str();
    return out;
}

core::Result<Suggestion> suggest_merges(const core::Plan& plan, const ContiguityGraph& graph,
                                        const MergeSuggestOptions& options) {
    if (options.max_members < 2) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                "a joint organization needs room for at least 2 members.");
    }
    if (options.mode == core::JointOrgMode::kStrongWeak) {
        const std::optional<double> threshold =
            options.weak_income_wan_yuan ? options.weak_income_wan_yuan : lowest_third_income(plan);
        if (!threshold) {
            return core::make_error(core::ErrorCode::kBadValue, {},
                                    "no village has a collective income, so weak and strong "
                                    "villages cannot be told apart.");
        }
        return suggest_strong_weak(plan, graph, options, *threshold);
    }
    if (options.mode == core::JointOrgMode::kStation) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                "work stations are suggested by the stations strategy.");
    }
    if (!std::isfinite(options.max_distance_m)) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                "regional and leader groups need a maximum distance.");
    }
    return suggest_grouped(plan, graph, options);
}

}  // namespace beltplan::analysis
