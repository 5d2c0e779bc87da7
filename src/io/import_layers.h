// Building plan objects from source tables: villages, townships (read or dissolved from
// villages), roads and sites, with every skip, repair and guess counted in the report.
#pragma once

#include "core/plan.h"
#include "core/result.h"
#include "io/crs.h"
#include "io/field_map.h"
#include "io/import.h"
#include "io/import_source.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::io {

// What a layer builder reads: the table, its field mapping and the transform to the plan CRS.
struct LayerInput {
    const SourceTable& table;
    const FieldMapping& mapping;
    const CoordinateTransform& transform;
};

struct VillagesOut {
    std::vector<core::Village> villages;
    std::map<std::string, std::string> town_names;  // town code -> name, from a village field
};

// Villages with unique codes (a duplicate is an Error naming both features); features
// without code or usable polygon are skipped and counted. Fills summary counts and samples.
core::Result<VillagesOut> build_villages(const LayerInput& in, bool repair, ImportReport& report,
                                         LayerSummary& summary);

// Townships of a townships layer; a duplicate code is an Error.
core::Result<std::vector<core::Township>> build_townships(const LayerInput& in, bool repair,
                                                          ImportReport& report,
                                                          LayerSummary& summary);

// One township per town code of the villages, shaped as the union of its villages; named
// from `town_names` when known, else by its code (counted as "township_from_villages").
std::vector<core::Township> townships_from_villages(
    const std::vector<core::Village>& villages,
    const std::map<std::string, std::string>& town_names, ImportReport& report);

// Roads (lines); features without a usable line are skipped and counted.
std::vector<core::Road> build_roads(const LayerInput& in, ImportReport& report,
                                    LayerSummary& summary);

// Sites: points of the layer, or rows with longitude/latitude columns (CSV, XLSX; read as
// EPSG:4326 when the table has no CRS, counted as "site_crs_assumed"), converted from GCJ-02
// or BD-09 when options.site_datum says so, projected to `target_crs`. The village is taken
// from the field or the containing village; sites outside every village are counted.
core::Result<std::vector<core::Site>> build_sites(const SourceTable& table,
                                                  const FieldMapping& mapping,
                                                  const ImportOptions& options,
                                                  const std::string& target_crs,
                                                  const std::vector<core::Village>& villages,
                                                  ImportReport& report, LayerSummary& summary);

// The source fields of a row as ExtraFields, unchanged, except those feeding a mapped target
// other than the `kept` targets (which have no slot of their own in the plan object).
core::ExtraFields extra_fields(const SourceTable& table, const FieldMapping& mapping,
                               const SourceRow& row, const std::vector<std::string>& kept = {});

// The trimmed text of the mapped field `target` of a row; "" when unmapped or null.
std::string field_text(const FieldMapping& mapping, const SourceRow& row,
                       const std::string& target);

// Parses the mapped numeric field `target`; a value that does not parse is counted as
// "unparsed_value" (with `label` and the field) and gives nullopt, never zero.
std::optional<double> field_real(const FieldMapping& mapping, const SourceRow& row,
                                 const std::string& target, const std::string& label,
                                 ImportReport& report);

}  // namespace beltplan::io
