// Work stations: seeded region growing in a township's queen graph, boundary moves that keep
// every region connected and reduce the spread of sizes, and seats re-centred on the most
// central member (a few Lloyd rounds).
// Index: [SECTION] Township graph and seeds, [SECTION] Growing and balancing, [SECTION]
// Townships and results.
#include "analysis/station_suggest.h"

#include "core/messages.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <sstream>
#include <unordered_map>

namespace beltplan::analysis {

namespace {

// [SECTION] Township graph and seeds

// One township as a local graph.
struct Town {
    std::vector<int> village;  // local -> plan index
    std::vector<std::vector<int>> adj;
    std::vector<double> size;
    std::vector<core::PointM> at;
    double dist(int a, int b) const {
        return core::distance_m(at[static_cast<std::size_t>(a)], at[static_cast<std::size_t>(b)]);
    }
};

using Labels = std::vector<int>;

// Components of the local graph, as a label per village; returns the count.
int components(const Town& t, std::vector<int>& comp) {
    comp.assign(t.village.size(), -1);
    int count = 0;
    for (std::size_t s = 0; s < t.village.size(); ++s) {
        if (comp[s] >= 0) {
            continue;
        }
        std::vector<int> stack{static_cast<int>(s)};
        comp[s] = count;
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            for (int u : t.adj[static_cast<std::size_t>(v)]) {
                if (comp[static_cast<std::size_t>(u)] < 0) {
                    comp[static_cast<std::size_t>(u)] = count;
                    stack.push_back(u);
                }
            }
        }
        ++count;
    }
    return count;
}

// k seeds: one per component, the rest by farthest-point sampling within the components,
// spread over them by size.
std::vector<int> initial_seats(const Town& t, int k) {
    std::vector<int> comp;
    const int pieces = components(t, comp);
    std::vector<int> seats;
    for (int c = 0; c < pieces; ++c) {
        for (std::size_t v = 0; v < comp.size(); ++v) {
            if (comp[v] == c) {
                seats.push_back(static_cast<int>(v));
                break;
            }
        }
    }
    while (static_cast<int>(seats.size()) < k) {
        int far = -1;
        double far_d = -1;
        for (std::size_t v = 0; v < t.village.size(); ++v) {
            double d = std::numeric_limits<double>::infinity();
            for (int s : seats) {
                d = std::min(d, t.dist(static_cast<int>(v), s));
            }
            if (d > far_d) {
                far_d = d;
                far = static_cast<int>(v);
            }
        }
        seats.push_back(far);
    }
    return seats;
}

// [SECTION] Growing and balancing

// Multi-source growth: the smallest region with a frontier takes its nearest free neighbour.
Labels grow(const Town& t, const std::vector<int>& seats) {
    using Item = std::pair<double, int>;
    using Heap = std::priority_queue<Item, std::vector<Item>, std::greater<Item>>;
    Labels label(t.village.size(), -1);
    std::vector<Heap> frontier(seats.size());
    std::vector<double> size(seats.size(), 0);
    auto take = [&](std::size_t r, int v) {
        label[static_cast<std::size_t>(v)] = static_cast<int>(r);
        size[r] += t.size[static_cast<std::size_t>(v)];
        for (int u : t.adj[static_cast<std::size_t>(v)]) {
            if (label[static_cast<std::size_t>(u)] < 0) {
                frontier[r].emplace(t.dist(u, seats[r]), u);
            }
        }
    };
    for (std::size_t r = 0; r < seats.size(); ++r) {
        take(r, seats[r]);
    }
    for (;;) {
        int pick = -1;
        for (std::size_t r = 0; r < seats.size(); ++r) {
            while (!frontier[r].empty() &&
                   label[static_cast<std::size_t>(frontier[r].top().second)] >= 0) {
                frontier[r].pop();
            }
            if (!frontier[r].empty() &&
                (pick < 0 || size[r] < size[static_cast<std::size_t>(pick)])) {
                pick = static_cast<int>(r);
            }
        }
        if (pick < 0) {
            return label;
        }
        const int v = frontier[static_cast<std::size_t>(pick)].top().second;
        take(static_cast<std::size_t>(pick), v);
    }
}

// True when region r stays connected around its seat, with 2+ villages, without `without`.
bool connected_without(const Town& t, const Labels& label, int r, int seat, int without) {
    std::size_t members = 0;
    for (int l : label) {
        members += l == r ? 1 : 0;
    }
    std::vector<char> seen(t.village.size(), 0);
    std::vector<int> stack{seat};
    seen[static_cast<std::size_t>(seat)] = 1;
    std::size_t reached = 1;
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (int u : t.adj[static_cast<std::size_t>(v)]) {
            const auto k = static_cast<std::size_t>(u);
            if (!seen[k] && u != without && label[k] == r) {
                seen[k] = 1;
                ++reached;
                stack.push_back(u);
            }
        }
    }
    return reached + 1 == members && reached >= 2;  // a station keeps 2+ villages
}

// Boundary moves from a larger to a smaller region while the squared spread falls.
void balance(const Town& t, const std::vector<int>& seats, Labels& label) {
    std::vector<double> size(seats.size(), 0);
    for (std::size_t v = 0; v < label.size(); ++v) {
        size[static_cast<std::size_t>(label[v])] += t.size[v];
    }
    for (std::size_t moves = 0; moves < 8 * t.village.size(); ++moves) {
        double best = 1e-9;
        int best_v = -1;
        int best_to = -1;
        double best_d = 0;
        for (std::size_t v = 0; v < label.size(); ++v) {
            const int a = label[v];
            const double s = t.size[v];
            for (int u : t.adj[v]) {
                const int b = label[static_cast<std::size_t>(u)];
                const double gain =
                    (size[static_cast<std::size_t>(a)] - size[static_cast<std::size_t>(b)] - s) * s;
                const double d = t.dist(static_cast<int>(v), seats[static_cast<std::size_t>(b)]);
                if (b == a || gain < best || (gain == best && d >= best_d) ||
                    seats[static_cast<std::size_t>(a)] == static_cast<int>(v) ||
                    !connected_without(t, label, a, seats[static_cast<std::size_t>(a)],
                                       static_cast<int>(v))) {
                    continue;
                }
                best = gain;
                best_v = static_cast<int>(v);
                best_to = b;
                best_d = d;
            }
        }
        if (best_v < 0) {
            return;
        }
        const auto v = static_cast<std::size_t>(best_v);
        size[static_cast<std::size_t>(label[v])] -= t.size[v];
        size[static_cast<std::size_t>(best_to)] += t.size[v];
        label[v] = best_to;
    }
}

// The member of each region with the least sum of distances to the other members.
std::vector<int> central_seats(const Town& t, const Labels& label, std::size_t k) {
    std::vector<int> seats(k, -1);
    std::vector<double> best(k, std::numeric_limits<double>::infinity());
    for (std::size_t v = 0; v < label.size(); ++v) {
        double sum = 0;
        for (std::size_t u = 0; u < label.size(); ++u) {
            sum += label[u] == label[v] ? t.dist(static_cast<int>(v), static_cast<int>(u)) : 0.0;
        }
        const auto r = static_cast<std::size_t>(label[v]);
        if (sum < best[r]) {
            best[r] = sum;
            seats[r] = static_cast<int>(v);
        }
    }
    return seats;
}

}  // namespace

namespace {

// [SECTION] Townships and results

core::Result<Town> make_town(const core::Plan& plan, const ContiguityGraph& graph,
                             const std::string& code, bool by_population) {
    Town t;
    std::unordered_map<int, int> local;
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        const core::Village& village = plan.villages[v];
        if (village.town_code != code) {
            continue;
        }
        if (by_population && !village.population) {
            return core::make_error(
                core::ErrorCode::kBadValue, {},
                core::tr("analysis.station.no_population", {village.name, village.code}));
        }
        local[static_cast<int>(v)] = static_cast<int>(t.village.size());
        t.village.push_back(static_cast<int>(v));
        t.size.push_back(by_population ? static_cast<double>(*village.population) : 1.0);
        t.at.push_back(core::anchor(village));
    }
    t.adj.resize(t.village.size());
    for (std::size_t l = 0; l < t.village.size(); ++l) {
        for (int u : graph.neighbours[static_cast<std::size_t>(t.village[l])]) {
            const auto it = local.find(u);
            if (it != local.end()) {
                t.adj[l].push_back(it->second);
            }
        }
    }
    return t;
}

// Seats given by code, as local indices; an error names a code outside the township.
core::Result<std::vector<int>> given_seats(const core::Plan& plan, const Town& t,
                                           const StationSuggestOptions& options) {
    std::vector<int> seats;
    for (const std::string& code : options.seats) {
        auto it = std::find_if(t.village.begin(), t.village.end(), [&](int v) {
            return plan.villages[static_cast<std::size_t>(v)].code == code;
        });
        if (it == t.village.end()) {
            return core::make_error(
                core::ErrorCode::kUnknownReference, {},
                core::tr("analysis.station.seat_not_in_town", {code, options.town_code}));
        }
        seats.push_back(static_cast<int>(it - t.village.begin()));
    }
    return seats;
}

void add_groups(const core::Plan& plan, const Town& t, const std::string& code,
                const std::vector<int>& seats, const Labels& label,
                const StationSuggestOptions& options, Suggestion& out) {
    double total = 0;
    for (double s : t.size) {
        total += s;
    }
    const double even = total / static_cast<double>(seats.size());
    for (std::size_t r = 0; r < seats.size(); ++r) {
        SuggestedGroup g;
        g.mode = core::JointOrgMode::kStation;
        g.town_code = code;
        g.lead = t.village[static_cast<std::size_t>(seats[r])];
        g.members.push_back(g.lead);
        for (std::size_t v = 0; v < label.size(); ++v) {
            if (label[v] == static_cast<int>(r)) {
                g.size += t.size[v];
                if (t.village[v] != g.lead) {
                    g.members.push_back(t.village[v]);
                }
            }
        }
        const double off = even > 0 ? (g.size - even) / even : 0;
        // Counting villages, the whole numbers next to the even share are always allowed.
        const double lo = std::min(even * (1 - options.tolerance),
                                   options.by_population ? even : std::floor(even));
        const double hi = std::max(even * (1 + options.tolerance),
                                   options.by_population ? even : std::ceil(even));
        g.within_tolerance = g.size >= lo - 1e-9 && g.size <= hi + 1e-9;
        const std::string tolerance =
            core::tr(g.within_tolerance ? "analysis.station.within" : "analysis.station.outside",
                     {std::to_string(std::lround(options.tolerance * 100))});
        g.explanation = core::tr(
            options.by_population ? "analysis.station.why_population" : "analysis.station.why",
            {plan.villages[static_cast<std::size_t>(g.lead)].name, std::to_string(g.members.size()),
             (off >= 0 ? "+" : "") + std::to_string(std::lround(off * 100)), tolerance,
             core::tr(options.seats.empty() ? "analysis.station.seat_central"
                                            : "analysis.station.seat_given"),
             std::to_string(std::llround(g.size))});
        out.value += g.within_tolerance ? 1 : 0;
        out.total += 1;
        out.groups.push_back(std::move(g));
    }
}

core::Status split_town(const core::Plan& plan, const ContiguityGraph& graph,
                        const std::string& code, const StationSuggestOptions& options,
                        Suggestion& out) {
    core::Result<Town> town = make_town(plan, graph, code, options.by_population);
    if (!town) {
        return town.error();
    }
    const Town& t = *town;
    const auto k = static_cast<std::size_t>(options.k);
    if (t.village.size() < 2 * k) {
        return core::make_error(
            core::ErrorCode::kBadArgument, {},
            core::tr("analysis.station.too_few",
                     {code, std::to_string(t.village.size()), std::to_string(k)}));
    }
    std::vector<int> comp;
    const int pieces = components(t, comp);
    if (pieces > options.k) {
        return core::make_error(core::ErrorCode::kBadPlan, {},
                                core::tr("analysis.station.too_many_pieces",
                                         {code, std::to_string(pieces), std::to_string(k)}));
    }
    core::Result<std::vector<int>> given = given_seats(plan, t, options);
    if (!given) {
        return given.error();
    }
    std::vector<int> seats = options.seats.empty() ? initial_seats(t, options.k) : *given;
    Labels label;
    for (int round = 0; round < 6; ++round) {
        label = grow(t, seats);
        if (std::find(label.begin(), label.end(), -1) != label.end()) {
            return core::make_error(core::ErrorCode::kBadArgument, {},
                                    core::tr("analysis.station.piece_without_seat", {code}));
        }
        balance(t, seats, label);
        if (!options.seats.empty()) {
            break;
        }
        std::vector<int> next = central_seats(t, label, k);
        if (next == seats) {
            break;
        }
        seats = std::move(next);
    }
    add_groups(plan, t, code, seats, label, options, out);
    return core::Ok{};
}

}  // namespace

core::Result<Suggestion> suggest_stations(const core::Plan& plan, const ContiguityGraph& graph,
                                          const StationSuggestOptions& options) {
    if (options.k < 1) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                core::tr("analysis.station.bad_k"));
    }
    if (!options.seats.empty() &&
        (options.town_code.empty() || static_cast<int>(options.seats.size()) != options.k)) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                core::tr("analysis.station.seats_need_town"));
    }
    Suggestion out;
    out.strategy = "stations";
    out.value_unit = core::tr("analysis.unit.stations_within");
    std::vector<std::string> towns;
    for (const core::Township& t : plan.townships) {
        if (options.town_code.empty() || t.code == options.town_code) {
            towns.push_back(t.code);
        }
    }
    if (towns.empty()) {
        return core::make_error(core::ErrorCode::kUnknownReference, {},
                                core::tr("analysis.station.no_township", {options.town_code}));
    }
    for (std::size_t k = 0; k < towns.size(); ++k) {
        const std::string& code = towns[k];
        check(options.control);
        report(options.control, static_cast<double>(k) / towns.size());
        const core::Status done = split_town(plan, graph, code, options, out);
        if (!done && !options.town_code.empty()) {
            return done.error();
        }
        if (!done) {
            out.notes.push_back(done.error().message);
        }
    }
    std::ostringstream value;
    value << out.value;
    out.summary = core::tr(
        options.by_population ? "analysis.station.summary_population" : "analysis.station.summary",
        {std::to_string(out.groups.size()), std::to_string(towns.size()), value.str(),
         std::to_string(std::lround(options.tolerance * 100))});
    return out;
}

}  // namespace beltplan::analysis
