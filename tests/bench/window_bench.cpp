// Window benchmarks (needs an X display: run under xvfb-run): opening a generated plan, an
// idle frame (the reference), a frame of dragging a site (command, live coverage, recolour,
// belts, draw), and frames drawn while a site suggestion runs off the frame.
// Sizes: 5k and 50k villages (one site per 10 villages, a road on every grid line).
// BELTPLAN_SCREENSHOT_DIR set: saves the window after the drag of each size.
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
    core::Plan plan = bench::grid_plan(n);
    bench::add_grid_roads(plan);
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "beltplan_bench";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / ("window_" + std::to_string(n) + ".gpkg")).string();
    std::filesystem::remove(path);
    if (!io::write_plan(plan, path)) {
        std::fprintf(stderr, "could not write %s\n", path.c_str());
        std::exit(1);
    }
    return files.emplace(n, path).first->second;
}

std::unique_ptr<app::WindowApp> open(int n, double* ms = nullptr) {
    app::WindowOptions options;
    options.plan_path = plan_file(n);
    const auto start = Clock::now();
    auto opened = app::WindowApp::open(options);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.error().message.c_str());
        std::exit(1);
    }
    opened.value()->step();
    if (ms != nullptr) {
        *ms = ms_since(start);
    }
    return std::move(opened.value());
}

void BM_Window_OpenAndFirstFrame(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    plan_file(n);
    for (auto _ : state) {
        double ms = 0;
        auto app = open(n, &ms);
        state.SetIterationTime(ms / 1000.0);
    }
}

constexpr double kZoomedSpanM = 40000.0;  // as when placing a site
constexpr int kWarmUpFrames = 5;          // labels, glyphs and buffers made on first sight

// The reference: frames with nothing happening, at the overview (range 1 = 0) or zoomed in
// where the drag benchmark works (range 1 = 1).
void BM_Window_IdleFrame(benchmark::State& state) {
    auto app = open(static_cast<int>(state.range(0)));
    if (state.range(1) != 0) {
        app->editor().view.fly_to(app->editor().view.center(), kZoomedSpanM);
    }
    for (int i = 0; i < kWarmUpFrames; ++i) {
        app->step();
    }
    for (auto _ : state) {
        app->step();
    }
}

// The site nearest the view centre is pressed, then every iteration moves the cursor by a few
// pixels with the button held: one MoveSite per frame, as a planner dragging.
void BM_Window_DragSiteFrame(benchmark::State& state) {
    const int n = static_cast<int>(state.range(0));
    auto app = open(n);
    ui::EditorState& editor = app->editor();
    editor.view.fly_to(editor.view.center(), kZoomedSpanM);
    for (int i = 0; i < kWarmUpFrames; ++i) {
        app->step();
    }
    const core::Plan& plan = app->plan();
    const core::PointM c = editor.view.center();
    const auto nearest =
        std::min_element(plan.sites.begin(), plan.sites.end(), [&](const auto& a, const auto& b) {
            return core::distance_m(a.position, c) < core::distance_m(b.position, c);
        });
    ui::ScreenPoint p = editor.view.to_screen(nearest->position);
    app->events().mouseMotion(p.x, p.y);
    app->step();
    app->events().mouseButtonPress(p.x, p.y, 1);
    app->step();
    app->step();
    const std::size_t undo_before = app->history().undo_count();
    int step = 0;
    for (int i = 0; i < kWarmUpFrames; ++i) {
        p.x += 3.f;
        app->events().mouseMotion(p.x, p.y);
        app->step();
    }
    for (auto _ : state) {
        p.x += (step++ % 20 < 10) ? 3.f : -3.f;
        app->events().mouseMotion(p.x, p.y);
        app->step();
    }
    app->events().mouseButtonRelease(p.x, p.y, 1);
    app->step();
    app->step();
    state.counters["drag_steps_in_history"] =
        static_cast<double>(app->history().undo_count() - undo_before);
    if (const char* dir = std::getenv("BELTPLAN_SCREENSHOT_DIR")) {
        app->capture_next_frame(std::string(dir) + "/window_" + std::to_string(n) + ".png");
        app->step();
    }
}

// Frames drawn while "how many more sites reach 99% of the population" runs on its copy of
// the plan: the frame time the planner sees, and how long the answer takes (counter job_s).
void BM_Window_FrameWhileSuggesting(benchmark::State& state) {
    auto app = open(static_cast<int>(state.range(0)));
    app->editor().target_share = 0.99f;
    for (int i = 0; i < 3; ++i) {
        app->step();
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
        app->events().mouseMotion(button->x, button->y);
        app->events().mouseButtonPress(button->x, button->y, 1);
        app->events().mouseButtonRelease(button->x, button->y, 1);
        for (int i = 0; i < 3; ++i) {
            app->step();
        }
        const auto start = Clock::now();
        while (app->job_running(ui::JobKind::kTarget)) {
            const auto frame = Clock::now();
            app->step();
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

}  // namespace

BENCHMARK(BM_Window_OpenAndFirstFrame)
    ->Arg(5000)
    ->Arg(50000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_IdleFrame)
    ->ArgsProduct({{5000, 50000}, {0, 1}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_DragSiteFrame)
    ->Arg(5000)
    ->Arg(50000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Window_FrameWhileSuggesting)
    ->Arg(5000)
    ->Arg(50000)
    ->Iterations(1)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
