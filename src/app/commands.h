// The CLI subcommands as plain functions over option structs (CLI11 stays in cli.cpp).
// Each returns the process exit code: 0 done, 1 bad input or failed operation, 2 bad usage.
#pragma once

#include "io/export.h"
#include "io/import.h"

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
};

struct BeltsOptions {
    std::string plan_path;
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

int run_report(const ReportOptions& options);
int run_info(const InfoOptions& options);
int run_contiguity(const ContiguityOptions& options);
int run_belts(const BeltsOptions& options);
int run_import(ImportCommand command);
int run_export(const ExportCommand& command);

// Prints "beltplan: <message>" to stderr; returns kExitFailed.
int fail(const std::string& message);

}  // namespace beltplan::app
