// WindowApp: loads the plan, builds the MapScene, opens the osgViewer window (2D ortho camera,
// FIXED resize policy, no manipulator, SingleThreaded) and runs the frame loop: editor frame,
// commands through the UndoStack, coverage sync, recolour, draw.
#include "app/window_app.h"

#include "analysis/plan_analysis.h"
#include "app/commands.h"
#include "app/plugin_host.h"
#include "app/window_impl.h"
#include "io/plan_file.h"
#include "render/fonts.h"
#include "render/map_render.h"
#include "render/map_scene.h"
#include "render/village_colors.h"
#include "ui/editor.h"
#include "ui/imgui_osg.h"
#include "ui/picking.h"
#include "ui/strings.h"

#include <osgViewer/Viewer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace beltplan::app {

namespace {

int report_failure(const std::string& message) {
    std::cerr << "beltplan: " << message << "\n";
    return kExitFailed;
}

std::string sample_plan_path() {
    if (std::filesystem::exists("maps/xuanhua.gpkg")) {
        return "maps/xuanhua.gpkg";
    }
    return BELTPLAN_SAMPLE_PLAN;
}

// Every name the map can show, so the font atlas holds its glyphs.
std::string plan_text(const core::Plan& plan) {
    std::string text = plan.name;
    for (const auto kind : {core::VillageKind::kHub, core::VillageKind::kTidal,
                            core::VillageKind::kBasic, core::VillageKind::kHollow}) {
        text += core::user_term(kind);
    }
    for (const auto& t : plan.townships) {
        text += t.name;
    }
    for (const auto& v : plan.villages) {
        text += v.name;
    }
    for (const auto& r : plan.roads) {
        text += r.name;
    }
    for (const auto& s : plan.sites) {
        text += s.name + s.theme;
    }
    for (const auto& o : plan.joint_orgs) {
        text += o.name;
    }
    for (const auto& b : plan.belts) {
        text += b.name;
    }
    return text;
}

core::Result<osg::ref_ptr<osgViewer::Viewer>> make_viewer(const WindowOptions& options,
                                                          const std::string& title) {
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || display[0] == '\0') {
        return core::Error{core::ErrorCode::kInternal,
                           "there is no display to open the window on (DISPLAY is not set); "
                           "run it under X or xvfb-run, or use `beltplan render` for a PNG",
                           {}};
    }
    osg::ref_ptr<osg::GraphicsContext::Traits> traits = new osg::GraphicsContext::Traits;
    traits->readDISPLAY();  // Traits default to :0 otherwise
    traits->x = 40;
    traits->y = 40;
    traits->width = options.width_px;
    traits->height = options.height_px;
    traits->windowDecoration = true;
    traits->doubleBuffer = true;
    traits->stencil = 8;  // reach discs and belt bands blend each pixel once (set_blend_once)
    traits->windowName = title;
    osg::ref_ptr<osg::GraphicsContext> gc =
        osg::GraphicsContext::createGraphicsContext(traits.get());
    if (!gc) {
        return core::Error{core::ErrorCode::kInternal,
                           std::string("the window could not be opened on display ") + display,
                           {}};
    }
    osg::ref_ptr<osgViewer::Viewer> viewer = new osgViewer::Viewer;
    viewer->setThreadingModel(osgViewer::Viewer::SingleThreaded);
    viewer->setKeyEventSetsDone(0);
    viewer->setQuitEventSetsDone(false);
    osg::Camera* camera = viewer->getCamera();
    camera->setGraphicsContext(gc.get());
    camera->setViewport(0, 0, options.width_px, options.height_px);
    camera->setProjectionResizePolicy(osg::Camera::FIXED);
    camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    camera->setClearColor(osg::Vec4(0.96f, 0.96f, 0.94f, 1.f));
    camera->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    camera->setDrawBuffer(GL_BACK);
    camera->setReadBuffer(GL_BACK);
    return viewer;
}

}  // namespace

WindowApp::Impl::~Impl() {
    for (Job& j : jobs) {
        if (j.control) {
            j.control->request_stop();  // the futures below then end soon, not at the answer
        }
    }
    if (viewer && bridge) {
        osg::GraphicsContext* gc = viewer->getCamera()->getGraphicsContext();
        if (gc != nullptr && gc->makeCurrent()) {
            bridge->release_gl();
            gc->releaseContext();
        }
    }
    viewer = nullptr;
}

// The camera looks at the view centre from a local frame, so matrices stay small numbers. In
// 2.5D it looks down at the same centre from the heading and tilt the editor holds, from as far
// as shows the same ground height as the 2D view.
void WindowApp::Impl::update_camera() {
    osg::Camera* camera = viewer->getCamera();
    const osg::Viewport* vp = camera->getViewport();
    editor.view.set_viewport(static_cast<int>(vp->width()), static_cast<int>(vp->height()));
    if (editor.tilted != (tilted_scene != nullptr)) {
        show_tilted(editor.tilted);
    }
    const core::PointM c = editor.view.center();
    const double half_w = editor.view.width_px() * editor.view.m_per_px() / 2.0;
    const double half_h = editor.view.height_px() * editor.view.m_per_px() / 2.0;
    if (!tilted_scene) {
        scene->set_view_scale(editor.view.m_per_px());
        camera->setProjectionMatrixAsOrtho(-half_w, half_w, -half_h, half_h, -1.0e5, 1.0e5);
        camera->setViewMatrix(osg::Matrixd::translate(-c.x, -c.y, 0.0));
        return;
    }
    constexpr double kHalfFovDeg = 15.0;
    const double kDeg = osg::PI / 180.0;
    const double d = half_h / std::tan(kHalfFovDeg * kDeg);
    const double tilt = editor.tilt_deg * kDeg;
    const double heading = editor.heading_deg * kDeg;
    const core::PointM& o = tilted_scene->origin();
    const osg::Vec3d target(c.x - o.x, c.y - o.y, 0.0);
    const osg::Vec3d ahead(std::sin(heading), std::cos(heading), 0.0);
    const osg::Vec3d eye =
        target - ahead * (std::sin(tilt) * d) + osg::Vec3d(0, 0, std::cos(tilt) * d);
    camera->setViewMatrix(osg::Matrixd::translate(-o.x, -o.y, 0.0) *
                          osg::Matrixd::lookAt(eye, target, ahead));
    camera->setProjectionMatrixAsPerspective(2.0 * kHalfFovDeg, half_w / half_h, d * 0.02, d * 6.0);
}

render::SceneInputs WindowApp::Impl::scene_inputs(bool extruded) {
    render::SceneInputs inputs;
    inputs.plan = &plan;
    inputs.analysis = analysis.get();
    inputs.font = font;
    inputs.m_per_px = editor.view.m_per_px();
    inputs.extruded = extruded;
    return inputs;
}

// The 2.5D scene is built from the plan as it is when it is shown (villages raised by
// population, the sites drawn by the scene) and dropped when the 2D view comes back.
void WindowApp::Impl::show_tilted(bool on) {
    if (on) {
        tilted_scene = std::make_unique<render::MapScene>(scene_inputs(true));
        const double extent = std::max(plan_bounds.width(), plan_bounds.height());
        tilted_scene->set_village_heights(render::village_heights(plan, "population", extent));
        viewer->setSceneData(tilted_scene->root().get());
        recolour();
    } else {
        viewer->setSceneData(scene->root().get());
        tilted_scene.reset();
    }
}

core::Result<std::unique_ptr<WindowApp>> WindowApp::open(const WindowOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->path = options.plan_path.empty() ? sample_plan_path() : options.plan_path;
    auto plan = io::read_plan(impl->path);
    if (!plan) {
        return plan.error();
    }
    impl->plan = std::move(plan.value());
    const std::string autosave = impl->autosave_path();
    std::error_code err;
    if (std::filesystem::exists(autosave, err) &&
        std::filesystem::last_write_time(autosave, err) >=
            std::filesystem::last_write_time(impl->path, err)) {
        auto restored = io::read_plan(autosave);
        if (restored) {
            impl->plan = std::move(restored.value());
            impl->restored = true;
            impl->editor.status = ui::tr(ui::Str::kRestoredAutosave);
        }
    }
    auto viewer = make_viewer(options, impl->title());
    if (!viewer) {
        return viewer.error();
    }
    impl->viewer = viewer.value();
    analysis::AnalysisOptions settings;
    settings.file = impl->path;
    impl->analysis = std::make_unique<analysis::PlanAnalysis>(impl->plan, settings);
    impl->picker = std::make_unique<ui::VillagePicker>(impl->plan);
    impl->plan_bounds = core::bounds(impl->plan);
    analysis::register_builtin_strategies(impl->strategies);
    for (const std::string& problem :
         load_plugin_dir(default_plugin_dir(), impl->strategies, false)) {
        std::cerr << "beltplan: " << problem << "\n";  // the built-in strategy stays in use
    }
    impl->bridge = std::make_unique<ui::ImGuiBridge>(plan_text(impl->plan));
    if (!impl->bridge->font_error().empty()) {
        std::cerr << "beltplan: " << impl->bridge->font_error() << "; labels fall back to Latin\n";
    }
    auto font = render::load_cjk_font(false);
    if (font) {
        impl->font = font.value();
    }
    impl->editor.view.set_viewport(options.width_px, options.height_px);
    ui::fit_to_plan(impl->plan_bounds, impl->editor);
    impl->scene = std::make_unique<render::MapScene>(impl->scene_inputs(false));
    impl->scene->set_visible(render::Layer::kSites, false);  // the editor draws live markers
    impl->recolour();
    impl->viewer->setSceneData(impl->scene->root().get());
    impl->viewer->addEventHandler(impl->bridge->event_handler().get());
    impl->viewer->getCamera()->setPostDrawCallback(impl->bridge->draw_callback().get());
    impl->viewer->realize();
    if (!impl->viewer->isRealized()) {
        return core::Error{core::ErrorCode::kInternal, "the window could not be realized", {}};
    }
    if (osg::GraphicsContext* gc = impl->viewer->getCamera()->getGraphicsContext();
        gc != nullptr && gc->makeCurrent()) {
        impl->bridge->init_gl();
        gc->releaseContext();
    }
    impl->shown_title = impl->title();
    if (!options.compare_path.empty()) {
        impl->start_compare(options.compare_path);
    }
    return std::unique_ptr<WindowApp>(new WindowApp(std::move(impl)));
}

WindowApp::WindowApp(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WindowApp::~WindowApp() = default;

bool WindowApp::step() {
    Impl& s = *impl_;
    const auto now = std::chrono::steady_clock::now();
    const double dt = std::chrono::duration<double>(now - s.last_frame).count();
    s.last_frame = now;
    const osg::Viewport* vp = s.viewer->getCamera()->getViewport();
    s.bridge->new_frame(static_cast<int>(vp->width()), static_cast<int>(vp->height()), dt);
    if (s.bridge->take_close_request()) {
        if (s.dirty()) {
            s.editor.confirm_quit = true;
        } else {
            s.quitting = true;
        }
    }
    ui::EditorContext context;
    context.plan = &s.plan;
    context.analysis = s.analysis.get();
    context.picker = s.picker.get();
    context.legend = &s.legend;
    s.poll_jobs();
    s.poll_compare();
    context.compare_path = s.compare_path;
    context.comparison = s.comparison ? &*s.comparison : nullptr;
    context.compare_running = s.compare_job.valid();
    context.compare_error = s.compare_error;
    for (std::size_t k = 0; k < ui::kJobKinds; ++k) {
        const Impl::Job& j = s.jobs[k];
        ui::JobStatus& status = context.jobs[k];
        status.running = j.future.valid();
        status.elapsed_s =
            status.running ? std::chrono::duration<double>(now - j.started).count() : 0.0;
        status.answer = j.answer ? &*j.answer : nullptr;
        status.progress = status.running && j.control ? j.control->progress() : 0.0;
        status.stale = j.answer.has_value() && j.plan_version != s.plan_version;
        status.serial = j.serial;
        status.error = j.error;
    }
    if (s.editor.tool == ui::Tool::kMeasure && s.editor.measure_along_roads) {
        context.network = &s.analysis->road_network();  // built on first use
    }
    context.plan_bounds = s.plan_bounds;
    context.dirty = s.dirty();
    context.can_undo = s.history.can_undo();
    context.can_redo = s.history.can_redo();
    context.undo_label = s.history.undo_label();
    context.redo_label = s.history.redo_label();
    ui::EditorOutput out = ui::draw_editor(context, s.editor);
    s.bridge->end_frame();
    s.apply(out);
    if (s.editor.color_mode != s.shown_color_mode) {
        s.recolour();
    }
    s.autosave_if_due();
    s.update_camera();
    const std::string t = s.title();
    if (t != s.shown_title) {
        s.shown_title = t;
        if (auto* window = dynamic_cast<osgViewer::GraphicsWindow*>(
                s.viewer->getCamera()->getGraphicsContext())) {
            window->setWindowName(t);
        }
    }
    s.viewer->frame();
    return !s.quitting && !s.viewer->done();
}

int WindowApp::run() {
    while (step()) {
    }
    return kExitOk;
}

const core::Plan& WindowApp::plan() const {
    return impl_->plan;
}
const core::UndoStack& WindowApp::history() const {
    return impl_->history;
}
const render::MapScene& WindowApp::scene() const {
    return *impl_->scene;
}
const analysis::PlanAnalysis& WindowApp::analysis() const {
    return *impl_->analysis;
}
ui::EditorState& WindowApp::editor() {
    return impl_->editor;
}
const std::string& WindowApp::plan_path() const {
    return impl_->path;
}
osgGA::EventQueue& WindowApp::events() {
    auto* window =
        dynamic_cast<osgViewer::GraphicsWindow*>(impl_->viewer->getCamera()->getGraphicsContext());
    return *window->getEventQueue();
}
const analysis::PlanComparison* WindowApp::comparison() const {
    return impl_->comparison ? &*impl_->comparison : nullptr;
}

bool WindowApp::comparing() const {
    return impl_->compare_job.valid() || impl_->compare_stale;
}

const std::string& WindowApp::compare_error() const {
    return impl_->compare_error;
}

int WindowApp::target_sites() const {
    const auto& answer = impl_->jobs[static_cast<std::size_t>(ui::JobKind::kTarget)].answer;
    return answer ? static_cast<int>(answer->sites.size()) : -1;
}

const analysis::Suggestion* WindowApp::answer(ui::JobKind kind) const {
    const auto& answer = impl_->jobs[static_cast<std::size_t>(kind)].answer;
    return answer ? &*answer : nullptr;
}

bool WindowApp::job_running(ui::JobKind kind) const {
    return impl_->jobs[static_cast<std::size_t>(kind)].future.valid();
}

std::string WindowApp::title() const {
    return impl_->title();
}

void WindowApp::save() {
    ui::EditorOutput out;
    impl_->save_now(out);
}

void WindowApp::capture_next_frame(const std::string& png_path) {
    impl_->bridge->capture_next_frame(png_path);
}
const std::string& WindowApp::capture_result() const {
    return impl_->bridge->capture_result();
}

int run_window(const WindowOptions& options) {
    auto app = WindowApp::open(options);
    if (!app) {
        return report_failure(app.error().message);
    }
    if (options.screenshot_path.empty()) {
        return app.value()->run();
    }
    for (int i = 0; i < options.frames_before_screenshot; ++i) {
        app.value()->step();
    }
    // A comparison asked for on the command line is part of the picture: wait for it.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    while (app.value()->comparing() && std::chrono::steady_clock::now() < give_up) {
        app.value()->step();
    }
    if (!app.value()->compare_error().empty()) {
        return report_failure(app.value()->compare_error());
    }
    app.value()->capture_next_frame(options.screenshot_path);
    app.value()->step();
    if (app.value()->capture_result() != "ok") {
        return report_failure(app.value()->capture_result());
    }
    std::cout << "wrote " << options.screenshot_path << "\n";
    return kExitOk;
}

}  // namespace beltplan::app
