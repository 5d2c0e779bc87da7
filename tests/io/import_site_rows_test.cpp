// Issue 8 items 5 and 6: site sheets as departments keep them. A sheet that names each site's
// village (所在村 within 乡镇, or 村代码) and has no coordinates places each site at its village;
// names are matched as people write them and every row is listed; rows matching no village or
// several go to a CSV beside the plan. Longitude/latitude copied from AMap (GCJ-02) or Baidu
// (BD-09) are recognised against the villages the rows name. Seat columns in degrees.
#include "core/geometry.h"
#include "io/china_datum.h"
#include "io/county_fixture.h"
#include "io/import.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace beltplan::io {
namespace {

namespace county = test::county;

long long warning_count(const ImportReport& r, const std::string& kind) {
    for (const ImportWarning& w : r.warnings) {
        if (w.kind == kind) {
            return w.count;
        }
    }
    return 0;
}

const core::Village* village(const core::Plan& plan, const std::string& code) {
    for (const core::Village& v : plan.villages) {
        if (v.code == code) {
            return &v;
        }
    }
    return nullptr;
}

// The county as a civil-affairs GeoPackage (villages and townships), plus a sites source.
ImportOptions county_with_sites(const test::TempDir& dir, const std::string& sites) {
    county::LayerData villages{"村界", wkbPolygon, 4490, {{"村代码"}, {"村名称"}}, {}};
    for (const county::Village& v : county::villages()) {
        villages.rows.push_back({county::village_wkt(v), {v.code, v.name}});
    }
    county::LayerData towns{"乡镇界", wkbPolygon, 4490, {{"乡镇代码"}, {"乡镇名称"}}, {}};
    towns.rows.push_back({county::box_wkt(115.0, 40.60, 0.10, 0.02), {"130705103", "沙岭子镇"}});
    towns.rows.push_back({county::box_wkt(115.0, 40.62, 0.12, 0.02), {"130705102", "崞村镇"}});
    const std::string gpkg = dir.file("宣化.gpkg");
    county::write_dataset(gpkg, "GPKG", {villages, towns});
    ImportOptions o;
    o.sources = {gpkg};
    o.sites = SourceSpec{sites, "", {}};
    return o;
}

const county::Village& county_village(const std::string& code) {
    for (const county::Village& v : county::villages()) {
        if (code == v.code) {
            return v;
        }
    }
    throw std::runtime_error(code);
}

// The village's anchor (no seat: its area centroid) is the centre of its square within 1 m.
void expect_at_village(const core::Site& s, const std::string& code) {
    EXPECT_EQ(s.village_code, code) << s.name;
    const core::PointM want = county::to_crs(county::centre(county_village(code)), "EPSG:4547");
    EXPECT_LT(core::distance_m(s.position, want), 1.0) << s.name;
}

TEST(ImportSiteRows, sheet_of_sites_by_village_name_places_each_at_its_village) {
    test::TempDir dir;
    const std::string xlsx = dir.file("示范点.xlsx");
    county::write_dataset(
        xlsx, "XLSX",
        {{"示范点",
          wkbNone,
          0,
          {{"示范点名称"}, {"所在村"}, {"乡镇"}, {"级别"}},
          {{"", {"屈家庄党建示范点", "屈家庄村", "沙岭子镇", "区级"}},
           {"", {"中崞产业示范点", "中崞村村委会", "崞村镇", "镇级"}},
           {"",
            {"分水口示范点", "分水口\u3000", "崞村", "市级"}},  // full-width space, 崞村 for 崞村镇
           {"", {"太师湾示范点", "太 师 湾", "", "乡镇级"}},      // spaces, no township
           {"", {"曲家庄示范点", "曲家庄", "沙岭子镇", "县级"}},  // a typo of 屈家庄
           {"", {"沙地子示范点", "沙地子", "沙岭子镇", "镇级"}},  // one off 沙地房 and 沙岭子
           {"", {"东山示范点", "东山村", "崞村镇", "区级"}},      // no such village
           {"", {"王庄子示范点", "王庄子", "深井镇", "区级"}}}}});  // not a township here
    core::Result<ImportResult> r = import_plan(county_with_sites(dir, xlsx));
    ASSERT_TRUE(r) << r.error().message;
    const std::vector<core::Site>& sites = r->plan.sites;
    ASSERT_EQ(sites.size(), 5u);
    expect_at_village(sites[0], "130705103205");
    EXPECT_EQ(sites[0].level, core::SiteLevel::kDistrict);
    expect_at_village(sites[1], "130705102201");
    EXPECT_EQ(sites[1].level, core::SiteLevel::kTown);
    expect_at_village(sites[2], "130705102202");
    EXPECT_EQ(sites[2].level, core::SiteLevel::kDistrict);  // 市级: the plan's upper level
    expect_at_village(sites[3], "130705103204");
    expect_at_village(sites[4], "130705103205");
    // Every row listed with how it matched.
    const std::vector<SiteRow>& rows = r->report.site_rows;
    ASSERT_EQ(rows.size(), 8u);
    EXPECT_EQ(rows[0].how, SiteMatchHow::kName);
    EXPECT_EQ(rows[4].how, SiteMatchHow::kTypo);
    EXPECT_EQ(rows[4].note, "'曲家庄' differs from '屈家庄村委会' by one character");
    EXPECT_EQ(rows[5].how, SiteMatchHow::kAmbiguous);
    ASSERT_EQ(rows[5].candidates.size(), 2u);
    EXPECT_EQ(rows[6].how, SiteMatchHow::kUnmatched);
    EXPECT_EQ(rows[6].note, "no village named '东山村' in 崞村镇");
    EXPECT_EQ(rows[7].how, SiteMatchHow::kUnmatched);
    EXPECT_EQ(rows[7].note, "no township is named '深井镇'");
    EXPECT_EQ(r->report.unmatched().size(), 3u);
    EXPECT_EQ(warning_count(r->report, "site_unmatched"), 3);
    EXPECT_EQ(r->report.layers.at(2).skipped, 3);
    // The unmatched rows go to a CSV beside the plan, never onto the map.
    const std::string plan = dir.file("plan.gpkg");
    ASSERT_TRUE(write_import(*r, plan));
    const std::string csv = test::read_text(unmatched_rows_path(plan));
    EXPECT_EQ(unmatched_rows_path(plan), dir.file("plan.unmatched_sites.csv"));
    EXPECT_NE(csv.find("6,沙地子示范点,沙地子,沙岭子镇,several villages fit,"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("7,东山示范点,东山村,崞村镇,no village found,no village named '东山村' "
                       "in 崞村镇,"),
              std::string::npos)
        << csv;
    EXPECT_EQ(r->report.townships.at(0).sites + r->report.townships.at(1).sites, 5);
}

TEST(ImportSiteRows, sheet_of_sites_by_village_code_12_or_19_digits) {
    test::TempDir dir;
    const std::string csv = dir.file("sites.csv");
    std::ofstream(csv) << "示范点名称,村代码,级别\n"
                          "甲,130705103206,区级\n"
                          "乙,1307051022040000000,镇级\n"
                          "丙,130705199999,区级\n";
    core::Result<ImportResult> r = import_plan(county_with_sites(dir, csv));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.sites.size(), 2u);
    expect_at_village(r->plan.sites[0], "130705103206");
    expect_at_village(r->plan.sites[1], "130705102204");
    EXPECT_EQ(r->report.site_rows.at(0).how, SiteMatchHow::kCode);
    EXPECT_EQ(r->report.site_rows.at(2).how, SiteMatchHow::kUnmatched);
    EXPECT_EQ(r->report.site_rows.at(2).note, "no village has the code 130705199999");
}

// Sites picked on a web map at each village's centre, with the village named in the row.
std::string web_map_sheet(const test::TempDir& dir, SiteDatum datum, bool name_villages) {
    std::string text =
        name_villages ? "示范点名称,所在村,乡镇,经度,纬度\n" : "示范点名称,经度,纬度\n";
    for (const county::Village& v : county::villages()) {
        const core::LonLat c = county::centre(v);
        const core::LonLat p = datum == SiteDatum::kGcj02  ? wgs84_to_gcj02(c)
                               : datum == SiteDatum::kBd09 ? wgs84_to_bd09(c)
                                                           : c;
        char line[256];
        if (name_villages) {
            std::snprintf(line, sizeof line, "%s示范点,%s,%s,%.7f,%.7f\n", v.short_name,
                          v.short_name, v.town_name, p.lon, p.lat);
        } else {
            std::snprintf(line, sizeof line, "%s示范点,%.7f,%.7f\n", v.short_name, p.lon, p.lat);
        }
        text += line;
    }
    const std::string path = dir.file("picked.csv");
    std::ofstream(path) << text;
    return path;
}

void expect_web_map_datum_found(SiteDatum datum, const char* word) {
    test::TempDir dir;
    core::Result<ImportResult> r =
        import_plan(county_with_sites(dir, web_map_sheet(dir, datum, true)));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.sites.size(), 11u);
    for (std::size_t i = 0; i < 11; ++i) {
        expect_at_village(r->plan.sites[i], county::villages()[i].code);
    }
    const LayerSummary& s = r->report.layers.at(2);
    EXPECT_NE(s.crs_reason.find(std::string("longitude/latitude read as ") + word),
              std::string::npos)
        << s.crs_reason;
}

TEST(ImportSiteRows, amap_gcj02_coordinates_are_recognised_by_the_villages_named) {
    expect_web_map_datum_found(SiteDatum::kGcj02, "GCJ-02");
}

TEST(ImportSiteRows, baidu_bd09_coordinates_are_recognised_by_the_villages_named) {
    expect_web_map_datum_found(SiteDatum::kBd09, "BD-09");
}

TEST(ImportSiteRows, wgs84_coordinates_stay_wgs84) {
    expect_web_map_datum_found(SiteDatum::kWgs84, "WGS-84");
}

TEST(ImportSiteRows, coordinates_without_village_names_warn_with_the_offset_here) {
    test::TempDir dir;
    core::Result<ImportResult> r =
        import_plan(county_with_sites(dir, web_map_sheet(dir, SiteDatum::kGcj02, false)));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(warning_count(r->report, "site_datum_assumed"), 1);
    const std::string text = r->report.to_text();
    // At the first site (二里半, 115.01E 40.61N shifted as AMap shows it) a GCJ-02 reading
    // would move it 562 m, a BD-09 reading 1,350 m.
    EXPECT_NE(text.find("coordinates copied from AMap or Tencent are GCJ-02 (here that puts sites "
                        "about 562 m off) and Baidu's are BD-09 (about 1350 m)"),
              std::string::npos)
        << text;
}

// Seat columns 驻地经度/驻地纬度 written in degrees on a layer in metres.
TEST(ImportSiteRows, seat_columns_in_degrees_are_projected_and_checked) {
    test::TempDir dir;
    county::LayerData layer{"村界",
                            wkbPolygon,
                            4547,
                            {{"村代码"}, {"村名称"}, {"驻地经度", OFTReal}, {"驻地纬度", OFTReal}},
                            {}};
    for (const county::Village& v : county::villages()) {
        const core::LonLat c = county::centre(v);
        char lon[32];
        char lat[32];
        std::snprintf(lon, sizeof lon, "%.7f", c.lon);
        std::snprintf(lat, sizeof lat, "%.7f", c.lat);
        const bool swapped = std::string(v.code) == "130705103206";  // lat/lon swapped: 8000 km off
        layer.rows.push_back({county::village_wkt(v, "EPSG:4547"),
                              {v.code, v.name, swapped ? lat : lon, swapped ? lon : lat}});
    }
    const std::string gpkg = dir.file("seats.gpkg");
    county::write_dataset(gpkg, "GPKG", {layer});
    ImportOptions o;
    o.sources = {gpkg};
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    for (const county::Village& cv : county::villages()) {
        const core::Village* v = village(r->plan, cv.code);
        ASSERT_NE(v, nullptr);
        if (std::string(cv.code) == "130705103206") {
            EXPECT_FALSE(v->seat.has_value());  // dropped, not trusted
            continue;
        }
        ASSERT_TRUE(v->seat.has_value()) << cv.code;
        const core::PointM want = county::to_crs(county::centre(cv), "EPSG:4547");
        EXPECT_LT(core::distance_m(*v->seat, want), 1.0) << cv.code;
    }
    EXPECT_EQ(warning_count(r->report, "seat_far_from_village"), 1);
    EXPECT_EQ(r->report.layers.at(0).field_notes.at("seat_x"),
              "seat columns: 10 read as degrees (longitude/latitude) and projected, 1 read as "
              "metres");
}

}  // namespace
}  // namespace beltplan::io

namespace beltplan::io {
namespace {

// A plan exported to longitude/latitude keeps its seat columns in the plan's metres.
TEST(ImportSiteRows, seat_metres_on_a_layer_in_degrees_are_read_in_the_plan_crs) {
    test::TempDir dir;
    county::LayerData layer{"villages",
                            wkbPolygon,
                            4490,
                            {{"code"}, {"name"}, {"seat_x", OFTReal}, {"seat_y", OFTReal}},
                            {}};
    for (const county::Village& v : county::villages()) {
        const core::PointM s = county::to_crs(county::centre(v), "EPSG:4547");
        layer.rows.push_back(
            {county::village_wkt(v), {v.code, v.name, std::to_string(s.x), std::to_string(s.y)}});
    }
    const std::string path = dir.file("exported.geojson");
    county::write_dataset(path, "GeoJSON", {layer});
    ImportOptions o;
    o.sources = {path};
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    for (const county::Village& cv : county::villages()) {
        const core::Village* v = village(r->plan, cv.code);
        ASSERT_TRUE(v != nullptr && v->seat.has_value()) << cv.code;
        const core::PointM want = county::to_crs(county::centre(cv), "EPSG:4547");
        EXPECT_LT(core::distance_m(*v->seat, want), 1.0) << cv.code;
    }
    EXPECT_EQ(r->report.layers.at(0).field_notes.at("seat_y"),
              "11 seats are metres on a layer in degrees: read in the plan CRS and checked "
              "against the village polygons");
}

}  // namespace
}  // namespace beltplan::io

namespace beltplan::io {
namespace {

// A workbook as offices keep it: a notes sheet, then the site list with a title row above its
// headings and text in every column.
TEST(ImportSiteRows, workbook_with_a_notes_sheet_and_a_title_row) {
    test::TempDir dir;
    const std::string xlsx = dir.file("2024年示范点.xlsx");
    county::write_dataset(xlsx, "XLSX",
                          {{"填表说明", wkbNone, 0, {{"说明"}}, {{"", {"请按村填写"}}}},
                           {"名单",
                            wkbNone,
                            0,
                            {{"宣化区示范点名单"}, {"B"}, {"C"}},
                            {{"", {"示范点名称", "所在村", "乡镇"}},
                             {"", {"屈家庄党建示范点", "屈家庄", "沙岭子镇"}},
                             {"", {"分水口示范点", "分水口村", "崞村镇"}}}}});
    core::Result<ImportResult> r = import_plan(county_with_sites(dir, xlsx));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.sites.size(), 2u);
    expect_at_village(r->plan.sites[0], "130705103205");
    expect_at_village(r->plan.sites[1], "130705102202");
    EXPECT_EQ(r->plan.sites[0].name, "屈家庄党建示范点");
}

}  // namespace
}  // namespace beltplan::io
