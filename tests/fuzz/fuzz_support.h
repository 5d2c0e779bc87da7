// Shared by the fuzz targets: each input becomes files in one scratch folder per process, so
// the harness stays one call into the product (io::read_plan or io::import_plan).
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace beltplan::fuzz {

// A folder under /tmp (or $TMPDIR) for this process, made once.
inline const std::string& scratch() {
    static const std::string dir = [] {
        const auto p = std::filesystem::temp_directory_path() /
                       ("beltplan_fuzz_" + std::to_string(::getpid()));
        std::filesystem::create_directories(p);
        return p.string();
    }();
    return dir;
}

// Writes bytes to scratch()/name and returns the path.
inline std::string put(const std::string& name, std::string_view bytes) {
    const std::string path = scratch() + "/" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

// Splits an input into `n` parts: n-1 little-endian uint32 lengths up front, then the parts
// (each cut to what is there), the last part taking the rest. tests/fuzz/pack.py packs seeds.
inline std::vector<std::string_view> split(const std::uint8_t* data, std::size_t size,
                                           std::size_t n) {
    std::vector<std::string_view> parts;
    const char* bytes = reinterpret_cast<const char*>(data);
    const std::size_t header = 4 * (n - 1);
    if (size < header) {
        return std::vector<std::string_view>(n);
    }
    std::size_t pos = header;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        std::uint32_t len = 0;
        std::memcpy(&len, bytes + 4 * i, 4);
        const std::size_t take = std::min<std::size_t>(len, size - pos);
        parts.emplace_back(bytes + pos, take);
        pos += take;
    }
    parts.emplace_back(bytes + pos, size - pos);
    return parts;
}

}  // namespace beltplan::fuzz
