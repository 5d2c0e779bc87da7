// The state of the open window, in parts with one job each, shared by window_app.cpp (opening,
// the frame loop) and window_edit.cpp (applying the editor's requests): the document (plan,
// history, saving), its analysis, the map display, the suggestion jobs, the comparison with
// another plan, the editor's own state, and the OSG window with the ImGui bridge.
#pragma once

#include "analysis/plan_analysis.h"
#include "analysis/road_check.h"
#include "app/window_app.h"
#include "app/window_compare.h"
#include "app/window_document.h"
#include "app/window_jobs.h"
#include "app/window_map.h"
#include "io/import.h"
#include "render/map_render.h"
#include "ui/editor.h"
#include "ui/imgui_osg.h"
#include "ui/picking.h"
#include "ui/plan_watch.h"
#include "ui/recent_files.h"

#include <osgViewer/Viewer>

#include <chrono>
#include <memory>
#include <string>

namespace beltplan::app {

struct WindowApp::Impl {
    PlanDocument doc;
    std::unique_ptr<analysis::PlanAnalysis> analysis;  // everything derived from doc.plan()
    std::unique_ptr<ui::VillagePicker> picker;         // what lies under the cursor
    std::unique_ptr<MapDisplay> map;                   // the scenes, colouring, camera
    std::unique_ptr<SuggestionJobs> jobs;              // suggestions off the frame
    PlanComparer compare;                              // the plan compared with another
    std::unique_ptr<io::ImportResult> imported;        // read in the import dialog, unwritten
    // The road check of the plan as opened (roads never change by editing) and its sentences.
    analysis::RoadCheck road_check;
    std::vector<std::string> road_problem_text;
    bool roads_checked = false;
    ui::EditorState editor;  // the panels' and tools' own state
    // The OSG window and the ImGui bridge drawing the editor into it.
    osg::ref_ptr<osgViewer::Viewer> viewer;
    std::unique_ptr<ui::ImGuiBridge> bridge;
    // The files around the plan: recent plans, another program changing the plan file, the
    // label font kept to build the map again when another plan opens.
    ui::RecentFiles recent;
    ui::PlanWatch watch;
    osg::ref_ptr<osgText::Font> font;
    double autosave_interval_s = 60.0;
    std::string shown_title;
    bool quitting = false;
    int exported_views = 0;
    std::chrono::steady_clock::time_point last_frame = std::chrono::steady_clock::now();

    ~Impl();
    // Applies what the editor asked for: commands, undo/redo, save, jobs, comparison.
    void apply(ui::EditorOutput& out);
    // Brings the analysis, the map and the comparison up to date after an edit.
    void on_changes(const core::ChangeSet& changes);
    // The editor's inputs of one frame.
    ui::EditorContext context() const;
    const analysis::PlanComparison* comparison() const { return compare.result(); }
    void recolour();
    void update_camera();
    void set_fullscreen(bool on);
    void export_view();
    // Saves over the plan file; false (the status says why) when that failed.
    bool save_now();

    // The files (window_files.cpp): closing, opening, saving as, the autosave, the plan file
    // changed by another program, exports, layers.
    void request_quit();                      // asks first when unsaved
    void open_plan(const std::string& path);  // asks first when unsaved
    bool load(const std::string& path);       // reads and shows another plan
    void rebuild();                           // analysis, map, jobs for doc.plan()
    void rebuild_analysis();                  // the analysis and map, view kept
    void check_roads();                       // once per plan; its problems onto the map
    void save_as(const std::string& path);
    void carry_out(ui::PendingAction action, const std::string& target);
    void apply_files(ui::EditorOutput& out);  // the file answers of one frame
    void watch_plan_file();
    // The import dialog (window_import.cpp): File > New from import, Read, Create.
    void apply_import(const ui::EditorOutput& out);
    void read_import(const ui::ImportRequest& request);
    void create_import(const std::string& path);
    // File > Export map / tables (window_export.cpp): written on the frame; the status line
    // says where, or why not.
    void apply_export(const ui::ExportRequest& request);
    render::MapRequest export_map_request(const ui::ExportRequest& request) const;
    void show_layers(const std::vector<ui::LayerRow>& rows);
    void accept_sites(ui::JobKind kind);
    void accept_groups(const std::vector<int>& groups);
    std::string title() const;
};

}  // namespace beltplan::app
