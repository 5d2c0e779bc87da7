// CRS decisions of the import. Numbers that decide: a 3-degree Gauss-Kruger X with its zone in
// front is 25-45 million, a 6-degree one 13-23 million; northings in China are 0.2-6 million;
// degrees are within +-180/+-90. The centre is the median of feature centres, so one stray
// feature cannot move the plan into another zone (issue 9 item 2).
//
// Index: [SECTION] Source CRS  [SECTION] Placement and checks  [SECTION] Outliers
//        [SECTION] Target and datum
#include "io/import_crs.h"

#include "core/messages.h"
#include "io/china_datum.h"
#include "io/crs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace beltplan::io {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadiusKm = 6371.0;
constexpr int kCgcs3First = 4513;      // CGCS2000 3-degree GK zone 25 (prefixed X) .. 45: 4533
constexpr int kCgcs6First = 4491;      // CGCS2000 6-degree GK zone 13 (prefixed X) .. 23: 4501
constexpr int kXian3First = 2349;      // Xian 1980 3-degree zone 25 .. 45: 2369
constexpr int kXian6First = 2327;      // Xian 1980 6-degree zone 13 .. 23: 2337
constexpr int kBeijing3First = 2401;   // Beijing 1954 3-degree zone 25 .. 45: 2421
constexpr int kBeijing6First = 21413;  // Beijing 1954 6-degree zone 13 .. 23: 21423
constexpr int kBeijingShiftOperation = 15918;  // Beijing 1954 to WGS 84 (1), Ordos basin, 1 m

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string epsg(int code) {
    return "EPSG:" + std::to_string(code);
}

std::string label_of(const std::string& definition) {
    core::Result<core::CrsInfo> info = describe_crs(definition);
    if (!info) {
        return definition.size() > 60 ? definition.substr(0, 60) + "..." : definition;
    }
    return info->epsg != 0 ? epsg(info->epsg) + " (" + info->name + ")" : info->name;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

// The Gauss-Kruger zone in front of an X: 25..45 (3-degree) or 13..23 (6-degree); 0 otherwise.
int x_prefix_zone(double x, double y) {
    if (!(y > 1e5 && y < 6.5e6)) {
        return 0;
    }
    const int zone = static_cast<int>(std::floor(x / 1e6));
    const bool three = zone >= 25 && zone <= 45;
    const bool six = zone >= 13 && zone <= 23;
    return three || six ? zone : 0;
}

// EPSG code of the prefixed zone in a datum family ("China 2000", "Xian 1980", "Beijing 1954").
int zone_code(int zone, const std::string& datum) {
    const bool three = zone >= 25;
    const int offset = three ? zone - 25 : zone - 13;
    if (datum.find("Xian") != std::string::npos) {
        return (three ? kXian3First : kXian6First) + offset;
    }
    if (datum.find("Beijing") != std::string::npos) {
        return (three ? kBeijing3First : kBeijing6First) + offset;
    }
    return (three ? kCgcs3First : kCgcs6First) + offset;
}

std::optional<core::PointM> median_raw(const std::vector<std::optional<core::PointM>>& raw) {
    std::vector<double> xs;
    std::vector<double> ys;
    for (const std::optional<core::PointM>& p : raw) {
        if (p) {
            xs.push_back(p->x);
            ys.push_back(p->y);
        }
    }
    if (xs.empty()) {
        return std::nullopt;
    }
    return core::PointM{median(xs), median(ys)};
}

}  // namespace

std::string lonlat_text(const core::LonLat& p) {
    return core::tr("import.lonlat", {fixed(p.lon, 4), fixed(p.lat, 4)});
}

// ------------------------------------------------------------------------------------------
// [SECTION] Source CRS
// ------------------------------------------------------------------------------------------

std::vector<std::optional<core::PointM>> raw_centres(const SourceTable& table) {
    std::vector<std::optional<core::PointM>> out;
    out.reserve(table.rows.size());
    for (const SourceRow& row : table.rows) {
        if (row.geometry == nullptr || row.geometry->IsEmpty()) {
            out.emplace_back();
            continue;
        }
        OGREnvelope env;
        row.geometry->getEnvelope(&env);
        const core::PointM c{(env.MinX + env.MaxX) / 2.0, (env.MinY + env.MaxY) / 2.0};
        out.push_back(std::isfinite(c.x) && std::isfinite(c.y) ? std::optional<core::PointM>(c)
                                                               : std::nullopt);
    }
    return out;
}

core::Result<SourceCrs> source_crs(const SourceTable& table, const std::string& user_crs,
                                   const std::vector<std::optional<core::PointM>>& raw) {
    if (!table.crs_wkt.empty()) {
        return SourceCrs{table.crs_wkt, table.crs_label, core::tr("import.crs.from_file")};
    }
    if (!user_crs.empty()) {
        return SourceCrs{user_crs, label_of(user_crs),
                         core::tr("import.crs.from_option", {user_crs})};
    }
    const std::optional<core::PointM> m = median_raw(raw);
    if (!m) {
        return core::make_error(core::ErrorCode::kNoCrs, table.where(),
                                core::tr("import.crs.none"));
    }
    if (std::fabs(m->x) <= 180.0 && std::fabs(m->y) <= 90.0) {
        return SourceCrs{epsg(kCgcs2000Epsg), label_of(epsg(kCgcs2000Epsg)),
                         core::tr("import.crs.degrees")};
    }
    const int zone = x_prefix_zone(m->x, m->y);
    if (zone != 0) {
        const std::string code = epsg(zone_code(zone, "China 2000"));
        const std::string key = zone >= 25 ? "import.crs.zone_prefix3" : "import.crs.zone_prefix6";
        return SourceCrs{
            code, label_of(code),
            core::tr(key, {std::to_string(zone), code, epsg(zone_code(zone, "Xian 1980")),
                           epsg(zone_code(zone, "Beijing 1954"))})};
    }
    return core::make_error(core::ErrorCode::kNoCrs, table.where(),
                            core::tr("import.crs.none_metres", {fixed(m->x, 1), fixed(m->y, 1)}));
}

// ------------------------------------------------------------------------------------------
// [SECTION] Placement and checks
// ------------------------------------------------------------------------------------------

Placement place_rows(const std::vector<std::optional<core::PointM>>& raw, const SourceCrs& crs) {
    Placement out;
    out.at.resize(raw.size());
    out.unplaceable.assign(raw.size(), false);
    core::Result<CoordinateTransform> to_lonlat =
        CoordinateTransform::create(crs.definition, epsg(kCgcs2000Epsg));
    std::vector<double> lons;
    std::vector<double> lats;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (!raw[i]) {
            continue;
        }
        double x = raw[i]->x;
        double y = raw[i]->y;
        if (!to_lonlat || !to_lonlat->apply(x, y) || std::fabs(x) > 180.0 || std::fabs(y) > 90.0) {
            out.unplaceable[i] = true;
            continue;
        }
        out.at[i] = core::LonLat{x, y};
        lons.push_back(x);
        lats.push_back(y);
    }
    out.placed = static_cast<long long>(lons.size());
    if (!lons.empty()) {
        out.median = core::LonLat{median(lons), median(lats)};
    }
    return out;
}

core::Status check_declared_crs(const SourceTable& table, const SourceCrs& crs,
                                const std::vector<std::optional<core::PointM>>& raw,
                                const Placement& placement) {
    const std::optional<core::PointM> m = median_raw(raw);
    if (!m) {
        return core::Ok{};
    }
    const int data_zone = x_prefix_zone(m->x, m->y);
    const std::string datum = datum_name(crs.definition);
    const std::optional<double> x0 = tmerc_false_easting(crs.definition);
    if (x0 && *x0 >= 1e6) {
        const int crs_zone = static_cast<int>(std::floor(*x0 / 1e6));
        if (data_zone != 0 && data_zone != crs_zone) {
            return core::make_error(
                core::ErrorCode::kBadCrs, table.where(),
                core::tr("import.crs.wrong_zone",
                         {crs.label, std::to_string(crs_zone), std::to_string(data_zone),
                          epsg(zone_code(data_zone, datum))}));
        }
    }
    const std::optional<AreaOfUse> area = area_of_use(crs.definition);
    if (!area) {
        return core::Ok{};
    }
    constexpr double kMarginDeg = 1.0;  // a county may reach past the edge of its zone
    const std::optional<core::LonLat>& c = placement.median;
    const bool inside = c && c->lon >= area->west - kMarginDeg &&
                        c->lon <= area->east + kMarginDeg && c->lat >= area->south - kMarginDeg &&
                        c->lat <= area->north + kMarginDeg;
    if (inside || area->west > area->east) {
        return core::Ok{};
    }
    std::string advice = core::tr("import.crs.suggest_check");
    if (data_zone != 0) {
        advice = core::tr("import.crs.suggest_code", {epsg(zone_code(data_zone, datum))});
    } else if (std::fabs(m->x) <= 180.0 && std::fabs(m->y) <= 90.0) {
        advice = core::tr("import.crs.suggest_degrees");
    }
    const std::string where = c ? lonlat_text(*c) : core::tr("import.crs.nowhere");
    const std::string bounds = core::tr(
        "import.crs.area",
        {fixed(area->west, 1), fixed(area->east, 1), fixed(area->south, 1), fixed(area->north, 1)});
    return core::make_error(
        core::ErrorCode::kBadCrs, table.where(),
        core::tr("import.crs.outside_area", {crs.label, where, bounds, advice}));
}

// ------------------------------------------------------------------------------------------
// [SECTION] Outliers
// ------------------------------------------------------------------------------------------

namespace {

double great_circle_km(const core::LonLat& a, const core::LonLat& b) {
    const double to_rad = kPi / 180.0;
    const double dlat = (b.lat - a.lat) * to_rad;
    const double dlon = (b.lon - a.lon) * to_rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat * to_rad) * std::cos(b.lat * to_rad) * std::sin(dlon / 2) *
                         std::sin(dlon / 2);
    return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// The name of a row for messages: "feature 12 (屈家庄)".
std::string row_label(const SourceTable& table, const SourceRow& row) {
    std::string name;
    for (std::size_t i = 0; i < table.field_names.size() && i < row.values.size(); ++i) {
        const std::string key = table.field_names[i];
        if (row.values[i].type == core::FieldValue::Type::kString &&
            (key.find("MC") != std::string::npos || key.find("名") != std::string::npos ||
             key == "name" || key == "Name" || key == "NAME")) {
            name = row.values[i].text;
            break;
        }
    }
    return name.empty() ? core::tr("import.feature", {std::to_string(row.fid)})
                        : core::tr("import.feature_named", {std::to_string(row.fid), name});
}

}  // namespace

namespace {

// The distance beyond which a feature is a probable error: `limit_km`, or three times the
// distance within which 90 % of the features lie when the data itself is that wide (a whole
// prefecture or province), so only features far outside the data's own spread are refused.
double outlier_limit_km(const Placement& placement, const core::LonLat& centre, double limit_km) {
    std::vector<double> km;
    for (const std::optional<core::LonLat>& p : placement.at) {
        if (p) {
            km.push_back(great_circle_km(*p, centre));
        }
    }
    if (km.empty() || !std::isfinite(limit_km)) {
        return limit_km;
    }
    const auto p90 = km.begin() + static_cast<long>((km.size() - 1) * 9 / 10);
    std::nth_element(km.begin(), p90, km.end());
    return std::max(limit_km, 3.0 * *p90);
}

}  // namespace

core::Status handle_outliers(SourceTable& table, const Placement& placement,
                             const core::LonLat& centre, double limit_km, bool skip,
                             ImportReport& report) {
    limit_km = outlier_limit_km(placement, centre, limit_km);
    const bool centre_in_china = in_china_box(centre);
    std::vector<std::string> items;
    std::vector<bool> drop(table.rows.size(), false);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const std::string label = row_label(table, table.rows[i]);
        if (placement.unplaceable[i]) {
            items.push_back(core::tr("import.outlier.unplaceable", {label}));
        } else if (!placement.at[i]) {
            continue;
        } else if (centre_in_china && !in_china_box(*placement.at[i])) {
            items.push_back(
                core::tr("import.outlier.outside_china", {label, lonlat_text(*placement.at[i])}));
        } else if (const double km = great_circle_km(*placement.at[i], centre); km > limit_km) {
            items.push_back(core::tr("import.outlier.far",
                                     {label, lonlat_text(*placement.at[i]), fixed(km, 0)}));
        } else {
            continue;
        }
        drop[i] = true;
    }
    if (items.empty()) {
        return core::Ok{};
    }
    if (!skip) {
        std::string list;
        for (std::size_t i = 0; i < items.size() && i < 5; ++i) {
            list += (i == 0 ? "" : core::tr("import.list_separator")) + items[i];
        }
        if (items.size() > 5) {
            list += core::tr("import.and_more", {std::to_string(items.size() - 5)});
        }
        return core::make_error(
            core::ErrorCode::kBadValue, table.where(),
            core::tr("import.outlier.refused", {std::to_string(items.size()), list,
                                                lonlat_text(centre), fixed(limit_km, 0)}));
    }
    std::vector<SourceRow> kept;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        if (drop[i]) {
            report.warn("outlier_skipped", table.path + core::tr("where.colon") + items.front());
            items.erase(items.begin());
        } else {
            kept.push_back(std::move(table.rows[i]));
        }
    }
    table.rows = std::move(kept);
    return core::Ok{};
}

// ------------------------------------------------------------------------------------------
// [SECTION] Target and datum
// ------------------------------------------------------------------------------------------

core::Result<TargetCrs> choose_target(const std::optional<core::LonLat>& centre, long long placed,
                                      const std::string& user_target, ImportReport& report) {
    if (!user_target.empty()) {
        if (is_geographic_crs(user_target)) {
            return core::make_error(core::ErrorCode::kBadCrs, {},
                                    core::tr("import.target.degrees", {user_target}));
        }
        return TargetCrs{user_target, core::tr("import.target.given", {user_target})};
    }
    if (!centre) {
        return core::make_error(core::ErrorCode::kEmptyGeometry, {},
                                core::tr("import.target.no_geometry"));
    }
    if (in_china_box(*centre)) {
        return TargetCrs{
            epsg(gk3_zone_epsg(centre->lon)),
            core::tr("import.target.gk", {lonlat_text(*centre), std::to_string(placed)})};
    }
    if (std::fabs(centre->lat) >= 84.0) {
        return core::make_error(core::ErrorCode::kBadCrs, {},
                                core::tr("import.target.polar", {lonlat_text(*centre)}));
    }
    const int zone =
        std::clamp(static_cast<int>(std::floor((centre->lon + 180.0) / 6.0)) + 1, 1, 60);
    const int code = (centre->lat >= 0 ? 32600 : 32700) + zone;
    const std::string name = std::to_string(zone) + (centre->lat >= 0 ? "N" : "S");
    report.warn("outside_china",
                core::tr("import.target.utm", {lonlat_text(*centre), name, epsg(code)}));
    return TargetCrs{epsg(code),
                     core::tr("import.target.utm_reason", {name, lonlat_text(*centre)})};
}

void warn_old_datum(const SourceCrs& crs, const core::LonLat& centre, const std::string& where,
                    ImportReport& report) {
    const std::string datum = datum_name(crs.definition);
    if (datum.find("Beijing 1954") != std::string::npos) {
        const std::optional<double> shift =
            datum_shift_m(kBeijingShiftOperation, centre.lon, centre.lat);
        report.warn("old_datum",
                    where + core::tr("where.colon") +
                        core::tr("import.datum.beijing", {shift ? fixed(*shift, 0) : "?"}));
    } else if (datum.find("Xian 1980") != std::string::npos) {
        report.warn("old_datum", where + core::tr("where.colon") + core::tr("import.datum.xian"));
    }
}

}  // namespace beltplan::io
