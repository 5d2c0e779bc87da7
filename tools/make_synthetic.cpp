// beltplan_make_synthetic: a synthetic plan of N villages for benchmarks and timing (not used by
// the tests): a jittered quad grid whose cells share vertices exactly, townships of 10 x 10
// villages, a road grid through the shared vertices, and about one site per ten villages.
// With --road-noise M every village also gets a local road from its seat to the nearest vertex
// of the road grid, ending up to M metres short of it, as digitised road layers do.
// Usage: beltplan_make_synthetic [--villages N] [--sites M] [--seed S] [--road-noise M] [-o PLAN]
#include "core/geos_ops.h"
#include "core/plan.h"
#include "io/crs.h"
#include "io/plan_file.h"
#include "sample/rng.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace bt = beltplan::tools;
namespace core = beltplan::core;
namespace io = beltplan::io;

namespace {

struct Options {
    long villages = 50000;
    long sites = -1;  // default: villages / 10
    std::uint64_t seed = 1;
    double road_noise_m = -1.0;  // < 0: no local roads
    std::string output = "out/synthetic_50k.gpkg";
};

constexpr double kCellM = 1500.0;
constexpr double kCentreX = 500000.0;   // EPSG:4547 central meridian 114E, near 39.7N: the grid
constexpr double kOriginY = 4400000.0;  // is centred on it so importers pick the same zone
constexpr int kBlock = 10;              // township = kBlock x kBlock villages
constexpr int kRoadEvery = 5;           // a road along every 5th grid line

bool parse(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--villages" && has_value) {
            o.villages = std::atol(argv[++i]);
        } else if (a == "--sites" && has_value) {
            o.sites = std::atol(argv[++i]);
        } else if (a == "--seed" && has_value) {
            o.seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (a == "--road-noise" && has_value) {
            o.road_noise_m = std::atof(argv[++i]);
        } else if ((a == "-o" || a == "--output") && has_value) {
            o.output = argv[++i];
        } else {
            return false;
        }
    }
    return o.villages > 0;
}

double round_cm(double v) {
    return std::round(v * 100.0) / 100.0;
}

// Grid of (cols + 1) x (rows + 1) jittered vertices, row-major.
struct Grid {
    int cols = 0;
    int rows = 0;
    std::vector<core::PointM> v;
    const core::PointM& at(int i, int j) const {
        return v[static_cast<std::size_t>(j) * static_cast<std::size_t>(cols + 1) +
                 static_cast<std::size_t>(i)];
    }
};

Grid make_grid(long villages, bt::Rng& rng) {
    Grid g;
    g.cols =
        kBlock * static_cast<int>(std::ceil(std::sqrt(static_cast<double>(villages)) / kBlock));
    g.rows = static_cast<int>((villages + g.cols - 1) / g.cols);
    const double origin_x = kCentreX - 0.5 * g.cols * kCellM;
    for (int j = 0; j <= g.rows; ++j) {
        for (int i = 0; i <= g.cols; ++i) {
            g.v.push_back({round_cm(origin_x + (i + rng.uniform(-0.3, 0.3)) * kCellM),
                           round_cm(kOriginY + (j + rng.uniform(-0.3, 0.3)) * kCellM)});
        }
    }
    return g;
}

core::Village make_village(const Grid& g, int i, int j, const std::string& town_code, int k,
                           long index, bt::Rng& rng) {
    core::Village v;
    char code[32];
    std::snprintf(code, sizeof code, "%s%03d", town_code.c_str(), 200 + k);
    v.code = code;
    v.name = "村" + std::to_string(index + 1);
    v.town_code = town_code;
    const core::Ring ring{g.at(i, j), g.at(i + 1, j), g.at(i + 1, j + 1), g.at(i, j + 1),
                          g.at(i, j)};
    v.shape.parts.push_back({ring, {}});
    const core::PointM c = core::centroid(v.shape);
    v.seat = core::PointM{round_cm(c.x + rng.uniform(-100, 100)),
                          round_cm(c.y + rng.uniform(-100, 100))};
    v.population = static_cast<std::int64_t>(std::clamp(rng.lognormal(1000, 0.5), 200.0, 6000.0));
    v.party_members = std::max<std::int64_t>(5, *v.population * 4 / 100);
    v.collective_income_wan_yuan = std::round(rng.lognormal(8, 1.0) * 10.0) / 10.0;
    const double u = rng.uniform();
    v.kind = u < 0.15   ? core::VillageKind::kHub
             : u < 0.3  ? core::VillageKind::kTidal
             : u < 0.85 ? core::VillageKind::kBasic
                        : core::VillageKind::kHollow;
    v.weak_org = rng.chance(0.05);
    v.leader = rng.chance(0.10);
    return v;
}

void add_villages_and_townships(core::Plan& plan, const Grid& g, long villages, bt::Rng& rng) {
    const int blocks_x = g.cols / kBlock;
    const int blocks_y = (g.rows + kBlock - 1) / kBlock;
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(blocks_x * blocks_y));
    std::vector<int> next_k(members.size(), 0);
    for (long n = 0; n < villages; ++n) {
        const int i = static_cast<int>(n % g.cols);
        const int j = static_cast<int>(n / g.cols);
        const std::size_t b = static_cast<std::size_t>((j / kBlock) * blocks_x + i / kBlock);
        char town_code[16];
        std::snprintf(town_code, sizeof town_code, "%09ld", 130000000L + static_cast<long>(b));
        members[b].push_back(plan.villages.size());
        plan.villages.push_back(make_village(g, i, j, town_code, next_k[b]++, n, rng));
    }
    for (std::size_t b = 0; b < members.size(); ++b) {
        if (members[b].empty()) {
            continue;
        }
        std::vector<const core::MultiPolygon*> shapes;
        for (std::size_t m : members[b]) {
            shapes.push_back(&plan.villages[m].shape);
        }
        core::Township t;
        t.code = plan.villages[members[b].front()].town_code;
        t.name = "乡镇" + std::to_string(b + 1);
        t.shape = core::union_all(shapes);
        plan.townships.push_back(std::move(t));
    }
}

void add_roads_and_belts(core::Plan& plan, const Grid& g) {
    for (int j = kRoadEvery; j < g.rows; j += kRoadEvery) {
        core::Road r;
        r.name = "H" + std::to_string(j);
        r.road_class = j % (4 * kRoadEvery) == 0 ? "county" : "township";
        r.parts.emplace_back();
        for (int i = 0; i <= g.cols; ++i) {
            r.parts.back().points.push_back(g.at(i, j));
        }
        plan.roads.push_back(std::move(r));
    }
    for (int i = kRoadEvery; i < g.cols; i += kRoadEvery) {
        core::Road r;
        r.name = "V" + std::to_string(i);
        r.road_class = i % (4 * kRoadEvery) == 0 ? "county" : "township";
        r.parts.emplace_back();
        for (int j = 0; j <= g.rows; ++j) {
            r.parts.back().points.push_back(g.at(i, j));
        }
        plan.roads.push_back(std::move(r));
    }
    for (const core::Road& r : plan.roads) {
        if (r.road_class == "county" && plan.belts.size() < 2 &&
            (plan.belts.empty() || plan.belts.back().roads.front().front() != r.name.front())) {
            plan.belts.push_back({"belt-" + r.name, r.name + "示范带", {r.name}, 1500.0});
        }
    }
}

// A local road per village: from its seat straight to the nearest vertex of the road grid,
// ending a random distance of up to noise_m (uniform) in a random direction from that vertex.
// The roads come from a random stream of their own, so the rest of the plan does not change.
void add_local_roads(core::Plan& plan, const Grid& g, double noise_m, std::uint64_t seed) {
    bt::Rng rng = bt::Rng::for_stage(seed, 13);
    auto on_grid_road = [&](int i, int j) {
        return (j % kRoadEvery == 0 && j > 0 && j < g.rows) ||
               (i % kRoadEvery == 0 && i > 0 && i < g.cols);
    };
    for (std::size_t n = 0; n < plan.villages.size(); ++n) {
        const core::PointM seat = *plan.villages[n].seat;
        const int ci = static_cast<int>(n % static_cast<std::size_t>(g.cols));
        const int cj = static_cast<int>(n / static_cast<std::size_t>(g.cols));
        const core::PointM* best = nullptr;
        for (int j = std::max(0, cj - kRoadEvery); j <= std::min(g.rows, cj + kRoadEvery + 1);
             ++j) {
            for (int i = std::max(0, ci - kRoadEvery); i <= std::min(g.cols, ci + kRoadEvery + 1);
                 ++i) {
                if (on_grid_road(i, j) && (best == nullptr || core::distance_m(seat, g.at(i, j)) <
                                                                  core::distance_m(seat, *best))) {
                    best = &g.at(i, j);
                }
            }
        }
        if (best == nullptr) {
            continue;
        }
        const double angle = rng.uniform(0.0, 2.0 * bt::Rng::kPi);
        const double off = rng.uniform(0.0, noise_m);
        core::Road r;
        r.name = plan.villages[n].name + "路";
        r.road_class = "village";
        r.parts.emplace_back();
        r.parts.back().points = {
            seat, {best->x + off * std::cos(angle), best->y + off * std::sin(angle)}};
        plan.roads.push_back(std::move(r));
    }
}

void add_sites(core::Plan& plan, long count, bt::Rng& rng) {
    static const char* const kThemes[] = {"党建+产业", "乡村振兴", "红色教育", "党建+治理"};
    std::vector<bool> used(plan.villages.size(), false);
    for (long s = 0; s < count && s < static_cast<long>(plan.villages.size()); ++s) {
        std::size_t v = rng.index(plan.villages.size());
        while (used[v]) {
            v = (v + 1) % plan.villages.size();
        }
        used[v] = true;
        core::Site site;
        site.id = "site-" + std::to_string(s + 1);
        site.name = plan.villages[v].name + "示范点";
        site.position = {round_cm(plan.villages[v].seat->x + rng.uniform(-150, 150)),
                         round_cm(plan.villages[v].seat->y + rng.uniform(-150, 150))};
        site.level = rng.chance(0.2) ? core::SiteLevel::kDistrict : core::SiteLevel::kTown;
        site.theme = kThemes[rng.index(4)];
        site.village_code = plan.villages[v].code;
        plan.sites.push_back(std::move(site));
    }
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (!parse(argc, argv, opt)) {
        std::fprintf(stderr,
                     "usage: beltplan_make_synthetic [--villages N] [--sites M] [--seed S] "
                     "[--road-noise M] [-o PLAN]\n");
        return 2;
    }
    if (opt.sites < 0) {
        opt.sites = opt.villages / 10;
    }
    const auto started = std::chrono::steady_clock::now();
    auto crs = io::describe_crs("EPSG:4547");
    if (!crs) {
        std::fprintf(stderr, "%s\n", crs.error().message.c_str());
        return 1;
    }
    bt::Rng rng(opt.seed);
    core::Plan plan;
    plan.name = "Synthetic plan, " + std::to_string(opt.villages) + " villages";
    plan.provenance =
        "Generated by tools/make_synthetic (seed " + std::to_string(opt.seed) + "); not real data";
    plan.crs = *crs;
    const Grid grid = make_grid(opt.villages, rng);
    add_villages_and_townships(plan, grid, opt.villages, rng);
    add_roads_and_belts(plan, grid);
    add_sites(plan, opt.sites, rng);
    if (opt.road_noise_m >= 0) {
        add_local_roads(plan, grid, opt.road_noise_m, opt.seed);
    }
    const double generated_s = seconds_since(started);
    const auto write_start = std::chrono::steady_clock::now();
    const core::Status written = io::write_plan(plan, opt.output);
    if (!written) {
        std::fprintf(stderr, "%s\n", written.error().message.c_str());
        return 1;
    }
    const double write_s = seconds_since(write_start);
    struct stat st {};
    stat(opt.output.c_str(), &st);
    std::printf("%zu villages, %zu townships, %zu roads, %zu sites, %zu belts\n",
                plan.villages.size(), plan.townships.size(), plan.roads.size(), plan.sites.size(),
                plan.belts.size());
    std::printf("generated in %.2f s, written in %.2f s, %s: %.1f MB\n", generated_s, write_s,
                opt.output.c_str(), static_cast<double>(st.st_size) / 1e6);
    return 0;
}
