// The generated district outline: a smooth irregular star-shaped polygon stretched to the real
// bounding box of 宣化区 and scaled to its real area; and the check against the real outline.
#pragma once

#include "core/geometry.h"
#include "core/result.h"
#include "io/crs.h"
#include "sample/rng.h"

#include <string>
#include <vector>

namespace beltplan::tools {

// Facts the outline is shaped by (WGS-84 degrees, km^2).
struct OutlineSpec {
    core::Box bbox_ll;          // x = lon, y = lat
    double area_km2 = 0.0;      // target area
    core::LonLat star_centre;   // centre of the star shape
    core::LonLat must_contain;  // the city seat, kept well inside
    double clearance_m = 0.0;   // least distance from must_contain to the boundary
    int vertices = 1080;
    int candidates = 30;  // acceptable draws compared
};

struct Outline {
    core::Polygon shape;                // metres, coordinates on the 0.01 m grid
    std::vector<core::LonLat> ring_ll;  // the same ring in degrees, before projection
    double area_km2 = 0.0;
    double sharpness = 0.0;  // the exponent found for the area
    int attempt = 0;         // index of the chosen draw
};

// Draws harmonics, stretches each shape to the bbox and bisects its lobe sharpness until the
// projected area matches; of the draws keeping must_contain clear of the boundary, returns
// the least spiky.
core::Result<Outline> make_outline(const OutlineSpec& spec, const io::CoordinateTransform& to_m,
                                   Rng& rng);

// Figures comparing the generated outline with the real one.
struct OutlineCheck {
    double real_area_km2 = 0.0;
    double generated_area_km2 = 0.0;
    core::Box real_bbox_ll;
    core::Box generated_bbox_ll;
    double intersection_km2 = 0.0;
    double iou = 0.0;  // intersection over union
};

// Reads the real outline (any OGR source, lon/lat) only to compare; nothing of it is kept.
core::Result<OutlineCheck> check_outline(const std::string& path, const Outline& outline,
                                         const io::CoordinateTransform& to_m);

// Rounds a coordinate to the 0.01 m grid every generated coordinate lies on.
inline double round_cm(double v) {
    return std::round(v * 100.0) / 100.0;
}
inline core::PointM round_cm(const core::PointM& p) {
    return {round_cm(p.x), round_cm(p.y)};
}

}  // namespace beltplan::tools
