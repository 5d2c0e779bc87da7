// The suggestion strategy interface (STYLE.md section 7): a strategy describes its parameters
// so a UI can draw them and turns a plan into a Suggestion. Plugins export one plain
// descriptor; the host checks its API version before anything else.
#pragma once

#include "analysis/run_control.h"
#include "core/plan.h"
#include "core/result.h"

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// Bumped whenever Strategy, Suggestion or BeltplanPluginDescriptor change layout or meaning.
// 2: run and compute take a RunControl (stop on request, progress).
#define BELTPLAN_PLUGIN_API_VERSION 2

namespace beltplan::analysis {

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

enum class ParamType { kInteger, kReal, kChoice, kText, kFlag };

// One option of a strategy, enough for a UI to draw a field or slider.
struct ParamSpec {
    std::string name;  // key in Params, e.g. "add"
    ParamType type = ParamType::kReal;
    std::string description;  // one sentence
    std::string unit;         // "m", "share", "villages", "" when none
    double min = -std::numeric_limits<double>::infinity();  // numbers only
    double max = std::numeric_limits<double>::infinity();
    std::string default_value;         // as text; "" = unset (the strategy decides)
    std::vector<std::string> choices;  // kChoice only
};

// Parameter values as text, by name; absent names take their defaults.
using Params = std::map<std::string, std::string>;

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

// A new demonstration site at a village (or a point on a road for belt gaps).
struct SuggestedSite {
    int village = -1;  // index in plan.villages: the village it stands in or nearest to
    core::PointM position;
    double population_added = 0;  // value it adds to the objective (population or villages)
    std::string road;             // belt gaps: the road and position along the stretch
    int part = -1;
    double position_m = 0;
    std::string explanation;  // one or two sentences a planner reads
};

// A suggested group of villages: a joint organization or a work station.
struct SuggestedGroup {
    std::vector<int> members;  // indices in plan.villages, lead included
    int lead = -1;             // index in plan.villages
    core::JointOrgMode mode = core::JointOrgMode::kStrongWeak;
    std::string town_code;  // stations only
    double size = 0;        // villages or population, as the strategy measures it
    bool within_tolerance = true;
    std::string explanation;
};

// A village the strategy could not place, and why, in plain words.
struct UnplacedVillage {
    int village = -1;
    std::string reason;
};

struct Suggestion {
    std::string strategy;  // name of the strategy that produced it
    std::string summary;   // a few sentences: what was asked and what was reached
    std::vector<SuggestedSite> sites;
    std::vector<SuggestedGroup> groups;
    std::vector<UnplacedVillage> unplaced;
    std::string value_unit;  // "population", "villages", "weak villages placed", "sites"
    double value = 0;        // what the suggestion reaches
    double upper_bound = std::numeric_limits<double>::quiet_NaN();  // best possible; NaN = none
    double baseline = 0;  // value before the suggestion (existing sites)
    double total = 0;     // everything there is to reach (e.g. all population)
    bool proven_optimal = false;
    std::vector<std::string> notes;  // warnings: missing values, islands, ...
};

// ---------------------------------------------------------------------------------------------
// Strategy
// ---------------------------------------------------------------------------------------------

// A suggestion strategy. run() never throws: it catches inside the strategy's own module and
// converts to an Error, so no exception crosses a plugin boundary.
class Strategy {
public:
    virtual ~Strategy() = default;
    // Short stable name ("sites", "strong_weak").
    virtual std::string name() const = 0;
    // One sentence for lists and tooltips.
    virtual std::string description() const = 0;
    virtual std::vector<ParamSpec> params() const = 0;
    // Checks params against params() and computes; errors are kBadArgument or kInternal, and
    // kCancelled when `control` (optional, owned by the caller, outliving the call) was asked
    // to stop; the strategy reports its progress there. Virtual (and not overridden) so a
    // call dispatches into the plugin's own copy, whose catch-all keeps every exception
    // inside the plugin.
    virtual core::Result<Suggestion> run(const core::Plan& plan, const Params& params,
                                         RunControl* control = nullptr) const noexcept;

protected:
    // Polls control (which may be null) with analysis::check and analysis::report.
    virtual core::Result<Suggestion> compute(const core::Plan& plan, const Params& params,
                                             RunControl* control) const = 0;
};

// Reads typed values from Params with the defaults and ranges of a ParamSpec list.
class ParamReader {
public:
    ParamReader(const std::vector<ParamSpec>& specs, const Params& params);
    // First problem found (unknown name, bad number, out of range, unknown choice), if any.
    const std::optional<core::Error>& error() const { return error_; }
    bool has(const std::string& name) const;  // given, or has a default
    double real(const std::string& name) const;
    int integer(const std::string& name) const;
    std::string text(const std::string& name) const;

private:
    const std::vector<ParamSpec>& specs_;
    Params values_;
    std::optional<core::Error> error_;
};

// Strategies by name, built-in or from plugins.
class StrategyRegistry {
public:
    struct Entry {
        std::shared_ptr<const Strategy> strategy;
        std::string origin;  // "built in" or the plugin file
    };
    // Adds or replaces the strategy of the same name; returns true when it replaced one.
    bool add(std::shared_ptr<const Strategy> strategy, const std::string& origin);
    const Entry* find(const std::string& name) const;
    const std::map<std::string, Entry>& entries() const { return entries_; }

private:
    std::map<std::string, Entry> entries_;
};

// Registers the strategies beltplan ships (sites, strong_weak, regional, leader, stations,
// belt_gaps). The same strategies are also built as plugins that replace these when loaded.
void register_builtin_strategies(StrategyRegistry& registry);

// Factories of the shipped strategies (the plugins wrap these).
std::unique_ptr<Strategy> make_sites_strategy();
std::unique_ptr<Strategy> make_merge_strategy(core::JointOrgMode mode);
std::unique_ptr<Strategy> make_stations_strategy();
std::unique_ptr<Strategy> make_belt_gaps_strategy();

}  // namespace beltplan::analysis

// The descriptor a plugin exports through `beltplan_plugin_descriptor`. Plain C layout; the
// api_version field comes first and is read before anything else.
extern "C" {
struct BeltplanPluginDescriptor {
    int api_version;  // BELTPLAN_PLUGIN_API_VERSION of the build
    const char* name;
    const char* description;
    // Creates the strategy; nullptr on failure. Never throws.
    beltplan::analysis::Strategy* (*create)();
    // Destroys what create returned.
    void (*destroy)(beltplan::analysis::Strategy*);
};
// The symbol every plugin exports.
typedef const BeltplanPluginDescriptor* (*BeltplanPluginEntry)();
}

#define BELTPLAN_PLUGIN_ENTRY_SYMBOL "beltplan_plugin_descriptor"
