// The strategies beltplan ships, as thin Strategy wrappers over the suggestion algorithms:
// their parameter descriptions (for the UI and the CLI) and the mapping of Params to options.
#include "analysis/belt_gap_suggest.h"
#include "analysis/merge_suggest.h"
#include "analysis/plan_analysis.h"
#include "analysis/site_suggest.h"
#include "analysis/station_suggest.h"
#include "analysis/strategy.h"
#include "core/messages.h"

#include <sstream>

namespace beltplan::analysis {

namespace {

ParamSpec number(const std::string& name, ParamType type, const std::string& description,
                 const std::string& unit, double min, double max, const std::string& def) {
    ParamSpec s;
    s.name = name;
    s.type = type;
    s.description = description;
    s.unit = unit;
    s.min = min;
    s.max = max;
    s.default_value = def;
    return s;
}

ParamSpec choice(const std::string& name, const std::string& description,
                 std::vector<std::string> choices, const std::string& def) {
    ParamSpec s;
    s.name = name;
    s.type = ParamType::kChoice;
    s.description = description;
    s.choices = std::move(choices);
    s.default_value = def;
    return s;
}

ParamSpec text(const std::string& name, const std::string& description) {
    ParamSpec s;
    s.name = name;
    s.type = ParamType::kText;
    s.description = description;
    return s;
}

class SitesStrategy : public Strategy {
public:
    std::string name() const override { return "sites"; }
    std::string description() const override { return core::tr("analysis.strategy.sites"); }
    std::vector<ParamSpec> params() const override {
        return {number("add", ParamType::kInteger, core::tr("analysis.param.sites_add"), "sites", 0,
                       100000, "1"),
                number("target", ParamType::kReal, core::tr("analysis.param.sites_target"), "share",
                       0, 1, ""),
                number("radius", ParamType::kReal, core::tr("analysis.param.sites_radius"), "m", 1,
                       1e6, ""),
                choice("distance", core::tr("analysis.param.sites_distance"),
                       {"euclidean", "network"}, ""),
                choice("weight", core::tr("analysis.param.sites_weight"),
                       {"population", "villages"}, "population")};
    }

protected:
    core::Result<Suggestion> compute(const core::Plan& plan, const Params& params,
                                     RunControl* control) const override {
        const std::vector<ParamSpec> specs = this->params();
        const ParamReader in(specs, params);
        SiteSuggestOptions o;
        o.add = in.integer("add");
        if (in.has("target")) {
            o.target_share = in.real("target");
        }
        o.radius_m = in.has("radius") ? in.real("radius") : plan.settings.reach_m;
        o.distance = in.has("distance") ? *core::parse_distance_mode(in.text("distance"))
                                        : plan.settings.distance;
        o.by_population = in.text("weight") == "population";
        o.control = control;
        if (auto problem = distance_problem(plan, o.distance)) {
            return *problem;
        }
        return suggest_sites(plan, o);
    }
};

class MergeStrategy : public Strategy {
public:
    explicit MergeStrategy(core::JointOrgMode mode) : mode_(mode) {}
    std::string name() const override { return core::to_code(mode_); }
    std::string description() const override {
        switch (mode_) {
            case core::JointOrgMode::kStrongWeak:
                return core::tr("analysis.strategy.strong_weak");
            case core::JointOrgMode::kRegional:
                return core::tr("analysis.strategy.regional");
            default:
                return core::tr("analysis.strategy.leader");
        }
    }
    std::vector<ParamSpec> params() const override {
        const bool sw = mode_ == core::JointOrgMode::kStrongWeak;
        std::vector<ParamSpec> out;
        if (sw) {
            out.push_back(number("threshold", ParamType::kReal,
                                 core::tr("analysis.param.merge_threshold"), "万元", -1e9, 1e9,
                                 ""));
        }
        out.push_back(number("max_distance", ParamType::kReal,
                             core::tr("analysis.param.merge_max_distance"), "m", 1, 1e6,
                             sw ? "" : "5000"));
        if (!sw) {
            out.push_back(number("max_members", ParamType::kInteger,
                                 core::tr("analysis.param.merge_max_members"), "villages", 2, 1000,
                                 "6"));
        }
        return out;
    }

protected:
    core::Result<Suggestion> compute(const core::Plan& plan, const Params& params,
                                     RunControl* control) const override {
        const std::vector<ParamSpec> specs = this->params();
        const ParamReader in(specs, params);
        MergeSuggestOptions o;
        o.mode = mode_;
        if (in.has("threshold")) {
            o.weak_income_wan_yuan = in.real("threshold");
        }
        if (in.has("max_distance")) {
            o.max_distance_m = in.real("max_distance");
        }
        o.max_members = mode_ == core::JointOrgMode::kStrongWeak ? 3 : in.integer("max_members");
        o.control = control;
        const PlanAnalysis analysis(plan);
        const ContiguityGraph& graph = analysis.contiguity();
        check(control);
        return suggest_merges(plan, graph, o);
    }

private:
    core::JointOrgMode mode_;
};

class StationsStrategy : public Strategy {
public:
    std::string name() const override { return "stations"; }
    std::string description() const override { return core::tr("analysis.strategy.stations"); }
    std::vector<ParamSpec> params() const override {
        return {text("town", core::tr("analysis.param.stations_town")),
                number("k", ParamType::kInteger, core::tr("analysis.param.stations_k"), "stations",
                       1, 1000, "4"),
                choice("by", core::tr("analysis.param.stations_by"), {"villages", "population"},
                       "villages"),
                number("tolerance", ParamType::kReal, core::tr("analysis.param.stations_tolerance"),
                       "share", 0, 1, "0.1"),
                text("seats", core::tr("analysis.param.stations_seats"))};
    }

protected:
    core::Result<Suggestion> compute(const core::Plan& plan, const Params& params,
                                     RunControl* control) const override {
        const std::vector<ParamSpec> specs = this->params();
        const ParamReader in(specs, params);
        StationSuggestOptions o;
        o.town_code = in.text("town");
        o.k = in.integer("k");
        o.by_population = in.text("by") == "population";
        o.tolerance = in.real("tolerance");
        std::stringstream seats(in.text("seats"));
        for (std::string code; std::getline(seats, code, ',');) {
            if (!code.empty()) {
                o.seats.push_back(code);
            }
        }
        o.control = control;
        const PlanAnalysis analysis(plan);
        const ContiguityGraph& graph = analysis.contiguity();
        check(control);
        return suggest_stations(plan, graph, o);
    }
};

class BeltGapsStrategy : public Strategy {
public:
    std::string name() const override { return "belt_gaps"; }
    std::string description() const override { return core::tr("analysis.strategy.belt_gaps"); }
    std::vector<ParamSpec> params() const override {
        return {number("gap", ParamType::kReal, core::tr("analysis.param.belt_gaps_gap"), "m", 1,
                       1e7, "5000"),
                text("belt", core::tr("analysis.param.belt_gaps_belt"))};
    }

protected:
    core::Result<Suggestion> compute(const core::Plan& plan, const Params& params,
                                     RunControl* control) const override {
        const std::vector<ParamSpec> specs = this->params();
        const ParamReader in(specs, params);
        BeltGapOptions o;
        o.max_gap_m = in.real("gap");
        o.belt_id = in.text("belt");
        o.control = control;
        return suggest_belt_gaps(plan, o);
    }
};

}  // namespace

std::unique_ptr<Strategy> make_sites_strategy() {
    return std::make_unique<SitesStrategy>();
}

std::unique_ptr<Strategy> make_merge_strategy(core::JointOrgMode mode) {
    return std::make_unique<MergeStrategy>(mode);
}

std::unique_ptr<Strategy> make_stations_strategy() {
    return std::make_unique<StationsStrategy>();
}

std::unique_ptr<Strategy> make_belt_gaps_strategy() {
    return std::make_unique<BeltGapsStrategy>();
}

}  // namespace beltplan::analysis
