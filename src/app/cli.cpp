// The only translation unit that includes CLI11: declares every subcommand and its flags,
// then hands plain option structs to the command functions.
#include "app/cli.h"

#include "app/commands.h"
#include "app/window_app.h"
#include "core/messages.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace beltplan::app {

namespace {

void add_source(CLI::App* cmd, const std::string& role, std::string& path, std::string& layer) {
    cmd->add_option("--" + role, path, "OGR source of the " + role + " (file or PG:...)");
    cmd->add_option("--" + role + "-layer", layer, "layer of the " + role + " source");
}

// `suggest` and its kinds; every strategy flag lands in options.flags by parameter name.
CLI::App* add_suggest(CLI::App& app, SuggestOptions& s) {
    CLI::App* cmd = app.add_subcommand("suggest", "suggest sites, merges, stations, belt sites");
    cmd->require_subcommand(1);
    const char* kinds[][2] = {{"sites", "new sites reaching the most population"},
                              {"merges", "joint organizations per mode"},
                              {"stations", "k contiguous work stations per township"},
                              {"belt-gaps", "fewest new sites so no belt gap exceeds G"},
                              {"list", "the strategies available and their options"}};
    for (const auto& kind : kinds) {
        CLI::App* sub = cmd->add_subcommand(kind[0], kind[1]);
        sub->final_callback([&s, sub] { s.what = sub->get_name(); });
        if (std::string(kind[0]) != "list") {
            sub->add_option("plan", s.plan_path, "plan file (.gpkg)")->required();
        }
        sub->add_option("--plugins", s.plugins_dir, "extra folder of strategy plugins");
        sub->add_flag("--json", s.json, "print JSON");
        sub->add_option("--strategy", s.strategy, "strategy name (default: the shipped one)");
        sub->add_option("--param", s.params, "extra strategy parameter NAME=VALUE");
        if (std::string(kind[0]) != "list") {
            sub->add_flag("--apply", s.apply,
                          "put the suggestion into the plan (new sites, groups or stations)");
            sub->add_option("--out", s.out_path,
                            "with --apply: write the changed plan here instead of over PLAN");
        }
    }
    auto flag = [&s, cmd](const char* kind, const std::string& name, const std::string& param,
                          const std::string& help) {
        cmd->get_subcommand(kind)->add_option("--" + name, s.flags[param], help);
    };
    flag("sites", "add", "add", "how many new sites (default 1)");
    flag("sites", "target", "target", "instead: fewest sites reaching this share, e.g. 0.9");
    flag("sites", "radius", "radius", "reach radius in metres (default: the plan's)");
    flag("sites", "distance", "distance", "euclidean or network (default: the plan's)");
    flag("sites", "weight", "weight", "population or villages");
    cmd->get_subcommand("merges")->add_option("--mode", s.mode, "strong_weak, regional, leader");
    flag("merges", "threshold", "threshold", "strong_weak: weak at or below this income, 万元");
    flag("merges", "max-distance", "max_distance", "largest member-to-lead distance, m");
    flag("merges", "max-members", "max_members", "regional, leader: largest group");
    flag("stations", "town", "town", "township code (default: every township)");
    flag("stations", "k", "k", "stations per township (default 4)");
    flag("stations", "by", "by", "villages or population");
    flag("stations", "tolerance", "tolerance", "allowed share off the even size (default 0.1)");
    flag("stations", "seats", "seats", "seat village codes, comma-separated");
    flag("belt-gaps", "gap", "gap", "largest road stretch without a site, m (default 5000)");
    flag("belt-gaps", "belt", "belt", "belt id or name (default: every belt)");
    return cmd;
}

}  // namespace

int run_cli(int argc, char** argv) {
    // Messages in Chinese when the locale says so (zh_CN...), English otherwise.
    core::set_language(core::language_from_environment());
    CLI::App app{"beltplan: demonstration sites, joint Party organizations and belts", "beltplan"};
    app.require_subcommand(0, 1);
    app.set_version_flag("--version", "beltplan 0.1.0");

    // No subcommand: the window, on PLAN or the sample plan (DESIGN.md section 4).
    WindowOptions window;
    app.add_option("plan", window.plan_path, "plan to open in the window (default: the sample)");
    app.add_option("--screenshot", window.screenshot_path,
                   "open the window, draw a few frames, save it as PNG and exit");
    app.add_option("--compare", window.compare_path,
                   "open the window comparing the plan with this other plan file");

    ReportOptions report;
    CLI::App* report_cmd = app.add_subcommand("report", "coverage report of a plan");
    report_cmd->add_option("plan", report.plan_path, "plan file (.gpkg)")->required();
    report_cmd->add_option("--radius", report.radius_m, "reach radius in metres")
        ->check(CLI::PositiveNumber);
    report_cmd->add_option("--distance", report.distance, "euclidean or network")
        ->check(CLI::IsMember({"euclidean", "network"}));
    report_cmd->add_flag("--json", report.json, "print JSON");
    report_cmd->add_option("--xlsx", report.xlsx_path,
                           "write the tables (summary, townships, uncovered villages, sites, joint "
                           "organizations, belts, work stations) as an Excel workbook");
    report_cmd->add_option("--csv", report.csv_dir,
                           "write the same tables as UTF-8 CSV files (with BOM) into this folder");

    RoadsOptions roads;
    CLI::App* roads_cmd = app.add_subcommand("roads", "health of the road layer as a road graph");
    roads_cmd->add_option("plan", roads.plan_path, "plan file (.gpkg)")->required();
    roads_cmd->add_flag("--json", roads.json, "print JSON");
    roads_cmd->add_option("--out", roads.out_path, "write the problems to a GeoPackage");

    InfoOptions info;
    CLI::App* info_cmd = app.add_subcommand("info", "layers, counts, CRS and warnings of a plan");
    info_cmd->add_option("plan", info.plan_path, "plan file (.gpkg)")->required();
    info_cmd->add_flag("--json", info.json, "print JSON");

    ContiguityOptions contig;
    CLI::App* contig_cmd = app.add_subcommand("contiguity", "neighbour pairs of the villages");
    contig_cmd->add_option("plan", contig.plan_path, "plan file (.gpkg)")->required();
    contig_cmd->add_option("--rule", contig.rule, "queen or rook")
        ->check(CLI::IsMember({"queen", "rook"}));
    contig_cmd->add_option("--snap", contig.snap_m, "snap tolerance in metres (0 = exact)")
        ->check(CLI::NonNegativeNumber);
    contig_cmd->add_option("--out", contig.out_path, "write pairs a,b (a < b) one per line");
    contig_cmd->add_flag("--json", contig.json, "print JSON");
    contig_cmd->add_flag("--no-edits", contig.no_edits, "ignore the plan's manual links and cuts");

    OrgsOptions orgs;
    CLI::App* orgs_cmd =
        app.add_subcommand("orgs", "joint organizations: members, lead, validity and reasons");
    orgs_cmd->add_option("plan", orgs.plan_path, "plan file (.gpkg)")->required();
    orgs_cmd->add_flag("--json", orgs.json, "print JSON");
    orgs_cmd
        ->add_option("--snap", orgs.snap_m,
                     "count villages within this gap (m) as neighbours (0 = exact)")
        ->check(CLI::NonNegativeNumber);

    BeltsOptions belts;
    CLI::App* belts_cmd = app.add_subcommand("belts", "members, sites, gaps and reach of belts");
    belts_cmd->add_option("plan", belts.plan_path, "plan file (.gpkg)")->required();
    belts_cmd->add_flag("--json", belts.json, "print JSON");

    CompareOptions compare;
    CLI::App* compare_cmd =
        app.add_subcommand("compare", "two plans side by side: coverage, groups, sites, belts");
    compare_cmd->add_option("a", compare.plan_a, "plan A, e.g. this year's (.gpkg)")->required();
    compare_cmd->add_option("b", compare.plan_b, "plan B, e.g. the proposal (.gpkg)")->required();
    compare_cmd->add_option("--radius", compare.radius_m, "reach radius in metres for both")
        ->check(CLI::PositiveNumber);
    compare_cmd->add_option("--distance", compare.distance, "euclidean or network for both")
        ->check(CLI::IsMember({"euclidean", "network"}));
    compare_cmd->add_option("--out", compare.out_path, "write the villages that differ as CSV");
    compare_cmd->add_flag("--json", compare.json, "print JSON");

    SuggestOptions suggest;
    CLI::App* suggest_cmd = add_suggest(app, suggest);

    RenderOptions render;
    CLI::App* render_cmd =
        app.add_subcommand("render", "draw a meeting-ready map as PNG, PDF or SVG, or an atlas");
    render_cmd->add_option("plan", render.plan_path, "plan file (.gpkg)")->required();
    render_cmd
        ->add_option("-o,--output", render.out_path,
                     "file to write (.png .pdf .svg); with --atlas a .pdf or a folder of PNGs")
        ->required();
    render_cmd->add_option("--size", render.size, "image size WxH in pixels (default 1600x1100)");
    render_cmd->add_option("--paper", render.paper, "page size A4, A3, A2, A1 or A0 (print)")
        ->check(CLI::IsMember({"A4", "A3", "A2", "A1", "A0", "a4", "a3", "a2", "a1", "a0"}));
    render_cmd->add_flag("--landscape", render.landscape, "turn the paper to landscape");
    render_cmd->add_option("--dpi", render.dpi, "PNG resolution in pixels per inch (default 96)");
    render_cmd->add_option("--atlas", render.atlas, "one page per township: --atlas township")
        ->check(CLI::IsMember({"township"}));
    render_cmd->add_option("--color", render.color,
                           "village colours: coverage, distance, orgs, kind, attribute, or the "
                           "name of a numeric attribute");
    render_cmd->add_option("--attribute", render.attribute, "attribute of --color attribute");
    render_cmd->add_option("--title", render.title, "map title");
    render_cmd->add_option("--radius", render.radius_m, "reach radius in metres")
        ->check(CLI::PositiveNumber);
    render_cmd->add_option("--distance", render.distance, "euclidean or network")
        ->check(CLI::IsMember({"euclidean", "network"}));
    render_cmd->add_option("--hide", render.hide,
                           "layers to hide (townships villages roads "
                           "reach belts orgs stations sites labels)");
    render_cmd->add_option("--show", render.show, "layers to show");
    render_cmd->add_option("--view", render.view, "2d, or 3d for the tilted 2.5D view")
        ->check(CLI::IsMember({"2d", "3d"}));
    render_cmd->add_option("--extrude", render.extrude, "3d: attribute for village heights");
    render_cmd->add_option("--basemap", render.basemap, "local GeoTIFF or MBTiles under the map");
    render_cmd->add_option("--tile", render.tile_px, "largest tile side in pixels (0 = GL limit)")
        ->check(CLI::NonNegativeNumber);

    ImportCommand import;
    std::string paths[4];
    std::string layers[4];
    const char* roles[4] = {"villages", "townships", "roads", "sites"};
    CLI::App* import_cmd =
        app.add_subcommand("import", "read boundaries, roads and sites into a new plan");
    add_source(import_cmd, roles[0], paths[0], layers[0]);
    add_source(import_cmd, roles[1], paths[1], layers[1]);
    add_source(import_cmd, roles[2], paths[2], layers[2]);
    add_source(import_cmd, roles[3], paths[3], layers[3]);
    import_cmd->add_option("sources", import.options.sources,
                           "files or folders to import; each layer's role is recognised");
    import_cmd->add_option("-o,--output", import.out_path, "plan file to write (.gpkg)")
        ->required();
    import_cmd->add_option("--field", import.field_maps,
                           "field mapping ROLE.TARGET=SOURCE, e.g. villages.code=XZQDM");
    import_cmd->add_option("--encoding", import.options.encoding,
                           "source text encoding (GBK, CP936, UTF-8); detected when absent");
    import_cmd->add_option("--crs", import.options.source_crs,
                           "CRS of sources that have none, e.g. EPSG:4490");
    import_cmd->add_option("--target-crs", import.options.target_crs,
                           "plan CRS (default: CGCS2000 3-degree GK zone of the data)");
    import_cmd
        ->add_option("--site-crs", import.site_crs,
                     "datum of site lon/lat (default: tested against the villages named)")
        ->check(CLI::IsMember({"wgs84", "gcj02", "bd09"}));
    import_cmd->add_flag("--skip-outliers", import.options.skip_outliers,
                         "leave out features far from the rest instead of refusing");
    import_cmd->add_flag("!--no-repair", import.options.repair,
                         "skip invalid polygons instead of repairing them");
    import_cmd->add_option("--name", import.options.plan_name, "plan name");
    import_cmd->add_flag("--force", import.force, "replace an existing output plan");

    ExportCommand exp;
    CLI::App* export_cmd = app.add_subcommand("export", "write one plan layer to a GIS file");
    export_cmd->add_option("plan", exp.plan_path, "plan file (.gpkg)")->required();
    export_cmd->add_option("--layer", exp.options.layer, "layer to write")->required();
    export_cmd
        ->add_option("-o,--output", exp.options.out_path,
                     "output file (.shp .geojson .kml .csv .xlsx .gpkg)")
        ->required();
    export_cmd->add_option("--format", exp.options.format, "GDAL driver name");
    export_cmd->add_option("--crs", exp.options.target_crs, "output CRS, e.g. EPSG:4326");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    if (report_cmd->parsed()) {
        return run_report(report);
    }
    if (render_cmd->parsed()) {
        return run_render(render);
    }
    if (info_cmd->parsed()) {
        return run_info(info);
    }
    if (roads_cmd->parsed()) {
        return run_roads(roads);
    }
    if (contig_cmd->parsed()) {
        return run_contiguity(contig);
    }
    if (belts_cmd->parsed()) {
        return run_belts(belts);
    }
    if (suggest_cmd->parsed()) {
        return run_suggest(suggest);
    }
    if (orgs_cmd->parsed()) {
        return run_orgs(orgs);
    }
    if (compare_cmd->parsed()) {
        return run_compare(compare);
    }
    if (import_cmd->parsed()) {
        std::optional<io::SourceSpec>* specs[4] = {&import.options.villages,
                                                   &import.options.townships, &import.options.roads,
                                                   &import.options.sites};
        for (int i = 0; i < 4; ++i) {
            if (!paths[i].empty()) {
                *specs[i] = io::SourceSpec{paths[i], layers[i], {}};
            }
        }
        return run_import(std::move(import));
    }
    if (export_cmd->parsed()) {
        return run_export(exp);
    }
    return run_window(window);
}

}  // namespace beltplan::app
