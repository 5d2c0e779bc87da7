// `beltplan orgs`: every joint organization with its members, lead, validity and reasons, and
// the lead its mode's rule would choose (DESIGN.md sections 1-2).
#include "analysis/contiguity.h"
#include "analysis/joint_orgs.h"
#include "app/commands.h"
#include "core/geometry.h"
#include "io/plan_file.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <sstream>
#include <unordered_map>

namespace beltplan::app {

namespace {

using nlohmann::json;

// "屈家庄村 (130705001001)", or the bare code when it is not a village.
std::string label(const core::Plan& plan, const std::unordered_map<std::string, std::size_t>& index,
                  const std::string& code) {
    auto it = index.find(code);
    return it == index.end() ? code : plan.villages[it->second].name + " (" + code + ")";
}

// The seat of the work station with the org's id, for station-mode orgs; "" otherwise.
std::string station_seat(const core::Plan& plan, const core::JointOrg& org) {
    if (org.mode != core::JointOrgMode::kStation) {
        return "";
    }
    for (const core::WorkStation& w : plan.work_stations) {
        if (w.id == org.id) {
            return w.seat_village;
        }
    }
    return "";
}

json org_json(const core::Plan& plan, const std::unordered_map<std::string, std::size_t>& index,
              const core::JointOrg& org, const analysis::JointOrgCheck& check,
              const analysis::LeadChoice& rule) {
    json members = json::array();
    for (const std::string& code : org.members) {
        auto it = index.find(code);
        members.push_back(
            {{"code", code}, {"name", it == index.end() ? "" : plan.villages[it->second].name}});
    }
    json problems = json::array();
    for (const auto& p : check.problems) {
        problems.push_back({{"kind", analysis::to_code(p.kind)}, {"sentence", p.sentence}});
    }
    const double area_km2 = core::area_m2(analysis::dissolved_outline(plan, org)) / 1e6;
    return json{{"id", org.id},
                {"name", org.name},
                {"mode", core::to_code(org.mode)},
                {"members", std::move(members)},
                {"lead", org.lead},
                {"valid", check.valid},
                {"problems", std::move(problems)},
                {"rule_lead", rule.lead},
                {"rule_why", rule.why},
                {"rule_missing", rule.missing},
                {"area_km2", area_km2}};
}

void print_org(const core::Plan& plan, const std::unordered_map<std::string, std::size_t>& index,
               const core::JointOrg& org, const analysis::JointOrgCheck& check,
               const analysis::LeadChoice& rule) {
    std::cout << org.id << " " << org.name << " [" << core::to_code(org.mode) << "] "
              << (check.valid ? "valid" : "INVALID") << "\n  members:";
    for (std::size_t i = 0; i < org.members.size(); ++i) {
        std::cout << (i > 0 ? ", " : " ") << label(plan, index, org.members[i]);
    }
    std::cout << "\n  lead: " << (org.lead.empty() ? "none" : label(plan, index, org.lead))
              << "\n  rule: " << rule.why << "\n";
    for (const auto& p : check.problems) {
        std::cout << "  - " << p.sentence << "\n";
    }
}

// " within 2.5 m" for a snap tolerance, "" for exact contiguity.
std::string snap_words(double snap_m) {
    if (snap_m <= 0) {
        return "";
    }
    std::ostringstream words;
    words << " within " << snap_m << " m";
    return words.str();
}

}  // namespace

int run_orgs(const OrgsOptions& options) {
    core::Result<core::Plan> plan = read_plan_warned(options.plan_path);
    if (!plan) {
        return fail(plan.error().message);
    }
    analysis::ContiguityOptions rule;
    rule.snap_m = options.snap_m;
    const analysis::ContiguityGraph graph = analysis::contiguity(*plan, rule);
    const std::vector<analysis::JointOrgCheck> checks = analysis::validate_all(*plan, graph);
    const auto index = core::village_index(*plan);
    std::size_t valid = 0;
    std::vector<analysis::LeadChoice> rules;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const core::JointOrg& org = plan->joint_orgs[i];
        valid += checks[i].valid ? 1 : 0;
        rules.push_back(
            analysis::choose_lead(*plan, org.members, org.mode, station_seat(*plan, org)));
    }
    std::vector<std::string> skipped;
    for (const auto& e : graph.unknown_edits) {
        skipped.push_back(e.sentence);
    }
    if (options.json) {
        json orgs = json::array();
        for (std::size_t i = 0; i < checks.size(); ++i) {
            orgs.push_back(org_json(*plan, index, plan->joint_orgs[i], checks[i], rules[i]));
        }
        json j{
            {"joint_orgs", std::move(orgs)},    {"valid", valid},
            {"invalid", checks.size() - valid}, {"contiguity_edits_applied", graph.edits_applied},
            {"snap_m", options.snap_m},         {"skipped_edits", skipped}};
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::cout << checks.size() << " joint organizations: " << valid << " valid, "
              << checks.size() - valid << " invalid (queen contiguity" << snap_words(options.snap_m)
              << ", " << graph.edits_applied << " manual edits applied)\n";
    for (const std::string& s : skipped) {
        std::cout << "  " << s << "\n";
    }
    for (std::size_t i = 0; i < checks.size(); ++i) {
        print_org(*plan, index, plan->joint_orgs[i], checks[i], rules[i]);
    }
    return kExitOk;
}

}  // namespace beltplan::app
