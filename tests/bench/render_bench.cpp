// Render benchmarks. The map document path (compose, cairo raster) beside its reference in the
// same binary: the OpenSceneGraph scene drawn once 2x supersampled at 1600x1100 and filtered
// (main's PNG path). The coverage simplifier (build the arcs, simplify at a page's tolerance).
// The window's scene (offscreen EGL): build, frame, and recolouring after an edit (a radius
// uniform) beside its reference, rebuilding the scene. Sizes: 5k, 50k and 200k villages.
#include "analysis/plan_analysis.h"
#include "bench_plans.h"
#include "core/arc_simplify.h"
#include "render/fonts.h"
#include "render/map_output.h"
#include "render/map_render.h"
#include "render/map_scene.h"
#include "render/offscreen.h"
#include "render/village_colors.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>

namespace {

using namespace beltplan;

const core::Plan& plan_of(int n) {
    static std::map<int, core::Plan> plans;
    auto it = plans.find(n);
    if (it == plans.end()) {
        it = plans.emplace(n, bench::grid_plan(n)).first;
    }
    return it->second;
}

render::OffscreenRenderer* renderer() {
    static std::unique_ptr<render::OffscreenRenderer> r = [] {
        auto made = render::OffscreenRenderer::create();
        if (made) {
            std::fprintf(stderr, "GL: %s\n", (*made)->gl_renderer().c_str());
            return std::move(*made);
        }
        return std::unique_ptr<render::OffscreenRenderer>();
    }();
    return r.get();
}

// The plan's analysis, kept per plan like the plans; the parts the maps read are computed
// here, before any timing.
const analysis::PlanAnalysis& analysis_of(const core::Plan& plan) {
    static std::map<const core::Plan*, std::unique_ptr<analysis::PlanAnalysis>> kept;
    auto& a = kept[&plan];
    if (!a) {
        a = std::make_unique<analysis::PlanAnalysis>(plan);
        benchmark::DoNotOptimize(a->coverage().total.covered);
        benchmark::DoNotOptimize(a->belts().size());
        benchmark::DoNotOptimize(a->contiguity().pairs.size());
    }
    return *a;
}

render::MapInputs map_inputs_of(int n) {
    render::MapInputs in;
    in.plan = &plan_of(n);
    in.analysis = &analysis_of(*in.plan);
    return in;
}
}

render::SceneInputs inputs_of(const core::Plan& plan) {
    render::SceneInputs in;
    in.plan = &plan;
    in.analysis = &analysis_of(plan);
    auto font = render::load_cjk_font();
    if (font) {
        in.font = *font;
    }
    return in;
}

render::ViewSetup view_of(const render::MapScene& scene, int scale = 1) {
    render::ViewSetup v;
    v.width = 1600 * scale;
    v.height = 1100 * scale;
    const core::Box& b = scene.bounds();
    const double mpp = std::max(b.width() / 1600, b.height() / 1100) * 1.05;
    const double cx = (b.min_x + b.max_x) / 2 - scene.origin().x;
    const double cy = (b.min_y + b.max_y) / 2 - scene.origin().y;
    v.view = osg::Matrixd::translate(-scene.origin().x, -scene.origin().y, 0);
    v.projection = osg::Matrixd::ortho(cx - 800 * mpp, cx + 800 * mpp, cy - 550 * mpp,
                                       cy + 550 * mpp, -1e6, 1e6);
    return v;
}

render::VillageColoring coloring_of(const core::Plan& plan, double radius_m) {
    render::ColoringRequest request;
    request.per_village = false;
    return render::color_villages(plan, analysis_of(plan).reach(), radius_m, request).value();
}

// ---- The map document path (PNG, PDF and SVG all draw this document) ----

void BM_Render_Compose(benchmark::State& state) {
    const render::MapInputs in = map_inputs_of(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto doc = render::compose_map(in, render::MapRequest{});
        benchmark::DoNotOptimize(doc.value().layers.data());
    }
}

void BM_Render_Rasterize(benchmark::State& state) {
    const render::MapInputs in = map_inputs_of(static_cast<int>(state.range(0)));
    const render::MapDocument doc = render::compose_map(in, render::MapRequest{}).value();
    for (auto _ : state) {
        auto image = render::rasterize(doc);
        benchmark::DoNotOptimize(image.value().rgba.data());
    }
}

// Compose and raster: the whole in-process cost of a 1600x1100 PNG (before encoding).
void BM_Render_DocumentMap(benchmark::State& state) {
    const render::MapInputs in = map_inputs_of(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto map = render::render_map(in, render::MapRequest{});
        benchmark::DoNotOptimize(map.value().image.rgba.data());
    }
}

// Reference: main's PNG path, the OSG scene built and drawn 2x supersampled, then filtered.
void BM_Render_OsgMapReference(benchmark::State& state) {
    if (renderer() == nullptr) {
        state.SkipWithError("no GL context");
        return;
    }
    const core::Plan& plan = plan_of(static_cast<int>(state.range(0)));
    const render::SceneInputs in = inputs_of(plan);
    const render::VillageColoring coloring = coloring_of(plan, 3000);
    for (auto _ : state) {
        render::MapScene scene(in);
        scene.set_coloring(coloring);
        scene.set_pixel_scale(2.2f);
        auto image = renderer()->render(scene.root().get(), nullptr, view_of(scene, 2));
        auto small = render::downsample(*image.value(), 2);
        benchmark::DoNotOptimize(small.get());
    }
}

// ---- Coverage simplification ----

std::vector<const core::MultiPolygon*> shapes_of(const core::Plan& plan) {
    std::vector<const core::MultiPolygon*> out;
    for (const core::Village& v : plan.villages) {
        out.push_back(&v.shape);
    }
    return out;
}

void BM_ArcTopology_Build(benchmark::State& state) {
    const auto shapes = shapes_of(plan_of(static_cast<int>(state.range(0))));
    for (auto _ : state) {
        core::ArcTopology topo(shapes);
        benchmark::DoNotOptimize(topo.arc_count());
    }
}

void BM_ArcTopology_Simplify(benchmark::State& state) {
    const core::ArcTopology topo(shapes_of(plan_of(static_cast<int>(state.range(0)))));
    for (auto _ : state) {
        auto s = topo.simplify(250.0);  // a third of a page unit at province scale
        benchmark::DoNotOptimize(s.shapes.data());
    }
}

// ---- The window's scene ----

void BM_Render_SceneBuild(benchmark::State& state) {
    const core::Plan& plan = plan_of(static_cast<int>(state.range(0)));
    const render::SceneInputs in = inputs_of(plan);
    for (auto _ : state) {
        render::MapScene scene(in);
        benchmark::DoNotOptimize(scene.root().get());
    }
}

void BM_Render_Frame(benchmark::State& state) {
    if (renderer() == nullptr) {
        state.SkipWithError("no GL context");
        return;
    }
    const core::Plan& plan = plan_of(static_cast<int>(state.range(0)));
    render::MapScene scene(inputs_of(plan));
    scene.set_coloring(coloring_of(plan, 3000));
    const render::ViewSetup view = view_of(scene);
    (void)renderer()->render(scene.root().get(), nullptr, view);  // compile GL objects
    for (auto _ : state) {
        auto image = renderer()->render(scene.root().get(), nullptr, view);
        benchmark::DoNotOptimize(image.value().get());
    }
}

// An edit (the reach radius changed): a new radius uniform and legend colouring, one frame.
void BM_Render_RecolourAndFrame(benchmark::State& state) {
    if (renderer() == nullptr) {
        state.SkipWithError("no GL context");
        return;
    }
    const core::Plan& plan = plan_of(static_cast<int>(state.range(0)));
    render::MapScene scene(inputs_of(plan));
    const render::ViewSetup view = view_of(scene);
    (void)renderer()->render(scene.root().get(), nullptr, view);
    bool flip = false;
    for (auto _ : state) {
        const double radius = flip ? 3000 : 1500;
        scene.set_coloring(coloring_of(plan, radius));
        scene.set_reach_radius(radius);
        flip = !flip;
        auto image = renderer()->render(scene.root().get(), nullptr, view);
        benchmark::DoNotOptimize(image.value().get());
    }
}

// The recolour step alone (CPU side: the colouring's uniforms and the radius).
void BM_Render_RecolourOnly(benchmark::State& state) {
    const core::Plan& plan = plan_of(static_cast<int>(state.range(0)));
    render::MapScene scene(inputs_of(plan));
    bool flip = false;
    for (auto _ : state) {
        const double radius = flip ? 3000 : 1500;
        scene.set_coloring(coloring_of(plan, radius));
        scene.set_reach_radius(radius);
        flip = !flip;
        benchmark::DoNotOptimize(scene.reach_radius_uniform());
    }
}

// Reference: what recolouring would cost if the scene were rebuilt, then drawn.
void BM_Render_RebuildAndFrame(benchmark::State& state) {
    if (renderer() == nullptr) {
        state.SkipWithError("no GL context");
        return;
    }
    const core::Plan& plan = plan_of(static_cast<int>(state.range(0)));
    const render::SceneInputs in = inputs_of(plan);
    const render::VillageColoring a = coloring_of(plan, 3000);
    for (auto _ : state) {
        render::MapScene scene(in);
        scene.set_coloring(a);
        auto image = renderer()->render(scene.root().get(), nullptr, view_of(scene));
        benchmark::DoNotOptimize(image.value().get());
    }
}

void sizes(benchmark::internal::Benchmark* b) {
    b->Arg(5000)->Arg(50000)->Arg(200000)->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_Render_Compose)->Apply(sizes);
BENCHMARK(BM_Render_Rasterize)->Apply(sizes);
BENCHMARK(BM_Render_DocumentMap)->Apply(sizes);
BENCHMARK(BM_Render_OsgMapReference)->Apply(sizes);
BENCHMARK(BM_ArcTopology_Build)->Apply(sizes);
BENCHMARK(BM_ArcTopology_Simplify)->Apply(sizes);
BENCHMARK(BM_Render_SceneBuild)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render_Frame)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render_RecolourOnly)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render_RecolourAndFrame)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Render_RebuildAndFrame)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
