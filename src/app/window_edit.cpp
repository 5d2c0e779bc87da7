// Applying what the editor asked for: commands through the UndoStack, then coverage sync,
// recolouring and the reach layer; save, autosave, export of the view, full screen.
#include "analysis/site_suggest.h"
#include "app/window_impl.h"
#include "core/site_commands.h"
#include "io/plan_file.h"
#include "ui/strings.h"

#include <filesystem>

namespace beltplan::app {

std::string WindowApp::Impl::title() const {
    std::string t =
        std::string(ui::tr(ui::Str::kAppTitle)) + " - " + (plan.name.empty() ? path : plan.name);
    if (dirty()) {
        t += ui::tr(ui::Str::kUnsavedMark);
    }
    return t;
}

void WindowApp::Impl::recolour() {
    auto coloring = render::color_villages(plan, coverage->reach(), plan.settings.reach_m,
                                           render::ColoringRequest{});
    if (coloring) {
        scene->set_village_colors(coloring.value().fill);
        legend = coloring.value().legend;
    }
}

void WindowApp::Impl::on_changes(const core::ChangeSet& changes) {
    if (changes.empty()) {
        return;
    }
    ++edits_since_autosave;
    if (coverage->sync(changes)) {
        recolour();
        const analysis::RoadNetwork* network =
            plan.settings.distance == core::DistanceMode::kNetwork ? &coverage->network() : nullptr;
        scene->set_reach(plan, plan.settings.reach_m, plan.settings.distance, network);
    }
    if (changes.contiguity_changed) {
        graph = analysis::contiguity(plan, {});
    }
    if (!changes.joint_orgs.empty() || changes.contiguity_changed) {
        org_checks = analysis::validate_all(plan, graph);
    }
    if (!changes.belts.empty() || !changes.sites.empty() || !changes.settings.empty()) {
        belts = analysis::analyze_belts(plan);
    }
    if (!editor.selected_site.empty() && core::find_site(plan, editor.selected_site) < 0) {
        editor.selected_site.clear();
    }
}

void WindowApp::Impl::apply(ui::EditorOutput& out) {
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
        save_now(out);
    }
    if (out.quit) {
        quitting = true;
        std::error_code ignored;
        std::filesystem::remove(autosave_path(), ignored);  // the planner chose: saved or not
    }
    if (out.fullscreen || out.windowed) {
        set_fullscreen(out.fullscreen);
        ui::fit_to_plan(plan_bounds, editor);
    }
    if (out.export_png) {
        export_view();
    }
    if (out.cancel_target && target_job.valid()) {
        dropped_jobs.push_back(std::move(target_job));
    }
    if (out.compute_target) {
        start_target(*out.compute_target);
    }
    if (out.accept_target) {
        accept_target();
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

// "Fewest new sites reaching `share` of the population" on a copy of the plan, off the frame.
void WindowApp::Impl::start_target(double share) {
    if (target_job.valid()) {
        dropped_jobs.push_back(std::move(target_job));
    }
    analysis::SiteSuggestOptions options;
    options.target_share = share;
    options.radius_m = plan.settings.reach_m;
    options.distance = plan.settings.distance;
    target.reset();
    target_job = std::async(std::launch::async, [copy = plan, options] {
        return analysis::suggest_sites(copy, options);
    });
}

// Takes a finished answer; forgets cancelled jobs once they end (never blocks the frame).
void WindowApp::Impl::poll_jobs() {
    const auto ready = [](const std::future<analysis::Suggestion>& f) {
        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    };
    if (target_job.valid() && ready(target_job)) {
        target = target_job.get();
    }
    for (std::size_t i = 0; i < dropped_jobs.size();) {
        if (ready(dropped_jobs[i])) {
            dropped_jobs.erase(dropped_jobs.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

void WindowApp::Impl::accept_target() {
    if (!target || target->sites.empty()) {
        return;
    }
    std::vector<core::CommandPtr> adds;
    core::Plan scratch = plan;  // ids must stay free as each site is added
    for (const analysis::SuggestedSite& t : target->sites) {
        core::Site site;
        site.id = ui::free_site_id(scratch);
        site.name = std::string(ui::tr(ui::Str::kNewSiteName)) + " " + site.id;
        site.position = t.position;
        site.level = core::SiteLevel::kTown;
        scratch.sites.push_back(site);
        adds.push_back(std::make_unique<core::AddSite>(std::move(site)));
    }
    ui::EditorOutput out;
    out.commands.push_back(
        std::make_unique<core::GroupCommand>(ui::tr(ui::Str::kAcceptAll), std::move(adds)));
    out.end_merge = true;
    target.reset();
    apply(out);
}

void WindowApp::Impl::save_now(ui::EditorOutput& out) {
    const core::Status saved = io::write_plan(plan, path);
    if (saved) {
        history.mark_saved();
        restored = false;
        edits_since_autosave = 0;
        std::error_code ignored;
        std::filesystem::remove(autosave_path(), ignored);
        editor.status = ui::tr(ui::Str::kSaved);
    } else {
        editor.status = std::string(ui::tr(ui::Str::kSaveFailed)) + ": " + saved.error().message;
        out.quit = false;
    }
}

// <plan>.autosave.gpkg beside the plan.
std::string WindowApp::Impl::autosave_path() const {
    const std::filesystem::path p(path);
    return (p.parent_path() / (p.stem().string() + ".autosave.gpkg")).string();
}

// Every kAutosaveS seconds with edits since the last one, the plan goes to the autosave file
// (never over the plan itself); opening the plan later offers the newer autosave back.
void WindowApp::Impl::autosave_if_due() {
    constexpr double kAutosaveS = 60.0;
    const auto now = std::chrono::steady_clock::now();
    if (edits_since_autosave == 0 || !dirty() ||
        std::chrono::duration<double>(now - last_autosave).count() < kAutosaveS) {
        return;
    }
    last_autosave = now;
    if (io::write_plan(plan, autosave_path())) {
        edits_since_autosave = 0;
    }
}

// The current view (map and overlays) as <plan>-view-<n>.png beside the plan.
void WindowApp::Impl::export_view() {
    const std::filesystem::path plan_file(path);
    const std::filesystem::path png =
        plan_file.parent_path() /
        (plan_file.stem().string() + "-view-" + std::to_string(++exported_views) + ".png");
    bridge->capture_next_frame(png.string());
    editor.status = std::string(ui::tr(ui::Str::kExported)) + " " + png.string();
}

}  // namespace beltplan::app
