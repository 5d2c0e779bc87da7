// Internal to io: the layers of a plan file as tables (columns, rows of OGR geometry and field
// values) and the one writer that puts a table into an OGR dataset, shared by the plan file
// and export so both have the same layout. Not a public header of beltplan_io.
#pragma once

#include "core/plan.h"
#include "core/result.h"
#include "io/ogr_util.h"

#include <ogr_core.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class GDALDataset;
class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace beltplan::io::detail {

// The plan layers in file order (DESIGN.md section 3; contiguity_edits has no geometry),
// then the settings table.
inline const std::vector<std::string> kPlanLayers = {"villages",      "townships",       "roads",
                                                     "sites",         "joint_orgs",      "belts",
                                                     "work_stations", "contiguity_edits"};
inline constexpr const char* kMetaTable = "plan_meta";

struct Column {
    std::string name;  // column name in the file
    OGRFieldType type = OFTString;
    OGRFieldSubType subtype = OFSTNone;
    std::string source_name;  // extra columns: the ExtraField name ("" for known columns)
};

struct Row {
    GeometryPtr geometry;                  // null when the layer has none
    std::vector<core::FieldValue> values;  // one per column, already of the column's type
};

// One layer. Geometry per layer: villages, townships MultiPolygon; roads MultiLineString;
// sites Point; joint_orgs and work_stations the dissolved outline (core::union_all) of their
// members' shapes; belts the MultiLineString of the roads they name; contiguity_edits none
// (a, b village codes, kind link|cut, reason). Lists (members, roads)
// are comma-separated, with "\," and "\\" escaping a comma or backslash inside an item.
struct Table {
    std::string name;
    OGRwkbGeometryType geometry_type = wkbNone;
    std::vector<Column> columns;  // the known fields of the layer, then the extra fields
    std::size_t rows = 0;
    // Builds row i (0 <= i < rows); an Error for a value that must not be written.
    std::function<core::Result<Row>(std::size_t)> row;
};

// The table of one of kPlanLayers (it borrows `plan`); nullopt for another name.
// `file` names the output in errors.
std::optional<Table> make_table(const core::Plan& plan, const std::string& layer,
                                const std::string& file);
// The plan_meta key/value table: format_version, crs_*, plan_name, provenance, reach_m,
// distance, and "extra_name.<layer>.<column>" for extra columns renamed on collision.
Table make_meta_table(const core::Plan& plan, const std::vector<Table>& layers);

// Joins list items with commas (escaping as above) and splits them back.
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(const std::string& text);

// How write_table puts a table into a dataset.
struct WriteOptions {
    std::string file;                                  // named in errors
    const OGRSpatialReference* srs = nullptr;          // the layer CRS
    OGRCoordinateTransformation* transform = nullptr;  // plan CRS -> srs, or null
    std::vector<std::string> layer_options;            // "KEY=VALUE" creation options
    std::vector<std::string> column_names;             // overrides names, or empty
    bool native_geometry = true;  // false: the layer has no geometry field (XLSX)
    bool xy_columns = false;      // add X, Y columns for point layers
    bool wkt_columns = false;     // add a WKT column for other layers
    bool transaction = true;      // one transaction for the layer where the driver has them
};

// Creates the layer and writes every row; an Error names the file, layer and feature.
core::Status write_table(GDALDataset& dataset, const Table& table, const WriteOptions& options);

// Opens an existing plan file read-only; an Error when it is missing or not a GeoPackage.
core::Result<DatasetPtr> open_plan_dataset(const std::string& path);

}  // namespace beltplan::io::detail
