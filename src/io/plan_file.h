// The plan file (DESIGN.md section 3): one GeoPackage with the layers villages, townships,
// roads, sites, joint_orgs, belts, work_stations, the table contiguity_edits and the table
// plan_meta. Saving is atomic.
#pragma once

#include "core/file_stamp.h"
#include "core/plan.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace beltplan::io {

// Version written into plan_meta; readers accept this and older.
inline constexpr int kPlanFormatVersion = 1;

// A plan as read from its file, with what a later save over that file needs.
struct LoadedPlan {
    core::Plan plan;
    core::FileStamp stamp;              // the file as it was read (see save_plan)
    std::vector<std::string> warnings;  // one sentence each: values that look wrong but are used
};

// Reads a plan file, or any GeoPackage whose layers use the section 3 names, and validates
// its values (core/plan_check.h): a plan with a value that would make a figure wrong (a bad
// reach radius or half-width, a negative or absurd count, a missing or invalid boundary, a
// duplicate code) is refused with one sentence per problem. Missing optional layers are
// empty; a missing villages layer is an error. Every command and the window read through it.
core::Result<LoadedPlan> load_plan(const std::string& path);
// load_plan without the stamp and warnings.
core::Result<core::Plan> read_plan(const std::string& path);

// Writes the plan to `path` (a new file, "save as", import): a temporary file in the same
// folder (unique per process and call), GDAL's close checked, fsync, rename, so a failed or
// killed save leaves the previous file intact. Temporaries that a killed beltplan left beside
// `path` are removed first.
core::Status write_plan(const core::Plan& plan, const std::string& path);

// Saves over the file the plan was read from: as write_plan, but refused ("the plan was
// changed by another program since it was opened; save as a new file or reopen") unless the
// file is still the one `read_stamp` describes; the check and the rename happen under a lock,
// so of two beltplans saving one plan read at the same time exactly one succeeds. Returns the
// stamp of the file written, for the next save.
core::Result<core::FileStamp> save_plan(const core::Plan& plan, const std::string& path,
                                        const core::FileStamp& read_stamp);

// True while the file at `path` is still the one `read_stamp` describes (for the window's
// file watch: offer to reload or save as when it turns false).
bool plan_file_unchanged(const std::string& path, const core::FileStamp& read_stamp);

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
    std::vector<std::string> warnings;       // one sentence each: missing attributes, unknown codes
    std::string provenance;                  // plan_meta provenance (empty when not stated)
    bool approximate_village_areas = false;  // plan_meta approximate_village_areas = 1
};

// Describes a plan file without loading analysis: layers, counts, CRS and warnings.
core::Result<PlanFileInfo> inspect_plan(const std::string& path);

}  // namespace beltplan::io
