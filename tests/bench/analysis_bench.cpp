// Coverage speed: R-tree nearest-site reach against brute force over every site.
#include "analysis/contiguity.h"
#include "analysis/coverage.h"
#include "analysis/live_coverage.h"
#include "analysis/road_network.h"
#include "bench_plans.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <limits>

namespace beltplan {
namespace {

// Reference: every village against every site.
std::vector<analysis::Reach> brute_force_reach(const core::Plan& plan) {
    std::vector<analysis::Reach> reach(plan.villages.size());
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        const core::PointM a = core::anchor(plan.villages[v]);
        for (std::size_t s = 0; s < plan.sites.size(); ++s) {
            const double d = core::distance_m(a, plan.sites[s].position);
            if (d < reach[v].distance_m) {
                reach[v] = {d, static_cast<int>(s)};
            }
        }
    }
    return reach;
}

void BM_Coverage_Euclidean(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto reach = analysis::euclidean_reach(plan);
        auto report =
            analysis::summarize_coverage(plan, reach, 3000.0, core::DistanceMode::kEuclidean);
        benchmark::DoNotOptimize(report.total.covered);
    }
    state.counters["villages"] = static_cast<double>(plan.villages.size());
    state.counters["sites"] = static_cast<double>(plan.sites.size());
}

void BM_Coverage_BruteForce(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto reach = brute_force_reach(plan);
        auto report =
            analysis::summarize_coverage(plan, reach, 3000.0, core::DistanceMode::kEuclidean);
        benchmark::DoNotOptimize(report.total.covered);
    }
    state.counters["villages"] = static_cast<double>(plan.villages.size());
}

// Reference for contiguity: every pair of villages whose boxes touch, vertex sets compared.
std::size_t brute_force_queen(const core::Plan& plan) {
    std::vector<core::Box> boxes;
    for (const auto& v : plan.villages) {
        boxes.push_back(core::bounds(v.shape));
    }
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        for (std::size_t j = i + 1; j < plan.villages.size(); ++j) {
            const core::Box& a = boxes[i];
            const core::Box& b = boxes[j];
            if (a.max_x < b.min_x || b.max_x < a.min_x || a.max_y < b.min_y || b.max_y < a.min_y) {
                continue;
            }
            bool shared = false;
            for (const auto& p : plan.villages[i].shape.parts[0].outer) {
                for (const auto& q : plan.villages[j].shape.parts[0].outer) {
                    shared = shared || p == q;
                }
            }
            pairs += shared ? 1 : 0;
        }
    }
    return pairs;
}

void BM_Contiguity_Queen(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    std::size_t pairs = 0;
    for (auto _ : state) {
        auto g = analysis::contiguity(plan, {analysis::ContiguityRule::kQueen, 0.0});
        pairs = g.pairs.size();
        benchmark::DoNotOptimize(pairs);
    }
    state.counters["pairs"] = static_cast<double>(pairs);
}

void BM_Contiguity_Rook(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto g = analysis::contiguity(plan, {analysis::ContiguityRule::kRook, 0.0});
        benchmark::DoNotOptimize(g.pairs.size());
    }
}

void BM_Contiguity_QueenSnap1m(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto g = analysis::contiguity(plan, {analysis::ContiguityRule::kQueen, 1.0});
        benchmark::DoNotOptimize(g.pairs.size());
    }
}

void BM_Contiguity_BruteForce(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    std::size_t pairs = 0;
    for (auto _ : state) {
        pairs = brute_force_queen(plan);
        benchmark::DoNotOptimize(pairs);
    }
    state.counters["pairs"] = static_cast<double>(pairs);
}

BENCHMARK(BM_Contiguity_Queen)->Arg(300)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Contiguity_Rook)->Arg(300)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Contiguity_QueenSnap1m)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Contiguity_BruteForce)->Arg(300)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
// Moving one site and updating every village's reach, against a full recompute.
void BM_Coverage_MoveSite(benchmark::State& state) {
    core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    analysis::LiveEuclideanCoverage live(plan);
    double x = 0;
    for (auto _ : state) {
        x += 37.0;
        auto changed = live.move_site(0, {500000.0 + std::fmod(x, 20000.0), 4410000.0});
        benchmark::DoNotOptimize(changed.size());
    }
}

void BM_Coverage_MoveSiteFullRecompute(benchmark::State& state) {
    core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    double x = 0;
    for (auto _ : state) {
        x += 37.0;
        plan.sites[0].position = {500000.0 + std::fmod(x, 20000.0), 4410000.0};
        auto reach = analysis::euclidean_reach(plan);
        benchmark::DoNotOptimize(reach.size());
    }
}

void BM_Coverage_MoveSiteNetwork(benchmark::State& state) {
    core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    bench::add_grid_roads(plan);
    const analysis::RoadNetwork network(plan);
    analysis::LiveNetworkCoverage live(plan, network);
    double x = 0;
    for (auto _ : state) {
        x += 37.0;
        auto changed = live.move_site(0, {500000.0 + std::fmod(x, 20000.0), 4410300.0});
        benchmark::DoNotOptimize(changed.size());
    }
    state.counters["road_segments"] = static_cast<double>(network.segment_count());
}

void BM_Coverage_MoveSiteNetworkFullRecompute(benchmark::State& state) {
    core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)));
    bench::add_grid_roads(plan);
    const analysis::RoadNetwork network(plan);
    double x = 0;
    for (auto _ : state) {
        x += 37.0;
        plan.sites[0].position = {500000.0 + std::fmod(x, 20000.0), 4410300.0};
        auto reach = analysis::network_reach(plan, network);
        benchmark::DoNotOptimize(reach.size());
    }
}

BENCHMARK(BM_Coverage_MoveSiteNetwork)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Coverage_MoveSiteNetworkFullRecompute)
    ->Arg(5000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Coverage_MoveSite)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Coverage_MoveSiteFullRecompute)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Coverage_Euclidean)->Arg(300)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Coverage_BruteForce)->Arg(300)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace beltplan

BENCHMARK_MAIN();
