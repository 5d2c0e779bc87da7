// Site coordinates: their CRS, and for longitude/latitude the datum of Chinese web maps
// (WGS-84, GCJ-02 of AMap and Tencent, BD-09 of Baidu): as told, or tested against the villages
// the rows name, else WGS-84 with a warning naming the offset the others would make here.
#include "io/site_reading.h"

#include "core/messages.h"
#include "io/china_datum.h"
#include "io/crs.h"
#include "io/import_geometry.h"
#include "io/import_layers.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace beltplan::io {

namespace {

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

// Positions of the rows with coordinates, in the plan CRS (nullopt: skipped, counted).
}  // namespace

core::Result<std::vector<std::optional<core::PointM>>> site_positions(
    const SourceTable& t, const FieldMapping& m, const ImportOptions& options,
    const std::string& target_crs, const core::Plan& plan,
    const std::vector<std::optional<std::size_t>>& named, bool names_villages, bool from_columns,
    ImportReport& report, LayerSummary& summary) {
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
        if (names_villages) {
            decide_datum(raw, named, plan, *transform, *reading, report, summary);
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
                report.warn("skipped_transform_failed",
                            feature_label(t.rows[i].fid, field_text(m, t.rows[i], "name")));
            }
        }
        out.push_back(p);
    }
    return out;
}

}  // namespace beltplan::io
