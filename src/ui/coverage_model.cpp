// CoverageModel: live updates for moved sites, rebuilds for everything else.
#include "ui/coverage_model.h"

#include <chrono>

namespace beltplan::ui {

namespace {

std::vector<core::PointM> positions(const core::Plan& plan) {
    std::vector<core::PointM> out;
    out.reserve(plan.sites.size());
    for (const core::Site& s : plan.sites) {
        out.push_back(s.position);
    }
    return out;
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

}  // namespace

CoverageModel::CoverageModel(const core::Plan& plan) : plan_(plan) {
    rebuild();
}

CoverageModel::~CoverageModel() = default;

const analysis::RoadNetwork& CoverageModel::network() {
    if (!network_) {
        network_ = std::make_unique<analysis::RoadNetwork>(plan_);
    }
    return *network_;
}

const std::vector<analysis::Reach>& CoverageModel::reach() const {
    return mode_ == core::DistanceMode::kNetwork ? along_roads_->reach() : euclidean_->reach();
}

void CoverageModel::rebuild() {
    const auto start = std::chrono::steady_clock::now();
    mode_ = plan_.settings.distance;
    euclidean_.reset();
    along_roads_.reset();
    if (mode_ == core::DistanceMode::kNetwork) {
        along_roads_ = std::make_unique<analysis::LiveNetworkCoverage>(plan_, network());
    } else {
        euclidean_ = std::make_unique<analysis::LiveEuclideanCoverage>(plan_);
    }
    site_positions_ = positions(plan_);
    summarize();
    last_ms_ = ms_since(start);
}

bool CoverageModel::sync(const core::ChangeSet& changes) {
    const bool sites_changed = !changes.sites.empty();
    const bool settings_changed = !changes.settings.empty();
    if (!sites_changed && !settings_changed) {
        return false;
    }
    if (plan_.settings.distance != mode_ || plan_.sites.size() != site_positions_.size()) {
        rebuild();
        return true;
    }
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < plan_.sites.size(); ++i) {
        const core::PointM& to = plan_.sites[i].position;
        if (to == site_positions_[i]) {
            continue;
        }
        const int site = static_cast<int>(i);
        if (mode_ == core::DistanceMode::kNetwork) {
            along_roads_->move_site(site, to);
        } else {
            euclidean_->move_site(site, to);
        }
        site_positions_[i] = to;
    }
    summarize();
    last_ms_ = ms_since(start);
    return true;
}

void CoverageModel::summarize() {
    report_ = analysis::summarize_coverage(plan_, reach(), plan_.settings.reach_m, mode_);
}

}  // namespace beltplan::ui
