// The only translation unit that includes CLI11: declares every subcommand and its flags,
// then hands plain option structs to the command functions.
#include "app/cli.h"

#include "app/commands.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace beltplan::app {

namespace {

void add_source(CLI::App* cmd, const std::string& role, std::string& path, std::string& layer) {
    cmd->add_option("--" + role, path, "OGR source of the " + role + " (file or PG:...)");
    cmd->add_option("--" + role + "-layer", layer, "layer of the " + role + " source");
}

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"beltplan: demonstration sites, joint Party organizations and belts", "beltplan"};
    app.require_subcommand(0, 1);
    app.set_version_flag("--version", "beltplan 0.1.0");

    ReportOptions report;
    CLI::App* report_cmd = app.add_subcommand("report", "coverage report of a plan");
    report_cmd->add_option("plan", report.plan_path, "plan file (.gpkg)")->required();
    report_cmd->add_option("--radius", report.radius_m, "reach radius in metres")
        ->check(CLI::PositiveNumber);
    report_cmd->add_option("--distance", report.distance, "euclidean or network")
        ->check(CLI::IsMember({"euclidean", "network"}));
    report_cmd->add_flag("--json", report.json, "print JSON");

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

    BeltsOptions belts;
    CLI::App* belts_cmd = app.add_subcommand("belts", "members, sites, gaps and reach of belts");
    belts_cmd->add_option("plan", belts.plan_path, "plan file (.gpkg)")->required();
    belts_cmd->add_flag("--json", belts.json, "print JSON");

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
    import_cmd->get_option("--villages")->required();
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
    import_cmd->add_option("--site-crs", import.site_crs, "datum of site lon/lat")
        ->check(CLI::IsMember({"wgs84", "gcj02", "bd09"}));
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
    if (info_cmd->parsed()) {
        return run_info(info);
    }
    if (contig_cmd->parsed()) {
        return run_contiguity(contig);
    }
    if (belts_cmd->parsed()) {
        return run_belts(belts);
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
    std::cout << app.help() << "\nThe window opens from a later release; for now try:\n"
              << "  beltplan report maps/xuanhua.gpkg\n";
    return kExitOk;
}

}  // namespace beltplan::app
