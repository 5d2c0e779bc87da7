// Joint organization checks: member lookup, connectivity within the members by breadth-first
// search over the neighbour graph, overlaps with orgs of the same mode, and the lead rules.
#include "analysis/joint_orgs.h"

#include "core/dissolve.h"

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
        return "'" + code + "'";
    }
    const core::Village& v = plan.villages[it->second];
    return (v.name.empty() ? std::string("village") : v.name) + " (" + code + ")";
}

// "A (c1), B (c2) and C (c3)".
std::string village_list(const core::Plan& plan, const Index& index,
                         const std::vector<std::string>& codes) {
    std::string out;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (i > 0) {
            out += i + 1 == codes.size() ? " and " : ", ";
        }
        out += village_label(plan, index, codes[i]);
    }
    return out;
}

// "joint organization 屈家庄联合党委 (J1)", or the best part of that the org has.
std::string org_label(const core::JointOrg& org) {
    std::string label = "joint organization";
    if (!org.name.empty()) {
        label += " " + org.name;
        if (!org.id.empty()) {
            label += " (" + org.id + ")";
        }
    } else if (!org.id.empty()) {
        label += " " + org.id;
    }
    return label;
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
            problems.push_back(
                {JointOrgProblemKind::kUnknownMember,
                 "Member '" + code + "' of " + org_label(org) + " is not a village of the plan."});
        } else if (!seen.insert(code).second) {
            problems.push_back(
                {JointOrgProblemKind::kDuplicateMember,
                 village_label(plan, index, code) + " is listed twice in " + org_label(org) + "."});
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
    std::string text = "The members of " + org_label(org) + " are not contiguous; they fall into " +
                       std::to_string(parts.size()) + " separate parts: ";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        text += (i > 0 ? "; " : "") + village_list(plan, index, parts[i]);
    }
    problems.push_back({JointOrgProblemKind::kNotContiguous, text + "."});
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
        problems.push_back({JointOrgProblemKind::kOverlap,
                            village_list(plan, index, shared) +
                                (shared.size() == 1 ? " is" : " are") + " also in " +
                                org_label(other) + " of the same mode (" + core::to_code(org.mode) +
                                "); a village can be in only one joint organization of a mode."});
    }
}

void check_lead(const core::Plan& plan, const Index& index, const core::JointOrg& org,
                std::vector<Problem>& problems) {
    if (org.lead.empty()) {
        problems.push_back(
            {JointOrgProblemKind::kNoLead, "The " + org_label(org) +
                                               " has no lead village; choose one of its "
                                               "members."});
        return;
    }
    if (std::find(org.members.begin(), org.members.end(), org.lead) == org.members.end()) {
        problems.push_back({JointOrgProblemKind::kLeadNotMember,
                            "The lead " + village_label(plan, index, org.lead) + " of " +
                                org_label(org) + " is not one of its members."});
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

// Picks by the highest value and explains; `what` names the value ("collective income").
LeadChoice lead_by_value(const core::Plan& plan, const Index& index,
                         const std::vector<Candidate>& candidates, const std::string& what,
                         const std::string& unit, const std::string& field) {
    LeadChoice choice;
    for (const Candidate& c : candidates) {
        if (!c.value) {
            choice.missing.push_back(c.code);
        }
    }
    const int best = best_candidate(candidates);
    if (best < 0) {
        choice.why =
            "No member has a " + field + " value, so the lead cannot be chosen by " + what + ".";
        return choice;
    }
    const Candidate& b = candidates[static_cast<std::size_t>(best)];
    choice.lead = b.code;
    choice.why = village_label(plan, index, b.code) + " has the highest " + what + ", " +
                 number_text(*b.value) + unit +
                 (candidates.size() == 1
                      ? std::string(", as the only member.")
                      : ", of the " + std::to_string(candidates.size()) + " members compared.");
    if (!choice.missing.empty()) {
        choice.why += " " + village_list(plan, index, choice.missing) +
                      (choice.missing.size() == 1 ? " has" : " have") + " no " + field + " and " +
                      (choice.missing.size() == 1 ? "was" : "were") + " not compared.";
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
    const std::string unknown_note = unknown_flag.empty()
                                         ? ""
                                         : " " + village_list(plan, index, unknown_flag) +
                                               (unknown_flag.size() == 1 ? " has" : " have") +
                                               " no leader value.";
    if (flagged.empty()) {
        choice.missing = unknown_flag;
        choice.why =
            "No member has the leader flag set, so the lead cannot be chosen." + unknown_note;
        return choice;
    }
    if (flagged.size() == 1) {
        choice.lead = flagged[0].code;
        choice.missing = unknown_flag;
        choice.why = village_label(plan, index, flagged[0].code) +
                     " is the only member with a capable leader." + unknown_note;
        return choice;
    }
    // Several leaders: the strongest by income; without any income, the lowest code.
    choice = lead_by_value(plan, index, flagged,
                           "collective income among the members with a "
                           "leader",
                           " 万元", "collective_income");
    if (choice.lead.empty()) {
        choice.lead =
            std::min_element(flagged.begin(), flagged.end(),
                             [](const Candidate& a, const Candidate& b) { return a.code < b.code; })
                ->code;
        choice.why = "Several members have a leader and none has a collective_income; " +
                     village_label(plan, index, choice.lead) + " has the lowest code.";
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
        choice.why = village_label(plan, index, seat) + " is the seat of the work station.";
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
        choice.why = "The station has no member villages.";
        return choice;
    }
    choice.why = village_label(plan, index, choice.lead) +
                 " is the most central member (least total distance to the others, " +
                 number_text(std::round(best)) + " m).";
    if (!seat.empty()) {
        choice.why = "The seat " + village_label(plan, index, seat) +
                     " is not a member, so the most central member leads: " + choice.why;
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
             "The " + org_label(org) + " has " +
                 (members.empty()
                      ? std::string("no member village")
                      : "only one member village, " + village_label(plan, index, members[0])) +
                 "; it needs 2 or more."});
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
            return lead_by_value(plan, index, candidates, "collective income", " 万元",
                                 "collective_income");
        case core::JointOrgMode::kRegional:
            for (const std::string& code : known) {
                const auto& pop = plan.villages[index.at(code)].population;
                candidates.push_back(
                    {code, pop ? std::optional<double>(static_cast<double>(*pop)) : std::nullopt});
            }
            return lead_by_value(plan, index, candidates, "population", "", "population");
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
