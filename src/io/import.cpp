// import_plan: chooses each role's layer, reads villages (required), townships, roads and sites
// into one plan in the CGCS2000 3-degree GK zone of the villages' median centre (or the CRS
// asked for), and fills the report.
//
// Index: [SECTION] Layer steps  [SECTION] Villages and townships  [SECTION] import_plan
#include "io/import.h"

#include "core/messages.h"
#include "io/crs.h"
#include "io/field_map.h"
#include "io/import_crs.h"
#include "io/import_discover.h"
#include "io/import_geometry.h"
#include "io/import_layers.h"
#include "io/import_source.h"
#include "io/ogr_util.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <limits>
#include <map>
#include <utility>

namespace beltplan::io {

// ------------------------------------------------------------------------------------------
// [SECTION] Layer steps
// ------------------------------------------------------------------------------------------

namespace {

constexpr double kOutlierKm = 200.0;  // issue 9: farther from the median is a probable error

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
    s.declared = t.declared;
    s.features_read = static_cast<long long>(t.rows.size());
    s.encoding = t.encoding;
    if (t.rows.empty()) {
        if (role == LayerRole::kVillages) {
            return core::make_error(core::ErrorCode::kEmptyLayer, t.where(),
                                    core::tr("import.villages_empty"));
        }
        report.warn("empty_layer",
                    core::tr("import.ex.empty_layer", {role_label(role), t.path, t.layer}));
    }
    core::Result<FieldMapping> mapping = map_fields(role, t.field_names, spec.fields, t.where());
    if (!mapping) {
        return mapping.error();
    }
    layer.mapping = std::move(mapping).value();
    if (role == LayerRole::kVillages || role == LayerRole::kTownships) {
        if (!layer.mapping.has("code")) {
            return missing_field_error(role, "code", t.field_names, t.where());
        }
    }
    s.field_mapping = layer.mapping.source;
    return layer;
}

// True when the villages are points (村委会驻地) or a table with seat columns, not polygons.
bool villages_are_points(const Layer& villages) {
    bool any_polygon = false;
    bool any_point = false;
    for (const SourceRow& row : villages.table.rows) {
        if (row.geometry == nullptr || row.geometry->IsEmpty()) {
            continue;
        }
        const OGRwkbGeometryType t = wkbFlatten(row.geometry->getGeometryType());
        any_point |= t == wkbPoint || t == wkbMultiPoint;
        any_polygon |= !(t == wkbPoint || t == wkbMultiPoint);
    }
    if (any_polygon) {
        return false;
    }
    return any_point || (villages.mapping.has("seat_x") && villages.mapping.has("seat_y"));
}

// Seat columns as the layer's raw positions (a village table without geometry).
std::vector<std::optional<core::PointM>> seat_columns(const Layer& layer, ImportReport& report) {
    std::vector<std::optional<core::PointM>> out;
    for (const SourceRow& row : layer.table.rows) {
        const std::string label = feature_label(row.fid, "");
        std::optional<double> x = field_real(layer.mapping, row, "seat_x", label, report);
        std::optional<double> y = field_real(layer.mapping, row, "seat_y", label, report);
        out.push_back(x && y ? std::optional<core::PointM>(core::PointM{*x, *y}) : std::nullopt);
    }
    return out;
}

// The layer's CRS decided and checked, its features placed, the far ones refused or skipped
// (measured from `centre`, else from the layer's own median).
core::Result<SourceCrs> place_layer(Layer& layer, const ImportOptions& options,
                                    const std::optional<core::LonLat>& centre, double limit_km,
                                    ImportReport& report, Placement* placement_out = nullptr) {
    const bool columns = !layer.table.has_geometry_column;
    std::vector<std::optional<core::PointM>> raw =
        columns ? seat_columns(layer, report) : raw_centres(layer.table);
    core::Result<SourceCrs> crs = source_crs(layer.table, options.source_crs, raw);
    if (!crs) {
        return crs.error();
    }
    layer.summary.source_crs = crs->label;
    layer.summary.crs_reason = crs->reason;
    if (layer.table.crs_wkt.empty() && options.source_crs.empty()) {
        report.warn("crs_recognised", layer.table.path + core::tr("where.colon") + crs->reason);
    }
    Placement placement = place_rows(raw, *crs);
    if (core::Status s = check_declared_crs(layer.table, *crs, raw, placement); !s) {
        return s.error();
    }
    const std::optional<core::LonLat> c = centre ? centre : placement.median;
    if (c && !columns) {
        core::Status s =
            handle_outliers(layer.table, placement, *c, limit_km, options.skip_outliers, report);
        if (!s) {
            return s.error();
        }
        layer.summary.skipped +=
            layer.summary.features_read - static_cast<long long>(layer.table.rows.size());
    }
    if (placement_out != nullptr) {
        *placement_out = std::move(placement);
    }
    return crs;
}

struct Transforms {
    CoordinateTransform layer;
    CoordinateTransform degrees;
};

core::Result<Transforms> transforms(const Layer& layer, const SourceCrs& crs,
                                    const std::string& target) {
    core::Result<CoordinateTransform> t = CoordinateTransform::create(crs.definition, target);
    core::Result<CoordinateTransform> d =
        CoordinateTransform::create("EPSG:" + std::to_string(kCgcs2000Epsg), target);
    if (!t) {
        return core::make_error(t.error().code, layer.table.where(), t.error().message);
    }
    if (!d) {
        return core::make_error(d.error().code, layer.table.where(), d.error().message);
    }
    return Transforms{std::move(t).value(), std::move(d).value()};
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] Villages and townships
// ------------------------------------------------------------------------------------------

namespace {

// What the villages step leaves for the others.
struct VillageStep {
    VillagesOut built;
    std::string target;
    std::optional<core::LonLat> centre;
};

core::Result<VillageStep> import_villages(const SourceSpec& spec, const ImportOptions& options,
                                          ImportResult& result) {
    ImportReport& report = result.report;
    core::Result<Layer> layer = read_layer(spec, LayerRole::kVillages, options, report);
    if (!layer) {
        return layer.error();
    }
    Placement placement;
    core::Result<SourceCrs> crs =
        place_layer(*layer, options, std::nullopt, kOutlierKm, report, &placement);
    if (!crs) {
        return crs.error();
    }
    core::Result<TargetCrs> target =
        choose_target(placement.median, placement.placed, options.target_crs, report);
    if (!target) {
        return target.error();
    }
    core::Result<core::CrsInfo> info = describe_crs(target->definition);
    if (!info) {
        return info.error();
    }
    result.plan.crs = *info;
    report.target_crs = (info->epsg != 0 ? "EPSG:" + std::to_string(info->epsg) + " " : "") + "(" +
                        info->name + ")";
    report.target_reason = target->reason;
    if (placement.median) {
        warn_old_datum(*crs, *placement.median, layer->table.path, report);
    }
    core::Result<Transforms> t = transforms(*layer, *crs, target->definition);
    if (!t) {
        return t.error();
    }
    const LayerInput in{layer->table, layer->mapping, t->layer, t->degrees,
                        is_geographic_crs(crs->definition)};
    const bool points = villages_are_points(*layer);
    core::Result<VillagesOut> built =
        build_villages(in, points, options.repair, report, layer->summary);
    if (!built) {
        return built.error();
    }
    if (built->villages.empty()) {
        return core::make_error(
            core::ErrorCode::kEmptyLayer, layer->table.where(),
            core::tr("import.no_usable_village", {std::to_string(layer->table.rows.size())}));
    }
    layer->summary.field_mapping = layer->mapping.source;
    report.layers.push_back(layer->summary);
    return VillageStep{std::move(built).value(), target->definition, placement.median};
}

// Townships from villages' town codes: every village with a code is counted by code.
void count_dissolved(const std::vector<core::Village>& villages,
                     const std::vector<core::Township>& townships, ImportReport& report) {
    std::map<std::string, long long> per_town;
    for (const core::Village& v : villages) {
        ++per_town[v.town_code];
        if (v.town_code.empty()) {
            report.warn("no_township", core::tr(v.town_code.empty() ? "import.ex.no_township_code"
                                                                    : "import.ex.no_township",
                                                {v.name + " (" + v.code + ")", v.town_code}));
        }
    }
    std::vector<TownshipCount> counts;
    for (const core::Township& t : townships) {
        TownshipCount c;
        c.code = t.code;
        c.name = t.name;
        c.villages = per_town[t.code];
        c.by_code = c.villages;
        counts.push_back(c);
    }
    report.townships = std::move(counts);
}

core::Status import_townships(const std::optional<SourceSpec>& spec, const ImportOptions& options,
                              VillageStep& step, ImportResult& result) {
    ImportReport& report = result.report;
    core::Plan& plan = result.plan;
    if (!spec) {
        if (step.built.points) {
            return core::make_error(core::ErrorCode::kBadArgument, {},
                                    core::tr("import.points.need_townships"));
        }
        plan.townships = townships_from_villages(plan.villages, step.built.town_names, report);
        count_dissolved(plan.villages, plan.townships, report);
        return core::Ok{};
    }
    core::Result<Layer> layer = read_layer(*spec, LayerRole::kTownships, options, report);
    if (!layer) {
        return layer.error();
    }
    core::Result<SourceCrs> crs = place_layer(*layer, options, step.centre, kOutlierKm, report);
    if (!crs) {
        return crs.error();
    }
    core::Result<Transforms> t = transforms(*layer, *crs, step.target);
    if (!t) {
        return t.error();
    }
    const LayerInput in{layer->table, layer->mapping, t->layer, t->degrees};
    auto townships = build_townships(in, options.repair, report, layer->summary);
    if (!townships) {
        return townships.error();
    }
    plan.townships = std::move(townships).value();
    report.layers.push_back(layer->summary);
    assign_townships(plan.villages, plan.townships, report);
    return core::Ok{};
}

core::Status import_roads(const SourceSpec& spec, const ImportOptions& options,
                          const VillageStep& step, ImportResult& result) {
    ImportReport& report = result.report;
    core::Result<Layer> layer = read_layer(spec, LayerRole::kRoads, options, report);
    if (!layer) {
        return layer.error();
    }
    // A road may run far out of the district: only roads outside China are probable errors.
    core::Result<SourceCrs> crs =
        place_layer(*layer, options, step.centre, std::numeric_limits<double>::infinity(), report);
    if (!crs) {
        return crs.error();
    }
    core::Result<Transforms> t = transforms(*layer, *crs, step.target);
    if (!t) {
        return t.error();
    }
    const LayerInput in{layer->table, layer->mapping, t->layer, t->degrees};
    result.plan.roads = build_roads(in, report, layer->summary);
    report.layers.push_back(layer->summary);
    return core::Ok{};
}

core::Status import_sites(const SourceSpec& spec, const ImportOptions& options,
                          const VillageStep& step, ImportResult& result) {
    ImportReport& report = result.report;
    core::Result<Layer> layer = read_layer(spec, LayerRole::kSites, options, report);
    if (!layer) {
        return layer.error();
    }
    core::Result<std::vector<core::Site>> sites = build_sites(
        layer->table, layer->mapping, options, step.target, result.plan, report, layer->summary);
    if (!sites) {
        return sites.error();
    }
    result.plan.sites = std::move(sites).value();
    report.layers.push_back(layer->summary);
    std::map<std::string, std::string> town_of;  // village code -> township code
    for (const core::Village& v : result.plan.villages) {
        town_of.emplace(v.code, v.town_code);
    }
    std::map<std::string, long long> per_town;
    for (const core::Site& s : result.plan.sites) {
        const auto v = town_of.find(s.village_code);
        if (v != town_of.end()) {
            ++per_town[v->second];
        }
    }
    for (TownshipCount& t : report.townships) {
        const auto n = per_town.find(t.code);
        t.sites = n != per_town.end() ? n->second : 0;
    }
    return core::Ok{};
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] import_plan
// ------------------------------------------------------------------------------------------

namespace {

std::string provenance(const RoleSources& roles, bool approximate) {
    std::vector<std::string> files;
    for (const std::optional<SourceSpec>* s :
         {&roles.villages, &roles.townships, &roles.roads, &roles.sites}) {
        if (*s) {
            const std::string name = std::filesystem::path((*s)->path).filename().string();
            if (std::find(files.begin(), files.end(), name) == files.end()) {
                files.push_back(name);
            }
        }
    }
    std::string list;
    for (const std::string& f : files) {
        list += (list.empty() ? "" : core::tr("import.list_separator")) + f;
    }
    std::string line = core::tr("import.provenance", {list});
    if (approximate) {
        line += core::tr("import.provenance_approximate");
    }
    return line;
}

core::Result<ImportResult> import_all(const ImportOptions& options) {
    if (!options.villages && options.sources.empty()) {
        return core::make_error(core::ErrorCode::kBadArgument, {}, core::tr("import.no_sources"));
    }
    ImportResult result;
    core::Result<RoleSources> roles = choose_layers(options, result.report);
    if (!roles) {
        return roles.error();
    }
    core::Result<VillageStep> villages = import_villages(*roles->villages, options, result);
    if (!villages) {
        return villages.error();
    }
    result.plan.villages = villages->built.villages;
    if (core::Status s = import_townships(roles->townships, options, *villages, result); !s) {
        return s.error();
    }
    if (villages->built.points) {
        core::Status areas = build_approximate_areas(result.plan.villages, result.plan.townships,
                                                     roles->villages->path, result.report);
        if (!areas) {
            return areas.error();
        }
        result.plan.approximate_village_areas = true;
        result.report.approximate_areas = true;
        result.report.warn(
            "approximate_areas",
            core::tr("import.ex.approximate", {std::to_string(result.plan.villages.size())}));
    }
    if (roles->roads) {
        if (core::Status s = import_roads(*roles->roads, options, *villages, result); !s) {
            return s.error();
        }
    }
    if (roles->sites) {
        if (core::Status s = import_sites(*roles->sites, options, *villages, result); !s) {
            return s.error();
        }
    }
    // The plan is named after what the user gave: --name, else the first source (a folder
    // such as "宣化区2024"), else the villages file.
    const std::string& named = options.villages || options.sources.empty()
                                   ? roles->villages->path
                                   : options.sources.front();
    std::filesystem::path stem = std::filesystem::path(named);
    if (!stem.has_filename()) {
        stem = stem.parent_path();  // "data/" names the folder "data"
    }
    result.plan.name = !options.plan_name.empty() ? options.plan_name : stem.stem().string();
    result.plan.provenance = provenance(*roles, result.plan.approximate_village_areas);
    return result;
}

}  // namespace

core::Result<ImportResult> import_plan(const ImportOptions& options) {
    try {
        register_gdal();
        CplErrorCollector cpl;  // GDAL's messages go into the report, not to the terminal
        core::Result<ImportResult> result = import_all(options);
        if (result) {
            for (const std::string& message : cpl.take()) {
                result->report.warn("gdal_message", message);
            }
        }
        return result;
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::kInternal, {},
                                core::tr("import.unexpected", {e.what()}));
    }
}

}  // namespace beltplan::io
