// Villages from a source table: codes normalised, features of one code merged into one
// multipolygon village (a 飞地 stored apart, the 村民小组 parts of a 三调 village), seat columns
// read in the unit their values show and checked against the polygon, or villages given as
// seat points only (their areas are built from the townships later).
//
// Index: [SECTION] Attributes and seats  [SECTION] One feature  [SECTION] build_villages
#include "core/geos_ops.h"
#include "core/messages.h"
#include "io/import_geometry.h"
#include "io/import_layers.h"
#include "io/import_values.h"
#include "io/name_match.h"

#include <cmath>
#include <cstdio>

namespace beltplan::io {

// ------------------------------------------------------------------------------------------
// [SECTION] Attributes and seats
// ------------------------------------------------------------------------------------------

namespace {

constexpr double kSeatFarM = 1000.0;  // a seat farther than this from its village is dropped

std::optional<std::int64_t> field_integer(const FieldMapping& m, const SourceRow& row,
                                          const std::string& target, const std::string& label,
                                          ImportReport& report) {
    const int i = m.at(target);
    std::int64_t out = 0;
    const Parsed p =
        i >= 0 ? parse_integer(row.values[static_cast<std::size_t>(i)], out) : Parsed::kEmpty;
    if (p == Parsed::kBad) {
        warn_unparsed(m, row, target, label, "import.what.integer", report);
    }
    return p == Parsed::kOk ? std::optional<std::int64_t>(out) : std::nullopt;
}

std::optional<bool> field_flag(const FieldMapping& m, const SourceRow& row,
                               const std::string& target, const std::string& label,
                               ImportReport& report) {
    const int i = m.at(target);
    bool out = false;
    const Parsed p =
        i >= 0 ? parse_flag(row.values[static_cast<std::size_t>(i)], out) : Parsed::kEmpty;
    if (p == Parsed::kBad) {
        warn_unparsed(m, row, target, label, "import.what.flag", report);
    }
    return p == Parsed::kOk ? std::optional<bool>(out) : std::nullopt;
}

// Attributes other than code, name, shape and seat.
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
            report.warn("unknown_village_kind", core::tr("import.ex.unknown_kind", {label, kind}));
        }
    }
}

// How the seat columns were read, for the summary.
struct SeatCounts {
    long long degrees = 0;
    long long metres = 0;
    long long plan_metres = 0;  // metres on a layer in degrees: read in the plan CRS
};

// The seat from the seat columns: values within +-180/+-90 are degrees (CGCS2000 longitude and
// latitude, projected), others metres in the layer's CRS (in the plan CRS when the layer is in
// degrees, as an export of a plan to longitude/latitude leaves them).
std::optional<core::PointM> seat_from_columns(const LayerInput& in, const SourceRow& row,
                                              const std::string& label, ImportReport& report,
                                              SeatCounts& counts) {
    const FieldMapping& m = in.mapping;
    if (!m.has("seat_x") || !m.has("seat_y")) {
        return std::nullopt;
    }
    std::optional<double> x = field_real(m, row, "seat_x", label, report);
    std::optional<double> y = field_real(m, row, "seat_y", label, report);
    if (!x || !y) {
        return std::nullopt;
    }
    const bool degrees = std::fabs(*x) <= 180.0 && std::fabs(*y) <= 90.0;
    if (!degrees && in.geographic) {
        ++counts.plan_metres;
        return core::PointM{*x, *y};
    }
    if (!(degrees ? in.from_degrees : in.transform).apply(*x, *y)) {
        report.warn("seat_unplaceable", label);
        return std::nullopt;
    }
    ++(degrees ? counts.degrees : counts.metres);
    return core::PointM{*x, *y};
}

// A seat outside its village polygon is warned; farther than kSeatFarM it is dropped (the
// village's anchor falls back to its centroid) and warned as an answer-changing problem.
void check_seat(const std::string& label, ImportReport& report, core::Village& v) {
    if (!v.seat || v.shape.empty()) {
        return;
    }
    const double d = core::distance_to_shape_m(v.shape, *v.seat);
    char metres[32];
    std::snprintf(metres, sizeof metres, "%.0f", d);
    if (d > kSeatFarM) {
        report.warn("seat_far_from_village", core::tr("import.ex.seat_far", {label, metres}));
        v.seat.reset();
    } else if (d > 0.0) {
        report.warn("seat_outside_village", core::tr("import.ex.seat_outside", {label, metres}));
    }
}

// ------------------------------------------------------------------------------------------
// [SECTION] One feature
// ------------------------------------------------------------------------------------------

// One village feature before features of one code are merged.
struct Piece {
    core::Village village;
    NormalCode code;
    std::string label;
};

struct Tally {
    long long village_level = 0;
    long long township_level = 0;
    long long county_level = 0;
    long long cut_from_19 = 0;
    long long town_from_code = 0;
    SeatCounts seats;
};

// The seat point of a point feature, projected.
std::optional<core::PointM> point_seat(const LayerInput& in, const SourceRow& row,
                                       const std::string& label, ImportReport& report) {
    const core::Where where{in.table.path, in.table.layer, row.fid, ""};
    core::Result<core::PointM> p = to_point(row.geometry.get(), where);
    if (!p) {
        return std::nullopt;
    }
    double x = p->x;
    double y = p->y;
    if (!in.transform.apply(x, y)) {
        report.warn("seat_unplaceable", label);
        return std::nullopt;
    }
    return core::PointM{x, y};
}

void set_town_code(const LayerInput& in, const SourceRow& row, Piece& p, Tally& tally) {
    core::Result<std::optional<NormalCode>> town = field_code(in, row, "town_code");
    if (town && town->has_value()) {
        p.village.town_code = (*town)->code;
    } else if (p.code.level == CodeLevel::kVillage) {
        p.village.town_code = p.code.code.substr(0, 9);
        ++tally.town_from_code;
    }
}

core::Result<std::optional<Piece>> read_piece(const LayerInput& in, const SourceRow& row,
                                              bool points, bool repair, ImportReport& report,
                                              Tally& tally) {
    Piece p;
    p.village.name = field_text(in.mapping, row, "name");
    p.label = feature_label(row.fid, p.village.name);
    core::Result<std::optional<NormalCode>> code = field_code(in, row, "code");
    if (!code) {
        return code.error();
    }
    if (!code->has_value()) {
        report.warn("skipped_missing_code", p.label);
        return std::optional<Piece>();
    }
    p.code = **code;
    p.village.code = p.code.code;
    tally.village_level += p.code.level == CodeLevel::kVillage ? 1 : 0;
    tally.township_level += p.code.level == CodeLevel::kTownship ? 1 : 0;
    tally.county_level += p.code.level == CodeLevel::kCounty ? 1 : 0;
    tally.cut_from_19 += p.code.cut_from_19 ? 1 : 0;
    const core::Where where{in.table.path, in.table.layer, row.fid, ""};
    if (points) {
        p.village.seat = row.geometry != nullptr
                             ? point_seat(in, row, p.label, report)
                             : seat_from_columns(in, row, p.label, report, tally.seats);
        if (!p.village.seat) {
            report.warn("skipped_no_seat", p.label);
            return std::optional<Piece>();
        }
    } else {
        std::optional<core::MultiPolygon> shape =
            project_polygons(row.geometry.get(), in.transform, repair, where, p.label, report);
        if (!shape) {
            return std::optional<Piece>();
        }
        p.village.shape = std::move(*shape);
        p.village.seat = seat_from_columns(in, row, p.label, report, tally.seats);
    }
    if (p.village.name.empty()) {
        report.warn("missing_name", core::tr("import.ex.named_by_code", {p.label, p.code.code}));
        p.village.name = p.code.code;
    }
    set_town_code(in, row, p, tally);
    read_village_attributes(in, row, p.label, report, p.village);
    p.village.extra = extra_fields(in.table, in.mapping, row, {"town_name"});
    return std::optional<Piece>(std::move(p));
}

template <typename T>
void keep_first(std::optional<T>& into, const std::optional<T>& other) {
    if (!into) {
        into = other;
    }
}

// Adds a feature to the village already holding its code: the parts join, attributes missing
// in the first come from the second. Two different names (and no 村民小组 parts) are an Error.
core::Status merge_piece(const LayerInput& in, const SourceRow& row, bool points,
                         const Piece& first, Piece&& p, core::Village& into, ImportReport& report) {
    const bool groups =
        first.code.cut_from_19 && p.code.cut_from_19 && first.code.group != p.code.group;
    const core::Where where{in.table.path, in.table.layer, row.fid, in.mapping.source.at("code")};
    if (points) {
        return core::make_error(
            core::ErrorCode::kDuplicateCode, where,
            core::tr("import.duplicate_seat_code", {p.code.code, first.label, p.label}));
    }
    if (!groups && village_key(into.name) != village_key(p.village.name)) {
        return core::make_error(core::ErrorCode::kDuplicateCode, where,
                                core::tr("import.duplicate_code_names",
                                         {p.code.code, first.village.name, p.village.name}));
    }
    if (groups && p.code.group == "0000000") {
        into.name = p.village.name;  // the village's own unit names it, not a group's
    }
    into.shape = core::union_all({&into.shape, &p.village.shape});
    keep_first(into.seat, p.village.seat);
    keep_first(into.population, p.village.population);
    keep_first(into.party_members, p.village.party_members);
    keep_first(into.collective_income_wan_yuan, p.village.collective_income_wan_yuan);
    report.warn("merged_parts", core::tr(groups ? "import.ex.merged_groups" : "import.ex.merged",
                                         {into.name, into.code, p.label}));
    return core::Ok{};
}

void note_fields(const LayerInput& in, const Tally& tally, bool points, LayerSummary& summary) {
    if (tally.cut_from_19 > 0) {
        summary.field_notes["code"] =
            core::tr("import.note.code_19", {std::to_string(tally.cut_from_19)});
    }
    if (tally.town_from_code > 0 && !in.mapping.has("town_code")) {
        summary.field_notes["town_code"] =
            core::tr("import.note.town_from_code", {std::to_string(tally.town_from_code)});
    }
    if (tally.seats.degrees + tally.seats.metres > 0) {
        summary.field_notes["seat_x"] =
            core::tr("import.note.seat_units",
                     {std::to_string(tally.seats.degrees), std::to_string(tally.seats.metres)});
    }
    if (tally.seats.plan_metres > 0) {
        summary.field_notes["seat_y"] =
            core::tr("import.note.seat_plan_metres", {std::to_string(tally.seats.plan_metres)});
    }
    if (points) {
        summary.field_notes["shape"] = core::tr("import.note.points");
    }
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] build_villages
// ------------------------------------------------------------------------------------------

core::Result<VillagesOut> build_villages(const LayerInput& in, bool points, bool repair,
                                         ImportReport& report, LayerSummary& summary) {
    VillagesOut out;
    out.points = points;
    std::map<std::string, std::size_t> by_code;
    std::vector<Piece> firsts;
    Tally tally;
    for (const SourceRow& row : in.table.rows) {
        core::Result<std::optional<Piece>> piece =
            read_piece(in, row, points, repair, report, tally);
        if (!piece) {
            return piece.error();
        }
        if (!piece->has_value()) {
            ++summary.skipped;
            continue;
        }
        Piece& p = **piece;
        const auto [it, fresh] = by_code.emplace(p.village.code, out.villages.size());
        if (!fresh) {
            core::Status merged = merge_piece(in, row, points, firsts[it->second], std::move(p),
                                              out.villages[it->second], report);
            if (!merged) {
                return merged.error();
            }
            ++summary.imported;
            continue;
        }
        const std::string town_name = field_text(in.mapping, row, "town_name");
        if (!town_name.empty() && !p.village.town_code.empty()) {
            out.town_names.emplace(p.village.town_code, town_name);
        }
        if (summary.sample_names.size() < 3) {
            summary.sample_names.push_back(p.village.name);
        }
        out.villages.push_back(p.village);
        firsts.push_back(std::move(p));
        ++summary.imported;
    }
    // Named outright as the villages but coded as counties or townships (the polygons of
    // another level): imported as asked (contiguity of any polygons is a use), said first.
    if (tally.village_level == 0 && tally.county_level + tally.township_level > 0) {
        const bool counties = tally.county_level > tally.township_level;
        report.warn(
            "codes_not_village",
            in.table.path + core::tr("where.colon") +
                core::tr(
                    counties ? "import.villages_are_counties" : "import.villages_are_townships",
                    {in.mapping.source.at("code"),
                     std::to_string(counties ? tally.county_level : tally.township_level)}));
    }
    for (std::size_t i = 0; i < out.villages.size(); ++i) {
        check_seat(firsts[i].label, report, out.villages[i]);
    }
    note_fields(in, tally, points, summary);
    return out;
}

}  // namespace beltplan::io
