// Export of one plan layer (the plan file's layout) to Shapefile, GeoJSON, KML, CSV, XLSX or
// GeoPackage, reprojected when asked: GDAL writes into memory, core::SafeFile puts the bytes
// on disk (temporary file, checked writes, fsync, rename; a Shapefile's parts together).
#include "io/export.h"

#include "core/messages.h"
#include "core/safe_file.h"
#include "io/ogr_util.h"
#include "io/plan_layers.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
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

// A folder in GDAL's memory file system where the driver writes; removed when this dies.
// Writing to memory first means no driver ever touches the disk: the bytes reach it through
// core::SafeFile alone, whose every write is checked (GDAL 3.6 drivers ignore a failed write
// or close on a full disk and report success).
class MemoryFolder {
public:
    MemoryFolder()
        : path_("/vsimem/beltplan_export_" + std::to_string(static_cast<long long>(::getpid())) +
                "_" + std::to_string(next_id())) {
        VSIMkdir(path_.c_str(), 0755);
    }
    ~MemoryFolder() { VSIRmdirRecursive(path_.c_str()); }
    MemoryFolder(const MemoryFolder&) = delete;
    MemoryFolder& operator=(const MemoryFolder&) = delete;
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    // The bytes of a file the driver wrote; empty view when there is none.
    std::string_view bytes(const std::string& name) const {
        vsi_l_offset length = 0;
        GByte* data = VSIGetMemFileBuffer(file(name).c_str(), &length, FALSE);
        return data == nullptr ? std::string_view()
                               : std::string_view(reinterpret_cast<const char*>(data),
                                                  static_cast<std::size_t>(length));
    }
    bool has(const std::string& name) const {
        VSIStatBufL st;
        return VSIStatL(file(name).c_str(), &st) == 0;
    }

private:
    static unsigned next_id() {
        static std::atomic<unsigned> counter{0};
        return counter.fetch_add(1);
    }
    std::string path_;
};

// Writes the table into a new dataset at `path` and closes it; a CPL failure during the
// writing or the close is an Error.
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
    CPLErrorReset();
    DatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, dataset_options.List()));
    if (dataset == nullptr) {
        return bad_argument(o, core::ErrorCode::kWriteFailed,
                            core::tr("trust.export_not_created", {driver_name}));
    }
    w.file = o.out_path;
    core::Status written = detail::write_table(*dataset, table, w);
    CPLErrorReset();
    dataset.reset();
    if (written && CPLGetLastErrorType() >= CE_Failure) {
        return bad_argument(o, core::ErrorCode::kWriteFailed,
                            core::tr("trust.export_not_completed", {CPLGetLastErrorMsg()}));
    }
    return written;
}

// The files of one output: the target alone, or a Shapefile's parts (which GDAL writes
// beside the .shp); side files of an older export that this one lacks are removed.
core::Status publish(const ExportOptions& o, const MemoryFolder& memory, bool shapefile,
                     ExportSummary& summary) {
    const fs::path target = fs::absolute(o.out_path);
    std::vector<std::string> names = {target.filename().string()};
    std::vector<std::string> stale;
    if (shapefile) {
        names.clear();
        for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"}) {
            const std::string name = target.stem().string() + ext;
            if (memory.has(name)) {
                names.push_back(name);
            } else {
                stale.push_back((target.parent_path() / name).string());
            }
        }
        if (!memory.has(target.stem().string() + ".cpg")) {
            return bad_argument(o, core::ErrorCode::kWriteFailed, core::tr("trust.export_no_cpg"));
        }
    }
    std::vector<core::SafeFile> files;
    for (const std::string& name : names) {
        if (!memory.has(name)) {
            return bad_argument(o, core::ErrorCode::kWriteFailed,
                                core::tr("trust.export_not_completed", {name}));
        }
        core::Result<core::SafeFile> file =
            core::SafeFile::begin((target.parent_path() / name).string());
        if (!file) {
            return file.error();
        }
        core::Status written = file->write(memory.bytes(name));
        if (!written) {
            return written;  // the SafeFiles made so far remove their temporaries
        }
        files.push_back(std::move(file.value()));
    }
    core::Status committed = core::commit_together(files, stale);
    if (!committed) {
        return committed;
    }
    for (const std::string& name : names) {
        summary.files.push_back((target.parent_path() / name).string());
    }
    return core::Ok{};
}

// Every format: the driver writes into memory, then the bytes go to disk through SafeFile.
core::Status write_output(const ExportOptions& o, const std::string& driver,
                          const detail::Table& table, detail::WriteOptions& w,
                          ExportSummary& summary) {
    const fs::path target = fs::absolute(o.out_path);
    std::error_code ec;
    if (!fs::is_directory(target.parent_path(), ec)) {
        return bad_argument(o, core::ErrorCode::kWriteFailed,
                            core::tr("safe_file.no_folder", {target.parent_path().string()}));
    }
    core::remove_stale_temporaries(target.string());  // left by a killed export of this file
    MemoryFolder memory;
    core::Status status =
        write_dataset(o, driver, memory.file(target.filename().string()), table, w);
    if (!status) {
        return status;
    }
    return publish(o, memory, driver == "ESRI Shapefile", summary);
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
    core::Status written = write_output(o, driver, *table, w, summary);
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
