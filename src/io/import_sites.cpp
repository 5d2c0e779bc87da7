// Sites: where their coordinates come from (points or lon/lat columns), which datum and CRS
// they are in, and which village holds them. Every assumption and miss is counted.
#include "io/china_datum.h"
#include "io/field_map.h"
#include "io/import_geometry.h"
#include "io/import_layers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>

namespace beltplan::io {

namespace {

const char* datum_name(SiteDatum datum) {
    return datum == SiteDatum::kGcj02 ? "GCJ-02" : datum == SiteDatum::kBd09 ? "BD-09" : "";
}

// The CRS the site coordinates are read in (before any datum conversion), or an Error.
core::Result<std::string> site_source_crs(const SourceTable& t, bool from_columns,
                                          const ImportOptions& options, ImportReport& report,
                                          LayerSummary& summary) {
    std::string def = t.crs_wkt;
    if (def.empty() && !options.source_crs.empty()) {
        def = options.source_crs;
        summary.source_crs = options.source_crs + " (--crs)";
    } else if (def.empty() && from_columns) {
        def = "EPSG:4326";
        if (options.site_datum == SiteDatum::kAsSource) {
            summary.source_crs = "EPSG:4326 (assumed for longitude/latitude columns)";
            report.warn("site_crs_assumed", t.path +
                                                ": longitude/latitude read as WGS-84 "
                                                "(EPSG:4326); give --crs if they are not");
        } else {
            summary.source_crs = std::string(datum_name(options.site_datum)) +
                                 " longitude/latitude (--site-crs), converted to EPSG:4326";
        }
    } else if (def.empty()) {
        return core::make_error(core::ErrorCode::kNoCrs, t.where(),
                                "the layer has no CRS (.prj missing?); give --crs EPSG:4490 or "
                                "the right code");
    }
    if (options.site_datum != SiteDatum::kAsSource && !is_geographic_crs(def)) {
        return core::make_error(core::ErrorCode::kBadArgument, t.where(),
                                std::string("--site-crs ") + datum_name(options.site_datum) +
                                    " needs longitude/latitude, but the layer is in " +
                                    (t.crs_label.empty() ? def : t.crs_label));
    }
    return def;
}

// Raw coordinates of a row in the source CRS: its point, else its lon/lat columns.
std::optional<std::pair<double, double>> raw_position(const SourceRow& row, const FieldMapping& m,
                                                      bool from_columns, const std::string& label,
                                                      ImportReport& report) {
    if (!from_columns) {
        if (row.geometry == nullptr || row.geometry->IsEmpty()) {
            report.warn("skipped_empty_geometry", label);
            return std::nullopt;
        }
        const OGRwkbGeometryType type = wkbFlatten(row.geometry->getGeometryType());
        const OGRPoint* p = nullptr;
        if (type == wkbPoint) {
            p = row.geometry->toPoint();
        } else if (type == wkbMultiPoint && row.geometry->toMultiPoint()->getNumGeometries() == 1) {
            p = row.geometry->toMultiPoint()->getGeometryRef(0);
        }
        if (p == nullptr) {
            report.warn("skipped_wrong_geometry",
                        label + ": " + row.geometry->getGeometryName() + ", not a point");
            return std::nullopt;
        }
        return std::make_pair(p->getX(), p->getY());
    }
    std::optional<double> x = field_real(m, row, "lon", label, report);
    std::optional<double> y = field_real(m, row, "lat", label, report);
    if (!x || !y) {
        report.warn("skipped_missing_coordinates", label);
        return std::nullopt;
    }
    return std::make_pair(*x, *y);
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

// Level, theme and the village of a site.
void fill_site(const FieldMapping& m, const SourceRow& row, const std::string& label,
               const std::vector<core::Village>& villages, const std::vector<core::Box>& boxes,
               ImportReport& report, core::Site& site) {
    const std::string level = field_text(m, row, "level");
    const std::optional<core::SiteLevel> parsed = core::parse_site_level(level);
    if (parsed) {
        site.level = *parsed;
    } else {
        report.warn(level.empty() ? "missing_site_level" : "unknown_site_level",
                    label + (level.empty() ? "" : ": '" + level + "'") + "; taken as 区级");
    }
    site.theme = field_text(m, row, "theme");
    const int inside = containing_village(villages, boxes, site.position);
    const std::string given = field_text(m, row, "village_code");
    if (inside < 0) {
        report.warn("site_outside_villages", label + " at " + position_text(site.position));
    }
    const std::string found = inside >= 0 ? villages[static_cast<std::size_t>(inside)].code : "";
    if (given.empty()) {
        site.village_code = found;
        return;
    }
    const bool known = std::any_of(villages.begin(), villages.end(),
                                   [&](const core::Village& v) { return v.code == given; });
    if (!known) {
        report.warn("site_unknown_village", label + ": no village has code " + given +
                                                (found.empty() ? "" : "; using " + found));
        site.village_code = found;
        return;
    }
    site.village_code = given;
    if (!found.empty() && found != given) {
        report.warn("site_not_in_its_village",
                    label + ": field says " + given + ", the point lies in " + found);
    }
}

// How the rows of a sites table become plan positions.
struct SitePlacement {
    bool from_columns = false;     // lon/lat columns rather than point geometries
    bool assumed_degrees = false;  // no CRS anywhere: the columns were taken as EPSG:4326
    SiteDatum datum = SiteDatum::kAsSource;
    const CoordinateTransform* transform = nullptr;
};

// The plan position of a row; nullopt when it is skipped (counted in the report); an Error
// when columns assumed to be degrees hold something else.
core::Result<std::optional<core::PointM>> site_position(const SourceTable& t, const SourceRow& row,
                                                        const FieldMapping& m,
                                                        const SitePlacement& place,
                                                        const std::string& label,
                                                        ImportReport& report) {
    std::optional<std::pair<double, double>> xy =
        raw_position(row, m, place.from_columns, label, report);
    if (!xy) {
        return std::optional<core::PointM>();
    }
    core::LonLat ll{xy->first, xy->second};
    if (place.assumed_degrees && (std::fabs(ll.lon) > 180.0 || std::fabs(ll.lat) > 90.0)) {
        core::Where where = t.where();
        where.feature = row.fid;
        return core::make_error(core::ErrorCode::kNoCrs, where,
                                "the coordinates " + std::to_string(ll.lon) + ", " +
                                    std::to_string(ll.lat) +
                                    " are not degrees; give --crs with the CRS of the columns " +
                                    m.source.at("lon") + " and " + m.source.at("lat"));
    }
    if (place.datum == SiteDatum::kGcj02) {
        ll = gcj02_to_wgs84(ll);
    } else if (place.datum == SiteDatum::kBd09) {
        ll = bd09_to_wgs84(ll);
    }
    double x = ll.lon;
    double y = ll.lat;
    if (!place.transform->apply(x, y)) {
        report.warn("skipped_transform_failed",
                    label + ": " + std::to_string(ll.lon) + ", " + std::to_string(ll.lat));
        return std::optional<core::PointM>();
    }
    return std::optional<core::PointM>(core::PointM{x, y});
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
        report.warn("duplicate_site_id", label + ": id " + base + " renamed " + id);
    }
    return id;
}

}  // namespace

core::Result<std::vector<core::Site>> build_sites(const SourceTable& t, const FieldMapping& m,
                                                  const ImportOptions& options,
                                                  const std::string& target_crs,
                                                  const std::vector<core::Village>& villages,
                                                  ImportReport& report, LayerSummary& summary) {
    SitePlacement place;
    place.from_columns = !(t.has_geometry_column &&
                           std::any_of(t.rows.begin(), t.rows.end(),
                                       [](const SourceRow& r) { return r.geometry != nullptr; }));
    if (place.from_columns) {
        for (const char* target : {"lon", "lat"}) {
            if (!m.has(target)) {
                return missing_field_error(LayerRole::kSites, target, t.field_names, t.where());
            }
        }
    }
    core::Result<std::string> source =
        site_source_crs(t, place.from_columns, options, report, summary);
    if (!source) {
        return source.error();
    }
    place.assumed_degrees = t.crs_wkt.empty() && options.source_crs.empty();
    place.datum = options.site_datum;
    const bool shift = options.site_datum != SiteDatum::kAsSource;
    core::Result<CoordinateTransform> transform =
        CoordinateTransform::create(shift ? "EPSG:4326" : *source, target_crs);
    if (!transform) {
        return core::make_error(transform.error().code, t.where(), transform.error().message);
    }
    place.transform = &*transform;
    std::vector<core::Box> boxes;
    for (const core::Village& v : villages) {
        boxes.push_back(core::bounds(v.shape));
    }
    std::vector<core::Site> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const SourceRow& row = t.rows[i];
        core::Site site;
        site.name = field_text(m, row, "name");
        const std::string label = feature_label(row.fid, site.name);
        core::Result<std::optional<core::PointM>> position =
            site_position(t, row, m, place, label, report);
        if (!position) {
            return position.error();
        }
        if (!position->has_value()) {
            ++summary.skipped;
            continue;
        }
        site.position = **position;
        site.id = unique_site_id(field_text(m, row, "id"), i, label, ids, report);
        fill_site(m, row, label, villages, boxes, report, site);
        site.extra = extra_fields(t, m, row);
        if (summary.sample_names.size() < 3 && !site.name.empty()) {
            summary.sample_names.push_back(site.name);
        }
        out.push_back(std::move(site));
        ++summary.imported;
    }
    return out;
}

}  // namespace beltplan::io
