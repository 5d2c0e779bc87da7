// Outline generation (harmonic star shape, bbox stretch, area bisection) and its GDAL check.
#include "sample/outline.h"

#include "core/geos_ops.h"

#include <gdal.h>
#include <ogr_api.h>

#include <cmath>
#include <memory>

namespace beltplan::tools {

namespace {

struct Harmonic {
    int k = 0;
    double amplitude = 0.0;
    double phase = 0.0;
};

struct Harmonics {
    std::vector<Harmonic> low;   // lobes, scaled by the sharpness
    std::vector<Harmonic> high;  // boundary wiggle, fixed
};

Harmonics draw_harmonics(Rng& rng) {
    Harmonics h;
    for (int k = 1; k <= 5; ++k) {
        h.low.push_back({k, rng.uniform(0.3, 1.0) / k, rng.uniform(0.0, 2.0 * Rng::kPi)});
    }
    for (int k = 6; k <= 60; ++k) {
        h.high.push_back({k, rng.uniform(0.4, 1.0) * 0.35 / std::pow(k, 1.25),
                          rng.uniform(0.0, 2.0 * Rng::kPi)});
    }
    return h;
}

double sum(const std::vector<Harmonic>& hs, double theta) {
    double s = 0.0;
    for (const Harmonic& h : hs) {
        s += h.amplitude * std::cos(h.k * theta - h.phase);
    }
    return s;
}

// The ring in degrees for one sharpness: star shape stretched exactly onto the bbox.
std::vector<core::LonLat> ring_for(const Harmonics& h, double sharpness, const OutlineSpec& spec) {
    const int n = spec.vertices;
    const double cos_lat = std::cos(spec.star_centre.lat * Rng::kPi / 180.0);
    std::vector<core::PointM> u(static_cast<std::size_t>(n));
    core::Box box;
    for (int i = 0; i < n; ++i) {
        const double theta = 2.0 * Rng::kPi * i / n;
        const double r = std::exp(sharpness * sum(h.low, theta) + sum(h.high, theta));
        u[static_cast<std::size_t>(i)] = {r * std::cos(theta) / cos_lat, r * std::sin(theta)};
        box.expand(u[static_cast<std::size_t>(i)]);
    }
    // Place the star centre at its spec position by scaling each side of it separately, so
    // the shape touches all four sides of the bbox.
    const core::Box& b = spec.bbox_ll;
    std::vector<core::LonLat> ring;
    ring.reserve(static_cast<std::size_t>(n) + 1);
    for (const core::PointM& p : u) {
        const double lon =
            p.x < 0 ? spec.star_centre.lon + p.x / box.min_x * (b.min_x - spec.star_centre.lon)
                    : spec.star_centre.lon + p.x / box.max_x * (b.max_x - spec.star_centre.lon);
        const double lat =
            p.y < 0 ? spec.star_centre.lat + p.y / box.min_y * (b.min_y - spec.star_centre.lat)
                    : spec.star_centre.lat + p.y / box.max_y * (b.max_y - spec.star_centre.lat);
        ring.push_back({lon, lat});
    }
    ring.push_back(ring.front());
    return ring;
}

core::Polygon project(const std::vector<core::LonLat>& ring_ll, const io::CoordinateTransform& t) {
    std::vector<double> x(ring_ll.size());
    std::vector<double> y(ring_ll.size());
    for (std::size_t i = 0; i < ring_ll.size(); ++i) {
        x[i] = ring_ll[i].lon;
        y[i] = ring_ll[i].lat;
    }
    t.apply(x.data(), y.data(), x.size());
    core::Polygon p;
    for (std::size_t i = 0; i < x.size(); ++i) {
        p.outer.push_back(round_cm(core::PointM{x[i], y[i]}));
    }
    p.outer.back() = p.outer.front();
    return p;
}

double area_km2_of(const core::Polygon& p) {
    return core::area_m2(p) / 1e6;
}

}  // namespace

namespace {

// One draw: the sharpness giving the target area (bisection after a coarse scan); the
// outline is empty when the draw cannot reach the area or misses the constraints.
Outline fit_draw(const Harmonics& h, const OutlineSpec& spec, const io::CoordinateTransform& to_m,
                 const core::PointM& city) {
    double lo = 0.0;
    double hi = -1.0;
    if (area_km2_of(project(ring_for(h, 0.0, spec), to_m)) < spec.area_km2) {
        return {};
    }
    for (double s = 0.05; s <= 4.0; s += 0.05) {
        if (area_km2_of(project(ring_for(h, s, spec), to_m)) < spec.area_km2) {
            hi = s;
            break;
        }
        lo = s;
    }
    if (hi < 0) {
        return {};
    }
    for (int i = 0; i < 50; ++i) {
        const double mid = 0.5 * (lo + hi);
        (area_km2_of(project(ring_for(h, mid, spec), to_m)) < spec.area_km2 ? hi : lo) = mid;
    }
    Outline out;
    out.sharpness = 0.5 * (lo + hi);
    out.ring_ll = ring_for(h, out.sharpness, spec);
    out.shape = project(out.ring_ll, to_m);
    out.area_km2 = area_km2_of(out.shape);
    const core::MultiPolygon mp{{out.shape}};
    double clearance = 1e30;
    for (std::size_t i = 0; i + 1 < out.shape.outer.size(); ++i) {
        clearance = std::min(clearance, core::distance_to_segment_m(city, out.shape.outer[i],
                                                                    out.shape.outer[i + 1]));
    }
    if (!core::contains(mp, city) || clearance < spec.clearance_m ||
        !core::validity_problem(mp).empty()) {
        return {};
    }
    return out;
}

}  // namespace

core::Result<Outline> make_outline(const OutlineSpec& spec, const io::CoordinateTransform& to_m,
                                   Rng& rng) {
    double cx = spec.must_contain.lon;
    double cy = spec.must_contain.lat;
    to_m.apply(cx, cy);
    const core::PointM city{cx, cy};
    // Of the first draws that meet the constraints, keep the least spiky one (the smallest
    // sharpness reaching the area): lobes stay broad instead of thin.
    Outline best;
    int accepted = 0;
    for (int attempt = 0; attempt < 400 && accepted < spec.candidates; ++attempt) {
        const Harmonics h = draw_harmonics(rng);
        Outline out = fit_draw(h, spec, to_m, city);
        if (out.shape.outer.empty()) {
            continue;
        }
        ++accepted;
        out.attempt = attempt;
        if (best.shape.outer.empty() || out.sharpness < best.sharpness) {
            best = std::move(out);
        }
    }
    if (best.shape.outer.empty()) {
        return core::make_error(core::ErrorCode::kInternal, {},
                                "no outline draw met the area and city clearance constraints");
    }
    return best;
}

// ------------------------------------------------------------------------------------------
// Check against the real outline (read with OGR, never stored)
// ------------------------------------------------------------------------------------------

namespace {

struct DatasetCloser {
    void operator()(void* ds) const { GDALClose(ds); }
};

core::Ring read_ring(OGRGeometryH ring, const io::CoordinateTransform& to_m, core::Box& bbox_ll) {
    core::Ring out;
    const int n = OGR_G_GetPointCount(ring);
    for (int i = 0; i < n; ++i) {
        double x = OGR_G_GetX(ring, i);
        double y = OGR_G_GetY(ring, i);
        bbox_ll.expand(core::PointM{x, y});
        to_m.apply(x, y);
        out.push_back({x, y});
    }
    return out;
}

void read_polygons(OGRGeometryH g, const io::CoordinateTransform& to_m, core::MultiPolygon& out,
                   core::Box& bbox_ll) {
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type == wkbPolygon) {
        core::Polygon p;
        for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) {
            core::Ring ring = read_ring(OGR_G_GetGeometryRef(g, r), to_m, bbox_ll);
            (r == 0 ? p.outer : p.holes.emplace_back()) = std::move(ring);
        }
        out.parts.push_back(std::move(p));
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            read_polygons(OGR_G_GetGeometryRef(g, i), to_m, out, bbox_ll);
        }
    }
}

}  // namespace

core::Result<OutlineCheck> check_outline(const std::string& path, const Outline& outline,
                                         const io::CoordinateTransform& to_m) {
    GDALAllRegister();
    std::unique_ptr<void, DatasetCloser> ds(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!ds) {
        return core::make_error(core::ErrorCode::kOpenFailed, {path, "", -1, ""},
                                "the real outline cannot be opened");
    }
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
    OutlineCheck check;
    core::MultiPolygon real;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
            read_polygons(g, to_m, real, check.real_bbox_ll);
        }
        OGR_F_Destroy(f);
    }
    if (real.empty()) {
        return core::make_error(core::ErrorCode::kEmptyGeometry, {path, "", -1, ""},
                                "the real outline has no polygon");
    }
    const core::MultiPolygon generated{{outline.shape}};
    for (const core::LonLat& ll : outline.ring_ll) {
        check.generated_bbox_ll.expand(core::PointM{ll.lon, ll.lat});
    }
    check.real_area_km2 = core::area_m2(real) / 1e6;
    check.generated_area_km2 = core::area_m2(generated) / 1e6;
    check.intersection_km2 = core::area_m2(core::intersection(real, generated)) / 1e6;
    check.iou = check.intersection_km2 /
                (check.real_area_km2 + check.generated_area_km2 - check.intersection_km2);
    return check;
}

}  // namespace beltplan::tools
