// The one way beltplan writes a file (plan, exports, tables, maps, autosave): a temporary file
// beside the target, unique per process and call, flushed to disk, renamed over the target,
// and the folder flushed; a failure leaves the old file exactly as it was.
#pragma once

#include "core/file_stamp.h"
#include "core/result.h"

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace beltplan::core {

// A write in progress. Whatever writes the content (GDAL, a PNG encoder, a stream) writes to
// temp_path(); commit() then makes it the target. Destroyed without commit, the temporary
// file (and SQLite side files beside it) are removed.
class SafeFile {
public:
    // Picks ".<stem>.tmp-<pid>-<n><ext>" in the target's folder. Fails when the target names
    // no file or its folder does not exist.
    static Result<SafeFile> begin(const std::string& target);

    SafeFile(SafeFile&& other) noexcept;
    SafeFile& operator=(SafeFile&& other) noexcept;
    SafeFile(const SafeFile&) = delete;
    SafeFile& operator=(const SafeFile&) = delete;
    ~SafeFile();

    const std::string& temp_path() const { return temp_; }
    const std::string& target() const { return target_; }

    // Writes `bytes` to the temporary file (creating or replacing it); a short write (a full
    // disk, a file-size limit) is an Error naming the target.
    Status write(std::string_view bytes);

    // fsyncs the temporary file, renames it over the target and fsyncs the folder. The
    // error names the target and says the previous file is unchanged.
    Status commit();
    // The same for a file that was read before and is now saved over: while holding a
    // FileLock on the target, checks that it is still `expected` (else refuses, removing the
    // temporary, with "the plan was changed by another program ..."), renames, and stores the
    // new file's stamp in `written` (may be null). Two savers of one file are serialised here.
    Status commit_over(const FileStamp& expected, FileStamp* written);
    // Removes the temporary file now (also done by the destructor).
    void abandon();

private:
    friend Status commit_together(std::vector<SafeFile>& files,
                                  const std::vector<std::string>& remove);
    SafeFile(std::string target, std::string temp);
    Status sync_temp();  // checks the temporary exists and fsyncs it; abandons on failure
    std::string target_;
    std::string temp_;
    bool done_ = false;
};

// Files that belong together (a Shapefile's .shp, .shx, .dbf, .prj, .cpg), each written to
// its own SafeFile in one folder: all are flushed, then renamed into place; if a rename fails
// part way, the files renamed so far are put back as they were, so the set is never half old,
// half new. After success the files named in `remove` (side files of an older version that
// this one lacks) are deleted. Every SafeFile is done afterwards.
Status commit_together(std::vector<SafeFile>& files, const std::vector<std::string>& remove = {});

// Writes `bytes` to `target` through a SafeFile.
Status write_file_atomically(const std::string& target, std::string_view bytes);
// Calls `write` on a stream to the temporary file; the stream's state after write and after
// the flush decides success.
Status write_file_atomically(const std::string& target,
                             const std::function<void(std::ostream&)>& write);

// Temporary files of `target` left by a beltplan process that no longer runs (killed during a
// save): ".<name>.tmp-<pid>" and ".<stem>.tmp-<pid>-<n><ext>" whose pid is not alive.
std::vector<std::string> stale_temporaries(const std::string& target);
// Removes them (and their SQLite side files); returns how many were removed.
int remove_stale_temporaries(const std::string& target);

}  // namespace beltplan::core
