// Issue 8: the files a department really has go in without --field, layer names or hand edits,
// or are refused with one sentence. Each test builds one convention of DESIGN.md section 6 with
// GDAL (tests/io/county_fixture.h: real names and codes of 宣化区, made-up squares) and pins
// codes, names, townships and positions within 1 m.
#include "core/geometry.h"
#include "io/county_fixture.h"
#include "io/import.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace beltplan::io {
namespace {

namespace county = test::county;
namespace fs = std::filesystem;

const ImportWarning* find_warning(const ImportReport& r, const std::string& kind) {
    for (const ImportWarning& w : r.warnings) {
        if (w.kind == kind) {
            return &w;
        }
    }
    return nullptr;
}

long long warning_count(const ImportReport& r, const std::string& kind) {
    const ImportWarning* w = find_warning(r, kind);
    return w != nullptr ? w->count : 0;
}

const core::Village* village(const core::Plan& plan, const std::string& code) {
    for (const core::Village& v : plan.villages) {
        if (v.code == code) {
            return &v;
        }
    }
    return nullptr;
}

// Every county village present with its 12-digit code, its short name as written and its
// township, and its south-west corner within 1 m of where the fixture put it.
void expect_county(const core::Plan& plan, bool names_with_cun = true) {
    ASSERT_EQ(plan.villages.size(), county::villages().size());
    EXPECT_EQ(plan.crs.epsg, 4547);
    for (const county::Village& cv : county::villages()) {
        const core::Village* v = village(plan, cv.code);
        ASSERT_NE(v, nullptr) << cv.code;
        EXPECT_EQ(v->town_code, cv.town_code) << cv.code;
        if (names_with_cun) {
            EXPECT_EQ(v->name.rfind(cv.short_name, 0), 0u) << v->name;
        }
        const core::PointM want = county::to_crs(county::corner(cv), "EPSG:4547");
        core::Box box = core::bounds(v->shape);
        const core::PointM sw{box.min_x, box.min_y};
        // The square's south-west corner is its westernmost-southern vertex in GK too.
        bool found = false;
        for (const core::Polygon& part : v->shape.parts) {
            for (const core::PointM& p : part.outer) {
                found |= core::distance_m(p, want) < 1.0;
            }
        }
        EXPECT_TRUE(found) << cv.code << " corner " << want.x << " " << want.y << " box " << sw.x
                           << " " << sw.y;
    }
}

ImportOptions from_sources(std::vector<std::string> sources) {
    ImportOptions o;
    o.sources = std::move(sources);
    return o;
}

// ------------------------------------------------------------------------------------------
// 三调 CJDCQ as a GBK shapefile: no .cpg, language byte 0, zone-prefixed X, no .prj
// ------------------------------------------------------------------------------------------

std::string write_cjdcq_shapefile(const test::TempDir& dir, bool keep_prj) {
    const std::string path = dir.file("CJDCQ.shp");
    county::LayerData layer = county::cjdcq_layer("EPSG:4526", 4526);
    layer.options = {"ENCODING=CP936"};
    county::write_dataset(path, "ESRI Shapefile", {layer});
    fs::remove(dir.file("CJDCQ.cpg"));
    county::patch_byte(dir.file("CJDCQ.dbf"), 29, 0);
    if (!keep_prj) {
        fs::remove(dir.file("CJDCQ.prj"));
    }
    return path;
}

TEST(ImportConventions, sandiao_cjdcq_gbk_zone_prefixed_without_prj_goes_in) {
    test::TempDir dir;
    const std::string path = write_cjdcq_shapefile(dir, false);
    core::Result<ImportResult> r = import_plan(from_sources({path}));
    ASSERT_TRUE(r) << r.error().message;
    expect_county(r->plan);
    const LayerSummary& s = r->report.layers.at(0);
    EXPECT_EQ(s.field_mapping.at("code"), "ZLDWDM");
    EXPECT_EQ(s.field_mapping.at("name"), "ZLDWMC");
    EXPECT_EQ(s.field_notes.at("code"),
              "11 19-digit 坐落单位 codes cut to their 12-digit village code");
    EXPECT_EQ(s.encoding.encoding, "GB18030");
    EXPECT_EQ(s.source_crs.rfind("EPSG:4526", 0), 0u) << s.source_crs;
    EXPECT_EQ(s.crs_reason,
              "no .prj and X begins with the zone number 38: read as CGCS2000 3-degree "
              "Gauss-Kruger zone 38 (EPSG:4526); if the data is Xian 1980 give --crs EPSG:2362, "
              "if Beijing 1954 --crs EPSG:2414");
    EXPECT_EQ(s.declared, 11);
    EXPECT_EQ(s.features_read, 11);
    // Townships from the codes: 5 villages in 沙岭子镇, 6 in 崞村镇, none left blank.
    ASSERT_EQ(r->report.townships.size(), 2u);
    EXPECT_EQ(r->report.townships[0].code, "130705102");
    EXPECT_EQ(r->report.townships[0].villages, 6);
    EXPECT_EQ(r->report.townships[1].code, "130705103");
    EXPECT_EQ(r->report.townships[1].villages, 5);
    EXPECT_EQ(warning_count(r->report, "no_township"), 0);
    EXPECT_EQ(village(r->plan, "130705103205")->name, "屈家庄村");
}

TEST(ImportConventions, zone_prefixed_data_declared_as_the_next_zone_is_refused_with_the_code) {
    test::TempDir dir;
    const std::string path = write_cjdcq_shapefile(dir, true);
    // A .prj of zone 39 (EPSG:4527) on X values that begin with 38.
    {
        OGRSpatialReference srs;
        srs.importFromEPSG(4527);
        srs.morphToESRI();
        char* wkt = nullptr;
        srs.exportToWkt(&wkt);
        std::ofstream(dir.file("CJDCQ.prj")) << wkt;
        CPLFree(wkt);
    }
    core::Result<ImportResult> r = import_plan(from_sources({path}));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kBadCrs);
    EXPECT_NE(r.error().message.find("is zone 39, but X begins with 38: the data is in zone 38; "
                                     "give --crs EPSG:4526"),
              std::string::npos)
        << r.error().message;
}

TEST(ImportConventions, numeric_19_digit_codes_are_read_as_exact_digits) {
    test::TempDir dir;
    const std::string path = write_cjdcq_shapefile(dir, true);
    county::make_field_numeric(dir.file("CJDCQ.dbf"), 1);  // ZLDWDM: N(19,0)
    core::Result<ImportResult> r = import_plan(from_sources({path}));
    ASSERT_TRUE(r) << r.error().message;
    expect_county(r->plan);
    // The digits as written, not 1.30123100001e+18 nor 1301231000009999872.
    const core::Village* v = village(r->plan, "130705102201");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->town_code, "130705102");
}

TEST(ImportConventions, a_utf8_cpg_on_gbk_bytes_loses_to_the_bytes) {
    test::TempDir dir;
    const std::string path = write_cjdcq_shapefile(dir, true);
    std::ofstream(dir.file("CJDCQ.cpg")) << "UTF-8";
    core::Result<ImportResult> r = import_plan(from_sources({path}));
    ASSERT_TRUE(r) << r.error().message;
    expect_county(r->plan);
    EXPECT_EQ(village(r->plan, "130705102205")->name, "黑台子湾村");
    const EncodingChoice& e = r->report.layers.at(0).encoding;
    EXPECT_EQ(e.encoding, "GB18030");
    EXPECT_EQ(e.reason,
              ".cpg says utf-8, but 11 of 25 values are not valid UTF-8 and all read as GB18030 "
              "(GBK): the bytes win");
    EXPECT_EQ(warning_count(r->report, "undecodable_text"), 0);
}

TEST(ImportConventions, a_gbk_language_byte_on_utf8_bytes_loses_to_the_bytes) {
    test::TempDir dir;
    const std::string path = dir.file("CJDCQ.shp");
    county::LayerData layer = county::cjdcq_layer("EPSG:4526", 4526);
    layer.options = {"ENCODING=UTF-8"};
    county::write_dataset(path, "ESRI Shapefile", {layer});
    fs::remove(dir.file("CJDCQ.cpg"));
    county::patch_byte(dir.file("CJDCQ.dbf"), 29, 0x4D);  // says code page 936
    core::Result<ImportResult> r = import_plan(from_sources({path}));
    ASSERT_TRUE(r) << r.error().message;
    expect_county(r->plan);
    EXPECT_EQ(village(r->plan, "130705103205")->name, "屈家庄村");
    EXPECT_EQ(r->report.layers.at(0).encoding.encoding, "UTF-8");
}

// ------------------------------------------------------------------------------------------
// Several features of one code: an exclave, 村民小组 parts, and two different villages
// ------------------------------------------------------------------------------------------

TEST(ImportConventions, features_of_one_code_become_one_multipolygon_village) {
    test::TempDir dir;
    county::LayerData layer = county::cjdcq_layer("", 4490);
    // 屈家庄's exclave (飞地) south of the row, and a 村民小组 part of 沙岭子 (group 0000101).
    layer.rows.push_back(
        {county::box_wkt(115.065, 40.59, 0.005, 0.005), {"12", "1307051032050000000", "屈家庄村"}});
    layer.rows.push_back({county::box_wkt(115.025, 40.59, 0.005, 0.005),
                          {"13", "1307051032030000101", "沙岭子村一组"}});
    const std::string path = dir.file("cjdcq.gpkg");
    county::write_dataset(path, "GPKG", {layer});
    core::Result<ImportResult> r = import_plan(from_sources({path}));
    ASSERT_TRUE(r) << r.error().message;
    expect_county(r->plan);
    const core::Village* qu = village(r->plan, "130705103205");
    EXPECT_EQ(qu->shape.parts.size(), 2u);
    EXPECT_EQ(qu->name, "屈家庄村");
    const core::Village* sha = village(r->plan, "130705103203");
    EXPECT_EQ(sha->shape.parts.size(), 2u);
    EXPECT_EQ(sha->name, "沙岭子村");  // the village's own unit names it, not the group
    EXPECT_EQ(warning_count(r->report, "merged_parts"), 2);
    EXPECT_EQ(r->report.layers.at(0).imported, 13);
}

TEST(ImportConventions, one_code_on_two_differently_named_villages_is_refused) {
    test::TempDir dir;
    county::LayerData layer = county::cjdcq_layer("", 4490);
    layer.rows[4].values[1] = layer.rows[3].values[1];  // 沙地房 given 屈家庄's code
    const std::string path = dir.file("cjdcq.gpkg");
    county::write_dataset(path, "GPKG", {layer});
    core::Result<ImportResult> r = import_plan(from_sources({path}));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kDuplicateCode);
    EXPECT_NE(r.error().message.find("the code 130705103205 belongs to two differently named "
                                     "units, '屈家庄村' and '沙地房村'"),
              std::string::npos)
        << r.error().message;
}

}  // namespace
}  // namespace beltplan::io

namespace beltplan::io {
namespace {

// County polygons (6-digit codes) named outright as villages: imported as asked (contiguity of
// any polygons is a use), and the summary says first that the codes are not village codes.
TEST(ImportConventions, a_county_layer_given_as_villages_is_said_first) {
    test::TempDir dir;
    county::LayerData layer{"counties", wkbPolygon, 4326, {{"code"}, {"name"}}, {}};
    layer.rows.push_back({county::box_wkt(115.0, 40.6, 0.2, 0.2), {"130705", "宣化区"}});
    layer.rows.push_back({county::box_wkt(115.2, 40.6, 0.2, 0.2), {"130706", "下花园区"}});
    const std::string path = dir.file("counties.geojson");
    county::write_dataset(path, "GeoJSON", {layer});
    ImportOptions o;
    o.villages = SourceSpec{path, "", {}};
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.villages.size(), 2u);
    const std::string text = r->report.to_text();
    EXPECT_NE(text.find("the codes in field code are county codes (2 of them), not 12-digit "
                        "village codes"),
              std::string::npos)
        << text;
    EXPECT_LT(text.find("county codes"), text.find("Layers found"));
    // Given as a source to sort, the layer is no village layer at all.
    ImportOptions sorted;
    sorted.sources = {path};
    EXPECT_FALSE(import_plan(sorted));
}

}  // namespace
}  // namespace beltplan::io
