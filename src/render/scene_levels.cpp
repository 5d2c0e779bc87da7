// LevelledPolygons: the arcs of the coverage are found once; a level is one simplification
// pass over them, then drawn by the caller's builder into a child of the switch.
#include "render/scene_levels.h"

namespace beltplan::render::detail {

namespace {

// Simplified levels, coarsest first: extent / 64 (the whole plan an icon), each finer level four
// times finer, the finest extent / 4096 (a plan a few thousand pixels wide); beyond that the
// full geometry. A view of m metres a pixel shows the coarsest level of tolerance <= m.
constexpr double kCoarsestShare = 1.0 / 64.0;
constexpr int kSimplifiedLevels = 4;

}  // namespace

LevelledPolygons::LevelledPolygons(std::vector<const core::MultiPolygon*> shapes, double extent_m,
                                   Builder build)
    : shapes_(std::move(shapes)), build_(std::move(build)), switch_(new osg::Switch) {
    double t = extent_m * kCoarsestShare;
    for (int k = 0; k < kSimplifiedLevels && t > 0.0; ++k, t /= 4.0) {
        tolerances_.push_back(t);
    }
    levels_.resize(tolerances_.size() + 1);
}

osg::Node* LevelledPolygons::level(std::size_t index, bool& built) {
    built = !levels_[index];
    if (built) {
        if (!topology_) {
            topology_.emplace(shapes_);
        }
        const bool full = index == tolerances_.size();
        core::SimplifiedCoverage simplified = topology_->simplify(full ? 0.0 : tolerances_[index]);
        std::vector<const core::MultiPolygon*> shapes;
        if (full) {
            shapes = shapes_;
        } else {
            shapes.reserve(simplified.shapes.size());
            for (const core::MultiPolygon& s : simplified.shapes) {
                shapes.push_back(&s);
            }
        }
        levels_[index] = build_(shapes, simplified.arcs);
        switch_->addChild(levels_[index].get(), false);
    }
    return levels_[index].get();
}

osg::Node* LevelledPolygons::show_for(double m_per_px) {
    std::size_t index = tolerances_.size();  // full geometry
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
    bool built = false;
    osg::Node* shown = level(index, built);
    switch_->setAllChildrenOff();
    switch_->setChildValue(shown, true);
    shown_tolerance_m_ = tolerance;
    return built ? shown : nullptr;
}

}  // namespace beltplan::render::detail
