// `beltplan belts`: members, ordered sites, largest gap and reach share of every belt. A belt
// with no road to measure gets a sentence instead of figures, and the exit code is 1.
#include "analysis/belts.h"
#include "app/commands.h"
#include "core/messages.h"
#include "io/plan_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>

namespace beltplan::app {

namespace {

using nlohmann::json;

// A belt has figures only when some road of it was found (no roads named, or none of the
// named ones in the plan, leaves nothing to measure: "largest gap 0 m" would be wrong).
bool measurable(const analysis::BeltResult& r) {
    return r.road_length_m > 0 && !r.stretches.empty();
}

json belt_json(const core::Plan& plan, const analysis::BeltResult& r) {
    json members = json::array();
    for (int v : r.members) {
        const core::Village& village = plan.villages[static_cast<std::size_t>(v)];
        members.push_back({{"code", village.code}, {"name", village.name}});
    }
    json stretches = json::array();
    for (const auto& s : r.stretches) {
        json sites = json::array();
        for (const auto& bs : s.sites) {
            const core::Site& site = plan.sites[static_cast<std::size_t>(bs.site)];
            sites.push_back({{"id", site.id},
                             {"name", site.name},
                             {"position_m", bs.position_m},
                             {"offset_m", bs.offset_m}});
        }
        stretches.push_back({{"road", s.road},
                             {"part", s.part},
                             {"length_m", s.length_m},
                             {"sites", std::move(sites)}});
    }
    return json{{"id", r.belt_id},
                {"name", r.name},
                {"members", std::move(members)},
                {"sites", r.site_count()},
                {"stretches", std::move(stretches)},
                {"missing_roads", r.missing_roads},
                {"road_length_m", r.road_length_m},
                {"reach_length_m", r.reach_length_m},
                {"reach_share", measurable(r) ? json(r.reach_share()) : json(nullptr)},
                {"largest_gap", measurable(r) ? json{{"road", r.largest_gap.road},
                                                     {"part", r.largest_gap.part},
                                                     {"from_m", r.largest_gap.from_m},
                                                     {"to_m", r.largest_gap.to_m},
                                                     {"length_m", r.largest_gap.length_m()}}
                                              : json(nullptr)}};
}

// The sentence for a belt whose gap and reach share cannot be measured.
std::string unmeasurable(const analysis::BeltResult& r) {
    return core::tr("trust.belt_unmeasurable", {r.name, r.belt_id});
}

}  // namespace

int run_belts(const BeltsOptions& options) {
    core::Result<core::Plan> plan = read_plan_warned(options.plan_path);
    if (!plan) {
        return fail(plan.error().message);
    }
    const auto results = analysis::analyze_belts(*plan);
    int exit_code = kExitOk;
    for (const auto& r : results) {
        if (!measurable(r)) {
            std::cerr << "beltplan: " << options.plan_path << ": " << unmeasurable(r) << "\n";
            exit_code = kExitFailed;
        }
    }
    if (options.json) {
        json all = json::array();
        for (const auto& r : results) {
            all.push_back(belt_json(*plan, r));
        }
        std::cout << json{{"radius_m", plan->settings.reach_m}, {"belts", std::move(all)}}.dump(2)
                  << "\n";
        return exit_code;
    }
    std::cout << results.size() << " belts, reach radius " << plan->settings.reach_m << " m\n";
    for (const auto& r : results) {
        std::cout << "\n"
                  << r.name << " (" << r.belt_id << "): " << r.members.size()
                  << " member villages, " << r.site_count() << " belt sites";
        if (!measurable(r)) {
            std::cout << "\n  " << unmeasurable(r) << "\n";
        } else {
            std::cout << ", road " << std::lround(r.road_length_m) << " m, reach share "
                      << std::lround(r.reach_share() * 1000) / 10.0 << "%\n"
                      << "  largest gap: " << std::lround(r.largest_gap.length_m()) << " m on "
                      << r.largest_gap.road << " from " << std::lround(r.largest_gap.from_m)
                      << " m to " << std::lround(r.largest_gap.to_m) << " m\n";
        }
        for (const auto& missing : r.missing_roads) {
            std::cout << "  warning: the plan has no road named " << missing << "\n";
        }
        std::cout << "  members:";
        for (int v : r.members) {
            std::cout << " " << plan->villages[static_cast<std::size_t>(v)].name;
        }
        std::cout << "\n";
    }
    return exit_code;
}

}  // namespace beltplan::app
