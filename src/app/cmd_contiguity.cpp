// `beltplan contiguity`: neighbour pairs of a plan's villages (with its manual links and cuts
// unless --no-edits), islands and a snap suggestion.
#include "analysis/contiguity.h"
#include "app/commands.h"
#include "app/text_file.h"
#include "io/plan_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>

namespace beltplan::app {

namespace {

using nlohmann::json;

// Writes "a,b" lines through a temporary file renamed over the target.
core::Status write_pairs(const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& pairs) {
    return write_text_file(path, [&pairs](std::ostream& out) {
        for (const auto& [a, b] : pairs) {
            out << a << ',' << b << '\n';
        }
    });
}

}  // namespace

int run_contiguity(const ContiguityOptions& options) {
    core::Result<core::Plan> plan = read_plan_warned(options.plan_path);
    if (!plan) {
        return fail(plan.error().message);
    }
    analysis::ContiguityOptions o;
    o.rule =
        options.rule == "rook" ? analysis::ContiguityRule::kRook : analysis::ContiguityRule::kQueen;
    o.snap_m = options.snap_m;
    o.apply_plan_edits = !options.no_edits;
    const analysis::ContiguityGraph graph = analysis::contiguity(*plan, o);
    const auto pairs = analysis::code_pairs(*plan, graph);
    const auto islands = analysis::find_islands(*plan, graph);
    const double suggestion = analysis::suggest_snap_m(islands);
    if (!options.out_path.empty()) {
        if (core::Status written = write_pairs(options.out_path, pairs); !written) {
            return fail(written.error().message);
        }
    }
    auto village = [&plan](int i) -> const core::Village& {
        return plan->villages[static_cast<std::size_t>(i)];
    };
    if (options.json) {
        json j{{"rule", options.rule},
               {"snap_m", options.snap_m},
               {"villages", plan->villages.size()},
               {"pairs", pairs.size()},
               {"suggested_snap_m", suggestion},
               {"edits", options.no_edits ? 0 : plan->contiguity_edits.size()},
               {"edits_applied", graph.edits_applied}};
        json skipped = json::array();
        for (const auto& e : graph.unknown_edits) {
            skipped.push_back({{"edit", e.edit + 1}, {"sentence", e.sentence}});
        }
        j["skipped_edits"] = std::move(skipped);
        json isl = json::array();
        for (const auto& i : islands) {
            json e{{"code", village(i.village).code}, {"name", village(i.village).name}};
            if (i.nearest >= 0) {
                e["nearest_code"] = village(i.nearest).code;
                e["nearest_name"] = village(i.nearest).name;
                e["gap_m"] = i.gap_m;
            }
            isl.push_back(std::move(e));
        }
        j["islands"] = std::move(isl);
        if (options.out_path.empty()) {
            j["pair_list"] = pairs;
        }
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << options.rule << " contiguity"
              << (options.snap_m > 0 ? " (snap " + std::to_string(options.snap_m) + " m)" : "")
              << ": " << pairs.size() << " neighbour pairs among " << plan->villages.size()
              << " villages, " << islands.size() << " islands\n";
    if (options.no_edits) {
        std::cout << "Manual links and cuts ignored (--no-edits): " << plan->contiguity_edits.size()
                  << " in the plan.\n";
    } else if (!plan->contiguity_edits.empty()) {
        std::cout << graph.edits_applied << " of " << plan->contiguity_edits.size()
                  << " manual links and cuts applied.\n";
    }
    for (const auto& e : graph.unknown_edits) {
        std::cout << "  " << e.sentence << "\n";
    }
    for (const auto& i : islands) {
        std::cout << "  island " << village(i.village).code << " " << village(i.village).name;
        if (i.nearest >= 0) {
            std::cout << ": nearest " << village(i.nearest).code << " " << village(i.nearest).name
                      << ", gap " << i.gap_m << " m";
        }
        std::cout << "\n";
    }
    if (suggestion > 0) {
        std::cout << "Suggested --snap " << suggestion
                  << " (joins every island whose gap is at most 100 m).\n";
    }
    if (!options.out_path.empty()) {
        std::cout << "Wrote " << pairs.size() << " pairs to " << options.out_path << "\n";
    } else if (!islands.empty() || pairs.size() <= 50) {
        for (const auto& [a, b] : pairs) {
            std::cout << a << "," << b << "\n";
        }
    }
    return kExitOk;
}

}  // namespace beltplan::app
