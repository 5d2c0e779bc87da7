// A small plan built in code for the plan file and export tests: square villages in
// EPSG:4547 with a hole, an exclave, extra fields of every type, nulls and Chinese names.
#pragma once

#include "core/plan.h"

#include <ogr_spatialref.h>

#include <string>
#include <vector>

namespace beltplan::test {

// (115E, 39N) in EPSG:4547 (CGCS2000 3-degree GK, CM 114E): TOOLCHAIN.md.
inline constexpr double kSiteX = 586627.329;
inline constexpr double kSiteY = 4318979.756;

inline core::CrsInfo crs_4547() {
    OGRSpatialReference srs;
    srs.importFromEPSG(4547);
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, options);
    core::CrsInfo crs{4547, wkt, srs.GetName()};
    CPLFree(wkt);
    return crs;
}

// Closed square ring with lower-left (x, y) and side s.
inline core::Ring square(double x, double y, double s) {
    return {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}};
}

inline core::MultiPolygon square_shape(double x, double y, double s) {
    return core::MultiPolygon{{core::Polygon{square(x, y, s), {}}}};
}

inline core::Village village(const std::string& code, const std::string& name, int column) {
    core::Village v;
    v.code = code;
    v.name = name;
    v.town_code = "130705001";
    v.shape = square_shape(kSiteX - 2000.0 + 1000.0 * column, kSiteY - 500.0, 1000.0);
    return v;
}

inline void add_villages(core::Plan& plan) {
    core::Village a = village("130705001001", "屈家庄村", 0);
    a.shape.parts[0].holes.push_back(square(kSiteX - 1800.0, kSiteY - 300.0, 200.0));
    a.population = 1204;
    a.party_members = 37;
    a.collective_income_wan_yuan = 12.5;
    a.kind = core::VillageKind::kHub;
    a.weak_org = false;
    a.leader = true;
    a.seat = core::PointM{kSiteX - 1500.25, kSiteY + 0.125};
    a.extra = {{"XZQDM", core::FieldValue::of_text("130705001001")},
               {"面积", core::FieldValue::of_real(1.0625)},
               {"户数", core::FieldValue::of_integer(402)},
               {"备注", core::FieldValue::null()}};
    core::Village b = village("130705001002", "洋河南村", 1);
    b.shape.parts.push_back({square(kSiteX + 5000.0, kSiteY + 5000.0, 300.0), {}});  // exclave
    b.population = 860;
    b.kind = core::VillageKind::kHollow;
    b.weak_org = true;
    b.extra = {{"XZQDM", core::FieldValue::of_text("130705001002")},
               {"面积", core::FieldValue::null()},
               {"户数", core::FieldValue::of_integer(0)},
               {"备注", core::FieldValue::of_text("飞地, 北部")}};
    core::Village c = village("130705001003", "Xinzhuang", 2);
    c.extra = {{"XZQDM", core::FieldValue::null()},
               {"面积", core::FieldValue::of_real(-0.5)},
               {"户数", core::FieldValue::null()},
               {"备注", core::FieldValue::of_text("")}};
    core::Village d = village("130705001004", "赤城村", 3);
    d.collective_income_wan_yuan = 0.0;
    d.kind = core::VillageKind::kTidal;
    d.extra = {{"XZQDM", core::FieldValue::of_text("130705001004")},
               {"面积", core::FieldValue::of_real(3.0)},
               {"户数", core::FieldValue::of_integer(-7)},
               {"备注", core::FieldValue::null()}};
    plan.villages = {a, b, c, d};
}

inline void add_lines_and_points(core::Plan& plan) {
    core::Township t;
    t.code = "130705001";
    t.name = "洋河南镇";
    t.shape = square_shape(kSiteX - 2000.0, kSiteY - 500.0, 4000.0);
    t.extra = {{"NAME", core::FieldValue::of_text("collides with name")},
               {"rank", core::FieldValue::of_integer(2)}};
    plan.townships = {t};
    core::Road r1;
    r1.name = "张小线";
    r1.road_class = "county";
    r1.parts = {{{{kSiteX - 2500.0, kSiteY}, {kSiteX, kSiteY + 10.0}}},
                {{{kSiteX, kSiteY + 10.0}, {kSiteX + 2500.0, kSiteY}}}};
    r1.extra = {{"长度", core::FieldValue::of_real(5000.0)}};
    core::Road r2;
    r2.name = "宣赤线, 北段";
    r2.road_class = "township";
    r2.parts = {{{{kSiteX, kSiteY - 600.0}, {kSiteX, kSiteY + 600.0}}}};
    r2.extra = {{"长度", core::FieldValue::of_integer(1200)}};  // int in a real column
    plan.roads = {r1, r2};
    core::Site s1;
    s1.id = "S1";
    s1.name = "屈家庄党建示范点";
    s1.position = {kSiteX, kSiteY};
    s1.level = core::SiteLevel::kDistrict;
    s1.theme = "乡村振兴";
    s1.village_code = "130705001001";
    s1.extra = {{"score", core::FieldValue::of_integer(95)}};
    core::Site s2;
    s2.id = "S2";
    s2.name = "赤城示范点";
    s2.position = {kSiteX + 1500.0, kSiteY + 100.0};
    s2.level = core::SiteLevel::kTown;
    s2.extra = {{"score", core::FieldValue::null()}};
    plan.sites = {s1, s2};
}

// The whole fixture plan: 4 villages, 1 township, 2 roads, 2 sites, a joint organization,
// a belt, a work station and two contiguity edits, with non-default settings.
inline core::Plan sample_plan() {
    core::Plan plan;
    plan.name = "测试规划";
    plan.provenance = "built in code for tests";
    plan.crs = crs_4547();
    plan.settings.reach_m = 2500.5;
    plan.settings.distance = core::DistanceMode::kNetwork;
    add_villages(plan);
    add_lines_and_points(plan);
    plan.joint_orgs = {{"J1",
                        "屈家庄联合党委",
                        core::JointOrgMode::kStrongWeak,
                        {"130705001001", "130705001002"},
                        "130705001001"}};
    plan.belts = {{"B1", "洋河示范带", {"张小线", "宣赤线, 北段"}, 800.0}};
    plan.work_stations = {{"W1",
                           "第一党建工作站",
                           "130705001",
                           {"130705001001", "130705001002", "130705001003", "130705001004"},
                           "130705001003"}};
    plan.contiguity_edits = {{"130705001001", "130705001003", true, "洋河大桥, 2019"},
                             {"130705001003", "130705001004", false, ""}};
    return plan;
}

}  // namespace beltplan::test
