// Export of one plan layer (the plan file's layout) to Shapefile, GeoJSON, KML, CSV, XLSX or
// GeoPackage, reprojected when asked, written under a temporary name and renamed into place.
#include "io/export.h"

#include "io/ogr_util.h"
#include "io/plan_layers.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <system_error>
#include <vector>

namespace beltplan::io {
namespace {

namespace fs = std::filesystem;

struct Format {
    const char* driver;
    std::vector<std::string> extensions;
};

const std::vector<Format>& formats() {
    static const std::vector<Format> kFormats = {{"ESRI Shapefile", {"shp"}},
                                                 {"GeoJSON", {"geojson", "json"}},
                                                 {"KML", {"kml"}},
                                                 {"CSV", {"csv"}},
                                                 {"XLSX", {"xlsx"}},
                                                 {"GPKG", {"gpkg"}}};
    return kFormats;
}

core::Error bad_argument(const ExportOptions& o, core::ErrorCode code, const std::string& what) {
    return core::make_error(code, {o.out_path, o.layer, -1, ""}, what);
}

core::Result<const Format*> pick_format(const ExportOptions& o) {
    std::string ext = CPLString(CPLGetExtension(o.out_path.c_str())).tolower();
    for (const Format& f : formats()) {
        const bool named = !o.format.empty() && EQUAL(o.format.c_str(), f.driver);
        const bool by_ext = o.format.empty() && std::find(f.extensions.begin(), f.extensions.end(),
                                                          ext) != f.extensions.end();
        if (named || by_ext) {
            return &f;
        }
    }
    const std::string what = o.format.empty()
                                 ? "cannot tell the format from the extension '." + ext + "'"
                                 : "'" + o.format + "' is not an export format";
    return bad_argument(o, core::ErrorCode::kUnsupportedFormat,
                        what +
                            "; use .shp, .geojson, .json, .kml, .csv, .xlsx or .gpkg (drivers "
                            "ESRI Shapefile, GeoJSON, KML, CSV, XLSX, GPKG).");
}

// The output CRS: KML always EPSG:4326, GeoJSON EPSG:4326 unless named, others the plan's.
core::Result<SrsPtr> output_srs(const ExportOptions& o, const Format& format,
                                const OGRSpatialReference& plan_srs) {
    const std::string driver = format.driver;
    SrsPtr wgs84 = make_srs(std::string("EPSG:4326"));
    if (!o.target_crs.empty()) {
        SrsPtr named = make_srs(o.target_crs);
        if (named == nullptr) {
            return bad_argument(o, core::ErrorCode::kBadCrs,
                                "the CRS '" + o.target_crs + "' is unknown; give e.g. EPSG:4326.");
        }
        if (driver == "KML" && !named->IsSame(wgs84.get())) {
            return bad_argument(o, core::ErrorCode::kBadCrs,
                                "KML is always in EPSG:4326; leave the target CRS empty.");
        }
        return named;
    }
    if (driver == "KML" || driver == "GeoJSON") {
        return wgs84;
    }
    return SrsPtr(plan_srs.Clone());
}

// Names of at most 10 bytes (never cutting a UTF-8 character), unique ignoring case.
std::vector<std::string> shapefile_names(const detail::Table& table,
                                         std::vector<FieldRename>& renamed) {
    auto cut = [](const std::string& s, std::size_t max) {
        std::size_t n = std::min(s.size(), max);
        while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) {
            --n;
        }
        return s.substr(0, n);
    };
    std::vector<std::string> names;
    std::set<std::string> taken;
    for (const detail::Column& c : table.columns) {
        std::string name = cut(c.name, 10);
        for (int n = 2; taken.count(CPLString(name).tolower()) != 0; ++n) {
            const std::string suffix = "_" + std::to_string(n);
            name = cut(c.name, 10 - suffix.size()) + suffix;
        }
        taken.insert(CPLString(name).tolower());
        if (name != c.name) {
            renamed.push_back({c.name, name});
        }
        names.push_back(name);
    }
    return names;
}

// How the table is written for this driver.
detail::WriteOptions write_options(const std::string& driver, const OGRSpatialReference& srs,
                                   const detail::Table& table, ExportSummary& summary) {
    detail::WriteOptions w;
    w.srs = &srs;
    if (driver == "ESRI Shapefile") {
        w.layer_options = {"ENCODING=UTF-8"};
        w.column_names = shapefile_names(table, summary.renamed_fields);
    } else if (driver == "GeoJSON") {
        SrsPtr wgs84 = make_srs(std::string("EPSG:4326"));
        if (srs.IsSame(wgs84.get())) {
            w.layer_options = {"RFC7946=YES"};
        }
    } else if (driver == "CSV") {
        w.layer_options = {"GEOMETRY=AS_WKT", "WRITE_BOM=YES"};  // BOM: Excel reads UTF-8
        w.xy_columns = true;
    } else if (driver == "XLSX") {
        w.native_geometry = false;
        w.xy_columns = true;
        w.wkt_columns = true;
    }
    return w;
}

// Writes the table into a new dataset at `path` and closes it.
core::Status write_dataset(const ExportOptions& o, const std::string& driver_name,
                           const std::string& path, const detail::Table& table,
                           detail::WriteOptions& w) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (driver == nullptr) {
        return bad_argument(o, core::ErrorCode::kUnsupportedFormat,
                            "this GDAL has no " + driver_name + " driver; pick another format.");
    }
    CPLStringList dataset_options;
    if (driver_name == "KML") {
        dataset_options.AddString("NameField=name");
    }
    DatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, dataset_options.List()));
    if (dataset == nullptr) {
        return bad_argument(o, core::ErrorCode::kWriteFailed,
                            "the output could not be created; check the folder is writable.");
    }
    w.file = o.out_path;
    core::Status written = detail::write_table(*dataset, table, w);
    CPLErrorReset();
    dataset.reset();
    if (written && CPLGetLastErrorType() >= CE_Failure) {
        return bad_argument(
            o, core::ErrorCode::kWriteFailed,
            std::string("the output could not be completed (GDAL: ") + CPLGetLastErrorMsg() + ").");
    }
    return written;
}

std::string pid_tag() {
    return ".tmp-" + std::to_string(static_cast<long long>(::getpid()));
}

// Shapefile: written into a hidden folder beside the target, then each file moved out.
core::Status write_shapefile(const ExportOptions& o, const detail::Table& table,
                             detail::WriteOptions& w, ExportSummary& summary) {
    const fs::path target = fs::absolute(o.out_path);
    const fs::path temp_dir = target.parent_path() / ("." + target.stem().string() + pid_tag());
    std::error_code ec;
    fs::remove_all(temp_dir, ec);
    fs::create_directory(temp_dir, ec);
    core::Status status =
        ec ? bad_argument(o, core::ErrorCode::kWriteFailed, "the output folder is not writable.")
           : write_dataset(o, "ESRI Shapefile", (temp_dir / target.filename()).string(), table, w);
    if (status && !fs::exists(temp_dir / (target.stem().string() + ".cpg"))) {
        status = bad_argument(o, core::ErrorCode::kWriteFailed,
                              "GDAL wrote no .cpg file, so the text encoding would be lost.");
    }
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"}) {
        const fs::path made = temp_dir / (target.stem().string() + ext);
        const fs::path dest = target.parent_path() / (target.stem().string() + ext);
        if (!status) {
            break;
        }
        if (!fs::exists(made)) {
            fs::remove(dest, ec);  // a stale side file of an older export
            continue;
        }
        fs::rename(made, dest, ec);
        if (ec) {
            status = bad_argument(o, core::ErrorCode::kWriteFailed,
                                  "the file " + dest.string() + " could not be replaced.");
        }
        summary.files.push_back(dest.string());
    }
    fs::remove_all(temp_dir, ec);
    return status;
}

// Other formats are single files: a hidden temporary file renamed over the target.
core::Status write_single_file(const ExportOptions& o, const std::string& driver,
                               const detail::Table& table, detail::WriteOptions& w,
                               ExportSummary& summary) {
    const fs::path target = fs::absolute(o.out_path);
    const fs::path temp = target.parent_path() /
                          ("." + target.stem().string() + pid_tag() + target.extension().string());
    std::error_code ec;
    fs::remove(temp, ec);
    core::Status status = write_dataset(o, driver, temp.string(), table, w);
    if (status) {
        fs::rename(temp, target, ec);
        if (ec) {
            status = bad_argument(o, core::ErrorCode::kWriteFailed,
                                  "the output could not replace the file (" + ec.message() + ").");
        }
    }
    if (!status) {
        fs::remove(temp, ec);
        return status;
    }
    summary.files.push_back(target.string());
    return status;
}

// Village seats are coordinates in the plan CRS too: they go to the output CRS with the
// geometry, or a file read back would put every seat far from its village. A seat that does
// not transform is written empty, as a village without a seat is.
void reproject_seat_columns(detail::Table& table, OGRCoordinateTransformation* transform) {
    int ix = -1;
    int iy = -1;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (!table.columns[c].source_name.empty()) {
            continue;  // an extra field of the source that happens to share the name
        }
        ix = table.columns[c].name == "seat_x" ? static_cast<int>(c) : ix;
        iy = table.columns[c].name == "seat_y" ? static_cast<int>(c) : iy;
    }
    if (ix < 0 || iy < 0 || transform == nullptr) {
        return;
    }
    table.row = [rows = table.row, ix, iy, transform](std::size_t i) -> core::Result<detail::Row> {
        core::Result<detail::Row> row = rows(i);
        if (!row) {
            return row;
        }
        core::FieldValue& x = row->values[static_cast<std::size_t>(ix)];
        core::FieldValue& y = row->values[static_cast<std::size_t>(iy)];
        if (x.type == core::FieldValue::Type::kReal && y.type == core::FieldValue::Type::kReal) {
            double px = x.real;
            double py = y.real;
            if (transform->Transform(1, &px, &py) != 0) {
                x.real = px;
                y.real = py;
            } else {
                x = core::FieldValue::null();
                y = core::FieldValue::null();
            }
        }
        return row;
    };
}

core::Result<ExportSummary> run_export(const core::Plan& plan, const ExportOptions& o) {
    std::optional<detail::Table> table = detail::make_table(plan, o.layer, o.out_path);
    if (!table) {
        return bad_argument(o, core::ErrorCode::kBadArgument,
                            "'" + o.layer +
                                "' is not a layer; use villages, townships, roads, "
                                "sites, joint_orgs, belts, work_stations or "
                                "contiguity_edits.");
    }
    core::Result<const Format*> format = pick_format(o);
    if (!format) {
        return format.error();
    }
    SrsPtr plan_srs = make_srs(plan.crs);
    if (plan_srs == nullptr) {
        return bad_argument(o, core::ErrorCode::kBadCrs,
                            "the plan's CRS cannot be read; set a projected CRS first.");
    }
    core::Result<SrsPtr> out_srs = output_srs(o, *format.value(), *plan_srs);
    if (!out_srs) {
        return out_srs.error();
    }
    const std::string driver = format.value()->driver;
    ExportSummary summary;
    summary.driver = driver;
    summary.crs_name = out_srs.value()->GetName() != nullptr ? out_srs.value()->GetName() : "";
    summary.features = static_cast<long long>(table->rows);
    detail::WriteOptions w = write_options(driver, *out_srs.value(), *table, summary);
    TransformPtr transform;
    if (!plan_srs->IsSame(out_srs.value().get())) {
        transform.reset(OGRCreateCoordinateTransformation(plan_srs.get(), out_srs.value().get()));
        if (transform == nullptr) {
            return bad_argument(o, core::ErrorCode::kTransformFailed,
                                "no transformation from the plan CRS to " + o.target_crs +
                                    " is known; pick another CRS.");
        }
        w.transform = transform.get();
        reproject_seat_columns(*table, transform.get());
    }
    core::Status written = driver == "ESRI Shapefile"
                               ? write_shapefile(o, *table, w, summary)
                               : write_single_file(o, driver, *table, w, summary);
    if (!written) {
        return written.error();
    }
    return summary;
}

}  // namespace

core::Result<ExportSummary> export_layer_with_summary(const core::Plan& plan,
                                                      const ExportOptions& options) {
    register_gdal();
    CplErrorCollector cpl;
    try {
        core::Result<ExportSummary> result = run_export(plan, options);
        if (result) {
            result->warnings = cpl.take();
        }
        return result;
    } catch (const std::exception& e) {
        return bad_argument(options, core::ErrorCode::kWriteFailed,
                            std::string("the export failed: ") + e.what() + ".");
    }
}

core::Status export_layer(const core::Plan& plan, const ExportOptions& options) {
    core::Result<ExportSummary> result = export_layer_with_summary(plan, options);
    if (!result) {
        return result.error();
    }
    return core::Ok{};
}

}  // namespace beltplan::io
