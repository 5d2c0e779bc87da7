// Strategy::run (the exception barrier), parameter reading and the strategy registry.
#include "analysis/strategy.h"

#include "core/messages.h"

#include <cstdlib>
#include <exception>

namespace beltplan::analysis {

namespace {

std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size()) {
        return std::nullopt;
    }
    return v;
}

core::Error bad(const std::string& what) {
    return core::make_error(core::ErrorCode::kBadArgument, {}, what);
}

// Checks one given value against its spec; the problem in one sentence, or "".
std::string check(const ParamSpec& spec, const std::string& value) {
    if (spec.type == ParamType::kText) {
        return "";
    }
    if (spec.type == ParamType::kChoice) {
        for (const std::string& c : spec.choices) {
            if (c == value) {
                return "";
            }
        }
        std::string list;
        for (const std::string& c : spec.choices) {
            list += (list.empty() ? "" : core::tr("analysis.list.comma")) + c;
        }
        return core::tr("analysis.option.one_of", {spec.name, list, value});
    }
    if (spec.type == ParamType::kFlag) {
        return value == "true" || value == "false"
                   ? ""
                   : core::tr("analysis.option.flag", {spec.name, value});
    }
    const std::optional<double> v = parse_number(value);
    if (!v || (spec.type == ParamType::kInteger &&
               *v != static_cast<double>(static_cast<long long>(*v)))) {
        return core::tr(
            spec.type == ParamType::kInteger ? "analysis.option.whole" : "analysis.option.number",
            {spec.name, value});
    }
    if (*v < spec.min || *v > spec.max) {
        return core::tr("analysis.option.range",
                        {spec.name, std::to_string(spec.min), std::to_string(spec.max),
                         spec.unit.empty() ? "" : " " + spec.unit});
    }
    return "";
}

}  // namespace

core::Result<Suggestion> Strategy::run(const core::Plan& plan, const Params& params,
                                       RunControl* control) const noexcept {
    try {
        const std::vector<ParamSpec> specs = this->params();
        ParamReader reader(specs, params);
        if (reader.error()) {
            return *reader.error();
        }
        core::Result<Suggestion> out = compute(plan, params, control);
        if (out) {
            out->strategy = name();
            report(control, 1.0);
        }
        return out;
    } catch (const Stopped&) {
        return core::make_error(core::ErrorCode::kCancelled, {},
                                core::tr("analysis.strategy.stopped", {name()}));
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::kInternal, {},
                                core::tr("analysis.strategy.failed", {name(), e.what()}));
    } catch (...) {
        return core::make_error(core::ErrorCode::kInternal, {},
                                core::tr("analysis.strategy.failed_unknown"));
    }
}

ParamReader::ParamReader(const std::vector<ParamSpec>& specs, const Params& params)
    : specs_(specs) {
    for (const ParamSpec& s : specs_) {
        if (!s.default_value.empty()) {
            values_[s.name] = s.default_value;
        }
    }
    for (const auto& [name, value] : params) {
        const ParamSpec* spec = nullptr;
        for (const ParamSpec& s : specs_) {
            spec = s.name == name ? &s : spec;
        }
        if (spec == nullptr) {
            error_ = bad(core::tr("analysis.option.unknown", {name}));
            return;
        }
        const std::string problem = check(*spec, value);
        if (!problem.empty()) {
            error_ = bad(problem);
            return;
        }
        values_[name] = value;
    }
}

bool ParamReader::has(const std::string& name) const {
    return values_.count(name) > 0;
}

double ParamReader::real(const std::string& name) const {
    return parse_number(text(name)).value_or(0.0);
}

int ParamReader::integer(const std::string& name) const {
    return static_cast<int>(real(name));
}

std::string ParamReader::text(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::string() : it->second;
}

bool StrategyRegistry::add(std::shared_ptr<const Strategy> strategy, const std::string& origin) {
    const std::string name = strategy->name();
    const bool replaced = entries_.count(name) > 0;
    entries_[name] = Entry{std::move(strategy), origin};
    return replaced;
}

const StrategyRegistry::Entry* StrategyRegistry::find(const std::string& name) const {
    const auto it = entries_.find(name);
    return it == entries_.end() ? nullptr : &it->second;
}

void register_builtin_strategies(StrategyRegistry& registry) {
    registry.add(make_sites_strategy(), "built in");
    registry.add(make_merge_strategy(core::JointOrgMode::kStrongWeak), "built in");
    registry.add(make_merge_strategy(core::JointOrgMode::kRegional), "built in");
    registry.add(make_merge_strategy(core::JointOrgMode::kLeader), "built in");
    registry.add(make_stations_strategy(), "built in");
    registry.add(make_belt_gaps_strategy(), "built in");
}

}  // namespace beltplan::analysis
