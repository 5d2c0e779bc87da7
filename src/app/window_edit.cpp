// Applying what the editor asked for: commands through the UndoStack, then the analysis update
// and the map following its delta; save, export of the view, full screen, the suggestion jobs
// and the comparison.
#include "analysis/apply_suggestion.h"
#include "app/window_impl.h"
#include "core/messages.h"
#include "ui/strings.h"

#include <algorithm>
#include <filesystem>

namespace beltplan::app {

std::string WindowApp::Impl::title() const {
    const core::Plan& plan = doc.plan();
    std::string t = std::string(ui::tr(ui::Str::kAppTitle)) + " - " +
                    (plan.name.empty() ? doc.path() : plan.name);
    if (doc.dirty()) {
        t += ui::tr(ui::Str::kUnsavedMark);
    }
    return t;
}

void WindowApp::Impl::on_changes(const core::ChangeSet& changes) {
    if (changes.empty()) {
        return;
    }
    doc.changed();
    if (std::find(changes.layers.begin(), changes.layers.end(), "villages") !=
        changes.layers.end()) {
        // A village's values changed (the village table): PlanAnalysis takes villages as
        // fixed, so the analysis and the map are built again (a fraction of a second).
        rebuild_analysis();
        compare.plan_changed();
        return;
    }
    const analysis::AnalysisDelta delta = analysis->update(changes);
    map->follow(delta, editor.style.color_mode, comparison());
    compare.plan_changed();  // compared again once the running comparison is done
    if (!editor.selection.selected_site.empty() &&
        core::find_site(doc.plan(), editor.selection.selected_site) < 0) {
        editor.selection.selected_site.clear();
    }
}

void WindowApp::Impl::apply(ui::EditorOutput& out) {
    core::Plan& plan = doc.plan();
    core::UndoStack& history = doc.history();
    core::ChangeSet changes;
    for (core::CommandPtr& command : out.commands) {
        auto result = history.push(plan, std::move(command));
        if (result) {
            changes.merge(result.value());
        } else {
            editor.status = result.error().message;
        }
    }
    if (out.end_merge) {
        history.seal();
    }
    if (out.undo) {
        changes.merge(history.undo(plan));
    }
    if (out.redo) {
        auto result = history.redo(plan);
        if (result) {
            changes.merge(result.value());
        } else {
            editor.status = result.error().message;
        }
    }
    on_changes(changes);
    if (out.save) {
        save_now();
    }
    apply_files(out);
    if (out.quit) {
        quitting = true;
        doc.drop_autosave();  // the planner chose: saved or not
    }
    if (out.fullscreen || out.windowed) {
        set_fullscreen(out.fullscreen);
        ui::fit_to_plan(map->scene().bounds(), editor);
    }
    if (out.export_png) {
        export_view();
    }
    if (out.cancel_job && jobs->cancel(*out.cancel_job)) {
        editor.status = ui::tr(ui::Str::kCancelled);
    }
    if (out.discard_job) {
        jobs->discard(*out.discard_job);
    }
    if (out.start_job) {
        jobs->start(*out.start_job, plan, doc.version());
    }
    if (out.close_compare) {
        compare.close();
        recolour();
    }
    if (out.compare_with) {
        compare.start(*out.compare_with, plan, doc.path());
    }
    if (out.accept_target) {
        accept_sites(ui::JobKind::kTarget);
    }
    if (out.accept_belt_sites) {
        accept_sites(ui::JobKind::kBeltGaps);
    }
    if (!out.accept_groups.empty()) {
        accept_groups(out.accept_groups);
    }
}

void WindowApp::Impl::set_fullscreen(bool on) {
    auto* window =
        dynamic_cast<osgViewer::GraphicsWindow*>(viewer->getCamera()->getGraphicsContext());
    osg::GraphicsContext::WindowingSystemInterface* wsi =
        osg::GraphicsContext::getWindowingSystemInterface();
    if (window == nullptr || wsi == nullptr) {
        return;
    }
    unsigned width = 1280;
    unsigned height = 800;
    if (on) {
        wsi->getScreenResolution(*window->getTraits(), width, height);
    }
    window->setWindowDecoration(!on);
    window->setWindowRectangle(on ? 0 : 40, on ? 0 : 40, static_cast<int>(width),
                               static_cast<int>(height));
    viewer->getCamera()->setViewport(0, 0, static_cast<int>(width), static_cast<int>(height));
}

// The suggested sites of a job (how many more sites, belt gaps) as one undo step.
void WindowApp::Impl::accept_sites(ui::JobKind kind) {
    const analysis::Suggestion* answer = jobs->answer(kind);
    if (answer == nullptr || answer->sites.empty()) {
        return;
    }
    if (jobs->answer_version(kind) != doc.version()) {
        editor.status = ui::tr(ui::Str::kAnswerStale);
        return;
    }
    ui::EditorOutput out;
    const std::vector<int> no_groups;
    out.commands.push_back(
        analysis::suggestion_command(doc.plan(), *answer, ui::tr(ui::Str::kAcceptAll), &no_groups));
    out.end_merge = true;
    jobs->discard(kind);
    apply(out);
}

// The ticked suggested groups become joint organizations, one undo step.
void WindowApp::Impl::accept_groups(const std::vector<int>& groups) {
    const analysis::Suggestion* answer = jobs->answer(ui::JobKind::kMerges);
    if (answer == nullptr || groups.empty()) {
        return;
    }
    if (jobs->answer_version(ui::JobKind::kMerges) != doc.version()) {
        editor.status = ui::tr(ui::Str::kAnswerStale);
        return;
    }
    ui::EditorOutput out;
    out.commands.push_back(
        analysis::suggestion_command(doc.plan(), *answer, ui::tr(ui::Str::kAcceptTicked), &groups));
    out.end_merge = true;
    jobs->discard(ui::JobKind::kMerges);
    apply(out);
}

bool WindowApp::Impl::save_now() {
    const core::Status saved = doc.save();
    if (saved) {
        watch.reset(doc.path());
        editor.status =
            core::tr("window.saved_to", {std::filesystem::path(doc.path()).filename().string()});
    } else {
        // The plan file and the autosave are as they were; the sentence says why. When another
        // program changed the file, the window's question offers Reload or Save as.
        editor.status = core::tr("window.save_failed_why", {saved.error().message});
        if (!doc.file_unchanged() && !editor.files.disk_change.asking()) {
            editor.files.disk_change.ask(doc.path());
        }
    }
    return saved.ok();
}

// The current view (map and overlays) as <plan>-view-<n>.png beside the plan.
void WindowApp::Impl::export_view() {
    const std::filesystem::path plan_file(doc.path());
    const std::filesystem::path png =
        plan_file.parent_path() /
        (plan_file.stem().string() + "-view-" + std::to_string(++exported_views) + ".png");
    bridge->capture_next_frame(png.string());
    editor.status = std::string(ui::tr(ui::Str::kExported)) + " " + png.string();
}

}  // namespace beltplan::app
