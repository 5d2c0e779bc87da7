// Issue 8 items 2 and 7: sources with several layers (File Geodatabase, GeoPackage, KML folders,
// a folder of files) give each role its layer by name, geometry and fields, and say so; an
// unclear choice is refused with the list. Villages given as seats only get approximate areas.
#include "core/geometry.h"
#include "io/county_fixture.h"
#include "io/import.h"
#include "io/plan_file.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace beltplan::io {
namespace {

namespace county = test::county;
namespace fs = std::filesystem;

const core::Village* village(const core::Plan& plan, const std::string& code) {
    for (const core::Village& v : plan.villages) {
        if (v.code == code) {
            return &v;
        }
    }
    return nullptr;
}

const LayerSeen* seen(const ImportReport& r, const std::string& layer) {
    for (const LayerSeen& l : r.layers_seen) {
        if (l.layer == layer) {
            return &l;
        }
    }
    return nullptr;
}

ImportOptions from_sources(std::vector<std::string> sources) {
    ImportOptions o;
    o.sources = std::move(sources);
    return o;
}

void expect_towns_by_code(const ImportResult& r) {
    ASSERT_EQ(r.plan.townships.size(), 2u);
    ASSERT_EQ(r.report.townships.size(), 2u);
    for (const TownshipCount& t : r.report.townships) {
        EXPECT_EQ(t.villages, t.code == "130705103" ? 5 : 6) << t.code;
        EXPECT_EQ(t.by_code, t.villages);
        EXPECT_EQ(t.by_location, 0);
    }
}

// ------------------------------------------------------------------------------------------
// Several layers
// ------------------------------------------------------------------------------------------

TEST(ImportSources, file_geodatabase_with_cjdcq_and_xzq_gives_villages_and_townships) {
    test::TempDir dir;
    const std::string gdb = dir.file("三调.gdb");
    // XZQ first: the old import took layer 0, and the townships became "villages".
    county::write_dataset(
        gdb, "OpenFileGDB",
        {county::xzq_layer("EPSG:4526", 4526), county::cjdcq_layer("EPSG:4526", 4526)});
    ImportOptions o;
    o.villages = SourceSpec{gdb, "", {}};
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.villages.size(), 11u);
    EXPECT_EQ(r->plan.townships.size(), 2u);
    expect_towns_by_code(*r);
    const LayerSeen* xzq = seen(r->report, "XZQ");
    const LayerSeen* cjdcq = seen(r->report, "CJDCQ");
    ASSERT_NE(xzq, nullptr);
    ASSERT_NE(cjdcq, nullptr);
    EXPECT_EQ(xzq->role, "townships");
    EXPECT_EQ(cjdcq->role, "villages");
    EXPECT_EQ(cjdcq->why, "11 of 11 sampled codes in field ZLDWDM are 12-digit village codes");
    EXPECT_EQ(xzq->why, "2 of 2 sampled codes in field XZQDM are township codes");
    const std::string text = r->report.to_text();
    EXPECT_NE(text.find("'XZQ' (polygons, 2 features): used as townships"), std::string::npos)
        << text;
    EXPECT_EQ(r->plan.townships[0].name, "沙岭子镇");
    EXPECT_EQ(r->plan.townships[0].code, "130705103");  // 12 digits ending 000 -> 9
}

// A civil-affairs style GeoPackage: 村代码/村名称/乡镇代码 and 乡镇代码/乡镇名称, the township
// layer first.
county::LayerData civil_villages(const std::string& name) {
    county::LayerData l{
        name, wkbPolygon, 4490, {{"村代码"}, {"村名称"}, {"乡镇代码"}, {"人口", OFTInteger}}, {}};
    for (const county::Village& v : county::villages()) {
        l.rows.push_back({county::village_wkt(v), {v.code, v.name, v.town_code, "500"}});
    }
    return l;
}

county::LayerData civil_townships() {
    county::LayerData l{"乡镇界", wkbPolygon, 4490, {{"乡镇代码"}, {"乡镇名称"}}, {}};
    l.rows.push_back(
        {county::box_wkt(county::kWest, county::kSouth, 0.10, 0.02), {"130705103", "沙岭子镇"}});
    l.rows.push_back({county::box_wkt(county::kWest, county::kSouth + 0.02, 0.12, 0.02),
                      {"130705102", "崞村镇"}});
    return l;
}

TEST(ImportSources, geopackage_with_township_layer_first_still_finds_the_villages) {
    test::TempDir dir;
    const std::string gpkg = dir.file("宣化.gpkg");
    county::write_dataset(gpkg, "GPKG", {civil_townships(), civil_villages("村界")});
    core::Result<ImportResult> r = import_plan(from_sources({gpkg}));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.villages.size(), 11u);
    expect_towns_by_code(*r);
    EXPECT_EQ(village(r->plan, "130705103205")->name, "屈家庄村委会");
    EXPECT_EQ(village(r->plan, "130705103205")->population, 500);
    EXPECT_EQ(seen(r->report, "村界")->role, "villages");
    EXPECT_EQ(seen(r->report, "乡镇界")->role, "townships");
}

TEST(ImportSources, two_village_layers_are_refused_with_the_list) {
    test::TempDir dir;
    const std::string gpkg = dir.file("two.gpkg");
    county::write_dataset(gpkg, "GPKG", {civil_villages("村界2019"), civil_villages("村界2023")});
    ImportOptions o;
    o.villages = SourceSpec{gpkg, "", {}};
    core::Result<ImportResult> r = import_plan(o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, core::ErrorCode::kLayerNotFound);
    EXPECT_EQ(r.error().message,
              gpkg +
                  ": several layers could hold the villages: two.gpkg '村界2019' (polygons, 11 "
                  "features); two.gpkg '村界2023' (polygons, 11 features); name one with "
                  "--villages-layer LAYER");
    o.villages->layer = "村界2023";
    core::Result<ImportResult> named = import_plan(o);
    ASSERT_TRUE(named) << named.error().message;
    EXPECT_EQ(named->plan.villages.size(), 11u);
}

// ------------------------------------------------------------------------------------------
// KML: one folder per township, Chinese ExtendedData
// ------------------------------------------------------------------------------------------

std::string write_kml(const test::TempDir& dir) {
    std::string kml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>宣化区</name>\n";
    for (const char* town : {"沙岭子镇", "崞村镇"}) {
        kml += std::string("<Folder><name>") + town + "</name>\n";
        for (const county::Village& v : county::villages()) {
            if (std::string(v.town_name) != town) {
                continue;
            }
            const core::LonLat c = county::corner(v);
            char coords[256];
            std::snprintf(coords, sizeof coords,
                          "%.4f,%.4f %.4f,%.4f %.4f,%.4f %.4f,%.4f %.4f,%.4f", c.lon, c.lat,
                          c.lon + 0.02, c.lat, c.lon + 0.02, c.lat + 0.02, c.lon, c.lat + 0.02,
                          c.lon, c.lat);
            kml += std::string("<Placemark><name>") + v.short_name +
                   "</name><ExtendedData><Data name=\"村代码\"><value>" + v.code +
                   "</value></Data><Data name=\"人口\"><value>812</value></Data></ExtendedData>"
                   "<Polygon><outerBoundaryIs><LinearRing><coordinates>" +
                   coords + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n";
        }
        kml += "</Folder>\n";
    }
    kml += "</Document></kml>\n";
    const std::string path = dir.file("宣化村界.kml");
    std::ofstream(path) << kml;
    return path;
}

TEST(ImportSources, kml_folders_are_one_layer_and_chinese_extended_data_survives) {
    test::TempDir dir;
    const std::string kml = write_kml(dir);
    core::Result<ImportResult> r = import_plan(from_sources({kml}));
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->plan.villages.size(), 11u);  // not the 5 of the first folder
    const core::Village* qu = village(r->plan, "130705103205");
    ASSERT_NE(qu, nullptr);
    EXPECT_EQ(qu->name, "屈家庄");
    EXPECT_EQ(qu->population, 812);
    EXPECT_EQ(qu->town_code, "130705103");
    const LayerSummary& s = r->report.layers.at(0);
    EXPECT_EQ(s.field_mapping.at("code"), "村代码");
    EXPECT_EQ(s.field_mapping.at("population"), "人口");
    EXPECT_EQ(s.field_mapping.at("town_name"), "folder");
    // The folder names the dissolved townships.
    ASSERT_EQ(r->plan.townships.size(), 2u);
    EXPECT_EQ(r->plan.townships[0].name, "崞村镇");
    EXPECT_EQ(r->plan.townships[1].name, "沙岭子镇");
    ASSERT_EQ(r->report.layers_seen.size(), 1u);
    EXPECT_EQ(r->report.layers_seen[0].layer, "2 KML folders read as one layer: 沙岭子镇, 崞村镇");
}

// ------------------------------------------------------------------------------------------
// Villages as seats (村委会驻地) with township polygons: approximate areas
// ------------------------------------------------------------------------------------------

county::LayerData seat_points() {
    county::LayerData l{"村委会驻地", wkbPoint, 4490, {{"村代码"}, {"村名称"}}, {}};
    for (const county::Village& v : county::villages()) {
        l.rows.push_back({county::point_wkt(county::centre(v)), {v.code, v.name}});
    }
    return l;
}

TEST(ImportSources, village_seats_with_township_polygons_give_approximate_areas) {
    test::TempDir dir;
    const std::string gpkg = dir.file("驻地.gpkg");
    county::write_dataset(gpkg, "GPKG", {seat_points(), civil_townships()});
    core::Result<ImportResult> r = import_plan(from_sources({gpkg}));
    ASSERT_TRUE(r) << r.error().message;
    const core::Plan& plan = r->plan;
    ASSERT_EQ(plan.villages.size(), 11u);
    EXPECT_TRUE(plan.approximate_village_areas);
    EXPECT_TRUE(r->report.approximate_areas);
    EXPECT_NE(plan.provenance.find("village areas approximate"), std::string::npos)
        << plan.provenance;
    expect_towns_by_code(*r);
    // The seats sit at the centres of equal squares in a row, so each Voronoi cell is (up to
    // the projection) its square: the cell's area is the square's, and the seat is inside.
    for (const county::Village& cv : county::villages()) {
        const core::Village* v = village(plan, cv.code);
        ASSERT_NE(v, nullptr);
        ASSERT_TRUE(v->seat.has_value());
        EXPECT_TRUE(core::contains(v->shape, *v->seat)) << cv.code;
        const core::PointM want = county::to_crs(county::centre(cv), "EPSG:4547");
        EXPECT_LT(core::distance_m(*v->seat, want), 1.0) << cv.code;
    }
    for (const core::Township& t : plan.townships) {
        double sum = 0.0;
        for (const core::Village& v : plan.villages) {
            sum += v.town_code == t.code ? core::area_m2(v.shape) : 0.0;
        }
        EXPECT_NEAR(sum, core::area_m2(t.shape), 1.0) << t.code;  // the cells tile the township
    }
    // Written and read back: the plan still says its areas are approximate.
    const std::string out = dir.file("plan.gpkg");
    ASSERT_TRUE(write_import(*r, out));
    core::Result<core::Plan> back = read_plan(out);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_TRUE(back->approximate_village_areas);
}

TEST(ImportSources, village_seats_without_townships_are_refused) {
    test::TempDir dir;
    const std::string gpkg = dir.file("驻地.gpkg");
    county::write_dataset(gpkg, "GPKG", {seat_points()});
    core::Result<ImportResult> r = import_plan(from_sources({gpkg}));
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("the villages are seat points (村委会驻地) and no township "
                                     "polygons were given"),
              std::string::npos)
        << r.error().message;
}

TEST(ImportSources, a_folder_of_files_is_sorted_into_roles) {
    test::TempDir dir;
    fs::create_directory(dir.file("data"));
    county::LayerData seats = seat_points();
    county::LayerData towns = civil_townships();
    seats.options = {"ENCODING=CP936"};
    towns.options = {"ENCODING=CP936"};
    county::write_dataset(dir.file("data/村委会驻地.shp"), "ESRI Shapefile", {seats});
    county::write_dataset(dir.file("data/乡镇界.shp"), "ESRI Shapefile", {towns});
    core::Result<ImportResult> r = import_plan(from_sources({dir.file("data")}));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->plan.villages.size(), 11u);
    EXPECT_EQ(r->plan.townships.size(), 2u);
    EXPECT_TRUE(r->plan.approximate_village_areas);
}

}  // namespace
}  // namespace beltplan::io
