// Joint organization checks: member lookup, connectivity within the members by breadth-first
// search over the neighbour graph, overlaps with orgs of the same mode, and the lead rules.
#include "analysis/joint_orgs.h"

#include "core/dissolve.h"
#include "core/messages.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace beltplan::analysis {

namespace {

using Index = std::unordered_map<std::string, std::size_t>;
using Problem = JointOrgCheck::Problem;

// "屈家庄村 (130705001001)", or "'code'" when the code is not a village.
std::string village_label(const core::Plan& plan, const Index& index, const std::string& code) {
    auto it = index.find(code);
    if (it == index.end()) {
        return core::tr("analysis.org.unknown_code", {code});
    }
    const core::Village& v = plan.villages[it->second];
    return core::tr("analysis.org.village_label",
                    {v.name.empty() ? core::tr("analysis.org.village") : v.name, code});
}

// "A (c1), B (c2) and C (c3)".
std::string village_list(const core::Plan& plan, const Index& index,
                         const std::vector<std::string>& codes) {
    std::string out;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) {
            out += core::tr(i + 1 == codes.size() ? "analysis.list.and" : "analysis.list.comma");
        }
        out += village_label(plan, index, codes[i]);
    }
    return out;
}

// "joint organization 屈家庄联合党委 (J1)", or the best part of that the org has.
std::string org_label(const core::JointOrg& org) {
    if (!org.name.empty()) {
        return org.id.empty() ? core::tr("analysis.org.label_name", {org.name})
                              : core::tr("analysis.org.label_name_id", {org.name, org.id});
    }
    return org.id.empty() ? core::tr("analysis.org.label")
                          : core::tr("analysis.org.label_id", {org.id});
}

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Known members without repeats, in listed order; unknown and repeated codes to problems.
std::vector<std::string> known_members(const core::Plan& plan, const Index& index,
                                       const core::JointOrg& org, std::vector<Problem>& problems) {
    std::vector<std::string> known;
    std::unordered_set<std::string> seen;
    for (const std::string& code : org.members) {
        if (index.count(code) == 0) {
            problems.push_back({JointOrgProblemKind::kUnknownMember,
                                core::tr("analysis.org.unknown_member", {code, org_label(org)})});
        } else if (!seen.insert(code).second) {
            problems.push_back({JointOrgProblemKind::kDuplicateMember,
                                core::tr("analysis.org.duplicate_member",
                                         {village_label(plan, index, code), org_label(org)})});
        } else {
            known.push_back(code);
        }
    }
    return known;
}

// The members split into connected parts of the graph restricted to the members.
std::vector<std::vector<std::string>> connected_parts(const Index& index,
                                                      const ContiguityGraph& graph,
                                                      const std::vector<std::string>& members) {
    std::unordered_map<int, std::size_t> position;  // village index -> position in members
    for (std::size_t i = 0; i < members.size(); ++i) {
        position.emplace(static_cast<int>(index.at(members[i])), i);
    }
    std::vector<bool> done(members.size(), false);
    std::vector<std::vector<std::string>> parts;
    for (std::size_t start = 0; start < members.size(); ++start) {
        if (done[start]) {
            continue;
        }
        std::vector<std::string> part;
        std::vector<std::size_t> queue{start};
        done[start] = true;
        while (!queue.empty()) {
            const std::size_t m = queue.back();
            queue.pop_back();
            part.push_back(members[m]);
            const std::size_t v = index.at(members[m]);
            for (int n : graph.neighbours[v]) {
                auto it = position.find(n);
                if (it != position.end() && !done[it->second]) {
                    done[it->second] = true;
                    queue.push_back(it->second);
                }
            }
        }
        std::sort(part.begin(), part.end());
        parts.push_back(std::move(part));
    }
    return parts;
}

void check_contiguous(const core::Plan& plan, const Index& index, const ContiguityGraph& graph,
                      const core::JointOrg& org, const std::vector<std::string>& members,
                      std::vector<Problem>& problems) {
    const auto parts = connected_parts(index, graph, members);
    if (parts.size() < 2) {
        return;
    }
    std::string list;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        list += (i > 0 ? core::tr("analysis.list.semicolon") : "") +
                village_list(plan, index, parts[i]);
    }
    problems.push_back({JointOrgProblemKind::kNotContiguous,
                        core::tr("analysis.org.not_contiguous",
                                 {org_label(org), std::to_string(parts.size()), list})});
}

void check_overlap(const core::Plan& plan, const Index& index, const core::JointOrg& org,
                   const std::vector<std::string>& members, std::vector<Problem>& problems) {
    for (const core::JointOrg& other : plan.joint_orgs) {
        if (&other == &org || other.mode != org.mode || (!org.id.empty() && other.id == org.id)) {
            continue;
        }
        std::vector<std::string> shared;
        for (const std::string& code : members) {
            if (std::find(other.members.begin(), other.members.end(), code) !=
                other.members.end()) {
                shared.push_back(code);
            }
        }
        if (shared.empty()) {
            continue;
        }
        problems.push_back(
            {JointOrgProblemKind::kOverlap,
             core::tr(shared.size() == 1 ? "analysis.org.overlap_one" : "analysis.org.overlap_many",
                      {village_list(plan, index, shared), org_label(other),
                       core::tr(std::string("analysis.mode.") + core::to_code(org.mode))})});
    }
}

void check_lead(const core::Plan& plan, const Index& index, const core::JointOrg& org,
                std::vector<Problem>& problems) {
    if (org.lead.empty()) {
        problems.push_back(
            {JointOrgProblemKind::kNoLead, core::tr("analysis.org.no_lead", {org_label(org)})});
        return;
    }
    if (std::find(org.members.begin(), org.members.end(), org.lead) == org.members.end()) {
        problems.push_back({JointOrgProblemKind::kLeadNotMember,
                            core::tr("analysis.org.lead_not_member",
                                     {village_label(plan, index, org.lead), org_label(org)})});
    }
}

// ------------------------------------------------------------------------------------------
// Lead rules

// One member with its deciding value (absent when the village lacks it).
struct Candidate {
    std::string code;
    std::optional<double> value;
};

// The candidate with the highest value (ties to the lower code); -1 when none has a value.
int best_candidate(const std::vector<Candidate>& candidates) {
    int best = -1;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        if (!c.value) {
            continue;
        }
        if (best < 0) {
            best = static_cast<int>(i);
            continue;
        }
        const Candidate& b = candidates[static_cast<std::size_t>(best)];
        if (*c.value > *b.value || (*c.value == *b.value && c.code < b.code)) {
            best = static_cast<int>(i);
        }
    }
    return best;
}

// Picks by the highest value and explains; `what` names the value ("collective income"),
// `unit_key` is the catalogue key that writes an amount of it.
LeadChoice lead_by_value(const core::Plan& plan, const Index& index,
                         const std::vector<Candidate>& candidates, const std::string& what,
                         const char* unit_key, const std::string& field) {
    LeadChoice choice;
    for (const Candidate& c : candidates) {
        if (!c.value) {
            choice.missing.push_back(c.code);
        }
    }
    const int best = best_candidate(candidates);
    if (best < 0) {
        choice.why = core::tr("analysis.lead.no_value", {field, what});
        return choice;
    }
    const Candidate& b = candidates[static_cast<std::size_t>(best)];
    choice.lead = b.code;
    const std::string label = village_label(plan, index, b.code);
    const std::string amount = core::tr(unit_key, {number_text(*b.value)});
    choice.why = candidates.size() == 1
                     ? core::tr("analysis.lead.highest_only", {label, what, amount})
                     : core::tr("analysis.lead.highest_of",
                                {label, what, amount, std::to_string(candidates.size())});
    if (!choice.missing.empty()) {
        choice.why += core::tr(
            choice.missing.size() == 1 ? "analysis.lead.missing_one" : "analysis.lead.missing_many",
            {village_list(plan, index, choice.missing), field});
    }
    return choice;
}

LeadChoice lead_by_leader(const core::Plan& plan, const Index& index,
                          const std::vector<std::string>& members) {
    std::vector<Candidate> flagged;
    std::vector<std::string> unknown_flag;
    for (const std::string& code : members) {
        const core::Village& v = plan.villages[index.at(code)];
        if (!v.leader) {
            unknown_flag.push_back(code);
        } else if (*v.leader) {
            flagged.push_back({code, v.collective_income_wan_yuan});
        }
    }
    LeadChoice choice;
    const std::string unknown_note =
        unknown_flag.empty()
            ? ""
            : core::tr(unknown_flag.size() == 1 ? "analysis.lead.no_leader_value_one"
                                                : "analysis.lead.no_leader_value_many",
                       {village_list(plan, index, unknown_flag)});
    if (flagged.empty()) {
        choice.missing = unknown_flag;
        choice.why = core::tr("analysis.lead.no_leader_flag") + unknown_note;
        return choice;
    }
    if (flagged.size() == 1) {
        choice.lead = flagged[0].code;
        choice.missing = unknown_flag;
        choice.why =
            core::tr("analysis.lead.only_leader", {village_label(plan, index, flagged[0].code)}) +
            unknown_note;
        return choice;
    }
    // Several leaders: the strongest by income; without any income, the lowest code.
    choice = lead_by_value(plan, index, flagged, core::tr("analysis.lead.what_income_leaders"),
                           "analysis.unit.wan_yuan", "collective_income");
    if (choice.lead.empty()) {
        choice.lead =
            std::min_element(flagged.begin(), flagged.end(),
                             [](const Candidate& a, const Candidate& b) { return a.code < b.code; })
                ->code;
        choice.why =
            core::tr("analysis.lead.lowest_code", {village_label(plan, index, choice.lead)});
    }
    choice.missing.insert(choice.missing.end(), unknown_flag.begin(), unknown_flag.end());
    choice.why += unknown_note;
    return choice;
}

LeadChoice lead_by_centre(const core::Plan& plan, const Index& index,
                          const std::vector<std::string>& members, const std::string& seat) {
    LeadChoice choice;
    if (!seat.empty() && std::find(members.begin(), members.end(), seat) != members.end()) {
        choice.lead = seat;
        choice.why = core::tr("analysis.lead.seat", {village_label(plan, index, seat)});
        return choice;
    }
    double best = std::numeric_limits<double>::infinity();
    for (const std::string& code : members) {
        const core::PointM p = core::anchor(plan.villages[index.at(code)]);
        double sum = 0.0;
        for (const std::string& other : members) {
            sum += core::distance_m(p, core::anchor(plan.villages[index.at(other)]));
        }
        if (sum < best || (sum == best && code < choice.lead)) {
            best = sum;
            choice.lead = code;
        }
    }
    if (choice.lead.empty()) {
        choice.why = core::tr("analysis.lead.no_members");
        return choice;
    }
    choice.why = core::tr("analysis.lead.central",
                          {village_label(plan, index, choice.lead), number_text(std::round(best))});
    if (!seat.empty()) {
        choice.why = core::tr("analysis.lead.seat_not_member",
                              {village_label(plan, index, seat), choice.why});
    }
    return choice;
}

}  // namespace

// ------------------------------------------------------------------------------------------
// Public functions

const char* to_code(JointOrgProblemKind kind) {
    switch (kind) {
        case JointOrgProblemKind::kTooFewMembers:
            return "too_few_members";
        case JointOrgProblemKind::kUnknownMember:
            return "unknown_member";
        case JointOrgProblemKind::kDuplicateMember:
            return "duplicate_member";
        case JointOrgProblemKind::kNotContiguous:
            return "not_contiguous";
        case JointOrgProblemKind::kOverlap:
            return "overlap";
        case JointOrgProblemKind::kNoLead:
            return "no_lead";
        case JointOrgProblemKind::kLeadNotMember:
            return "lead_not_member";
    }
    return "";
}

JointOrgCheck validate_joint_org(const core::Plan& plan, const ContiguityGraph& graph,
                                 const core::JointOrg& org) {
    assert(graph.neighbours.size() == plan.villages.size() &&
           "the contiguity graph must be computed on this plan");
    const Index index = core::village_index(plan);
    JointOrgCheck check;
    const std::vector<std::string> members = known_members(plan, index, org, check.problems);
    if (members.size() < 2) {
        check.problems.push_back(
            {JointOrgProblemKind::kTooFewMembers,
             members.empty() ? core::tr("analysis.org.too_few_none", {org_label(org)})
                             : core::tr("analysis.org.too_few_one",
                                        {org_label(org), village_label(plan, index, members[0])})});
    } else {
        check_contiguous(plan, index, graph, org, members, check.problems);
    }
    check_overlap(plan, index, org, members, check.problems);
    check_lead(plan, index, org, check.problems);
    check.valid = check.problems.empty();
    return check;
}

std::vector<JointOrgCheck> validate_all(const core::Plan& plan) {
    return validate_all(plan, contiguity(plan, ContiguityOptions{}));
}

std::vector<JointOrgCheck> validate_all(const core::Plan& plan, const ContiguityGraph& graph) {
    std::vector<JointOrgCheck> checks;
    checks.reserve(plan.joint_orgs.size());
    for (const core::JointOrg& org : plan.joint_orgs) {
        checks.push_back(validate_joint_org(plan, graph, org));
    }
    return checks;
}

LeadChoice choose_lead(const core::Plan& plan, const std::vector<std::string>& members,
                       core::JointOrgMode mode, const std::string& station_seat) {
    const Index index = core::village_index(plan);
    std::vector<std::string> known;
    for (const std::string& code : members) {
        if (index.count(code) != 0 && std::find(known.begin(), known.end(), code) == known.end()) {
            known.push_back(code);
        }
    }
    std::vector<Candidate> candidates;
    switch (mode) {
        case core::JointOrgMode::kStrongWeak:
            for (const std::string& code : known) {
                candidates.push_back(
                    {code, plan.villages[index.at(code)].collective_income_wan_yuan});
            }
            return lead_by_value(plan, index, candidates, core::tr("analysis.lead.what_income"),
                                 "analysis.unit.wan_yuan", "collective_income");
        case core::JointOrgMode::kRegional:
            for (const std::string& code : known) {
                const auto& pop = plan.villages[index.at(code)].population;
                candidates.push_back(
                    {code, pop ? std::optional<double>(static_cast<double>(*pop)) : std::nullopt});
            }
            return lead_by_value(plan, index, candidates, core::tr("analysis.lead.what_population"),
                                 "analysis.unit.people", "population");
        case core::JointOrgMode::kLeader:
            return lead_by_leader(plan, index, known);
        case core::JointOrgMode::kStation:
            return lead_by_centre(plan, index, known, station_seat);
    }
    return {};
}

core::MultiPolygon dissolved_outline(const core::Plan& plan, const core::JointOrg& org) {
    return core::dissolve_villages(plan, org.members);
}

}  // namespace beltplan::analysis
