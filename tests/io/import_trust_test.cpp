// Issue 9 items 1 and 2: a damaged source is refused, never half imported; one stray feature
// cannot move the plan into another zone; a declared CRS that does not fit the data is refused
// with the likely right code; data outside China gets a UTM zone and a warning; an old datum
// is warned with the size of its error.
#include "io/county_fixture.h"
#include "io/import.h"
#include "io/import_crs.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace beltplan::io {
namespace {

namespace county = test::county;
namespace fs = std::filesystem;

long long warning_count(const ImportReport& r, const std::string& kind) {
    for (const ImportWarning& w : r.warnings) {
        if (w.kind == kind) {
            return w.count;
        }
    }
    return 0;
}

ImportOptions villages_from(const std::string& path) {
    ImportOptions o;
    o.villages = SourceSpec{path, "", {}};
    return o;
}

std::string write_county_shapefile(const test::TempDir& dir) {
    const std::string path = dir.file("CJDCQ.shp");
    county::LayerData layer = county::cjdcq_layer("", 4490);
    layer.options = {"ENCODING=CP936"};
    county::write_dataset(path, "ESRI Shapefile", {layer});
    return path;
}

std::size_t file_size(const std::string& path) {
    return static_cast<std::size_t>(fs::file_size(path));
}

// ------------------------------------------------------------------------------------------
// Item 1: read errors are failures
// ------------------------------------------------------------------------------------------

TEST(ImportTrust, a_dbf_cut_in_half_is_refused_naming_the_file) {
    test::TempDir dir;
    const std::string shp = write_county_shapefile(dir);
    const std::string dbf = dir.file("CJDCQ.dbf");
    county::truncate_file(dbf, file_size(dbf) / 2);
    core::Result<ImportResult> r = import_plan(villages_from(shp));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kReadFailed);
    EXPECT_EQ(r.error().message.rfind(dbf + ": the header declares 11 records but only ", 0), 0u)
        << r.error().message;
    EXPECT_NE(r.error().message.find("the file was cut short; copy the complete shapefile again"),
              std::string::npos);
}

TEST(ImportTrust, a_shp_cut_in_half_is_refused_naming_the_file) {
    test::TempDir dir;
    const std::string shp = write_county_shapefile(dir);
    county::truncate_file(shp, file_size(shp) / 2);
    core::Result<ImportResult> r = import_plan(villages_from(shp));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kReadFailed);
    EXPECT_EQ(r.error().message.rfind(shp + ": its header says ", 0), 0u) << r.error().message;
}

TEST(ImportTrust, shx_and_dbf_of_different_lengths_are_refused) {
    test::TempDir dir;
    const std::string shp = write_county_shapefile(dir);
    // A .dbf of 10 records beside the .shp/.shx of 11: parts that do not belong together.
    {
        test::TempDir other;
        county::LayerData layer = county::cjdcq_layer("", 4490);
        layer.rows.pop_back();
        layer.options = {"ENCODING=CP936"};
        county::write_dataset(other.file("CJDCQ.shp"), "ESRI Shapefile", {layer});
        fs::copy_file(other.file("CJDCQ.dbf"), dir.file("CJDCQ.dbf"),
                      fs::copy_options::overwrite_existing);
    }
    core::Result<ImportResult> r = import_plan(villages_from(shp));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message,
              shp +
                  ": the .shx indexes 11 shapes but the .dbf holds 10 records: the parts do not "
                  "belong together or one was cut short; copy the complete shapefile again");
}

TEST(ImportTrust, the_summary_compares_features_read_with_the_declared_count) {
    test::TempDir dir;
    const std::string shp = write_county_shapefile(dir);
    core::Result<ImportResult> r = import_plan(villages_from(shp));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->report.layers.at(0).declared, 11);
    EXPECT_EQ(r->report.layers.at(0).features_read, 11);
    EXPECT_NE(r->report.to_text().find("features: 11 read of 11 declared, 11 imported, 0 skipped"),
              std::string::npos)
        << r->report.to_text();
}

// ------------------------------------------------------------------------------------------
// Item 2: a robust centre, probable errors refused, declared CRS checked
// ------------------------------------------------------------------------------------------

std::string write_with_stray(const test::TempDir& dir, const std::string& stray_wkt) {
    county::LayerData layer = county::cjdcq_layer("", 4326);
    layer.rows.push_back({stray_wkt, {"99", "1307051032990000000", "误差村"}});
    const std::string path = dir.file("stray.geojson");
    county::write_dataset(path, "GeoJSON", {layer});
    return path;
}

TEST(ImportTrust, a_polygon_at_zero_zero_is_refused_as_a_probable_error) {
    test::TempDir dir;
    const std::string path = write_with_stray(dir, "POLYGON((0 0,0.01 0,0.01 0.01,0 0))");
    core::Result<ImportResult> r = import_plan(villages_from(path));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kBadValue);
    EXPECT_NE(r.error().message.find("1 features lie far from the rest and are probably errors: "
                                     "feature 11 (误差村) at 0.0050°E 0.0050°N, outside China "
                                     "while the rest is inside"),
              std::string::npos)
        << r.error().message;
    EXPECT_NE(r.error().message.find("pass --skip-outliers"), std::string::npos);
    // With --skip-outliers: the rest goes in, in the zone of the rest (not 75°E), and the
    // stray feature is listed.
    ImportOptions o = villages_from(path);
    o.skip_outliers = true;
    core::Result<ImportResult> ok = import_plan(o);
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->plan.villages.size(), 11u);
    EXPECT_EQ(ok->plan.crs.epsg, 4547);
    EXPECT_EQ(warning_count(ok->report, "outlier_skipped"), 1);
    EXPECT_EQ(ok->report.layers.at(0).skipped, 1);
}

TEST(ImportTrust, a_huge_coordinate_is_refused_as_a_probable_error) {
    test::TempDir dir;
    const std::string path =
        write_with_stray(dir, "POLYGON((1e30 40,1e30 40.1,1.0000001e30 40.1,1e30 40))");
    core::Result<ImportResult> r = import_plan(villages_from(path));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("feature 11 (误差村), whose coordinates cannot be placed"),
              std::string::npos)
        << r.error().message;
}

TEST(ImportTrust, a_feature_300_km_away_is_refused) {
    test::TempDir dir;
    const std::string path = write_with_stray(dir, county::box_wkt(118.6, 40.6, 0.02, 0.02));
    core::Result<ImportResult> r = import_plan(villages_from(path));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("feature 11 (误差村) at 118.6100°E 40.6100°N, 300 km from "
                                     "the centre of the others"),
              std::string::npos)
        << r.error().message;
}

TEST(ImportTrust, the_centre_is_the_median_so_a_few_far_features_cannot_move_the_zone) {
    // Median of feature centres: 11 villages at 115.0-115.1E, and the plan's zone is 114E.
    test::TempDir dir;
    const std::string path = write_with_stray(dir, county::box_wkt(118.6, 40.6, 0.02, 0.02));
    ImportOptions o = villages_from(path);
    o.skip_outliers = true;
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.crs.epsg, 4547);
    EXPECT_NE(r->report.target_reason.find("the median of 12 feature centres"), std::string::npos)
        << r->report.target_reason;
}

TEST(ImportTrust, a_declared_crs_whose_area_does_not_hold_the_data_is_refused) {
    // Degrees declared as EPSG:4547 metres: the data "lies" near 109.5E 0N.
    test::TempDir dir;
    county::LayerData layer = county::cjdcq_layer("", 4547);
    const std::string path = dir.file("wrong.gpkg");
    county::write_dataset(path, "GPKG", {layer});
    core::Result<ImportResult> r = import_plan(villages_from(path));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kBadCrs);
    EXPECT_NE(r.error().message.find("outside that CRS's area of use"), std::string::npos)
        << r.error().message;
    EXPECT_NE(r.error().message.find("the coordinates are degrees: give --crs EPSG:4490"),
              std::string::npos)
        << r.error().message;
}

TEST(ImportTrust, data_outside_china_gets_a_utm_zone_and_a_warning) {
    test::TempDir dir;
    county::LayerData layer{"comuni", wkbPolygon, 4326, {{"code"}, {"name"}}, {}};
    for (int i = 0; i < 4; ++i) {
        layer.rows.push_back(
            {county::box_wkt(9.15 + 0.02 * i, 45.45, 0.02, 0.02),
             {"90000000000" + std::to_string(i + 1), "comune " + std::to_string(i)}});
    }
    const std::string path = dir.file("milano.geojson");
    county::write_dataset(path, "GeoJSON", {layer});
    core::Result<ImportResult> r = import_plan(villages_from(path));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.crs.epsg, 32632);  // WGS 84 / UTM zone 32N, not a GK zone at 75E
    ASSERT_EQ(warning_count(r->report, "outside_china"), 1);
    EXPECT_NE(r->report.to_text().find("the data lies outside China (centre 9.1900°E 45.4600°N): "
                                       "projected to WGS 84 / UTM zone 32N (EPSG:32632)"),
              std::string::npos)
        << r->report.to_text();
    // 0.02 x 0.02 degrees at 45.46N: 1561 m x 2223 m on the ellipsoid.
    EXPECT_NEAR(core::area_m2(r->plan.villages[0].shape), 3.47e6, 0.02e6);
}

TEST(ImportTrust, a_beijing_1954_source_is_warned_with_the_size_of_the_error) {
    test::TempDir dir;
    county::LayerData layer = county::cjdcq_layer("EPSG:2414", 2414);  // Beijing 1954 zone 38
    const std::string path = dir.file("bj54.gpkg");
    county::write_dataset(path, "GPKG", {layer});
    core::Result<ImportResult> r = import_plan(villages_from(path));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(warning_count(r->report, "old_datum"), 1);
    // EPSG:15918 moves a point at 115.06E 40.62N by 36 m north and 54 m east: 65 m.
    EXPECT_NE(r->report.to_text().find("about 65 m from where they belong"), std::string::npos)
        << r->report.to_text();
}

TEST(ImportTrust, a_xian_1980_source_is_warned) {
    test::TempDir dir;
    county::LayerData layer = county::cjdcq_layer("EPSG:2362", 2362);  // Xian 1980 zone 38
    const std::string path = dir.file("xian80.gpkg");
    county::write_dataset(path, "GPKG", {layer});
    core::Result<ImportResult> r = import_plan(villages_from(path));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(warning_count(r->report, "old_datum"), 1);
}

TEST(ImportTrust, metres_without_prj_and_without_zone_number_are_refused_with_an_example) {
    test::TempDir dir;
    county::LayerData layer = county::cjdcq_layer("EPSG:4547", 0);
    const std::string path = dir.file("nozone.shp");
    layer.options = {"ENCODING=CP936"};
    county::write_dataset(path, "ESRI Shapefile", {layer});
    core::Result<ImportResult> r = import_plan(villages_from(path));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kNoCrs);
    EXPECT_NE(r.error().message.find("are metres with no zone number in front of X, so the zone "
                                     "cannot be told; give --crs"),
              std::string::npos)
        << r.error().message;
}

TEST(ImportTrust, codes_lost_to_scientific_notation_are_refused) {
    test::TempDir dir;
    const std::string csv = dir.file("villages.csv");
    std::ofstream(csv) << "WKT,ZLDWDM,ZLDWMC\n"
                          "\"POLYGON((115 40.6,115.01 40.6,115.01 40.61,115 40.6))\",1.30705E+18,"
                          "屈家庄村\n";
    core::Result<ImportResult> r = import_plan(villages_from(csv));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("the code '1.30705E+18' was stored in scientific notation"),
              std::string::npos)
        << r.error().message;
}

}  // namespace
}  // namespace beltplan::io

namespace beltplan::io {
namespace {

// A whole prefecture (features 500 km apart) is not "far from the rest": the limit grows to
// three times the data's own 90 % spread, and a stray at 0,0 is still refused.
TEST(ImportTrust, wide_data_is_not_refused_but_a_stray_still_is) {
    test::TempDir dir;
    county::LayerData layer{"villages", wkbPolygon, 4326, {{"code"}, {"name"}}, {}};
    for (int i = 0; i < 20; ++i) {
        layer.rows.push_back({county::box_wkt(112.0 + 0.3 * i, 40.0 + 0.1 * (i % 3), 0.02, 0.02),
                              {"1307051032" + std::to_string(10 + i), "村" + std::to_string(i)}});
    }
    const std::string wide = dir.file("wide.geojson");
    county::write_dataset(wide, "GeoJSON", {layer});
    core::Result<ImportResult> ok = import_plan(villages_from(wide));
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->plan.villages.size(), 20u);
    layer.rows.push_back({"POLYGON((0 0,0.01 0,0.01 0.01,0 0))", {"130705103299", "误差村"}});
    const std::string stray = dir.file("stray.geojson");
    county::write_dataset(stray, "GeoJSON", {layer});
    core::Result<ImportResult> refused = import_plan(villages_from(stray));
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("feature 20 (误差村)"), std::string::npos)
        << refused.error().message;
}

}  // namespace
}  // namespace beltplan::io
