// Export of one plan layer to the formats the department's other tools read.
#pragma once

#include "core/plan.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace beltplan::io {

struct ExportOptions {
    std::string layer;       // a plan layer: villages ... work_stations, contiguity_edits
    std::string out_path;    // .shp, .geojson/.json, .kml, .csv, .xlsx, .gpkg
    std::string format;      // GDAL driver name; "" picks it from the extension
    std::string target_crs;  // "" keeps the plan's CRS; else e.g. "EPSG:4326"
};

// Writes the layer; Shapefiles get a .cpg (UTF-8). KML is always written in EPSG:4326.
core::Status export_layer(const core::Plan& plan, const ExportOptions& options);

// A field whose name had to change in the output (Shapefile names are at most 10 bytes).
struct FieldRename {
    std::string field;       // name in the plan file layout
    std::string written_as;  // name in the output
};

// What export_layer_with_summary wrote.
struct ExportSummary {
    std::string driver;    // GDAL driver used
    std::string crs_name;  // CRS of the output coordinates
    long long features = 0;
    std::vector<FieldRename> renamed_fields;  // every field written under another name
    std::vector<std::string> files;           // the files written
    std::vector<std::string> warnings;        // GDAL's messages while writing
};

// As export_layer, and says what was written, including every renamed field.
core::Result<ExportSummary> export_layer_with_summary(const core::Plan& plan,
                                                      const ExportOptions& options);

}  // namespace beltplan::io
