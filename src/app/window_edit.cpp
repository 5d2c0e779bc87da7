// Applying what the editor asked for: commands through the UndoStack, then the analysis update
// and the scene following its delta; save, autosave, export of the view, full screen.
#include "analysis/apply_suggestion.h"
#include "app/window_impl.h"
#include "io/plan_file.h"
#include "ui/strings.h"

#include <algorithm>
#include <filesystem>
#include <iterator>

namespace beltplan::app {

std::string WindowApp::Impl::title() const {
    std::string t =
        std::string(ui::tr(ui::Str::kAppTitle)) + " - " + (plan.name.empty() ? path : plan.name);
    if (dirty()) {
        t += ui::tr(ui::Str::kUnsavedMark);
    }
    return t;
}

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

}  // namespace

// The colouring mode the coverage panel's combo chose.
render::ColoringRequest WindowApp::Impl::coloring_request() const {
    const render::ColorMode modes[] = {render::ColorMode::kCoverage, render::ColorMode::kDistance,
                                       render::ColorMode::kJointOrg, render::ColorMode::kKind,
                                       render::ColorMode::kAttribute};
    render::ColoringRequest request;
    request.mode = modes[std::clamp(editor.color_mode, 0, 4)];
    request.attribute = "population";
    request.graph = &analysis->contiguity();
    request.per_village = false;  // the shader colours each village from its values
    return request;
}

// New colouring uniforms (and, for the population classes or a comparison, the custom channel)
// and the legend; the per-village reach values stay as they are.
void WindowApp::Impl::recolour() {
    shown_color_mode = editor.color_mode;
    core::Result<render::VillageColoring> coloring =
        comparison && comparison->status_for_a.size() == plan.villages.size()
            ? core::Result<render::VillageColoring>(change_coloring(*comparison))
            : render::color_villages(plan, analysis->reach(), analysis->radius_m(),
                                     coloring_request());
    if (coloring) {
        scene->set_coloring(coloring.value());
        if (tilted_scene) {
            tilted_scene->set_coloring(coloring.value());
        }
        legend = coloring.value().legend;
    }
}

void WindowApp::Impl::on_changes(const core::ChangeSet& changes) {
    if (changes.empty()) {
        return;
    }
    ++edits_since_autosave;
    ++plan_version;
    using analysis::Derived;
    const analysis::AnalysisDelta delta = analysis->update(changes);
    for (render::MapScene* s : {scene.get(), tilted_scene.get()}) {
        if (s != nullptr) {
            s->update(*analysis, delta);
        }
    }
    // The legend names the radius and the groups; the colours themselves follow the values.
    const render::ColorMode mode = coloring_request().mode;
    const bool legend_stale =
        (delta.has(Derived::kRadius) &&
         (mode == render::ColorMode::kCoverage || mode == render::ColorMode::kDistance)) ||
        ((delta.has(Derived::kOrgOutlines) || delta.has(Derived::kContiguity)) &&
         mode == render::ColorMode::kJointOrg);
    if (legend_stale && !comparison) {
        recolour();
    }
    if (!compare_path.empty()) {
        compare_stale = true;  // compared again once the running comparison is done
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
    if (out.cancel_job) {
        cancel_job(*out.cancel_job);
    }
    if (out.discard_job) {
        job(*out.discard_job).answer.reset();
    }
    if (out.start_job) {
        start_job(*out.start_job);
    }
    if (out.close_compare) {
        close_compare();
    }
    if (out.compare_with) {
        start_compare(*out.compare_with);
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

// Runs the strategy the request names (built in, or a plugin's) on a copy of the plan, off the
// frame; a job of the same kind still running is dropped.
void WindowApp::Impl::start_job(const ui::JobRequest& request) {
    Job& j = job(request.kind);
    if (j.future.valid()) {
        j.control->request_stop();  // replaced by the new run
        dropped_jobs.push_back(std::move(j.future));
    }
    analysis::Params params;
    std::string name;
    switch (request.kind) {
        case ui::JobKind::kTarget:
            name = "sites";
            params["target"] = std::to_string(request.share);
            break;
        case ui::JobKind::kMerges:
            name = core::to_code(request.mode);
            break;
        case ui::JobKind::kBeltGaps:
            name = "belt_gaps";
            params["gap"] = std::to_string(request.max_gap_m);
            params["belt"] = request.belt_id;
            break;
    }
    j.answer.reset();
    j.error.clear();
    const analysis::StrategyRegistry::Entry* entry = strategies.find(name);
    if (entry == nullptr) {
        j.error = "there is no suggestion strategy named " + name;
        return;
    }
    j.started = std::chrono::steady_clock::now();
    j.plan_version = plan_version;
    j.control = std::make_shared<analysis::RunControl>();
    j.future = std::async(std::launch::async, [strategy = entry->strategy, copy = plan,
                                               params = std::move(params), control = j.control] {
        return strategy->run(copy, params, control.get());
    });
}

// The frame goes on at once; the strategy stops at its next check and its end is thrown away.
void WindowApp::Impl::cancel_job(ui::JobKind kind) {
    Job& j = job(kind);
    if (j.future.valid()) {
        j.control->request_stop();
        dropped_jobs.push_back(std::move(j.future));
        editor.status = ui::tr(ui::Str::kCancelled);
    }
}

// Takes finished answers; forgets cancelled jobs once they end (never blocks the frame).
void WindowApp::Impl::poll_jobs() {
    const auto ready = [](const std::future<core::Result<analysis::Suggestion>>& f) {
        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    };
    for (Job& j : jobs) {
        if (!j.future.valid() || !ready(j.future)) {
            continue;
        }
        core::Result<analysis::Suggestion> result = j.future.get();
        if (result) {
            j.answer = std::move(result.value());
            ++j.serial;
        } else {
            j.error = result.error().message;
        }
    }
    for (std::size_t i = 0; i < dropped_jobs.size();) {
        if (ready(dropped_jobs[i])) {
            dropped_jobs.erase(dropped_jobs.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

// Reads the other plan (first time) and compares the open plan with it, both measured with
// the open plan's radius and distance mode, off the frame.
void WindowApp::Impl::start_compare(const std::string& other_path) {
    if (compare_job.valid()) {
        dropped_compares.push_back(std::move(compare_job));
    }
    if (!other_path.empty()) {
        compare_path = other_path;
        compare_plan.reset();
        comparison.reset();
    }
    compare_stale = false;
    compare_error.clear();
    analysis::CompareOptions options;
    options.radius_m = plan.settings.reach_m;
    options.distance = plan.settings.distance;
    compare_job = std::async(
        std::launch::async,
        [copy = plan, other = compare_plan, path = compare_path,
         options]() -> core::Result<Compared> {
            std::shared_ptr<const core::Plan> b = other;
            if (!b) {
                auto read = io::read_plan(path);
                if (!read) {
                    return read.error();
                }
                b = std::make_shared<const core::Plan>(std::move(read.value()));
            }
            Compared c{b, analysis::compare_plans(copy, *b, options)};
            if (c.result.a.roads_missing || c.result.b.roads_missing) {
                return core::Error{
                    core::ErrorCode::kBadArgument,
                    (c.result.b.roads_missing ? path : std::string("the open plan")) +
                        " has no roads, so reach along roads cannot be compared; "
                        "switch the distance to straight line or add the roads",
                    {}};
            }
            if (c.result.common_villages == 0) {
                return core::Error{core::ErrorCode::kBadArgument,
                                   path +
                                       ": the plan shares no village code with the open plan, "
                                       "so it is not a version of the same district; open a "
                                       "plan of the same villages",
                                   {}};
            }
            return c;
        });
}

void WindowApp::Impl::poll_compare() {
    const auto ready = [](const std::future<core::Result<Compared>>& f) {
        return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    };
    if (compare_job.valid() && ready(compare_job)) {
        core::Result<Compared> done = compare_job.get();
        if (done) {
            compare_plan = done.value().other;
            comparison = std::move(done.value().result);
            recolour();
        } else {
            compare_error = done.error().message;
            compare_stale = false;
        }
    }
    if (compare_stale && compare_plan && !compare_job.valid()) {
        start_compare("");
    }
    for (std::size_t i = 0; i < dropped_compares.size();) {
        if (ready(dropped_compares[i])) {
            dropped_compares.erase(dropped_compares.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

void WindowApp::Impl::close_compare() {
    if (compare_job.valid()) {
        dropped_compares.push_back(std::move(compare_job));
    }
    compare_path.clear();
    compare_plan.reset();
    comparison.reset();
    compare_error.clear();
    compare_stale = false;
    recolour();
}

// The suggested sites of a job (how many more sites, belt gaps) as one undo step.
void WindowApp::Impl::accept_sites(ui::JobKind kind) {
    Job& j = job(kind);
    if (!j.answer || j.answer->sites.empty()) {
        return;
    }
    if (j.plan_version != plan_version) {
        editor.status = ui::tr(ui::Str::kAnswerStale);
        return;
    }
    ui::EditorOutput out;
    const std::vector<int> no_groups;
    out.commands.push_back(
        analysis::suggestion_command(plan, *j.answer, ui::tr(ui::Str::kAcceptAll), &no_groups));
    out.end_merge = true;
    j.answer.reset();
    apply(out);
}

// The ticked suggested groups become joint organizations, one undo step.
void WindowApp::Impl::accept_groups(const std::vector<int>& groups) {
    Job& j = job(ui::JobKind::kMerges);
    if (!j.answer || groups.empty()) {
        return;
    }
    if (j.plan_version != plan_version) {
        editor.status = ui::tr(ui::Str::kAnswerStale);
        return;
    }
    ui::EditorOutput out;
    out.commands.push_back(
        analysis::suggestion_command(plan, *j.answer, ui::tr(ui::Str::kAcceptTicked), &groups));
    out.end_merge = true;
    j.answer.reset();
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
