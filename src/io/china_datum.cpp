// GCJ-02 and BD-09 conversions: the published forward formulas and iterative inverses that
// invert them to well below a millimetre (the forward shift is smooth and small).
#include "io/china_datum.h"

#include <cmath>

namespace beltplan::io {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKrasovskyA = 6378245.0;                // semi-major axis, m
constexpr double kKrasovskyEe = 0.00669342162296594323;  // first eccentricity squared
constexpr double kBdXPi = kPi * 3000.0 / 180.0;          // Baidu's x_pi
constexpr double kInverseTolDeg = 1e-10;                 // about 0.01 mm
constexpr int kInverseMaxIterations = 30;

// The obfuscation polynomials of GCJ-02 in offsets from (105E, 35N).
double shift_lat(double x, double y) {
    double r =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
    r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
    return r;
}

double shift_lon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
    r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
    r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
    r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
    return r;
}

// Finds p with forward(p) == target by fixed-point iteration from `start`.
template <typename Forward>
core::LonLat invert(const core::LonLat& target, core::LonLat start, Forward forward) {
    core::LonLat p = start;
    for (int i = 0; i < kInverseMaxIterations; ++i) {
        const core::LonLat f = forward(p);
        const double d_lon = target.lon - f.lon;
        const double d_lat = target.lat - f.lat;
        p.lon += d_lon;
        p.lat += d_lat;
        if (std::fabs(d_lon) < kInverseTolDeg && std::fabs(d_lat) < kInverseTolDeg) {
            break;
        }
    }
    return p;
}

}  // namespace

bool in_china_box(const core::LonLat& p) {
    return p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}

core::LonLat wgs84_to_gcj02(const core::LonLat& wgs) {
    if (!in_china_box(wgs)) {
        return wgs;
    }
    const double x = wgs.lon - 105.0;
    const double y = wgs.lat - 35.0;
    double d_lat = shift_lat(x, y);
    double d_lon = shift_lon(x, y);
    const double rad_lat = wgs.lat / 180.0 * kPi;
    double magic = std::sin(rad_lat);
    magic = 1.0 - kKrasovskyEe * magic * magic;
    const double sqrt_magic = std::sqrt(magic);
    d_lat = (d_lat * 180.0) / ((kKrasovskyA * (1.0 - kKrasovskyEe)) / (magic * sqrt_magic) * kPi);
    d_lon = (d_lon * 180.0) / (kKrasovskyA / sqrt_magic * std::cos(rad_lat) * kPi);
    return {wgs.lon + d_lon, wgs.lat + d_lat};
}

core::LonLat gcj02_to_wgs84(const core::LonLat& gcj) {
    if (!in_china_box(gcj)) {
        return gcj;
    }
    return invert(gcj, gcj, wgs84_to_gcj02);
}

core::LonLat gcj02_to_bd09(const core::LonLat& gcj) {
    const double x = gcj.lon;
    const double y = gcj.lat;
    const double z = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kBdXPi);
    const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kBdXPi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

core::LonLat bd09_to_gcj02(const core::LonLat& bd) {
    // Baidu's own approximate inverse is the starting point; iteration removes its residual.
    const double x = bd.lon - 0.0065;
    const double y = bd.lat - 0.006;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kBdXPi);
    const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kBdXPi);
    const core::LonLat start{z * std::cos(theta), z * std::sin(theta)};
    return invert(bd, start, gcj02_to_bd09);
}

core::LonLat wgs84_to_bd09(const core::LonLat& wgs) {
    return gcj02_to_bd09(wgs84_to_gcj02(wgs));
}

core::LonLat bd09_to_wgs84(const core::LonLat& bd) {
    return gcj02_to_wgs84(bd09_to_gcj02(bd));
}

}  // namespace beltplan::io
