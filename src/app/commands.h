// The CLI subcommands as plain functions over option structs (CLI11 stays in cli.cpp).
// Each returns the process exit code: 0 done, 1 bad input or failed operation, 2 bad usage.
#pragma once

#include "io/export.h"
#include "io/import.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

struct ReportOptions {
    std::string plan_path;
    std::optional<double> radius_m;  // overrides the plan's reach radius
    std::string distance;            // "" = the plan's setting; euclidean | network
    bool json = false;
    std::string xlsx_path;  // --xlsx: the department's tables as one workbook
    std::string csv_dir;    // --csv: the same tables as UTF-8 CSV files (with BOM) in a folder
};

// `beltplan roads`: the road layer's pieces and problems (issue 13).
struct RoadsOptions {
    std::string plan_path;
    bool json = false;
    std::string out_path;  // --out: the problems as a GeoPackage
};

struct InfoOptions {
    std::string plan_path;
    bool json = false;
};

struct ContiguityOptions {
    std::string plan_path;
    std::string rule = "queen";  // queen | rook
    double snap_m = 0.0;
    std::string out_path;  // "" = print
    bool json = false;
    bool no_edits = false;  // ignore the plan's manual links and cuts
};

struct BeltsOptions {
    std::string plan_path;
    bool json = false;
};

// `beltplan suggest sites|merges|stations|belt-gaps|list`.
struct SuggestOptions {
    std::string what;  // sites, merges, stations, belt-gaps, list
    std::string plan_path;
    std::string strategy;                      // "" = the shipped one for `what` (and mode)
    std::string mode;                          // merges: strong_weak, regional, leader
    std::map<std::string, std::string> flags;  // strategy parameters by name; "" = unset
    std::vector<std::string> params;           // extra NAME=VALUE parameters
    std::string plugins_dir;                   // --plugins: a folder that must exist
    bool json = false;
    bool apply = false;    // --apply: put the whole suggestion into the plan
    std::string out_path;  // --out with --apply: write the changed plan here, not over PLAN
};

// `beltplan orgs`: joint organizations with validity, reasons and the rule's lead.
struct OrgsOptions {
    std::string plan_path;
    bool json = false;
    double snap_m = 0.0;  // --snap: neighbours within this gap count (data with slivers)
};

// `beltplan compare A B`: two plans of one district side by side.
struct CompareOptions {
    std::string plan_a;
    std::string plan_b;
    std::optional<double> radius_m;  // both plans measured with it; unset: each its own
    std::string distance;            // likewise; "" or euclidean | network
    std::string out_path;            // --out: CSV of the villages that differ
    bool json = false;
};

struct ImportCommand {
    io::ImportOptions options;
    std::vector<std::string> field_maps;  // "villages.code=XZQDM"
    std::string site_crs;                 // "", wgs84, gcj02, bd09
    std::string out_path;
    bool force = false;
};

struct ExportCommand {
    std::string plan_path;
    io::ExportOptions options;
};

// `beltplan render`: a meeting-ready map of a plan as PNG, PDF or SVG, or the township atlas.
struct RenderOptions {
    std::string plan_path;
    std::string out_path;            // .png .pdf .svg; atlas: .pdf or a folder of PNGs
    std::string size = "1600x1100";  // WxH pixels (page units) when no paper is named
    std::string paper;               // A4..A0
    bool landscape = false;
    double dpi = 96.0;               // PNG pixels per inch
    std::string atlas;               // "township": one page per township
    std::string color = "coverage";  // coverage|distance|orgs|kind|attribute, or an attribute
    std::string attribute;           // --color attribute: which one (default population)
    std::string title;
    std::optional<double> radius_m;
    std::string distance;           // "" = the plan's setting
    std::vector<std::string> hide;  // layer names
    std::vector<std::string> show;  // layer names
    std::string view = "2d";        // 2d | 3d (2.5D: extruded villages, tilted camera)
    std::string extrude;            // 3d: attribute giving heights (default population)
    std::string basemap;            // optional local GeoTIFF / MBTiles
    int tile_px = 0;                // largest tile side (0 = the GL limit)
};

int run_report(const ReportOptions& options);
int run_render(const RenderOptions& options);
int run_info(const InfoOptions& options);
int run_roads(const RoadsOptions& options);
int run_contiguity(const ContiguityOptions& options);
int run_belts(const BeltsOptions& options);
int run_suggest(const SuggestOptions& options);
int run_orgs(const OrgsOptions& options);
int run_compare(const CompareOptions& options);
int run_import(ImportCommand command);
int run_export(const ExportCommand& command);

// Prints "beltplan: <message>" to stderr; returns kExitFailed.
int fail(const std::string& message);

// Prints each sentence as "beltplan: warning: <sentence>" to stderr.
void print_warnings(const std::vector<std::string>& warnings);
// io::read_plan (which refuses a plan whose values would give a wrong figure), with the
// warnings of the plan's validation printed to stderr. Every command reads its plan this way.
core::Result<core::Plan> read_plan_warned(const std::string& path);

}  // namespace beltplan::app
