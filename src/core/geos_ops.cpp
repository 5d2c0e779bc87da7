// GEOS-backed operations on core geometry. Reentrant C API with one context per thread; the
// context's message handler keeps the last message so failures can be explained.
#include "core/geos_ops.h"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace beltplan::core {

namespace {

// ------------------------------------------------------------------------------------------
// [SECTION] Context and ownership
// ------------------------------------------------------------------------------------------

void remember_message(const char* message, void* user) {
    *static_cast<std::string*>(user) = message;
}

// One GEOS context per thread, destroyed with the thread.
class Context {
public:
    Context() : handle_(GEOS_init_r()) {
        GEOSContext_setErrorMessageHandler_r(handle_, remember_message, &last_error_);
        GEOSContext_setNoticeMessageHandler_r(handle_, remember_message, &last_notice_);
    }
    ~Context() { GEOS_finish_r(handle_); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    GEOSContextHandle_t get() const { return handle_; }
    const std::string& last_error() const { return last_error_; }

private:
    GEOSContextHandle_t handle_;
    std::string last_error_;
    std::string last_notice_;
};

GEOSContextHandle_t ctx() {
    thread_local Context context;
    return context.get();
}

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const {
        if (g != nullptr) {
            GEOSGeom_destroy_r(ctx(), g);
        }
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

// ------------------------------------------------------------------------------------------
// [SECTION] Conversion
// ------------------------------------------------------------------------------------------

// Builds a GEOS linear ring; nullptr when GEOS refuses (too few points, not closed).
GEOSGeometry* make_ring(const Ring& ring) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx(), static_cast<unsigned>(ring.size()), 2);
    if (seq == nullptr) {
        return nullptr;
    }
    for (unsigned i = 0; i < ring.size(); ++i) {
        GEOSCoordSeq_setXY_r(ctx(), seq, i, ring[i].x, ring[i].y);
    }
    return GEOSGeom_createLinearRing_r(ctx(), seq);  // takes seq, also on failure
}

GeomPtr make_polygon(const Polygon& polygon) {
    GEOSGeometry* shell = make_ring(polygon.outer);
    if (shell == nullptr) {
        return nullptr;
    }
    std::vector<GEOSGeometry*> holes;
    for (const Ring& h : polygon.holes) {
        GEOSGeometry* hole = make_ring(h);
        if (hole == nullptr) {
            GEOSGeom_destroy_r(ctx(), shell);
            for (GEOSGeometry* made : holes) {
                GEOSGeom_destroy_r(ctx(), made);
            }
            return nullptr;
        }
        holes.push_back(hole);
    }
    return GeomPtr(
        GEOSGeom_createPolygon_r(ctx(), shell, holes.data(), static_cast<unsigned>(holes.size())));
}

GeomPtr to_geos(const MultiPolygon& shape) {
    std::vector<GEOSGeometry*> parts;
    for (const Polygon& p : shape.parts) {
        GeomPtr g = make_polygon(p);
        if (!g) {
            for (GEOSGeometry* made : parts) {
                GEOSGeom_destroy_r(ctx(), made);
            }
            return nullptr;
        }
        parts.push_back(g.release());
    }
    return GeomPtr(GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOLYGON, parts.data(),
                                               static_cast<unsigned>(parts.size())));
}

Ring read_ring(const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx(), seq, &n);
    Ring out(n);
    for (unsigned i = 0; i < n; ++i) {
        GEOSCoordSeq_getXY_r(ctx(), seq, i, &out[i].x, &out[i].y);
    }
    return out;
}

// Appends every polygon found in g (recursing into collections) to out.
void collect_polygons(const GEOSGeometry* g, MultiPolygon& out) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx(), g) == 1) {
            return;
        }
        Polygon p;
        p.outer = read_ring(GEOSGetExteriorRing_r(ctx(), g));
        const int holes = GEOSGetNumInteriorRings_r(ctx(), g);
        for (int i = 0; i < holes; ++i) {
            p.holes.push_back(read_ring(GEOSGetInteriorRingN_r(ctx(), g, i)));
        }
        out.parts.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i) {
            collect_polygons(GEOSGetGeometryN_r(ctx(), g, i), out);
        }
    }
}

MultiPolygon from_geos(const GEOSGeometry* g) {
    MultiPolygon out;
    if (g != nullptr) {
        collect_polygons(g, out);
    }
    return out;
}

// A short reason for rings GEOS cannot even build.
std::string construction_problem(const MultiPolygon& shape) {
    for (const Polygon& p : shape.parts) {
        std::vector<const Ring*> rings{&p.outer};
        for (const Ring& h : p.holes) {
            rings.push_back(&h);
        }
        for (const Ring* r : rings) {
            if (r->size() < 4) {
                return "Too few points (a ring needs at least 4, first == last)";
            }
            if (r->front() != r->back()) {
                return "Ring not closed";
            }
            for (const PointM& q : *r) {
                if (!std::isfinite(q.x) || !std::isfinite(q.y)) {
                    return "Invalid coordinate (NaN or infinite)";
                }
            }
        }
    }
    return "";
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] Operations
// ------------------------------------------------------------------------------------------

std::string validity_problem(const MultiPolygon& shape) {
    if (shape.parts.empty()) {
        return "Empty geometry";
    }
    std::string problem = construction_problem(shape);
    if (!problem.empty()) {
        return problem;
    }
    GeomPtr g = to_geos(shape);
    if (!g) {
        return "GEOS could not build the polygon";
    }
    if (GEOSisValid_r(ctx(), g.get()) == 1) {
        return "";
    }
    char* reason = GEOSisValidReason_r(ctx(), g.get());
    problem = reason != nullptr ? reason : "invalid";
    GEOSFree_r(ctx(), reason);
    return problem;
}

MultiPolygon make_valid(const MultiPolygon& shape) {
    // Drop rings GEOS cannot construct (too few points, NaN) before repairing.
    MultiPolygon cleaned;
    for (const Polygon& p : shape.parts) {
        MultiPolygon one{{Polygon{p.outer, {}}}};
        if (!construction_problem(one).empty()) {
            continue;
        }
        Polygon kept{p.outer, {}};
        for (const Ring& h : p.holes) {
            if (construction_problem(MultiPolygon{{Polygon{h, {}}}}).empty()) {
                kept.holes.push_back(h);
            }
        }
        cleaned.parts.push_back(std::move(kept));
    }
    GeomPtr g = to_geos(cleaned);
    if (!g) {
        return {};
    }
    GeomPtr fixed(GEOSMakeValid_r(ctx(), g.get()));
    return from_geos(fixed.get());
}

MultiPolygon union_all(const std::vector<const MultiPolygon*>& shapes) {
    std::vector<GEOSGeometry*> parts;
    for (const MultiPolygon* s : shapes) {
        for (const Polygon& p : s->parts) {
            GeomPtr g = make_polygon(p);
            if (g) {
                parts.push_back(g.release());
            }
        }
    }
    if (parts.empty()) {
        return {};
    }
    GeomPtr all(GEOSGeom_createCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION, parts.data(),
                                            static_cast<unsigned>(parts.size())));
    GeomPtr merged(GEOSUnaryUnion_r(ctx(), all.get()));
    return from_geos(merged.get());
}

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b) {
    GeomPtr ga = to_geos(a);
    GeomPtr gb = to_geos(b);
    if (!ga || !gb) {
        return {};
    }
    GeomPtr r(GEOSIntersection_r(ctx(), ga.get(), gb.get()));
    return from_geos(r.get());
}

MultiPolygon snap_to_grid(const MultiPolygon& shape, double grid_m) {
    GeomPtr g = to_geos(shape);
    if (!g) {
        return {};
    }
    GeomPtr r(GEOSGeom_setPrecision_r(ctx(), g.get(), grid_m, 0));
    return from_geos(r.get());
}

namespace {

// True when the closed ring turns the same way at every vertex (collinear vertices allowed).
bool is_convex(const Ring& ring) {
    const std::size_t n = ring.size() - 1;  // closed: last == first
    int sign = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const PointM& a = ring[i];
        const PointM& b = ring[(i + 1) % n];
        const PointM& c = ring[(i + 2) % n];
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        const int s = cross > 0 ? 1 : (cross < 0 ? -1 : 0);
        if (s != 0 && sign != 0 && s != sign) {
            return false;
        }
        sign = s != 0 ? s : sign;
    }
    return sign != 0;
}

void append_triangles(const GEOSGeometry* g, std::vector<PointM>& out) {
    const int n = GEOSGetNumGeometries_r(ctx(), g);
    for (int i = 0; i < n; ++i) {
        const Ring ring = read_ring(GEOSGetExteriorRing_r(ctx(), GEOSGetGeometryN_r(ctx(), g, i)));
        if (ring.size() == 4) {
            out.insert(out.end(), ring.begin(), ring.begin() + 3);
        }
    }
}

}  // namespace

std::vector<PointM> triangulate(const MultiPolygon& shape) {
    std::vector<PointM> out;
    MultiPolygon rest;
    for (const Polygon& p : shape.parts) {
        if (p.holes.empty() && p.outer.size() >= 4 && is_convex(p.outer)) {
            for (std::size_t i = 1; i + 2 < p.outer.size(); ++i) {
                out.push_back(p.outer[0]);
                out.push_back(p.outer[i]);
                out.push_back(p.outer[i + 1]);
            }
        } else {
            rest.parts.push_back(p);
        }
    }
    if (rest.parts.empty()) {
        return out;
    }
    GeomPtr g = to_geos(rest);
    if (!g) {
        return out;
    }
    GeomPtr tris(GEOSConstrainedDelaunayTriangulation_r(ctx(), g.get()));
    if (tris) {
        append_triangles(tris.get(), out);
    }
    return out;
}

std::vector<MultiPolygon> voronoi_cells(const std::vector<PointM>& points,
                                        const MultiPolygon& clip) {
    std::vector<MultiPolygon> cells(points.size());
    if (points.empty()) {
        return cells;
    }
    std::vector<GEOSGeometry*> pts;
    pts.reserve(points.size());
    for (const PointM& p : points) {
        pts.push_back(GEOSGeom_createPointFromXY_r(ctx(), p.x, p.y));
    }
    GeomPtr sites(GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOINT, pts.data(),
                                              static_cast<unsigned>(pts.size())));
    GeomPtr clip_geom = to_geos(clip);
    if (!clip_geom) {
        return cells;
    }
    Box box = bounds(clip);
    for (const PointM& p : points) {
        box.expand(p);
    }
    const double margin = std::max(box.width(), box.height());
    GeomPtr env(GEOSGeom_createRectangle_r(ctx(), box.min_x - margin, box.min_y - margin,
                                           box.max_x + margin, box.max_y + margin));
    GeomPtr diagram(GEOSVoronoiDiagram_r(ctx(), sites.get(), env.get(), 0.0, 0));
    if (!diagram) {
        return cells;
    }
    // GEOS 3.11 does not keep input order: match each cell to the site inside it, finding
    // candidate cells for each site through an STR tree of the cells' envelopes.
    const int n = GEOSGetNumGeometries_r(ctx(), diagram.get());
    std::vector<MultiPolygon> raw(static_cast<std::size_t>(n));
    std::vector<int> ids(static_cast<std::size_t>(n));
    GEOSSTRtree* tree = GEOSSTRtree_create_r(ctx(), 10);
    for (int c = 0; c < n; ++c) {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(ctx(), diagram.get(), c);
        raw[static_cast<std::size_t>(c)] = from_geos(cell);
        ids[static_cast<std::size_t>(c)] = c;
        GEOSSTRtree_insert_r(ctx(), tree, cell, &ids[static_cast<std::size_t>(c)]);
    }
    const GEOSPreparedGeometry* prepared_clip = GEOSPrepare_r(ctx(), clip_geom.get());
    std::vector<int> candidates;
    auto collect = [](void* item, void* user) {
        static_cast<std::vector<int>*>(user)->push_back(*static_cast<int*>(item));
    };
    for (std::size_t i = 0; i < points.size(); ++i) {
        candidates.clear();
        GEOSSTRtree_query_r(ctx(), tree, pts[i], collect, &candidates);
        for (int c : candidates) {
            if (!contains(raw[static_cast<std::size_t>(c)], points[i])) {
                continue;
            }
            const GEOSGeometry* cell = GEOSGetGeometryN_r(ctx(), diagram.get(), c);
            if (GEOSPreparedContains_r(ctx(), prepared_clip, cell) == 1) {
                cells[i] = raw[static_cast<std::size_t>(c)];
            } else {
                GeomPtr clipped(GEOSIntersection_r(ctx(), cell, clip_geom.get()));
                cells[i] = from_geos(clipped.get());
            }
            break;
        }
    }
    GEOSSTRtree_destroy_r(ctx(), tree);
    GEOSPreparedGeom_destroy_r(ctx(), prepared_clip);
    return cells;
}

}  // namespace beltplan::core
