// Small GDAL/OGR helpers shared by the io layer: owners of GDAL handles, conversion between
// OGR geometries/fields and core values, CRS objects, and a scoped collector of CPL messages.
#pragma once

#include "core/geometry.h"
#include "core/plan.h"
#include "core/result.h"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <memory>
#include <string>
#include <vector>

namespace beltplan::io {

// Owners: a dataset is closed (and flushed) by GDALClose when its owner dies.
using DatasetPtr = GDALDatasetUniquePtr;
using FeaturePtr = OGRFeatureUniquePtr;
using GeometryPtr = std::unique_ptr<OGRGeometry>;

// OGRSpatialReference is reference counted: the owner releases its reference.
struct SrsReleaser {
    void operator()(OGRSpatialReference* srs) const;
};
using SrsPtr = std::unique_ptr<OGRSpatialReference, SrsReleaser>;

struct TransformDestroyer {
    void operator()(OGRCoordinateTransformation* ct) const;
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDestroyer>;

// Registers GDAL's drivers once per process (idempotent, thread-safe); every io entry point
// that uses GDAL calls it first.
void register_gdal();

// Opens a vector dataset (registering drivers first) read-only (or for update); null when GDAL
// cannot open it. `open_options` are "KEY=VALUE" dataset open options (e.g. "ENCODING=CP936");
// `drivers` restricts the drivers tried (empty = all).
DatasetPtr open_vector(const std::string& path, bool update = false,
                       const std::vector<std::string>& open_options = {},
                       const std::vector<std::string>& drivers = {});

// --- geometry: OGR -> core. Null or empty input gives an empty value; Z/M are dropped;
// curves are linearised; rings are closed. A geometry of the wrong kind is an Error at `where`.

// Polygon, MultiPolygon, CurvePolygon, MultiSurface (and collections of polygons).
core::Result<core::MultiPolygon> to_multipolygon(const OGRGeometry* geometry,
                                                 const core::Where& where);
// LineString, MultiLineString, CircularString, CompoundCurve, MultiCurve.
core::Result<std::vector<core::LineString>> to_linestrings(const OGRGeometry* geometry,
                                                           const core::Where& where);
// Point, or a MultiPoint with exactly one point. Null or empty is an Error (kEmptyGeometry).
core::Result<core::PointM> to_point(const OGRGeometry* geometry, const core::Where& where);

// --- geometry: core -> OGR (never null; an empty input gives an empty OGR geometry).
GeometryPtr to_ogr(const core::MultiPolygon& shape);             // OGRMultiPolygon
GeometryPtr to_ogr(const std::vector<core::LineString>& lines);  // OGRMultiLineString
GeometryPtr to_ogr(const core::PointM& point);                   // OGRPoint

// --- fields
// The value of field `index`: null/unset -> kNull; Integer/Integer64 (and booleans) ->
// kInteger; Real -> kReal; String and every other type (dates, lists) -> kString as text.
core::FieldValue read_field(const OGRFeature& feature, int index);
// Sets field `index` from a value, converting to the field's type (kNull sets NULL).
void write_field(OGRFeature& feature, int index, const core::FieldValue& value);
// The OGR type used to store values of this type (kNull -> OFTString).
OGRFieldType ogr_field_type(core::FieldValue::Type type);

// --- CRS
// Spatial reference of a plan CRS: from the EPSG code when non-zero, else from the WKT; axis
// order is traditional GIS (x = easting/longitude). Null when neither can be parsed.
SrsPtr make_srs(const core::CrsInfo& crs);
// Spatial reference from user text ("EPSG:4326", WKT, PROJ string), traditional GIS order.
SrsPtr make_srs(const std::string& user_text);
// CrsInfo of a spatial reference: EPSG code when it has one, WKT2 (2019) text and name.
core::CrsInfo crs_info(const OGRSpatialReference& srs);

// Collects every CPL warning and error raised on this thread while it lives, instead of
// printing them (CPLErrorHandlerPusher with user data). Not copyable or movable.
class CplErrorCollector {
public:
    CplErrorCollector();
    ~CplErrorCollector() = default;
    CplErrorCollector(const CplErrorCollector&) = delete;
    CplErrorCollector& operator=(const CplErrorCollector&) = delete;

    // Every message so far, oldest first ("Warning 1: ..." is stored as the text alone).
    const std::vector<std::string>& messages() const { return messages_; }
    // The last message of level CE_Failure or CE_Fatal, "" when none.
    const std::string& last_failure() const { return last_failure_; }
    // Moves the messages out and clears them.
    std::vector<std::string> take();

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum number, const char* message);

    std::vector<std::string> messages_;
    std::string last_failure_;
    CPLErrorHandlerPusher pusher_;
};

}  // namespace beltplan::io
