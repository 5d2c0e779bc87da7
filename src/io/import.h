// Import of boundaries, roads and sites from the files a department really has (DESIGN.md
// section 6) into a plan: layers chosen by role, fields recognised, codes normalised, text
// encoding and CRS decided, geometry checked, sites placed, and a summary of everything done.
//
// The API a caller (the CLI, the window's import dialog) uses:
//   import_plan(options)        reads and analyses every source; nothing is written;
//   result.report               the summary: layers, fields, encodings, CRS, warnings, rows;
//   result.report.unmatched()   the site rows that matched no village or several;
//   write_import(result, path)  writes the plan (safe save) and the unmatched rows beside it.
#pragma once

#include "core/plan.h"
#include "core/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::io {

// Datum of site longitude/latitude: kAuto tests WGS-84, GCJ-02 and BD-09 against the villages
// the sheet names (else reads WGS-84 and warns); the others are what the user said.
enum class SiteDatum { kAuto, kWgs84, kGcj02, kBd09 };

// One input: an OGR data source (file, folder, "PG:..." connection string) and a layer.
struct SourceSpec {
    std::string path;
    std::string layer;  // "" = the layer whose name, geometry and fields fit the role
    // Target field -> source field ("code" -> "XZQDM"); unspecified targets are recognised
    // from the field names Chinese data uses.
    std::map<std::string, std::string> fields;
    std::vector<std::string> merged_layers = {};  // layers read as one (KML folders); by import
};

struct ImportOptions {
    // Files or folders whose layers are all looked at; each role takes the layer that fits it.
    std::vector<std::string> sources;
    std::optional<SourceSpec> villages;  // explicit roles: these win over `sources`
    std::optional<SourceSpec> townships;
    std::optional<SourceSpec> roads;
    std::optional<SourceSpec> sites;
    std::string encoding;    // explicit source text encoding ("GBK", "UTF-8"); wins over detection
    std::string source_crs;  // used only when a source has no CRS ("EPSG:4490")
    std::string target_crs;  // "" = CGCS2000 3-degree GK zone of the data's centre
    SiteDatum site_datum = SiteDatum::kAuto;
    bool repair = true;          // repair invalid polygons with MakeValid (counted); else skip them
    bool skip_outliers = false;  // leave out features far from the rest instead of refusing
    std::string plan_name;
};

// How a layer's text was decoded, and why.
struct EncodingChoice {
    std::string encoding;  // "UTF-8", "CP936", ...
    std::string reason;    // "--encoding given", ".cpg says 936", "DBF language byte 0x4D", ...
};

// A layer found in a source and what the import did with it.
struct LayerSeen {
    std::string source;
    std::string layer;
    std::string geometry;  // words: polygons, points, lines, no geometry
    long long features = -1;
    std::string role;  // the role it was used for, "" when not used
    std::string why;
};

struct LayerSummary {
    std::string role;  // villages, townships, roads, sites
    std::string source;
    std::string layer;
    std::string driver;
    long long declared = -1;  // the count the file declares; -1 when it declares none
    long long features_read = 0;
    long long imported = 0;
    long long skipped = 0;
    EncodingChoice encoding;
    std::string source_crs;  // "EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38)"
    std::string crs_reason;  // why that CRS (.prj, --crs, recognised from the coordinates)
    std::map<std::string, std::string> field_mapping;  // target -> source field used
    std::map<std::string, std::string> field_notes;    // target -> how its values were read
    std::vector<std::string> sample_names;             // a few decoded names, to spot bad guesses
};

// Villages per township and how they were assigned (DESIGN.md section 2).
struct TownshipCount {
    std::string code;
    std::string name;
    long long villages = 0;
    long long by_code = 0;      // the village code's first 9 digits
    long long by_location = 0;  // the township polygon that holds the village's anchor
    long long sites = 0;
};

// How a site row found its village.
enum class SiteMatchHow {
    kPosition,   // its coordinates (the village that holds it)
    kCode,       // its village code
    kName,       // its village name (within its township when one is named)
    kTypo,       // a name one character off, the only such name
    kUnmatched,  // no village: not placed, written to the CSV
    kAmbiguous,  // several villages: not placed, written to the CSV
};

// One row of a sites sheet and its match.
struct SiteRow {
    long long row = 0;  // 1-based data row (feature id for files with geometry)
    std::string site;   // the site's name
    std::string village_text;
    std::string township_text;
    SiteMatchHow how = SiteMatchHow::kPosition;
    std::string village_code;             // the village placed in, "" when not placed
    std::string village_name;             // its name in the plan
    std::vector<std::string> candidates;  // ambiguous: "name (code)" of each candidate
    std::string note;                     // the typo shown, or why the row was not placed
};

// A warning kind with its count and a few examples ("feature 12 (屈家庄): self-intersection").
struct ImportWarning {
    std::string kind;  // "repaired_polygon", "site_outside_villages", ...
    long long count = 0;
    std::vector<std::string> examples;
};

struct ImportReport {
    std::vector<LayerSeen> layers_seen;
    std::vector<LayerSummary> layers;
    std::vector<TownshipCount> townships;
    std::vector<SiteRow> site_rows;
    std::vector<ImportWarning> warnings;
    std::string target_crs;          // name and EPSG of the plan CRS
    std::string target_reason;       // why that CRS
    bool approximate_areas = false;  // village areas built from seats (DESIGN.md section 2)

    // Adds one occurrence of a warning kind, keeping at most 5 examples.
    void warn(const std::string& kind, const std::string& example);
    // True for the kinds that change an answer (a village left out, moved, assigned by place,
    // a site placed at a guess...): the summary lists them first.
    static bool changes_answer(const std::string& kind);
    // The site rows that found no village or several.
    std::vector<SiteRow> unmatched() const;
    // The summary a planner reads before trusting the plan, in the current language.
    std::string to_text() const;
};

struct ImportResult {
    core::Plan plan;
    ImportReport report;
};

// Reads every given source into a new plan in one projected CRS. Nothing is written.
core::Result<ImportResult> import_plan(const ImportOptions& options);

// Where the rows that could not be placed go: "<folder>/<plan stem>.unmatched_sites.csv".
std::string unmatched_rows_path(const std::string& plan_path);

// Writes the plan to `plan_path` (temporary file, then rename), then, when some site rows
// were not placed, their CSV beside it (UTF-8 with BOM, for Excel). Nothing is replaced
// unless the new plan was written completely.
core::Status write_import(const ImportResult& result, const std::string& plan_path);

}  // namespace beltplan::io
