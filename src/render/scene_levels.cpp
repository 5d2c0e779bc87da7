// ScaleLevels: a switch with one child per level built so far; coverage_levels finds the arcs
// of a coverage once and simplifies them once per level.
#include "render/scene_levels.h"

#include <optional>

namespace beltplan::render::detail {

namespace {

// Coarsest level extent / 64 (the whole plan an icon), each finer level four times finer, the
// finest extent / 16384 (a plan many thousands of pixels wide).
constexpr double kCoarsestShare = 1.0 / 64.0;
constexpr int kSimplifiedLevels = 5;

}  // namespace

ScaleLevels::ScaleLevels(double extent_m, Builder build)
    : build_(std::move(build)), switch_(new osg::Switch) {
    double t = extent_m * kCoarsestShare;
    for (int k = 0; k < kSimplifiedLevels && t > 0.0; ++k, t /= 4.0) {
        tolerances_.push_back(t);
    }
    levels_.resize(tolerances_.size() + 1);
}

osg::Node* ScaleLevels::show_for(double m_per_px) {
    std::size_t index = tolerances_.size();  // the full geometry
    for (std::size_t k = 0; k < tolerances_.size() && m_per_px > 0.0; ++k) {
        if (tolerances_[k] <= m_per_px) {
            index = k;
            break;
        }
    }
    const double tolerance = index < tolerances_.size() ? tolerances_[index] : 0.0;
    if (tolerance == shown_tolerance_m_) {
        return nullptr;
    }
    const bool built = !levels_[index];
    if (built) {
        levels_[index] = build_(tolerance);
        switch_->addChild(levels_[index].get(), false);
    }
    switch_->setAllChildrenOff();
    switch_->setChildValue(levels_[index].get(), true);
    shown_tolerance_m_ = tolerance;
    return built ? levels_[index].get() : nullptr;
}

std::unique_ptr<ScaleLevels> coverage_levels(std::vector<const core::MultiPolygon*> shapes,
                                             double extent_m, CoverageBuilder build) {
    // The arcs are found with the first level and shared by the later ones.
    auto topology = std::make_shared<std::optional<core::ArcTopology>>();
    return std::make_unique<ScaleLevels>(extent_m, [shapes = std::move(shapes), topology,
                                                    build = std::move(build)](double tolerance_m) {
        if (!*topology) {
            topology->emplace(shapes);
        }
        core::SimplifiedCoverage simplified = (*topology)->simplify(tolerance_m);
        if (tolerance_m <= 0.0) {
            return build(tolerance_m, shapes, simplified.arcs);  // the shapes as they are
        }
        std::vector<const core::MultiPolygon*> simple;
        simple.reserve(simplified.shapes.size());
        for (const core::MultiPolygon& s : simplified.shapes) {
            simple.push_back(&s);
        }
        return build(tolerance_m, simple, simplified.arcs);
    });
}

}  // namespace beltplan::render::detail
