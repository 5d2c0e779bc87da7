// Everything derived from a plan, in one place (STYLE.md section 5): the reach of every village
// in the distance mode, the coverage summary, the queen graph with the manual edits, belts,
// joint-organization checks and outlines, work-station outlines and the roads within reach.
// update() takes the ChangeSet of an edit, redoes only what it touched and returns a delta:
// the villages whose value changed and the parts that are dirty. The window, the CLI commands,
// the maps and the suggestions read it; nothing else computes these.
#pragma once

#include "analysis/belts.h"
#include "analysis/contiguity.h"
#include "analysis/coverage.h"
#include "analysis/joint_orgs.h"
#include "analysis/reach_roads.h"
#include "analysis/road_network.h"
#include "core/command.h"
#include "core/plan.h"
#include "core/result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::analysis {

// What the analysis measures with. Unset radius or distance: the plan's own setting, followed
// through update(); set: fixed (a CLI override).
struct AnalysisOptions {
    std::optional<double> radius_m;
    std::optional<core::DistanceMode> distance;
    std::string file;  // the plan's file, named in error sentences ("" when it has none)
};

// The parts of the derived state an update can make stale, as bits of AnalysisDelta::dirty.
enum class Derived : unsigned {
    kReach = 1u << 0,         // per-village reach (AnalysisDelta::villages says which)
    kRadius = 1u << 1,        // the reach radius (values unchanged; a uniform on the map)
    kDistanceMode = 1u << 2,  // straight line <-> along roads
    kCoverage = 1u << 3,      // the coverage summary
    kContiguity = 1u << 4,    // the queen graph with the edits
    kBeltMembers = 1u << 5,   // belt roads, half-widths, members (the belt geometry)
    kBeltMeasures = 1u << 6,  // belt sites, largest gaps, reach shares
    kOrgChecks = 1u << 7,     // joint-organization validity
    kOrgOutlines = 1u << 8,   // joint-organization outlines and leads
    kStations = 1u << 9,      // work-station outlines and seats
    kSites = 1u << 10,        // site positions or attributes (markers, label obstacles)
    kReachRoads = 1u << 11,   // distances along the roads (network mode)
};

// What one update changed.
struct AnalysisDelta {
    unsigned dirty = 0;         // Derived bits
    std::vector<int> villages;  // villages whose reach changed, ascending
    bool all_villages = false;  // every village's reach may have changed (villages is empty)

    bool has(Derived part) const { return (dirty & static_cast<unsigned>(part)) != 0; }
    void mark(Derived part) { dirty |= static_cast<unsigned>(part); }
    bool empty() const { return dirty == 0; }
};

// The derived state of one plan. Borrows the plan, which must outlive it; villages and roads
// must not change (no command changes them), everything else changes through update(). Every
// part is computed on first use and then kept up to date. Not thread-safe: one thread uses it
// (the window's frame; suggestions and comparisons off the frame build their own).
class PlanAnalysis {
public:
    explicit PlanAnalysis(const core::Plan& plan, AnalysisOptions options = {});
    ~PlanAnalysis();
    PlanAnalysis(const PlanAnalysis&) = delete;
    PlanAnalysis& operator=(const PlanAnalysis&) = delete;

    const core::Plan& plan() const;
    double radius_m() const;
    core::DistanceMode distance() const;
    // Set when the distance cannot be measured: along roads on a plan without road lines (the
    // sentence of no_roads_error). Every village's reach is then infinite; callers refuse.
    const std::optional<core::Error>& problem() const;

    // Reach of every village (plan.villages order) in the distance mode.
    const std::vector<Reach>& reach() const;
    bool covered(int village) const;
    const CoverageReport& coverage() const;
    // The queen graph with the plan's manual edits (contiguity(plan, {})).
    const ContiguityGraph& contiguity() const;
    // analyze_belts at radius_m(), plan.belts order.
    const std::vector<BeltResult>& belts() const;
    // validate_all on contiguity(), plan.joint_orgs order.
    const std::vector<JointOrgCheck>& org_checks() const;
    // Dissolved outlines (core::dissolve_villages), plan.joint_orgs / plan.work_stations order.
    const std::vector<core::MultiPolygon>& org_outlines() const;
    const std::vector<core::MultiPolygon>& station_outlines() const;
    // Network mode: every road cut into pieces with the distance along the roads at their
    // ends (see reach_roads.h); empty in straight-line mode or without sites.
    const std::vector<RoadPiece>& road_pieces() const;
    // The road graph (built on first use; empty when the plan has no roads).
    const RoadNetwork& road_network() const;

    // Brings everything up to date after `changes` were applied to the plan.
    AnalysisDelta update(const core::ChangeSet& changes);
    // Milliseconds the construction or the last update took.
    double last_update_ms() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The one sentence every caller reports when distance along roads is asked of a plan without
// road lines; `file` names the plan.
core::Error no_roads_error(const std::string& file);

// no_roads_error when `mode` is along roads and the plan has no road lines; nullopt when the
// distance can be measured.
std::optional<core::Error> distance_problem(const core::Plan& plan, core::DistanceMode mode,
                                            const std::string& file = "");

// Reach of every village by `mode` (the distance switch of PlanAnalysis), or no_roads_error.
core::Result<std::vector<Reach>> village_reach(const core::Plan& plan, core::DistanceMode mode,
                                               const std::string& file = "");

}  // namespace beltplan::analysis
