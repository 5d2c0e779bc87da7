// WindowApp: opens the plan document, its analysis and map display, the osgViewer window (2D
// ortho camera, FIXED resize policy, no manipulator, SingleThreaded) and runs the frame loop:
// editor frame, commands through the UndoStack, analysis update, the map following it, draw.
#include "app/window_app.h"

#include "analysis/plan_analysis.h"
#include "app/commands.h"
#include "app/window_impl.h"
#include "core/messages.h"
#include "render/fonts.h"
#include "ui/autosave_policy.h"
#include "ui/editor.h"
#include "ui/imgui_osg.h"
#include "ui/input_queue.h"
#include "ui/picking.h"
#include "ui/strings.h"

#include <osgGA/EventQueue>
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

// The window manager's close button must ask first, but osgViewer closes the window on a
// CLOSE_WINDOW event before any handler sees it: such events are taken out of the window's
// queue here, before the viewer's frame, and become a close request.
bool take_close_events(osgViewer::Viewer& viewer) {
    auto* window =
        dynamic_cast<osgViewer::GraphicsWindow*>(viewer.getCamera()->getGraphicsContext());
    if (window == nullptr || !window->valid()) {
        return false;
    }
    window->checkEvents();  // turns the window system's close message into an event
    osgGA::EventQueue::Events events;
    window->getEventQueue()->takeEvents(events);
    bool close = false;
    for (const osg::ref_ptr<osgGA::Event>& e : events) {
        const osgGA::GUIEventAdapter* ea = e->asGUIEventAdapter();
        if (ea != nullptr && (ea->getEventType() == osgGA::GUIEventAdapter::CLOSE_WINDOW ||
                              ea->getEventType() == osgGA::GUIEventAdapter::QUIT_APPLICATION)) {
            close = true;
            continue;
        }
        window->getEventQueue()->addEvent(e.get());
    }
    return close;
}

}  // namespace

WindowApp::Impl::~Impl() {
    jobs.reset();  // asks running suggestions to stop before the rest goes
    if (viewer && bridge) {
        osg::GraphicsContext* gc = viewer->getCamera()->getGraphicsContext();
        if (gc != nullptr && gc->makeCurrent()) {
            bridge->release_gl();
            gc->releaseContext();
        }
    }
    viewer = nullptr;
}

void WindowApp::Impl::update_camera() {
    osg::Camera* camera = viewer->getCamera();
    const osg::Viewport* vp = camera->getViewport();
    editor.view.set_viewport(static_cast<int>(vp->width()), static_cast<int>(vp->height()));
    if (map->show_tilted(editor.style.tilted, editor.style.color_mode, comparison())) {
        viewer->setSceneData(map->root());
    }
    map->aim(*camera, editor);
}

void WindowApp::Impl::recolour() {
    map->recolour(editor.style.color_mode, comparison());
}

ui::EditorContext WindowApp::Impl::context() const {
    const core::Plan& plan = doc.plan();
    ui::EditorContext c;
    c.plan = &plan;
    c.analysis = analysis.get();
    c.picker = picker.get();
    c.legend = &map->legend();
    c.compare_path = compare.path();
    c.comparison = compare.result();
    c.compare_running = compare.running();
    c.compare_error = compare.error();
    for (std::size_t k = 0; k < ui::kJobKinds; ++k) {
        c.jobs[k] = jobs->status(static_cast<ui::JobKind>(k), doc.version());
    }
    if (editor.tool == ui::Tool::kMeasure && editor.measure.along_roads) {
        c.network = &analysis->road_network();  // built on first use
    }
    c.plan_bounds = map->scene().bounds();
    c.dirty = doc.dirty();
    c.plan_version = doc.version();
    c.plan_path = doc.path();
    c.recent = &recent;
    c.import_available = true;
    c.export_formats = {ui::MapFormat::kPng, ui::MapFormat::kPdf, ui::MapFormat::kSvg};
    c.road_problems = &road_check.problems;
    c.road_problem_text = &road_problem_text;
    c.can_undo = doc.history().can_undo();
    c.can_redo = doc.history().can_redo();
    c.undo_label = doc.history().undo_label();
    c.redo_label = doc.history().redo_label();
    return c;
}

core::Result<std::unique_ptr<WindowApp>> WindowApp::open(const WindowOptions& options) {
    ui::set_language(ui::window_language());
    auto impl = std::make_unique<Impl>();
    impl->autosave_interval_s = options.autosave_interval_s;
    impl->doc.set_autosave_interval(options.autosave_interval_s);
    if (core::Status opened =
            impl->doc.open(options.plan_path.empty() ? sample_plan_path() : options.plan_path);
        !opened) {
        return opened.error();
    }
    if (const auto& offer = impl->doc.autosave_offer()) {
        impl->editor.files.autosave.ask(offer->path, offer->written);  // Restore or Discard
    }
    (void)impl->recent.load();  // an unreadable list is an empty one
    (void)impl->recent.add(impl->doc.path());
    impl->watch.reset(impl->doc.path());
    auto viewer = make_viewer(options, impl->title());
    if (!viewer) {
        return viewer.error();
    }
    impl->viewer = viewer.value();
    const core::Plan& plan = impl->doc.plan();
    analysis::AnalysisOptions settings;
    settings.file = impl->doc.path();
    impl->analysis = std::make_unique<analysis::PlanAnalysis>(plan, settings);
    impl->picker = std::make_unique<ui::VillagePicker>(plan);
    impl->jobs = std::make_unique<SuggestionJobs>();
    impl->bridge = std::make_unique<ui::ImGuiBridge>(plan_text(plan));
    if (!impl->bridge->font_error().empty()) {
        std::cerr << "beltplan: " << impl->bridge->font_error() << "; labels fall back to Latin\n";
    }
    if (auto loaded = render::load_cjk_font(false); loaded) {
        impl->font = loaded.value();  // labels; none without a CJK font
    }
    impl->editor.view.set_viewport(options.width_px, options.height_px);
    ui::fit_to_plan(core::bounds(plan), impl->editor);
    impl->map = std::make_unique<MapDisplay>(plan, *impl->analysis, impl->editor.view, impl->font);
    impl->check_roads();
    impl->recolour();
    impl->viewer->setSceneData(impl->map->root());
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
        impl->compare.start(options.compare_path, plan, impl->doc.path());
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
        s.request_quit();  // asks Save / Discard / Cancel when there are unsaved changes
    }
    s.watch_plan_file();
    s.jobs->poll();
    if (s.compare.poll(s.doc.plan(), s.doc.path())) {
        s.recolour();
    }
    ui::EditorOutput out = ui::draw_editor(s.context(), s.editor);
    s.bridge->end_frame();
    s.apply(out);
    if (s.editor.style.color_mode != s.map->shown_color_mode()) {
        s.recolour();
    }
    if (core::Status autosaved = s.doc.autosave_if_due(ui::edit_in_progress(s.editor));
        !autosaved) {
        s.editor.status = core::tr("window.autosave_failed", {autosaved.error().message});
    }
    s.update_camera();
    const std::string t = s.title();
    if (t != s.shown_title) {
        s.shown_title = t;
        if (auto* window = dynamic_cast<osgViewer::GraphicsWindow*>(
                s.viewer->getCamera()->getGraphicsContext())) {
            window->setWindowName(t);
        }
    }
    if (take_close_events(*s.viewer)) {
        s.request_quit();  // answered in the next frames; the window stays until then
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
    return impl_->doc.plan();
}
const core::UndoStack& WindowApp::history() const {
    return impl_->doc.history();
}
const render::MapScene& WindowApp::scene() const {
    return impl_->map->scene();
}
const analysis::PlanAnalysis& WindowApp::analysis() const {
    return *impl_->analysis;
}
ui::EditorState& WindowApp::editor() {
    return impl_->editor;
}
const std::string& WindowApp::plan_path() const {
    return impl_->doc.path();
}
osgGA::EventQueue& WindowApp::events() {
    auto* window =
        dynamic_cast<osgViewer::GraphicsWindow*>(impl_->viewer->getCamera()->getGraphicsContext());
    return *window->getEventQueue();
}
const analysis::PlanComparison* WindowApp::comparison() const {
    return impl_->compare.result();
}

bool WindowApp::comparing() const {
    return impl_->compare.pending();
}

const std::string& WindowApp::compare_error() const {
    return impl_->compare.error();
}

int WindowApp::target_sites() const {
    const analysis::Suggestion* answer = impl_->jobs->answer(ui::JobKind::kTarget);
    return answer != nullptr ? static_cast<int>(answer->sites.size()) : -1;
}

const analysis::Suggestion* WindowApp::answer(ui::JobKind kind) const {
    return impl_->jobs->answer(kind);
}

bool WindowApp::job_running(ui::JobKind kind) const {
    return impl_->jobs->running(kind);
}

std::string WindowApp::title() const {
    return impl_->title();
}

bool WindowApp::save() {
    return impl_->save_now();
}

std::string WindowApp::status() const {
    return impl_->editor.status.text();
}

std::size_t WindowApp::pending_input() const {
    return impl_->bridge->input().pending();
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
