// One source layer read into memory for the import: opened with GDAL, the layer picked, its
// text encoding decided and every string decoded to UTF-8, geometries kept in the source CRS.
#pragma once

#include "core/plan.h"
#include "core/result.h"
#include "io/import.h"
#include "io/ogr_util.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace beltplan::io {

// One feature: its id, its geometry as read, and its field values decoded to UTF-8.
struct SourceRow {
    std::int64_t fid = -1;
    GeometryPtr geometry;                  // source CRS; null when the feature has none
    std::vector<core::FieldValue> values;  // one per field; text is UTF-8
};

// A whole layer in memory, with what the report needs to say about it.
struct SourceTable {
    std::string path;
    std::string layer;
    std::string driver;                    // GDAL short name ("ESRI Shapefile", "GeoJSON")
    std::vector<std::string> field_names;  // UTF-8, in source order
    bool has_geometry_column = false;      // false for CSV/XLSX tables without geometry
    std::string crs_wkt;                   // WKT2 of the layer CRS; "" when it has none
    std::string crs_label;                 // "EPSG:4490 (China Geodetic ...)", for the report
    long long declared = -1;               // feature count the source declares, -1 if none
    EncodingChoice encoding;
    std::vector<SourceRow> rows;

    core::Where where() const { return {path, layer, -1, ""}; }
};

// Driver settings the import needs that GDAL offers only as configuration options, set for
// the calling thread while this lives (CPLConfigOptionSetter restores them): Chinese KML
// ExtendedData names kept as they are (LIBKML launders them to "___" by default), and the first
// row of a spreadsheet taken as its headings (GDAL takes it only when a later row holds
// numbers, so a sheet of text columns such as 示范点名称/所在村/乡镇/级别 lost its headings).
class SourceReadSettings {
public:
    SourceReadSettings();
    ~SourceReadSettings();
    SourceReadSettings(const SourceReadSettings&) = delete;
    SourceReadSettings& operator=(const SourceReadSettings&) = delete;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The field that keeps the KML folder of each feature when folders are read as one layer.
inline constexpr const char* kFolderField = "folder";

// Opens spec.path (any OGR source, "PG:..." too), picks spec.layer (the first when empty; an
// unknown name is an Error listing the layers) or reads every spec.merged_layers into one
// table (with the layer name in kFolderField), decides the encoding (explicit_encoding wins)
// and reads every feature. A shapefile whose parts are cut short or disagree, a read error
// GDAL reports, or fewer features than the source declares is an Error (kReadFailed): an
// import never goes on with part of a file. Long numeric DBF fields are read as their exact
// digits. Undecodable text is counted as "undecodable_text" with feature and field; the value
// is kept with the bad bytes replaced.
core::Result<SourceTable> read_source(const SourceSpec& spec, const std::string& explicit_encoding,
                                      ImportReport& report);

// The text of a value: strings as they are, integers in decimal, integral reals without
// decimals, other reals with up to 15 significant digits; "" for null.
std::string value_text(const core::FieldValue& value);

}  // namespace beltplan::io
