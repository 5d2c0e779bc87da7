// Which layer of which source plays which role (issue 8 item 2): every layer of every source is
// listed with its geometry, fields and a sample of its codes, and each role takes the one
// layer that fits it by name, geometry and fields. KML folders count as one layer together.
// A choice that is not clear is refused with the list of layers.
#pragma once

#include "core/result.h"
#include "io/field_map.h"
#include "io/import.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::io {

enum class GeometryKind { kNone, kPoint, kLine, kPolygon, kMixed };

// One layer as found in a source (KML folders already gathered into one).
struct LayerCandidate {
    std::string source;  // file or folder path (or PG:...)
    std::string layer;   // layer name; the first folder's for a gathered KML
    std::string driver;
    GeometryKind geometry = GeometryKind::kNone;
    long long features = -1;           // as the source declares, -1 when unknown
    std::vector<std::string> fields;   // names, decoded
    std::vector<std::string> folders;  // KML: every folder layer read together (2 or more)
    long long village_codes = 0;       // sampled code values at village level
    long long township_codes = 0;      // sampled code values at township level
    std::optional<LayerRole> role;     // the role it looks like, if any
    bool village_points = false;       // villages given as points or seat columns
    std::string why;                   // why that role, in the user's language
};

// What each role reads: the source, the layer (or KML folders) and the explicit fields.
struct RoleSources {
    std::optional<SourceSpec> villages;
    std::optional<SourceSpec> townships;
    std::optional<SourceSpec> roads;
    std::optional<SourceSpec> sites;
    bool village_points = false;  // the villages layer holds points (村委会驻地), not polygons
};

// Lists the layers of a source: a file, a folder of files (shapefiles, spreadsheets, KML,
// GeoPackages; a .gdb folder is one source), or a connection string.
core::Result<std::vector<LayerCandidate>> list_layers(const std::string& path);

// Sets c.role, c.village_points and c.why from the layer's name, geometry, fields and codes.
void classify(LayerCandidate& c);

// The geometry word of the user's language ("多边形" / "polygons").
std::string geometry_label(GeometryKind kind);

// Chooses the layer of each role from the options' explicit sources (--villages SRC, with or
// without a layer name) and the other sources (every layer's role recognised). Every layer seen
// and what was done with it goes into report.layers_seen. An Error names the role, lists the
// layers and says how to name the right one.
core::Result<RoleSources> choose_layers(const ImportOptions& options, ImportReport& report);

}  // namespace beltplan::io
