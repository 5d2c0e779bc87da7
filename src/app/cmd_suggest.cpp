// `beltplan suggest`: picks the strategy (built in, or from a plugin that replaced it), runs it
// on the plan and prints the suggestion in plain words or as JSON.
#include "analysis/apply_suggestion.h"
#include "analysis/strategy.h"
#include "app/commands.h"
#include "app/plugin_host.h"
#include "io/plan_file.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <optional>
#include <sstream>

namespace beltplan::app {

namespace {

using nlohmann::json;

std::string strategy_name(const SuggestOptions& o) {
    if (!o.strategy.empty()) {
        return o.strategy;
    }
    if (o.what == "merges") {
        return o.mode.empty() ? "strong_weak" : o.mode;
    }
    return o.what == "belt-gaps" ? "belt_gaps" : o.what;
}

json village_json(const core::Plan& plan, int v) {
    if (v < 0) {
        return nullptr;
    }
    const core::Village& village = plan.villages[static_cast<std::size_t>(v)];
    return {{"code", village.code}, {"name", village.name}, {"town_code", village.town_code}};
}

json suggestion_json(const core::Plan& plan, const analysis::Suggestion& s) {
    json sites = json::array();
    for (const auto& site : s.sites) {
        json j{{"village", village_json(plan, site.village)},
               {"x", site.position.x},
               {"y", site.position.y},
               {"added", site.population_added},
               {"explanation", site.explanation}};
        if (!site.road.empty()) {
            j["road"] = site.road;
            j["part"] = site.part;
            j["position_m"] = site.position_m;
        }
        sites.push_back(std::move(j));
    }
    json groups = json::array();
    for (const auto& g : s.groups) {
        json members = json::array();
        for (int m : g.members) {
            members.push_back(village_json(plan, m));
        }
        groups.push_back({{"mode", core::to_code(g.mode)},
                          {"lead", village_json(plan, g.lead)},
                          {"members", std::move(members)},
                          {"town_code", g.town_code},
                          {"size", g.size},
                          {"within_tolerance", g.within_tolerance},
                          {"explanation", g.explanation}});
    }
    json unplaced = json::array();
    for (const auto& u : s.unplaced) {
        unplaced.push_back({{"village", village_json(plan, u.village)}, {"reason", u.reason}});
    }
    const bool bounded = !std::isnan(s.upper_bound);
    return json{
        {"summary", s.summary},
        {"value_unit", s.value_unit},
        {"value", s.value},
        {"upper_bound", bounded ? json(s.upper_bound) : json(nullptr)},
        {"gap", bounded && s.upper_bound > 0 ? json((s.upper_bound - s.value) / s.upper_bound)
                                             : json(nullptr)},
        {"baseline", s.baseline},
        {"total", s.total},
        {"proven_optimal", s.proven_optimal},
        {"sites", std::move(sites)},
        {"groups", std::move(groups)},
        {"unplaced", std::move(unplaced)},
        {"notes", s.notes}};
}

std::string fixed(double v, int digits) {
    std::ostringstream s;
    s.precision(digits);
    s << std::fixed << v;
    return s.str();
}

void print_text(const core::Plan& plan, const analysis::Suggestion& s, const std::string& origin) {
    std::cout << s.strategy << " (" << origin << ")\n" << s.summary << "\n";
    std::cout << "value: " << fixed(s.value, 0) << " " << s.value_unit;
    if (s.total > 0) {
        std::cout << " of " << fixed(s.total, 0) << " (" << fixed(100 * s.value / s.total, 1)
                  << "%)";
    }
    if (!std::isnan(s.upper_bound) && s.upper_bound != s.value) {
        std::cout << "; upper bound " << fixed(s.upper_bound, 0) << " (gap "
                  << fixed(100 * (s.upper_bound - s.value) / s.upper_bound, 2) << "%)";
    }
    std::cout << (s.proven_optimal ? "; proven best" : "") << "\n";
    for (std::size_t k = 0; k < s.sites.size(); ++k) {
        std::cout << "  site " << k + 1 << ": " << s.sites[k].explanation << "\n";
    }
    for (std::size_t k = 0; k < s.groups.size(); ++k) {
        std::cout << "  group " << k + 1 << ": " << s.groups[k].explanation << "\n";
    }
    for (const auto& u : s.unplaced) {
        std::cout << "  not placed: " << plan.villages[static_cast<std::size_t>(u.village)].name
                  << " (" << plan.villages[static_cast<std::size_t>(u.village)].code
                  << "): " << u.reason << "\n";
    }
    for (const std::string& n : s.notes) {
        std::cout << "  note: " << n << "\n";
    }
}

int list_strategies(const analysis::StrategyRegistry& registry, bool as_json) {
    json all = json::array();
    for (const auto& [name, entry] : registry.entries()) {
        json params = json::array();
        for (const analysis::ParamSpec& p : entry.strategy->params()) {
            static const char* kTypes[] = {"integer", "real", "choice", "text", "flag"};
            params.push_back({{"name", p.name},
                              {"type", kTypes[static_cast<int>(p.type)]},
                              {"description", p.description},
                              {"unit", p.unit},
                              {"min", std::isfinite(p.min) ? json(p.min) : json(nullptr)},
                              {"max", std::isfinite(p.max) ? json(p.max) : json(nullptr)},
                              {"default", p.default_value},
                              {"choices", p.choices}});
        }
        all.push_back({{"name", name},
                       {"origin", entry.origin},
                       {"description", entry.strategy->description()},
                       {"params", std::move(params)}});
    }
    if (as_json) {
        std::cout << json{{"api_version", BELTPLAN_PLUGIN_API_VERSION}, {"strategies", all}}.dump(2)
                  << "\n";
        return kExitOk;
    }
    for (const json& s : all) {
        std::cout << s["name"].get<std::string>() << " (" << s["origin"].get<std::string>()
                  << "): " << s["description"].get<std::string>() << "\n";
        for (const json& p : s["params"]) {
            std::cout << "    " << p["name"].get<std::string>() << ": "
                      << p["description"].get<std::string>() << "\n";
        }
    }
    return kExitOk;
}

// --apply: the suggestion as one edit on the plan read from PLAN, saved over it (refused when
// another program changed PLAN since it was read) or written to --out; what was added,
// counted. The plan file is untouched on failure.
core::Result<json> apply_to_plan(core::Plan plan, const core::FileStamp& read_stamp,
                                 const analysis::Suggestion& s, const SuggestOptions& options) {
    const std::size_t sites = plan.sites.size();
    const std::size_t orgs = plan.joint_orgs.size();
    const std::size_t stations = plan.work_stations.size();
    core::CommandPtr edit = analysis::suggestion_command(plan, s, "suggest " + s.strategy);
    core::Result<core::ChangeSet> changed = edit->apply(plan);
    if (!changed) {
        return changed.error();
    }
    const std::string path = options.out_path.empty() ? options.plan_path : options.out_path;
    if (!changed.value().empty()) {
        if (options.out_path.empty()) {
            core::Result<core::FileStamp> saved = io::save_plan(plan, path, read_stamp);
            if (!saved) {
                return saved.error();
            }
        } else {
            const core::Status saved = io::write_plan(plan, path);
            if (!saved) {
                return saved.error();
            }
        }
    }
    auto delta = [](std::size_t after, std::size_t before) {
        return static_cast<int>(after) - static_cast<int>(before);
    };
    return json{{"path", path},
                {"written", !changed.value().empty()},
                {"sites", delta(plan.sites.size(), sites)},
                {"joint_orgs", delta(plan.joint_orgs.size(), orgs)},
                {"work_stations", delta(plan.work_stations.size(), stations)}};
}

}  // namespace

int run_suggest(const SuggestOptions& options) {
    analysis::StrategyRegistry registry;
    analysis::register_builtin_strategies(registry);
    std::vector<std::string> problems = load_plugin_dir(default_plugin_dir(), registry, false);
    if (!options.plugins_dir.empty()) {
        for (std::string& p : load_plugin_dir(options.plugins_dir, registry, true)) {
            problems.push_back(std::move(p));
        }
    }
    for (const std::string& p : problems) {
        std::cerr << "beltplan: warning: " << p << "\n";
    }
    if (options.what == "list") {
        return list_strategies(registry, options.json);
    }
    const std::string name = strategy_name(options);
    const analysis::StrategyRegistry::Entry* entry = registry.find(name);
    if (entry == nullptr) {
        std::cerr << "beltplan: there is no suggestion strategy named " << name
                  << "; `beltplan suggest list` shows those available.\n";
        return kExitUsage;
    }
    analysis::Params params;
    for (const auto& [key, value] : options.flags) {
        if (!value.empty()) {
            params[key] = value;
        }
    }
    for (const std::string& kv : options.params) {
        const std::size_t eq = kv.find('=');
        if (eq == std::string::npos) {
            std::cerr << "beltplan: --param needs NAME=VALUE, not '" << kv << "'.\n";
            return kExitUsage;
        }
        params[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    core::Result<io::LoadedPlan> loaded = io::load_plan(options.plan_path);
    if (!loaded) {
        return fail(loaded.error().message);
    }
    print_warnings(loaded->warnings);
    const core::Plan* plan = &loaded->plan;
    const auto start = std::chrono::steady_clock::now();
    core::Result<analysis::Suggestion> s = entry->strategy->run(*plan, params);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!s) {
        if (s.error().code == core::ErrorCode::kPluginCrashed) {
            return fail(s.error().message);  // names the plugin; the plan is not touched
        }
        std::cerr << "beltplan: " << options.plan_path << ": " << s.error().message << "\n";
        return s.error().code == core::ErrorCode::kBadArgument ? kExitUsage : kExitFailed;
    }
    std::optional<json> applied;
    if (options.apply) {
        auto done = apply_to_plan(*plan, loaded->stamp, *s, options);
        if (!done) {
            return fail(done.error().message);
        }
        applied = std::move(done.value());
    } else if (!options.out_path.empty()) {
        std::cerr << "beltplan: --out names where --apply writes the plan; add --apply.\n";
        return kExitUsage;
    }
    if (options.json) {
        json j = suggestion_json(*plan, *s);
        if (applied) {
            j["applied"] = *applied;
        }
        j["strategy"] = s->strategy;
        j["origin"] = entry->origin;
        j["params"] = params;
        j["elapsed_ms"] = ms;
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    print_text(*plan, *s, entry->origin);
    if (applied) {
        std::cout << "Applied to " << (*applied)["path"].get<std::string>() << ": "
                  << (*applied)["sites"].get<int>() << " sites, "
                  << (*applied)["joint_orgs"].get<int>() << " joint organizations, "
                  << (*applied)["work_stations"].get<int>() << " work stations.\n";
    }
    return kExitOk;
}

}  // namespace beltplan::app
