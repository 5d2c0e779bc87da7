// The map the window shows: the 2D scene of the plan and its analysis (the 2.5D scene while
// that view is on), the colouring the coverage panel chose or the comparison's, the legend,
// and the camera that follows the editor's view.
#pragma once

#include "analysis/compare.h"
#include "analysis/plan_analysis.h"
#include "core/plan.h"
#include "render/map_scene.h"
#include "render/village_colors.h"
#include "ui/editor.h"

#include <osg/Camera>
#include <osg/ref_ptr>
#include <osgText/Font>

#include <array>
#include <memory>

namespace beltplan::app {

class MapDisplay {
public:
    // Builds the 2D scene of `plan` and `analysis` (both borrowed for the display's life) at
    // the scale of `view`; names are drawn with `font` (null: none).
    MapDisplay(const core::Plan& plan, const analysis::PlanAnalysis& analysis,
               const ui::MapView& view, osg::ref_ptr<osgText::Font> font);

    const render::MapScene& scene() const { return *scene_; }
    // The scene to draw: the 2.5D one while it is shown, else the 2D map.
    osg::Node* root() const;
    const render::Legend& legend() const { return legend_; }

    // Colours the villages by the editor's colour mode, or by the comparison's status of each
    // village when one is given: uniforms (and the custom channel), and the legend.
    void recolour(int color_mode, const analysis::PlanComparison* comparison);
    // Follows an analysis update: values of the villages it changed and the layers it made
    // dirty, and the legend where it names what changed (radius, groups).
    void follow(const analysis::AnalysisDelta& delta, int color_mode,
                const analysis::PlanComparison* comparison);
    // Builds the 2.5D scene (true) or drops it (false); true when root() changed.
    bool show_tilted(bool on, int color_mode, const analysis::PlanComparison* comparison);
    bool tilted() const { return tilted_ != nullptr; }
    // Points `camera` at the editor's view (ortho in 2D, from the heading and tilt in 2.5D) and
    // sets the 2D scene's level of detail.
    void aim(osg::Camera& camera, const ui::EditorState& editor);
    // The colour mode the map shows.
    int shown_color_mode() const { return shown_color_mode_; }
    // Shows or hides a layer in both scenes (site markers of the 2D map are the editor's).
    void set_layer_visible(render::Layer layer, bool visible);
    // Draws the road check's problems in the 2D map's road problems layer.
    void set_road_problems(const std::vector<analysis::RoadProblem>& problems);

private:
    render::SceneInputs inputs(bool extruded, double m_per_px) const;

    const core::Plan& plan_;
    const analysis::PlanAnalysis& analysis_;
    osg::ref_ptr<osgText::Font> font_;
    std::unique_ptr<render::MapScene> scene_;   // the 2D map the editor works on
    std::unique_ptr<render::MapScene> tilted_;  // the 2.5D view, built while shown
    render::Legend legend_;
    int shown_color_mode_ = 0;
    std::array<bool, render::kLayerCount> hidden_{};  // layers the planner hid
};

}  // namespace beltplan::app
