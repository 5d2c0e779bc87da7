// PROJ transforms in traditional GIS order, the CGCS2000 3-degree GK zone choice, and the
// description of a plan CRS.
#include "io/crs.h"

#include <gtest/gtest.h>

namespace beltplan::io {
namespace {

// (115E, 39N) in EPSG:4547 (CGCS2000 / 3-degree GK CM 114E), from TOOLCHAIN.md.
constexpr double kEasting = 586627.329;
constexpr double kNorthing = 4318979.756;

TEST(Crs, gk3_zone_follows_the_central_meridian) {
    EXPECT_EQ(gk3_central_meridian(115.0), 114);
    EXPECT_EQ(gk3_central_meridian(115.6), 117);
    EXPECT_EQ(gk3_central_meridian(75.2), 75);
    EXPECT_EQ(gk3_zone_epsg(75.0), 4534);
    EXPECT_EQ(gk3_zone_epsg(114.0), 4547);
    EXPECT_EQ(gk3_zone_epsg(115.06), 4547);
    EXPECT_EQ(gk3_zone_epsg(116.4), 4548);
    EXPECT_EQ(gk3_zone_epsg(135.0), 4554);
    EXPECT_EQ(gk3_zone_epsg(140.0), 4554);  // clamped to the last CGCS2000 zone
}

TEST(Crs, wgs84_lon_lat_projects_to_the_known_gk_point) {
    core::Result<CoordinateTransform> t = CoordinateTransform::create("EPSG:4326", "EPSG:4547");
    ASSERT_TRUE(t) << t.error().message;
    double x = 115.0;
    double y = 39.0;
    ASSERT_TRUE(t->apply(x, y));
    EXPECT_NEAR(x, kEasting, 0.001);
    EXPECT_NEAR(y, kNorthing, 0.001);
}

TEST(Crs, cgcs2000_lon_lat_projects_to_the_known_gk_point) {
    core::Result<CoordinateTransform> t = CoordinateTransform::create("EPSG:4490", "EPSG:4547");
    ASSERT_TRUE(t) << t.error().message;
    double x = 115.0;
    double y = 39.0;
    ASSERT_TRUE(t->apply(x, y));
    EXPECT_NEAR(x, kEasting, 0.001);
    EXPECT_NEAR(y, kNorthing, 0.001);
}

TEST(Crs, zone_prefixed_gk_source_gives_the_same_point) {
    // EPSG:4526 is zone 38 with false easting 38,500,000.
    core::Result<CoordinateTransform> t = CoordinateTransform::create("EPSG:4526", "EPSG:4547");
    ASSERT_TRUE(t) << t.error().message;
    double x = 38000000.0 + kEasting;
    double y = kNorthing;
    ASSERT_TRUE(t->apply(x, y));
    EXPECT_NEAR(x, kEasting, 0.001);
    EXPECT_NEAR(y, kNorthing, 0.001);
}

TEST(Crs, inverse_gives_lon_lat_in_traditional_order) {
    core::Result<CoordinateTransform> t = CoordinateTransform::create("EPSG:4547", "EPSG:4490");
    ASSERT_TRUE(t) << t.error().message;
    double x = kEasting;
    double y = kNorthing;
    ASSERT_TRUE(t->apply(x, y));
    EXPECT_NEAR(x, 115.0, 1e-8);
    EXPECT_NEAR(y, 39.0, 1e-8);
}

TEST(Crs, many_points_transform_in_one_call) {
    core::Result<CoordinateTransform> t = CoordinateTransform::create("EPSG:4490", "EPSG:4547");
    ASSERT_TRUE(t);
    double xs[] = {115.0, 114.0};
    double ys[] = {39.0, 39.0};
    ASSERT_TRUE(t->apply(xs, ys, 2));
    EXPECT_NEAR(xs[0], kEasting, 0.001);
    EXPECT_NEAR(xs[1], 500000.0, 0.001);  // on the central meridian
}

TEST(Crs, unknown_crs_is_a_bad_crs_error) {
    core::Result<CoordinateTransform> t = CoordinateTransform::create("EPSG:999999", "EPSG:4547");
    ASSERT_FALSE(t);
    EXPECT_EQ(t.error().code, core::ErrorCode::kBadCrs);
    EXPECT_NE(t.error().message.find("EPSG:999999"), std::string::npos);
}

TEST(Crs, describe_gives_epsg_name_and_wkt) {
    core::Result<core::CrsInfo> info = describe_crs("EPSG:4547");
    ASSERT_TRUE(info) << info.error().message;
    EXPECT_EQ(info->epsg, 4547);
    EXPECT_NE(info->name.find("CGCS2000"), std::string::npos);
    EXPECT_NE(info->name.find("114E"), std::string::npos);
    EXPECT_EQ(info->wkt.rfind("PROJCRS", 0), 0u);
}

TEST(Crs, describe_identifies_epsg_of_plain_wkt) {
    core::Result<core::CrsInfo> info = describe_crs("EPSG:4547");
    ASSERT_TRUE(info);
    // Strip the ID so the code must be found by identification.
    std::string wkt = info->wkt;
    const std::size_t id = wkt.rfind(",\n    ID[");
    ASSERT_NE(id, std::string::npos);
    wkt = wkt.substr(0, id) + "]";
    core::Result<core::CrsInfo> again = describe_crs(wkt);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->epsg, 4547);
}

TEST(Crs, geographic_and_projected_are_told_apart) {
    EXPECT_TRUE(is_geographic_crs("EPSG:4326"));
    EXPECT_TRUE(is_geographic_crs("EPSG:4490"));
    EXPECT_FALSE(is_geographic_crs("EPSG:4547"));
    EXPECT_FALSE(is_geographic_crs("not a crs"));
}

}  // namespace
}  // namespace beltplan::io
