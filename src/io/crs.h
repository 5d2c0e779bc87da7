// Coordinate reference systems through PROJ: transforms in traditional GIS axis order
// (lon/lat, easting/northing), the CGCS2000 3-degree Gauss-Krueger zone of a longitude, and
// the description of a CRS kept in the plan.
#pragma once

#include "core/plan.h"
#include "core/result.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace beltplan::io {

// CGCS2000 geographic CRS: lon/lat on the CGCS2000 ellipsoid.
inline constexpr int kCgcs2000Epsg = 4490;

// Central meridian (degrees east) of the 3-degree zone nearest to `lon_deg`: 3 * round(lon/3),
// clamped to the CGCS2000 zones 75E..135E.
int gk3_central_meridian(double lon_deg);
// EPSG code of the CGCS2000 3-degree GK CRS without zone prefix for that central meridian:
// 4534 for 75E, +1 per 3 degrees (114E -> 4547).
int gk3_zone_epsg(double lon_deg);

// A PROJ transform between two CRS, both in traditional GIS order. Holds a PJ made in the
// creating thread's PROJ context: use it on that thread only.
class CoordinateTransform {
public:
    // Builds the transform; `from` and `to` are anything PROJ reads ("EPSG:4490", WKT, PROJ
    // strings). Error kBadCrs names the definition PROJ refused and PROJ's reason.
    static core::Result<CoordinateTransform> create(const std::string& from, const std::string& to);
    CoordinateTransform(CoordinateTransform&& other) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&& other) noexcept;
    ~CoordinateTransform();

    // Transforms n points in place; false when any point fails or is not finite.
    bool apply(double* x, double* y, std::size_t n) const;
    // Transforms one point; false on failure (x, y then unchanged).
    bool apply(double& x, double& y) const;

private:
    struct Impl;
    explicit CoordinateTransform(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// EPSG code, WKT2 and name of a CRS definition; kBadCrs when PROJ cannot read it.
core::Result<core::CrsInfo> describe_crs(const std::string& definition);

// True when the definition is a geographic (lon/lat) CRS; false for projected or unreadable.
bool is_geographic_crs(const std::string& definition);

// The area a CRS is meant for, in degrees (west may exceed east across the antimeridian).
struct AreaOfUse {
    double west = 0.0;
    double south = 0.0;
    double east = 0.0;
    double north = 0.0;
};
// The CRS's area of use from the EPSG database; nullopt when it has none (a .prj without an
// EPSG identity) or cannot be read.
std::optional<AreaOfUse> area_of_use(const std::string& definition);
// The false easting of a Transverse Mercator CRS in metres (38500000 for a zone-prefixed
// Gauss-Kruger zone 38); nullopt for other projections.
std::optional<double> tmerc_false_easting(const std::string& definition);
// The name of the CRS's datum ("Xian 1980", "Beijing 1954", "China 2000"); "" when unknown.
std::string datum_name(const std::string& definition);
// How far (metres) EPSG's published Beijing 1954 to WGS 84 shift `operation_epsg` (e.g. 15918)
// moves a point at (lon, lat); nullopt when PROJ cannot apply it.
std::optional<double> datum_shift_m(int operation_epsg, double lon, double lat);

}  // namespace beltplan::io
