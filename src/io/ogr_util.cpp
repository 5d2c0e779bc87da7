// GDAL/OGR helpers of the io layer: handle owners, geometry and field conversion, CRS objects
// and the scoped CPL message collector.
#include "io/ogr_util.h"

#include <cpl_string.h>
#include <ogr_api.h>

#include <cstdlib>
#include <mutex>
#include <utility>

namespace beltplan::io {

void SrsReleaser::operator()(OGRSpatialReference* srs) const {
    if (srs != nullptr) {
        srs->Release();
    }
}

void TransformDestroyer::operator()(OGRCoordinateTransformation* ct) const {
    OGRCoordinateTransformation::DestroyCT(ct);
}

void register_gdal() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

DatasetPtr open_vector(const std::string& path, bool update,
                       const std::vector<std::string>& open_options,
                       const std::vector<std::string>& drivers) {
    register_gdal();
    CPLStringList options;
    for (const std::string& o : open_options) {
        options.AddString(o.c_str());
    }
    CPLStringList allowed;
    for (const std::string& d : drivers) {
        allowed.AddString(d.c_str());
    }
    const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    return DatasetPtr(GDALDataset::Open(path.c_str(), flags,
                                        drivers.empty() ? nullptr : allowed.List(),
                                        open_options.empty() ? nullptr : options.List()));
}

// ---------------------------------------------------------------------------------------
// geometry: OGR -> core

namespace {

// A ring as closed core points; an empty ring stays empty.
core::Ring to_ring(const OGRLinearRing& ring) {
    core::Ring out;
    out.reserve(static_cast<std::size_t>(ring.getNumPoints()) + 1);
    for (int i = 0; i < ring.getNumPoints(); ++i) {
        out.push_back({ring.getX(i), ring.getY(i)});
    }
    if (!out.empty() && out.front() != out.back()) {
        out.push_back(out.front());
    }
    return out;
}

void append_polygon(const OGRPolygon& polygon, core::MultiPolygon& out) {
    const OGRLinearRing* exterior = polygon.getExteriorRing();
    if (exterior == nullptr || exterior->IsEmpty()) {
        return;
    }
    core::Polygon part;
    part.outer = to_ring(*exterior);
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
        core::Ring hole = to_ring(*polygon.getInteriorRing(i));
        if (!hole.empty()) {
            part.holes.push_back(std::move(hole));
        }
    }
    out.parts.push_back(std::move(part));
}

// A linear copy of the geometry (curves approximated), owned.
GeometryPtr linear_clone(const OGRGeometry& geometry) {
    if (geometry.hasCurveGeometry(TRUE)) {
        return GeometryPtr(geometry.getLinearGeometry());
    }
    return GeometryPtr(geometry.clone());
}

// True for a (linear) line, multi-line, or a collection holding only lines.
bool is_lineal(const OGRGeometry& geometry) {
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    if (type == wkbLineString || type == wkbMultiLineString) {
        return true;
    }
    if (type != wkbGeometryCollection) {
        return false;
    }
    for (const OGRGeometry* member : *geometry.toGeometryCollection()) {
        if (!is_lineal(*member)) {
            return false;
        }
    }
    return true;
}

core::Error wrong_type(const OGRGeometry& geometry, const core::Where& where,
                       const std::string& expected) {
    return core::make_error(core::ErrorCode::kWrongGeometryType, where,
                            std::string("the geometry is a ") + geometry.getGeometryName() +
                                " but " + expected + " is expected; check the layer chosen.");
}

}  // namespace

core::Result<core::MultiPolygon> to_multipolygon(const OGRGeometry* geometry,
                                                 const core::Where& where) {
    core::MultiPolygon out;
    if (geometry == nullptr || geometry->IsEmpty()) {
        return out;
    }
    GeometryPtr linear = linear_clone(*geometry);
    GeometryPtr multi(OGRGeometryFactory::forceToMultiPolygon(linear.release()));
    if (multi == nullptr || wkbFlatten(multi->getGeometryType()) != wkbMultiPolygon) {
        return wrong_type(*geometry, where, "a polygon");
    }
    for (const OGRPolygon* polygon : *multi->toMultiPolygon()) {
        append_polygon(*polygon, out);
    }
    return out;
}

core::Result<std::vector<core::LineString>> to_linestrings(const OGRGeometry* geometry,
                                                           const core::Where& where) {
    std::vector<core::LineString> out;
    if (geometry == nullptr || geometry->IsEmpty()) {
        return out;
    }
    GeometryPtr linear = linear_clone(*geometry);
    if (!is_lineal(*linear)) {
        return wrong_type(*geometry, where, "a line");
    }
    GeometryPtr multi(OGRGeometryFactory::forceToMultiLineString(linear.release()));
    if (multi == nullptr || wkbFlatten(multi->getGeometryType()) != wkbMultiLineString) {
        return wrong_type(*geometry, where, "a line");
    }
    for (const OGRLineString* line : *multi->toMultiLineString()) {
        if (line->IsEmpty()) {
            continue;
        }
        core::LineString part;
        part.points.reserve(static_cast<std::size_t>(line->getNumPoints()));
        for (int i = 0; i < line->getNumPoints(); ++i) {
            part.points.push_back({line->getX(i), line->getY(i)});
        }
        out.push_back(std::move(part));
    }
    return out;
}

core::Result<core::PointM> to_point(const OGRGeometry* geometry, const core::Where& where) {
    if (geometry == nullptr || geometry->IsEmpty()) {
        return core::make_error(core::ErrorCode::kEmptyGeometry, where,
                                "the feature has no location; give it a point.");
    }
    const OGRwkbGeometryType type = wkbFlatten(geometry->getGeometryType());
    if (type == wkbPoint) {
        const OGRPoint* p = geometry->toPoint();
        return core::PointM{p->getX(), p->getY()};
    }
    if (type == wkbMultiPoint && geometry->toMultiPoint()->getNumGeometries() == 1) {
        const OGRPoint* p = geometry->toMultiPoint()->getGeometryRef(0);
        return core::PointM{p->getX(), p->getY()};
    }
    return wrong_type(*geometry, where, "a single point");
}

// ---------------------------------------------------------------------------------------
// geometry: core -> OGR

namespace {

std::unique_ptr<OGRLinearRing> to_ogr_ring(const core::Ring& ring) {
    auto out = std::make_unique<OGRLinearRing>();
    out->setNumPoints(static_cast<int>(ring.size()), FALSE);
    for (std::size_t i = 0; i < ring.size(); ++i) {
        out->setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
    }
    return out;
}

}  // namespace

GeometryPtr to_ogr(const core::MultiPolygon& shape) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const core::Polygon& part : shape.parts) {
        auto polygon = std::make_unique<OGRPolygon>();
        polygon->addRingDirectly(to_ogr_ring(part.outer).release());
        for (const core::Ring& hole : part.holes) {
            polygon->addRingDirectly(to_ogr_ring(hole).release());
        }
        multi->addGeometryDirectly(polygon.release());
    }
    return multi;
}

GeometryPtr to_ogr(const std::vector<core::LineString>& lines) {
    auto multi = std::make_unique<OGRMultiLineString>();
    for (const core::LineString& line : lines) {
        auto ogr_line = std::make_unique<OGRLineString>();
        ogr_line->setNumPoints(static_cast<int>(line.points.size()), FALSE);
        for (std::size_t i = 0; i < line.points.size(); ++i) {
            ogr_line->setPoint(static_cast<int>(i), line.points[i].x, line.points[i].y);
        }
        multi->addGeometryDirectly(ogr_line.release());
    }
    return multi;
}

GeometryPtr to_ogr(const core::PointM& point) {
    return std::make_unique<OGRPoint>(point.x, point.y);
}

// ---------------------------------------------------------------------------------------
// fields

core::FieldValue read_field(const OGRFeature& feature, int index) {
    if (!feature.IsFieldSetAndNotNull(index)) {
        return core::FieldValue::null();
    }
    switch (feature.GetFieldDefnRef(index)->GetType()) {
        case OFTInteger:
            return core::FieldValue::of_integer(feature.GetFieldAsInteger(index));
        case OFTInteger64:
            return core::FieldValue::of_integer(feature.GetFieldAsInteger64(index));
        case OFTReal:
            return core::FieldValue::of_real(feature.GetFieldAsDouble(index));
        default:
            return core::FieldValue::of_text(feature.GetFieldAsString(index));
    }
}

void write_field(OGRFeature& feature, int index, const core::FieldValue& value) {
    using Type = core::FieldValue::Type;
    switch (value.type) {
        case Type::kNull:
            feature.SetFieldNull(index);
            return;
        case Type::kInteger:
            feature.SetField(index, static_cast<GIntBig>(value.integer));
            return;
        case Type::kReal:
            feature.SetField(index, value.real);
            return;
        case Type::kString:
            feature.SetField(index, value.text.c_str());
            return;
    }
}

OGRFieldType ogr_field_type(core::FieldValue::Type type) {
    switch (type) {
        case core::FieldValue::Type::kInteger:
            return OFTInteger64;
        case core::FieldValue::Type::kReal:
            return OFTReal;
        default:
            return OFTString;
    }
}

// ---------------------------------------------------------------------------------------
// CRS

SrsPtr make_srs(const core::CrsInfo& crs) {
    SrsPtr srs(new OGRSpatialReference());
    const bool ok = (crs.epsg != 0 && srs->importFromEPSG(crs.epsg) == OGRERR_NONE) ||
                    (!crs.wkt.empty() && srs->importFromWkt(crs.wkt.c_str()) == OGRERR_NONE);
    if (!ok) {
        return nullptr;
    }
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

SrsPtr make_srs(const std::string& user_text) {
    SrsPtr srs(new OGRSpatialReference());
    if (user_text.empty() || srs->SetFromUserInput(user_text.c_str()) != OGRERR_NONE) {
        return nullptr;
    }
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

core::CrsInfo crs_info(const OGRSpatialReference& srs) {
    core::CrsInfo info;
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr && EQUAL(authority, "EPSG")) {
        info.epsg = std::atoi(code);
    }
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    if (srs.exportToWkt(&wkt, options) == OGRERR_NONE && wkt != nullptr) {
        info.wkt = wkt;
    }
    CPLFree(wkt);
    const char* name = srs.GetName();
    info.name = name != nullptr ? name : "";
    return info;
}

// ---------------------------------------------------------------------------------------
// CPL messages

CplErrorCollector::CplErrorCollector() : pusher_(&CplErrorCollector::handle, this) {}

std::vector<std::string> CplErrorCollector::take() {
    std::vector<std::string> out = std::move(messages_);
    messages_.clear();
    return out;
}

void CPL_STDCALL CplErrorCollector::handle(CPLErr level, CPLErrorNum /*number*/,
                                           const char* message) {
    auto* self = static_cast<CplErrorCollector*>(CPLGetErrorHandlerUserData());
    if (self == nullptr || level == CE_Debug || level == CE_None) {
        return;
    }
    std::string text = message != nullptr ? message : "";
    if (level == CE_Failure || level == CE_Fatal) {
        self->last_failure_ = text;
    }
    self->messages_.push_back(std::move(text));
}

}  // namespace beltplan::io
