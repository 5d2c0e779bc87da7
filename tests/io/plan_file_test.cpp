// Plan file tests: exact round trip, the GeoPackage as OGR sees it, safe saving, reading
// foreign GeoPackages, read errors that name file/layer/feature/field, inspect, and speed.
#include "io/plan_file.h"

#include "io/plan_fixture.h"
#include "support/test_support.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

GDALDatasetUniquePtr open_gpkg(const std::string& path) {
    GDALAllRegister();
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

// A GeoPackage written with GDAL directly (no plan_meta): a villages layer in EPSG:4547
// with the given codes and kinds ("" = null), like one another tool would make.
void write_foreign_gpkg(const std::string& path, const std::vector<std::string>& codes,
                        const std::vector<std::string>& kinds, bool with_villages = true) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_NE(ds, nullptr);
    OGRSpatialReference srs;
    srs.importFromEPSG(4547);
    OGRLayer* layer = ds->CreateLayer(with_villages ? "villages" : "towns", &srs, wkbPolygon);
    ASSERT_NE(layer, nullptr);
    for (const char* name : {"code", "name", "kind", "DKMC"}) {
        OGRFieldDefn defn(name, OFTString);
        ASSERT_EQ(layer->CreateField(&defn), OGRERR_NONE);
    }
    for (std::size_t i = 0; i < codes.size(); ++i) {
        OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        if (!codes[i].empty()) {
            f->SetField("code", codes[i].c_str());
        }
        f->SetField("name", "村");
        if (!kinds[i].empty()) {
            f->SetField("kind", kinds[i].c_str());
        }
        f->SetField("DKMC", "地块");
        OGRGeometry* g = nullptr;
        const std::string wkt =
            "POLYGON ((586000 4318000,587000 4318000,587000 4319000,"
            "586000 4319000,586000 4318000))";
        OGRGeometryFactory::createFromWkt(wkt.c_str(), &srs, &g);
        f->SetGeometryDirectly(g);
        ASSERT_EQ(layer->CreateFeature(f.get()), OGRERR_NONE);
    }
}

std::vector<std::string> folder_entries(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

TEST(PlanFile, round_trip_is_exact) {
    test::TempDir dir;
    const core::Plan plan = test::sample_plan();
    const std::string path = dir.file("plan.gpkg");
    core::Status written = io::write_plan(plan, path);
    ASSERT_TRUE(written) << written.error().message;
    core::Result<core::Plan> read = io::read_plan(path);
    ASSERT_TRUE(read) << read.error().message;
    const core::Plan& back = read.value();
    EXPECT_EQ(back.villages, plan.villages);
    EXPECT_EQ(back.townships, plan.townships);
    EXPECT_EQ(back.roads.size(), plan.roads.size());
    EXPECT_EQ(back.sites, plan.sites);
    EXPECT_EQ(back.belts, plan.belts);
    EXPECT_EQ(back.contiguity_edits, plan.contiguity_edits);
    EXPECT_EQ(back.crs, plan.crs);
    EXPECT_EQ(back.crs.name, plan.crs.name);
    EXPECT_EQ(back.settings, plan.settings);
    // The integer written into the real column of 长度 comes back as a real.
    core::Plan expected = plan;
    expected.roads[1].extra[0].value = core::FieldValue::of_real(1200.0);
    EXPECT_TRUE(back == expected);
}

TEST(PlanFile, ogr_sees_every_layer_and_count) {
    test::TempDir dir;
    core::Plan plan = test::sample_plan();
    plan.work_stations.clear();  // an empty layer is still created
    const std::string path = dir.file("plan.gpkg");
    ASSERT_TRUE(io::write_plan(plan, path));
    GDALDatasetUniquePtr ds = open_gpkg(path);
    ASSERT_NE(ds, nullptr);
    const std::vector<std::pair<std::string, long long>> expected = {
        {"villages", 4},   {"townships", 1}, {"roads", 2},         {"sites", 2},
        {"joint_orgs", 1}, {"belts", 1},     {"work_stations", 0}, {"contiguity_edits", 2},
        {"plan_meta", 9}};  // 8 settings + 1 renamed column
    for (const auto& [name, count] : expected) {
        OGRLayer* layer = ds->GetLayerByName(name.c_str());
        ASSERT_NE(layer, nullptr) << name;
        EXPECT_EQ(layer->GetFeatureCount(), count) << name;
    }
    OGRLayer* villages = ds->GetLayerByName("villages");
    EXPECT_EQ(wkbFlatten(villages->GetGeomType()), wkbMultiPolygon);
    EXPECT_STREQ(villages->GetSpatialRef()->GetAuthorityCode(nullptr), "4547");
    for (const char* field :
         {"code", "name", "town_code", "population", "party_members", "collective_income", "kind",
          "weak_org", "leader", "seat_x", "seat_y", "XZQDM", "面积"}) {
        EXPECT_GE(villages->GetLayerDefn()->GetFieldIndex(field), 0) << field;
    }
    OGRFeatureUniquePtr first(villages->GetNextFeature());
    EXPECT_STREQ(first->GetFieldAsString("name"), "屈家庄村");
    EXPECT_STREQ(first->GetFieldAsString("kind"), "hub");
    // The township's source field NAME collides with name: written as NAME_2.
    OGRLayer* towns = ds->GetLayerByName("townships");
    EXPECT_GE(towns->GetLayerDefn()->GetFieldIndex("NAME_2"), 0);
    OGRFeatureUniquePtr org(ds->GetLayerByName("joint_orgs")->GetNextFeature());
    EXPECT_STREQ(org->GetFieldAsString("members"), "130705001001,130705001002");
    ASSERT_NE(org->GetGeometryRef(), nullptr);
    EXPECT_NEAR(org->GetGeometryRef()->toMultiPolygon()->get_Area(),
                2e6 - 200.0 * 200.0 + 300.0 * 300.0, 1e-3);
}

TEST(PlanFile, failed_save_leaves_old_file_intact) {
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    ASSERT_TRUE(io::write_plan(test::sample_plan(), path));
    const std::string before = test::read_text(path);
    core::Plan bad = test::sample_plan();
    bad.villages[2].code.clear();  // found while the villages layer is half written
    core::Status status = io::write_plan(bad, path);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, core::ErrorCode::kFieldMissing);
    EXPECT_NE(status.error().message.find(path), std::string::npos) << status.error().message;
    EXPECT_NE(status.error().message.find("villages"), std::string::npos);
    EXPECT_NE(status.error().message.find("feature 3"), std::string::npos);
    EXPECT_EQ(test::read_text(path), before);
    EXPECT_EQ(folder_entries(dir.path()), std::vector<std::string>{"plan.gpkg"});
    EXPECT_TRUE(io::read_plan(path));
}

TEST(PlanFile, save_into_missing_folder_fails_cleanly) {
    test::TempDir dir;
    const std::string path = dir.file("no/such/folder/plan.gpkg");
    core::Status status = io::write_plan(test::sample_plan(), path);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, core::ErrorCode::kWriteFailed);
    EXPECT_NE(status.error().message.find(path), std::string::npos);
    EXPECT_TRUE(folder_entries(dir.path()).empty());
}

TEST(PlanFile, stale_temp_file_of_killed_save_is_harmless) {
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    ASSERT_TRUE(io::write_plan(test::sample_plan(), path));
    const std::string before = test::read_text(path);
    // A save killed half-way leaves its temporary file; ours (same pid) and another's.
    const std::string own = dir.file(".plan.gpkg.tmp-" + std::to_string(::getpid()));
    std::ofstream(own) << "SQLite format 3 -- truncated";
    std::ofstream(dir.file(".plan.gpkg.tmp-1")) << "garbage";
    core::Result<core::Plan> read = io::read_plan(path);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(test::read_text(path), before);
    core::Plan changed = read.value();
    changed.settings.reach_m = 4000.0;
    core::Status status = io::write_plan(changed, path);
    ASSERT_TRUE(status) << status.error().message;
    EXPECT_FALSE(fs::exists(own));
    core::Result<core::Plan> again = io::read_plan(path);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->settings.reach_m, 4000.0);
}

TEST(PlanFile, reads_geopackage_without_plan_meta) {
    test::TempDir dir;
    const std::string path = dir.file("其他软件.gpkg");
    write_foreign_gpkg(path, {"130705001001", "130705001002"}, {"枢纽型", ""});
    core::Result<core::Plan> read = io::read_plan(path);
    ASSERT_TRUE(read) << read.error().message;
    const core::Plan& plan = read.value();
    EXPECT_EQ(plan.name, "其他软件");
    EXPECT_EQ(plan.crs.epsg, 4547);
    EXPECT_FALSE(plan.crs.wkt.empty());
    EXPECT_EQ(plan.settings, core::PlanSettings{});
    ASSERT_EQ(plan.villages.size(), 2u);
    EXPECT_EQ(plan.villages[0].kind, core::VillageKind::kHub);
    EXPECT_EQ(plan.villages[1].kind, core::VillageKind::kUnknown);
    EXPECT_FALSE(plan.villages[0].population.has_value());
    ASSERT_EQ(plan.villages[0].extra.size(), 1u);
    EXPECT_EQ(plan.villages[0].extra[0].name, "DKMC");
    EXPECT_EQ(plan.villages[0].shape.parts.size(), 1u);
    EXPECT_TRUE(plan.roads.empty());
    EXPECT_TRUE(plan.sites.empty());
}

TEST(PlanFile, missing_villages_layer_names_file_and_layer) {
    test::TempDir dir;
    const std::string path = dir.file("towns.gpkg");
    write_foreign_gpkg(path, {"130705001"}, {""}, false);
    core::Result<core::Plan> read = io::read_plan(path);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, core::ErrorCode::kLayerNotFound);
    EXPECT_EQ(read.error().where.file, path);
    EXPECT_EQ(read.error().where.layer, "villages");
    EXPECT_NE(read.error().message.find(path), std::string::npos);
    EXPECT_NE(read.error().message.find("villages"), std::string::npos);
}

TEST(PlanFile, village_without_code_names_feature_and_field) {
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    write_foreign_gpkg(path, {"130705001001", ""}, {"", ""});
    core::Result<core::Plan> read = io::read_plan(path);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, core::ErrorCode::kFieldMissing);
    EXPECT_EQ(read.error().where.layer, "villages");
    EXPECT_EQ(read.error().where.feature, 2);
    EXPECT_EQ(read.error().where.field, "code");
    EXPECT_NE(read.error().message.find(path + ", layer 'villages', feature 2, field 'code'"),
              std::string::npos)
        << read.error().message;
}

TEST(PlanFile, unknown_kind_names_feature_and_field) {
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    write_foreign_gpkg(path, {"130705001001", "130705001002"}, {"hub", "suburban"});
    core::Result<core::Plan> read = io::read_plan(path);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, core::ErrorCode::kBadValue);
    EXPECT_EQ(read.error().where.feature, 2);
    EXPECT_EQ(read.error().where.field, "kind");
    EXPECT_NE(read.error().message.find("suburban"), std::string::npos);
}

TEST(PlanFile, missing_or_non_geopackage_file_is_an_error) {
    test::TempDir dir;
    core::Result<core::Plan> missing = io::read_plan(dir.file("nothing.gpkg"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, core::ErrorCode::kOpenFailed);
    std::ofstream(dir.file("notes.gpkg")) << "not a database";
    core::Result<core::Plan> junk = io::read_plan(dir.file("notes.gpkg"));
    ASSERT_FALSE(junk);
    EXPECT_EQ(junk.error().code, core::ErrorCode::kOpenFailed);
}

TEST(PlanFile, inspect_lists_layers_and_warnings) {
    test::TempDir dir;
    core::Plan plan = test::sample_plan();
    plan.joint_orgs[0].members.push_back("999999999999");
    const std::string path = dir.file("plan.gpkg");
    ASSERT_TRUE(io::write_plan(plan, path));
    core::Result<io::PlanFileInfo> info = io::inspect_plan(path);
    ASSERT_TRUE(info) << info.error().message;
    EXPECT_EQ(info->format_version, io::kPlanFormatVersion);
    EXPECT_EQ(info->crs_epsg, 4547);
    EXPECT_EQ(info->crs_name, plan.crs.name);
    ASSERT_EQ(info->layers.size(), 9u);
    EXPECT_EQ(info->layers[0].name, "villages");
    EXPECT_EQ(info->layers[0].geometry_type, "MultiPolygon");
    EXPECT_EQ(info->layers[0].features, 4);
    EXPECT_EQ(info->layers[3].geometry_type, "Point");
    auto has = [&](const std::string& text) {
        for (const std::string& w : info->warnings) {
            if (w.find(text) != std::string::npos) {
                return true;
            }
        }
        return false;
    };
    EXPECT_TRUE(has("2 of 4 villages have no population"));
    EXPECT_TRUE(has("1 of 2 sites have no village_code"));
    EXPECT_TRUE(has("999999999999"));
    EXPECT_FALSE(has("no code"));
    EXPECT_EQ(info->layers[7].name, "contiguity_edits");
    EXPECT_EQ(info->layers[7].geometry_type, "None");
    EXPECT_EQ(info->layers[7].features, 2);
}

TEST(PlanFile, contiguity_edits_layer_is_a_plain_table) {
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    ASSERT_TRUE(io::write_plan(test::sample_plan(), path));
    GDALDatasetUniquePtr ds = open_gpkg(path);
    OGRLayer* edits = ds->GetLayerByName("contiguity_edits");
    ASSERT_NE(edits, nullptr);
    EXPECT_EQ(edits->GetGeomType(), wkbNone);
    OGRFeatureUniquePtr first(edits->GetNextFeature());
    EXPECT_STREQ(first->GetFieldAsString("a"), "130705001001");
    EXPECT_STREQ(first->GetFieldAsString("b"), "130705001003");
    EXPECT_STREQ(first->GetFieldAsString("kind"), "link");
    EXPECT_STREQ(first->GetFieldAsString("reason"), "洋河大桥, 2019");
    OGRFeatureUniquePtr second(edits->GetNextFeature());
    EXPECT_STREQ(second->GetFieldAsString("kind"), "cut");
}

TEST(PlanFile, contiguity_edit_without_village_is_refused_on_save) {
    test::TempDir dir;
    core::Plan plan = test::sample_plan();
    plan.contiguity_edits[1].b.clear();
    core::Status status = io::write_plan(plan, dir.file("plan.gpkg"));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().where.layer, "contiguity_edits");
    EXPECT_EQ(status.error().where.feature, 2);
    EXPECT_EQ(status.error().where.field, "b");
}

TEST(PlanFile, plan_without_contiguity_edits_table_reads_with_none) {
    test::TempDir dir;
    const std::string path = dir.file("old.gpkg");
    write_foreign_gpkg(path, {"130705001001"}, {""});
    core::Result<core::Plan> read = io::read_plan(path);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_TRUE(read->contiguity_edits.empty());
    core::Result<io::PlanFileInfo> info = io::inspect_plan(path);
    ASSERT_TRUE(info);
    for (const std::string& w : info->warnings) {
        EXPECT_EQ(w.find("contiguity_edits"), std::string::npos) << w;
    }
}

// 50,000 villages (8-vertex squares with extra fields) written and read back; the times
// are printed for the report and bounded loosely so a Debug build on 2 cores passes.
TEST(PlanFile, large_plan_saves_and_loads_whole) {
    test::TempDir dir;
    core::Plan plan = test::sample_plan();
    core::Village model = plan.villages[0];
    plan.villages.clear();
    for (int i = 0; i < 50000; ++i) {
        core::Village v = model;
        v.code = std::to_string(130705000000LL + i);
        const double x = 500000.0 + (i % 250) * 1000.0;
        const double y = 4300000.0 + (i / 250) * 1000.0;
        v.shape = core::MultiPolygon{{core::Polygon{test::square(x, y, 1000.0), {}}}};
        plan.villages.push_back(std::move(v));
    }
    plan.joint_orgs.clear();
    plan.work_stations.clear();
    const std::string path = dir.file("big.gpkg");
    // Speed is measured in scripts/bench_io.sh, not here (no wall-clock limits in tests).
    ASSERT_TRUE(io::write_plan(plan, path));
    core::Result<core::Plan> read = io::read_plan(path);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->villages.size(), 50000u);
    EXPECT_EQ(read->villages.front(), plan.villages.front());
    EXPECT_EQ(read->villages.back(), plan.villages.back());
}

}  // namespace
}  // namespace beltplan
