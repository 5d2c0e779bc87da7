// Sites: from points, from longitude/latitude columns (with the datum of Chinese web maps told
// or tested against the villages the rows name), or from the village each row names. Every
// row is listed with how it found its village; nothing is placed at a guess.
//
// Index: [SECTION] Rows and levels  [SECTION] Coordinates and datum  [SECTION] build_sites
#include "core/messages.h"
#include "io/china_datum.h"
#include "io/field_map.h"
#include "io/import_crs.h"
#include "io/import_geometry.h"
#include "io/import_layers.h"
#include "io/name_match.h"
#include "io/site_match.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

namespace beltplan::io {

// ------------------------------------------------------------------------------------------
// [SECTION] Rows and levels
// ------------------------------------------------------------------------------------------

namespace {

constexpr double kFarFromVillagesM = 200000.0;  // issue 9: farther is a probable error

// 市级 / 县级 / 区级 are the district level of the plan, 镇级 / 乡级 / 乡镇级 / 街道级 the town
// level.
std::optional<core::SiteLevel> site_level(const std::string& text) {
    const std::string t = normalise_name(text);
    static const char* const kDistrict[] = {"市级", "县级", "区级", "县区级", "区县级", "district"};
    static const char* const kTown[] = {"镇级", "乡级", "乡镇级", "街道级", "town"};
    for (const char* d : kDistrict) {
        if (t == d) {
            return core::SiteLevel::kDistrict;
        }
    }
    for (const char* w : kTown) {
        if (t == w) {
            return core::SiteLevel::kTown;
        }
    }
    return core::parse_site_level(text);
}

void fill_level_and_theme(const FieldMapping& m, const SourceRow& row, const std::string& label,
                          ImportReport& report, core::Site& site) {
    const std::string level = field_text(m, row, "level");
    const std::optional<core::SiteLevel> parsed = site_level(level);
    if (parsed) {
        site.level = *parsed;
    } else {
        report.warn(level.empty() ? "missing_site_level" : "unknown_site_level",
                    core::tr(level.empty() ? "import.ex.level_missing" : "import.ex.level_unknown",
                             {label, level}));
    }
    site.theme = field_text(m, row, "theme");
}

// The row's id, or S<n>; a repeated id gets a suffix and is counted.
std::string unique_site_id(const std::string& given, std::size_t row_index,
                           const std::string& label, std::set<std::string>& ids,
                           ImportReport& report) {
    const std::string base = given.empty() ? "S" + std::to_string(row_index + 1) : given;
    std::string id = base;
    for (int k = 2; !ids.insert(id).second; ++k) {
        id = base + "-" + std::to_string(k);
    }
    if (id != base) {
        report.warn("duplicate_site_id", core::tr("import.ex.site_id_renamed", {label, base, id}));
    }
    return id;
}

// Index of the village containing p, or -1.
int containing_village(const std::vector<core::Village>& villages,
                       const std::vector<core::Box>& boxes, const core::PointM& p) {
    for (std::size_t i = 0; i < villages.size(); ++i) {
        if (boxes[i].contains(p) && core::contains(villages[i].shape, p)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

std::string position_text(const core::PointM& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "E %.1f, N %.1f", p.x, p.y);
    return buf;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Coordinates and datum
// ------------------------------------------------------------------------------------------

core::LonLat to_wgs84(const core::LonLat& p, SiteDatum datum) {
    return datum == SiteDatum::kGcj02  ? gcj02_to_wgs84(p)
           : datum == SiteDatum::kBd09 ? bd09_to_wgs84(p)
                                       : p;
}

const char* datum_key(SiteDatum datum) {
    return datum == SiteDatum::kGcj02  ? "import.datum_name.gcj02"
           : datum == SiteDatum::kBd09 ? "import.datum_name.bd09"
                                       : "import.datum_name.wgs84";
}

// Raw coordinates of a row in the source CRS: its point, else its lon/lat columns.
std::optional<core::LonLat> raw_position(const SourceRow& row, const FieldMapping& m,
                                         bool from_columns, const std::string& label,
                                         ImportReport& report) {
    if (!from_columns) {
        core::Result<core::PointM> p = to_point(row.geometry.get(), {});
        if (!p) {
            report.warn(row.geometry == nullptr || row.geometry->IsEmpty()
                            ? "skipped_empty_geometry"
                            : "skipped_wrong_geometry",
                        label);
            return std::nullopt;
        }
        return core::LonLat{p->x, p->y};
    }
    std::optional<double> x = field_real(m, row, "lon", label, report);
    std::optional<double> y = field_real(m, row, "lat", label, report);
    if (!x || !y) {
        return std::nullopt;
    }
    return core::LonLat{*x, *y};
}

// What the rows' coordinates are read as.
struct Reading {
    bool from_columns = false;
    bool lonlat = false;  // geographic: the web-map datums apply
    std::string crs;      // the CRS of the raw numbers
    SiteDatum datum = SiteDatum::kWgs84;
};

core::Result<Reading> site_reading(const SourceTable& t, bool from_columns,
                                   const ImportOptions& options, LayerSummary& summary) {
    Reading r;
    r.from_columns = from_columns;
    r.crs = t.crs_wkt;
    if (r.crs.empty() && !options.source_crs.empty()) {
        r.crs = options.source_crs;
        summary.source_crs = options.source_crs;
        summary.crs_reason = core::tr("import.crs.from_option", {options.source_crs});
    } else if (r.crs.empty() && from_columns) {
        r.crs = "EPSG:4326";
        summary.source_crs = "EPSG:4326";
    } else if (r.crs.empty()) {
        return core::make_error(core::ErrorCode::kNoCrs, t.where(), core::tr("import.crs.none"));
    } else {
        summary.source_crs = t.crs_label;
        summary.crs_reason = core::tr("import.crs.from_file");
    }
    r.lonlat = is_geographic_crs(r.crs);
    r.datum = options.site_datum == SiteDatum::kAuto ? SiteDatum::kWgs84 : options.site_datum;
    if (options.site_datum != SiteDatum::kAuto && options.site_datum != SiteDatum::kWgs84 &&
        !r.lonlat) {
        return core::make_error(
            core::ErrorCode::kBadArgument, t.where(),
            core::tr("import.site_crs_needs_lonlat",
                     {options.site_datum == SiteDatum::kGcj02 ? "gcj02" : "bd09",
                      t.crs_label.empty() ? r.crs : t.crs_label}));
    }
    return r;
}

// The plan position of raw coordinates read with `datum`.
std::optional<core::PointM> project(const core::LonLat& raw, const Reading& r, SiteDatum datum,
                                    const CoordinateTransform& t) {
    const core::LonLat p = r.lonlat ? to_wgs84(raw, datum) : raw;
    double x = p.lon;
    double y = p.lat;
    if (!t.apply(x, y)) {
        return std::nullopt;
    }
    return core::PointM{x, y};
}

// How well one reading of the coordinates fits the villages the rows name.
struct Fit {
    long long inside = 0;  // sites inside their named village
    double dx = 0.0;       // sum of the offsets from the villages' anchors, m
    double dy = 0.0;
    long long n = 0;
    double bias_m() const { return n == 0 ? 0.0 : std::hypot(dx / n, dy / n); }
};

// Picks the reading with the most sites inside their named village; among readings that tie,
// the one whose sites are not shifted as a whole (a datum offset moves every site the same
// way, while sites scatter around their villages' anchors without a common direction). nullopt
// when no reading is clearly best.
std::optional<std::size_t> best_fit(const std::array<Fit, 3>& fits, long long tested) {
    long long most = 0;
    for (const Fit& f : fits) {
        most = std::max(most, f.inside);
    }
    if (tested == 0 || most * 2 <= tested) {
        return std::nullopt;
    }
    std::optional<std::size_t> best;
    for (std::size_t k = 0; k < fits.size(); ++k) {
        if (fits[k].inside == most && (!best || fits[k].bias_m() < fits[*best].bias_m())) {
            best = k;
        }
    }
    for (std::size_t k = 0; k < fits.size(); ++k) {
        if (k != *best && fits[k].inside == most && fits[*best].bias_m() * 2 >= fits[k].bias_m()) {
            return std::nullopt;
        }
    }
    return best;
}

// Rows read three ways (WGS-84, GCJ-02, BD-09) and tested against the villages they name; the
// clearly best reading is taken. Otherwise WGS-84, with the counts in the warning.
void decide_datum(const std::vector<std::optional<core::LonLat>>& raw,
                  const std::vector<std::optional<std::size_t>>& named, const core::Plan& plan,
                  const CoordinateTransform& t, Reading& r, ImportReport& report,
                  LayerSummary& summary) {
    const std::array<SiteDatum, 3> kReadings = {SiteDatum::kWgs84, SiteDatum::kGcj02,
                                                SiteDatum::kBd09};
    std::array<Fit, 3> fits;
    long long tested = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (!raw[i] || !named[i]) {
            continue;
        }
        ++tested;
        const core::Village& v = plan.villages[*named[i]];
        const core::PointM anchor = core::anchor(v);
        for (std::size_t k = 0; k < kReadings.size(); ++k) {
            std::optional<core::PointM> p = project(*raw[i], r, kReadings[k], t);
            if (!p) {
                continue;
            }
            fits[k].inside += core::contains(v.shape, *p) ? 1 : 0;
            fits[k].dx += p->x - anchor.x;
            fits[k].dy += p->y - anchor.y;
            ++fits[k].n;
        }
    }
    const std::string counts = core::tr(
        "import.datum_counts", {std::to_string(fits[0].inside), std::to_string(fits[1].inside),
                                std::to_string(fits[2].inside), std::to_string(tested),
                                std::to_string(std::lround(fits[0].bias_m())),
                                std::to_string(std::lround(fits[1].bias_m())),
                                std::to_string(std::lround(fits[2].bias_m()))});
    const std::optional<std::size_t> best = best_fit(fits, tested);
    if (best) {
        r.datum = kReadings[*best];
        summary.crs_reason =
            core::tr("import.datum_tested", {core::tr(datum_key(r.datum)), counts});
        if (r.datum != SiteDatum::kWgs84) {
            report.warn("site_datum_detected", core::tr("import.ex.datum_detected",
                                                        {core::tr(datum_key(r.datum)), counts}));
        }
        return;
    }
    report.warn("site_datum_undecided", core::tr("import.ex.datum_undecided", {counts}));
    summary.crs_reason = core::tr("import.datum_undecided_reason", {counts});
}

// The metres a GCJ-02 and a BD-09 reading would move a site at `p` (for the warning).
std::pair<double, double> web_offsets(const core::LonLat& p, const Reading& r,
                                      const CoordinateTransform& t) {
    const std::optional<core::PointM> plain = project(p, r, SiteDatum::kWgs84, t);
    const std::optional<core::PointM> gcj = project(p, r, SiteDatum::kGcj02, t);
    const std::optional<core::PointM> bd = project(p, r, SiteDatum::kBd09, t);
    if (!plain || !gcj || !bd) {
        return {0.0, 0.0};
    }
    return {core::distance_m(*plain, *gcj), core::distance_m(*plain, *bd)};
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] build_sites
// ------------------------------------------------------------------------------------------

namespace {

// The rows with the village each one names (when the sheet names villages).
struct NamedRows {
    std::vector<SiteRow> rows;
    std::vector<std::optional<std::size_t>> village;  // index in plan.villages
    bool names_villages = false;
};

NamedRows match_rows(const SourceTable& t, const FieldMapping& m, bool by_fid,
                     const core::Plan& plan) {
    NamedRows out;
    out.names_villages = m.has("village_code") || m.has("village_name");
    const VillageMatcher matcher(plan);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const SourceRow& row = t.rows[i];
        SiteRow r;
        r.row = by_fid ? row.fid : static_cast<long long>(i) + 1;
        r.site = field_text(m, row, "name");
        r.village_text = field_text(m, row, "village_name");
        r.township_text = field_text(m, row, "town_name");
        const std::string code = field_text(m, row, "village_code");
        std::optional<std::size_t> v;
        if (out.names_villages && (!code.empty() || !r.village_text.empty())) {
            v = matcher.match(code, r);
        } else if (out.names_villages) {
            r.how = SiteMatchHow::kUnmatched;
            r.note = core::tr("import.match.nothing_named");
        }
        out.rows.push_back(std::move(r));
        out.village.push_back(v);
    }
    return out;
}

// The median of the village anchors, and the distance from it beyond which a site is a
// probable error: 200 km, or three times the distance within which 90 % of the villages lie
// when the plan is wider than that.
struct VillageSpread {
    core::PointM centre;
    double far_m = kFarFromVillagesM;
};

VillageSpread village_spread(const core::Plan& plan) {
    std::vector<double> xs;
    std::vector<double> ys;
    for (const core::Village& v : plan.villages) {
        const core::PointM a = core::anchor(v);
        xs.push_back(a.x);
        ys.push_back(a.y);
    }
    VillageSpread out;
    if (xs.empty()) {
        return out;
    }
    const auto mid = static_cast<long>(xs.size() / 2);
    std::vector<double> sx = xs;
    std::vector<double> sy = ys;
    std::nth_element(sx.begin(), sx.begin() + mid, sx.end());
    std::nth_element(sy.begin(), sy.begin() + mid, sy.end());
    out.centre = {sx[static_cast<std::size_t>(mid)], sy[static_cast<std::size_t>(mid)]};
    std::vector<double> d;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        d.push_back(core::distance_m({xs[i], ys[i]}, out.centre));
    }
    const auto p90 = d.begin() + static_cast<long>((d.size() - 1) * 9 / 10);
    std::nth_element(d.begin(), p90, d.end());
    out.far_m = std::max(kFarFromVillagesM, 3.0 * *p90);
    return out;
}

// Positions of the rows with coordinates, in the plan CRS (nullopt: skipped, counted).
core::Result<std::vector<std::optional<core::PointM>>> positions(
    const SourceTable& t, const FieldMapping& m, const ImportOptions& options,
    const std::string& target_crs, const core::Plan& plan, const NamedRows& named,
    bool from_columns, ImportReport& report, LayerSummary& summary) {
    core::Result<Reading> reading = site_reading(t, from_columns, options, summary);
    if (!reading) {
        return reading.error();
    }
    core::Result<CoordinateTransform> transform =
        CoordinateTransform::create(reading->crs, target_crs);
    if (!transform) {
        return core::make_error(transform.error().code, t.where(), transform.error().message);
    }
    std::vector<std::optional<core::LonLat>> raw;
    for (const SourceRow& row : t.rows) {
        raw.push_back(raw_position(row, m, from_columns,
                                   feature_label(row.fid, field_text(m, row, "name")), report));
        const std::optional<core::LonLat>& p = raw.back();
        if (p && from_columns && t.crs_wkt.empty() && options.source_crs.empty() &&
            (std::fabs(p->lon) > 180.0 || std::fabs(p->lat) > 90.0)) {
            return core::make_error(
                core::ErrorCode::kNoCrs, {t.path, t.layer, row.fid, ""},
                core::tr("import.sites.not_degrees", {value_text(core::FieldValue::of_real(p->lon)),
                                                      value_text(core::FieldValue::of_real(p->lat)),
                                                      m.source.at("lon"), m.source.at("lat")}));
        }
    }
    if (reading->lonlat && options.site_datum == SiteDatum::kAuto) {
        if (named.names_villages) {
            decide_datum(raw, named.village, plan, *transform, *reading, report, summary);
        } else if (from_columns) {
            const auto first =
                std::find_if(raw.begin(), raw.end(), [](const auto& p) { return p.has_value(); });
            if (first != raw.end()) {
                const auto [gcj, bd] = web_offsets(**first, *reading, *transform);
                report.warn(
                    "site_datum_assumed",
                    core::tr("import.ex.datum_assumed", {t.path, std::to_string(std::lround(gcj)),
                                                         std::to_string(std::lround(bd))}));
                summary.crs_reason = core::tr("import.datum_assumed_reason");
            }
        }
    } else if (reading->lonlat && options.site_datum != SiteDatum::kAuto) {
        summary.crs_reason = core::tr("import.datum_given", {core::tr(datum_key(reading->datum))});
    }
    std::vector<std::optional<core::PointM>> out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        std::optional<core::PointM> p;
        if (raw[i]) {
            p = project(*raw[i], *reading, reading->datum, *transform);
            if (!p) {
                report.warn("skipped_transform_failed", named.rows[i].site);
            }
        }
        out.push_back(p);
    }
    return out;
}

// The village of a site placed by its coordinates; the village its row names wins.
void village_of_position(const core::Plan& plan, const std::vector<core::Box>& boxes,
                         const std::optional<std::size_t>& named, const std::string& label,
                         ImportReport& report, core::Site& site) {
    const int inside = containing_village(plan.villages, boxes, site.position);
    if (inside < 0) {
        report.warn("site_outside_villages",
                    core::tr("import.ex.site_outside", {label, position_text(site.position)}));
    }
    const std::string found =
        inside >= 0 ? plan.villages[static_cast<std::size_t>(inside)].code : "";
    site.village_code = named ? plan.villages[*named].code : found;
    if (named && !found.empty() && found != site.village_code) {
        report.warn("site_not_in_its_village",
                    core::tr("import.ex.site_not_in_village", {label, site.village_code, found}));
    }
}

}  // namespace

core::Result<std::vector<core::Site>> build_sites(const SourceTable& t, const FieldMapping& m,
                                                  const ImportOptions& options,
                                                  const std::string& target_crs,
                                                  const core::Plan& plan, ImportReport& report,
                                                  LayerSummary& summary) {
    const bool has_points = t.has_geometry_column &&
                            std::any_of(t.rows.begin(), t.rows.end(),
                                        [](const SourceRow& r) { return r.geometry != nullptr; });
    const bool has_columns = m.has("lon") && m.has("lat");
    NamedRows named = match_rows(t, m, has_points, plan);
    if (!has_points && !has_columns && !named.names_villages) {
        return core::make_error(
            core::ErrorCode::kFieldMissing, t.where(),
            core::tr("import.sites.no_position", {join_field_names(t.field_names)}));
    }
    std::vector<std::optional<core::PointM>> where(t.rows.size());
    if (has_points || has_columns) {
        auto placed =
            positions(t, m, options, target_crs, plan, named, !has_points, report, summary);
        if (!placed) {
            return placed.error();
        }
        where = std::move(placed).value();
    } else {
        summary.crs_reason = core::tr("import.sites.by_village");
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            if (named.village[i]) {
                where[i] = core::anchor(plan.villages[*named.village[i]]);
            }
        }
    }
    std::vector<core::Box> boxes;
    for (const core::Village& v : plan.villages) {
        boxes.push_back(core::bounds(v.shape));
    }
    const VillageSpread spread = village_spread(plan);
    const std::unordered_map<std::string, std::size_t> by_code = core::village_index(plan);
    std::vector<core::Site> out;
    std::set<std::string> ids;
    std::vector<std::string> far;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const SourceRow& row = t.rows[i];
        SiteRow& r = named.rows[i];
        const std::string label = feature_label(row.fid, r.site);
        if (!where[i]) {
            if (r.how == SiteMatchHow::kUnmatched || r.how == SiteMatchHow::kAmbiguous) {
                report.warn("site_unmatched", core::tr("import.ex.site_unmatched",
                                                       {std::to_string(r.row), r.site, r.note}));
            }
            ++summary.skipped;
            continue;
        }
        core::Site site;
        site.name = r.site;
        site.position = *where[i];
        const double from_centre_m = core::distance_m(site.position, spread.centre);
        if (from_centre_m > spread.far_m) {
            far.push_back(core::tr("import.outlier.site_far",
                                   {label, std::to_string(std::lround(from_centre_m / 1000))}));
            if (options.skip_outliers) {
                report.warn("outlier_skipped", t.path + core::tr("where.colon") + far.back());
                ++summary.skipped;
                continue;
            }
        }
        if (has_points || has_columns) {
            if (r.how == SiteMatchHow::kUnmatched || r.how == SiteMatchHow::kAmbiguous) {
                report.warn("site_unknown_village",
                            core::tr("import.ex.site_unknown_village", {label, r.note}));
            }
            r.how = SiteMatchHow::kPosition;
            village_of_position(plan, boxes, named.village[i], label, report, site);
            r.village_code = site.village_code;
        } else {
            site.village_code = r.village_code;
        }
        const auto v = by_code.find(r.village_code);
        r.village_name = v != by_code.end() ? plan.villages[v->second].name : "";
        site.id = unique_site_id(field_text(m, row, "id"), i, label, ids, report);
        fill_level_and_theme(m, row, label, report, site);
        site.extra = extra_fields(t, m, row);
        if (summary.sample_names.size() < 3 && !site.name.empty()) {
            summary.sample_names.push_back(site.name);
        }
        out.push_back(std::move(site));
        ++summary.imported;
    }
    if (!far.empty() && !options.skip_outliers) {
        return core::make_error(core::ErrorCode::kBadValue, t.where(),
                                core::tr("import.outlier.sites_refused",
                                         {std::to_string(far.size()), far.front(),
                                          std::to_string(std::lround(spread.far_m / 1000))}));
    }
    report.site_rows = std::move(named.rows);
    return out;
}

}  // namespace beltplan::io
