// The editor's panels and map tools as one ImGui frame: they read the plan and the analysis
// (const) and return what the planner asked for, as commands and requests; src/app applies
// them. Call draw_editor between ImGuiBridge::new_frame and end_frame.
#pragma once

#include "analysis/compare.h"
#include "analysis/plan_analysis.h"
#include "analysis/road_check.h"
#include "analysis/road_network.h"
#include "analysis/strategy.h"
#include "core/command.h"
#include "core/plan.h"
#include "render/village_colors.h"
#include "ui/confirm_dialogs.h"
#include "ui/export_dialog.h"
#include "ui/file_dialog.h"
#include "ui/file_menu.h"
#include "ui/import_dialog.h"
#include "ui/legend_panel.h"
#include "ui/map_view.h"
#include "ui/picking.h"
#include "ui/site_editor.h"
#include "ui/status_line.h"
#include "ui/village_table.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::ui {

enum class Tool { kSelect, kAddSite, kMeasure, kJointOrg, kPickRoad };

// Suggestions computed off the frame on a copy of the plan; each can be cancelled.
enum class JobKind { kTarget, kMerges, kBeltGaps };
inline constexpr std::size_t kJobKinds = 3;

// Where one kind of job stands, as the panels show it.
struct JobStatus {
    bool running = false;
    double elapsed_s = 0.0;                        // since it started, while running
    double progress = 0.0;                         // share done as the strategy reports it
    const analysis::Suggestion* answer = nullptr;  // the last answer, null when none
    int serial = 0;                                // changes with every new answer
    bool stale = false;  // the plan changed after the answer's run started: accepting is off
    std::string error;   // why the last run failed, "" when it did not
};

// A job the planner asked for.
struct JobRequest {
    JobKind kind = JobKind::kTarget;
    double share = 0.8;                                         // kTarget: population share
    core::JointOrgMode mode = core::JointOrgMode::kStrongWeak;  // kMerges
    std::string belt_id;                                        // kBeltGaps
    double max_gap_m = 5000.0;                                  // kBeltGaps
};

// A saved view of the map for presentations.
struct Bookmark {
    core::PointM center;
    double m_per_px = 1.0;
};

// What the editor remembers between frames (not part of the plan, never undone), in parts
// with one job each. A new panel or dialog adds a part of its own here.

// What is selected, and what lies under the cursor.
struct Selection {
    int hovered_village = -1;   // index in plan.villages
    int selected_village = -1;  // index in plan.villages
    std::string selected_site;  // site id, "" when none
    std::string selected_belt;  // belt id shown in the belts panel
    std::string selected_org;   // joint org id being edited
    int hovered_road = -1;      // index in plan.roads under the cursor (road picking)
};

// A press on the map being dragged.
struct MapDrag {
    std::string site;  // site id while it is being dragged
    bool panning = false;
};

// The measure tool.
struct MeasureState {
    std::vector<core::PointM> points;         // clicked points
    bool along_roads = false;                 // two points at a time, by road
    analysis::RoadNetwork::Path road_path;    // by road between points[0] and points[1]
    std::vector<core::PointM> road_path_for;  // the two points road_path was found for
};

// How the map is drawn: the 2.5D camera and the village fill.
struct ViewStyle {
    bool tilted = false;      // the 2.5D view: extruded villages, a turning camera
    float heading_deg = 0.f;  // 2.5D: camera heading, clockwise from north
    float tilt_deg = 50.f;    // 2.5D: 0 looks straight down
    int color_mode = 0;       // village fill: coverage, distance, orgs, kind, population
};

// What the planner set for the suggestions.
struct SuggestionInputs {
    float target_share = 0.8f;     // "how many more sites reach X%"
    int merge_mode = 0;            // index of the suggestion mode in the org tab
    std::vector<char> merge_pick;  // which suggested groups are ticked for accepting
    int merge_serial = -1;         // the answer merge_pick belongs to
    float belt_gap_m = 5000.f;     // largest gap for the belt gap suggestion
    std::string belt_gap_for;      // the belt the last gap suggestion was asked for
};

// Presentation mode: panels hidden, legend shown, saved views.
struct Presentation {
    bool on = false;
    std::vector<Bookmark> bookmarks;  // stepped through with the arrows
    int bookmark = -1;                // the bookmark shown last
};

// Panels and dialogs shown or asked for.
struct Dialogs {
    bool show_panels = true;
    bool focus_org_tab = false;  // bring the joint organization tab forward
};

// The File menu's dialogs and the questions that keep work.
struct FileDialogs {
    enum class Purpose { kOpen, kSaveAs, kCompare };
    FileDialog browser;  // open, save as, compare with
    Purpose purpose = Purpose::kOpen;
    ExportDialog exporter;
    ImportDialog importer;           // File > New from import
    UnsavedQuestion unsaved;         // before closing or replacing an unsaved plan
    AutosaveQuestion autosave;       // a newer autosave when the plan opened
    DiskChangeQuestion disk_change;  // another program changed the plan file
};

// Finding villages: the village table (with the selection of several villages) and a
// rectangle drawn on the map.
struct FindState {
    VillageTable table;
    bool shown = false;
    std::optional<ScreenPoint> rect_from;  // Shift+drag with the select tool
};

// The legend and the layer list.
struct LayerState {
    bool legend_shown = true;
    std::vector<LayerRow> rows;  // filled on the first frame
    bool shown(render::Layer layer) const;
};

// The road problems list (analysis::check_roads, shown with its map layer).
struct RoadProblemList {
    int selected = -1;  // the row flown to last
};

// The inspector's site fields.
struct SiteInspector {
    SiteEditor fields;
    bool focus_name = false;  // a site just added: its name takes the keyboard
};

struct EditorState {
    MapView view;  // the 2D map camera
    Tool tool = Tool::kSelect;
    Selection selection;
    MapDrag drag;
    MeasureState measure;
    ViewStyle style;
    SuggestionInputs suggestions;
    Presentation presentation;
    Dialogs dialogs;
    FileDialogs files;
    FindState find;
    LayerState layers;
    RoadProblemList road_problems;
    SiteInspector site;
    StatusLine status;  // last message for the status line
};

// Read-only inputs of one frame.
struct EditorContext {
    const core::Plan* plan = nullptr;
    const analysis::PlanAnalysis* analysis = nullptr;  // of *plan: coverage, belts, checks
    const VillagePicker* picker = nullptr;
    const render::Legend* legend = nullptr;          // of the village fill
    std::array<JobStatus, kJobKinds> jobs;           // by JobKind
    const analysis::RoadNetwork* network = nullptr;  // built while measuring along roads
    // The road check made when the plan was opened (roads never change by editing), and one
    // sentence (analysis::describe) per problem; null when there was none to make.
    const std::vector<analysis::RoadProblem>* road_problems = nullptr;
    const std::vector<std::string>* road_problem_text = nullptr;
    core::Box plan_bounds;
    bool dirty = false;
    std::size_t plan_version = 0;  // grows with every edit (status messages, the table)
    std::string plan_path;
    const RecentFiles* recent = nullptr;  // recent plans for File > Open recent
    bool import_available = false;        // File > New from import
    std::vector<MapFormat> export_formats = {MapFormat::kPng};
    bool can_undo = false;
    bool can_redo = false;
    std::string undo_label;
    std::string redo_label;

    // The open plan compared with another plan file (both with the open plan's settings).
    std::string compare_path;                              // "" when not comparing
    const analysis::PlanComparison* comparison = nullptr;  // null until the first answer
    bool compare_running = false;
    std::string compare_error;

    const JobStatus& job(JobKind kind) const { return jobs[static_cast<std::size_t>(kind)]; }
};

// What the planner asked for in this frame.
struct EditorOutput {
    std::vector<core::CommandPtr> commands;  // to apply in order
    bool undo = false;
    bool redo = false;
    bool save = false;
    bool quit = false;                     // confirmed (or nothing unsaved)
    bool quit_request = false;             // Ctrl+Q or File > Quit: the app asks when unsaved
    std::optional<std::string> open_path;  // open this plan (asked when unsaved)
    std::optional<std::string> save_as;    // save under this path, work on there
    std::optional<ExportRequest> export_request;  // File > Export map / tables
    bool new_import = false;    // File > New from import (the app asks when unsaved, then opens)
    ImportDialogOutput import;  // the import dialog's answers
    UnsavedChoice unsaved = UnsavedChoice::kAsking;  // the unsaved question's answer
    AutosaveChoice autosave = AutosaveChoice::kAsking;
    DiskChangeChoice disk_change = DiskChangeChoice::kAsking;
    std::vector<LayerRow> layers;  // layers the planner showed or hid
    bool end_merge = false;        // a drag or slider edit ended: the next edit starts a new entry
    bool export_png = false;       // save the current view as a PNG beside the plan
    bool fullscreen = false;       // presentation mode was entered (true) ...
    bool windowed = false;         // ... or left (true)
    std::optional<JobRequest> start_job;      // (re)start a suggestion off the frame
    std::optional<JobKind> cancel_job;        // stop a running one
    std::optional<JobKind> discard_job;       // forget an answer
    bool accept_target = false;               // add the suggested sites (one undo step)
    std::vector<int> accept_groups;           // suggested joint organizations to create (one step)
    bool accept_belt_sites = false;           // add the belt gap sites (one undo step)
    std::optional<std::string> compare_with;  // compare the open plan with this plan file
    bool close_compare = false;
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
// Along roads (state.measure.along_roads, context.network set) it takes two points and shows
// the shortest way by road.
void handle_measure(const EditorContext& context, EditorState& state);
// Presentation mode: title, legend, bookmarks (B, arrows), export (P), Esc leaves.
void draw_presentation(const EditorContext& context, EditorState& state, EditorOutput& out);

// Where named controls were drawn in the last frame (only those on screen), so tests click
// them as a planner would. note_item records the item just drawn.
void note_item(const std::string& key);
std::optional<ScreenPoint> item_center(const std::string& key);
// Records a point that is not an item (a window's title bar arrow) under `key`.
void note_point(const std::string& key, ScreenPoint p);
// Forgets the noted items; draw_editor does it at the start of every frame.
void forget_noted_items();

// The compare panel (totals side by side, villages that changed).
void draw_compare_panel(const EditorContext& context, EditorState& state, EditorOutput& out);

// The File menu's choices: opens the file dialog (open, save as, compare with) or the export
// dialog, or asks the app (save, quit).
void handle_file_choice(const FileChoice& choice, const EditorContext& context, EditorState& state,
                        EditorOutput& out);
// The file and export dialogs and the questions (unsaved changes, autosave, changed on disk);
// their answers go into `out`.
void draw_file_dialogs(const EditorContext& context, EditorState& state, EditorOutput& out);
// The village table panel (shown with Ctrl+F or the menu) and the legend with the layer list.
void draw_find_panel(const EditorContext& context, EditorState& state, EditorOutput& out);
void draw_legend_panel(const EditorContext& context, EditorState& state, EditorOutput& out);
// The road problems list while its layer is shown: one sentence per problem; a click flies to
// the problem's place.
void draw_road_problems_panel(const EditorContext& context, EditorState& state);
// The distance of village i to its nearest site in the context's analysis (+inf: none).
double village_distance_m(const EditorContext& context, std::size_t village);

// Fits the plan into the part of the window the panels leave free.
void fit_to_plan(const core::Box& bounds, EditorState& state);
// The plan extent the planner sees: the part of the 2D view the panels leave free (the whole
// window in presentation mode or with the panels hidden).
core::Box visible_map_extent(const EditorState& state);

// A site id not used in the plan ("S1", "S2", ...).
std::string free_site_id(const core::Plan& plan);
// A joint organization id not used in the plan ("J1", "J2", ...).
std::string free_org_id(const core::Plan& plan);
// The road under a screen point (within a few pixels), -1 when none.
int road_at(const core::Plan& plan, const MapView& view, ScreenPoint p);
// Outlines suggested joint organizations (ticked ones strong, the rest faint) over the map.
void draw_merge_preview(const EditorContext& context, const EditorState& state);
// While `job` runs: "computing", the seconds so far and a cancel button; returns true. Else
// shows why its last run failed, if it did, and returns false.
bool draw_job_progress(const JobStatus& job, JobKind kind, EditorOutput& out);
// False, with a line saying so, when the plan changed after the job's answer was computed
// (its sites or groups would land on a plan they were not chosen for).
bool answer_current(const JobStatus& job);
// "850 m" or "3.2 km" in the current language.
std::string format_length(double metres);

}  // namespace beltplan::ui
