// The state of the open window shared by window_app.cpp (opening, the frame loop) and
// window_edit.cpp (applying the editor's requests: commands, save, autosave, export).
#pragma once

#include "analysis/compare.h"
#include "analysis/plan_analysis.h"
#include "analysis/strategy.h"
#include "app/window_app.h"
#include "core/plan.h"
#include "core/undo_stack.h"
#include "render/map_scene.h"
#include "render/village_colors.h"
#include "ui/editor.h"
#include "ui/imgui_osg.h"
#include "ui/picking.h"

#include <osgViewer/Viewer>

#include <array>
#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::app {

struct WindowApp::Impl {
    std::string path;
    core::Plan plan;
    core::UndoStack history;
    std::unique_ptr<analysis::PlanAnalysis> analysis;  // everything derived from the plan
    std::unique_ptr<ui::VillagePicker> picker;
    render::Legend legend;
    // A suggestion computed on a copy of the plan off the frame (one per ui::JobKind).
    struct Job {
        std::future<core::Result<analysis::Suggestion>> future;  // valid while running
        std::shared_ptr<analysis::RunControl> control;           // stop and progress
        std::optional<analysis::Suggestion> answer;
        std::string error;
        int serial = 0;
        std::chrono::steady_clock::time_point started;
        std::size_t plan_version = 0;  // of the plan copy it ran on
    };
    std::array<Job, ui::kJobKinds> jobs;
    std::vector<std::future<core::Result<analysis::Suggestion>>> dropped_jobs;  // cancelled
    analysis::StrategyRegistry strategies;
    // The open plan compared with another plan file, again off the frame after each edit.
    struct Compared {
        std::shared_ptr<const core::Plan> other;
        analysis::PlanComparison result;
    };
    std::string compare_path;                        // "" when not comparing
    std::shared_ptr<const core::Plan> compare_plan;  // the other plan, once read
    std::future<core::Result<Compared>> compare_job;
    std::vector<std::future<core::Result<Compared>>> dropped_compares;
    std::optional<analysis::PlanComparison> comparison;
    std::string compare_error;
    bool compare_stale = false;  // the plan changed while a comparison ran  // built in, replaced
                                 // by plugins found beside us
    core::Box plan_bounds;
    int exported_views = 0;
    bool restored = false;  // the plan came from the autosave: unsaved until saved
    std::size_t edits_since_autosave = 0;
    std::size_t plan_version = 0;  // grows with every change applied to the plan
    std::chrono::steady_clock::time_point last_autosave = std::chrono::steady_clock::now();
    ui::EditorState editor;
    std::unique_ptr<ui::ImGuiBridge> bridge;
    std::unique_ptr<render::MapScene> scene;         // the 2D map the editor works on
    std::unique_ptr<render::MapScene> tilted_scene;  // the 2.5D view, built while shown
    osg::ref_ptr<osgText::Font> font;                // labels; null without a CJK font
    osg::ref_ptr<osgViewer::Viewer> viewer;
    std::string shown_title;
    bool quitting = false;
    std::chrono::steady_clock::time_point last_frame = std::chrono::steady_clock::now();

    ~Impl();
    void apply(ui::EditorOutput& out);
    void on_changes(const core::ChangeSet& changes);
    void recolour();
    render::ColoringRequest coloring_request() const;
    int shown_color_mode = 0;  // the editor's colour mode the map shows
    render::SceneInputs scene_inputs(bool extruded);
    void show_tilted(bool on);
    void update_camera();
    void set_fullscreen(bool on);
    void export_view();
    bool dirty() const { return history.dirty() || restored; }
    std::string autosave_path() const;
    void autosave_if_due();
    void save_now(ui::EditorOutput& out);
    Job& job(ui::JobKind kind) { return jobs[static_cast<std::size_t>(kind)]; }
    void start_job(const ui::JobRequest& request);
    void cancel_job(ui::JobKind kind);
    void poll_jobs();
    void start_compare(const std::string& other_path);  // "" = again, with the plan read before
    void poll_compare();
    void close_compare();
    void accept_sites(ui::JobKind kind);
    void accept_groups(const std::vector<int>& groups);
    std::string title() const;
};

}  // namespace beltplan::app
