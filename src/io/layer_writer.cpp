// Writes one plan table into an OGR dataset: creates the layer and its fields, then the
// features in one transaction, reprojecting and adding X/Y or WKT columns when asked.
#include "io/ogr_util.h"
#include "io/plan_layers.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>
#include <tuple>
#include <vector>

namespace beltplan::io::detail {
namespace {

// The caller's CplErrorCollector gathers GDAL's messages; the last failure is quoted here.
core::Error write_error(const core::Where& where, const std::string& what) {
    std::string sentence = what;
    if (CPLGetLastErrorType() >= CE_Failure && *CPLGetLastErrorMsg() != '\0') {
        sentence += " (GDAL: " + std::string(CPLGetLastErrorMsg()) + ")";
    }
    return core::make_error(core::ErrorCode::kWriteFailed, where, sentence);
}

// Which derived geometry columns a layer gets.
struct DerivedColumns {
    bool xy = false;
    bool wkt = false;
};

DerivedColumns derived_columns(const Table& table, const WriteOptions& options) {
    if (table.geometry_type == wkbNone) {
        return {};
    }
    const bool point = wkbFlatten(table.geometry_type) == wkbPoint;
    return {point && options.xy_columns, !point && options.wkt_columns};
}

// Creates the fields; `index` receives the layer field index of each column, then of the
// derived X/Y/WKT columns (-1 where the driver keeps no field, e.g. KML's name).
core::Status create_fields(OGRLayer& layer, const Table& table, const WriteOptions& options,
                           const core::Where& where, std::vector<int>& index) {
    std::vector<std::tuple<std::string, OGRFieldType, OGRFieldSubType>> fields;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const Column& c = table.columns[i];
        fields.emplace_back(options.column_names.empty() ? c.name : options.column_names.at(i),
                            c.type, c.subtype);
    }
    const DerivedColumns derived = derived_columns(table, options);
    if (derived.xy) {
        fields.emplace_back("X", OFTReal, OFSTNone);
        fields.emplace_back("Y", OFTReal, OFSTNone);
    }
    if (derived.wkt) {
        fields.emplace_back("WKT", OFTString, OFSTNone);
    }
    for (const auto& [name, type, subtype] : fields) {
        OGRFieldDefn defn(name.c_str(), type);
        defn.SetSubType(subtype);
        const int before = layer.GetLayerDefn()->GetFieldCount();
        if (layer.CreateField(&defn, FALSE) != OGRERR_NONE) {
            core::Where at = where;
            at.field = name;
            return write_error(at, "the field could not be created.");
        }
        const int after = layer.GetLayerDefn()->GetFieldCount();
        index.push_back(after > before ? after - 1 : -1);
    }
    return core::Ok{};
}

// Fills one feature from a row; the geometry is reprojected first when asked.
core::Status fill_feature(OGRFeature& feature, Row& row, const Table& table,
                          const WriteOptions& options, const std::vector<int>& index,
                          const core::Where& where) {
    for (std::size_t i = 0; i < row.values.size(); ++i) {
        if (index[i] >= 0) {
            write_field(feature, index[i], row.values[i]);
        }
    }
    if (row.geometry == nullptr) {
        return core::Ok{};
    }
    if (options.transform != nullptr && row.geometry->transform(options.transform) != OGRERR_NONE) {
        return core::make_error(core::ErrorCode::kTransformFailed, where,
                                "the geometry could not be transformed to the output CRS.");
    }
    const std::size_t next = row.values.size();
    const DerivedColumns derived = derived_columns(table, options);
    if (derived.xy && !row.geometry->IsEmpty() && index[next] >= 0 && index[next + 1] >= 0) {
        const OGRPoint* p = row.geometry->toPoint();
        feature.SetField(index[next], p->getX());
        feature.SetField(index[next + 1], p->getY());
    }
    if (derived.wkt && index[next] >= 0) {
        feature.SetField(index[next], row.geometry->exportToWkt().c_str());
    }
    if (options.native_geometry) {
        feature.SetGeometryDirectly(row.geometry.release());
    }
    return core::Ok{};
}

core::Status write_rows(OGRLayer& layer, const Table& table, const WriteOptions& options,
                        const std::vector<int>& index, const core::Where& where) {
    for (std::size_t i = 0; i < table.rows; ++i) {
        core::Where at = where;
        at.feature = static_cast<std::int64_t>(i + 1);
        core::Result<Row> row = table.row(i);
        if (!row) {
            return row.error();
        }
        FeaturePtr feature(OGRFeature::CreateFeature(layer.GetLayerDefn()));
        core::Status filled = fill_feature(*feature, row.value(), table, options, index, at);
        if (!filled) {
            return filled;
        }
        if (layer.CreateFeature(feature.get()) != OGRERR_NONE) {
            return write_error(at, "the feature could not be written.");
        }
    }
    return core::Ok{};
}

}  // namespace

core::Status write_table(GDALDataset& dataset, const Table& table, const WriteOptions& options) {
    CPLErrorReset();
    const core::Where where{options.file, table.name, -1, ""};
    CPLStringList layer_options;
    for (const std::string& o : options.layer_options) {
        layer_options.AddString(o.c_str());
    }
    const bool spatial = options.native_geometry && table.geometry_type != wkbNone;
    // GDAL 3.6 takes a non-const SRS but only clones it.
    OGRLayer* layer = dataset.CreateLayer(
        table.name.c_str(), spatial ? const_cast<OGRSpatialReference*>(options.srs) : nullptr,
        spatial ? table.geometry_type : wkbNone, layer_options.List());
    if (layer == nullptr) {
        return write_error(where, "the layer could not be created.");
    }
    std::vector<int> index;
    core::Status fields = create_fields(*layer, table, options, where, index);
    if (!fields) {
        return fields;
    }
    const bool in_transaction =
        options.transaction && dataset.StartTransaction(FALSE) == OGRERR_NONE;
    core::Status written = write_rows(*layer, table, options, index, where);
    if (!in_transaction) {
        return written;
    }
    if (!written) {
        dataset.RollbackTransaction();
        return written;
    }
    if (dataset.CommitTransaction() != OGRERR_NONE) {
        return write_error(where, "the layer could not be committed.");
    }
    return core::Ok{};
}

}  // namespace beltplan::io::detail
