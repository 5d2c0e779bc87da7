// GCJ-02 / BD-09 conversions: known points from the Zhangjiakou county centres (AMap GCJ-02
// with their standard-formula WGS-84), round trips, and no shift outside China.
#include "io/china_datum.h"

#include <gtest/gtest.h>

#include <cmath>

namespace beltplan::io {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Ground distance between two nearby lon/lat points, metres (spherical, fine below 1 km).
double metres_between(const core::LonLat& a, const core::LonLat& b) {
    const double r = 6371000.0;
    const double dx = (a.lon - b.lon) * kPi / 180.0 * std::cos(a.lat * kPi / 180.0) * r;
    const double dy = (a.lat - b.lat) * kPi / 180.0 * r;
    return std::hypot(dx, dy);
}

struct KnownPoint {
    const char* name;
    core::LonLat gcj;
    core::LonLat wgs;
};

// Rows of /work/shared/data/xuanhua/zhangjiakou_county_centers.csv (6 decimals).
const KnownPoint kKnown[] = {
    {"桥东区", {114.894189, 40.788434}, {114.888078, 40.787138}},
    {"宣化区", {115.099494, 40.608793}, {115.092883, 40.607252}},
    {"下花园区", {115.287352, 40.502652}, {115.280938, 40.501331}},
    {"康保县", {114.600404, 41.852368}, {114.594163, 41.850505}},
    {"蔚县", {114.588903, 39.840842}, {114.582909, 39.839847}},
};

TEST(ChinaDatum, gcj02_to_wgs84_matches_known_county_centres) {
    for (const KnownPoint& p : kKnown) {
        const core::LonLat wgs = gcj02_to_wgs84(p.gcj);
        EXPECT_NEAR(wgs.lon, p.wgs.lon, 1.5e-6) << p.name;
        EXPECT_NEAR(wgs.lat, p.wgs.lat, 1.5e-6) << p.name;
    }
}

TEST(ChinaDatum, wgs84_to_gcj02_matches_known_county_centres) {
    for (const KnownPoint& p : kKnown) {
        const core::LonLat gcj = wgs84_to_gcj02(p.wgs);
        EXPECT_NEAR(gcj.lon, p.gcj.lon, 1.5e-6) << p.name;
        EXPECT_NEAR(gcj.lat, p.gcj.lat, 1.5e-6) << p.name;
    }
}

TEST(ChinaDatum, shift_near_xuanhua_is_about_660_m_east_and_170_m_north) {
    const core::LonLat wgs{115.092883, 40.607252};
    const core::LonLat gcj = wgs84_to_gcj02(wgs);
    EXPECT_NEAR(gcj.lon - wgs.lon, 0.0066, 0.0002);
    EXPECT_NEAR(gcj.lat - wgs.lat, 0.0015, 0.0002);
}

TEST(ChinaDatum, gcj02_round_trip_is_below_a_centimetre) {
    const core::LonLat points[] = {{115.06, 40.61}, {116.391, 39.907}, {121.47, 31.23},
                                   {113.26, 23.13}, {87.62, 43.82},    {126.63, 45.75},
                                   {91.11, 29.65},  {110.35, 20.02}};
    for (const core::LonLat& wgs : points) {
        const core::LonLat back = gcj02_to_wgs84(wgs84_to_gcj02(wgs));
        EXPECT_LT(metres_between(back, wgs), 0.01) << wgs.lon << ", " << wgs.lat;
        // The shift itself is hundreds of metres, so the test above is not trivial.
        EXPECT_GT(metres_between(wgs84_to_gcj02(wgs), wgs), 50.0);
    }
}

TEST(ChinaDatum, bd09_round_trips_are_below_a_centimetre) {
    const core::LonLat points[] = {
        {115.06, 40.61}, {116.391, 39.907}, {121.47, 31.23}, {113.26, 23.13}};
    for (const core::LonLat& p : points) {
        EXPECT_LT(metres_between(bd09_to_gcj02(gcj02_to_bd09(p)), p), 0.01);
        EXPECT_LT(metres_between(bd09_to_wgs84(wgs84_to_bd09(p)), p), 0.01);
    }
}

TEST(ChinaDatum, bd09_offset_from_gcj02_is_baidus_published_one) {
    // Baidu's formula adds about 0.0065 deg lon and 0.006 deg lat near Beijing.
    const core::LonLat gcj{116.404, 39.915};
    const core::LonLat bd = gcj02_to_bd09(gcj);
    EXPECT_NEAR(bd.lon - gcj.lon, 0.0065, 0.0007);
    EXPECT_NEAR(bd.lat - gcj.lat, 0.006, 0.0007);
}

TEST(ChinaDatum, no_shift_outside_china) {
    const core::LonLat paris{2.35, 48.85};
    EXPECT_FALSE(in_china_box(paris));
    const core::LonLat gcj = wgs84_to_gcj02(paris);
    EXPECT_EQ(gcj.lon, paris.lon);
    EXPECT_EQ(gcj.lat, paris.lat);
    const core::LonLat wgs = gcj02_to_wgs84(paris);
    EXPECT_EQ(wgs.lon, paris.lon);
    EXPECT_EQ(wgs.lat, paris.lat);
    EXPECT_TRUE(in_china_box({115.0, 40.6}));
}

}  // namespace
}  // namespace beltplan::io
