// Site suggestion speed and quality: the full solver (greedy, swap descent, iterated local
// search, Lagrangian bound) beside references in the same binary: main's solver at 85cc747
// (the "before" of issue 13), a plain greedy over brute-force coverage sets, and exhaustive
// enumeration of every pair of sites on a small plan.
// Index: [SECTION] Issue 13 instances, [SECTION] Earlier benchmarks, [SECTION] main.
// `beltplan_suggest_bench --write-lp DIR` writes each issue-13 instance as the exact MIP in
// CPLEX LP format (DIR/<name>.lp) for a reference run of a MIP solver, and exits.
#include "analysis/contiguity.h"
#include "analysis/max_cover.h"
#include "analysis/merge_suggest.h"
#include "analysis/site_suggest.h"
#include "bench_plans.h"
#include "reference/max_cover_main.h"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

namespace beltplan {
namespace {

constexpr double kRadiusM = 3000.0;
constexpr int kVillagesPerSite = 60;  // about half the population covered before suggesting

analysis::SiteSuggestOptions options(int add) {
    analysis::SiteSuggestOptions o;
    o.add = add;
    o.radius_m = kRadiusM;
    return o;
}

int sites_to_add(std::size_t villages) {
    return std::max(5, static_cast<int>(villages / 250));
}

// [SECTION] Issue 13 instances

// A district with no sites yet: grid_plan's villages (1 km cells, seats jittered, 300-3,000
// people), reach 2 km in line or along grid_plan's roads, p new sites = share of the villages.
struct McInstance {
    const char* name;
    int villages;  // asked of grid_plan: 5,000 gives 70 x 70 = 4,900, 50,000 gives 49,729
    double share;
    bool network;
};

constexpr McInstance kMcInstances[] = {
    {"grid5k_p1", 5000, 0.01, false},   {"grid5k_p6", 5000, 0.06, false},
    {"grid5k_p10", 5000, 0.10, false},  {"grid50k_p1", 50000, 0.01, false},
    {"grid50k_p6", 50000, 0.06, false}, {"grid50k_p10", 50000, 0.10, false},
    {"roads5k_p1", 5000, 0.01, true},   {"roads5k_p6", 5000, 0.06, true},
    {"roads5k_p10", 5000, 0.10, true},  {"roads50k_p6", 50000, 0.06, true},
};
constexpr double kMcRadiusM = 2000.0;

core::Plan mc_plan(const McInstance& m) {
    core::Plan plan = bench::grid_plan(m.villages, kVillagesPerSite);
    plan.sites.clear();
    if (m.network) {
        bench::add_grid_roads(plan);
    }
    return plan;
}

analysis::SiteSuggestOptions mc_options(const McInstance& m, const core::Plan& plan) {
    analysis::SiteSuggestOptions o;
    o.add = static_cast<int>(std::lround(m.share * static_cast<double>(plan.villages.size())));
    o.radius_m = kMcRadiusM;
    o.distance = m.network ? core::DistanceMode::kNetwork : core::DistanceMode::kEuclidean;
    return o;
}

// Builds the covering instance and solves it with `solve` (this solver or main's), timed
// together, as `beltplan suggest sites` does.
template <typename Solve>
void run_mc(benchmark::State& state, const McInstance& m, Solve solve) {
    const core::Plan plan = mc_plan(m);
    const analysis::SiteSuggestOptions o = mc_options(m, plan);
    analysis::MaxCoverSolution s;
    for (auto _ : state) {
        const analysis::SiteCoverInstance inst = analysis::build_site_cover(plan, o);
        s = solve(inst.problem, o.add);
        benchmark::DoNotOptimize(s.chosen.data());
    }
    state.counters["villages"] = static_cast<double>(plan.villages.size());
    state.counters["p"] = o.add;
    state.counters["greedy"] = s.greedy_value;
    state.counters["value"] = s.value;
    state.counters["bound"] = s.upper_bound;
    state.counters["gap_pct"] = 100.0 * (s.upper_bound - s.value) / s.upper_bound;
}

void BM_SiteSuggest_Mclp(benchmark::State& state, const McInstance& m) {
    run_mc(state, m, [](const analysis::MaxCoverProblem& pr, int p) {
        return analysis::solve_max_cover(pr, p);
    });
}

void BM_SiteSuggest_MclpMainReference(benchmark::State& state, const McInstance& m) {
    run_mc(state, m, [](const analysis::MaxCoverProblem& pr, int p) {
        analysis::MaxCoverSolution s = bench::main_solver::solve_max_cover(pr, p);
        s.greedy_value = analysis::greedy_max_cover(pr, p).value;
        return s;
    });
}

// The exact model: binary x_c (a site at candidate c), 0 <= y_i <= 1 (item i covered),
// y_i <= sum of x_c over the candidates covering i, sum x_c <= p; maximise sum w_i y_i.
void write_lp(const McInstance& m, const std::string& path) {
    const core::Plan plan = mc_plan(m);
    const analysis::SiteSuggestOptions o = mc_options(m, plan);
    const analysis::SiteCoverInstance inst = analysis::build_site_cover(plan, o);
    const auto& pr = inst.problem;
    std::vector<std::vector<int>> covering(pr.weight.size());
    for (std::size_t c = 0; c < pr.sets.size(); ++c) {
        for (int i : pr.sets[c]) {
            covering[static_cast<std::size_t>(i)].push_back(static_cast<int>(c));
        }
    }
    std::ofstream f(path);
    f.precision(17);
    f << "\\ " << m.name << ": " << plan.villages.size() << " villages, p = " << o.add
      << ", R = " << kMcRadiusM << " m" << (m.network ? " along roads" : "") << "\nMaximize\n obj:";
    for (std::size_t i = 0; i < pr.weight.size(); ++i) {
        f << " + " << pr.weight[i] << " y" << i << (i % 8 == 7 ? "\n" : "");
    }
    f << "\nSubject To\n";
    for (std::size_t i = 0; i < covering.size(); ++i) {
        f << " c" << i << ": y" << i;
        for (std::size_t k = 0; k < covering[i].size(); ++k) {
            f << " - x" << covering[i][k] << (k % 10 == 9 ? "\n" : "");
        }
        f << " <= 0\n";
    }
    f << " sites:";
    for (std::size_t c = 0; c < pr.sets.size(); ++c) {
        f << " + x" << c << (c % 10 == 9 ? "\n" : "");
    }
    f << " <= " << o.add << "\nBounds\n";
    for (std::size_t i = 0; i < pr.weight.size(); ++i) {
        f << " 0 <= y" << i << " <= 1\n";
    }
    f << "Binary\n";
    for (std::size_t c = 0; c < pr.sets.size(); ++c) {
        f << " x" << c << "\n";
    }
    f << "End\n";
    std::cout << path << ": " << pr.weight.size() << " items, " << pr.sets.size()
              << " candidates, p = " << o.add << "\n";
}

// [SECTION] Earlier benchmarks

void BM_SiteSuggest_Solve(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)), kVillagesPerSite);
    const int p = sites_to_add(plan.villages.size());
    analysis::Suggestion s;
    for (auto _ : state) {
        s = analysis::suggest_sites(plan, options(p));
        benchmark::DoNotOptimize(s.sites.data());
    }
    state.counters["villages"] = static_cast<double>(plan.villages.size());
    state.counters["add"] = p;
    state.counters["value"] = s.value;
    state.counters["bound"] = s.upper_bound;
    state.counters["gap_pct"] = 100.0 * (s.upper_bound - s.value) / s.upper_bound;
}

// main's solver on the same instance (its covering instance built as suggest_sites does).
void BM_SiteSuggest_SolveMainReference(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)), kVillagesPerSite);
    const int p = sites_to_add(plan.villages.size());
    analysis::MaxCoverSolution s;
    double baseline = 0;
    for (auto _ : state) {
        const analysis::SiteCoverInstance inst = analysis::build_site_cover(plan, options(p));
        s = bench::main_solver::solve_max_cover(inst.problem, p);
        baseline = inst.baseline;
        benchmark::DoNotOptimize(s.chosen.data());
    }
    state.counters["value"] = baseline + s.value;
    state.counters["bound"] = baseline + s.upper_bound;
    state.counters["gap_pct"] = 100.0 * (s.upper_bound - s.value) / (baseline + s.upper_bound);
}

void BM_SiteSuggest_Target90(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)), kVillagesPerSite);
    analysis::SiteSuggestOptions o = options(0);
    o.target_share = 0.9;
    analysis::Suggestion s;
    for (auto _ : state) {
        s = analysis::suggest_sites(plan, o);
        benchmark::DoNotOptimize(s.sites.data());
    }
    state.counters["villages"] = static_cast<double>(plan.villages.size());
    state.counters["sites"] = static_cast<double>(s.sites.size());
    state.counters["proven"] = s.proven_optimal ? 1 : 0;
}

void BM_SiteSuggest_Network(benchmark::State& state) {
    core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)), kVillagesPerSite);
    bench::add_grid_roads(plan);
    analysis::SiteSuggestOptions o = options(sites_to_add(plan.villages.size()));
    o.distance = core::DistanceMode::kNetwork;
    analysis::Suggestion s;
    for (auto _ : state) {
        s = analysis::suggest_sites(plan, o);
        benchmark::DoNotOptimize(s.sites.data());
    }
    state.counters["villages"] = static_cast<double>(plan.villages.size());
    state.counters["gap_pct"] = 100.0 * (s.upper_bound - s.value) / s.upper_bound;
}

// Reference: coverage sets by comparing every pair of villages, then plain greedy that
// recounts every candidate's gain at each step.
double plain_greedy(const core::Plan& plan, int p) {
    const std::size_t n = plan.villages.size();
    std::vector<core::PointM> at;
    std::vector<char> covered(n, 0);
    double value = 0;
    for (std::size_t v = 0; v < n; ++v) {
        at.push_back(core::anchor(plan.villages[v]));
        for (const core::Site& s : plan.sites) {
            covered[v] = covered[v] || core::distance_m(at[v], s.position) <= kRadiusM;
        }
        value += covered[v] ? static_cast<double>(*plan.villages[v].population) : 0.0;
    }
    std::vector<std::vector<int>> sets(n);
    for (std::size_t c = 0; c < n; ++c) {
        for (std::size_t v = 0; v < n; ++v) {
            if (core::distance_m(at[c], at[v]) <= kRadiusM) {
                sets[c].push_back(static_cast<int>(v));
            }
        }
    }
    for (int k = 0; k < p; ++k) {
        double best = 0;
        std::size_t pick = 0;
        for (std::size_t c = 0; c < n; ++c) {
            double g = 0;
            for (int v : sets[c]) {
                g += covered[static_cast<std::size_t>(v)]
                         ? 0.0
                         : static_cast<double>(
                               *plan.villages[static_cast<std::size_t>(v)].population);
            }
            if (g > best) {
                best = g;
                pick = c;
            }
        }
        for (int v : sets[pick]) {
            covered[static_cast<std::size_t>(v)] = 1;
        }
        value += best;
    }
    return value;
}

// How long a stop takes to end a running suggestion (the window's cancel): "fewest sites for
// 99%" runs on a thread, a stop is asked after 100 ms, and the time from the stop to the end
// of the run is measured. The full solve above is the reference.
void BM_SiteSuggest_StopLatency(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)), kVillagesPerSite);
    int stopped = 0;
    for (auto _ : state) {
        analysis::RunControl control;
        analysis::SiteSuggestOptions o = options(1);
        o.target_share = 0.99;
        o.control = &control;
        bool cancelled = false;
        std::thread run([&] {
            try {
                analysis::suggest_sites(plan, o);
            } catch (const analysis::Stopped&) {
                cancelled = true;
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const auto asked = std::chrono::steady_clock::now();
        control.request_stop();
        run.join();
        state.SetIterationTime(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count());
        stopped += cancelled ? 1 : 0;
    }
    state.counters["stopped_runs"] = stopped;  // runs that had not finished within 100 ms
}

// strong_weak merges (exact min-cost flow per connected piece, LEMON network simplex) on the
// generated plans: contiguity, then the flow. Boost's successive shortest paths over the whole
// plan, the previous solver, took 237 s at 50,000 villages (beltplan suggest, same plan).
void BM_MergeSuggest_StrongWeak(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)), kVillagesPerSite);
    const analysis::ContiguityGraph graph = analysis::contiguity(plan, {});
    analysis::MergeSuggestOptions o;
    double placed = 0;
    double weak = 0;
    for (auto _ : state) {
        const auto s = analysis::suggest_merges(plan, graph, o);
        placed = s ? s->value : -1;
        weak = s ? s->total : -1;
    }
    state.counters["weak"] = weak;
    state.counters["placed"] = placed;
}

void BM_SiteSuggest_PlainGreedyReference(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)), kVillagesPerSite);
    const int p = sites_to_add(plan.villages.size());
    double value = 0;
    for (auto _ : state) {
        value = plain_greedy(plan, p);
        benchmark::DoNotOptimize(value);
    }
    state.counters["villages"] = static_cast<double>(plan.villages.size());
    state.counters["value"] = value;
}

// Reference: every pair of candidates on a small plan, for the exact optimum of p = 2.
void BM_SiteSuggest_ExhaustivePairs(benchmark::State& state) {
    const core::Plan plan = bench::grid_plan(static_cast<int>(state.range(0)), kVillagesPerSite);
    const analysis::SiteCoverInstance inst = analysis::build_site_cover(plan, options(2));
    double best = 0;
    for (auto _ : state) {
        best = 0;
        const std::size_t n = inst.problem.sets.size();
        for (std::size_t a = 0; a < n; ++a) {
            for (std::size_t b = a + 1; b < n; ++b) {
                best = std::max(best, analysis::cover_value(inst.problem, {static_cast<int>(a),
                                                                           static_cast<int>(b)}));
            }
        }
        benchmark::DoNotOptimize(best);
    }
    const analysis::Suggestion s = analysis::suggest_sites(plan, options(2));
    state.counters["optimum"] = inst.baseline + best;
    state.counters["solver"] = s.value;
    state.counters["bound"] = s.upper_bound;
}

BENCHMARK(BM_SiteSuggest_Solve)->Arg(300)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SiteSuggest_SolveMainReference)
    ->Arg(300)
    ->Arg(5000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SiteSuggest_PlainGreedyReference)
    ->Arg(300)
    ->Arg(5000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK(BM_SiteSuggest_StopLatency)
    ->Arg(5000)
    ->Arg(50000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MergeSuggest_StrongWeak)
    ->Arg(300)
    ->Arg(5000)
    ->Arg(50000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SiteSuggest_Target90)->Arg(300)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SiteSuggest_Network)->Arg(300)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SiteSuggest_ExhaustivePairs)->Arg(300)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace beltplan

// [SECTION] main

int main(int argc, char** argv) {
    using namespace beltplan;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--write-lp") == 0) {
            for (const McInstance& m : kMcInstances) {
                write_lp(m, std::string(argv[i + 1]) + "/" + m.name + ".lp");
            }
            return 0;
        }
    }
    for (const McInstance& m : kMcInstances) {
        benchmark::RegisterBenchmark((std::string("BM_SiteSuggest_Mclp/") + m.name).c_str(),
                                     BM_SiteSuggest_Mclp, m)
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1);
        benchmark::RegisterBenchmark(
            (std::string("BM_SiteSuggest_MclpMainReference/") + m.name).c_str(),
            BM_SiteSuggest_MclpMainReference, m)
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
