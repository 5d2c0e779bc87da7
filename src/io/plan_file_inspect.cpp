// inspect_plan: layers, counts, CRS and format version of a plan file, plus warnings about
// missing attributes and references to villages that do not exist, every value problem that
// makes the commands refuse the plan (it reads the plan through load_plan for that), and
// temporary files a killed beltplan left beside it.
#include "core/messages.h"
#include "core/safe_file.h"
#include "io/ogr_util.h"
#include "io/plan_file.h"
#include "io/plan_layers.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace beltplan::io {
namespace {

std::string geometry_type_name(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
        case wkbNone:
            return "None";
        case wkbUnknown:
            return "Unknown";
        case wkbPoint:
            return "Point";
        case wkbLineString:
            return "LineString";
        case wkbPolygon:
            return "Polygon";
        case wkbMultiPoint:
            return "MultiPoint";
        case wkbMultiLineString:
            return "MultiLineString";
        case wkbMultiPolygon:
            return "MultiPolygon";
        case wkbGeometryCollection:
            return "GeometryCollection";
        default:
            return OGRGeometryTypeToName(type);
    }
}

// Features of the layer matching an OGR SQL filter.
long long count_where(OGRLayer& layer, const std::string& filter) {
    if (layer.SetAttributeFilter(filter.c_str()) != OGRERR_NONE) {
        layer.SetAttributeFilter(nullptr);
        return 0;
    }
    const long long n = layer.GetFeatureCount(TRUE);
    layer.SetAttributeFilter(nullptr);
    return n;
}

// "312 of 404 villages have no population" for each listed attribute.
void warn_missing(OGRLayer& layer, const char* noun, const std::vector<std::string>& fields,
                  std::vector<std::string>& warnings) {
    const long long total = layer.GetFeatureCount(TRUE);
    for (const std::string& field : fields) {
        if (layer.GetLayerDefn()->GetFieldIndex(field.c_str()) < 0) {
            warnings.push_back(core::tr("info.no_field", {layer.GetName(), field}));
            continue;
        }
        const long long n =
            count_where(layer, "\"" + field + "\" IS NULL OR \"" + field + "\" = ''");
        if (n > 0) {
            warnings.push_back(core::tr("info.missing_values",
                                        {std::to_string(n), std::to_string(total), noun, field}));
        }
    }
}

std::vector<std::string> column_values(OGRLayer& layer, const char* field) {
    std::vector<std::string> out;
    const int index = layer.GetLayerDefn()->GetFieldIndex(field);
    if (index < 0) {
        return out;
    }
    layer.ResetReading();
    for (auto& feature : layer) {
        if (feature->IsFieldSetAndNotNull(index)) {
            out.emplace_back(feature->GetFieldAsString(index));
        }
    }
    return out;
}

// Members of joint_orgs / work_stations, sites' village_code and the villages of contiguity
// edits that are not villages.
void warn_unknown_villages(GDALDataset& dataset, OGRLayer& villages,
                           std::vector<std::string>& warnings) {
    const std::vector<std::string> codes = column_values(villages, "code");
    const std::set<std::string> known(codes.begin(), codes.end());
    const std::vector<std::pair<const char*, const char*>> refs = {{"joint_orgs", "members"},
                                                                   {"work_stations", "members"},
                                                                   {"sites", "village_code"},
                                                                   {"contiguity_edits", "a"},
                                                                   {"contiguity_edits", "b"}};
    for (const auto& [layer_name, field] : refs) {
        OGRLayer* layer = dataset.GetLayerByName(layer_name);
        if (layer == nullptr) {
            continue;
        }
        std::vector<std::string> unknown;
        for (const std::string& value : column_values(*layer, field)) {
            for (const std::string& code : detail::split_list(value)) {
                if (!code.empty() && known.count(code) == 0) {
                    unknown.push_back(code);
                }
            }
        }
        if (unknown.empty()) {
            continue;
        }
        std::string examples;
        for (std::size_t i = 0; i < unknown.size() && i < 3; ++i) {
            examples += (i > 0 ? ", " : "") + unknown[i];
        }
        warnings.push_back(core::tr("info.unknown_villages",
                                    {std::to_string(unknown.size()), layer_name, field, examples}));
    }
}

void read_meta_header(GDALDataset& dataset, PlanFileInfo& info) {
    OGRLayer* meta = dataset.GetLayerByName(detail::kMetaTable);
    if (meta == nullptr) {
        info.warnings.push_back(core::tr("info.no_meta"));
        return;
    }
    const int key = meta->GetLayerDefn()->GetFieldIndex("key");
    const int value = meta->GetLayerDefn()->GetFieldIndex("value");
    if (key < 0 || value < 0) {
        info.warnings.push_back(core::tr("info.meta_fields"));
        return;
    }
    for (auto& feature : *meta) {
        const std::string k = feature->GetFieldAsString(key);
        const char* v = feature->GetFieldAsString(value);
        if (k == "format_version") {
            info.format_version = std::atoi(v);
        } else if (k == "crs_epsg") {
            info.crs_epsg = std::atoi(v);
        } else if (k == "crs_name") {
            info.crs_name = v;
        } else if (k == "provenance") {
            info.provenance = v;
        } else if (k == "approximate_village_areas") {
            info.approximate_village_areas = std::string(v) == "1";
        }
    }
}

void describe(GDALDataset& dataset, PlanFileInfo& info) {
    read_meta_header(dataset, info);
    for (int i = 0; i < dataset.GetLayerCount(); ++i) {
        OGRLayer* layer = dataset.GetLayer(i);
        info.layers.push_back({layer->GetName(), geometry_type_name(layer->GetGeomType()),
                               static_cast<long long>(layer->GetFeatureCount(TRUE))});
    }
    for (const std::string& name : detail::kPlanLayers) {
        // Plans saved before contiguity edits existed lack that table; they have none.
        if (name != "contiguity_edits" && dataset.GetLayerByName(name.c_str()) == nullptr) {
            info.warnings.push_back(core::tr("info.no_layer", {name}));
        }
    }
    OGRLayer* villages = dataset.GetLayerByName("villages");
    if (villages != nullptr) {
        if (info.crs_name.empty() && villages->GetSpatialRef() != nullptr) {
            const core::CrsInfo crs = crs_info(*villages->GetSpatialRef());
            info.crs_name = crs.name;
            info.crs_epsg = crs.epsg;
        }
        warn_missing(*villages, "villages",
                     {"code", "population", "party_members", "collective_income", "kind"},
                     info.warnings);
        warn_unknown_villages(dataset, *villages, info.warnings);
    }
    if (OGRLayer* sites = dataset.GetLayerByName("sites")) {
        warn_missing(*sites, "sites", {"village_code"}, info.warnings);
    }
}

// What read_plan's validation finds: each problem that makes every command refuse the plan,
// then the warnings.
void warn_values(const std::string& path, std::vector<std::string>& warnings) {
    core::Result<LoadedPlan> loaded = load_plan(path);
    if (!loaded) {
        std::size_t start = 0;
        const std::string& text = loaded.error().message;
        while (start <= text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            warnings.push_back(core::tr("trust.info_refused", {text.substr(start, end - start)}));
            start = end + 1;
        }
        return;
    }
    warnings.insert(warnings.end(), loaded->warnings.begin(), loaded->warnings.end());
}

// Temporary files a killed beltplan left beside the plan (the next save removes them).
void warn_stale_temporaries(const std::string& path, std::vector<std::string>& warnings) {
    for (const std::string& temp : core::stale_temporaries(path)) {
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(temp, ec);
        char size[32];
        std::snprintf(size, sizeof size, "%.1f", ec ? 0.0 : static_cast<double>(bytes) / 1e6);
        warnings.push_back(core::tr("trust.info_stale_temp", {temp, size}));
    }
}

}  // namespace

core::Result<PlanFileInfo> inspect_plan(const std::string& path) {
    CplErrorCollector cpl;
    try {
        core::Result<DatasetPtr> dataset = detail::open_plan_dataset(path);
        if (!dataset) {
            return dataset.error();
        }
        PlanFileInfo info;
        info.path = path;
        describe(**dataset, info);
        dataset->reset();
        warn_values(path, info.warnings);
        warn_stale_temporaries(path, info.warnings);
        return info;
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::kReadFailed, {path, "", -1, ""},
                                std::string("the file could not be inspected: ") + e.what() + ".");
    }
}

}  // namespace beltplan::io
