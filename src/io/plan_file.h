// The plan file (DESIGN.md section 3): one GeoPackage with the layers villages, townships,
// roads, sites, joint_orgs, belts, work_stations, the table contiguity_edits and the table
// plan_meta. Saving is atomic.
#pragma once

#include "core/plan.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace beltplan::io {

// Version written into plan_meta; readers accept this and older.
inline constexpr int kPlanFormatVersion = 1;

// Reads a plan file, or any GeoPackage whose layers use the section 3 names.
// Missing optional layers are empty; a missing villages layer is an error.
core::Result<core::Plan> read_plan(const std::string& path);

// Writes the plan to `path` through a temporary file in the same folder renamed over it,
// so a failed or killed save leaves the previous file intact.
core::Status write_plan(const core::Plan& plan, const std::string& path);

// One layer of a plan file as `beltplan info` shows it.
struct LayerInfo {
    std::string name;
    std::string geometry_type;  // "Polygon", "None", ...
    long long features = 0;
};

struct PlanFileInfo {
    std::string path;
    int format_version = 0;
    std::string crs_name;
    int crs_epsg = 0;
    std::vector<LayerInfo> layers;
    std::vector<std::string> warnings;  // one sentence each: missing attributes, unknown codes
};

// Describes a plan file without loading analysis: layers, counts, CRS and warnings.
core::Result<PlanFileInfo> inspect_plan(const std::string& path);

}  // namespace beltplan::io
