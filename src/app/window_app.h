// The window (`beltplan [PLAN]`): an osgViewer window showing the MapScene with the ImGui
// editor on top. The app owns the plan, its UndoStack and the analysis; the editor's panels
// return commands that this class applies between frames, then recolours the map.
#pragma once

#include "core/plan.h"
#include "core/result.h"
#include "core/undo_stack.h"

#include <memory>
#include <string>

namespace osgGA {
class EventQueue;
}

namespace beltplan::ui {
struct EditorState;
enum class JobKind;
}  // namespace beltplan::ui
namespace beltplan::render {
class MapScene;
}
namespace beltplan::analysis {
class PlanAnalysis;
struct Suggestion;
struct PlanComparison;
}  // namespace beltplan::analysis

namespace beltplan::app {

struct WindowOptions {
    std::string plan_path;        // "" opens the sample plan
    std::string screenshot_path;  // "" runs interactively; else draw a few frames, save, exit
    std::string compare_path;     // "" = no comparison; else compare with this plan file
    int width_px = 1280;
    int height_px = 800;
    int frames_before_screenshot = 6;
    double autosave_interval_s = 60.0;  // seconds between autosaves (tests use less)
};

class WindowApp {
public:
    // Loads the plan and opens the window; an Error in one sentence when the plan cannot be
    // read or there is no display to open a window on.
    static core::Result<std::unique_ptr<WindowApp>> open(const WindowOptions& options);
    ~WindowApp();

    // Runs frames until the planner quits (or the screenshot is written); the exit code.
    int run();
    // Draws one frame: editor, commands applied, map updated. False once quitting.
    bool step();

    // For tests and the screenshot mode.
    const core::Plan& plan() const;
    const core::UndoStack& history() const;
    const analysis::PlanAnalysis& analysis() const;  // of plan(), up to date after each step
    const render::MapScene& scene() const;           // the 2D map
    ui::EditorState& editor();
    const std::string& plan_path() const;
    // The window's event queue (coordinates in window pixels as the window reports them).
    osgGA::EventQueue& events();
    // Writes the plan (temporary file renamed over it), marks the history saved and removes
    // the autosave; the status line says how it went. False when it failed.
    bool save();
    // The status line's current message ("" when none).
    std::string status() const;
    // Input events still waiting for a frame (the bridge's queue).
    std::size_t pending_input() const;
    // Asks the bridge to capture the next frame; the result sentence after that frame.
    void capture_next_frame(const std::string& png_path);
    const std::string& capture_result() const;
    // Sites in the last "how many more sites" answer; -1 while none (or still running).
    int target_sites() const;
    // The last answer of a suggestion job (null when none) and whether one is running.
    const analysis::Suggestion* answer(ui::JobKind kind) const;
    bool job_running(ui::JobKind kind) const;
    // The last comparison with the other plan (null when none yet), whether one is running or
    // due, and why the last one failed ("" when it did not).
    const analysis::PlanComparison* comparison() const;
    bool comparing() const;
    const std::string& compare_error() const;
    // The window title as shown ("示范带规划 - name *").
    std::string title() const;

    struct Impl;

private:
    explicit WindowApp(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Opens the window (or takes the screenshot) and returns the process exit code.
int run_window(const WindowOptions& options);

}  // namespace beltplan::app
