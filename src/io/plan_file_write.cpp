// write_plan / save_plan: every plan layer and plan_meta into a temporary GeoPackage beside the
// target (core::SafeFile: unique per process and call), GDAL's close checked, then flushed and
// renamed over the target; save_plan first checks that the target is still the file that was
// read. Temporaries left by a killed beltplan are removed by the next save of that plan.
#include "core/messages.h"
#include "core/safe_file.h"
#include "io/ogr_util.h"
#include "io/plan_file.h"
#include "io/plan_layers.h"

#include <gdal_priv.h>

#include <string>
#include <vector>

namespace beltplan::io {
namespace {

core::Error failed(const std::string& path, const std::string& what) {
    std::string sentence = what;
    if (CPLGetLastErrorType() >= CE_Failure && *CPLGetLastErrorMsg() != '\0') {
        sentence += " (GDAL: " + std::string(CPLGetLastErrorMsg()) + ")";
    }
    return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""}, sentence);
}

// Writes all layers into a new GeoPackage at `temp` and closes it; a CPL failure at any
// point, the close included (SQLite's last commit, the spatial indexes), is an Error.
core::Status write_all(const core::Plan& plan, const std::string& target, const std::string& temp) {
    SrsPtr srs = make_srs(plan.crs);
    if (srs == nullptr) {
        return core::make_error(core::ErrorCode::kBadCrs, {target, "", -1, ""},
                                core::tr("trust.plan_crs_unreadable"));
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) {
        return failed(target, core::tr("trust.no_gpkg_driver"));
    }
    CPLErrorReset();
    DatasetPtr dataset(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (dataset == nullptr) {
        return failed(target,
                      core::tr("safe_file.write_failed", {core::tr("safe_file.cannot_create")}));
    }
    std::vector<detail::Table> tables;
    for (const std::string& layer : detail::kPlanLayers) {
        tables.push_back(*detail::make_table(plan, layer, target));
    }
    tables.push_back(detail::make_meta_table(plan, tables));
    detail::WriteOptions options;
    options.file = target;
    options.srs = srs.get();
    for (const detail::Table& table : tables) {
        core::Status written = detail::write_table(*dataset, table, options);
        if (!written) {
            return written;
        }
    }
    CPLErrorReset();
    dataset.reset();  // closes: builds the spatial indexes and flushes
    if (CPLGetLastErrorType() >= CE_Failure) {
        return failed(target,
                      core::tr("safe_file.write_failed", {core::tr("safe_file.disk_full")}));
    }
    return core::Ok{};
}

// Writes the plan to a SafeFile of `path`; the caller commits.
core::Result<core::SafeFile> write_temporary(const core::Plan& plan, const std::string& path) {
    core::remove_stale_temporaries(path);  // left by a beltplan killed while saving this plan
    core::Result<core::SafeFile> file = core::SafeFile::begin(path);
    if (!file) {
        return file.error();
    }
    core::Status status = write_all(plan, path, file->temp_path());
    if (!status) {
        core::Error e = status.error();  // the SafeFile's destructor removes the temporary
        if (e.message.find(core::tr("trust.previous_unchanged")) == std::string::npos) {
            e.message += " " + core::tr("trust.previous_unchanged");
        }
        return e;
    }
    return file;
}

}  // namespace

core::Status write_plan(const core::Plan& plan, const std::string& path) {
    register_gdal();
    CplErrorCollector cpl;  // keeps GDAL's messages off stderr; failures are quoted in errors
    try {
        core::Result<core::SafeFile> file = write_temporary(plan, path);
        if (!file) {
            return file.error();
        }
        return file->commit();
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""},
                                core::tr("trust.save_failed", {e.what()}));
    }
}

core::Result<core::FileStamp> save_plan(const core::Plan& plan, const std::string& path,
                                        const core::FileStamp& read_stamp) {
    register_gdal();
    CplErrorCollector cpl;
    try {
        core::Result<core::SafeFile> file = write_temporary(plan, path);
        if (!file) {
            return file.error();
        }
        core::FileStamp written;
        core::Status committed = file->commit_over(read_stamp, &written);
        if (!committed) {
            return committed.error();
        }
        return written;
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""},
                                core::tr("trust.save_failed", {e.what()}));
    }
}

bool plan_file_unchanged(const std::string& path, const core::FileStamp& read_stamp) {
    return core::file_unchanged(path, read_stamp);
}

}  // namespace beltplan::io
