// import_plan: reads villages (required), townships, roads and sites into one plan in the
// CGCS2000 3-degree GK zone of the villages' centre (or the CRS asked for), and the report.
//
// Index: [SECTION] Report  [SECTION] Layer steps  [SECTION] import_plan
#include "io/import.h"

#include "io/crs.h"
#include "io/field_map.h"
#include "io/import_geometry.h"
#include "io/import_layers.h"
#include "io/import_source.h"
#include "io/ogr_util.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <utility>

namespace beltplan::io {

// ------------------------------------------------------------------------------------------
// [SECTION] Report
// ------------------------------------------------------------------------------------------

namespace {
constexpr std::size_t kMaxExamples = 5;
}  // namespace

void ImportReport::warn(const std::string& kind, const std::string& example) {
    for (ImportWarning& w : warnings) {
        if (w.kind == kind) {
            ++w.count;
            if (w.examples.size() < kMaxExamples) {
                w.examples.push_back(example);
            }
            return;
        }
    }
    warnings.push_back({kind, 1, {example}});
}

std::string ImportReport::to_text() const {
    std::string out;
    for (const LayerSummary& l : layers) {
        out += l.role + ": " + l.source + ", layer '" + l.layer + "' (" + l.driver + ")\n";
        out += "  features: " + std::to_string(l.features_read) + " read, " +
               std::to_string(l.imported) + " imported, " + std::to_string(l.skipped) +
               " skipped\n";
        out += "  encoding: " + l.encoding.encoding + " (" + l.encoding.reason + ")\n";
        out +=
            "  source CRS: " + (l.source_crs.empty() ? std::string("none") : l.source_crs) + "\n";
        std::string fields;
        for (const auto& [target, source] : l.field_mapping) {
            fields += (fields.empty() ? "" : ", ") + target + " <- " + source;
        }
        out += "  fields: " + (fields.empty() ? std::string("(none recognised)") : fields) + "\n";
        std::string names;
        for (const std::string& n : l.sample_names) {
            names += (names.empty() ? "" : ", ") + n;
        }
        out += "  sample names: " + (names.empty() ? std::string("(none)") : names) + "\n";
    }
    if (warnings.empty()) {
        out += "warnings: none\n";
    } else {
        out += "warnings:\n";
        for (const ImportWarning& w : warnings) {
            out += "  " + w.kind + ": " + std::to_string(w.count) + "\n";
            for (const std::string& e : w.examples) {
                out += "    " + e + "\n";
            }
            if (w.count > static_cast<long long>(w.examples.size())) {
                out += "    ... and " + std::to_string(w.count - w.examples.size()) + " more\n";
            }
        }
    }
    out += "target CRS: " + target_crs + "\n";
    return out;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Layer steps
// ------------------------------------------------------------------------------------------

namespace {

// A read and mapped source with its summary (not yet in the report).
struct Layer {
    SourceTable table;
    FieldMapping mapping;
    LayerSummary summary;
};

core::Result<Layer> read_layer(const SourceSpec& spec, LayerRole role, const ImportOptions& options,
                               ImportReport& report) {
    core::Result<SourceTable> table = read_source(spec, options.encoding, report);
    if (!table) {
        return table.error();
    }
    Layer layer;
    layer.table = std::move(table).value();
    const SourceTable& t = layer.table;
    LayerSummary& s = layer.summary;
    s.role = role_name(role);
    s.source = spec.path;
    s.layer = t.layer;
    s.driver = t.driver;
    s.features_read = static_cast<long long>(t.rows.size());
    s.encoding = t.encoding;
    s.source_crs = t.crs_label;
    if (t.rows.empty()) {
        if (role == LayerRole::kVillages) {
            return core::make_error(core::ErrorCode::kEmptyLayer, t.where(),
                                    "the layer has no features; villages need at least one "
                                    "polygon");
        }
        report.warn("empty_layer", std::string(role_name(role)) + ": " + t.path + ", layer '" +
                                       t.layer + "' has no features");
    }
    core::Result<FieldMapping> mapping = map_fields(role, t.field_names, spec.fields, t.where());
    if (!mapping) {
        return mapping.error();
    }
    layer.mapping = std::move(mapping).value();
    std::vector<std::string> required;
    if (role == LayerRole::kVillages) {
        required = {"code", "name"};
    } else if (role == LayerRole::kTownships) {
        required = {"code"};
    }
    for (const std::string& target : required) {
        if (!layer.mapping.has(target)) {
            return missing_field_error(role, target, t.field_names, t.where());
        }
    }
    s.field_mapping = layer.mapping.source;
    return layer;
}

// The CRS of a polygon or line layer: its own, else --crs, else an Error.
core::Result<std::string> layer_crs(Layer& layer, const ImportOptions& options) {
    if (!layer.table.crs_wkt.empty()) {
        return layer.table.crs_wkt;
    }
    if (!options.source_crs.empty()) {
        layer.summary.source_crs = options.source_crs + " (--crs)";
        return options.source_crs;
    }
    return core::make_error(core::ErrorCode::kNoCrs, layer.table.where(),
                            "the layer has no CRS (.prj missing?); give --crs EPSG:4490 or the "
                            "right code");
}

core::Result<CoordinateTransform> transform_for(const Layer& layer, const std::string& from,
                                                const std::string& to) {
    core::Result<CoordinateTransform> t = CoordinateTransform::create(from, to);
    if (!t) {
        return core::make_error(t.error().code, layer.table.where(), t.error().message);
    }
    return t;
}

// options.target_crs, else "EPSG:<GK zone>" of the centre of the villages' bounds.
core::Result<std::string> choose_target(const Layer& villages, const std::string& source,
                                        const ImportOptions& options) {
    if (!options.target_crs.empty()) {
        if (is_geographic_crs(options.target_crs)) {
            return core::make_error(core::ErrorCode::kBadCrs, {},
                                    "the target CRS " + options.target_crs +
                                        " is in degrees; beltplan measures in metres, so give a "
                                        "projected CRS such as EPSG:4547");
        }
        return options.target_crs;
    }
    std::vector<const OGRGeometry*> geometries;
    for (const SourceRow& row : villages.table.rows) {
        geometries.push_back(row.geometry.get());
    }
    const OGREnvelope env = source_envelope(geometries);
    if (!env.IsInit()) {
        return core::make_error(core::ErrorCode::kEmptyGeometry, villages.table.where(),
                                "no feature has a geometry, so there is nothing to place");
    }
    core::Result<CoordinateTransform> to_lonlat =
        transform_for(villages, source, "EPSG:" + std::to_string(kCgcs2000Epsg));
    if (!to_lonlat) {
        return to_lonlat.error();
    }
    double lon = (env.MinX + env.MaxX) / 2.0;
    double lat = (env.MinY + env.MaxY) / 2.0;
    if (!to_lonlat->apply(lon, lat)) {
        return core::make_error(core::ErrorCode::kTransformFailed, villages.table.where(),
                                "the centre of the layer cannot be converted to longitude and "
                                "latitude; check the CRS");
    }
    return "EPSG:" + std::to_string(gk3_zone_epsg(lon));
}

// Polygon/line layer: CRS, transform, then the builder.
template <typename Build>
auto build_layer(Layer& layer, const ImportOptions& options, const std::string& target, Build build)
    -> decltype(build(std::declval<const LayerInput&>())) {
    core::Result<std::string> source = layer_crs(layer, options);
    if (!source) {
        return source.error();
    }
    core::Result<CoordinateTransform> transform = transform_for(layer, *source, target);
    if (!transform) {
        return transform.error();
    }
    const LayerInput in{layer.table, layer.mapping, *transform};
    return build(in);
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] import_plan
// ------------------------------------------------------------------------------------------

namespace {

core::Result<ImportResult> import_all(const ImportOptions& options, CplErrorCollector& cpl);

}  // namespace

core::Result<ImportResult> import_plan(const ImportOptions& options) {
    try {
        if (GDALGetDriverCount() == 0) {
            GDALAllRegister();
        }
        CplErrorCollector cpl;
        return import_all(options, cpl);
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::kInternal, {},
                                std::string("the import failed unexpectedly: ") + e.what());
    }
}

namespace {

core::Status import_townships(const ImportOptions& options, const std::string& target,
                              const VillagesOut& villages, ImportResult& result) {
    ImportReport& report = result.report;
    core::Plan& plan = result.plan;
    if (!options.townships) {
        plan.townships = townships_from_villages(plan.villages, villages.town_names, report);
        return core::Ok{};
    }
    core::Result<Layer> layer =
        read_layer(*options.townships, LayerRole::kTownships, options, report);
    if (!layer) {
        return layer.error();
    }
    auto townships = build_layer(*layer, options, target, [&](const LayerInput& in) {
        return build_townships(in, options.repair, report, layer->summary);
    });
    if (!townships) {
        return townships.error();
    }
    plan.townships = std::move(townships).value();
    report.layers.push_back(layer->summary);
    for (const core::Village& v : plan.villages) {
        const bool known =
            std::any_of(plan.townships.begin(), plan.townships.end(),
                        [&](const core::Township& t) { return t.code == v.town_code; });
        if (!known) {
            report.warn("unknown_town_code", v.name + " (" + v.code + "): township " + v.town_code +
                                                 " is not in the townships layer");
        }
    }
    return core::Ok{};
}

core::Status import_roads_and_sites(const ImportOptions& options, const std::string& target,
                                    ImportResult& result) {
    ImportReport& report = result.report;
    if (options.roads) {
        core::Result<Layer> layer = read_layer(*options.roads, LayerRole::kRoads, options, report);
        if (!layer) {
            return layer.error();
        }
        auto roads = build_layer(*layer, options, target, [&](const LayerInput& in) {
            return core::Result<std::vector<core::Road>>(build_roads(in, report, layer->summary));
        });
        if (!roads) {
            return roads.error();
        }
        result.plan.roads = std::move(roads).value();
        report.layers.push_back(layer->summary);
    }
    if (options.sites) {
        core::Result<Layer> layer = read_layer(*options.sites, LayerRole::kSites, options, report);
        if (!layer) {
            return layer.error();
        }
        core::Result<std::vector<core::Site>> sites =
            build_sites(layer->table, layer->mapping, options, target, result.plan.villages, report,
                        layer->summary);
        if (!sites) {
            return sites.error();
        }
        result.plan.sites = std::move(sites).value();
        report.layers.push_back(layer->summary);
    }
    return core::Ok{};
}

core::Result<ImportResult> import_all(const ImportOptions& options, CplErrorCollector& cpl) {
    if (!options.villages) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                "no villages source given; the villages layer is required");
    }
    ImportResult result;
    ImportReport& report = result.report;
    core::Result<Layer> villages =
        read_layer(*options.villages, LayerRole::kVillages, options, report);
    if (!villages) {
        return villages.error();
    }
    core::Result<std::string> source = layer_crs(*villages, options);
    if (!source) {
        return source.error();
    }
    core::Result<std::string> target = choose_target(*villages, *source, options);
    if (!target) {
        return target.error();
    }
    core::Result<core::CrsInfo> crs = describe_crs(*target);
    if (!crs) {
        return crs.error();
    }
    result.plan.crs = *crs;
    report.target_crs =
        (crs->epsg != 0 ? "EPSG:" + std::to_string(crs->epsg) + " " : "") + "(" + crs->name + ")";
    auto built = build_layer(*villages, options, *target, [&](const LayerInput& in) {
        return build_villages(in, options.repair, report, villages->summary);
    });
    if (!built) {
        return built.error();
    }
    if (built->villages.empty()) {
        return core::make_error(core::ErrorCode::kEmptyLayer, villages->table.where(),
                                "none of the " + std::to_string(villages->table.rows.size()) +
                                    " features is a usable village (each lacks a code or a "
                                    "valid polygon)");
    }
    result.plan.villages = std::move(built->villages);
    report.layers.push_back(villages->summary);
    core::Status townships = import_townships(options, *target, *built, result);
    if (!townships) {
        return townships.error();
    }
    core::Status others = import_roads_and_sites(options, *target, result);
    if (!others) {
        return others.error();
    }
    const std::string& path = options.villages->path;
    result.plan.name = !options.plan_name.empty() ? options.plan_name
                                                  : std::filesystem::path(path).stem().string();
    result.plan.provenance =
        "imported by beltplan from " + std::filesystem::path(path).filename().string();
    for (const std::string& message : cpl.take()) {
        report.warn("gdal_message", message);
    }
    return result;
}

}  // namespace

}  // namespace beltplan::io
