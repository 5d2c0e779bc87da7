// Coverage speed: R-tree nearest-site reach against brute force over every site.
#include "analysis/coverage.h"
#include "bench_plans.h"

#include <benchmark/benchmark.h>

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

BENCHMARK(BM_Coverage_Euclidean)->Arg(300)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Coverage_BruteForce)->Arg(300)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace beltplan

BENCHMARK_MAIN();
