// MapDisplay: scenes built from the plan and its analysis, colourings (the panel's mode or
// the comparison), and the camera from the editor's view.
#include "app/window_map.h"

#include "render/map_render.h"
#include "ui/strings.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace beltplan::app {

namespace {

// While comparing, each village is coloured by what the other plan does to it: its status is
// its class on the custom channel.
render::VillageColoring change_coloring(const analysis::PlanComparison& c) {
    using analysis::VillageChange;
    struct Class {
        VillageChange change;
        ui::Str label;
        render::Rgba color;
    };
    const Class classes[] = {
        {VillageChange::kGained, ui::Str::kGainedCoverage, render::Rgba{0.17f, 0.63f, 0.17f, 1.f}},
        {VillageChange::kLost, ui::Str::kLostCoverage, render::Rgba{0.84f, 0.15f, 0.16f, 1.f}},
        {VillageChange::kRegrouped, ui::Str::kChangedGroup, render::Rgba{0.58f, 0.40f, 0.74f, 1.f}},
        {VillageChange::kOnlyA, ui::Str::kOnlyThisPlan, render::Rgba{1.f, 0.50f, 0.05f, 1.f}},
        {VillageChange::kSame, ui::Str::kSame, render::Rgba{0.86f, 0.86f, 0.84f, 1.f}},
    };
    render::VillageColoring out;
    out.rule = render::FillRule::kClasses;
    out.channel = render::ValueChannel::kCustom;
    out.legend.title = ui::tr(ui::Str::kCompare);
    for (const Class& k : classes) {
        out.palette.push_back(k.color);
        out.legend.entries.push_back({ui::tr(k.label), k.color, render::LegendSymbol::kFill});
    }
    out.custom.reserve(c.status_for_a.size());
    for (VillageChange s : c.status_for_a) {
        float cls = -1.f;
        for (std::size_t k = 0; k < std::size(classes); ++k) {
            cls = classes[k].change == s ? static_cast<float>(k) : cls;
        }
        out.custom.push_back(cls);
    }
    return out;
}

render::ColorMode color_mode_of(int index) {
    const render::ColorMode modes[] = {render::ColorMode::kCoverage, render::ColorMode::kDistance,
                                       render::ColorMode::kJointOrg, render::ColorMode::kKind,
                                       render::ColorMode::kAttribute};
    return modes[std::clamp(index, 0, 4)];
}

}  // namespace

MapDisplay::MapDisplay(const core::Plan& plan, const analysis::PlanAnalysis& analysis,
                       const ui::MapView& view, osg::ref_ptr<osgText::Font> font)
    : plan_(plan), analysis_(analysis), font_(std::move(font)) {
    scene_ = std::make_unique<render::MapScene>(inputs(false, view.m_per_px()));
    scene_->set_visible(render::Layer::kSites, false);  // the editor draws live markers
}

render::SceneInputs MapDisplay::inputs(bool extruded, double m_per_px) const {
    render::SceneInputs in;
    in.plan = &plan_;
    in.analysis = &analysis_;
    in.font = font_;
    in.m_per_px = m_per_px;
    in.extruded = extruded;
    return in;
}

osg::Node* MapDisplay::root() const {
    return tilted_ ? tilted_->root().get() : scene_->root().get();
}

void MapDisplay::recolour(int color_mode, const analysis::PlanComparison* comparison) {
    shown_color_mode_ = color_mode;
    render::ColoringRequest request;
    request.mode = color_mode_of(color_mode);
    request.attribute = "population";
    request.graph = &analysis_.contiguity();
    request.per_village = false;  // the shader colours each village from its values
    core::Result<render::VillageColoring> coloring =
        comparison != nullptr && comparison->status_for_a.size() == plan_.villages.size()
            ? core::Result<render::VillageColoring>(change_coloring(*comparison))
            : render::color_villages(plan_, analysis_.reach(), analysis_.radius_m(), request);
    if (coloring) {
        for (render::MapScene* s : {scene_.get(), tilted_.get()}) {
            if (s != nullptr) {
                s->set_coloring(coloring.value());
            }
        }
        legend_ = coloring.value().legend;
    }
}

void MapDisplay::follow(const analysis::AnalysisDelta& delta, int color_mode,
                        const analysis::PlanComparison* comparison) {
    using analysis::Derived;
    for (render::MapScene* s : {scene_.get(), tilted_.get()}) {
        if (s != nullptr) {
            s->update(analysis_, delta);
        }
    }
    // The legend names the radius and the groups; the colours themselves follow the values.
    const render::ColorMode mode = color_mode_of(color_mode);
    const bool legend_stale =
        (delta.has(Derived::kRadius) &&
         (mode == render::ColorMode::kCoverage || mode == render::ColorMode::kDistance)) ||
        ((delta.has(Derived::kOrgOutlines) || delta.has(Derived::kContiguity)) &&
         mode == render::ColorMode::kJointOrg);
    if (legend_stale && comparison == nullptr) {
        recolour(color_mode, comparison);
    }
}

void MapDisplay::set_layer_visible(render::Layer layer, bool visible) {
    hidden_[static_cast<std::size_t>(layer)] = !visible;
    if (layer != render::Layer::kSites) {
        scene_->set_visible(layer, visible);
    }
    if (tilted_) {
        tilted_->set_visible(layer, visible);
    }
}

void MapDisplay::set_road_problems(const std::vector<analysis::RoadProblem>& problems) {
    scene_->set_road_problems(problems);
}

// The 2.5D scene is built from the plan as it is when it is shown (villages raised by
// population, the sites drawn by the scene) and dropped when the 2D view comes back.
bool MapDisplay::show_tilted(bool on, int color_mode, const analysis::PlanComparison* comparison) {
    if (on == tilted()) {
        return false;
    }
    if (!on) {
        tilted_.reset();
        return true;
    }
    tilted_ = std::make_unique<render::MapScene>(inputs(true, 0.0));
    for (std::size_t l = 0; l < render::kLayerCount; ++l) {
        if (hidden_[l]) {
            tilted_->set_visible(static_cast<render::Layer>(l), false);
        }
    }
    const core::Box& b = scene_->bounds();
    tilted_->set_village_heights(
        render::village_heights(plan_, "population", std::max(b.width(), b.height())));
    recolour(color_mode, comparison);
    return true;
}

// The camera looks at the view centre from a local frame, so matrices stay small numbers. In
// 2.5D it looks down at the same centre from the heading and tilt the editor holds, from as far
// as shows the same ground height as the 2D view.
void MapDisplay::aim(osg::Camera& camera, const ui::EditorState& editor) {
    const ui::MapView& view = editor.view;
    const core::PointM c = view.center();
    const double half_w = view.width_px() * view.m_per_px() / 2.0;
    const double half_h = view.height_px() * view.m_per_px() / 2.0;
    if (!tilted_) {
        scene_->set_view_scale(view.m_per_px());
        camera.setProjectionMatrixAsOrtho(-half_w, half_w, -half_h, half_h, -1.0e5, 1.0e5);
        camera.setViewMatrix(osg::Matrixd::translate(-c.x, -c.y, 0.0));
        return;
    }
    constexpr double kHalfFovDeg = 15.0;
    const double kDeg = osg::PI / 180.0;
    const double d = half_h / std::tan(kHalfFovDeg * kDeg);
    const double tilt = editor.style.tilt_deg * kDeg;
    const double heading = editor.style.heading_deg * kDeg;
    const core::PointM& o = tilted_->origin();
    const osg::Vec3d target(c.x - o.x, c.y - o.y, 0.0);
    const osg::Vec3d ahead(std::sin(heading), std::cos(heading), 0.0);
    const osg::Vec3d eye =
        target - ahead * (std::sin(tilt) * d) + osg::Vec3d(0, 0, std::cos(tilt) * d);
    camera.setViewMatrix(osg::Matrixd::translate(-o.x, -o.y, 0.0) *
                         osg::Matrixd::lookAt(eye, target, ahead));
    camera.setProjectionMatrixAsPerspective(2.0 * kHalfFovDeg, half_w / half_h, d * 0.02, d * 6.0);
}

}  // namespace beltplan::app
