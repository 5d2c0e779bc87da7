// Coverage kept in step with the plan while the planner edits: site moves go through the live
// coverage (only changed villages are touched); added or removed sites, a new radius or distance
// mode rebuild it. The report the panels show is re-summed after every sync.
#pragma once

#include "analysis/coverage.h"
#include "analysis/live_coverage.h"
#include "analysis/road_network.h"
#include "core/command.h"
#include "core/plan.h"

#include <memory>
#include <vector>

namespace beltplan::ui {

class CoverageModel {
public:
    // Borrows the plan, which must outlive this object and keep its villages and roads.
    explicit CoverageModel(const core::Plan& plan);
    ~CoverageModel();

    // Brings reach and report up to date after `changes` were applied to the plan. Returns
    // true when the reach or radius changed (the map needs recolouring).
    bool sync(const core::ChangeSet& changes);
    // Recomputes everything from the plan.
    void rebuild();

    const std::vector<analysis::Reach>& reach() const;
    const analysis::CoverageReport& report() const { return report_; }
    // The road graph (built on first use; empty when the plan has no roads).
    const analysis::RoadNetwork& network();
    const analysis::RoadNetwork* network_if_built() const { return network_.get(); }
    // Milliseconds the last sync or rebuild took.
    double last_ms() const { return last_ms_; }

private:
    void summarize();

    const core::Plan& plan_;
    std::unique_ptr<analysis::RoadNetwork> network_;
    std::unique_ptr<analysis::LiveEuclideanCoverage> euclidean_;
    std::unique_ptr<analysis::LiveNetworkCoverage> along_roads_;
    std::vector<core::PointM> site_positions_;  // as the live coverage last saw them
    core::DistanceMode mode_ = core::DistanceMode::kEuclidean;
    analysis::CoverageReport report_;
    double last_ms_ = 0.0;
};

}  // namespace beltplan::ui
