// Positions of site rows with coordinates (issue 8 item 5): points or longitude/latitude
// columns, in the layer's CRS or --crs (columns without one are degrees), with the datum of
// Chinese web maps as told (--site-crs) or tested against the villages the rows name.
#pragma once

#include "core/plan.h"
#include "core/result.h"
#include "io/field_map.h"
#include "io/import.h"
#include "io/import_source.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::io {

// The plan position of every row (nullopt: no usable coordinates, counted in the report).
// `named` holds the village each row names (index into plan.villages), used to tell WGS-84,
// GCJ-02 and BD-09 apart when options.site_datum is kAuto; the choice and its reason go into
// summary.crs_reason. Columns without a CRS that are not degrees are an Error asking for --crs.
core::Result<std::vector<std::optional<core::PointM>>> site_positions(
    const SourceTable& t, const FieldMapping& m, const ImportOptions& options,
    const std::string& target_crs, const core::Plan& plan,
    const std::vector<std::optional<std::size_t>>& named, bool names_villages, bool from_columns,
    ImportReport& report, LayerSummary& summary);

}  // namespace beltplan::io
