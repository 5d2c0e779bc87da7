// Planar geometry value types in metres of the plan's projected CRS, and the few exact
// helpers analysis needs (area, centroid, point-in-polygon, distances). No GEOS here.
#pragma once

#include <limits>
#include <vector>

namespace beltplan::core {

// A point in metres (easting x, northing y) of the plan's projected CRS.
struct PointM {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const PointM& o) const { return x == o.x && y == o.y; }
    bool operator!=(const PointM& o) const { return !(*this == o); }
};

// A geographic point in degrees. Never mixed with PointM: io converts between them.
struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
};

// Closed ring: front() == back(). Exterior rings counter-clockwise is not required.
using Ring = std::vector<PointM>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
    bool operator==(const Polygon& o) const { return outer == o.outer && holes == o.holes; }
};

// A village or township shape; exclaves are extra parts.
struct MultiPolygon {
    std::vector<Polygon> parts;
    bool empty() const { return parts.empty(); }
    bool operator==(const MultiPolygon& o) const { return parts == o.parts; }
};

struct LineString {
    std::vector<PointM> points;
    bool operator==(const LineString& o) const { return points == o.points; }
};

struct Box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();
    bool valid() const { return min_x <= max_x && min_y <= max_y; }
    void expand(const PointM& p);
    void expand(const Box& b);
    bool contains(const PointM& p) const;
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
};

// Signed shoelace area of a closed ring (positive when counter-clockwise), m^2.
double signed_area_m2(const Ring& ring);
// Area of a polygon: |outer| minus |holes|, m^2.
double area_m2(const Polygon& polygon);
double area_m2(const MultiPolygon& shape);
// Area centroid of a shape (holes and parts weighted); the first vertex for degenerate input.
PointM centroid(const MultiPolygon& shape);
// True when p lies inside the shape (boundary counts as inside).
bool contains(const MultiPolygon& shape, const PointM& p);
// Straight-line distance between two points, metres.
double distance_m(const PointM& a, const PointM& b);
// Distance from p to segment ab, metres.
double distance_to_segment_m(const PointM& p, const PointM& a, const PointM& b);
// Distance from p to the nearest boundary or interior point of the shape (0 inside), metres.
double distance_to_shape_m(const MultiPolygon& shape, const PointM& p);
// Length of a polyline, metres.
double length_m(const LineString& line);
Box bounds(const MultiPolygon& shape);
Box bounds(const LineString& line);
// Number of vertices of all rings.
std::size_t vertex_count(const MultiPolygon& shape);

}  // namespace beltplan::core
