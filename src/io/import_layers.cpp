// Field access shared by the layer builders, townships, roads, and the assignment of villages
// to townships. Attributes that do not parse are counted and left unset; derived values
// (townships dissolved from villages, a township found by location) are counted so the
// planner sees every guess.
//
// Index: [SECTION] Field access  [SECTION] Townships  [SECTION] Assignment  [SECTION] Roads
#include "io/import_layers.h"

#include "core/geos_ops.h"
#include "core/messages.h"
#include "io/import_geometry.h"
#include "io/import_values.h"
#include "io/name_match.h"

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

void add_sample(LayerSummary& summary, const std::string& name) {
    if (summary.sample_names.size() < kSampleNames && !name.empty()) {
        summary.sample_names.push_back(name);
    }
}

}  // namespace

void warn_unparsed(const FieldMapping& mapping, const SourceRow& row, const std::string& target,
                   const std::string& label, const std::string& what_key, ImportReport& report) {
    const core::FieldValue* v = mapped_value(mapping, row, target);
    report.warn(
        "unparsed_value",
        core::tr("import.ex.unparsed", {label, mapping.source.at(target),
                                        v != nullptr ? value_text(*v) : "", core::tr(what_key)}));
}

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
        warn_unparsed(mapping, row, target, label, "import.what.number", report);
    }
    return p == Parsed::kOk ? std::optional<double>(out) : std::nullopt;
}

core::Result<std::optional<NormalCode>> field_code(const LayerInput& in, const SourceRow& row,
                                                   const std::string& target) {
    const core::FieldValue* v = mapped_value(in.mapping, row, target);
    if (v == nullptr) {
        return std::optional<NormalCode>();
    }
    bool lossy = false;
    const std::optional<std::string> digits = code_digits(*v, lossy);
    if (lossy) {
        return core::make_error(
            core::ErrorCode::kBadValue,
            {in.table.path, in.table.layer, row.fid, in.mapping.source.at(target)},
            core::tr("import.code_lossy", {value_text(*v)}));
    }
    if (digits) {
        return std::optional<NormalCode>(normalise_code(*digits));
    }
    const std::string text = field_text(in.mapping, row, target);
    if (text.empty()) {
        return std::optional<NormalCode>();
    }
    NormalCode kept;
    kept.code = text;  // not digits (a code such as "V001"): kept as written
    return std::optional<NormalCode>(kept);
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
// [SECTION] Townships
// ------------------------------------------------------------------------------------------

core::Result<std::vector<core::Township>> build_townships(const LayerInput& in, bool repair,
                                                          ImportReport& report,
                                                          LayerSummary& summary) {
    const SourceTable& t = in.table;
    std::vector<core::Township> out;
    std::map<std::string, std::size_t> by_code;
    for (const SourceRow& row : t.rows) {
        const std::string name = field_text(in.mapping, row, "name");
        const std::string label = feature_label(row.fid, name);
        core::Result<std::optional<NormalCode>> code = field_code(in, row, "code");
        if (!code) {
            return code.error();
        }
        if (!code->has_value()) {
            report.warn("skipped_missing_code", label);
            ++summary.skipped;
            continue;
        }
        const core::Where where{t.path, t.layer, row.fid, ""};
        std::optional<core::MultiPolygon> shape =
            project_polygons(row.geometry.get(), in.transform, repair, where, label, report);
        if (!shape) {
            ++summary.skipped;
            continue;
        }
        const std::string& c = (*code)->code;
        const auto [it, fresh] = by_code.emplace(c, out.size());
        if (!fresh) {
            core::Township& first = out[it->second];
            if (township_key(first.name) != township_key(name)) {
                return core::make_error(
                    core::ErrorCode::kDuplicateCode,
                    {t.path, t.layer, row.fid, in.mapping.source.at("code")},
                    core::tr("import.duplicate_code_names", {c, first.name, name}));
            }
            first.shape = core::union_all({&first.shape, &*shape});
            report.warn("merged_parts",
                        core::tr("import.ex.merged_township", {first.name, c, label}));
            ++summary.imported;
            continue;
        }
        core::Township township;
        township.code = c;
        township.name = name.empty() ? c : name;
        township.shape = std::move(*shape);
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
                    core::tr("import.ex.township_from_villages",
                             {township.name, std::to_string(shapes.size())}));
        out.push_back(std::move(township));
    }
    return out;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Assignment
// ------------------------------------------------------------------------------------------

void assign_townships(std::vector<core::Village>& villages,
                      const std::vector<core::Township>& townships, ImportReport& report) {
    std::map<std::string, std::size_t> index;
    std::vector<core::Box> boxes;
    for (std::size_t i = 0; i < townships.size(); ++i) {
        index.emplace(townships[i].code, i);
        boxes.push_back(core::bounds(townships[i].shape));
    }
    std::vector<TownshipCount> counts(townships.size());
    for (std::size_t i = 0; i < townships.size(); ++i) {
        counts[i].code = townships[i].code;
        counts[i].name = townships[i].name;
    }
    for (core::Village& v : villages) {
        const auto known = index.find(v.town_code);
        if (known != index.end()) {
            ++counts[known->second].villages;
            ++counts[known->second].by_code;
            continue;
        }
        const core::PointM at = core::anchor(v);
        int holder = -1;
        for (std::size_t i = 0; i < townships.size() && holder < 0; ++i) {
            if (boxes[i].contains(at) && core::contains(townships[i].shape, at)) {
                holder = static_cast<int>(i);
            }
        }
        const std::string label = v.name + " (" + v.code + ")";
        if (holder < 0) {
            report.warn("no_township", core::tr(v.town_code.empty() ? "import.ex.no_township_code"
                                                                    : "import.ex.no_township",
                                                {label, v.town_code}));
            continue;
        }
        const core::Township& t = townships[static_cast<std::size_t>(holder)];
        report.warn("town_by_location",
                    core::tr("import.ex.town_by_location", {label, v.town_code, t.name, t.code}));
        v.town_code = t.code;
        ++counts[static_cast<std::size_t>(holder)].villages;
        ++counts[static_cast<std::size_t>(holder)].by_location;
    }
    report.townships = std::move(counts);
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
            report.warn("unnamed_road", core::tr("import.ex.unnamed_road", {label}));
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
