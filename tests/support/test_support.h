// Helpers shared by the test suites: a scratch folder per test and running the CLI.
#pragma once

#include <string>

namespace beltplan::test {

// A fresh empty folder under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

struct CommandOutput {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Runs the beltplan executable with the given argument string (shell-quoted by the caller).
CommandOutput run_beltplan(const std::string& args);

// Path of a file in the source tree ("maps/xuanhua.gpkg").
std::string source_path(const std::string& relative);

// Whole contents of a file ("" if it cannot be read).
std::string read_text(const std::string& path);

}  // namespace beltplan::test
