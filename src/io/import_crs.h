// Where the data is (issue 8 item 5, issue 9 item 2): the CRS a layer's coordinates are read
// in (its own, --crs, or recognised from the numbers: a zone-prefixed Gauss-Kruger X, degrees),
// the declared CRS checked against the data, a robust centre (the median of feature centres),
// features far from the rest refused as probable errors, and the plan's projected CRS.
#pragma once

#include "core/geometry.h"
#include "core/result.h"
#include "io/import.h"
#include "io/import_source.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::io {

// The CRS a layer is read in, and why.
struct SourceCrs {
    std::string definition;  // what PROJ reads: WKT or "EPSG:4526"
    std::string label;       // "EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38)"
    std::string reason;      // in the user's language
};

// The centre of each row's geometry (its envelope's centre) in the layer's own coordinates;
// nullopt for a row without geometry or with coordinates that are not finite.
std::vector<std::optional<core::PointM>> raw_centres(const SourceTable& table);

// The layer's own CRS, else --crs, else recognised from the median of the raw centres: X
// between 25,000,000 and 46,000,000 (13,000,000-24,000,000) is a 3-degree (6-degree) CGCS2000
// Gauss-Kruger zone with its number in front; values within +-180/+-90 are CGCS2000 degrees.
// Anything else is an Error asking for --crs with an example.
core::Result<SourceCrs> source_crs(const SourceTable& table, const std::string& user_crs,
                                   const std::vector<std::optional<core::PointM>>& raw);

// Rows placed on the earth: CGCS2000 longitude/latitude of each raw centre.
struct Placement {
    std::vector<std::optional<core::LonLat>> at;  // nullopt: no geometry, or cannot be placed
    std::vector<bool> unplaceable;                // has coordinates the CRS cannot place
    std::optional<core::LonLat> median;           // lon and lat medians of the placed rows
    long long placed = 0;
};
Placement place_rows(const std::vector<std::optional<core::PointM>>& raw, const SourceCrs& crs);

// The declared CRS against the data: a zone-prefixed Gauss-Kruger CRS whose zone differs from
// the X prefix, or a centre outside the CRS's area of use, is an Error naming the likely right
// code (the zone the X prefix says; EPSG:4490 for degrees).
core::Status check_declared_crs(const SourceTable& table, const SourceCrs& crs,
                                const std::vector<std::optional<core::PointM>>& raw,
                                const Placement& placement);

// Rows far from the rest: more than `limit_km` from `centre` (or three times the distance
// within which 90 % of the rows lie, when the data is wider than that), outside China when the
// centre is inside, or not placeable. Refused (an Error listing them) unless `skip`, which removes
// them from the table and warns "outlier_skipped" for each.
core::Status handle_outliers(SourceTable& table, const Placement& placement,
                             const core::LonLat& centre, double limit_km, bool skip,
                             ImportReport& report);

// The plan CRS: --target-crs (projected), else the CGCS2000 3-degree GK zone of `centre`, else
// (outside China) the UTM zone of `centre` with a warning; near a pole an Error.
struct TargetCrs {
    std::string definition;
    std::string reason;
};
core::Result<TargetCrs> choose_target(const std::optional<core::LonLat>& centre, long long placed,
                                      const std::string& user_target, ImportReport& report);

// A warning when the source datum is Xian 1980 or Beijing 1954, which PROJ cannot shift to
// CGCS2000 here: with the size of the error where the EPSG database can tell it.
void warn_old_datum(const SourceCrs& crs, const core::LonLat& centre, const std::string& where,
                    ImportReport& report);

// "115.0600°E 40.6100°N" for messages.
std::string lonlat_text(const core::LonLat& p);

}  // namespace beltplan::io
