// Sites: from points, from longitude/latitude columns (io/site_reading.cpp: the datum of Chinese
// web maps told or tested against the villages the rows name), or from the village each row
// names. Every
// row is listed with how it found its village; nothing is placed at a guess.
//
// Index: [SECTION] Rows and levels  [SECTION] build_sites
#include "core/messages.h"
#include "io/field_map.h"
#include "io/import_geometry.h"
#include "io/import_layers.h"
#include "io/name_match.h"
#include "io/site_match.h"
#include "io/site_reading.h"

#include <algorithm>
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
        auto placed = site_positions(t, m, options, target_crs, plan, named.village,
                                     named.names_villages, !has_points, report, summary);
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
