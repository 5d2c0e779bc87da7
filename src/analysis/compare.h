// Two plans of one district side by side (this year's plan and a proposal, or two options):
// coverage, joint organizations, belts and sites, with villages matched by code, so a planner
// sees which villages gain or lose coverage and which change group.
#pragma once

#include "analysis/coverage.h"
#include "core/plan.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::analysis {

// Settings both plans are measured with; an unset field leaves each plan its own setting.
struct CompareOptions {
    std::optional<double> radius_m;
    std::optional<core::DistanceMode> distance;
};

// One plan's totals under the settings it was measured with.
struct PlanSummary {
    std::string name;
    double radius_m = 0.0;
    core::DistanceMode distance = core::DistanceMode::kEuclidean;
    bool roads_missing = false;  // network distance asked for, but the plan has no road lines
    std::int64_t sites = 0;
    CoverageCount total;  // villages, covered, population, covered population
    std::int64_t joint_orgs = 0;
    std::int64_t valid_joint_orgs = 0;  // validate_all on the plan's queen graph with its edits
    std::int64_t belts = 0;
};

// Covered villages of one township in each plan (0 where the plan has none of its villages).
struct TownshipComparison {
    std::string code;
    std::string name;
    std::int64_t villages_a = 0;
    std::int64_t villages_b = 0;
    std::int64_t covered_a = 0;
    std::int64_t covered_b = 0;
};

// One belt's analysis; `present` is false when the plan has no belt of that id or name.
struct BeltSide {
    bool present = false;
    int sites = 0;
    double road_length_m = 0.0;
    double largest_gap_m = 0.0;
    double reach_share = 0.0;
};

// A belt matched across the plans by id, else by name.
struct BeltComparison {
    std::string id;
    std::string name;
    BeltSide a;
    BeltSide b;
};

// What happened to one village, the value a map colours it by. Gained and lost take
// precedence over regrouped (VillageComparison::regrouped keeps that fact separately).
enum class VillageChange { kSame, kGained, kLost, kRegrouped, kOnlyA, kOnlyB };

// Code word of a change ("same", "gained", "lost", "regrouped", "only_a", "only_b").
const char* to_code(VillageChange change);

// A joint organization a village belongs to.
struct OrgRef {
    std::string id;
    std::string name;
};

struct VillageComparison {
    std::string code;
    std::string name;       // B's name when the village is in B
    std::string town_code;  // likewise
    int index_a = -1;       // in a.villages, -1 when only in B
    int index_b = -1;       // in b.villages, -1 when only in A
    bool covered_a = false;
    bool covered_b = false;
    double distance_a_m = std::numeric_limits<double>::infinity();  // infinite when no site
    double distance_b_m = std::numeric_limits<double>::infinity();
    std::vector<OrgRef> orgs_a;  // joint organizations it belongs to, by id
    std::vector<OrgRef> orgs_b;
    // Its orgs in B are not the counterparts of its orgs in A (orgs matched by member set,
    // then id): an org renamed with the same members is the same group, and the villages that
    // stay in an org that gains or loses members are not regrouped (the ones moving are).
    bool regrouped = false;
    VillageChange status = VillageChange::kSame;
    bool differs() const { return status != VillageChange::kSame || regrouped; }
};

struct SiteRef {
    std::string id;
    std::string name;
    core::PointM position;
};

// A site of the same id standing more than kSiteMovedM from where it stood in A.
struct SiteMove {
    std::string id;
    std::string name;
    core::PointM from;
    core::PointM to;
    double distance_m = 0.0;
};

// A joint organization matched across the plans whose members, lead or mode differ.
struct OrgChange {
    core::JointOrg a;
    core::JointOrg b;
    std::vector<std::string> joined;  // member codes in B only, ascending
    std::vector<std::string> left;    // member codes in A only, ascending
    bool lead_changed = false;
    bool mode_changed = false;
};

struct PlanComparison {
    PlanSummary a;
    PlanSummary b;
    bool settings_differ = false;  // the plans' own radius or distance mode differ
    std::int64_t common_villages = 0;
    std::vector<TownshipComparison> by_township;  // by code
    std::vector<BeltComparison> belts;            // by id, then name
    std::vector<VillageComparison> villages;      // every code of either plan, ascending
    std::vector<VillageChange> status_for_a;      // per a.villages index
    std::vector<VillageChange> status_for_b;      // per b.villages index, for colouring B's map
    std::vector<SiteRef> sites_added;             // by id
    std::vector<SiteRef> sites_removed;
    std::vector<SiteMove> sites_moved;
    std::vector<core::JointOrg> orgs_added;  // by id
    std::vector<core::JointOrg> orgs_removed;
    std::vector<OrgChange> orgs_changed;
};

// A site that moved this far or less (metres) stands where it stood.
inline constexpr double kSiteMovedM = 1.0;

// Compares plan `a` with plan `b`. Villages are matched by code, sites by id, belts by id
// then name, joint organizations by member set then id. Network distance uses each plan's own
// roads; a plan without roads then reaches no village (PlanSummary::roads_missing).
PlanComparison compare_plans(const core::Plan& a, const core::Plan& b,
                             const CompareOptions& options);

}  // namespace beltplan::analysis
