// Reading a source layer: a raw pass (shapefiles opened with ENCODING="" so GDAL does not
// recode) samples the bytes, the encoding is decided, then shapefiles are reopened with the
// per-dataset open option ENCODING=<choice> and other sources are decoded here with CPLRecode.
// Every read is checked: a damaged or cut shapefile, a GDAL read error or a short count stops
// the import.
#include "io/import_source.h"

#include "core/messages.h"
#include "io/encoding.h"
#include "io/field_map.h"
#include "io/import_geometry.h"
#include "io/shapefile_check.h"

#include <cpl_conv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
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
                                core::tr("import.no_layers"));
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
                            core::tr("import.no_such_layer", {names}));
}

// Every feature as GDAL gives it, appended to the table; the layer's fields are matched to the
// table's by name (new names added), so KML folders with different data read as one. With
// `folder`, the layer name goes into kFolderField.
void read_rows(OGRLayer& layer, SourceTable& table, bool folder) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    std::vector<std::size_t> slot;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const std::string name = defn->GetFieldDefn(i)->GetNameRef();
        auto it = std::find(table.field_names.begin(), table.field_names.end(), name);
        if (it == table.field_names.end()) {
            table.field_names.push_back(name);
            it = table.field_names.end() - 1;
        }
        slot.push_back(static_cast<std::size_t>(it - table.field_names.begin()));
    }
    std::size_t folder_slot = 0;
    if (folder) {
        auto it = std::find(table.field_names.begin(), table.field_names.end(), kFolderField);
        if (it == table.field_names.end()) {
            table.field_names.push_back(kFolderField);
            it = table.field_names.end() - 1;
        }
        folder_slot = static_cast<std::size_t>(it - table.field_names.begin());
    }
    layer.ResetReading();
    for (FeaturePtr feature(layer.GetNextFeature()); feature;
         feature.reset(layer.GetNextFeature())) {
        SourceRow row;
        row.fid = folder ? static_cast<std::int64_t>(table.rows.size()) : feature->GetFID();
        row.geometry.reset(feature->StealGeometry());
        row.values.resize(table.field_names.size());
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            row.values[slot[static_cast<std::size_t>(i)]] = read_field(*feature, i);
        }
        if (folder) {
            row.values[folder_slot] = core::FieldValue::of_text(layer.GetName());
        }
        table.rows.push_back(std::move(row));
    }
    for (SourceRow& row : table.rows) {
        row.values.resize(table.field_names.size());
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
        std::string reason = core::tr("import.enc.unicode_driver", {table.driver});
        if (!explicit_encoding.empty()) {
            reason += core::tr("import.enc.explicit_ignored", {explicit_encoding});
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
            report.warn("undecodable_text",
                        core::tr("import.ex.undecodable_name",
                                 {raw.path, decode_lossy(name, encoding), encoding}));
        }
    }
    for (const SourceRow& row : raw.rows) {
        for (std::size_t i = 0; i < row.values.size(); ++i) {
            const core::FieldValue& v = row.values[i];
            if (v.type == core::FieldValue::Type::kString && !bytes_valid_in(v.text, encoding)) {
                report.warn("undecodable_text",
                            core::tr("import.ex.undecodable_value",
                                     {raw.path, std::to_string(row.fid),
                                      decode_lossy(raw.field_names[i], encoding),
                                      decode_lossy(v.text, encoding), encoding}));
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

struct SourceReadSettings::Impl {
    CPLConfigOptionSetter kml_names{"LIBKML_LAUNDER_FIELD_NAMES", "NO", true};
    CPLConfigOptionSetter xlsx_headers{"OGR_XLSX_HEADERS", "FORCE", true};
    CPLConfigOptionSetter ods_headers{"OGR_ODS_HEADERS", "FORCE", true};
};

SourceReadSettings::SourceReadSettings() : impl_(std::make_unique<Impl>()) {}
SourceReadSettings::~SourceReadSettings() = default;

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

namespace {

// The layers a spec names: its merged layers, else its one layer.
core::Result<std::vector<OGRLayer*>> spec_layers(GDALDataset& ds, const SourceSpec& spec) {
    if (spec.merged_layers.empty()) {
        core::Result<OGRLayer*> layer = pick_layer(ds, spec);
        if (!layer) {
            return layer.error();
        }
        return std::vector<OGRLayer*>{*layer};
    }
    std::vector<OGRLayer*> layers;
    for (const std::string& name : spec.merged_layers) {
        OGRLayer* layer = ds.GetLayerByName(name.c_str());
        if (layer == nullptr) {
            SourceSpec one = spec;
            one.layer = name;
            core::Result<OGRLayer*> missing = pick_layer(ds, one);
            return missing.error();
        }
        layers.push_back(layer);
    }
    return layers;
}

// Reads every layer of the spec into the table (emptied first). GDAL's read errors and a
// count short of what the source declares are Errors; its other messages are kept.
core::Status read_layers(GDALDataset& ds, const SourceSpec& spec, SourceTable& table,
                         std::vector<std::string>& messages) {
    core::Result<std::vector<OGRLayer*>> layers = spec_layers(ds, spec);
    if (!layers) {
        return layers.error();
    }
    const bool merged = layers->size() > 1 || !spec.merged_layers.empty();
    table.layer = merged
                      ? core::tr("import.layer.kml_folders_short", {std::to_string(layers->size())})
                      : std::string((*layers)[0]->GetName());
    table.rows.clear();
    table.field_names.clear();
    table.has_geometry_column = false;
    long long declared = 0;
    CplErrorCollector cpl;
    for (OGRLayer* layer : *layers) {
        table.has_geometry_column |= layer->GetLayerDefn()->GetGeomFieldCount() > 0;
        const GIntBig count = layer->GetFeatureCount(FALSE);
        declared = declared < 0 || count < 0 ? -1 : declared + count;
        read_rows(*layer, table, merged);
    }
    describe_layer_crs(*(*layers)[0], table);
    if (!cpl.last_failure().empty()) {
        return core::make_error(core::ErrorCode::kReadFailed, table.where(),
                                core::tr("import.gdal_read_failed", {cpl.last_failure()}));
    }
    messages = cpl.take();
    if (table.declared < 0) {
        table.declared = declared;
    }
    const auto read = static_cast<long long>(table.rows.size());
    if (table.declared >= 0 && read != table.declared) {
        return core::make_error(
            core::ErrorCode::kReadFailed, table.where(),
            core::tr("import.count_short", {std::to_string(read), std::to_string(table.declared)}));
    }
    return core::Ok{};
}

// Shapefiles: the parts checked before GDAL reads them; returns the declared record count.
core::Result<long long> checked_shapefile(const SourceTable& table) {
    const std::string shp = shapefile_of(table.path, table.layer);
    core::Result<ShapefileCounts> counts = check_shapefile(shp);
    if (!counts) {
        return counts.error();
    }
    return counts->dbf_records < 0 ? -1LL : counts->dbf_records - counts->dbf_deleted;
}

// Long numeric DBF fields replaced by their exact digits (GDAL read them as doubles).
void exact_long_numbers(SourceTable& table) {
    const std::string dbf = sidecar_path(shapefile_of(table.path, table.layer), ".dbf");
    if (dbf.empty()) {
        return;
    }
    for (const auto& [index, texts] : long_numeric_columns(dbf)) {
        for (SourceRow& row : table.rows) {
            const auto i = static_cast<std::size_t>(index);
            if (i < row.values.size() && row.fid >= 0 &&
                static_cast<std::size_t>(row.fid) < texts.size()) {
                const std::string& text = texts[static_cast<std::size_t>(row.fid)];
                row.values[i] =
                    text.empty() ? core::FieldValue::null() : core::FieldValue::of_text(text);
            }
        }
    }
}

// A sheet with a title above its headings ("宣化区示范点名单" in the first row, then 示范点名称,
// 所在村 ...): GDAL took the title row as the headings. When the first data row names more
// attributes than the headings do, it becomes the headings.
void promote_heading_row(SourceTable& table) {
    if (table.has_geometry_column || table.rows.empty()) {
        return;
    }
    std::vector<std::string> first;
    for (const core::FieldValue& v : table.rows.front().values) {
        first.push_back(v.type == core::FieldValue::Type::kString ? v.text : value_text(v));
    }
    if (recognised_fields(first) < 2 ||
        recognised_fields(first) <= recognised_fields(table.field_names)) {
        return;
    }
    for (std::size_t i = 0; i < first.size() && i < table.field_names.size(); ++i) {
        if (!first[i].empty()) {
            table.field_names[i] = first[i];
        }
    }
    table.rows.erase(table.rows.begin());
    table.declared = table.declared > 0 ? table.declared - 1 : table.declared;
}

core::Error open_failed(const core::Where& where) {
    const char* why = CPLGetLastErrorMsg();
    return core::make_error(core::ErrorCode::kOpenFailed, where,
                            core::tr("import.open_failed", {why != nullptr ? why : ""}));
}

}  // namespace

core::Result<SourceTable> read_source(const SourceSpec& spec, const std::string& explicit_encoding,
                                      ImportReport& report) {
    const core::Where where{spec.path, spec.layer, -1, ""};
    const SourceReadSettings settings;
    DatasetPtr ds = open_vector(spec.path);
    if (!ds) {
        return open_failed(where);
    }
    SourceTable table;
    table.path = spec.path;
    table.driver = ds->GetDriver() != nullptr ? ds->GetDriver()->GetDescription() : "";
    const bool shapefile = table.driver == kShapefileDriver;
    if (shapefile) {
        // Raw bytes for the encoding decision: no recoding from .cpg or language byte.
        ds = open_vector(spec.path, false, {"ENCODING="}, {kShapefileDriver});
        if (!ds) {
            return open_failed(where);
        }
        core::Result<OGRLayer*> layer = pick_layer(*ds, spec);
        if (!layer) {
            return layer.error();
        }
        table.layer = (*layer)->GetName();
        core::Result<long long> declared = checked_shapefile(table);
        if (!declared) {
            return declared.error();
        }
        table.declared = *declared;
    }
    std::vector<std::string> messages;  // GDAL's warnings of the last read
    if (core::Status s = read_layers(*ds, spec, table, messages); !s) {
        return s.error();
    }
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
        if (!ds) {
            return open_failed(table.where());
        }
        SourceSpec again = spec;
        again.layer = table.layer;
        if (core::Status s = read_layers(*ds, again, table, messages); !s) {
            return s.error();
        }
        decode_table(table, kUtf8);  // GDAL decoded; only sanitise what it could not
    } else {
        decode_table(table, encoding);
    }
    if (shapefile) {
        exact_long_numbers(table);
    }
    promote_heading_row(table);
    for (const std::string& message : messages) {
        report.warn("gdal_message", message);
    }
    return table;
}

}  // namespace beltplan::io
