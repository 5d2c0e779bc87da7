// write_feature_layers: each FeatureLayer becomes a plan-style table written by the one layer
// writer (detail::write_table) into a GeoPackage at SafeFile's temporary path, then committed.
#include "io/feature_file.h"

#include "core/messages.h"
#include "core/safe_file.h"
#include "io/ogr_util.h"
#include "io/plan_layers.h"

#include <gdal_priv.h>

namespace beltplan::io {

namespace {

detail::Table to_table(const FeatureLayer& layer) {
    detail::Table table;
    table.name = layer.name;
    table.geometry_type = layer.geometry == FeatureGeometry::kPoint ? wkbPoint : wkbMultiLineString;
    for (const FeatureLayer::Field& f : layer.fields) {
        table.columns.push_back({f.name, ogr_field_type(f.type), OFSTNone, ""});
    }
    table.rows = layer.features.size();
    table.row = [&layer](std::size_t i) -> core::Result<detail::Row> {
        const FeatureLayer::Feature& f = layer.features[i];
        detail::Row row;
        row.geometry = layer.geometry == FeatureGeometry::kPoint
                           ? to_ogr(f.point)
                           : to_ogr(std::vector<core::LineString>{f.line});
        row.values = f.values;
        row.values.resize(layer.fields.size());
        return row;
    };
    return table;
}

core::Status write_into(const std::string& path, const std::string& temp, const core::CrsInfo& crs,
                        const std::vector<FeatureLayer>& layers) {
    const core::Where where{path, "", -1, ""};
    SrsPtr srs = make_srs(crs);
    if (srs == nullptr) {
        return core::make_error(core::ErrorCode::kBadCrs, where, core::tr("roads.out.no_crs"));
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) {
        return core::make_error(core::ErrorCode::kWriteFailed, where,
                                core::tr("roads.out.no_driver"));
    }
    DatasetPtr dataset(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (dataset == nullptr) {
        return core::make_error(core::ErrorCode::kWriteFailed, where,
                                core::tr("roads.out.cannot_create", {temp}));
    }
    detail::WriteOptions options;
    options.file = path;
    options.srs = srs.get();
    for (const FeatureLayer& layer : layers) {
        core::Status written = detail::write_table(*dataset, to_table(layer), options);
        if (!written) {
            return written;
        }
    }
    CPLErrorReset();
    dataset.reset();  // closes: builds the spatial indexes and flushes
    if (CPLGetLastErrorType() >= CE_Failure) {
        return core::make_error(core::ErrorCode::kWriteFailed, where,
                                core::tr("roads.out.incomplete", {CPLGetLastErrorMsg()}));
    }
    return core::Ok{};
}

}  // namespace

core::Status write_feature_layers(const std::string& path, const core::CrsInfo& crs,
                                  const std::vector<FeatureLayer>& layers) {
    register_gdal();
    CplErrorCollector cpl;  // GDAL's messages are quoted in errors, not printed
    core::Result<core::SafeFile> file = core::SafeFile::begin(path);
    if (!file) {
        return file.error();
    }
    core::Status written = write_into(path, file->temp_path(), crs, layers);
    if (!written) {
        return written;  // the SafeFile removes its temporary file
    }
    return file->commit();
}

}  // namespace beltplan::io
