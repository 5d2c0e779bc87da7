// Building plan objects from source tables: villages (polygons, or seats whose areas are built
// later), townships (read or dissolved from villages), roads and sites, with every skip,
// repair, merge and guess counted in the report.
#pragma once

#include "core/plan.h"
#include "core/result.h"
#include "io/crs.h"
#include "io/field_map.h"
#include "io/import.h"
#include "io/import_codes.h"
#include "io/import_source.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::io {

// What a layer builder reads: the table, its field mapping, the transform to the plan CRS and
// the one from CGCS2000 degrees (seat columns written in degrees).
struct LayerInput {
    const SourceTable& table;
    const FieldMapping& mapping;
    const CoordinateTransform& transform;
    const CoordinateTransform& from_degrees;
    // The layer is in degrees: seat columns in metres are then read in the plan CRS (they
    // cannot be in the layer's) and checked against the village polygon like any other.
    bool geographic = false;
};

struct VillagesOut {
    std::vector<core::Village> villages;
    std::map<std::string, std::string> town_names;  // town code -> name, from a village field
    bool points = false;  // seats only (村委会驻地): shapes are built from the townships later
};

// Villages. Codes are normalised (a 19-digit 坐落单位代码 gives the 12-digit village code);
// several features of one code become one multipolygon village (reported), unless their names
// differ (an Error naming both). With `points`, each feature's point (or seat columns) is the
// seat and the shape stays empty. Seat columns are read in the unit their values show and
// checked against the village polygon. Features without code or usable geometry are skipped
// and counted. A layer whose codes are all county or township codes is warned
// ("codes_not_village").
core::Result<VillagesOut> build_villages(const LayerInput& in, bool points, bool repair,
                                         ImportReport& report, LayerSummary& summary);

// Townships of a townships layer (codes normalised to 9 digits; features of one code and name
// merged, of one code and two names an Error).
core::Result<std::vector<core::Township>> build_townships(const LayerInput& in, bool repair,
                                                          ImportReport& report,
                                                          LayerSummary& summary);

// Every village's township (DESIGN.md section 2): by code (the town code, else the village
// code's first 9 digits) when the townships have it, else the township polygon holding the
// village's anchor (counted as "town_by_location"); neither is warned "no_township".
// Fills report.townships.
void assign_townships(std::vector<core::Village>& villages,
                      const std::vector<core::Township>& townships, ImportReport& report);

// Approximate village areas (DESIGN.md section 2): each village's Voronoi cell among the
// seats of its township, clipped to the township. Two villages on one seat, or a village with
// no township, is an Error naming them; a seat outside its township is warned.
core::Status build_approximate_areas(std::vector<core::Village>& villages,
                                     const std::vector<core::Township>& townships,
                                     const std::string& file, ImportReport& report);

// One township per town code of the villages, shaped as the union of its villages; named
// from `town_names` when known, else by its code (counted as "township_from_villages").
std::vector<core::Township> townships_from_villages(
    const std::vector<core::Village>& villages,
    const std::map<std::string, std::string>& town_names, ImportReport& report);

// Roads (lines); features without a usable line are skipped and counted.
std::vector<core::Road> build_roads(const LayerInput& in, ImportReport& report,
                                    LayerSummary& summary);

// Sites: points of the layer, or rows with longitude/latitude columns (CSV, XLSX; WGS-84,
// GCJ-02 or BD-09 as options.site_datum says, or as the villages the rows name show), or rows
// that name their village (code, or name within a township) and no coordinates: placed at the
// village's anchor, every row listed in report.site_rows with how it matched, rows matching
// no village or several left out. Projected to `target_crs`.
core::Result<std::vector<core::Site>> build_sites(const SourceTable& table,
                                                  const FieldMapping& mapping,
                                                  const ImportOptions& options,
                                                  const std::string& target_crs,
                                                  const core::Plan& plan, ImportReport& report,
                                                  LayerSummary& summary);

// The source fields of a row as ExtraFields, unchanged, except those feeding a mapped target
// other than the `kept` targets (which have no slot of their own in the plan object).
core::ExtraFields extra_fields(const SourceTable& table, const FieldMapping& mapping,
                               const SourceRow& row, const std::vector<std::string>& kept = {});

// The trimmed text of the mapped field `target` of a row; "" when unmapped or null.
std::string field_text(const FieldMapping& mapping, const SourceRow& row,
                       const std::string& target);

// The normalised code of the mapped field `target`; nullopt when empty; an Error when the value
// has lost its digits (a code stored as "1.30123E+18").
core::Result<std::optional<NormalCode>> field_code(const LayerInput& in, const SourceRow& row,
                                                   const std::string& target);

// Counts "unparsed_value" for the mapped field `target` of a row: "<label>, field 'F': 'v' is
// not <what>; left unset" (`what_key` a catalogue key: import.what.number ...).
void warn_unparsed(const FieldMapping& mapping, const SourceRow& row, const std::string& target,
                   const std::string& label, const std::string& what_key, ImportReport& report);

// Parses the mapped numeric field `target`; a value that does not parse is counted as
// "unparsed_value" (with `label` and the field) and gives nullopt, never zero.
std::optional<double> field_real(const FieldMapping& mapping, const SourceRow& row,
                                 const std::string& target, const std::string& label,
                                 ImportReport& report);

}  // namespace beltplan::io
