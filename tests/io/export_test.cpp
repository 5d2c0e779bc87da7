// Export tests: each format read back with OGR (count, a Chinese name, CRS), the Shapefile
// .cpg and 10-byte field names, reprojection to EPSG:4326, and clear argument errors.
#include "io/export.h"

#include "io/import.h"
#include "io/plan_fixture.h"
#include "support/test_support.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

GDALDatasetUniquePtr open_vector(const std::string& path,
                                 const std::vector<const char*>& open_options = {}) {
    GDALAllRegister();
    std::vector<const char*> options = open_options;
    options.push_back(nullptr);
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                  nullptr, options.data()));
}

io::ExportSummary export_ok(const core::Plan& plan, const std::string& layer,
                            const std::string& path, const std::string& crs = "") {
    io::ExportOptions options;
    options.layer = layer;
    options.out_path = path;
    options.target_crs = crs;
    core::Result<io::ExportSummary> result = io::export_layer_with_summary(plan, options);
    EXPECT_TRUE(result) << (result ? "" : result.error().message);
    return result ? result.value() : io::ExportSummary{};
}

// Every value of one field, as text.
std::vector<std::string> field_values(OGRLayer& layer, const char* field) {
    std::vector<std::string> values;
    const int index = layer.GetLayerDefn()->GetFieldIndex(field);
    EXPECT_GE(index, 0) << field;
    layer.ResetReading();
    for (auto& feature : layer) {
        values.emplace_back(index >= 0 ? feature->GetFieldAsString(index) : "");
    }
    return values;
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

TEST(Export, shapefile_has_cpg_utf8_names_and_short_unique_fields) {
    test::TempDir dir;
    const std::string path = dir.file("villages.shp");
    io::ExportSummary summary = export_ok(test::sample_plan(), "villages", path);
    EXPECT_TRUE(fs::exists(dir.file("villages.cpg")));
    EXPECT_NE(test::read_text(dir.file("villages.cpg")).find("UTF-8"), std::string::npos);
    GDALDatasetUniquePtr ds = open_vector(path);
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), 4);
    EXPECT_TRUE(contains(field_values(*layer, "name"), "屈家庄村"));
    // Long names are cut to 10 bytes, each renaming reported, all names unique.
    std::vector<std::pair<std::string, std::string>> renamed;
    for (const io::FieldRename& r : summary.renamed_fields) {
        renamed.emplace_back(r.field, r.written_as);
    }
    const std::pair<std::string, std::string> income{"collective_income", "collective"};
    const std::pair<std::string, std::string> members{"party_members", "party_memb"};
    EXPECT_NE(std::find(renamed.begin(), renamed.end(), income), renamed.end());
    EXPECT_NE(std::find(renamed.begin(), renamed.end(), members), renamed.end());
    layer->ResetReading();
    OGRFeatureUniquePtr first(layer->GetNextFeature());
    EXPECT_DOUBLE_EQ(first->GetFieldAsDouble("collective"), 12.5);
    EXPECT_STREQ(first->GetFieldAsString("备注"), "");  // 6 bytes: fits in 10
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::set<std::string> names;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        names.insert(defn->GetFieldDefn(i)->GetNameRef());
        EXPECT_LE(std::string(defn->GetFieldDefn(i)->GetNameRef()).size(), 10u);
    }
    EXPECT_EQ(names.size(), static_cast<std::size_t>(defn->GetFieldCount()));
    EXPECT_EQ(defn->GetFieldCount(), 15);
    EXPECT_TRUE(summary.warnings.empty()) << summary.warnings.front();
}

TEST(Export, shapefile_keeps_plan_crs_and_leaves_no_temp) {
    test::TempDir dir;
    export_ok(test::sample_plan(), "roads", dir.file("roads.shp"));
    GDALDatasetUniquePtr ds = open_vector(dir.file("roads.shp"));
    ASSERT_NE(ds, nullptr);
    EXPECT_STREQ(ds->GetLayer(0)->GetSpatialRef()->GetAuthorityCode(nullptr), "4547");
    std::vector<std::string> entries;
    for (const auto& e : fs::directory_iterator(dir.path())) {
        entries.push_back(e.path().filename().string());
    }
    std::sort(entries.begin(), entries.end());
    EXPECT_EQ(entries, (std::vector<std::string>{"roads.cpg", "roads.dbf", "roads.prj", "roads.shp",
                                                 "roads.shx"}));
}

TEST(Export, geojson_is_wgs84_lon_lat_by_default) {
    test::TempDir dir;
    const std::string path = dir.file("sites.geojson");
    io::ExportSummary summary = export_ok(test::sample_plan(), "sites", path);
    EXPECT_EQ(summary.driver, "GeoJSON");
    GDALDatasetUniquePtr ds = open_vector(path);
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), 2);
    EXPECT_TRUE(contains(field_values(*layer, "name"), "屈家庄党建示范点"));
    layer->ResetReading();
    OGRFeatureUniquePtr first(layer->GetNextFeature());
    const OGRPoint* p = first->GetGeometryRef()->toPoint();
    EXPECT_NEAR(p->getX(), 115.0, 1e-6);
    EXPECT_NEAR(p->getY(), 39.0, 1e-6);
    EXPECT_NE(test::read_text(path).find("屈家庄党建示范点"), std::string::npos);
}

TEST(Export, kml_is_wgs84_with_names) {
    test::TempDir dir;
    const std::string path = dir.file("villages.kml");
    export_ok(test::sample_plan(), "villages", path);
    const std::string text = test::read_text(path);
    EXPECT_NE(text.find("<name>屈家庄村</name>"), std::string::npos) << text.substr(0, 1500);
    GDALDatasetUniquePtr ds = open_vector(path);
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), 4);
    layer->ResetReading();
    OGRFeatureUniquePtr first(layer->GetNextFeature());
    OGREnvelope env;
    first->GetGeometryRef()->getEnvelope(&env);
    EXPECT_NEAR(env.MinX, 114.98, 0.02);
    EXPECT_NEAR(env.MinY, 38.995, 0.01);
}

// Seats are coordinates in the plan CRS: exported to WGS-84 they are reprojected with the
// geometry, so importing the file again puts every seat back where it was (within 1 cm).
TEST(Export, seats_follow_the_geometry_into_another_crs_and_back) {
    test::TempDir dir;
    const core::Plan plan = test::sample_plan();
    const std::string path = dir.file("villages.kml");
    export_ok(plan, "villages", path);
    io::ImportOptions options;
    options.villages = io::SourceSpec{path, "", {}};
    options.target_crs = "EPSG:" + std::to_string(plan.crs.epsg);
    core::Result<io::ImportResult> back = io::import_plan(options);
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(back->plan.villages.size(), plan.villages.size()) << back->report.to_text();
    int seats = 0;
    for (const core::Village& v : plan.villages) {
        const auto again = std::find_if(back->plan.villages.begin(), back->plan.villages.end(),
                                        [&](const core::Village& w) { return w.code == v.code; });
        ASSERT_NE(again, back->plan.villages.end()) << v.code;
        ASSERT_EQ(again->seat.has_value(), v.seat.has_value()) << v.code;
        if (v.seat) {
            ++seats;
            EXPECT_NEAR(again->seat->x, v.seat->x, 0.01) << v.code;
            EXPECT_NEAR(again->seat->y, v.seat->y, 0.01) << v.code;
        }
    }
    EXPECT_GT(seats, 0) << "the fixture has no seat to check";
}

TEST(Export, kml_refuses_a_projected_target_crs) {
    io::ExportOptions options{"villages", "/tmp/never-written.kml", "", "EPSG:4547"};
    core::Status status = io::export_layer(test::sample_plan(), options);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, core::ErrorCode::kBadCrs);
    EXPECT_FALSE(fs::exists(options.out_path));
}

TEST(Export, csv_has_wkt_and_xy_columns_in_utf8) {
    test::TempDir dir;
    export_ok(test::sample_plan(), "sites", dir.file("sites.csv"));
    const std::string text = test::read_text(dir.file("sites.csv"));
    EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM for Excel";
    EXPECT_NE(text.find("屈家庄党建示范点"), std::string::npos);
    EXPECT_NE(text.find("POINT (586627.329 4318979.756)"), std::string::npos) << text;
    GDALDatasetUniquePtr ds = open_vector(dir.file("sites.csv"));
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), 2);
    EXPECT_TRUE(contains(field_values(*layer, "X"), "586627.329"));
    EXPECT_TRUE(contains(field_values(*layer, "name"), "屈家庄党建示范点"));
    export_ok(test::sample_plan(), "villages", dir.file("villages.csv"));
    EXPECT_NE(test::read_text(dir.file("villages.csv")).find("\"MULTIPOLYGON ((("),
              std::string::npos);
}

TEST(Export, xlsx_has_names_and_coordinates) {
    test::TempDir dir;
    const std::string path = dir.file("sites.xlsx");
    export_ok(test::sample_plan(), "sites", path, "EPSG:4326");
    GDALDatasetUniquePtr ds = open_vector(path, {"HEADERS=FORCE"});
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->GetLayerByName("sites");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), 2);
    EXPECT_TRUE(contains(field_values(*layer, "name"), "赤城示范点"));
    layer->ResetReading();
    OGRFeatureUniquePtr first(layer->GetNextFeature());
    EXPECT_NEAR(first->GetFieldAsDouble("X"), 115.0, 1e-6);
    EXPECT_NEAR(first->GetFieldAsDouble("Y"), 39.0, 1e-6);
}

TEST(Export, contiguity_edits_go_to_csv_and_xlsx_without_geometry) {
    test::TempDir dir;
    const core::Plan plan = test::sample_plan();
    const std::string csv = dir.file("edits.csv");
    EXPECT_EQ(export_ok(plan, "contiguity_edits", csv).features, 2);
    const std::string text = test::read_text(csv);
    EXPECT_NE(text.find("a,b,kind,reason"), std::string::npos) << text;
    // GDAL quotes digit strings so spreadsheets keep them as text.
    EXPECT_NE(text.find("\"130705001001\",\"130705001003\",link,\"洋河大桥, 2019\"\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("\"130705001003\",\"130705001004\",cut,\n"), std::string::npos) << text;
    const std::string xlsx = dir.file("edits.xlsx");
    EXPECT_EQ(export_ok(plan, "contiguity_edits", xlsx).features, 2);
    // All-text sheets need the header row forced (GDAL 3.6 has no XLSX open option for it).
    CPLConfigOptionSetter headers("OGR_XLSX_HEADERS", "FORCE", false);
    GDALDatasetUniquePtr ds = open_vector(xlsx);
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->GetLayerByName("contiguity_edits");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(field_values(*layer, "kind"), (std::vector<std::string>{"link", "cut"}));
    EXPECT_EQ(layer->GetLayerDefn()->GetFieldIndex("WKT"), -1);
}

TEST(Export, gpkg_with_target_crs_reprojects_to_lon_lat) {
    test::TempDir dir;
    const std::string path = dir.file("out.gpkg");
    io::ExportSummary summary = export_ok(test::sample_plan(), "sites", path, "EPSG:4326");
    EXPECT_EQ(summary.features, 2);
    GDALDatasetUniquePtr ds = open_vector(path);
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->GetLayerByName("sites");
    ASSERT_NE(layer, nullptr);
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4326");
    OGRFeatureUniquePtr first(layer->GetNextFeature());
    const OGRPoint* p = first->GetGeometryRef()->toPoint();
    EXPECT_NEAR(p->getX(), 115.0, 1e-7);
    EXPECT_NEAR(p->getY(), 39.0, 1e-7);
}

TEST(Export, gpkg_keeps_plan_crs_and_extra_fields) {
    test::TempDir dir;
    const std::string path = dir.file("villages.gpkg");
    export_ok(test::sample_plan(), "villages", path);
    GDALDatasetUniquePtr ds = open_vector(path);
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->GetLayerByName("villages");
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->GetFeatureCount(), 4);
    EXPECT_TRUE(contains(field_values(*layer, "备注"), "飞地, 北部"));
    OGREnvelope env;
    ASSERT_EQ(layer->GetExtent(&env), OGRERR_NONE);
    EXPECT_NEAR(env.MinX, test::kSiteX - 2000.0, 1e-6);
}

TEST(Export, unknown_layer_lists_the_valid_ones) {
    io::ExportOptions options{"hamlets", "/tmp/x.shp", "", ""};
    core::Status status = io::export_layer(test::sample_plan(), options);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, core::ErrorCode::kBadArgument);
    EXPECT_NE(status.error().message.find("villages, townships, roads, sites, joint_orgs, belts"),
              std::string::npos);
}

TEST(Export, unknown_extension_lists_the_formats) {
    test::TempDir dir;
    io::ExportOptions options{"villages", dir.file("villages.dwg"), "", ""};
    core::Status status = io::export_layer(test::sample_plan(), options);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, core::ErrorCode::kUnsupportedFormat);
    EXPECT_NE(status.error().message.find(".shp, .geojson"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(Export, failed_export_keeps_the_previous_file) {
    test::TempDir dir;
    const std::string path = dir.file("villages.geojson");
    export_ok(test::sample_plan(), "villages", path);
    const std::string before = test::read_text(path);
    core::Plan bad = test::sample_plan();
    bad.villages[1].code.clear();
    core::Status status = io::export_layer(bad, {"villages", path, "", ""});
    ASSERT_FALSE(status);
    EXPECT_EQ(test::read_text(path), before);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}), 1);
}

}  // namespace
}  // namespace beltplan
