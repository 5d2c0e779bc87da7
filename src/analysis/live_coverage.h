// Coverage kept up to date while a planner edits: moving, adding or removing one site updates
// only the villages whose nearest site changes, without rebuilding anything.
#pragma once

#include "analysis/coverage.h"
#include "analysis/road_network.h"
#include "core/plan.h"

#include <memory>
#include <vector>

namespace beltplan::analysis {

class LiveEuclideanCoverage {
public:
    // Indexes the plan's village anchors and sites; the plan must outlive this object and
    // its villages must not change (sites change only through the calls below).
    explicit LiveEuclideanCoverage(const core::Plan& plan);
    ~LiveEuclideanCoverage();

    const std::vector<Reach>& reach() const { return reach_; }

    // Site `site` now stands at `to`; returns the villages whose reach changed.
    std::vector<int> move_site(int site, const core::PointM& to);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::vector<Reach> reach_;
};

// The same along roads: village attachments are fixed, node distances are updated in place
// (RoadNetwork::move_source) and every village re-reads its two segment ends.
class LiveNetworkCoverage {
public:
    // The plan and the network must outlive this object; villages and roads must not change.
    LiveNetworkCoverage(const core::Plan& plan, const RoadNetwork& network);

    const std::vector<Reach>& reach() const { return reach_; }

    // Site `site` now stands at `to`; returns the villages whose reach changed.
    std::vector<int> move_site(int site, const core::PointM& to);

    // The sites' attachments and the node distances from them, as of the last move.
    const std::vector<Attachment>& sources() const { return sites_; }
    const RoadNetwork::NodeDistances& nodes() const { return nodes_; }

private:
    const RoadNetwork& network_;
    std::vector<Attachment> villages_;
    std::vector<Attachment> sites_;
    RoadNetwork::NodeDistances nodes_;
    std::vector<Reach> reach_;
};

}  // namespace beltplan::analysis
