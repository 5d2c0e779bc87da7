// Joint organizations (联合党组织, DESIGN.md sections 1-2): validity with one sentence per
// problem naming the villages, the lead chosen by the mode's rule, and the dissolved outline.
#pragma once

#include "analysis/contiguity.h"
#include "core/geometry.h"
#include "core/plan.h"

#include <string>
#include <vector>

namespace beltplan::analysis {

enum class JointOrgProblemKind {
    kTooFewMembers,    // fewer than 2 distinct known members
    kUnknownMember,    // a member code that is not a village of the plan
    kDuplicateMember,  // a village listed twice
    kNotContiguous,    // members fall into 2+ parts of the queen graph (edits applied)
    kOverlap,          // a member is also in another joint organization of the same mode
    kNoLead,           // the lead is empty
    kLeadNotMember,    // the lead is not one of the members
};

// Code word of a problem kind ("not_contiguous", ...) for JSON.
const char* to_code(JointOrgProblemKind kind);

// The verdict on one joint organization; valid exactly when `problems` is empty.
struct JointOrgCheck {
    struct Problem {
        JointOrgProblemKind kind = JointOrgProblemKind::kTooFewMembers;
        std::string sentence;  // one sentence naming the villages by name and code
    };
    bool valid = true;
    std::vector<Problem> problems;
};

// Checks one joint organization (it may be a candidate not yet in the plan) against DESIGN.md
// section 2: 2+ members, members connected in `graph`, no member shared with another org of
// plan.joint_orgs of the same mode (an org with the same non-empty id, or `org` itself, is
// not compared), and a lead that is a member. `graph` must be computed on `plan`; pass the
// queen graph with the plan's edits (contiguity(plan, {})) to follow the definition.
JointOrgCheck validate_joint_org(const core::Plan& plan, const ContiguityGraph& graph,
                                 const core::JointOrg& org);

// Checks every org of plan.joint_orgs (same order) on the queen graph with the plan's edits.
std::vector<JointOrgCheck> validate_all(const core::Plan& plan);
// As above with a graph already computed on `plan`.
std::vector<JointOrgCheck> validate_all(const core::Plan& plan, const ContiguityGraph& graph);

// The lead the mode's rule picks, and why.
//  strong_weak: the member with the highest collective_income.
//  regional:    the member with the largest population.
//  leader:      a member whose leader flag is set; among several, the highest income (members
//               without an income come after those with one; then by code).
//  station:     `station_seat` when it is a member, else the most central member: the least
//               sum of straight-line distances from its anchor to the other members' anchors.
// Ties go to the lower code. Members missing the deciding value are listed and never compared
// as zero; when no member has it, `lead` is empty.
struct LeadChoice {
    std::string lead;                  // village code, "" when the rule cannot choose
    std::string why;                   // one or two sentences naming villages and values
    std::vector<std::string> missing;  // member codes that lack the deciding value
};
LeadChoice choose_lead(const core::Plan& plan, const std::vector<std::string>& members,
                       core::JointOrgMode mode, const std::string& station_seat = "");

// The union of the members' shapes (core::union_all); unknown member codes are skipped.
core::MultiPolygon dissolved_outline(const core::Plan& plan, const core::JointOrg& org);

}  // namespace beltplan::analysis
