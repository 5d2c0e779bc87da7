// Villages, townships and roads from source tables. Attributes that do not parse are counted
// and left unset; codes must be unique; derived values (town code from a 12-digit village
// code, townships dissolved from villages) are counted so the planner sees every guess.
//
// Index: [SECTION] Field access  [SECTION] Villages  [SECTION] Townships  [SECTION] Roads
#include "io/import_layers.h"

#include "core/geos_ops.h"
#include "io/import_geometry.h"
#include "io/import_values.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace beltplan::io {

// ------------------------------------------------------------------------------------------
// [SECTION] Field access
// ------------------------------------------------------------------------------------------

namespace {

constexpr std::size_t kSampleNames = 3;

const core::FieldValue* mapped_value(const FieldMapping& mapping, const SourceRow& row,
                                     const std::string& target) {
    const int i = mapping.at(target);
    if (i < 0 || static_cast<std::size_t>(i) >= row.values.size()) {
        return nullptr;
    }
    return &row.values[static_cast<std::size_t>(i)];
}

void warn_unparsed(const FieldMapping& mapping, const SourceRow& row, const std::string& target,
                   const std::string& label, const std::string& what, ImportReport& report) {
    const core::FieldValue* v = mapped_value(mapping, row, target);
    report.warn("unparsed_value", label + ", field '" + mapping.source.at(target) + "': '" +
                                      (v != nullptr ? value_text(*v) : "") + "' is not " + what +
                                      "; left unset");
}

std::optional<std::int64_t> field_integer(const FieldMapping& mapping, const SourceRow& row,
                                          const std::string& target, const std::string& label,
                                          ImportReport& report) {
    const core::FieldValue* v = mapped_value(mapping, row, target);
    std::int64_t out = 0;
    const Parsed p = v != nullptr ? parse_integer(*v, out) : Parsed::kEmpty;
    if (p == Parsed::kBad) {
        warn_unparsed(mapping, row, target, label, "a whole number", report);
    }
    return p == Parsed::kOk ? std::optional<std::int64_t>(out) : std::nullopt;
}

std::optional<bool> field_flag(const FieldMapping& mapping, const SourceRow& row,
                               const std::string& target, const std::string& label,
                               ImportReport& report) {
    const core::FieldValue* v = mapped_value(mapping, row, target);
    bool out = false;
    const Parsed p = v != nullptr ? parse_flag(*v, out) : Parsed::kEmpty;
    if (p == Parsed::kBad) {
        warn_unparsed(mapping, row, target, label, "a yes/no flag (是/否, 1/0)", report);
    }
    return p == Parsed::kOk ? std::optional<bool>(out) : std::nullopt;
}

bool is_digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

core::Error duplicate_code(const SourceTable& t, const FieldMapping& mapping, const char* what,
                           const std::string& code, const std::string& first, const SourceRow& row,
                           const std::string& second) {
    core::Where where = t.where();
    where.feature = row.fid;
    where.field = mapping.source.at("code");
    return core::make_error(core::ErrorCode::kDuplicateCode, where,
                            std::string(what) + " code " + code + " appears twice, in " + first +
                                " and " + second + "; codes must be unique");
}

void add_sample(LayerSummary& summary, const std::string& name) {
    if (summary.sample_names.size() < kSampleNames && !name.empty()) {
        summary.sample_names.push_back(name);
    }
}

}  // namespace

std::string field_text(const FieldMapping& mapping, const SourceRow& row,
                       const std::string& target) {
    const core::FieldValue* v = mapped_value(mapping, row, target);
    if (v == nullptr) {
        return "";
    }
    std::string text = value_text(*v);
    const auto not_space = [](unsigned char c) { return std::isspace(c) == 0; };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
    text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
    return text;
}

std::optional<double> field_real(const FieldMapping& mapping, const SourceRow& row,
                                 const std::string& target, const std::string& label,
                                 ImportReport& report) {
    const core::FieldValue* v = mapped_value(mapping, row, target);
    double out = 0.0;
    const Parsed p = v != nullptr ? parse_real(*v, out) : Parsed::kEmpty;
    if (p == Parsed::kBad) {
        warn_unparsed(mapping, row, target, label, "a number", report);
    }
    return p == Parsed::kOk ? std::optional<double>(out) : std::nullopt;
}

core::ExtraFields extra_fields(const SourceTable& table, const FieldMapping& mapping,
                               const SourceRow& row, const std::vector<std::string>& kept) {
    std::set<int> consumed;
    for (const auto& [target, index] : mapping.index) {
        if (std::find(kept.begin(), kept.end(), target) == kept.end()) {
            consumed.insert(index);
        }
    }
    core::ExtraFields extra;
    for (std::size_t i = 0; i < table.field_names.size() && i < row.values.size(); ++i) {
        if (consumed.count(static_cast<int>(i)) == 0) {
            extra.push_back({table.field_names[i], row.values[i]});
        }
    }
    return extra;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Villages
// ------------------------------------------------------------------------------------------

namespace {

// Attributes other than code, name and shape.
void read_village_attributes(const LayerInput& in, const SourceRow& row, const std::string& label,
                             ImportReport& report, core::Village& v) {
    const FieldMapping& m = in.mapping;
    v.population = field_integer(m, row, "population", label, report);
    v.party_members = field_integer(m, row, "party_members", label, report);
    v.collective_income_wan_yuan = field_real(m, row, "collective_income", label, report);
    v.weak_org = field_flag(m, row, "weak_org", label, report);
    v.leader = field_flag(m, row, "leader", label, report);
    const std::string kind = field_text(m, row, "kind");
    if (!kind.empty()) {
        const std::optional<core::VillageKind> k = core::parse_village_kind(kind);
        if (k) {
            v.kind = *k;
        } else {
            report.warn("unknown_village_kind",
                        label + ": '" + kind + "' is not 枢纽型/潮汐型/基本型/空心型");
        }
    }
    if (m.has("seat_x") && m.has("seat_y")) {
        std::optional<double> x = field_real(m, row, "seat_x", label, report);
        std::optional<double> y = field_real(m, row, "seat_y", label, report);
        if (x && y) {
            if (in.transform.apply(*x, *y)) {
                v.seat = core::PointM{*x, *y};
            } else {
                report.warn("unparsed_value", label + ": the seat point cannot be projected");
            }
        }
    }
}

void set_town_code(const LayerInput& in, const SourceRow& row, const std::string& label,
                   ImportReport& report, core::Village& v) {
    v.town_code = field_text(in.mapping, row, "town_code");
    if (!v.town_code.empty()) {
        return;
    }
    if (v.code.size() == 12 && is_digits(v.code)) {
        v.town_code = v.code.substr(0, 9);
        report.warn("town_code_from_code", label + ": " + v.town_code);
    } else {
        report.warn("missing_town_code", label + ": code " + v.code + " is not 12 digits");
    }
}

// The code, name and projected shape every polygon row shares; nullopt when the row is
// skipped (counted), an Error when its code repeats an earlier feature's.
struct CodedShape {
    std::string code;
    std::string name;
    std::string label;
    core::MultiPolygon shape;
};

core::Result<std::optional<CodedShape>> read_coded_shape(const LayerInput& in, const SourceRow& row,
                                                         const char* kind, bool repair,
                                                         std::map<std::string, std::string>& seen,
                                                         ImportReport& report,
                                                         LayerSummary& summary) {
    const SourceTable& t = in.table;
    const core::Where where{t.path, t.layer, row.fid, ""};
    CodedShape c;
    c.code = field_text(in.mapping, row, "code");
    c.name = field_text(in.mapping, row, "name");
    c.label = feature_label(row.fid, c.name);
    if (c.code.empty()) {
        report.warn("skipped_missing_code", c.label);
        ++summary.skipped;
        return std::optional<CodedShape>();
    }
    const auto [it, fresh] = seen.emplace(c.code, c.label);
    if (!fresh) {
        return duplicate_code(t, in.mapping, kind, c.code, it->second, row, c.label);
    }
    std::optional<core::MultiPolygon> shape =
        project_polygons(row.geometry.get(), in.transform, repair, where, c.label, report);
    if (!shape) {
        ++summary.skipped;
        return std::optional<CodedShape>();
    }
    c.shape = std::move(*shape);
    if (c.name.empty()) {
        report.warn("missing_name", c.label + ": named by its code " + c.code);
        c.name = c.code;
    }
    return std::optional<CodedShape>(std::move(c));
}

}  // namespace

core::Result<VillagesOut> build_villages(const LayerInput& in, bool repair, ImportReport& report,
                                         LayerSummary& summary) {
    const SourceTable& t = in.table;
    VillagesOut out;
    std::map<std::string, std::string> seen;  // code -> label of its first feature
    for (const SourceRow& row : t.rows) {
        auto coded = read_coded_shape(in, row, "village", repair, seen, report, summary);
        if (!coded) {
            return coded.error();
        }
        if (!coded->has_value()) {
            continue;
        }
        CodedShape& c = **coded;
        const std::string& label = c.label;
        core::Village v;
        v.code = std::move(c.code);
        v.name = std::move(c.name);
        v.shape = std::move(c.shape);
        set_town_code(in, row, label, report, v);
        read_village_attributes(in, row, label, report, v);
        const std::string town_name = field_text(in.mapping, row, "town_name");
        if (!town_name.empty() && !v.town_code.empty()) {
            out.town_names.emplace(v.town_code, town_name);
        }
        v.extra = extra_fields(t, in.mapping, row, {"town_name"});
        add_sample(summary, v.name);
        out.villages.push_back(std::move(v));
        ++summary.imported;
    }
    return out;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Townships
// ------------------------------------------------------------------------------------------

core::Result<std::vector<core::Township>> build_townships(const LayerInput& in, bool repair,
                                                          ImportReport& report,
                                                          LayerSummary& summary) {
    const SourceTable& t = in.table;
    std::vector<core::Township> out;
    std::map<std::string, std::string> seen;
    for (const SourceRow& row : t.rows) {
        auto coded = read_coded_shape(in, row, "township", repair, seen, report, summary);
        if (!coded) {
            return coded.error();
        }
        if (!coded->has_value()) {
            continue;
        }
        CodedShape& c = **coded;
        core::Township township;
        township.code = std::move(c.code);
        township.name = std::move(c.name);
        township.shape = std::move(c.shape);
        township.extra = extra_fields(t, in.mapping, row);
        add_sample(summary, township.name);
        out.push_back(std::move(township));
        ++summary.imported;
    }
    return out;
}

std::vector<core::Township> townships_from_villages(
    const std::vector<core::Village>& villages,
    const std::map<std::string, std::string>& town_names, ImportReport& report) {
    std::map<std::string, std::vector<const core::MultiPolygon*>> groups;
    for (const core::Village& v : villages) {
        if (!v.town_code.empty()) {
            groups[v.town_code].push_back(&v.shape);
        }
    }
    std::vector<core::Township> out;
    for (const auto& [code, shapes] : groups) {
        core::Township township;
        township.code = code;
        const auto name = town_names.find(code);
        township.name = name != town_names.end() ? name->second : code;
        township.shape = core::union_all(shapes);
        report.warn("township_from_villages",
                    township.name + ": union of " + std::to_string(shapes.size()) + " villages");
        out.push_back(std::move(township));
    }
    return out;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Roads
// ------------------------------------------------------------------------------------------

std::vector<core::Road> build_roads(const LayerInput& in, ImportReport& report,
                                    LayerSummary& summary) {
    const SourceTable& t = in.table;
    std::vector<core::Road> out;
    for (const SourceRow& row : t.rows) {
        const core::Where where{t.path, t.layer, row.fid, ""};
        const std::string name = field_text(in.mapping, row, "name");
        const std::string label = feature_label(row.fid, name);
        std::optional<std::vector<core::LineString>> lines =
            project_lines(row.geometry.get(), in.transform, where, label, report);
        if (!lines) {
            ++summary.skipped;
            continue;
        }
        core::Road road;
        road.name = name;
        if (name.empty()) {
            report.warn("unnamed_road", label + ": belts cannot refer to it");
        }
        road.road_class = field_text(in.mapping, row, "class");
        road.parts = std::move(*lines);
        road.extra = extra_fields(t, in.mapping, row);
        add_sample(summary, road.name);
        out.push_back(std::move(road));
        ++summary.imported;
    }
    return out;
}

}  // namespace beltplan::io
