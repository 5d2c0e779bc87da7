// Geometry steps of the import: project an OGR geometry with PROJ, convert it to core types,
// and check and repair polygons, counting every repair and skip in the report.
#pragma once

#include "core/geometry.h"
#include "io/crs.h"
#include "io/import.h"
#include "io/ogr_util.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::io {

// What to call a feature in report examples: "feature 12 (屈家庄)".
std::string feature_label(std::int64_t fid, const std::string& name);

// A polygon feature projected into the plan CRS, or nothing when it was skipped (the reason
// is already counted in the report). Invalid shapes are repaired when `repair` is set.
std::optional<core::MultiPolygon> project_polygons(const OGRGeometry* geometry,
                                                   const CoordinateTransform& transform,
                                                   bool repair, const core::Where& where,
                                                   const std::string& label, ImportReport& report);

// Lines of a road feature projected into the plan CRS, or nothing when skipped (counted).
std::optional<std::vector<core::LineString>> project_lines(const OGRGeometry* geometry,
                                                           const CoordinateTransform& transform,
                                                           const core::Where& where,
                                                           const std::string& label,
                                                           ImportReport& report);

// Envelope of the non-empty geometries in their own CRS (IsInit() false when none).
OGREnvelope source_envelope(const std::vector<const OGRGeometry*>& geometries);

}  // namespace beltplan::io
