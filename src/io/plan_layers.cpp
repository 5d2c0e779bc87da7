// The plan file layers as tables: known columns per layer, extra (source) columns as the
// union over a layer's features, and the rows built from the plan on demand.
#include "io/plan_layers.h"

#include "core/dissolve.h"
#include "io/plan_file.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace beltplan::io::detail {
namespace {

using core::FieldValue;

// -------------------------------------------------------------------------------------------
// extra columns

std::string lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return s;
}

FieldValue::Type merge_type(FieldValue::Type a, FieldValue::Type b) {
    using T = FieldValue::Type;
    if (a == T::kNull || a == b) {
        return b;
    }
    if (b == T::kNull) {
        return a;
    }
    if ((a == T::kInteger && b == T::kReal) || (a == T::kReal && b == T::kInteger)) {
        return T::kReal;
    }
    return T::kString;
}

std::string real_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// The value converted to the storage type of a column.
FieldValue to_column_type(const FieldValue& v, OGRFieldType type) {
    using T = FieldValue::Type;
    if (v.type == T::kNull) {
        return v;
    }
    if (type == OFTReal && v.type == T::kInteger) {
        return FieldValue::of_real(static_cast<double>(v.integer));
    }
    if (type == OFTString && v.type == T::kInteger) {
        return FieldValue::of_text(std::to_string(v.integer));
    }
    if (type == OFTString && v.type == T::kReal) {
        return FieldValue::of_text(real_text(v.real));
    }
    return v;
}

// Extra columns of a layer: every source field name in first-seen order, its type the
// widest over the features (integer < real < string), renamed "<name>_2" ... when it
// collides (case-insensitively, as SQLite compares) with a known column or fid/geom.
struct ExtraSchema {
    std::vector<Column> columns;
    std::unordered_map<std::string, std::size_t> index;  // source name -> position
};

template <typename Item>
ExtraSchema extra_schema(const std::vector<Item>& items, const std::vector<Column>& known) {
    ExtraSchema schema;
    std::vector<FieldValue::Type> types;
    for (const Item& item : items) {
        for (const core::ExtraField& f : item.extra) {
            auto [it, added] = schema.index.emplace(f.name, schema.columns.size());
            if (added) {
                schema.columns.push_back({f.name, OFTString, OFSTNone, f.name});
                types.push_back(FieldValue::Type::kNull);
            }
            types[it->second] = merge_type(types[it->second], f.value.type);
        }
    }
    std::unordered_set<std::string> taken{"fid", "geom"};
    for (const Column& c : known) {
        taken.insert(lower(c.name));
    }
    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        Column& c = schema.columns[i];
        c.type = ogr_field_type(types[i]);
        std::string name = c.source_name;
        for (int n = 2; taken.count(lower(name)) != 0; ++n) {
            name = c.source_name + "_" + std::to_string(n);
        }
        taken.insert(lower(name));
        c.name = name;
    }
    return schema;
}

// Appends the extra values of one feature (null where it lacks a column).
void append_extra(const ExtraSchema& schema, const core::ExtraFields& extra,
                  std::vector<FieldValue>& values) {
    const std::size_t offset = values.size();
    values.resize(offset + schema.columns.size());
    for (const core::ExtraField& f : extra) {
        const std::size_t i = schema.index.at(f.name);
        values[offset + i] = to_column_type(f.value, schema.columns[i].type);
    }
}

// -------------------------------------------------------------------------------------------
// value helpers

FieldValue text(const std::string& s) {
    return FieldValue::of_text(s);
}
FieldValue text_or_null(const std::string& s) {
    return s.empty() ? FieldValue{} : text(s);
}

template <typename T>
FieldValue opt_integer(const std::optional<T>& v) {
    return v ? FieldValue::of_integer(static_cast<std::int64_t>(*v)) : FieldValue{};
}

FieldValue opt_real(const std::optional<double>& v) {
    return v ? FieldValue::of_real(*v) : FieldValue{};
}

Column string_col(const char* name) {
    return {name, OFTString, OFSTNone, ""};
}
Column int_col(const char* name) {
    return {name, OFTInteger64, OFSTNone, ""};
}
Column bool_col(const char* name) {
    return {name, OFTInteger, OFSTBoolean, ""};
}
Column real_col(const char* name) {
    return {name, OFTReal, OFSTNone, ""};
}

core::Error missing(const std::string& file, const std::string& layer, std::size_t i,
                    const char* field, const char* what) {
    return core::make_error(
        core::ErrorCode::kFieldMissing, {file, layer, static_cast<std::int64_t>(i + 1), field},
        std::string("the ") + what + " has no " + field + "; give it one before saving.");
}

// Appends the extra columns of `items` to the table and returns their schema.
template <typename Item>
std::shared_ptr<ExtraSchema> add_extra(Table& t, const std::vector<Item>& items) {
    auto schema = std::make_shared<ExtraSchema>(extra_schema(items, t.columns));
    t.columns.insert(t.columns.end(), schema->columns.begin(), schema->columns.end());
    t.rows = items.size();
    return schema;
}

// -------------------------------------------------------------------------------------------
// layers

Table villages_table(const core::Plan& plan, const std::string& file) {
    Table t{"villages",
            wkbMultiPolygon,
            {string_col("code"), string_col("name"), string_col("town_code"), int_col("population"),
             int_col("party_members"), real_col("collective_income"), string_col("kind"),
             bool_col("weak_org"), bool_col("leader"), real_col("seat_x"), real_col("seat_y")},
            0,
            {}};
    auto schema = add_extra(t, plan.villages);
    t.row = [&plan, file, schema](std::size_t i) -> core::Result<Row> {
        const core::Village& v = plan.villages[i];
        if (v.code.empty()) {
            return missing(file, "villages", i, "code", "village");
        }
        Row r;
        r.geometry = to_ogr(v.shape);
        const bool kind_known = v.kind != core::VillageKind::kUnknown;
        r.values = {text(v.code),
                    text(v.name),
                    text(v.town_code),
                    opt_integer(v.population),
                    opt_integer(v.party_members),
                    opt_real(v.collective_income_wan_yuan),
                    kind_known ? text(core::to_code(v.kind)) : FieldValue{},
                    opt_integer(v.weak_org),
                    opt_integer(v.leader),
                    v.seat ? FieldValue::of_real(v.seat->x) : FieldValue{},
                    v.seat ? FieldValue::of_real(v.seat->y) : FieldValue{}};
        append_extra(*schema, v.extra, r.values);
        return r;
    };
    return t;
}

Table townships_table(const core::Plan& plan, const std::string& file) {
    Table t{"townships", wkbMultiPolygon, {string_col("code"), string_col("name")}, 0, {}};
    auto schema = add_extra(t, plan.townships);
    t.row = [&plan, file, schema](std::size_t i) -> core::Result<Row> {
        const core::Township& town = plan.townships[i];
        if (town.code.empty()) {
            return missing(file, "townships", i, "code", "township");
        }
        Row r;
        r.geometry = to_ogr(town.shape);
        r.values = {text(town.code), text(town.name)};
        append_extra(*schema, town.extra, r.values);
        return r;
    };
    return t;
}

Table roads_table(const core::Plan& plan) {
    Table t{"roads", wkbMultiLineString, {string_col("name"), string_col("class")}, 0, {}};
    auto schema = add_extra(t, plan.roads);
    t.row = [&plan, schema](std::size_t i) -> core::Result<Row> {
        const core::Road& road = plan.roads[i];
        Row r;
        r.geometry = to_ogr(road.parts);
        r.values = {text(road.name), text(road.road_class)};
        append_extra(*schema, road.extra, r.values);
        return r;
    };
    return t;
}

Table sites_table(const core::Plan& plan) {
    Table t{"sites",
            wkbPoint,
            {string_col("id"), string_col("name"), string_col("level"), string_col("theme"),
             string_col("village_code")},
            0,
            {}};
    auto schema = add_extra(t, plan.sites);
    t.row = [&plan, schema](std::size_t i) -> core::Result<Row> {
        const core::Site& s = plan.sites[i];
        Row r;
        r.geometry = to_ogr(s.position);
        r.values = {text(s.id), text(s.name), text(core::to_code(s.level)), text(s.theme),
                    text_or_null(s.village_code)};
        append_extra(*schema, s.extra, r.values);
        return r;
    };
    return t;
}

// The dissolved outline of the villages named by `codes` (unknown codes are skipped).
GeometryPtr outline(const core::Plan& plan,
                    const std::unordered_map<std::string, std::size_t>& index,
                    const std::vector<std::string>& codes) {
    return to_ogr(core::dissolve_villages(plan, index, codes));
}

Table joint_orgs_table(const core::Plan& plan) {
    Table t{"joint_orgs",
            wkbMultiPolygon,
            {string_col("id"), string_col("name"), string_col("mode"), string_col("lead"),
             string_col("members")},
            plan.joint_orgs.size(),
            {}};
    auto index =
        std::make_shared<std::unordered_map<std::string, std::size_t>>(core::village_index(plan));
    t.row = [&plan, index](std::size_t i) -> core::Result<Row> {
        const core::JointOrg& j = plan.joint_orgs[i];
        Row r;
        r.geometry = outline(plan, *index, j.members);
        r.values = {text(j.id), text(j.name), text(core::to_code(j.mode)), text(j.lead),
                    text(join_list(j.members))};
        return r;
    };
    return t;
}

Table belts_table(const core::Plan& plan) {
    Table t{"belts",
            wkbMultiLineString,
            {string_col("id"), string_col("name"), string_col("roads"), real_col("half_width_m")},
            plan.belts.size(),
            {}};
    t.row = [&plan](std::size_t i) -> core::Result<Row> {
        const core::Belt& b = plan.belts[i];
        std::vector<core::LineString> lines;
        for (const core::Road& road : plan.roads) {
            for (const std::string& name : b.roads) {
                if (road.name == name) {
                    lines.insert(lines.end(), road.parts.begin(), road.parts.end());
                    break;
                }
            }
        }
        Row r;
        r.geometry = to_ogr(lines);
        r.values = {text(b.id), text(b.name), text(join_list(b.roads)),
                    FieldValue::of_real(b.half_width_m)};
        return r;
    };
    return t;
}

Table work_stations_table(const core::Plan& plan) {
    Table t{"work_stations",
            wkbMultiPolygon,
            {string_col("id"), string_col("name"), string_col("town_code"), string_col("members"),
             string_col("seat_village")},
            plan.work_stations.size(),
            {}};
    auto index =
        std::make_shared<std::unordered_map<std::string, std::size_t>>(core::village_index(plan));
    t.row = [&plan, index](std::size_t i) -> core::Result<Row> {
        const core::WorkStation& w = plan.work_stations[i];
        Row r;
        r.geometry = outline(plan, *index, w.members);
        r.values = {text(w.id), text(w.name), text(w.town_code), text(join_list(w.members)),
                    text(w.seat_village)};
        return r;
    };
    return t;
}

Table contiguity_edits_table(const core::Plan& plan, const std::string& file) {
    Table t{"contiguity_edits",
            wkbNone,
            {string_col("a"), string_col("b"), string_col("kind"), string_col("reason")},
            plan.contiguity_edits.size(),
            {}};
    t.row = [&plan, file](std::size_t i) -> core::Result<Row> {
        const core::ContiguityEdit& e = plan.contiguity_edits[i];
        if (e.a.empty() || e.b.empty()) {
            return missing(file, "contiguity_edits", i, e.a.empty() ? "a" : "b", "contiguity edit");
        }
        Row r;
        r.values = {text(e.a), text(e.b), text(e.link ? "link" : "cut"), text(e.reason)};
        return r;
    };
    return t;
}

}  // namespace

std::optional<Table> make_table(const core::Plan& plan, const std::string& layer,
                                const std::string& file) {
    if (layer == "villages") {
        return villages_table(plan, file);
    }
    if (layer == "townships") {
        return townships_table(plan, file);
    }
    if (layer == "roads") {
        return roads_table(plan);
    }
    if (layer == "sites") {
        return sites_table(plan);
    }
    if (layer == "joint_orgs") {
        return joint_orgs_table(plan);
    }
    if (layer == "belts") {
        return belts_table(plan);
    }
    if (layer == "work_stations") {
        return work_stations_table(plan);
    }
    if (layer == "contiguity_edits") {
        return contiguity_edits_table(plan, file);
    }
    return std::nullopt;
}

Table make_meta_table(const core::Plan& plan, const std::vector<Table>& layers) {
    auto rows = std::make_shared<std::vector<std::pair<std::string, std::string>>>();
    *rows = {{"format_version", std::to_string(kPlanFormatVersion)},
             {"crs_epsg", std::to_string(plan.crs.epsg)},
             {"crs_wkt", plan.crs.wkt},
             {"crs_name", plan.crs.name},
             {"plan_name", plan.name},
             {"provenance", plan.provenance},
             {"reach_m", real_text(plan.settings.reach_m)},
             {"distance", core::to_code(plan.settings.distance)}};
    if (plan.approximate_village_areas) {  // DESIGN.md section 2: maps and reports say so
        rows->push_back({"approximate_village_areas", "1"});
    }
    for (const Table& t : layers) {
        for (const Column& c : t.columns) {
            if (!c.source_name.empty() && c.source_name != c.name) {
                rows->push_back({"extra_name." + t.name + "." + c.name, c.source_name});
            }
        }
    }
    Table t{kMetaTable, wkbNone, {string_col("key"), string_col("value")}, rows->size(), {}};
    t.row = [rows](std::size_t i) -> core::Result<Row> {
        Row r;
        r.values = {text((*rows)[i].first), text((*rows)[i].second)};
        return r;
    };
    return t;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        for (char c : items[i]) {
            if (c == ',' || c == '\\') {
                out += '\\';
            }
            out += c;
        }
    }
    return out;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    if (text.empty()) {
        return items;
    }
    std::string item;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            item += text[++i];
        } else if (text[i] == ',') {
            items.push_back(std::move(item));
            item.clear();
        } else {
            item += text[i];
        }
    }
    items.push_back(std::move(item));
    return items;
}

core::Result<DatasetPtr> open_plan_dataset(const std::string& path) {
    if (!std::filesystem::exists(path)) {
        return core::make_error(core::ErrorCode::kOpenFailed, {path, "", -1, ""},
                                "the file does not exist; check the path.");
    }
    DatasetPtr dataset = open_vector(path, false, {}, {"GPKG"});
    if (dataset == nullptr) {
        return core::make_error(core::ErrorCode::kOpenFailed, {path, "", -1, ""},
                                "the file is not a GeoPackage; open a plan (.gpkg) or "
                                "import the data with 'beltplan import'.");
    }
    return dataset;
}

}  // namespace beltplan::io::detail
