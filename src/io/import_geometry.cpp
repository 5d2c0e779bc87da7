// Projection of OGR geometries through our PROJ transform (an OGRCoordinateTransformation
// adapter), conversion to core types, and validity repair with the counts for the report.
#include "io/import_geometry.h"

#include "core/geos_ops.h"

#include <cmath>
#include <vector>

namespace beltplan::io {

namespace {

// Lets OGRGeometry::transform walk every vertex through a CoordinateTransform.
class ProjAdapter : public OGRCoordinateTransformation {
public:
    explicit ProjAdapter(const CoordinateTransform& transform) : transform_(transform) {}
    using OGRCoordinateTransformation::Transform;
    OGRSpatialReference* GetSourceCS() override { return nullptr; }
    OGRSpatialReference* GetTargetCS() override { return nullptr; }
    int Transform(int count, double* x, double* y, double* /*z*/, double* /*t*/,
                  int* success) override {
        const bool all_ok = count <= 0 || transform_.apply(x, y, static_cast<std::size_t>(count));
        if (success != nullptr) {
            for (int i = 0; i < count; ++i) {
                success[i] = std::isfinite(x[i]) && std::isfinite(y[i]) ? TRUE : FALSE;
            }
        }
        return all_ok ? TRUE : FALSE;
    }
    OGRCoordinateTransformation* Clone() const override { return new ProjAdapter(transform_); }
    OGRCoordinateTransformation* GetInverse() const override { return nullptr; }

private:
    const CoordinateTransform& transform_;
};

// A projected copy of the geometry, or null when a vertex cannot be transformed.
GeometryPtr projected(const OGRGeometry& geometry, const CoordinateTransform& transform) {
    GeometryPtr copy(geometry.clone());
    ProjAdapter adapter(transform);
    if (copy->transform(&adapter) != OGRERR_NONE) {
        return nullptr;
    }
    return copy;
}

}  // namespace

std::string feature_label(std::int64_t fid, const std::string& name) {
    std::string label = "feature " + std::to_string(fid);
    return name.empty() ? label : label + " (" + name + ")";
}

std::optional<core::MultiPolygon> project_polygons(const OGRGeometry* geometry,
                                                   const CoordinateTransform& transform,
                                                   bool repair, const core::Where& where,
                                                   const std::string& label, ImportReport& report) {
    if (geometry == nullptr || geometry->IsEmpty()) {
        report.warn("skipped_empty_geometry", label);
        return std::nullopt;
    }
    GeometryPtr moved = projected(*geometry, transform);
    if (!moved) {
        report.warn("skipped_transform_failed", label);
        return std::nullopt;
    }
    core::Result<core::MultiPolygon> shape = to_multipolygon(moved.get(), where);
    if (!shape) {
        report.warn("skipped_wrong_geometry", label + ": " + geometry->getGeometryName());
        return std::nullopt;
    }
    if (shape->empty()) {
        report.warn("skipped_empty_geometry", label);
        return std::nullopt;
    }
    const std::string problem = core::validity_problem(*shape);
    if (problem.empty()) {
        return std::move(shape).value();
    }
    if (!repair) {
        report.warn("skipped_invalid_polygon", label + ": " + problem);
        return std::nullopt;
    }
    core::MultiPolygon fixed = core::make_valid(*shape);
    if (fixed.empty()) {
        report.warn("skipped_invalid_polygon",
                    label + ": " + problem + ", nothing left after repair");
        return std::nullopt;
    }
    report.warn("repaired_polygon", label + ": " + problem);
    return fixed;
}

std::optional<std::vector<core::LineString>> project_lines(const OGRGeometry* geometry,
                                                           const CoordinateTransform& transform,
                                                           const core::Where& where,
                                                           const std::string& label,
                                                           ImportReport& report) {
    if (geometry == nullptr || geometry->IsEmpty()) {
        report.warn("skipped_empty_geometry", label);
        return std::nullopt;
    }
    GeometryPtr moved = projected(*geometry, transform);
    if (!moved) {
        report.warn("skipped_transform_failed", label);
        return std::nullopt;
    }
    core::Result<std::vector<core::LineString>> lines = to_linestrings(moved.get(), where);
    if (!lines) {
        report.warn("skipped_wrong_geometry", label + ": " + geometry->getGeometryName());
        return std::nullopt;
    }
    std::vector<core::LineString> kept;
    for (core::LineString& line : *lines) {
        if (line.points.size() >= 2) {
            kept.push_back(std::move(line));
        }
    }
    if (kept.empty()) {
        report.warn("skipped_empty_geometry", label);
        return std::nullopt;
    }
    return kept;
}

OGREnvelope source_envelope(const std::vector<const OGRGeometry*>& geometries) {
    OGREnvelope box;
    for (const OGRGeometry* g : geometries) {
        if (g == nullptr || g->IsEmpty()) {
            continue;
        }
        OGREnvelope env;
        g->getEnvelope(&env);
        box.Merge(env);
    }
    return box;
}

}  // namespace beltplan::io
