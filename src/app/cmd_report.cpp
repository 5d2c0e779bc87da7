// `beltplan report` and `beltplan info`: coverage of a plan (and its tables as XLSX or CSV)
// and a description of its file.
#include "analysis/plan_analysis.h"
#include "analysis/report_tables.h"
#include "analysis/road_check.h"
#include "app/commands.h"
#include "app/plan_results.h"
#include "core/messages.h"
#include "io/plan_file.h"
#include "io/table_write.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace beltplan::app {

namespace {

using nlohmann::json;

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

json count_json(const analysis::CoverageCount& c) {
    return json{{"villages", c.villages},
                {"covered_villages", c.covered},
                {"village_share", analysis::village_share(c)},
                {"population", c.population},
                {"covered_population", c.covered_population},
                {"population_share", analysis::population_share(c)},
                {"villages_missing_population", c.missing_population}};
}

json report_json(const core::Plan& plan, const analysis::CoverageReport& r) {
    json j = count_json(r.total);
    j["provenance"] = plan.provenance;
    j["approximate_village_areas"] = plan.approximate_village_areas;
    j["sites"] = r.sites;
    j["radius_m"] = r.radius_m;
    j["distance"] = core::to_code(r.distance);
    json towns = json::array();
    for (const auto& t : r.by_township) {
        json tj = count_json(t);
        tj["code"] = t.key;
        tj["name"] = t.name;
        towns.push_back(std::move(tj));
    }
    j["by_township"] = std::move(towns);
    json kinds = json::array();
    for (const auto& k : r.by_kind) {
        json kj = count_json(k);
        kj["kind"] = k.key;
        kj["name"] = k.name;
        kinds.push_back(std::move(kj));
    }
    j["by_kind"] = std::move(kinds);
    json uncovered = json::array();
    for (const auto& u : r.uncovered) {
        uncovered.push_back(
            {{"code", u.code},
             {"name", u.name},
             {"town_code", u.town_code},
             {"distance_m", std::isfinite(u.distance_m) ? json(u.distance_m) : json(nullptr)}});
    }
    j["uncovered"] = std::move(uncovered);
    return j;
}

std::string count_line(const analysis::CoverageCount& c) {
    std::string out =
        core::tr("outputs.text.villages", {std::to_string(c.covered), std::to_string(c.villages),
                                           percent(analysis::village_share(c))});
    if (c.population > 0) {
        out += core::tr("outputs.text.population",
                        {std::to_string(c.covered_population), std::to_string(c.population),
                         percent(analysis::population_share(c))});
    }
    if (c.missing_population > 0) {
        out += core::tr("outputs.text.missing", {std::to_string(c.missing_population)});
    }
    return out;
}

void print_text(const core::Plan& plan, const analysis::CoverageReport& r) {
    char radius[32];
    std::snprintf(radius, sizeof radius, "%g", r.radius_m);
    std::cout << core::tr("outputs.text.plan", {plan.name}) << "\n"
              << core::tr("outputs.provenance",
                          {plan.provenance.empty() ? core::tr("outputs.provenance_none")
                                                   : plan.provenance})
              << "\n";
    if (plan.approximate_village_areas) {
        // Every figure below rests on village areas drawn from seats (DESIGN.md section 2).
        std::cout << core::tr("outputs.legend.approximate") << "\n";
    }
    std::cout << core::tr(r.distance == core::DistanceMode::kNetwork ? "outputs.text.within_road"
                                                                     : "outputs.text.within",
                          {radius, std::to_string(r.sites)})
              << "\n"
              << "  " << core::tr("outputs.text.total", {count_line(r.total)}) << "\n";
    if (r.sites == 0) {
        std::cout << "  " << core::tr("outputs.text.no_sites") << "\n";
    }
    std::cout << "\n" << core::tr("outputs.text.by_township") << "\n";
    for (const auto& t : r.by_township) {
        std::cout << "  "
                  << (t.key.empty() ? core::tr("outputs.text.no_township") : t.key + " " + t.name)
                  << ": " << count_line(t) << "\n";
    }
    std::cout << "\n" << core::tr("outputs.text.by_kind") << "\n";
    for (const auto& k : r.by_kind) {
        std::cout << "  " << k.key << " " << k.name << ": " << count_line(k) << "\n";
    }
    std::cout << "\n"
              << core::tr("outputs.text.uncovered", {std::to_string(r.uncovered.size())}) << "\n";
    for (const auto& u : r.uncovered) {
        std::cout << "  " << u.code << " " << u.name << "  "
                  << (std::isfinite(u.distance_m)
                          ? std::to_string(static_cast<long long>(std::lround(u.distance_m))) + " m"
                          : core::tr("outputs.text.no_site"))
                  << "\n";
    }
}

// --xlsx and --csv: the department's tables of the same results.
int write_tables(const ReportOptions& options, const core::Plan& plan,
                 const analysis::PlanAnalysis& results) {
    analysis::ReportTablesInput input;
    input.plan = &plan;
    input.reach = &results.reach();
    input.coverage = &results.coverage();
    input.belts = &results.belts();
    input.orgs = &results.org_checks();
    const core::Workbook book = analysis::report_workbook(input);
    if (!options.xlsx_path.empty()) {
        if (core::Status s = io::write_xlsx(book, options.xlsx_path); !s) {
            return fail(s.error().message);
        }
        if (!options.json) {
            std::cout << core::tr("outputs.cli.wrote_tables",
                                  {options.xlsx_path, std::to_string(book.sheets.size())})
                      << "\n";
        }
    }
    if (!options.csv_dir.empty()) {
        auto files = io::write_csv_tables(book, options.csv_dir);
        if (!files) {
            return fail(files.error().message);
        }
        if (!options.json) {
            std::cout << core::tr("outputs.cli.wrote_tables",
                                  {options.csv_dir, std::to_string(files->size())})
                      << "\n";
        }
    }
    return kExitOk;
}

}  // namespace

int fail(const std::string& message) {
    std::cerr << "beltplan: " << message << "\n";
    return kExitFailed;
}

int run_report(const ReportOptions& options) {
    core::Result<core::Plan> plan = read_plan_warned(options.plan_path);
    if (!plan) {
        return fail(plan.error().message);
    }
    const bool tables = !options.xlsx_path.empty() || !options.csv_dir.empty();
    auto results = analyse_plan(*plan, options.plan_path, options.radius_m, options.distance);
    if (!results) {
        return fail(results.error().message);
    }
    const analysis::PlanAnalysis& analysis = **results;
    if (analysis.distance() == core::DistanceMode::kNetwork) {
        // One line when the road layer may make these distances too long (issue 13).
        const std::string roads = analysis::problems_line(
            analysis::check_roads(*plan, analysis.road_network()), options.plan_path);
        if (!roads.empty()) {
            std::cerr << "beltplan: " << core::tr("cli.warning_prefix") << ": " << roads << "\n";
        }
    }
    const analysis::CoverageReport& r = analysis.coverage();
    if (options.json) {
        std::cout << report_json(*plan, r).dump(2) << "\n";
    } else {
        print_text(*plan, r);
    }
    return tables ? write_tables(options, *plan, analysis) : kExitOk;
}

int run_info(const InfoOptions& options) {
    core::Result<io::PlanFileInfo> info = io::inspect_plan(options.plan_path);
    if (!info) {
        return fail(info.error().message);
    }
    if (options.json) {
        json layers = json::array();
        for (const auto& l : info->layers) {
            layers.push_back(
                {{"name", l.name}, {"geometry", l.geometry_type}, {"features", l.features}});
        }
        json j{{"path", info->path},
               {"format_version", info->format_version},
               {"crs", info->crs_name},
               {"crs_epsg", info->crs_epsg},
               {"layers", std::move(layers)},
               {"warnings", info->warnings},
               {"provenance", info->provenance},
               {"approximate_village_areas", info->approximate_village_areas}};
        std::cout << j.dump(2) << "\n";
        return kExitOk;
    }
    std::string crs = info->crs_name;
    if (info->crs_epsg != 0) {
        crs += " (EPSG:" + std::to_string(info->crs_epsg) + ")";
    }
    std::cout << core::tr("info.plan_file", {info->path, std::to_string(info->format_version)})
              << "\n"
              << core::tr("info.crs", {crs}) << "\n"
              << core::tr("outputs.provenance",
                          {info->provenance.empty() ? core::tr("outputs.provenance_none")
                                                    : info->provenance})
              << "\n";
    if (info->approximate_village_areas) {
        std::cout << core::tr("info.approximate") << "\n";
    }
    std::cout << core::tr("info.layers") << "\n";
    for (const auto& l : info->layers) {
        std::cout << core::tr("info.layer", {l.name, l.geometry_type, std::to_string(l.features)})
                  << "\n";
    }
    std::cout << core::tr(info->warnings.empty() ? "info.warnings_none" : "info.warnings") << "\n";
    for (const auto& w : info->warnings) {
        std::cout << "  " << w << "\n";
    }
    return kExitOk;
}

}  // namespace beltplan::app
