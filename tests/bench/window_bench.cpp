// Window benchmarks (needs an X display: run under xvfb-run -s "-screen 0 1280x800x24"): a
// generated plan with real-looking shared boundaries (bench_plans.h wavy_grid_plan: one site
// per 10 villages, townships of 10 x 10, a road on every grid line) opened in a 1280x800 window,
// then real frames: idle at the overview (the reference), panning, wheel zooming, a radius tick
// (the coverage slider dragged), a site dragged, idle and dragging zoomed in to 40 km, and
// frames while a site suggestion runs off the frame. Sizes: 5k, 50k and 200k villages; each
// size opens its window once (BM_Window_Open) and the other benchmarks reuse it. Only the
// window's public interface is used, so the same file measures an older build beside this one.
// BELTPLAN_SCREENSHOT_DIR set: saves the window after the overview idle frames of each size.
#include "app/window_app.h"
#include "bench_plans.h"
#include "io/plan_file.h"
#include "ui/editor.h"

#include <benchmark/benchmark.h>
#include <osgGA/EventQueue>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>

namespace {

using namespace beltplan;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The plan of n villages written once to a temporary GeoPackage.
std::string plan_file(int n) {
    static std::map<int, std::string> files;
    auto it = files.find(n);
    if (it != files.end()) {
        return it->second;
    }
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "beltplan_bench";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / ("window_wavy_" + std::to_string(n) + ".gpkg")).string();
    if (!std::filesystem::exists(path)) {
        core::Plan plan = bench::wavy_grid_plan(n);
        bench::add_grid_roads(plan);
        if (!io::write_plan(plan, path)) {
            std::fprintf(stderr, "could not write %s\n", path.c_str());
            std::exit(1);
        }
    }
    return files.emplace(n, path).first->second;
}

// The open window of each size (opened by BM_Window_Open, or here when that did not run).
std::map<int, std::unique_ptr<app::WindowApp>>& windows() {
    static std::map<int, std::unique_ptr<app::WindowApp>> opened;
    return opened;
}

// Opens the window of size n; a window of another size is closed first (one at a time: each
// holds the process's ImGui backend).
std::unique_ptr<app::WindowApp> open(int n, double* ms) {
    for (auto it = windows().begin(); it != windows().end();) {
        it = it->first != n ? windows().erase(it) : std::next(it);
    }
    app::WindowOptions options;
    options.plan_path = plan_file(n);
    // An autosave left by an earlier run would open the Restore / Discard question, which
    // takes the input every later benchmark sends (no radius tick, no drag would happen).
    const std::filesystem::path plan(options.plan_path);
    std::filesystem::remove(plan.parent_path() / (plan.stem().string() + ".autosave.gpkg"));
    const auto start = Clock::now();
    auto opened = app::WindowApp::open(options);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        std::exit(1);
    }
    opened.value()->step();
    *ms = ms_since(start);
    return std::move(opened.value());
}

// The target share of "how many more sites", wherever the editor state keeps it: the same
// file measures builds from before and after the editor state was split into parts.
template <typename State>
auto target_share(State& s, int) -> decltype((s.suggestions.target_share)) {
    return s.suggestions.target_share;
}
template <typename State>
auto target_share(State& s, long) -> decltype((s.target_share)) {
    return s.target_share;
}

constexpr double kZoomedSpanM = 40000.0;  // as when placing a site
constexpr int kWarmUpFrames = 5;          // labels, glyphs and buffers made on first sight

// The window of size n showing the whole plan, warmed up.
app::WindowApp& overview(int n) {
    std::unique_ptr<app::WindowApp>& app = windows()[n];
    if (!app) {
        double ms = 0;
        app = open(n, &ms);
    }
    ui::fit_to_plan(core::bounds(app->plan()), app->editor());
    for (int i = 0; i < kWarmUpFrames; ++i) {
        app->step();
    }
    return *app;
}

app::WindowApp& zoomed(int n) {
    app::WindowApp& app = overview(n);
    app.editor().view.fly_to(app.editor().view.center(), kZoomedSpanM);
    for (int i = 0; i < kWarmUpFrames; ++i) {
        app.step();
    }
    return app;
}

ui::ScreenPoint map_centre(app::WindowApp& app) {
    return app.editor().view.to_screen(app.editor().view.center());
}

void BM_Window_Open(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    plan_file(n);
    for (auto _ : state) {
        windows()[n].reset();
        double ms = 0;
        windows()[n] = open(n, &ms);
        state.SetIterationTime(ms / 1000.0);
    }
}

// The reference: frames with nothing happening, the whole plan in view.
void BM_Window_IdleOverview(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    app::WindowApp& app = overview(n);
    for (auto _ : state) {
        app.step();
    }
    if (const char* dir = std::getenv("BELTPLAN_SCREENSHOT_DIR")) {
        app.capture_next_frame(std::string(dir) + "/window_overview_" + std::to_string(n) + ".png");
        app.step();
    }
}

void BM_Window_IdleZoomed(benchmark::State& state) {
    app::WindowApp& app = zoomed(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        app.step();
    }
}

// The map dragged with the right button, 4 px a frame, back and forth.
void BM_Window_Pan(benchmark::State& state) {
    app::WindowApp& app = overview(static_cast<int>(state.range(0)));
    ui::ScreenPoint p = map_centre(app);
    app.events().mouseMotion(p.x, p.y);
    app.events().mouseButtonPress(p.x, p.y, 3);
    app.step();
    int step = 0;
    for (auto _ : state) {
        p.x += (step++ % 20 < 10) ? 4.f : -4.f;
        app.events().mouseMotion(p.x, p.y);
        app.step();
    }
    app.events().mouseButtonRelease(p.x, p.y, 3);
    app.step();
}

// One wheel notch a frame at the map centre, in and out around the overview.
void BM_Window_WheelZoom(benchmark::State& state) {
    app::WindowApp& app = overview(static_cast<int>(state.range(0)));
    const ui::ScreenPoint p = map_centre(app);
    app.events().mouseMotion(p.x, p.y);
    app.step();
    int step = 0;
    for (auto _ : state) {
        app.events().mouseScroll((step++ % 6 < 3) ? osgGA::GUIEventAdapter::SCROLL_UP
                                                  : osgGA::GUIEventAdapter::SCROLL_DOWN);
        app.step();
    }
}

// The coverage panel's radius slider held and moved a pixel a frame (one SetReachRadius
// each), the whole plan in view.
void BM_Window_RadiusTick(benchmark::State& state) {
    app::WindowApp& app = overview(static_cast<int>(state.range(0)));
    const std::optional<ui::ScreenPoint> slider = ui::item_center("coverage.radius");
    if (!slider) {
        state.SkipWithError("the radius slider is not on screen");
        return;
    }
    ui::ScreenPoint p = *slider;
    app.events().mouseMotion(p.x, p.y);
    app.step();
    app.events().mouseButtonPress(p.x, p.y, 1);
    app.step();
    app.step();
    int step = 0;
    int ticks = 0;  // frames whose radius differs from the frame before
    double radius = app.plan().settings.reach_m;
    for (auto _ : state) {
        p.x += (step++ % 10 < 5) ? 1.f : -1.f;
        app.events().mouseMotion(p.x, p.y);
        app.step();
        ticks += app.plan().settings.reach_m != radius ? 1 : 0;
        radius = app.plan().settings.reach_m;
    }
    app.events().mouseButtonRelease(p.x, p.y, 1);
    app.step();
    app.step();
    state.counters["radius_ticks"] = ticks;
}

// The site nearest the view centre is pressed, then every iteration moves the cursor by a few
// pixels with the button held: one MoveSite per frame, as a planner dragging.
void drag_site(benchmark::State& state, app::WindowApp& app) {
    const core::Plan& plan = app.plan();
    const core::PointM c = app.editor().view.center();
    const auto nearest =
        std::min_element(plan.sites.begin(), plan.sites.end(), [&](const auto& a, const auto& b) {
            return core::distance_m(a.position, c) < core::distance_m(b.position, c);
        });
    ui::ScreenPoint p = app.editor().view.to_screen(nearest->position);
    app.events().mouseMotion(p.x, p.y);
    app.step();
    app.events().mouseButtonPress(p.x, p.y, 1);
    app.step();
    app.step();
    const std::size_t undo_before = app.history().undo_count();
    int step = 0;
    for (auto _ : state) {
        p.x += (step++ % 20 < 10) ? 3.f : -3.f;
        app.events().mouseMotion(p.x, p.y);
        app.step();
    }
    app.events().mouseButtonRelease(p.x, p.y, 1);
    app.step();
    app.step();
    state.counters["drag_steps_in_history"] =
        static_cast<double>(app.history().undo_count() - undo_before);
}

void BM_Window_DragSiteOverview(benchmark::State& state) {
    drag_site(state, overview(static_cast<int>(state.range(0))));
}

void BM_Window_DragSiteZoomed(benchmark::State& state) {
    drag_site(state, zoomed(static_cast<int>(state.range(0))));
}

// Frames drawn while "how many more sites reach 99% of the population" runs on its copy of
// the plan: the frame time the planner sees, and how long the answer takes (counter job_s).
void BM_Window_FrameWhileSuggesting(benchmark::State& state) {
    app::WindowApp& app = overview(static_cast<int>(state.range(0)));
    target_share(app.editor(), 0) = 0.99f;
    for (int i = 0; i < 3; ++i) {
        app.step();
    }
    const std::optional<ui::ScreenPoint> button = ui::item_center("target.compute");
    if (!button) {
        state.SkipWithError("the suggest button is not on screen");
        return;
    }
    double job_s = 0;
    double worst_ms = 0;
    int frames = 0;
    for (auto _ : state) {
        app.events().mouseMotion(button->x, button->y);
        app.events().mouseButtonPress(button->x, button->y, 1);
        app.events().mouseButtonRelease(button->x, button->y, 1);
        for (int i = 0; i < 3; ++i) {
            app.step();
        }
        const auto start = Clock::now();
        while (app.job_running(ui::JobKind::kTarget)) {
            const auto frame = Clock::now();
            app.step();
            worst_ms = std::max(worst_ms, ms_since(frame));
            ++frames;
        }
        job_s += ms_since(start) / 1000.0;
    }
    state.counters["job_s"] = benchmark::Counter(job_s, benchmark::Counter::kAvgIterations);
    state.counters["frames_during_job"] =
        benchmark::Counter(frames, benchmark::Counter::kAvgIterations);
    state.counters["worst_frame_ms"] = worst_ms;
}

constexpr int kFrames = 10;  // frames per measurement (fixed: 200k frames take seconds)

}  // namespace

// Sizes run in this order; filter by size (e.g. --benchmark_filter=/50000) to run one.
BENCHMARK(BM_Window_Open)
    ->Arg(5000)
    ->Arg(50000)
    ->Arg(200000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_IdleOverview)
    ->Arg(5000)
    ->Arg(50000)
    ->Arg(200000)
    ->Iterations(kFrames)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_Pan)
    ->Arg(5000)
    ->Arg(50000)
    ->Arg(200000)
    ->Iterations(kFrames)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_WheelZoom)
    ->Arg(5000)
    ->Arg(50000)
    ->Arg(200000)
    ->Iterations(kFrames)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_RadiusTick)
    ->Arg(5000)
    ->Arg(50000)
    ->Arg(200000)
    ->Iterations(kFrames)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_DragSiteOverview)
    ->Arg(5000)
    ->Arg(50000)
    ->Arg(200000)
    ->Iterations(kFrames)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_IdleZoomed)
    ->Arg(5000)
    ->Arg(50000)
    ->Arg(200000)
    ->Iterations(kFrames)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_DragSiteZoomed)
    ->Arg(5000)
    ->Arg(50000)
    ->Arg(200000)
    ->Iterations(kFrames)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_FrameWhileSuggesting)
    ->Arg(5000)
    ->Arg(50000)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// The windows are closed before the program's statics go (OSG's and ImGui's among them).
int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    windows().clear();
    benchmark::Shutdown();
    return 0;
}
