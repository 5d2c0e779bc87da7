// write_plan: every plan layer and plan_meta into a temporary GeoPackage in the target's
// folder, flushed and renamed over the target, so a failed or killed save changes nothing.
#include "io/ogr_util.h"
#include "io/plan_file.h"
#include "io/plan_layers.h"

#include <fcntl.h>
#include <gdal_priv.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

namespace beltplan::io {
namespace {

namespace fs = std::filesystem;

// ".<name>.tmp-<pid>" beside the target: hidden, and unique per process.
fs::path temp_path_for(const fs::path& target) {
    const std::string name = "." + target.filename().string() + ".tmp-" +
                             std::to_string(static_cast<long long>(::getpid()));
    return target.parent_path() / name;
}

// Removes the temporary file and any SQLite side files it may have left.
void remove_temp(const fs::path& temp) {
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
        fs::remove(fs::path(temp.string() + suffix), ec);
    }
}

// Flushes a file (or folder) to disk; false when it cannot be opened or synced.
bool sync_path(const fs::path& path, bool directory) {
    const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

core::Error failed(const std::string& path, const std::string& what) {
    std::string sentence = what;
    if (CPLGetLastErrorType() >= CE_Failure && *CPLGetLastErrorMsg() != '\0') {
        sentence += " (GDAL: " + std::string(CPLGetLastErrorMsg()) + ")";
    }
    return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""}, sentence);
}

// Writes all layers into a new GeoPackage at `temp` and closes it.
core::Status write_all(const core::Plan& plan, const std::string& target, const fs::path& temp) {
    SrsPtr srs = make_srs(plan.crs);
    if (srs == nullptr) {
        return core::make_error(core::ErrorCode::kBadCrs, {target, "", -1, ""},
                                "the plan's CRS cannot be read; set a projected CRS first.");
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) {
        return failed(target, "GDAL has no GeoPackage driver; reinstall GDAL.");
    }
    CPLErrorReset();
    DatasetPtr dataset(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (dataset == nullptr) {
        return failed(target, "the temporary file " + temp.string() +
                                  " could not be created; check the folder is writable.");
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
        return failed(target, "the temporary file could not be completed.");
    }
    return core::Ok{};
}

core::Status write_and_rename(const core::Plan& plan, const std::string& path,
                              const fs::path& target, const fs::path& temp) {
    remove_temp(temp);  // left by an earlier killed save of a process with our pid
    core::Status status = write_all(plan, path, temp);
    if (!status) {
        remove_temp(temp);
        return status;
    }
    sync_path(temp, false);
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        remove_temp(temp);
        return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""},
                                "the plan could not replace the file (" + ec.message() +
                                    "); the previous file is unchanged.");
    }
    sync_path(target.parent_path(), true);
    return core::Ok{};
}

}  // namespace

core::Status write_plan(const core::Plan& plan, const std::string& path) {
    register_gdal();
    CplErrorCollector cpl;  // keeps GDAL's messages off stderr; failures are quoted in errors
    fs::path temp;
    try {
        const fs::path target = fs::absolute(fs::path(path));
        if (path.empty() || target.filename().empty()) {
            return core::make_error(core::ErrorCode::kBadArgument, {path, "", -1, ""},
                                    "the plan path names no file; give a .gpkg file name.");
        }
        temp = temp_path_for(target);
        return write_and_rename(plan, path, target, temp);
    } catch (const std::exception& e) {
        if (!temp.empty()) {
            remove_temp(temp);
        }
        return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""},
                                std::string("the plan could not be saved: ") + e.what() + ".");
    }
}

}  // namespace beltplan::io
