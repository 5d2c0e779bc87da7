// import_plan end to end on files the tests write with GDAL: a 2x2 grid of villages near
// 115E 40.6N as GeoJSON and Shapefile (UTF-8, GBK with and without .cpg), missing .prj, a
// bow-tie polygon, an empty layer, wrong field names, duplicate codes, CSV/XLSX sites and
// GCJ-02/BD-09 site conversion.
#include "io/import.h"

#include "io/china_datum.h"
#include "io/crs.h"
#include "support/test_support.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace beltplan::io {
namespace {

// ------------------------------------------------------------------------------------------
// Test data
// ------------------------------------------------------------------------------------------

struct Field {
    std::string name;
    OGRFieldType type = OFTString;
};

struct Row {
    std::string wkt;                  // "" for no geometry
    std::vector<std::string> values;  // "" leaves the field null
};

// Writes one layer with GDAL; epsg 0 writes no CRS.
void write_layer(const std::string& path, const char* driver, const std::string& layer_name,
                 const std::vector<Field>& fields, const std::vector<Row>& rows, int epsg,
                 OGRwkbGeometryType type = wkbPolygon,
                 const std::vector<std::string>& creation_options = {}) {
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
    ASSERT_NE(drv, nullptr) << driver;
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds) << path;
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (epsg != 0) {
        srs.importFromEPSG(epsg);
    }
    CPLStringList options;
    for (const std::string& o : creation_options) {
        options.AddString(o.c_str());
    }
    OGRLayer* layer =
        ds->CreateLayer(layer_name.c_str(), epsg != 0 ? &srs : nullptr, type, options.List());
    ASSERT_NE(layer, nullptr);
    for (const Field& f : fields) {
        OGRFieldDefn defn(f.name.c_str(), f.type);
        ASSERT_EQ(layer->CreateField(&defn), OGRERR_NONE);
    }
    for (const Row& r : rows) {
        OGRFeature feature(layer->GetLayerDefn());
        if (!r.wkt.empty()) {
            OGRGeometry* g = nullptr;
            ASSERT_EQ(OGRGeometryFactory::createFromWkt(r.wkt.c_str(), nullptr, &g), OGRERR_NONE);
            feature.SetGeometryDirectly(g);
        }
        for (std::size_t i = 0; i < r.values.size(); ++i) {
            if (!r.values[i].empty()) {
                feature.SetField(static_cast<int>(i), r.values[i].c_str());
            }
        }
        ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
}

// A square of `size` degrees with its south-west corner at (lon, lat).
std::string square(double lon, double lat, double size = 0.01) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "POLYGON((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))",
                  lon, lat, lon + size, lat, lon + size, lat + size, lon, lat + size, lon, lat);
    return buf;
}

const std::vector<std::string> kNames = {"东村", "西村", "南村", "北村"};
const std::vector<std::string> kCodes = {"130705100201", "130705100202", "130705100203",
                                         "130705100204"};

const std::vector<Field> kVillageFields = {{"XZQDM"}, {"名称"}, {"乡镇名称"}, {"人口"}, {"备注"}};

// The 2x2 grid: 东村 (115.00, 40.60), 西村 (115.01, 40.60), 南村 (115.00, 40.61), 北村.
std::vector<Row> village_rows() {
    std::vector<Row> rows;
    const std::vector<std::string> population = {"1,234", "560", "abc", ""};
    for (int i = 0; i < 4; ++i) {
        rows.push_back(
            {square(115.00 + 0.01 * (i % 2), 40.60 + 0.01 * (i / 2)),
             {kCodes[i], kNames[i], "深井镇", population[i], "备注" + std::to_string(i)}});
    }
    return rows;
}

// Writes the grid as a shapefile in EPSG:4490 with the given layer creation options.
std::string write_village_shapefile(const test::TempDir& dir, const std::string& stem,
                                    const std::vector<std::string>& options, int epsg = 4490) {
    const std::string path = dir.file(stem + ".shp");
    write_layer(path, "ESRI Shapefile", stem, kVillageFields, village_rows(), epsg, wkbPolygon,
                options);
    return path;
}

// Projects a lon/lat point to EPSG:4547 for expected values.
core::PointM gk(double lon, double lat, const char* from = "EPSG:4490") {
    core::Result<CoordinateTransform> t = CoordinateTransform::create(from, "EPSG:4547");
    EXPECT_TRUE(t);
    t->apply(lon, lat);
    return {lon, lat};
}

ImportOptions villages_only(const std::string& path) {
    ImportOptions o;
    o.villages = SourceSpec{path, "", {}};
    return o;
}

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

void expect_grid_names(const core::Plan& plan) {
    ASSERT_EQ(plan.villages.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(plan.villages[i].code, kCodes[i]);
        EXPECT_EQ(plan.villages[i].name, kNames[i]);
    }
}

// ------------------------------------------------------------------------------------------
// Villages from GeoJSON and Shapefile
// ------------------------------------------------------------------------------------------

TEST(Import, geojson_villages_are_projected_to_the_gk_zone_of_their_centre) {
    test::TempDir dir;
    const std::string path = dir.file("villages.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, village_rows(), 4326);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    const core::Plan& plan = r->plan;
    EXPECT_EQ(plan.crs.epsg, 4547);
    expect_grid_names(plan);
    const core::Village& east = plan.villages[0];
    ASSERT_EQ(east.shape.parts.size(), 1u);
    const core::PointM sw = gk(115.00, 40.60, "EPSG:4326");
    EXPECT_NEAR(east.shape.parts[0].outer[0].x, sw.x, 0.001);
    EXPECT_NEAR(east.shape.parts[0].outer[0].y, sw.y, 0.001);
    // 846.5 m x 1110.5 m on the ellipsoid, times the GK scale (1.00017) 84 km off the meridian.
    EXPECT_NEAR(core::area_m2(east.shape), 0.9401e6, 0.0005e6);
    EXPECT_EQ(east.town_code, "130705100");
    EXPECT_EQ(r->report.layers.at(0).field_notes.at("town_code"),
              "the village code's first 9 digits (4 villages)");
    EXPECT_EQ(r->report.layers.at(0).encoding.encoding, "UTF-8");
    EXPECT_EQ(r->report.layers.at(0).driver, "GeoJSON");
}

TEST(Import, attributes_parse_or_stay_unset_with_a_warning) {
    test::TempDir dir;
    const std::string path = dir.file("villages.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, village_rows(), 4326);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    const std::vector<core::Village>& v = r->plan.villages;
    EXPECT_EQ(v[0].population, 1234);
    EXPECT_EQ(v[1].population, 560);
    EXPECT_FALSE(v[2].population.has_value());  // "abc": warned, never zero
    EXPECT_FALSE(v[3].population.has_value());  // blank: simply missing
    const ImportWarning* w = find_warning(r->report, "unparsed_value");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->count, 1);
    EXPECT_EQ(w->examples.at(0),
              "feature 2 (南村), field '人口': 'abc' is not a whole number; "
              "left unset");
    // Unmapped fields are kept; the township name field is kept too.
    ASSERT_EQ(v[0].extra.size(), 2u);
    EXPECT_EQ(v[0].extra[0].name, "乡镇名称");
    EXPECT_EQ(v[0].extra[1].name, "备注");
    EXPECT_EQ(v[0].extra[1].value.text, "备注0");
}

TEST(Import, townships_are_dissolved_from_villages_when_no_layer_is_given) {
    test::TempDir dir;
    const std::string path = dir.file("villages.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, village_rows(), 4326);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.townships.size(), 1u);
    const core::Township& t = r->plan.townships[0];
    EXPECT_EQ(t.code, "130705100");
    EXPECT_EQ(t.name, "深井镇");
    double villages_area = 0.0;
    for (const core::Village& v : r->plan.villages) {
        villages_area += core::area_m2(v.shape);
    }
    EXPECT_NEAR(core::area_m2(t.shape), villages_area, 1.0);
    EXPECT_EQ(t.shape.parts.size(), 1u);
    EXPECT_EQ(warning_count(r->report, "township_from_villages"), 1);
}

TEST(Import, utf8_shapefile_reads_names_and_prj) {
    test::TempDir dir;
    const std::string path = write_village_shapefile(dir, "villages", {"ENCODING=UTF-8"});
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    expect_grid_names(r->plan);
    const LayerSummary& s = r->report.layers.at(0);
    EXPECT_EQ(s.driver, "ESRI Shapefile");
    EXPECT_EQ(s.encoding.encoding, "UTF-8");
    EXPECT_EQ(s.features_read, 4);
    EXPECT_EQ(s.imported, 4);
    EXPECT_NE(s.source_crs.find("4490"), std::string::npos) << s.source_crs;
    // GDAL cut the 12-byte UTF-8 field name 乡镇名称 to 10 bytes, mid-character: reported.
    const ImportWarning* cut = find_warning(r->report, "undecodable_text");
    ASSERT_NE(cut, nullptr);
    EXPECT_EQ(cut->count, 1);
    EXPECT_NE(cut->examples.at(0).find("field name '乡镇名"), std::string::npos);
    const core::PointM sw = gk(115.00, 40.60);
    EXPECT_NEAR(r->plan.villages[0].shape.parts[0].outer[0].x, sw.x, 0.001);
    EXPECT_NEAR(r->plan.villages[0].shape.parts[0].outer[0].y, sw.y, 0.001);
}

// ------------------------------------------------------------------------------------------
// GBK shapefiles
// ------------------------------------------------------------------------------------------

TEST(Import, gbk_shapefile_with_cpg_is_decoded_as_the_cpg_says) {
    test::TempDir dir;
    const std::string path = write_village_shapefile(dir, "gbk", {"ENCODING=CP936"});
    const std::string cpg = test::read_text(dir.file("gbk.cpg"));
    ASSERT_FALSE(cpg.empty());
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    expect_grid_names(r->plan);
    const LayerSummary& s = r->report.layers.at(0);
    EXPECT_EQ(s.encoding.encoding, "CP936");
    EXPECT_EQ(s.encoding.reason.rfind(".cpg says", 0), 0u) << s.encoding.reason;
    EXPECT_EQ(s.field_mapping.at("name"), "名称");
    const std::vector<std::string> samples = {"东村", "西村", "南村"};
    EXPECT_EQ(s.sample_names, samples);
    const std::string text = r->report.to_text();
    EXPECT_NE(text.find("encoding: CP936 (.cpg says"), std::string::npos) << text;
    EXPECT_NE(text.find("sample names: 东村, 西村, 南村"), std::string::npos) << text;
}

TEST(Import, gbk_shapefile_without_cpg_or_language_byte_is_detected_from_bytes) {
    test::TempDir dir;
    const std::string path = write_village_shapefile(dir, "bare", {"ENCODING=CP936"});
    std::filesystem::remove(dir.file("bare.cpg"));
    {
        std::fstream dbf(dir.file("bare.dbf"), std::ios::in | std::ios::out | std::ios::binary);
        dbf.seekp(29);
        dbf.put('\0');
    }
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    expect_grid_names(r->plan);
    EXPECT_EQ(r->plan.townships.at(0).name, "深井镇");
    const LayerSummary& s = r->report.layers.at(0);
    EXPECT_EQ(s.encoding.encoding, "GB18030");
    EXPECT_EQ(s.encoding.reason.rfind("no .cpg and DBF language byte 0; ", 0), 0u)
        << s.encoding.reason;
    EXPECT_NE(s.encoding.reason.find("not valid UTF-8"), std::string::npos);
    EXPECT_EQ(s.field_mapping.at("name"), "名称");
    EXPECT_EQ(warning_count(r->report, "undecodable_text"), 0);
}

TEST(Import, explicit_encoding_wins_for_a_shapefile) {
    test::TempDir dir;
    const std::string path = write_village_shapefile(dir, "gbk", {"ENCODING=CP936"});
    ImportOptions o = villages_only(path);
    o.encoding = "GBK";
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    expect_grid_names(r->plan);
    EXPECT_EQ(r->report.layers.at(0).encoding.reason, "--encoding GBK given");
}

TEST(Import, undecodable_text_is_reported_with_feature_and_field) {
    test::TempDir dir;
    // Raw bytes written as they are (ENCODING=""), then a .cpg claiming code page 936.
    std::vector<Row> rows = village_rows();
    rows[2].values[1] = "\xB6\xAB\xFF\x41";  // 东 then a byte that is no GBK lead byte
    for (Row& row : rows) {
        row.values.resize(2);
    }
    const std::string path = dir.file("bad.shp");
    write_layer(path, "ESRI Shapefile", "bad", {{"XZQDM"}, {"NAME"}}, rows, 4490, wkbPolygon,
                {"ENCODING="});
    std::ofstream(dir.file("bad.cpg")) << "936";
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.villages.size(), 4u);
    const ImportWarning* w = find_warning(r->report, "undecodable_text");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->count, 1);
    EXPECT_NE(w->examples.at(0).find("feature 2, field 'NAME'"), std::string::npos)
        << w->examples.at(0);
    EXPECT_EQ(r->plan.villages[2].name.rfind("东", 0), 0u);
}

TEST(Import, unreadable_source_is_an_open_error) {
    test::TempDir dir;
    core::Result<ImportResult> r = import_plan(villages_only(dir.file("nothing.shp")));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kOpenFailed);
    EXPECT_EQ(r.error().message.rfind(dir.file("nothing.shp") + ": GDAL cannot open it", 0), 0u)
        << r.error().message;
}

// ------------------------------------------------------------------------------------------
// CRS, geometry and layer errors
// ------------------------------------------------------------------------------------------

// Degrees without a .prj are read as CGCS2000 longitude/latitude, and the summary says so.
TEST(Import, missing_prj_with_degrees_is_read_as_cgcs2000_and_said) {
    test::TempDir dir;
    const std::string path = write_village_shapefile(dir, "noprj", {"ENCODING=UTF-8"}, 0);
    ASSERT_FALSE(std::filesystem::exists(dir.file("noprj.prj")));
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.crs.epsg, 4547);
    EXPECT_EQ(warning_count(r->report, "crs_recognised"), 1);
    EXPECT_EQ(r->report.layers.at(0).crs_reason.rfind("no .prj and the coordinates are degrees", 0),
              0u)
        << r->report.layers.at(0).crs_reason;
    const core::PointM sw = gk(115.00, 40.60);
    EXPECT_NEAR(r->plan.villages[0].shape.parts[0].outer[0].x, sw.x, 0.001);
    ImportOptions o = villages_only(path);
    o.source_crs = "EPSG:4490";
    core::Result<ImportResult> ok = import_plan(o);
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->report.layers.at(0).crs_reason, "--crs EPSG:4490: the layer has none of its own");
    EXPECT_EQ(warning_count(ok->report, "crs_recognised"), 0);
    EXPECT_NEAR(ok->plan.villages[0].shape.parts[0].outer[0].x, sw.x, 0.001);
}

TEST(Import, projected_cgcs2000_zone_source_gives_the_same_coordinates) {
    test::TempDir dir;
    // The grid's south-west corner of 东村 written in EPSG:4526 (zone 38, prefixed easting).
    const core::PointM sw = gk(115.00, 40.60);
    char wkt[256];
    std::snprintf(wkt, sizeof wkt, "POLYGON((%.4f %.4f,%.4f %.4f,%.4f %.4f,%.4f %.4f))",
                  38000000.0 + sw.x, sw.y, 38000000.0 + sw.x + 800, sw.y, 38000000.0 + sw.x + 800,
                  sw.y + 800, 38000000.0 + sw.x, sw.y);
    const std::string path = dir.file("zone.gpkg");
    write_layer(path, "GPKG", "villages", {{"code"}, {"name"}}, {{wkt, {kCodes[0], "东村"}}}, 4526);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.crs.epsg, 4547);
    EXPECT_NEAR(r->plan.villages[0].shape.parts[0].outer[0].x, sw.x, 0.001);
    EXPECT_NEAR(r->plan.villages[0].shape.parts[0].outer[0].y, sw.y, 0.001);
}

TEST(Import, bow_tie_polygon_is_repaired_and_counted) {
    test::TempDir dir;
    std::vector<Row> rows = village_rows();
    rows[1].wkt = "POLYGON((115.01 40.60,115.02 40.61,115.02 40.60,115.01 40.61,115.01 40.60))";
    const std::string path = dir.file("bowtie.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, rows, 4326);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.villages.size(), 4u);
    const core::Village& west = r->plan.villages[1];
    EXPECT_EQ(west.name, "西村");
    EXPECT_EQ(west.shape.parts.size(), 2u);  // two triangles
    EXPECT_NEAR(core::area_m2(west.shape), core::area_m2(r->plan.villages[0].shape) / 2.0, 0.01e6);
    const ImportWarning* w = find_warning(r->report, "repaired_polygon");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->count, 1);
    EXPECT_EQ(w->examples.at(0).rfind("feature 1 (西村): ", 0), 0u) << w->examples.at(0);
    EXPECT_NE(r->report.to_text().find("invalid polygons repaired (areas may change): 1"),
              std::string::npos);
}

TEST(Import, bow_tie_polygon_is_skipped_and_counted_without_repair) {
    test::TempDir dir;
    std::vector<Row> rows = village_rows();
    rows[1].wkt = "POLYGON((115.01 40.60,115.02 40.61,115.02 40.60,115.01 40.61,115.01 40.60))";
    const std::string path = dir.file("bowtie.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, rows, 4326);
    ImportOptions o = villages_only(path);
    o.repair = false;
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.villages.size(), 3u);
    EXPECT_EQ(warning_count(r->report, "skipped_invalid_polygon"), 1);
    EXPECT_EQ(r->report.layers.at(0).skipped, 1);
}

TEST(Import, exclaves_are_kept_and_null_geometry_is_counted) {
    test::TempDir dir;
    std::vector<Row> rows = village_rows();
    rows[0].wkt =
        "MULTIPOLYGON(((115.00 40.60,115.01 40.60,115.01 40.61,115.00 40.60)),"
        "((115.05 40.65,115.06 40.65,115.06 40.66,115.05 40.65)))";
    rows[3].wkt = "";
    const std::string path = dir.file("exclave.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, rows, 4326);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.villages.size(), 3u);
    EXPECT_EQ(r->plan.villages[0].shape.parts.size(), 2u);
    EXPECT_EQ(warning_count(r->report, "skipped_empty_geometry"), 1);
}

TEST(Import, empty_villages_layer_is_an_error) {
    test::TempDir dir;
    const std::string path = dir.file("empty.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, {}, 4326);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kEmptyLayer);
    EXPECT_NE(r.error().message.find("no features"), std::string::npos);
}

TEST(Import, missing_layer_lists_the_layers) {
    test::TempDir dir;
    const std::string path = dir.file("two.gpkg");
    write_layer(path, "GPKG", "村界", kVillageFields, village_rows(), 4326);
    ImportOptions o = villages_only(path);
    o.villages->layer = "villages";
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kLayerNotFound);
    EXPECT_NE(r.error().message.find("the source has layers: 村界"), std::string::npos);
}

TEST(Import, wrong_field_name_lists_the_layer_fields) {
    test::TempDir dir;
    const std::string path = dir.file("villages.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, village_rows(), 4326);
    ImportOptions o = villages_only(path);
    o.villages->fields["code"] = "CUN_CODE";
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kFieldMissing);
    EXPECT_EQ(r.error().message,
              path +
                  ", layer 'villages', field 'CUN_CODE': the field given for villages.code "
                  "does not exist; the layer has fields: XZQDM, 名称, 乡镇名称, 人口, 备注");
}

TEST(Import, layer_without_code_field_is_one_clear_error) {
    test::TempDir dir;
    const std::string path = dir.file("odd.geojson");
    write_layer(path, "GeoJSON", "odd", {{"ID"}, {"TITLE"}}, {{square(115, 40.6), {"1", "x"}}},
                4326);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kFieldMissing);
    EXPECT_EQ(r.error().message,
              path +
                  ", layer 'odd': no field for village code; the layer has fields: ID, TITLE; "
                  "name one with --field villages.code=FIELD");
}

TEST(Import, duplicate_village_codes_are_refused) {
    test::TempDir dir;
    std::vector<Row> rows = village_rows();
    rows[3].values[0] = kCodes[1];
    const std::string path = dir.file("dup.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, rows, 4326);
    core::Result<ImportResult> r = import_plan(villages_only(path));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kDuplicateCode);
    EXPECT_EQ(r.error().message,
              path +
                  ", layer 'villages', feature 3, field 'XZQDM': the code 130705100202 belongs "
                  "to two differently named units, '西村' and '北村'; correct the code of one of "
                  "them");
}

// ------------------------------------------------------------------------------------------
// Sites
// ------------------------------------------------------------------------------------------

// The GeoJSON grid plus sites from `sites_path`.
ImportOptions grid_with_sites(const test::TempDir& dir, const std::string& sites_path) {
    const std::string path = dir.file("villages.geojson");
    write_layer(path, "GeoJSON", "villages", kVillageFields, village_rows(), 4326);
    ImportOptions o = villages_only(path);
    o.sites = SourceSpec{sites_path, "", {}};
    return o;
}

void expect_two_sites(const ImportResult& r) {
    ASSERT_EQ(r.plan.sites.size(), 2u);
    const core::Site& a = r.plan.sites[0];
    EXPECT_EQ(a.name, "示范点甲");
    EXPECT_EQ(a.level, core::SiteLevel::kTown);
    EXPECT_EQ(a.village_code, kCodes[0]);  // from the containing village
    const core::PointM expected = gk(115.005, 40.605, "EPSG:4326");
    EXPECT_NEAR(a.position.x, expected.x, 0.001);
    EXPECT_NEAR(a.position.y, expected.y, 0.001);
    EXPECT_EQ(r.plan.sites[1].village_code, "");
    const ImportWarning* w = find_warning(r.report, "site_outside_villages");
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->count, 1);
    EXPECT_EQ(w->examples.at(0).find("(示范点乙) at E "), w->examples.at(0).find("(示范点乙)"));
}

TEST(Import, csv_sites_with_chinese_lon_lat_columns) {
    test::TempDir dir;
    const std::string csv = dir.file("sites.csv");
    std::ofstream(csv) << "名称,级别,主题,经度,纬度\n"
                          "示范点甲,乡镇级,产业,115.005,40.605\n"
                          "示范点乙,区级,治理,115.2,40.7\n";
    core::Result<ImportResult> r = import_plan(grid_with_sites(dir, csv));
    ASSERT_TRUE(r) << r.error().message;
    expect_two_sites(*r);
    EXPECT_EQ(r->plan.sites[0].theme, "产业");
    EXPECT_EQ(r->plan.sites[0].id, "S1");
    EXPECT_EQ(warning_count(r->report, "site_datum_assumed"), 1);
}

TEST(Import, gbk_csv_sites_are_decoded) {
    test::TempDir dir;
    const std::string csv = dir.file("sites_gbk.csv");
    // 名称,经度,纬度 / 东村点 in GBK.
    std::ofstream(csv, std::ios::binary) << "\xC3\xFB\xB3\xC6,\xBE\xAD\xB6\xC8,\xCE\xB3\xB6\xC8\n"
                                            "\xB6\xAB\xB4\xE5\xB5\xE3,115.005,40.605\n";
    core::Result<ImportResult> r = import_plan(grid_with_sites(dir, csv));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.sites.size(), 1u);
    EXPECT_EQ(r->plan.sites[0].name, "东村点");
    EXPECT_EQ(r->report.layers.at(1).encoding.encoding, "GB18030");
}

TEST(Import, xlsx_sites_with_chinese_lon_lat_columns) {
    test::TempDir dir;
    const std::string xlsx = dir.file("sites.xlsx");
    write_layer(xlsx, "XLSX", "示范点", {{"名称"}, {"级别"}, {"经度", OFTReal}, {"纬度", OFTReal}},
                {{"", {"示范点甲", "乡镇级", "115.005", "40.605"}},
                 {"", {"示范点乙", "区级", "115.2", "40.7"}}},
                0, wkbNone);
    core::Result<ImportResult> r = import_plan(grid_with_sites(dir, xlsx));
    ASSERT_TRUE(r) << r.error().message;
    expect_two_sites(*r);
    EXPECT_EQ(r->report.layers.at(1).driver, "XLSX");
}

TEST(Import, sites_without_coordinate_columns_name_the_missing_field) {
    test::TempDir dir;
    const std::string csv = dir.file("sites.csv");
    std::ofstream(csv) << "名称,东西,南北\n甲,115.005,40.605\n";
    core::Result<ImportResult> r = import_plan(grid_with_sites(dir, csv));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kFieldMissing);
    EXPECT_NE(
        r.error().message.find("the sites have no coordinates (经度/纬度) and name no "
                               "village (所在村 or 村代码); the sheet has fields: 名称, 东西, "
                               "南北"),
        std::string::npos)
        << r.error().message;
}

TEST(Import, point_sites_with_an_unknown_village_code_fall_back_to_the_containing_village) {
    test::TempDir dir;
    const std::string gpkg = dir.file("sites.gpkg");
    write_layer(gpkg, "GPKG", "sites", {{"编号"}, {"示范点"}, {"级别"}, {"村代码"}},
                {{"POINT(115.015 40.615)", {"D1", "北村示范点", "district", "999999999999"}},
                 {"POINT(115.005 40.615)", {"D2", "南村示范点", "town", kCodes[2]}}},
                4490, wkbPoint);
    core::Result<ImportResult> r = import_plan(grid_with_sites(dir, gpkg));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.sites.size(), 2u);
    EXPECT_EQ(r->plan.sites[0].id, "D1");
    EXPECT_EQ(r->plan.sites[0].level, core::SiteLevel::kDistrict);
    EXPECT_EQ(r->plan.sites[0].village_code, kCodes[3]);
    EXPECT_EQ(r->plan.sites[1].village_code, kCodes[2]);
    EXPECT_EQ(r->plan.sites[1].level, core::SiteLevel::kTown);
    EXPECT_EQ(warning_count(r->report, "site_unknown_village"), 1);
    EXPECT_EQ(warning_count(r->report, "site_outside_villages"), 0);
    const core::PointM expected = gk(115.015, 40.615);
    EXPECT_NEAR(r->plan.sites[0].position.x, expected.x, 0.001);
    EXPECT_NEAR(r->plan.sites[0].position.y, expected.y, 0.001);
}

TEST(Import, gcj02_needs_lon_lat_sites) {
    test::TempDir dir;
    const std::string gpkg = dir.file("sites.gpkg");
    write_layer(gpkg, "GPKG", "sites", {{"name"}}, {{"POINT(586627 4318979)", {"a"}}}, 4547,
                wkbPoint);
    ImportOptions o = grid_with_sites(dir, gpkg);
    o.site_datum = SiteDatum::kGcj02;
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kBadArgument);
    EXPECT_NE(r.error().message.find("--site-crs gcj02 needs longitude/latitude"),
              std::string::npos)
        << r.error().message;
}

TEST(Import, projected_numbers_in_lon_lat_columns_ask_for_crs) {
    test::TempDir dir;
    const std::string csv = dir.file("sites.csv");
    std::ofstream(csv) << "name,x,y\na,586627,4318979\n";
    core::Result<ImportResult> r = import_plan(grid_with_sites(dir, csv));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kNoCrs);
    EXPECT_NE(r.error().message.find("are not degrees; give --crs"), std::string::npos)
        << r.error().message;
}

void expect_shifted_site_lands_on_wgs84(SiteDatum datum) {
    test::TempDir dir;
    const core::LonLat wgs{115.005, 40.605};
    const core::LonLat picked =
        datum == SiteDatum::kGcj02 ? wgs84_to_gcj02(wgs) : wgs84_to_bd09(wgs);
    const std::string csv = dir.file("picked.csv");
    char line[128];
    std::snprintf(line, sizeof line, "name,lng,lat\nweb map,%.9f,%.9f\n", picked.lon, picked.lat);
    std::ofstream(csv) << line;
    ImportOptions o = grid_with_sites(dir, csv);
    o.site_datum = datum;
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.sites.size(), 1u);
    const core::PointM expected = gk(wgs.lon, wgs.lat, "EPSG:4326");
    const core::PointM got = r->plan.sites[0].position;
    EXPECT_LT(core::distance_m(got, expected), 0.01);
    const core::PointM unshifted = gk(picked.lon, picked.lat, "EPSG:4326");
    EXPECT_GT(core::distance_m(unshifted, expected), 300.0);  // the shift was real
    EXPECT_EQ(r->plan.sites[0].village_code, kCodes[0]);
    EXPECT_EQ(warning_count(r->report, "site_datum_assumed"), 0);
}

TEST(Import, gcj02_sites_are_converted_to_within_a_centimetre) {
    expect_shifted_site_lands_on_wgs84(SiteDatum::kGcj02);
}

TEST(Import, bd09_sites_are_converted_to_within_a_centimetre) {
    expect_shifted_site_lands_on_wgs84(SiteDatum::kBd09);
}

// ------------------------------------------------------------------------------------------
// Roads and townships layers
// ------------------------------------------------------------------------------------------

TEST(Import, roads_and_a_townships_layer) {
    test::TempDir dir;
    const std::string villages = dir.file("villages.geojson");
    write_layer(villages, "GeoJSON", "villages", kVillageFields, village_rows(), 4326);
    const std::string roads = dir.file("roads.geojson");
    write_layer(roads, "GeoJSON", "roads", {{"路名"}, {"等级"}},
                {{"LINESTRING(115.0 40.605,115.02 40.605)", {"张小线", "县道"}},
                 {"MULTILINESTRING((115.005 40.60,115.005 40.62))", {"", "村道"}},
                 {"", {"空", ""}}},
                4326, wkbUnknown);
    const std::string towns = dir.file("towns.geojson");
    write_layer(towns, "GeoJSON", "towns", {{"XZQDM"}, {"XZQMC"}},
                {{square(115.0, 40.6, 0.02), {"130705100", "深井镇"}}}, 4326);
    ImportOptions o = villages_only(villages);
    o.roads = SourceSpec{roads, "", {}};
    o.townships = SourceSpec{towns, "", {}};
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.roads.size(), 2u);
    EXPECT_EQ(r->plan.roads[0].name, "张小线");
    EXPECT_EQ(r->plan.roads[0].road_class, "县道");
    EXPECT_NEAR(core::length_m(r->plan.roads[0].parts.at(0)), 1690.0, 15.0);
    EXPECT_EQ(warning_count(r->report, "unnamed_road"), 1);
    EXPECT_EQ(warning_count(r->report, "skipped_empty_geometry"), 1);
    ASSERT_EQ(r->plan.townships.size(), 1u);
    EXPECT_EQ(r->plan.townships[0].name, "深井镇");
    EXPECT_EQ(warning_count(r->report, "township_from_villages"), 0);
    EXPECT_EQ(warning_count(r->report, "no_township"), 0);
    EXPECT_EQ(warning_count(r->report, "town_by_location"), 0);
    ASSERT_EQ(r->report.townships.size(), 1u);
    EXPECT_EQ(r->report.townships[0].by_code, 4);
    EXPECT_EQ(r->report.layers.size(), 3u);
}

}  // namespace
}  // namespace beltplan::io
