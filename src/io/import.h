// Import of boundaries, roads and sites from any GDAL/OGR source into a plan: field mapping,
// text encoding detection, CRS handling, geometry repair, and a report of everything done.
#pragma once

#include "core/plan.h"
#include "core/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::io {

// Datum of site coordinates picked on Chinese web maps.
enum class SiteDatum { kAsSource, kGcj02, kBd09 };

// One input: an OGR data source (file path or "PG:..." connection string) and a layer.
struct SourceSpec {
    std::string path;
    std::string layer;  // "" = the only/first layer
    // Target field -> source field ("code" -> "XZQDM"); unspecified targets are recognised
    // from common Chinese and English field names.
    std::map<std::string, std::string> fields;
};

struct ImportOptions {
    std::optional<SourceSpec> villages;  // required
    std::optional<SourceSpec> townships;
    std::optional<SourceSpec> roads;
    std::optional<SourceSpec> sites;
    std::string encoding;    // explicit source text encoding ("GBK", "UTF-8"); wins over detection
    std::string source_crs;  // used only when a source has no CRS ("EPSG:4490")
    std::string target_crs;  // "" = CGCS2000 3-degree GK zone of the data's centre
    SiteDatum site_datum = SiteDatum::kAsSource;
    bool repair = true;  // repair invalid polygons with MakeValid (counted); else skip them
    std::string plan_name;
};

// How a layer's text was decoded, and why.
struct EncodingChoice {
    std::string encoding;  // "UTF-8", "CP936", ...
    std::string reason;    // "--encoding given", ".cpg says 936", "DBF language byte 0x4D", ...
};

struct LayerSummary {
    std::string role;  // villages, townships, roads, sites
    std::string source;
    std::string layer;
    std::string driver;
    long long features_read = 0;
    long long imported = 0;
    long long skipped = 0;
    EncodingChoice encoding;
    std::string source_crs;
    std::map<std::string, std::string> field_mapping;  // target -> source field used
    std::vector<std::string> sample_names;             // a few decoded names, to spot bad guesses
};

// A warning kind with its count and a few examples ("feature 12 (屈家庄): self-intersection").
struct ImportWarning {
    std::string kind;  // "repaired_polygon", "site_outside_villages", ...
    long long count = 0;
    std::vector<std::string> examples;
};

struct ImportReport {
    std::vector<LayerSummary> layers;
    std::vector<ImportWarning> warnings;
    std::string target_crs;  // name and EPSG of the plan CRS
    // Adds one occurrence of a warning kind, keeping at most 5 examples.
    void warn(const std::string& kind, const std::string& example);
    // Human-readable summary for the terminal.
    std::string to_text() const;
};

struct ImportResult {
    core::Plan plan;
    ImportReport report;
};

// Reads every given source into a new plan in one projected CRS.
core::Result<ImportResult> import_plan(const ImportOptions& options);

}  // namespace beltplan::io
