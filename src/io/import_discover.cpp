// Layer discovery: every layer of a source listed and sampled, and the role it looks like
// (io/import_choose.cpp picks the layer of each role). A layer's role follows from, in order: its
// name when it is a role's own name (a beltplan plan), lines (roads), the level of its sampled
// codes (12-digit village or 9-digit township codes), its name (CJDCQ, 村, XZQ, 乡镇, 示范点 ...),
// and its fields (site headings, seat columns).
//
// Index: [SECTION] Listing  [SECTION] Classification
#include "io/import_discover.h"

#include "core/messages.h"
#include "io/encoding.h"
#include "io/import_codes.h"
#include "io/import_source.h"
#include "io/name_match.h"
#include "io/ogr_util.h"

#include <cpl_conv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace beltplan::io {

namespace fs = std::filesystem;

// ------------------------------------------------------------------------------------------
// [SECTION] Listing
// ------------------------------------------------------------------------------------------

namespace {

constexpr int kSampleFeatures = 200;

bool is_gdb_folder(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext == ".gdb";
}

bool is_data_file(const fs::path& p) {
    static const std::set<std::string> kExtensions = {".shp", ".gpkg", ".geojson", ".json", ".kml",
                                                      ".kmz", ".xlsx", ".xls",     ".ods",  ".csv",
                                                      ".fgb", ".gml",  ".sqlite",  ".tab",  ".mif"};
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return kExtensions.count(ext) != 0;
}

// The data sources inside a folder, sorted by name; sub-folders one level deep.
void expand_folder(const fs::path& folder, int depth, std::vector<std::string>& out) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(folder, ec)) {
        entries.push_back(e.path());
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) {
        if (fs::is_directory(p, ec)) {
            if (is_gdb_folder(p)) {
                out.push_back(p.string());
            } else if (depth > 0) {
                expand_folder(p, depth - 1, out);
            }
        } else if (is_data_file(p) && p.filename().string().front() != '.') {
            out.push_back(p.string());
        }
    }
}

std::vector<std::string> expand_source(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec) && !is_gdb_folder(path)) {
        std::vector<std::string> out;
        expand_folder(path, 1, out);
        return out;
    }
    return {path};
}

GeometryKind kind_of(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
        case wkbPoint:
        case wkbMultiPoint:
            return GeometryKind::kPoint;
        case wkbLineString:
        case wkbMultiLineString:
        case wkbCircularString:
        case wkbCompoundCurve:
        case wkbMultiCurve:
            return GeometryKind::kLine;
        case wkbPolygon:
        case wkbMultiPolygon:
        case wkbCurvePolygon:
        case wkbMultiSurface:
            return GeometryKind::kPolygon;
        case wkbNone:
            return GeometryKind::kNone;
        default:
            return GeometryKind::kMixed;
    }
}

// Field names as UTF-8: as they are when valid, else read as GB18030.
std::vector<std::string> decoded_fields(OGRFeatureDefn& defn) {
    std::vector<std::string> names;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const std::string raw = defn.GetFieldDefn(i)->GetNameRef();
        std::optional<std::string> text =
            is_valid_utf8(raw) ? std::optional<std::string>(raw) : decode_to_utf8(raw, kGb18030);
        names.push_back(text ? *text : sanitize_utf8(raw));
    }
    return names;
}

// A sheet with a title above its headings: the first row names more attributes than the
// headings GDAL took (the title), so it is the headings (as import_source reads it too).
void promote_first_row(OGRLayer& layer, LayerCandidate& c) {
    if (c.geometry != GeometryKind::kNone && c.geometry != GeometryKind::kMixed) {
        return;
    }
    FeaturePtr first(layer.GetNextFeature());
    if (!first || first->GetGeometryRef() != nullptr) {
        return;
    }
    std::vector<std::string> names;
    for (int i = 0; i < first->GetFieldCount(); ++i) {
        names.push_back(value_text(read_field(*first, i)));
    }
    if (recognised_fields(names) >= 2 && recognised_fields(names) > recognised_fields(c.fields)) {
        for (std::size_t i = 0; i < names.size() && i < c.fields.size(); ++i) {
            if (!names[i].empty()) {
                c.fields[i] = names[i];
            }
        }
    }
}

// Geometry kinds and code levels of the first features.
void sample_layer(OGRLayer& layer, LayerCandidate& c) {
    layer.ResetReading();
    promote_first_row(layer, c);
    core::Result<FieldMapping> village =
        map_fields(LayerRole::kVillages, c.fields, {}, core::Where{});
    core::Result<FieldMapping> town =
        map_fields(LayerRole::kTownships, c.fields, {}, core::Where{});
    std::set<int> code_fields;
    for (const core::Result<FieldMapping>* m : {&village, &town}) {
        if (*m && (*m)->has("code")) {
            code_fields.insert((*m)->at("code"));
        }
    }
    std::set<GeometryKind> kinds;
    layer.ResetReading();
    int n = 0;
    for (FeaturePtr f(layer.GetNextFeature()); f && n < kSampleFeatures;
         f.reset(layer.GetNextFeature()), ++n) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (g != nullptr && !g->IsEmpty()) {
            kinds.insert(kind_of(g->getGeometryType()));
        }
        for (int i : code_fields) {
            bool lossy = false;
            std::optional<std::string> digits = code_digits(read_field(*f, i), lossy);
            const CodeLevel level = digits ? normalise_code(*digits).level : CodeLevel::kUnknown;
            c.village_codes += level == CodeLevel::kVillage ? 1 : 0;
            c.township_codes += level == CodeLevel::kTownship ? 1 : 0;
        }
    }
    if (c.geometry == GeometryKind::kMixed && kinds.size() == 1) {
        c.geometry = *kinds.begin();
    } else if (c.geometry == GeometryKind::kMixed && kinds.empty()) {
        c.geometry = GeometryKind::kNone;
    }
}

// KML and KMZ keep one layer per folder: folders of one geometry are gathered into one.
void gather_kml_folders(std::vector<LayerCandidate>& layers) {
    if (layers.size() < 2 || (layers[0].driver != "LIBKML" && layers[0].driver != "KML")) {
        return;
    }
    std::vector<LayerCandidate> out;
    for (LayerCandidate& c : layers) {
        auto same = std::find_if(out.begin(), out.end(), [&](const LayerCandidate& o) {
            return o.geometry == c.geometry && c.geometry != GeometryKind::kNone;
        });
        if (same == out.end()) {
            c.folders = {c.layer};
            out.push_back(std::move(c));
            continue;
        }
        same->folders.push_back(c.layer);
        same->features += std::max(0LL, c.features);
        same->village_codes += c.village_codes;
        same->township_codes += c.township_codes;
        for (const std::string& f : c.fields) {
            if (std::find(same->fields.begin(), same->fields.end(), f) == same->fields.end()) {
                same->fields.push_back(f);
            }
        }
    }
    for (LayerCandidate& c : out) {
        if (c.folders.size() < 2) {
            c.folders.clear();
        }
    }
    layers = std::move(out);
}

}  // namespace

std::string geometry_label(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::kNone:
            return core::tr("import.geometry.none");
        case GeometryKind::kPoint:
            return core::tr("import.geometry.points");
        case GeometryKind::kLine:
            return core::tr("import.geometry.lines");
        case GeometryKind::kPolygon:
            return core::tr("import.geometry.polygons");
        case GeometryKind::kMixed:
            return core::tr("import.geometry.mixed");
    }
    return "";
}

core::Result<std::vector<LayerCandidate>> list_layers(const std::string& path) {
    std::vector<LayerCandidate> all;
    for (const std::string& source : expand_source(path)) {
        const SourceReadSettings settings;
        DatasetPtr ds = open_vector(source);
        if (!ds) {
            const char* why = CPLGetLastErrorMsg();
            return core::make_error(core::ErrorCode::kOpenFailed, {source, "", -1, ""},
                                    core::tr("import.open_failed", {why != nullptr ? why : ""}));
        }
        std::vector<LayerCandidate> layers;
        for (int i = 0; i < ds->GetLayerCount(); ++i) {
            OGRLayer* layer = ds->GetLayer(i);
            LayerCandidate c;
            c.source = source;
            c.layer = layer->GetName();
            c.driver = ds->GetDriver() != nullptr ? ds->GetDriver()->GetDescription() : "";
            c.geometry = kind_of(layer->GetGeomType());
            c.features = layer->GetFeatureCount(FALSE);
            c.fields = decoded_fields(*layer->GetLayerDefn());
            sample_layer(*layer, c);
            layers.push_back(std::move(c));
        }
        gather_kml_folders(layers);
        for (LayerCandidate& c : layers) {
            all.push_back(std::move(c));
        }
    }
    if (all.empty()) {
        return core::make_error(core::ErrorCode::kLayerNotFound, {path, "", -1, ""},
                                core::tr("import.no_layers"));
    }
    return all;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Classification
// ------------------------------------------------------------------------------------------

namespace {

bool name_has(const std::string& key, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](const char* w) { return key.find(w) != std::string::npos; });
}

// Site headings that only a site list has: a site-specific name column, a level, the village
// a site lies in.
std::string site_headings(const std::vector<std::string>& fields) {
    core::Result<FieldMapping> m = map_fields(LayerRole::kSites, fields, {}, core::Where{});
    if (!m) {
        return "";
    }
    std::string found;
    const auto add = [&](const std::string& target) {
        if (m->has(target)) {
            found += (found.empty() ? "" : ", ") + m->source.at(target);
        }
    };
    const std::string name = m->has("name") ? m->source.at("name") : "";
    if (name == "示范点名称" || name == "示范点" || name == "点位名称" || name == "site_name") {
        add("name");
    }
    add("level");
    if (!found.empty()) {
        add("village_name");
    }
    return found;
}

std::optional<LayerRole> role_by_own_name(const std::string& layer) {
    for (LayerRole r :
         {LayerRole::kVillages, LayerRole::kTownships, LayerRole::kRoads, LayerRole::kSites}) {
        if (layer == role_name(r)) {
            return r;
        }
    }
    return std::nullopt;
}

std::string codes_why(const char* key, long long n, const LayerCandidate& c, LayerRole role) {
    core::Result<FieldMapping> m = map_fields(role, c.fields, {}, core::Where{});
    const std::string field = m && m->has("code") ? m->source.at("code") : "?";
    return core::tr(key,
                    {std::to_string(n), std::to_string(c.village_codes + c.township_codes), field});
}

void classify_areas(LayerCandidate& c, const std::string& key) {
    const bool village_word = name_has(key, {"cjdcq", "村", "village", "cun"});
    const bool town_word =
        name_has(key, {"xzq", "乡镇", "镇", "乡", "街道", "township", "town", "xiang"});
    if (c.village_codes > c.township_codes) {
        c.role = LayerRole::kVillages;
        c.why = codes_why("import.layer.village_codes", c.village_codes, c, LayerRole::kVillages);
    } else if (c.township_codes > c.village_codes) {
        c.role = LayerRole::kTownships;
        c.why =
            codes_why("import.layer.township_codes", c.township_codes, c, LayerRole::kTownships);
    } else if (village_word && !town_word) {
        c.role = LayerRole::kVillages;
        c.why = core::tr("import.layer.village_name_hint");
    } else if (town_word) {
        c.role = LayerRole::kTownships;
        c.why = core::tr("import.layer.township_name_hint");
    }
}

// Points and tables: a site list, or villages given as seats (村委会驻地).
void classify_points(LayerCandidate& c, const std::string& key) {
    const std::string headings = site_headings(c.fields);
    const bool site_word = name_has(key, {"示范", "site"});
    if (!headings.empty() || site_word) {
        c.role = LayerRole::kSites;
        c.why = headings.empty() ? core::tr("import.layer.site_name_hint")
                                 : core::tr("import.layer.site_fields", {headings});
        return;
    }
    const bool village_word = name_has(key, {"村委会", "驻地", "cjdcq", "村", "village"});
    if (c.village_codes == 0 && !village_word) {
        return;
    }
    core::Result<FieldMapping> m = map_fields(LayerRole::kVillages, c.fields, {}, core::Where{});
    const bool seats = m && m->has("seat_x") && m->has("seat_y");
    if (c.geometry == GeometryKind::kPoint) {
        c.role = LayerRole::kVillages;
        c.village_points = true;
        c.why = core::tr("import.layer.village_points");
    } else if (seats && c.village_codes > 0) {
        c.role = LayerRole::kVillages;
        c.village_points = true;
        c.why = core::tr("import.layer.village_seat_table",
                         {m->source.at("seat_x"), m->source.at("seat_y")});
    }
}

}  // namespace

void classify(LayerCandidate& c) {
    if (std::optional<LayerRole> own = role_by_own_name(c.layer)) {
        c.role = own;
        c.village_points = *own == LayerRole::kVillages && c.geometry == GeometryKind::kPoint;
        c.why = core::tr("import.layer.own_name", {c.layer});
        return;
    }
    const std::string key = normalise_name(c.layer);
    switch (c.geometry) {
        case GeometryKind::kLine:
            c.role = LayerRole::kRoads;
            c.why = core::tr("import.layer.lines");
            return;
        case GeometryKind::kPolygon:
        case GeometryKind::kMixed:
            classify_areas(c, key);
            return;
        case GeometryKind::kPoint:
        case GeometryKind::kNone:
            classify_points(c, key);
            return;
    }
}

}  // namespace beltplan::io
