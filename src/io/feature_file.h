// Simple feature layers (points or lines with a few attributes) written into a new GeoPackage
// that QGIS opens as it is: for lists that analysis produces as plain data (the road check's
// problems), so that analysis never sees GDAL. Written through core::SafeFile: the file is
// finished or the previous one at that path stays as it was.
#pragma once

#include "core/geometry.h"
#include "core/plan.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace beltplan::io {

enum class FeatureGeometry { kPoint, kLine };

struct FeatureLayer {
    struct Field {
        std::string name;
        core::FieldValue::Type type = core::FieldValue::Type::kString;
    };
    struct Feature {
        core::PointM point;                    // kPoint layers
        core::LineString line;                 // kLine layers
        std::vector<core::FieldValue> values;  // one per field, of the field's type or null
    };
    std::string name;
    FeatureGeometry geometry = FeatureGeometry::kPoint;
    std::vector<Field> fields;
    std::vector<Feature> features;
};

// Writes the layers, in the plan CRS `crs`, into a new GeoPackage at `path`. An Error names
// the file (and the layer and feature) and says what to do.
core::Status write_feature_layers(const std::string& path, const core::CrsInfo& crs,
                                  const std::vector<FeatureLayer>& layers);

}  // namespace beltplan::io
