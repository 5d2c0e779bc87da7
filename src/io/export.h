// Export of one plan layer to the formats the department's other tools read.
#pragma once

#include <string>

#include "core/plan.h"
#include "core/result.h"

namespace beltplan::io {

struct ExportOptions {
    std::string layer;        // villages, townships, roads, sites, joint_orgs, belts, work_stations
    std::string out_path;     // .shp, .geojson/.json, .kml, .csv, .xlsx, .gpkg
    std::string format;       // GDAL driver name; "" picks it from the extension
    std::string target_crs;   // "" keeps the plan's CRS; else e.g. "EPSG:4326"
};

// Writes the layer; Shapefiles get a .cpg (UTF-8). KML is always written in EPSG:4326.
core::Status export_layer(const core::Plan& plan, const ExportOptions& options);

}  // namespace beltplan::io
