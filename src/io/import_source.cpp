// Reading a source layer: a raw pass (shapefiles opened with ENCODING="" so GDAL does not
// recode) samples the bytes, the encoding is decided, then shapefiles are reopened with the
// per-dataset open option ENCODING=<choice> and other sources are decoded here with CPLRecode.
#include "io/import_source.h"

#include "io/encoding.h"
#include "io/import_geometry.h"

#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

namespace beltplan::io {

namespace {

const char* const kShapefileDriver = "ESRI Shapefile";

// Drivers whose formats define their text as Unicode; --encoding is not applied to them
// unless their bytes turn out not to be UTF-8.
bool is_unicode_driver(const std::string& driver) {
    static const std::set<std::string> kDrivers = {
        "GPKG", "GeoJSON", "GeoJSONSeq", "ESRIJSON",   "TopoJSON",    "KML", "LIBKML",
        "XLSX", "ODS",     "PostgreSQL", "FlatGeobuf", "OpenFileGDB", "GML", "SQLite"};
    return kDrivers.count(driver) != 0;
}

// The .shp of the layer: the path itself, or layer.shp inside a folder of shapefiles.
std::string shapefile_of(const std::string& path, const std::string& layer) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return (std::filesystem::path(path) / (layer + ".shp")).string();
    }
    return path;
}

core::Result<OGRLayer*> pick_layer(GDALDataset& ds, const SourceSpec& spec) {
    const core::Where where{spec.path, spec.layer, -1, ""};
    if (ds.GetLayerCount() == 0) {
        return core::make_error(core::ErrorCode::kLayerNotFound, where,
                                "the source has no vector layers");
    }
    if (spec.layer.empty()) {
        return ds.GetLayer(0);
    }
    OGRLayer* layer = ds.GetLayerByName(spec.layer.c_str());
    if (layer != nullptr) {
        return layer;
    }
    std::string names;
    for (int i = 0; i < ds.GetLayerCount(); ++i) {
        names += std::string(i == 0 ? "" : ", ") + ds.GetLayer(i)->GetName();
    }
    return core::make_error(core::ErrorCode::kLayerNotFound, where,
                            "there is no such layer; the source has layers: " + names);
}

// Every feature as GDAL gives it, plus the field names.
void read_rows(OGRLayer& layer, SourceTable& table) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    table.field_names.clear();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        table.field_names.push_back(defn->GetFieldDefn(i)->GetNameRef());
    }
    table.rows.clear();
    layer.ResetReading();
    for (FeaturePtr feature(layer.GetNextFeature()); feature;
         feature.reset(layer.GetNextFeature())) {
        SourceRow row;
        row.fid = feature->GetFID();
        row.geometry.reset(feature->StealGeometry());
        row.values.reserve(table.field_names.size());
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            row.values.push_back(read_field(*feature, i));
        }
        table.rows.push_back(std::move(row));
    }
}

void describe_layer_crs(OGRLayer& layer, SourceTable& table) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (srs == nullptr) {
        return;
    }
    const core::CrsInfo info = crs_info(*srs);
    table.crs_wkt = info.wkt;
    table.crs_label =
        info.epsg != 0 ? "EPSG:" + std::to_string(info.epsg) + " (" + info.name + ")" : info.name;
}

ByteSample sample_text(const SourceTable& table) {
    ByteSample sample;
    for (const std::string& name : table.field_names) {
        sample.add(name);
    }
    for (const SourceRow& row : table.rows) {
        for (const core::FieldValue& v : row.values) {
            if (v.type == core::FieldValue::Type::kString) {
                sample.add(v.text);
            }
        }
    }
    return sample;
}

core::Result<EncodingChoice> decide(const SourceTable& table,
                                    const std::string& explicit_encoding) {
    EncodingEvidence evidence;
    evidence.sample = sample_text(table);
    if (is_unicode_driver(table.driver) && evidence.sample.invalid_utf8 == 0) {
        std::string reason = table.driver + " stores Unicode text";
        if (!explicit_encoding.empty()) {
            reason += "; --encoding " + explicit_encoding + " applies to Shapefile and CSV only";
        }
        return EncodingChoice{kUtf8, reason};
    }
    evidence.explicit_encoding = explicit_encoding;
    if (table.driver == kShapefileDriver) {
        const std::string shp = shapefile_of(table.path, table.layer);
        const std::string cpg = sidecar_path(shp, ".cpg");
        if (!cpg.empty()) {
            evidence.has_cpg = true;
            std::FILE* f = std::fopen(cpg.c_str(), "rb");
            char buf[64] = {};
            const std::size_t n = f != nullptr ? std::fread(buf, 1, sizeof buf - 1, f) : 0;
            if (f != nullptr) {
                std::fclose(f);
            }
            evidence.cpg_text.assign(buf, n);
        }
        const std::string dbf = sidecar_path(shp, ".dbf");
        evidence.dbf_ldid = dbf.empty() ? -1 : read_dbf_ldid(dbf);
    }
    return choose_encoding(evidence);
}

// Counts every raw value (and field name) that is not valid in the chosen encoding.
void report_undecodable(const SourceTable& raw, const std::string& encoding, ImportReport& report) {
    for (const std::string& name : raw.field_names) {
        if (!bytes_valid_in(name, encoding)) {
            report.warn("undecodable_text", raw.path + ", field name '" +
                                                decode_lossy(name, encoding) + "' (" + encoding +
                                                ")");
        }
    }
    for (const SourceRow& row : raw.rows) {
        for (std::size_t i = 0; i < row.values.size(); ++i) {
            const core::FieldValue& v = row.values[i];
            if (v.type == core::FieldValue::Type::kString && !bytes_valid_in(v.text, encoding)) {
                report.warn("undecodable_text",
                            raw.path + ", feature " + std::to_string(row.fid) + ", field '" +
                                decode_lossy(raw.field_names[i], encoding) + "': '" +
                                decode_lossy(v.text, encoding) + "' is not valid " + encoding);
            }
        }
    }
}

std::string decoded(const std::string& bytes, const std::string& encoding) {
    std::optional<std::string> text = decode_to_utf8(bytes, encoding);
    return text ? sanitize_utf8(*text) : decode_lossy(bytes, encoding);
}

// Decodes names and string values in place (encoding "UTF-8" only sanitises).
void decode_table(SourceTable& table, const std::string& encoding) {
    for (std::string& name : table.field_names) {
        name = decoded(name, encoding);
    }
    for (SourceRow& row : table.rows) {
        for (core::FieldValue& v : row.values) {
            if (v.type == core::FieldValue::Type::kString) {
                v.text = decoded(v.text, encoding);
            }
        }
    }
}

}  // namespace

std::string value_text(const core::FieldValue& value) {
    switch (value.type) {
        case core::FieldValue::Type::kNull:
            return "";
        case core::FieldValue::Type::kInteger:
            return std::to_string(value.integer);
        case core::FieldValue::Type::kReal: {
            char buf[64];
            if (std::isfinite(value.real) && std::floor(value.real) == value.real &&
                std::fabs(value.real) < 1e15) {
                std::snprintf(buf, sizeof buf, "%.0f", value.real);
            } else {
                std::snprintf(buf, sizeof buf, "%.15g", value.real);
            }
            return buf;
        }
        case core::FieldValue::Type::kString:
            return value.text;
    }
    return "";
}

core::Result<SourceTable> read_source(const SourceSpec& spec, const std::string& explicit_encoding,
                                      ImportReport& report) {
    const core::Where where{spec.path, spec.layer, -1, ""};
    DatasetPtr ds = open_vector(spec.path);
    if (!ds) {
        const char* why = CPLGetLastErrorMsg();
        return core::make_error(
            core::ErrorCode::kOpenFailed, where,
            std::string("GDAL cannot open it as a vector source") +
                (why != nullptr && *why != '\0' ? ": " + std::string(why) : ""));
    }
    SourceTable table;
    table.path = spec.path;
    table.driver = ds->GetDriver() != nullptr ? ds->GetDriver()->GetDescription() : "";
    const bool shapefile = table.driver == kShapefileDriver;
    if (shapefile) {
        // Raw bytes for the encoding decision: no recoding from .cpg or language byte.
        ds = open_vector(spec.path, false, {"ENCODING="}, {kShapefileDriver});
        if (!ds) {
            return core::make_error(core::ErrorCode::kOpenFailed, where,
                                    "GDAL cannot reopen the shapefile");
        }
    }
    core::Result<OGRLayer*> layer = pick_layer(*ds, spec);
    if (!layer) {
        return layer.error();
    }
    table.layer = (*layer)->GetName();
    table.has_geometry_column = (*layer)->GetLayerDefn()->GetGeomFieldCount() > 0;
    describe_layer_crs(**layer, table);
    read_rows(**layer, table);

    core::Result<EncodingChoice> choice = decide(table, explicit_encoding);
    if (!choice) {
        core::Error e = choice.error();
        return core::make_error(e.code, table.where(), e.message);
    }
    table.encoding = *choice;
    const std::string& encoding = table.encoding.encoding;
    report_undecodable(table, encoding, report);

    if (shapefile && encoding != kUtf8) {
        ds = open_vector(spec.path, false, {"ENCODING=" + encoding}, {kShapefileDriver});
        OGRLayer* decoded_layer = ds ? ds->GetLayerByName(table.layer.c_str()) : nullptr;
        if (decoded_layer == nullptr) {
            return core::make_error(core::ErrorCode::kOpenFailed, table.where(),
                                    "GDAL cannot reopen the shapefile with ENCODING=" + encoding);
        }
        read_rows(*decoded_layer, table);
        decode_table(table, kUtf8);  // GDAL decoded; only sanitise what it could not
    } else {
        decode_table(table, encoding);
    }
    return table;
}

}  // namespace beltplan::io
