// Shapefile headers read by hand (the ESRI Shapefile Technical Description, 1998, and the dBASE
// III file header): sizes and counts only, plus the text of long numeric DBF columns.
#include "io/shapefile_check.h"

#include "core/messages.h"
#include "io/encoding.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>

namespace beltplan::io {

namespace {

constexpr std::size_t kShpHeader = 100;
constexpr std::size_t kShxEntry = 8;
constexpr std::size_t kDbfFieldDescriptor = 32;
constexpr int kLongNumericWidth = 16;  // from 16 digits on a double is no longer exact

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The first `n` bytes of a file (fewer when it is shorter).
std::string read_head(const std::string& path, std::size_t n) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(n, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(n));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

long long size_of(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<long long>(size);
}

std::uint32_t big_endian32(const std::string& b, std::size_t at) {
    const auto u = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + i]));
    };
    return (u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3);
}

std::uint32_t little_endian(const std::string& b, std::size_t at, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) {
        v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    }
    return v;
}

core::Error cut_short(const std::string& file, long long declared, long long actual) {
    return core::make_error(
        core::ErrorCode::kReadFailed, {file, "", -1, ""},
        core::tr("import.file_cut_short", {std::to_string(declared), std::to_string(actual)}));
}

// The .shp or .shx header's length (16-bit words) against the file size.
core::Status check_main_header(const std::string& path) {
    const std::string head = read_head(path, kShpHeader);
    const long long size = size_of(path);
    if (head.size() < kShpHeader) {
        return cut_short(path, static_cast<long long>(kShpHeader), size);
    }
    const long long declared = 2LL * big_endian32(head, 24);
    if (declared != size) {
        return cut_short(path, declared, size);
    }
    return core::Ok{};
}

// Header fields of a .dbf: record count, header length, record length.
struct DbfHeader {
    long long records = 0;
    std::size_t header_len = 0;
    std::size_t record_len = 0;
};

bool read_dbf_header(const std::string& bytes, DbfHeader& h) {
    if (bytes.size() < 32) {
        return false;
    }
    h.records = little_endian(bytes, 4, 4);
    h.header_len = little_endian(bytes, 8, 2);
    h.record_len = little_endian(bytes, 10, 2);
    return h.header_len >= 32 && h.record_len >= 1;
}

core::Result<long long> check_dbf(const std::string& path) {
    const std::string head = read_head(path, 32);
    const long long size = size_of(path);
    DbfHeader h;
    if (!read_dbf_header(head, h)) {
        return cut_short(path, 32, size);
    }
    const long long expected =
        static_cast<long long>(h.header_len) + h.records * static_cast<long long>(h.record_len);
    if (size < expected) {
        const long long whole =
            (size - static_cast<long long>(h.header_len)) / static_cast<long long>(h.record_len);
        return core::make_error(
            core::ErrorCode::kReadFailed, {path, "", -1, ""},
            core::tr("import.dbf_cut_short",
                     {std::to_string(h.records), std::to_string(std::max(0LL, whole))}));
    }
    return h.records;
}

// Records marked deleted ('*'), which GDAL skips when reading: the first byte of each record.
long long deleted_records(const std::string& path) {
    DbfHeader h;
    if (!read_dbf_header(read_head(path, 32), h)) {
        return 0;
    }
    std::ifstream in(path, std::ios::binary);
    long long deleted = 0;
    for (long long r = 0; r < h.records; ++r) {
        in.seekg(
            static_cast<std::streamoff>(h.header_len + static_cast<std::size_t>(r) * h.record_len));
        deleted += in.get() == '*' ? 1 : 0;
    }
    return deleted;
}

// Every .shx entry must point inside the .shp.
core::Status check_entries(const std::string& shp_path, long long shp_size,
                           const std::string& shx) {
    const std::size_t n = (shx.size() - kShpHeader) / kShxEntry;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = kShpHeader + i * kShxEntry;
        const long long offset = 2LL * big_endian32(shx, at);
        const long long length = 2LL * big_endian32(shx, at + 4);
        if (offset + 8 + length > shp_size) {
            return core::make_error(
                core::ErrorCode::kReadFailed, {shp_path, "", -1, ""},
                core::tr("import.shape_beyond_end",
                         {std::to_string(i), std::to_string(n), std::to_string(shp_size)}));
        }
    }
    return core::Ok{};
}

}  // namespace

core::Result<ShapefileCounts> check_shapefile(const std::string& shp_path) {
    ShapefileCounts counts;
    if (core::Status s = check_main_header(shp_path); !s) {
        return s.error();
    }
    const std::string shx_path = sidecar_path(shp_path, ".shx");
    if (!shx_path.empty()) {
        if (core::Status s = check_main_header(shx_path); !s) {
            return s.error();
        }
        const std::string shx = read_all(shx_path);  // 8 bytes a record
        counts.shx_records = static_cast<long long>((shx.size() - kShpHeader) / kShxEntry);
        if (core::Status s = check_entries(shp_path, size_of(shp_path), shx); !s) {
            return s.error();
        }
    }
    const std::string dbf_path = sidecar_path(shp_path, ".dbf");
    if (!dbf_path.empty()) {
        core::Result<long long> records = check_dbf(dbf_path);
        if (!records) {
            return records.error();
        }
        counts.dbf_records = *records;
        counts.dbf_deleted = deleted_records(dbf_path);
    }
    if (counts.shx_records >= 0 && counts.dbf_records >= 0 &&
        counts.shx_records != counts.dbf_records) {
        return core::make_error(
            core::ErrorCode::kReadFailed, {shp_path, "", -1, ""},
            core::tr("import.shx_dbf_disagree",
                     {std::to_string(counts.shx_records), std::to_string(counts.dbf_records)}));
    }
    return counts;
}

std::map<int, std::vector<std::string>> long_numeric_columns(const std::string& dbf_path) {
    std::map<int, std::vector<std::string>> columns;
    DbfHeader h;
    if (!read_dbf_header(read_head(dbf_path, 32), h)) {
        return columns;
    }
    std::string bytes = read_head(dbf_path, h.header_len);  // the field descriptors
    if (bytes.size() < h.header_len) {
        return columns;
    }
    struct Long {
        int index;
        std::size_t offset;
        std::size_t width;
    };
    std::vector<Long> wanted;
    std::size_t offset = 1;  // the deletion flag comes first in each record
    int index = 0;
    for (std::size_t at = 32; at + kDbfFieldDescriptor <= h.header_len && bytes[at] != '\x0D';
         at += kDbfFieldDescriptor, ++index) {
        const char type = bytes[at + 11];
        const auto width = static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 16]));
        const int decimals = static_cast<unsigned char>(bytes[at + 17]);
        if ((type == 'N' || type == 'F') && decimals == 0 &&
            static_cast<int>(width) >= kLongNumericWidth) {
            wanted.push_back({index, offset, width});
        }
        offset += width;
    }
    if (wanted.empty()) {
        return columns;
    }
    bytes = read_all(dbf_path);  // the records, only when a long numeric field needs them
    for (const Long& l : wanted) {
        std::vector<std::string>& column = columns[l.index];
        for (long long r = 0; r < h.records; ++r) {
            const std::size_t at = h.header_len + static_cast<std::size_t>(r) * h.record_len;
            if (at + h.record_len > bytes.size()) {
                break;
            }
            std::string text = bytes.substr(at + l.offset, l.width);
            text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
            column.push_back(text);
        }
    }
    return columns;
}

}  // namespace beltplan::io
