// The editor's panels and map tools as one ImGui frame: they read the plan and the analysis
// (const) and return what the planner asked for, as commands and requests; src/app applies
// them. Call draw_editor between ImGuiBridge::new_frame and end_frame.
#pragma once

#include "analysis/belts.h"
#include "analysis/joint_orgs.h"
#include "analysis/strategy.h"
#include "core/command.h"
#include "core/plan.h"
#include "render/village_colors.h"
#include "ui/coverage_model.h"
#include "ui/map_view.h"
#include "ui/picking.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::ui {

enum class Tool { kSelect, kAddSite, kMeasure, kJointOrg };

// A saved view of the map for presentations.
struct Bookmark {
    core::PointM center;
    double m_per_px = 1.0;
};

// What the editor remembers between frames (not part of the plan, never undone).
struct EditorState {
    MapView view;
    Tool tool = Tool::kSelect;
    int hovered_village = -1;   // index in plan.villages
    int selected_village = -1;  // index in plan.villages
    std::string selected_site;  // site id, "" when none
    std::string dragging_site;  // site id while it is being dragged
    bool panning = false;
    bool show_panels = true;
    bool confirm_quit = false;
    std::string status;                 // last message for the status line
    std::vector<core::PointM> measure;  // clicked points of the measure tool
    std::string selected_belt;          // belt id shown in the belts panel
    std::string selected_org;           // joint org id being edited
    bool focus_org_tab = false;
    float target_share = 0.8f;        // "how many more sites reach X%"         // bring the joint
                                      // organization tab forward once
    bool presenting = false;          // presentation mode: panels hidden, legend shown
    std::vector<Bookmark> bookmarks;  // saved views, stepped through with the arrows
    int bookmark = -1;                // the bookmark shown last
};

// Read-only inputs of one frame.
struct EditorContext {
    const core::Plan* plan = nullptr;
    const CoverageModel* coverage = nullptr;
    const VillagePicker* picker = nullptr;
    const std::vector<analysis::BeltResult>* belts = nullptr;
    const render::Legend* legend = nullptr;                            // of the village fill
    const std::vector<analysis::JointOrgCheck>* org_checks = nullptr;  // plan.joint_orgs order
    bool target_running = false;                   // the site target runs off the frame
    const analysis::Suggestion* target = nullptr;  // its last answer, null when none
    core::Box plan_bounds;
    bool dirty = false;
    bool can_undo = false;
    bool can_redo = false;
    std::string undo_label;
    std::string redo_label;
};

// What the planner asked for in this frame.
struct EditorOutput {
    std::vector<core::CommandPtr> commands;  // to apply in order
    bool undo = false;
    bool redo = false;
    bool save = false;
    bool quit = false;        // confirmed (or nothing unsaved)
    bool end_merge = false;   // a drag or slider edit ended: the next edit starts a new entry
    bool export_png = false;  // save the current view as a PNG beside the plan
    bool fullscreen = false;  // presentation mode was entered (true) ...
    bool windowed = false;    // ... or left (true)
    std::optional<double> compute_target;  // start "fewest new sites reaching this share"
    bool cancel_target = false;            // drop the running computation
    bool accept_target = false;            // add the suggested sites (one undo step)
};

// Draws every panel, the map overlay and handles map input for one frame.
EditorOutput draw_editor(const EditorContext& context, EditorState& state);

// Internal parts of draw_editor (one per file), exposed for the panels' tests.
void handle_map_input(const EditorContext& context, EditorState& state, EditorOutput& out);
void draw_map_overlay(const EditorContext& context, const EditorState& state);
void draw_inspector(const EditorContext& context, EditorState& state, EditorOutput& out);
void draw_coverage_panel(const EditorContext& context, EditorState& state, EditorOutput& out);
void draw_sites_panel(const EditorContext& context, EditorState& state, EditorOutput& out);
// The joint organization tab: create, members (also by clicking the map), lead, mode, name,
// validity with the reasons.
void draw_joint_org_tab(const EditorContext& context, EditorState& state, EditorOutput& out);
// A command creating a joint organization of the selected village (its lead), which becomes
// the selected org; the tool switches to editing members. Precondition: a village is selected.
core::CommandPtr new_joint_org(const core::Plan& plan, EditorState& state);
// Outlines the selected joint organization's members (lead thicker).
void draw_joint_org_overlay(const EditorContext& context, const EditorState& state);
void draw_belts_panel(const EditorContext& context, EditorState& state, EditorOutput& out);
// The measure tool: a click adds a point, a right click clears; draws the line and the numbers.
void handle_measure(EditorState& state);
// Presentation mode: title, legend, bookmarks (B, arrows), export (P), Esc leaves.
void draw_presentation(const EditorContext& context, EditorState& state, EditorOutput& out);

// Fits the plan into the part of the window the panels leave free.
void fit_to_plan(const core::Box& bounds, EditorState& state);

// A site id not used in the plan ("S1", "S2", ...).
std::string free_site_id(const core::Plan& plan);
// "850 m" or "3.2 km" in the current language.
std::string format_length(double metres);

}  // namespace beltplan::ui
